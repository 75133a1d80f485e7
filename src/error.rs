//! The top-level error: every layer's error, and the exit code each maps to.

use crate::client::ClientError;
use crate::{
    criteria::CriteriaError, dataset::DatasetError, demo::DemoError, output::WriteError,
    rank::RankError,
};

/// Anything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Dataset(#[from] DatasetError),
    #[error("{0}")]
    Criteria(#[from] CriteriaError),
    #[error("{0}")]
    Rank(#[from] RankError),
    #[error("{0}")]
    Client(#[from] ClientError),
    #[error("{0}")]
    Demo(#[from] DemoError),
    #[error("{0}")]
    Write(#[from] WriteError),
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// 1 for bad data, criteria or a failed write; 2 for bad usage.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Demo(e) if e.is_usage() => 2,
            _ => 1,
        }
    }
}
