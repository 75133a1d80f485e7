//! `vendorscore cost`: each vendor's price for the fleet, with line items on request,
//! and value for money against the ranking.

use super::{load_inputs, warnings, Outcome};
use crate::cli::{CostArgs, OutputFormat};
use crate::report::cost as render;
use crate::Error;

/// Prices every vendor, ranks, and renders the cost table.
pub fn run(a: &CostArgs) -> Result<Outcome, Error> {
    let inputs = load_inputs(&a.input)?;
    let ranking = inputs.rank()?;
    let table =
        render::CostTable::build(&ranking, inputs.client.as_ref().map(|c| c.name.as_str()))?;
    let stdout = match a.format {
        OutputFormat::Table => render::table(&table, a.explain).into_bytes(),
        OutputFormat::Md => render::markdown(&table, a.explain).into_bytes(),
        OutputFormat::Csv => render::csv(&table),
        OutputFormat::Json => render::json(&table),
    };
    Ok(Outcome {
        stdout,
        stderr: warnings(&ranking.warnings),
    })
}
