//! A dataset: a folder of evidence files, found, read through polars and validated.
//!
//! `load` reads every file it finds and reports every problem in all of them at once;
//! only `vendors` is required. The result holds typed rows (see `types.rs`).

mod cells;
mod csv_split;
pub mod export;
mod fx;
mod pilot;
mod pilot_checks;
mod pilot_diagnose;
pub mod pilot_frame;
pub mod pilot_times;
mod rows;
mod table;
mod types;

pub use cells::{parse_date, Date};
pub use fx::Fx;
pub use pilot::Pilot;
pub use pilot_frame::EndpointAgg;
pub use pilot_times::TimeGroup;
pub use table::Format;
pub use types::*;

use std::path::{Path, PathBuf};

use crate::problem::{render_all, Problem};
use table::TextTable;

/// The evidence files a dataset may hold, by stem.
pub const FILES: [&str; 6] = [
    "vendors",
    "test_scores",
    "pilot_results",
    "pricing",
    "rmm_checks",
    "fx_rates",
];

/// Where a dataset comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A folder on disk.
    Dir(PathBuf),
    /// Files built into the binary: (file name, bytes), shown under `label`.
    Embedded {
        label: &'static str,
        files: &'static [(&'static str, &'static [u8])],
    },
}

/// Errors of loading a dataset.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("dataset folder `{path}` does not exist\n  hint: pass the folder with --data, or run `vendorscore demo-data --out {path}` to make one")]
    NotFound { path: PathBuf },
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", render_all(.problems))]
    Invalid { problems: Vec<Problem> },
}

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

struct Found {
    shown: String,
    format: Format,
    data: Data,
}

/// A file's contents: on disk (read when needed, so a large pilot file can be streamed)
/// or built into the binary.
enum Data {
    Path(PathBuf),
    Bytes(Vec<u8>),
}

/// Loads and validates a dataset, reporting every problem in every file.
pub fn load(source: &Source) -> Result<Dataset, DatasetError> {
    let (label, mut files) = match source {
        Source::Dir(dir) => (dir.display().to_string(), find_in_dir(dir)?),
        Source::Embedded { label, files } => (label.to_string(), find_embedded(label, files)),
    };
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
            problems: vec![Problem::file(&label, "no `vendors.csv` or `vendors.parquet` in the dataset folder")
                .hint("a dataset needs at least vendors.csv with the columns `vendor`, `name`; see docs/data-formats.md")],
        });
    };
    let mut ds = Dataset {
        label,
        ..Dataset::default()
    };
    match read(vf).and_then(|t| rows::vendors(&t)) {
        Ok(v) => ds.vendors = v,
        Err(p) => {
            // Without vendors no other file can be checked against them.
            return Err(DatasetError::Invalid { problems: p });
        }
    }
    let index: rows::VendorIndex = ds
        .vendors
        .iter()
        .enumerate()
        .map(|(i, v)| (v.id.clone(), i))
        .collect();
    ds.test_scores = part(take("test_scores"), &mut problems, |t| {
        rows::test_scores(t, &index)
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
        rows::pricing(t, &index, fx.as_ref())
    });
    ds.rmm = part(take("rmm_checks"), &mut problems, |t| {
        rows::rmm_checks(t, &index)
    });
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(DatasetError::Invalid { problems })
    }
}

fn read(f: Found) -> Result<TextTable, Vec<Problem>> {
    let bytes = match f.data {
        Data::Bytes(b) => b,
        Data::Path(p) => std::fs::read(&p).map_err(|e| {
            vec![Problem::file(
                &f.shown,
                format!("cannot read the file: {e}"),
            )]
        })?,
    };
    TextTable::read(&f.shown, f.format, bytes).map_err(|p| vec![p])
}

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

fn find_in_dir(dir: &Path) -> Result<Vec<Option<Found>>, DatasetError> {
    if !dir.is_dir() {
        return Err(DatasetError::NotFound {
            path: dir.to_path_buf(),
        });
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for stem in FILES {
        let csv = dir.join(format!("{stem}.csv"));
        let parquet = dir.join(format!("{stem}.parquet"));
        let found = match (csv.is_file(), parquet.is_file()) {
            (true, true) => {
                problems.push(
                    Problem::file(
                        csv.display().to_string(),
                        format!("both `{stem}.csv` and `{stem}.parquet` exist"),
                    )
                    .hint("keep one of them so it is clear which evidence counts"),
                );
                None
            }
            (true, false) => Some((csv, Format::Csv)),
            (false, true) => Some((parquet, Format::Parquet)),
            (false, false) => None,
        };
        out.push(found.map(|(path, format)| Found {
            shown: path.display().to_string(),
            format,
            data: Data::Path(path),
        }));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(DatasetError::Invalid { problems })
    }
}

fn find_embedded(label: &str, files: &[(&str, &[u8])]) -> Vec<Option<Found>> {
    FILES
        .iter()
        .map(|stem| {
            let name = format!("{stem}.csv");
            files.iter().find(|(n, _)| *n == name).map(|(n, b)| Found {
                shown: format!("{label}/{n}"),
                format: Format::Csv,
                data: Data::Bytes(b.to_vec()),
            })
        })
        .collect()
}
