//! What every part of the demo generator shares: the options of `vendorscore demo-data`,
//! a generated file, and why generating or writing failed.

use std::path::PathBuf;

/// Options of `vendorscore demo-data`.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Seed of every random draw: the same seed gives the same bytes.
    pub seed: u64,
    /// Number of fictional vendors (1 to 12), besides the incumbent `kaspersky`.
    pub vendors: usize,
    /// Pilot endpoints per vendor, the incumbent included (1 to 50,000).
    pub endpoints: usize,
    /// Pilot days (1 to 366); every endpoint has one row per day.
    pub days: usize,
}

impl Default for DemoOptions {
    fn default() -> Self {
        Self {
            seed: 42,
            vendors: 5,
            endpoints: 20,
            days: 30,
        }
    }
}

/// One generated file: its file name (e.g. "vendors.csv") and its bytes.
pub struct DemoFile {
    /// File name inside the dataset folder.
    pub name: &'static str,
    /// The whole file: UTF-8, LF line endings.
    pub bytes: Vec<u8>,
}

/// Why the demo dataset could not be generated or written.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The number of fictional vendors is outside `1..=max`.
    #[error("vendors must be between 1 and {max}, got `{got}`")]
    Vendors { got: usize, max: usize },
    /// The number of endpoints per vendor is outside `1..=max`.
    #[error("endpoints must be between 1 and {max}, got `{got}`")]
    Endpoints { got: usize, max: usize },
    /// The number of pilot days is outside `1..=max`.
    #[error("days must be between 1 and {max}, got `{got}`")]
    Days { got: usize, max: usize },
    /// The pilot file would be unreasonably large.
    #[error(
        "the pilot would have `{rows}` rows, more than the limit of {max}; lower endpoints or days"
    )]
    TooManyRows { rows: usize, max: usize },
    /// A CSV record could not be written (should not happen when writing to memory).
    #[error("cannot write `{file}`")]
    Write {
        file: &'static str,
        #[source]
        source: csv::Error,
    },
    /// The folder holds files that are not an earlier generated dataset.
    #[error("`{}` is not empty ({}), and writing a demo dataset there would replace its files\n  hint: choose an empty or new folder with --out, or add --force to replace them", .dir.display(), crate::problem::backticks(&.found.iter().take(5).collect::<Vec<_>>()) + if .found.len() > 5 { ", ..." } else { "" })]
    Occupied { dir: PathBuf, found: Vec<String> },
    /// A file or the folder could not be created, written or renamed into place.
    #[error("cannot write `{path}`: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl DemoError {
    /// Whether the error is about the options asked for (bad usage) rather than writing.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            DemoError::Vendors { .. }
                | DemoError::Endpoints { .. }
                | DemoError::Days { .. }
                | DemoError::TooManyRows { .. }
                | DemoError::Occupied { .. }
        )
    }
}
