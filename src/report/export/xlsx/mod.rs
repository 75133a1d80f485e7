//! The scorecard workbook (`scorecard.xlsx`, `rank --format xlsx`): the weighted sum as
//! formulas a spreadsheet recomputes when a weight changes, and the rest of the
//! evidence as values. Returns the workbook's bytes; `cmd` writes them.
//!
//! - `cells.rs`: the error, the number formats, headers and text cells (text from the
//!   data is always a text cell, never a formula).
//! - `formulas.rs`: the normalisations, points, score and rank as cell formulas.
//! - `scoring.rs`: the Weights, Evidence and Ranking sheets.
//! - `values.rs`: gates, exclusions and the report's export tables as values.
//!
//! Sheets and conventions: docs/spreadsheets.md.

mod cells;
mod formulas;
mod scoring;
mod values;

pub use cells::XlsxError;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use crate::criteria::Criteria;
use crate::rank::Ranking;
use crate::tables::DataTable;
use cells::Formats;

/// The scorecard of `ranking` (ranked with `criteria`), with `tables` (the report's
/// export tables other than the ranking and the criteria) as sheets of values. The same
/// inputs give the same bytes: the workbook's creation date is fixed.
pub fn scorecard(
    ranking: &Ranking,
    criteria: &Criteria,
    tables: &[DataTable],
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&ranking.title)
            .set_creation_datetime(&fixed),
    );
    scoring::ranking(&mut wb, ranking, &f)?;
    scoring::weights(&mut wb, ranking, criteria, &f)?;
    scoring::evidence(&mut wb, ranking, &f)?;
    values::gates(&mut wb, ranking, criteria, &f)?;
    for t in tables
        .iter()
        .filter(|t| t.name != "ranking" && t.name != "criteria")
    {
        values::table(&mut wb, t, &f)?;
    }
    Ok(wb.save_to_buffer()?)
}
