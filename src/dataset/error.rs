//! The error of loading a dataset: its folder is missing or unreadable, or its files
//! break the rules (every problem in every file at once).

use std::path::PathBuf;

use crate::problem::{render_all, Problem};

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
