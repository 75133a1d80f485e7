//! `vendorscore plan --progress NEW_EXPORT`: a later export of the client's devices,
//! read through the same mapping as the inventory, against the plan made from the
//! inventory; rendered in the format asked for. Findings are a report, not an error:
//! the exit code is 0 whatever they are.

use std::path::Path;

use super::client_plan::ClientPlan;
use super::{render, Outcome};
use crate::cli::MigrationPlanArgs;
use crate::dataset::parse_date;
use crate::inventory;
use crate::plan::progress::{latest_seen, progress};
use crate::report::export::terminal::Width;
use crate::report::plan::{PlanInputs, ProgressReport};
use crate::Error;

/// Reads `export` against the plan `built` and renders the progress report.
pub fn run(
    a: &MigrationPlanArgs,
    export: &Path,
    built: &ClientPlan,
    width: Width,
) -> Result<Outcome, Error> {
    if !export.is_file() {
        return Err(Error::Usage(format!(
            "later export `{}` not found\n  hint: pass a later device export of the same client, in the inventory's format",
            export.display()
        )));
    }
    let given = match &a.as_of {
        Some(s) => Some(parse_date(s, false).ok_or_else(|| {
            Error::Usage(format!(
                "`--as-of` is `{s}`, not a date\n  hint: expected `YYYY-MM-DD`, e.g. `2024-08-02`"
            ))
        })?),
        None => None,
    };
    let client = &built.report.client;
    let after = inventory::load(export, &built.mapping, client)?;
    let as_of = match given {
        Some(d) => d,
        None => latest_seen(&after).ok_or_else(|| {
            Error::Usage(format!(
                "`{}` has no `last_seen` date to date the progress by\n  hint: give the date with `--as-of YYYY-MM-DD`",
                after.file
            ))
        })?,
    };
    let p = progress(
        &built.plan,
        &built.inventory.devices,
        &after,
        &built.products,
        as_of,
    )?;
    let doc = ProgressReport::build(
        &built.plan,
        &p,
        &built.report,
        &PlanInputs {
            client,
            inventory: &after,
            products: &built.products,
            vendor: built.report.vendor.as_deref(),
        },
        a.as_of.is_some(),
    );
    Ok(Outcome {
        stdout: render(&doc, a.format, width),
        stderr: built.notes.clone(),
    })
}
