//! `vendorscore cost`: each vendor's price for the fleet, with line items on request,
//! and value for money against the ranking.

use super::{load_inputs, render, warnings, Outcome};
use crate::cli::CostArgs;
use crate::report::cost::{CostTable, CostView};
use crate::report::export::terminal::Width;
use crate::Error;

/// Prices every vendor, ranks, and renders the cost table.
pub fn run(a: &CostArgs, width: Width) -> Result<Outcome, Error> {
    let inputs = load_inputs(&a.input)?;
    let ranking = inputs.rank()?;
    let table = CostTable::build(&ranking, inputs.client.as_ref().map(|c| c.name.as_str()))
        .map_err(Error::NotInData)?;
    let view = CostView {
        table: &table,
        explain: a.explain,
    };
    Ok(Outcome {
        stdout: render(&view, a.format, width),
        stderr: warnings(&ranking),
    })
}
