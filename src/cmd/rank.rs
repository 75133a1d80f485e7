//! `vendorscore rank`: rank and print in the chosen format.

use super::{load_inputs, render, warnings, Outcome};
use crate::cli::RankArgs;
use crate::Error;

/// Ranks and renders to stdout.
pub fn run(a: &RankArgs) -> Result<Outcome, Error> {
    let r = load_inputs(&a.input)?.rank()?;
    Ok(Outcome {
        stdout: render(&r, a.format),
        stderr: warnings(&r),
    })
}
