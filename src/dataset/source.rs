//! Where a dataset's evidence files come from (a folder on disk, or files built into the
//! binary), finding each of [`FILES`] there, and reading one as a text table.

use std::path::{Path, PathBuf};

use super::error::DatasetError;
use super::table::{Format, TextTable};
use crate::problem::Problem;

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

/// An evidence file found in a dataset.
pub struct Found {
    /// The file as shown to the user.
    pub shown: String,
    pub format: Format,
    pub data: Data,
}

/// A file's contents: on disk (read when needed, so a large pilot file can be streamed)
/// or built into the binary.
pub enum Data {
    Path(PathBuf),
    Bytes(Vec<u8>),
}

/// Reads a whole file as a text table.
pub fn read(f: Found) -> Result<TextTable, Vec<Problem>> {
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

/// The evidence files of a dataset, on disk or built in, one entry per stem of [`FILES`]
/// (`None` when absent).
pub fn evidence_files(source: &Source) -> Result<Vec<Option<Found>>, DatasetError> {
    Ok(match source {
        Source::Dir(dir) => find_in_dir(dir)?,
        Source::Embedded { label, files } => find_embedded(label, files),
    })
}

/// The evidence files in a folder, one entry per stem of [`FILES`] (`None` when absent).
pub fn find_in_dir(dir: &Path) -> Result<Vec<Option<Found>>, DatasetError> {
    if !dir.is_dir() {
        return Err(DatasetError::NotFound {
            path: dir.to_path_buf(),
            closest: crate::problem::closest_path(dir, true),
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
    problems.extend(misnamed(dir));
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(DatasetError::Invalid { problems })
    }
}

/// The files of `dir` that look like an evidence file but are not named exactly as one
/// (`Pricing.csv`, `pricing.CSV`, `pilot results.csv`, `pricng.csv`): read as they are
/// named they would be skipped without a word, and a criterion would lose its evidence.
fn misnamed(dir: &Path) -> Vec<Problem> {
    let known: Vec<String> = FILES
        .iter()
        .flat_map(|stem| [format!("{stem}.csv"), format!("{stem}.parquet")])
        .collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !known.contains(n))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            // Letter case, spaces and dashes, then spelling.
            let normal = name.trim().to_lowercase().replace([' ', '-'], "_");
            let (stem, ext) = normal.rsplit_once('.')?;
            if ext != "csv" && ext != "parquet" {
                return None;
            }
            let want = match known.iter().find(|k| **k == normal) {
                Some(k) => k.clone(),
                None => {
                    let close = crate::problem::closest(stem, FILES);
                    format!("{}.{ext}", close.first()?)
                }
            };
            Some(
                Problem::file(
                    dir.join(&name).display().to_string(),
                    format!("`{name}` is not an evidence file name, so it would be ignored; did you mean `{want}`?"),
                )
                .hint(format!("rename it `{want}` (evidence files are named exactly as in docs/data-formats.md), or move it out of the dataset folder")),
            )
        })
        .collect()
}

/// The evidence files built into the binary, one entry per stem of [`FILES`].
pub fn find_embedded(label: &str, files: &[(&str, &[u8])]) -> Vec<Option<Found>> {
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
