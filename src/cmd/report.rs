//! `vendorscore report`: the full report into `--out`: report.html, report.md, the ranking
//! files, the scorecard workbook, the charts and the tables; with a client whose device
//! inventory is found, the migration plan to the winner (`client_plan`, as `plan` makes
//! it). Everything is rendered in memory first and written at once, so a failure leaves
//! no half-written report.

use super::client_plan::{self, PlanOptions};
use super::{load_inputs, warnings, Outcome, Progress};
use crate::cli::ReportArgs;
use crate::pilot::{self, By};
use crate::rank::analysis::{analyse, Settings};
use crate::report::export::terminal::{wrap_prose, Width};
use crate::report::export::xlsx;
use crate::report::{cost::CostTable, full, Render};
use crate::{output, Error};

/// Sweep steps for the report's sensitivity charts.
const STEPS: usize = 20;

/// Ranks, analyses, renders all formats in memory, then writes them all at once; prints
/// the ranking fitted to `width`.
pub fn run(a: &ReportArgs, width: Width) -> Result<Outcome, Error> {
    let progress = Progress::new();
    progress.step("loading and ranking");
    let inputs = load_inputs(&a.input)?;
    let r = inputs.rank()?;
    let with_evidence = r.matrix.is_uncertain();
    let analysis = if a.samples > 0 && r.ranked.len() > 1 {
        let settings = Settings {
            samples: a.samples,
            steps: STEPS,
            seed: inputs.seed,
            with_evidence,
            all_sweeps: false,
        };
        let total = a.samples * if with_evidence { 2 } else { 1 };
        let out = analyse(
            &r,
            &inputs.criteria,
            settings,
            &progress.counter("sensitivity (SMAA)", total),
        )?;
        progress.done();
        Some(out)
    } else {
        None
    };
    let pilot = pilot::report(
        &inputs.dataset,
        &inputs.criteria,
        &inputs.pricing,
        By::All,
        inputs.seed,
    );
    let cost = if r.quotes.is_empty() {
        None
    } else {
        Some(
            CostTable::build(&r, inputs.client.as_ref().map(|c| c.name.as_str()))
                .map_err(Error::NotInData)?,
        )
    };
    // The plan for the winner; a client without an inventory has none, but a bad
    // inventory fails the report.
    let winner = r.ranked.first().map(|w| w.vendor.clone());
    let plan_options = PlanOptions {
        vendor: winner.as_deref(),
        ..PlanOptions::profile_only(&a.input)
    };
    let plan = if a.input.client.is_some() && client_plan::has_inventory(&plan_options) {
        Some(client_plan::build(&plan_options, &inputs)?)
    } else {
        None
    };
    progress.step("drawing the charts");
    let mut read = super::manifest::run_files(&a.input, &inputs.dataset)?;
    if let Some(p) = &plan {
        read.push(super::manifest::inventory_file(&a.input, p)?);
    }
    let mut built = full::build(&full::Inputs {
        ranking: &r,
        criteria: &inputs.criteria,
        analysis: analysis.as_ref(),
        pilot: pilot.as_ref(),
        cost: cost.as_ref(),
        client: inputs.client.as_ref().map(|c| c.name.as_str()),
        plan: plan.as_ref().map(|p| full::PlanPart {
            plan: &p.plan,
            report: &p.report,
        }),
    })?;
    built.doc.fingerprint = Some(super::manifest::fingerprint(&read));
    let mut files = built.files(&r).map_err(Error::Table)?;
    let scorecard = xlsx::scorecard(&r, &inputs.criteria, &built.tables)
        .map_err(|e| Error::Table(e.to_string()))?;
    files.push(("scorecard.xlsx".to_string(), scorecard));
    let manifest = super::manifest::build(&a.input, &read, &r, &files);
    files.push((crate::audit::manifest::FILE.to_string(), manifest));
    progress.step("writing");
    let earlier = crate::audit::earlier::earlier(&a.out);
    let mut guarded = super::input_files(&a.input);
    guarded.extend(plan.as_ref().and_then(|p| p.inventory_path.clone()));
    let written = output::write_run(
        &a.out,
        &files,
        &guarded,
        earlier.found.then_some(earlier.unchanged.as_slice()),
    )?;
    let mut o = r.terminal(width);
    if let Some((_, _, sentence)) = full::robustness(&full::Inputs {
        ranking: &r,
        criteria: &inputs.criteria,
        analysis: analysis.as_ref(),
        pilot: None,
        cost: None,
        client: None,
        plan: None,
    }) {
        o.push_str(&format!("\n{sentence}\n"));
    }
    o.push_str(&format!(
        "\nwrote {} files into {}; open {} in a browser\n",
        written.paths.len(),
        a.out.display(),
        a.out.join("report.html").display()
    ));
    o.push_str(&left_behind(&written));
    let mut stderr = warnings(&r);
    stderr.extend(plan.map(|p| p.notes));
    Ok(Outcome {
        stdout: wrap_prose(&o, width).into_bytes(),
        stderr,
    })
}

/// What the run removed of the earlier run's files and what it left of others', one
/// line each (nothing when there was nothing).
fn left_behind(w: &output::Written) -> String {
    let list = |paths: &[std::path::PathBuf]| {
        let shown: Vec<String> = paths
            .iter()
            .take(5)
            .map(|p| p.display().to_string())
            .collect();
        let more = paths.len().saturating_sub(shown.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        format!("{}{more}", shown.join(", "))
    };
    let mut o = String::new();
    if !w.removed.is_empty() {
        o.push_str(&format!(
            "removed {} file(s) of the earlier run that this run does not write: {}\n",
            w.removed.len(),
            list(&w.removed)
        ));
    }
    if !w.others.is_empty() {
        o.push_str(&format!(
            "left alone {} file(s) the earlier run did not write, or that were changed since: {}\n",
            w.others.len(),
            list(&w.others)
        ));
    }
    o
}
