//! `vendorscore check`: validate without ranking, and say what was found.

use super::{load_inputs, warnings, Outcome};
use crate::cli::InputArgs;
use crate::report::check::summary;
use crate::report::export::terminal::{wrap_prose, Width};
use crate::Error;

/// Loads, validates and runs the pipeline up to the ranking; prints a summary wrapped to
/// `width`.
pub fn run(a: &InputArgs, width: Width) -> Result<Outcome, Error> {
    let inputs = load_inputs(a)?;
    let ranking = inputs.rank()?;
    Ok(Outcome {
        stdout: wrap_prose(&summary(&inputs.dataset, &inputs.criteria, &ranking), width)
            .into_bytes(),
        stderr: warnings(&ranking),
    })
}
