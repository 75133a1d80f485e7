//! `vendorscore sensitivity`: sweeps, break-even weights and SMAA, with a progress line on
//! a terminal.

use super::{load_inputs, render, warnings, Outcome, Progress};
use crate::cli::SensitivityArgs;
use crate::rank::analysis::{analyse, Settings};
use crate::report::export::terminal::Width;
use crate::report::sensitivity::{self as sens, SensitivityView};
use crate::{output, Error};

/// Ranks, analyses and renders; writes the files of `--out` when asked.
pub fn run(a: &SensitivityArgs, width: Width) -> Result<Outcome, Error> {
    if a.samples == 0 {
        return Err(Error::Usage("`--samples` must be at least 1".into()));
    }
    let inputs = load_inputs(&a.input)?;
    let ranking = inputs.rank()?;
    let settings = Settings {
        samples: a.samples,
        steps: a.steps.max(1),
        seed: inputs.seed,
        with_evidence: a.with_evidence,
        all_sweeps: true,
    };
    let total = a.samples * if a.with_evidence { 2 } else { 1 };
    let progress = Progress::new();
    let analysis = analyse(
        &ranking,
        &inputs.criteria,
        settings,
        &progress.counter("SMAA", total),
    )?;
    progress.done();
    let view = SensitivityView {
        analysis: &analysis,
        ranking: &ranking,
    };
    let mut stdout = render(&view, a.format, width);
    if let Some(dir) = &a.out {
        let files = vec![
            ("sensitivity.json".to_string(), sens::json(&analysis)),
            (
                "acceptability.csv".to_string(),
                sens::acceptability_csv(&analysis),
            ),
            (
                "break_even.csv".to_string(),
                sens::break_even_csv(&analysis),
            ),
            ("sweeps.csv".to_string(), sens::sweeps_csv(&analysis)),
        ];
        for p in output::write_all(dir, &files, &super::input_files(&a.input))? {
            stdout.extend_from_slice(format!("wrote {}\n", p.display()).as_bytes());
        }
    }
    Ok(Outcome {
        stdout,
        stderr: warnings(&ranking),
    })
}
