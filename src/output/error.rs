//! Why writing an output failed: the path and the I/O error.

use std::path::{Path, PathBuf};

/// A failed write, with the path.
#[derive(Debug, thiserror::Error)]
#[error("cannot write `{path}`: {source}")]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Maps an I/O error to a [`WriteError`] at `path`.
pub(super) fn err(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source| WriteError { path, source }
}
