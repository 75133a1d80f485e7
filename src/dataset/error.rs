//! The error of loading a dataset: its folder is missing or unreadable, or its files
//! break the rules (every problem in every file at once).

use std::path::PathBuf;

use crate::problem::{render_all, Problem};

/// Errors of loading a dataset.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("dataset folder `{path}` does not exist\n  hint: {}", match .closest { Some(c) => format!("did you mean `{}`?", c.display()), None => "pass a dataset folder with --data; `vendorscore demo-data --out DIR` makes a synthetic one to try".to_string() })]
    NotFound {
        path: PathBuf,
        /// The existing folder beside it with the closest name.
        closest: Option<PathBuf>,
    },
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", render_all(.problems))]
    Invalid { problems: Vec<Problem> },
}
