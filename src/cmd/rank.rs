//! `vendorscore rank`: rank and print in the chosen format.

use super::{load_inputs, render, warnings, Outcome};
use crate::cli::RankArgs;
use crate::report::export::terminal::Width;
use crate::Error;

/// Ranks and renders to stdout.
pub fn run(a: &RankArgs, width: Width) -> Result<Outcome, Error> {
    let r = load_inputs(&a.input)?.rank()?;
    Ok(Outcome {
        stdout: render(&r, a.format, width),
        stderr: warnings(&r),
    })
}
