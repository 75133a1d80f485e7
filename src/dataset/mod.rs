//! A dataset: a folder of evidence files, found, read through polars and validated.
//!
//! `load` reads every file it finds and reports every problem in all of them at once;
//! only `vendors` is required. The result holds typed rows (see `types.rs`).
//!
//! - `source.rs` finds the files; `table.rs` reads one as text cells (`csv_lines.rs`
//!   places its rows on lines, `workbook.rs` reads a workbook's sheet); `cells.rs` reads
//!   typed cells (`dates.rs` the dates).
//! - One file per evidence file turns the cells into typed rows: `vendors.rs` (which also
//!   resolves the `vendor` column of the others), `test_scores.rs`, `pricing.rs`,
//!   `rmm_checks.rs`, `fx.rs`, and the folder `pilot/` (a polars fast path, with cell
//!   checks for a file it refuses).

mod cells;
mod csv_lines;
mod dates;
mod error;
mod fx;
mod pilot;
mod pricing;
mod rmm_checks;
mod source;
mod table;
pub mod test_scores;
mod types;
mod vendors;
mod workbook;

pub use cells::{Cells, MAX_COUNT, MAX_VALUE};
pub use dates::{parse_date, Date};
pub use error::DatasetError;
pub use fx::Fx;
pub use pilot::{sort_on_two_threads, EndpointAgg, Pilot, TimeGroup};
pub use source::{evidence_files, file_name, format_of, Data, Found, Source, EXTENSIONS, FILES};
pub use table::{Format, TextTable};
pub use types::*;
pub use workbook::is_workbook;

use crate::problem::Problem;
use source::read;
/// Reads one evidence file found by [`evidence_files`] as a text table.
pub use source::read as read_evidence;
use vendors::VendorIndex;

/// A loaded, validated dataset.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// The folder as shown to the user.
    pub label: String,
    pub vendors: Vec<Vendor>,
    pub test_scores: Option<Vec<TestScore>>,
    pub pilot: Option<Pilot>,
    pub pricing: Option<Vec<PriceRow>>,
    pub rmm: Option<Vec<RmmCheck>>,
    /// Exchange rates, when the dataset carries `fx_rates`.
    pub fx: Option<Fx>,
}

impl Dataset {
    /// The index of a vendor id.
    pub fn vendor_index(&self, id: &str) -> Option<usize> {
        self.vendors.iter().position(|v| v.id == id)
    }
}

/// Loads and validates a dataset, reporting every problem in every file.
pub fn load(source: &Source) -> Result<Dataset, DatasetError> {
    let label = match source {
        Source::Dir(dir) => dir.display().to_string(),
        Source::Embedded { label, .. } => label.to_string(),
    };
    let mut files = evidence_files(source)?;
    let mut problems = Vec::new();
    // Every stem asked for below is in FILES, so the position always exists.
    let mut take = |stem: &str| {
        FILES
            .iter()
            .position(|f| *f == stem)
            .and_then(|i| files[i].take())
    };
    let Some(vf) = take("vendors") else {
        return Err(DatasetError::Invalid {
            problems: vec![Problem::file(&label, "no `vendors.csv` or `vendors.parquet` in the dataset folder (nor `vendors.xlsx`, `vendors.ods`, or a `vendors` sheet in `evidence.xlsx`)")
                .hint("a dataset needs at least vendors.csv with the columns `vendor`, `name`; see docs/data-formats.md")],
        });
    };
    let mut ds = Dataset {
        label,
        ..Dataset::default()
    };
    match read(vf).and_then(|t| vendors::read(&t)) {
        Ok(v) => ds.vendors = v,
        Err(p) => {
            // Without vendors no other file can be checked against them.
            return Err(DatasetError::Invalid { problems: p });
        }
    }
    let index: VendorIndex = ds
        .vendors
        .iter()
        .enumerate()
        .map(|(i, v)| (v.id.clone(), i))
        .collect();
    ds.test_scores = part(take("test_scores"), &mut problems, |t| {
        test_scores::read(t, &index)
    });
    ds.pilot = take("pilot_results").and_then(|f| match pilot::load(f, &index) {
        Ok(p) => Some(p),
        Err(p) => {
            problems.extend(p);
            None
        }
    });
    ds.fx = take("fx_rates").and_then(|f| match read(f).and_then(|t| fx::read(&t)) {
        Ok(fx) => Some(fx),
        Err(p) => {
            problems.extend(p);
            None
        }
    });
    let fx = ds.fx.clone();
    ds.pricing = part(take("pricing"), &mut problems, |t| {
        pricing::read(t, &index, fx.as_ref())
    });
    ds.rmm = part(take("rmm_checks"), &mut problems, |t| {
        rmm_checks::read(t, &index)
    });
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(DatasetError::Invalid { problems })
    }
}

/// Reads and parses an optional file, adding its problems to `problems`.
fn part<T>(
    found: Option<Found>,
    problems: &mut Vec<Problem>,
    parse: impl FnOnce(&TextTable) -> Result<Vec<T>, Vec<Problem>>,
) -> Option<Vec<T>> {
    match read(found?).and_then(|t| parse(&t)) {
        Ok(rows) => Some(rows),
        Err(p) => {
            problems.extend(p);
            None
        }
    }
}
