//! `vendorscore pilot` and `vendorscore pilot plan`.

use super::{load_inputs, render, Outcome};
use crate::cli::{Breakdown, PilotArgs, PilotCommand, PlanArgs, PlanMetric};
use crate::dataset::DatasetError;
use crate::pilot::{self, By};
use crate::problem::Problem;
use crate::report::export::terminal::Width;
use crate::report::pilot as render;
use crate::stats::power::{sample_size_proportions, sample_size_rates, Correction};
use crate::Error;

/// Pilot statistics, or a pilot plan.
pub fn run(a: &PilotArgs, width: Width) -> Result<Outcome, Error> {
    if let Some(PilotCommand::Plan(p)) = &a.command {
        return plan(p, width);
    }
    let inputs = load_inputs(&a.input)?;
    if let Some(p) = inputs.dataset.pilot.as_ref().filter(|p| p.rows == 0) {
        let problem = Problem::file(
            &p.file,
            "the file has a header but no rows: there is nothing to estimate",
        )
        .hint("export the pilot's daily rows, one per endpoint and day (see docs/data-formats.md)");
        return Err(DatasetError::Invalid {
            problems: vec![problem],
        }
        .into());
    }
    let by = match a.by {
        Breakdown::All => By::All,
        Breakdown::Role => By::Role,
        Breakdown::Client => By::Client,
    };
    let report = pilot::report(
        &inputs.dataset,
        &inputs.criteria,
        &inputs.pricing,
        by,
        inputs.seed,
    )
    .ok_or_else(|| {
        Error::NotInData(format!(
            "dataset {} has no pilot_results file",
            inputs.dataset.label
        ))
    })?;
    Ok(Outcome {
        stdout: render(&report, a.format, width),
        stderr: String::new(),
    })
}

/// `pilot plan`: the sample size, in words wrapped to `width`.
fn plan(p: &PlanArgs, width: Width) -> Result<Outcome, Error> {
    let usage = |e: crate::stats::common::StatsError| Error::Usage(e.to_string());
    let o = match p.metric {
        PlanMetric::Detection => {
            let plan = sample_size_proportions(
                p.baseline,
                p.difference,
                p.alpha,
                p.power,
                Correction::Fleiss,
            )
            .map_err(usage)?;
            let per_day = match (p.samples_per_endpoint_day, &p.data) {
                (Some(x), _) => Some((x, "as given".to_string())),
                (None, Some(dir)) => observed_samples_per_day(dir)?
                    .map(|x| (x, format!("as observed in {}", dir.display()))),
                (None, None) => None,
            };
            render::plan_detection(p, plan.per_arm_ceil, per_day)
        }
        PlanMetric::FalsePositives => {
            let plan =
                sample_size_rates(p.baseline, p.difference, p.alpha, p.power).map_err(usage)?;
            render::plan_false_positives(p, plan.per_arm_ceil)
        }
    };
    Ok(Outcome {
        stdout: crate::report::export::terminal::wrap_prose(&o, width).into_bytes(),
        stderr: String::new(),
    })
}

fn observed_samples_per_day(dir: &std::path::Path) -> Result<Option<f64>, Error> {
    let ds = crate::dataset::load(&crate::dataset::Source::Dir(dir.to_path_buf()))?;
    Ok(ds.pilot.map(|p| {
        let samples: u64 = p.endpoints.iter().map(|e| e.malware_samples).sum();
        let days: f64 = p.endpoints.iter().map(|e| e.days).sum();
        if days > 0.0 {
            samples as f64 / days
        } else {
            0.0
        }
    }))
}
