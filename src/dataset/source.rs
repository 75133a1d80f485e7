//! Where a dataset's evidence files come from (a folder on disk, or files built into the
//! binary), finding each of [`FILES`] there, and reading one as a text table.
//!
//! In a folder each evidence file is `<stem>.csv`, `.parquet`, `.xlsx` or `.ods`, or a
//! sheet named `<stem>` of one workbook `evidence.xlsx` (or `evidence.ods`); two sources
//! of one file are a problem.

use std::path::{Path, PathBuf};

use super::error::DatasetError;
use super::table::{Format, TextTable};
use crate::problem::{Location, Problem};

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
    /// The sheet of a workbook holding several evidence files (`evidence.xlsx`).
    pub sheet: Option<String>,
}

/// A file's contents: on disk (read when needed, so a large pilot file can be streamed)
/// or built into the binary.
pub enum Data {
    Path(PathBuf),
    Bytes(Vec<u8>),
}

/// Reads a whole file (or a workbook's sheet) as a text table.
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
    if f.format == Format::Workbook {
        let stem = Path::new(&f.shown).file_stem().and_then(|s| s.to_str());
        return TextTable::read_sheet(&f.shown, bytes, f.sheet.as_deref(), stem)
            .map_err(|p| vec![p]);
    }
    TextTable::read(&f.shown, f.format, bytes).map_err(|p| vec![p])
}

/// The extensions of a data file (an evidence file or an inventory), in the order a stem
/// is looked up, with the format each is read as.
pub const EXTENSIONS: [(&str, Format); 4] = [
    ("csv", Format::Csv),
    ("parquet", Format::Parquet),
    ("xlsx", Format::Workbook),
    ("ods", Format::Workbook),
];

/// The workbooks that may hold several evidence files, one a sheet.
const EVIDENCE_BOOKS: [&str; 2] = ["evidence.xlsx", "evidence.ods"];

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
    let book = evidence_book(dir, &mut problems);
    for stem in FILES {
        let mut found: Vec<Found> = EXTENSIONS
            .iter()
            .map(|(ext, format)| (dir.join(format!("{stem}.{ext}")), *format))
            .filter(|(path, _)| path.is_file())
            .map(|(path, format)| Found {
                shown: path.display().to_string(),
                format,
                data: Data::Path(path),
                sheet: None,
            })
            .collect();
        if let Some((path, sheets)) = &book {
            if sheets.iter().any(|s| s == stem) {
                found.push(Found {
                    shown: path.display().to_string(),
                    format: Format::Workbook,
                    data: Data::Path(path.clone()),
                    sheet: Some(stem.to_string()),
                });
            }
        }
        if found.len() > 1 {
            let names: Vec<String> = found
                .iter()
                .map(|f| match &f.sheet {
                    Some(s) => format!("sheet `{s}` of `{}`", file_name(&f.shown)),
                    None => format!("`{}`", file_name(&f.shown)),
                })
                .collect();
            problems.push(
                Problem::file(
                    found[0].shown.clone(),
                    match names.split_last() {
                        Some((last, [one])) => format!("both {one} and {last} exist"),
                        Some((last, rest)) => format!("{} and {last} all exist", rest.join(", ")),
                        None => String::new(),
                    },
                )
                .hint("keep one of them so it is clear which evidence counts"),
            );
            out.push(None);
        } else {
            out.push(found.pop());
        }
    }
    problems.extend(misnamed(dir));
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(DatasetError::Invalid { problems })
    }
}

/// The format a file's name says by its extension (in any letter case): CSV, Parquet or
/// a workbook; `None` for any other name.
pub fn format_of(name: &str) -> Option<Format> {
    let (_, ext) = name.rsplit_once('.')?;
    EXTENSIONS
        .iter()
        .find(|(e, _)| ext.eq_ignore_ascii_case(e))
        .map(|(_, format)| *format)
}

/// The last part of a path as shown (`datasets/demo/pricing.csv` is `pricing.csv`).
pub fn file_name(shown: &str) -> String {
    Path::new(shown)
        .file_name()
        .map_or(shown.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The workbook of several evidence files in `dir` and its sheet names; a sheet not
/// named as an evidence file is a problem (it would be ignored), as are two such books.
fn evidence_book(dir: &Path, problems: &mut Vec<Problem>) -> Option<(PathBuf, Vec<String>)> {
    let books: Vec<PathBuf> = EVIDENCE_BOOKS
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .collect();
    let path = books.first()?.clone();
    let shown = path.display().to_string();
    if books.len() > 1 {
        problems.push(
            Problem::file(&shown, "both `evidence.xlsx` and `evidence.ods` exist")
                .hint("keep one of them so it is clear which evidence counts"),
        );
        return None;
    }
    let sheets = std::fs::read(&path)
        .map_err(|e| Problem::file(&shown, format!("cannot read the file: {e}")))
        .and_then(|b| super::workbook::sheet_names(&shown, b));
    let sheets = match sheets {
        Ok(s) => s,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    for s in sheets.iter().filter(|s| !FILES.contains(&s.as_str())) {
        let normal = s.trim().to_lowercase().replace([' ', '-'], "_");
        let hint = match crate::problem::closest(&normal, FILES).first() {
            Some(want) => format!("did you mean `{want}`? rename the sheet `{want}`, or delete it (sheets are named exactly as the evidence files, docs/spreadsheets.md)"),
            None => format!("name each sheet as an evidence file: {}", crate::problem::backticks(&FILES)),
        };
        problems.push(
            Problem::at(
                &shown,
                Location::Cell {
                    sheet: s.as_str().into(),
                    row: None,
                    column: None,
                },
                format!("sheet `{s}` is not an evidence file name, so it would be ignored"),
            )
            .hint(hint),
        );
    }
    Some((path, sheets))
}

/// The files of `dir` that look like an evidence file but are not named exactly as one
/// (`Pricing.csv`, `pricing.CSV`, `pilot results.csv`, `pricng.csv`): read as they are
/// named they would be skipped without a word, and a criterion would lose its evidence.
fn misnamed(dir: &Path) -> Vec<Problem> {
    let known: Vec<String> = FILES
        .iter()
        .flat_map(|stem| {
            EXTENSIONS
                .iter()
                .map(move |(ext, _)| format!("{stem}.{ext}"))
        })
        .chain(EVIDENCE_BOOKS.iter().map(|b| b.to_string()))
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
            if !EXTENSIONS.iter().any(|(e, _)| *e == ext) || stem == "evidence" {
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
                sheet: None,
            })
        })
        .collect()
}
