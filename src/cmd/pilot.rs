//! `vendorscore pilot` and `vendorscore pilot plan`.

use super::{load_inputs, Outcome};
use crate::cli::{Breakdown, OutputFormat, PilotArgs, PilotCommand, PlanArgs, PlanMetric};
use crate::dataset::DatasetError;
use crate::pilot::{self, By};
use crate::problem::Problem;
use crate::report::pilot as render;
use crate::stats::power::{sample_size_proportions, sample_size_rates, Correction};
use crate::Error;

/// Pilot statistics, or a pilot plan.
pub fn run(a: &PilotArgs) -> Result<Outcome, Error> {
    if let Some(PilotCommand::Plan(p)) = &a.command {
        return plan(p);
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
    let stdout = match a.format {
        OutputFormat::Table => render::table(&report).into_bytes(),
        OutputFormat::Md => render::markdown(&report).into_bytes(),
        OutputFormat::Json => render::json(&report),
        OutputFormat::Csv => render::csv(&report),
    };
    Ok(Outcome {
        stdout,
        stderr: String::new(),
    })
}

fn plan(p: &PlanArgs) -> Result<Outcome, Error> {
    let usage = |e: crate::stats::common::StatsError| Error::Usage(e.to_string());
    let mut o = String::new();
    match p.metric {
        PlanMetric::Detection => {
            let plan = sample_size_proportions(
                p.baseline,
                p.difference,
                p.alpha,
                p.power,
                Correction::Fleiss,
            )
            .map_err(usage)?;
            o.push_str(&format!(
                "To tell a rate of {:.2}% from {:.2}% (two-sided alpha {}, power {:.0}%, Fleiss continuity correction):\n  {} samples per vendor (malware samples or phishing simulations).\n",
                100.0 * p.baseline, 100.0 * (p.baseline + p.difference), p.alpha, 100.0 * p.power, plan.per_arm_ceil
            ));
            let per_day = match (p.samples_per_endpoint_day, &p.data) {
                (Some(x), _) => Some((x, "as given".to_string())),
                (None, Some(dir)) => observed_samples_per_day(dir)?
                    .map(|x| (x, format!("as observed in {}", dir.display()))),
                (None, None) => None,
            };
            if let Some((x, how)) = per_day.filter(|(x, _)| *x > 0.0) {
                let days = (plan.per_arm_ceil as f64 / x).ceil();
                o.push_str(&format!("  At {x:.3} samples per endpoint-day ({how}), that is about {days} endpoint-days per vendor, e.g. {} endpoints for 30 days.\n", (days / 30.0).ceil()));
            } else {
                o.push_str("  Give --samples-per-endpoint-day (or --data with a pilot) to turn samples into endpoint-days.\n");
            }
        }
        PlanMetric::FalsePositives => {
            let plan =
                sample_size_rates(p.baseline, p.difference, p.alpha, p.power).map_err(usage)?;
            o.push_str(&format!(
                "To tell {} from {} events per endpoint-day (two-sided alpha {}, power {:.0}%):\n  {} endpoint-days per vendor, e.g. {} endpoints for 30 days.\n",
                p.baseline, p.baseline + p.difference, p.alpha, 100.0 * p.power, plan.per_arm_ceil, (plan.per_arm_ceil as f64 / 30.0).ceil()
            ));
        }
    }
    Ok(Outcome {
        stdout: o.into_bytes(),
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
