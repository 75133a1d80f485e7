//! Criteria files: what counts, how much, and which hard requirements exclude a vendor.
//!
//! A TOML file is read into `raw` serde types, then `validate` checks it as a whole and
//! builds a `Criteria` (`validated`) with normalised weights: `context` holds the problems
//! found so far, `validate_weights` checks `[weights]` and `[sensitivity]`,
//! `validate_scoring` each criterion's normalisation and preference function. Every
//! problem is reported at once with its file, line and column. Metric names are checked
//! later against the dataset, since which metrics exist depends on the evidence.

mod context;
mod raw;
mod validate;
mod validate_scoring;
mod validate_weights;
#[cfg(test)]
mod validate_weights_tests;
mod validated;
pub mod weighting;
pub mod weights;

use std::path::{Path, PathBuf};

use crate::problem::{render_all, Problem};

pub use raw::Pos;
pub use validate::parse;
pub use validated::{Aggregate, Criteria, Criterion, Gate, Group, MetricRef, Missing, Rule};
pub use weighting::{AhpWeights, Blend, Objective, Weighting, WeightsUsed};
pub use weights::MAX_WEIGHT;

/// Re-exported because report/, cmd/ and cli.rs name them through `criteria`.
pub use crate::decision::{Direction, Method};

/// Errors of loading a criteria file.
#[derive(Debug, thiserror::Error)]
pub enum CriteriaError {
    #[error("criteria file `{path}` does not exist\n  hint: {}", match .closest { Some(c) => format!("did you mean `{}`?", c.display()), None => "pass a file with --criteria; shipped files are in criteria/".to_string() })]
    NotFound {
        path: PathBuf,
        /// The existing file beside it with the closest name.
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

/// Reads and validates a criteria file from disk.
pub fn load(path: &Path) -> Result<Criteria, CriteriaError> {
    if !path.is_file() {
        return Err(CriteriaError::NotFound {
            path: path.to_path_buf(),
            closest: crate::problem::closest_path(path, false),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| CriteriaError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file = path.display().to_string();
    let text = crate::problem::utf8(&file, &bytes)
        .map_err(|p| CriteriaError::Invalid { problems: vec![p] })?;
    parse(&file, text).map_err(|problems| CriteriaError::Invalid { problems })
}
