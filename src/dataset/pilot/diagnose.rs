//! Finding the rows of a pilot file that the fast path refused, without reading a large
//! file whole: polars reads it as text, streaming, and keeps only the rows that look
//! wrong ([`suspect_rows`]); the first [`MAX_SUSPECTS`] become a small text table, placed
//! in the file (line for CSV, row for Parquet), for the cell-by-cell checks to word.
//!
//! Reading a 10.8-million-row export whole as text took 142 s and 19.7 GB; this reads it
//! at about the speed of the fast path, in the memory of the rows it keeps.

use std::collections::HashSet;
use std::io::Cursor;
use std::sync::Arc;

use polars::prelude::*;

use super::frame::{with_all_columns, PilotSource as Source};
use super::row_checks::{suspect_rows, Known};
use super::schema::numeric_dtype;
use crate::dataset::csv_lines::{data_record_lines, long_row, record_start_lines, unreadable_at};
use crate::dataset::table::{read_problem, Format, Picked, TextTable};
use crate::dataset::vendors::VendorIndex;
use crate::problem::Problem;

/// At most this many suspect rows are checked and reported; fixing them and running
/// again shows the next ones.
pub const MAX_SUSPECTS: usize = 1000;

/// The suspect rows as a text table, the numbers among them padded with spaces (see
/// [`padded_numbers`]), and whether there were more rows than the table holds.
pub fn suspects(
    shown: &str,
    source: &Source,
    header: &[String],
    index: &VendorIndex,
    clashing_endpoints: &[String],
) -> Result<(TextTable, Vec<Problem>, bool), Problem> {
    let format = match source {
        Source::ParquetPath(_) => Format::Parquet,
        _ => Format::Csv,
    };
    let fail = |e: PolarsError| {
        let long = match source {
            Source::CsvPath(p) => std::fs::File::open(p)
                .ok()
                .and_then(|f| long_row(shown, &e, std::io::BufReader::new(f)))
                .or_else(|| unreadable_at(shown, &std::fs::read(p).ok()?)),
            Source::CsvBytes(b) => {
                long_row(shown, &e, b.as_slice()).or_else(|| unreadable_at(shown, b))
            }
            Source::ParquetPath(_) => None,
        };
        long.unwrap_or_else(|| read_problem(shown, format, &e))
    };
    let known = Arc::new(Known {
        vendors: index.keys().cloned().collect(),
        clashing_endpoints: clashing_endpoints.iter().cloned().collect::<HashSet<_>>(),
    });
    let df = as_text(source, header)
        .map_err(fail)?
        .with_row_index("__row", None)
        .filter(suspect_rows(known))
        .limit(MAX_SUSPECTS as IdxSize + 1)
        .collect_with_engine(Engine::Streaming)
        .map_err(fail)?
        .unwrap_single();
    let more = df.height() > MAX_SUSPECTS;
    let df = df.head(Some(MAX_SUSPECTS));
    let rows: Vec<usize> = df
        .column("__row")
        .and_then(|c| c.cast(&DataType::UInt64))
        .map_err(fail)?
        .u64()
        .map_err(fail)?
        .into_no_null_iter()
        .map(|r| r as usize)
        .collect();
    let lines = match source {
        Source::CsvPath(p) => data_record_lines(p, &rows)
            .map_err(|e| Problem::file(shown, format!("cannot read the file: {e}")))?,
        Source::CsvBytes(b) => {
            let starts = record_start_lines(b);
            rows.iter()
                .map(|r| starts.get(r + 1).copied().unwrap_or(r + 2))
                .collect()
        }
        Source::ParquetPath(_) => Vec::new(),
    };
    // The file's own columns, in its order (the absent optional ones were added as empty).
    let df = df.select(header.iter().map(String::as_str)).map_err(fail)?;
    let table = TextTable::picked(shown, format, &df, Picked { rows, lines })?;
    let padded = padded_numbers(&df, header, &table);
    Ok((table, padded, more))
}

/// Numbers with spaces around them (` 3 `). The cell checks trim every cell and accept
/// them, but the fast path's number parser does not; they are reported here, where the
/// cells are still as the file has them (the text table holds them trimmed).
fn padded_numbers(df: &DataFrame, header: &[String], table: &TextTable) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (k, name) in header.iter().enumerate() {
        let Some(cells) = numeric_dtype(name)
            .and_then(|_| df.column(name).ok())
            .and_then(|c| c.str().ok())
        else {
            continue;
        };
        for (row, cell) in cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let trimmed = cell.trim();
            if trimmed.len() != cell.len() && trimmed.parse::<f64>().is_ok() {
                problems.push(
                    Problem::at(
                        &table.file,
                        table.location(row, Some(k)),
                        format!("`{name}` is `{cell}`, a number with spaces around it"),
                    )
                    .hint(format!(
                        "write `{trimmed}`: the pilot's number columns are parsed as they are, spaces included"
                    )),
                );
            }
        }
    }
    problems
}

/// The file with every column as text, absent optional columns added as empty.
fn as_text(source: &Source, header: &[String]) -> PolarsResult<LazyFrame> {
    let lf = match source {
        Source::CsvPath(p) => LazyCsvReader::new(PlRefPath::try_from_path(p)?)
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .finish()?,
        Source::CsvBytes(b) => CsvReadOptions::default()
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .into_reader_with_file_handle(Cursor::new(b.to_vec()))
            .finish()?
            .lazy(),
        Source::ParquetPath(p) => {
            LazyFrame::scan_parquet(PlRefPath::try_from_path(p)?, ScanArgsParquet::default())?
                .with_columns(
                    header
                        .iter()
                        .map(|h| col(h.as_str()).cast(DataType::String))
                        .collect::<Vec<_>>(),
                )
        }
    };
    Ok(with_all_columns(lf, header, |_| DataType::String))
}
