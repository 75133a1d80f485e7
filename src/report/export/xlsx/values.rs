//! The scorecard's sheets of values: gates and exclusions, and any export table of the
//! report (cost, pilot metrics with their intervals, rank acceptability) as a sheet of
//! its own, numbers as numbers.

use rust_xlsxwriter::Workbook;

use super::cells::{header, number, text, Formats, XlsxError};
use crate::criteria::Criteria;
use crate::rank::Ranking;
use crate::tables::{DataTable, Values};

/// Writes the Gates sheet (each hard requirement) and the Exclusions sheet (each vendor
/// left out, one row per reason).
pub fn gates(wb: &mut Workbook, r: &Ranking, cr: &Criteria, f: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("Gates")?;
    header(
        ws,
        f,
        &["gate", "metric", "requirement", "description"],
        &[20.0, 34.0, 30.0, 50.0],
    )?;
    for (i, g) in cr.gates.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &g.id)?;
        text(ws, row, 1, &g.metric.name)?;
        text(ws, row, 2, &crate::gates::requirement(&g.rule))?;
        text(ws, row, 3, g.description.as_deref().unwrap_or(""))?;
    }
    let ws = wb.add_worksheet().set_name("Exclusions")?;
    header(
        ws,
        f,
        &["vendor", "name", "excluded by", "reason"],
        &[16.0, 28.0, 20.0, 70.0],
    )?;
    let mut row = 1;
    for x in &r.excluded {
        for reason in &x.reasons {
            text(ws, row, 0, &x.vendor)?;
            text(ws, row, 1, &x.name)?;
            text(ws, row, 2, &reason.by)?;
            text(ws, row, 3, &reason.text)?;
            row += 1;
        }
    }
    Ok(())
}

/// A sheet's name for an export table: `pilot_metrics` is `Pilot metrics`.
fn sheet_name(table: &str) -> String {
    let spaced = table.replace('_', " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Writes an export table as a sheet of values, a row at a time in constant memory (the
/// sheet goes to a temporary file as it is written; `tables/acceptability` has a cell per
/// vendor and rank).
pub fn table(wb: &mut Workbook, t: &DataTable, f: &Formats) -> Result<(), XlsxError> {
    let ws = wb
        .add_worksheet_with_constant_memory()?
        .set_name(sheet_name(&t.name))?;
    let names: Vec<&str> = t.columns.iter().map(|(n, _)| n.as_str()).collect();
    header(ws, f, &names, &[16.0, 14.0])?;
    for r in 0..t.height() {
        let row = r as u32 + 1;
        for (c, (_, values)) in t.columns.iter().enumerate() {
            let c = c as u16;
            match values {
                Values::Text(v) => {
                    if let Some(x) = &v[r] {
                        text(ws, row, c, x)?;
                    }
                }
                Values::Number(v) => number(ws, row, c, v[r], &f.value)?,
                Values::Integer(v) => number(ws, row, c, v[r].map(|x| x as f64), &f.value)?,
                Values::Bool(v) => {
                    if let Some(b) = v[r] {
                        ws.write_boolean(row, c, b)?;
                    }
                }
            }
        }
    }
    Ok(())
}
