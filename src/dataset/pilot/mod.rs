//! Loading `pilot_results`: the polars fast path for clean data of any size, and the
//! cell-by-cell checks to report every problem with its line and column when the fast
//! path finds something wrong.
//!
//! - `schema.rs`: the columns, the types they are read as, the per-endpoint aggregate
//!   and the aggregations that make it.
//! - `times.rs`: the incident times (MTTD, MTTR), filed per (vendor, client, role).
//! - `row_checks.rs`: the checks of every row, run by polars on each batch.
//! - `csv_split.rs`: a CSV file in parts that end between rows.
//! - `frame.rs`: the fast path, reading, checking and aggregating in one pass.
//! - `diagnose.rs`: the rows of a refused file that look wrong, as a small text table.
//! - `cell_checks.rs`: those rows (or a small file's every row) checked cell by cell.
//!
//! Each file imports only files above it in this list; this one imports them.

mod cell_checks;
mod csv_split;
mod diagnose;
mod frame;
mod row_checks;
mod schema;
mod times;

pub use schema::EndpointAgg;
pub use times::{sort_on_two_threads, TimeGroup};

use std::io::Read;
use std::path::Path;

use polars::prelude::{LazyFrame, PlRefPath, ScanArgsParquet};

use crate::dataset::cells::missing_columns;
use crate::dataset::source::{read, Data, Found};
use crate::dataset::table::Format;
use crate::dataset::vendors::VendorIndex;
use crate::problem::{Location, Problem};
use diagnose::{suspects, MAX_SUSPECTS};
use frame::{NeedsDiagnosis, PilotSource};
use schema::PILOT_REQUIRED;

/// The pilot, aggregated per endpoint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pilot {
    /// The file as shown to the user.
    pub file: String,
    /// Rows in the file.
    pub rows: u64,
    /// One entry per (vendor, client, endpoint, role), in that order.
    pub endpoints: Vec<EndpointAgg>,
    /// MTTD and MTTR of the incidents per (vendor, client, role), in that order.
    pub times: Vec<TimeGroup>,
}

/// Reads, validates and aggregates the pilot file.
pub(super) fn load(f: Found, index: &VendorIndex) -> Result<Pilot, Vec<Problem>> {
    if f.format == Format::Workbook {
        return from_sheet(f, index);
    }
    let header = header(&f).map_err(|p| vec![p])?;
    let at = match f.format {
        Format::Csv => Location::Line {
            line: 1,
            column: None,
        },
        Format::Parquet | Format::Workbook => Location::File,
    };
    if let Some(p) = missing_columns(&f.shown, at, &header, &PILOT_REQUIRED) {
        return Err(vec![p]);
    }
    let source = match (&f.data, f.format) {
        (Data::Path(p), Format::Csv) => PilotSource::CsvPath(p.clone()),
        (Data::Path(p), _) => PilotSource::ParquetPath(p.clone()),
        (Data::Bytes(b), _) => PilotSource::CsvBytes(strip_bom(b).to_vec()),
    };
    match frame::aggregate(&source, &header, index) {
        Ok((rows, endpoints, times)) => Ok(Pilot {
            file: f.shown.clone(),
            rows,
            endpoints,
            times,
        }),
        Err(why) => Err(diagnose(f, &source, &header, index, why)),
    }
}

/// A pilot in a workbook's sheet (at most a spreadsheet's million rows): every cell
/// checked where it is, then the cells handed to the fast path as CSV text to aggregate.
fn from_sheet(f: Found, index: &VendorIndex) -> Result<Pilot, Vec<Problem>> {
    let shown = f.shown.clone();
    let table = read(f)?;
    cell_checks::read(&table, index)?;
    let header = table.headers.clone();
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: &dyn std::fmt::Display| {
        vec![Problem::file(&shown, format!("cannot read the sheet: {e}"))]
    };
    w.write_record(&header).map_err(|e| fail(&e))?;
    for r in 0..table.len() {
        w.write_record((0..header.len()).map(|c| table.cell(c, r).unwrap_or("")))
            .map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    match frame::aggregate(&PilotSource::CsvBytes(bytes), &header, index) {
        Ok((rows, endpoints, times)) => Ok(Pilot {
            file: shown,
            rows,
            endpoints,
            times,
        }),
        Err(why) => Err(vec![Problem::file(
            shown,
            format!(
                "cannot aggregate the pilot: {}",
                why.why.lines().next().unwrap_or("").to_lowercase()
            ),
        )
        .hint("check the sheet against docs/data-formats.md")]),
    }
}

/// The problems of a file the fast path refused: those of the suspect rows, else (for a
/// small file) of every row, else what the fast path saw.
fn diagnose(
    f: Found,
    source: &PilotSource,
    header: &[String],
    index: &VendorIndex,
    why: NeedsDiagnosis,
) -> Vec<Problem> {
    match suspects(&f.shown, source, header, index, &why.clashing_endpoints) {
        Err(p) => return vec![p],
        Ok((table, padded, more)) => {
            let mut problems = cell_checks::read(&table, index).err().unwrap_or_default();
            // A padded cell with another fault is reported once, for that fault.
            let padded: Vec<Problem> = padded
                .into_iter()
                .filter(|p| !problems.iter().any(|q| q.location == p.location))
                .collect();
            problems.extend(padded);
            if !problems.is_empty() {
                problems.sort_by(|a, b| a.location.cmp(&b.location));
                if more {
                    problems.push(
                        Problem::file(
                            &f.shown,
                            format!("more rows than the {MAX_SUSPECTS} checked here look wrong"),
                        )
                        .hint("fix these and run again to see the rest"),
                    );
                }
                return problems;
            }
        }
    }
    let shown = f.shown.clone();
    if size(&f) <= FULL_DIAGNOSIS_BYTES {
        let t = match read(f) {
            Ok(t) => t,
            Err(p) => return p,
        };
        if let Err(p) = cell_checks::read(&t, index) {
            return p;
        }
    }
    // The cell-by-cell checks found nothing: say what the fast path saw.
    vec![Problem::file(
        shown,
        format!(
            "cannot aggregate the pilot: {}",
            why.why.lines().next().unwrap_or("").to_lowercase()
        ),
    )
    .hint("check the file against docs/data-formats.md")]
}

/// Files up to this size are checked whole, cell by cell, when the suspect rows show
/// nothing (a rule only the whole file reveals); larger ones are not read whole.
const FULL_DIAGNOSIS_BYTES: u64 = 64 << 20;

fn size(f: &Found) -> u64 {
    match &f.data {
        Data::Path(p) => std::fs::metadata(p).map_or(u64::MAX, |m| m.len()),
        Data::Bytes(b) => b.len() as u64,
    }
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b)
}

/// The column names, read from the first record (CSV) or the schema (Parquet).
fn header(f: &Found) -> Result<Vec<String>, Problem> {
    let problem = |msg: String| Problem::file(&f.shown, msg);
    match (f.format, &f.data) {
        (Format::Parquet, Data::Path(p)) => {
            let lf = LazyFrame::scan_parquet(
                PlRefPath::try_from_path(p).map_err(|e| problem(e.to_string()))?,
                ScanArgsParquet::default(),
            );
            let schema = lf.and_then(|mut lf| lf.collect_schema()).map_err(|e| {
                problem(format!(
                    "cannot read the file as Parquet: {}",
                    e.to_string().to_lowercase()
                ))
            })?;
            Ok(schema.iter_names().map(|n| n.trim().to_string()).collect())
        }
        (_, Data::Path(p)) => first_record(
            &read_start(p).map_err(|e| problem(format!("cannot read the file: {e}")))?,
            &f.shown,
        ),
        (_, Data::Bytes(b)) => first_record(b, &f.shown),
    }
}

/// The first 64 KiB of a file: enough for any header.
fn read_start(p: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::fs::File::open(p)?
        .take(64 * 1024)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

fn first_record(bytes: &[u8], shown: &str) -> Result<Vec<String>, Problem> {
    let bytes = strip_bom(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::file(shown, "the file is empty")
            .hint("a CSV file needs at least a header row; see docs/data-formats.md"));
    }
    if let Some(p) = crate::dataset::csv_lines::header_problem(shown, bytes) {
        return Err(p);
    }
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rec = csv::StringRecord::new();
    match r.read_record(&mut rec) {
        Ok(true) => Ok(rec.iter().map(|s| s.trim().to_string()).collect()),
        Ok(false) => Err(Problem::file(shown, "the file is empty")),
        Err(e) => Err(Problem::file(shown, format!("cannot read the header: {e}"))),
    }
}
