//! `vendorscore check`: validate without ranking, and say what was found.

use super::{load_inputs, warnings, Outcome};
use crate::cli::InputArgs;
use crate::report::check::summary;
use crate::Error;

/// Loads, validates and runs the pipeline up to the ranking; prints a summary.
pub fn run(a: &InputArgs) -> Result<Outcome, Error> {
    let inputs = load_inputs(a)?;
    let ranking = inputs.rank()?;
    Ok(Outcome {
        stdout: summary(&inputs.dataset, &inputs.criteria, &ranking).into_bytes(),
        stderr: warnings(&ranking),
    })
}
