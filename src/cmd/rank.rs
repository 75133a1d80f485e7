//! `vendorscore rank`: rank and print in the chosen format.

use super::{load_inputs, warnings, Outcome};
use crate::cli::{OutputFormat, RankArgs};
use crate::report;
use crate::Error;

/// Ranks and renders to stdout.
pub fn run(a: &RankArgs) -> Result<Outcome, Error> {
    let r = load_inputs(&a.input)?.rank()?;
    let stdout = match a.format {
        OutputFormat::Table => report::table(&r).into_bytes(),
        OutputFormat::Csv => report::csv(&r),
        OutputFormat::Json => report::json(&r),
        OutputFormat::Md => report::markdown(&r).into_bytes(),
    };
    Ok(Outcome {
        stdout,
        stderr: warnings(&r.warnings),
    })
}
