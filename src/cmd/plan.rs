//! `vendorscore plan`: the client's migration plan (`client_plan`) rendered in the
//! format asked for; with `--out` the per-device CSV and the Gantt chart are written;
//! with `--progress` a later export is read against it instead (`plan_progress`).

use super::client_plan::{build, PlanOptions};
use super::{load_inputs, render, Outcome};
use crate::cli::MigrationPlanArgs;
use crate::report::charts::gantt_chart;
use crate::report::export::terminal::Width;
use crate::report::plan::device_csv;
use crate::Error;

/// Plans the migration and renders it.
pub fn run(a: &MigrationPlanArgs, width: Width) -> Result<Outcome, Error> {
    if a.input.client.is_none() && a.inventory.is_none() {
        return Err(Error::Usage(
            "`plan` needs a client profile (--client) or an inventory (--inventory)\n  hint: e.g. `vendorscore plan --client msp-client-350`".into(),
        ));
    }
    let inputs = load_inputs(&a.input)?;
    let built = build(&PlanOptions::from_args(a), &inputs)?;
    if let Some(export) = &a.progress {
        return super::plan_progress::run(a, export, &built, width);
    }
    let mut notes = built.notes;
    if let Some(dir) = &a.out {
        let mut guarded = super::input_files(&a.input);
        guarded.extend(built.inventory_path);
        let mut files = vec![("devices.csv".to_string(), device_csv(&built.report))];
        if let Some(f) = gantt_chart(&built.plan, &built.report)? {
            files.push((format!("{}.svg", f.name), f.chart.svg.into_bytes()));
            files.push((format!("{}.png", f.name), f.chart.png));
        }
        let written = crate::output::write_all(dir, &files, &guarded)?;
        for p in written {
            notes.push_str(&format!("wrote {}\n", p.display()));
        }
    }
    Ok(Outcome {
        stdout: render(&built.report, a.format, width),
        stderr: notes,
    })
}
