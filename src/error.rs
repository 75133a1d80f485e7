//! The top-level error: every layer's error, and the exit code each maps to.
//!
//! One rule picks the exit code ([`Error::exit_code`]): bad usage of the command line
//! exits 2, everything else (bad or insufficient data, criteria, a client profile, a
//! failed analysis or write) exits 1. A new variant is data unless it is `Usage`.

use crate::chart::ChartError;
use crate::client::ClientError;
use crate::score::error::ScoreError;
use crate::sensitivity::SensitivityError;
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
    /// The evidence lacks what the command needs (`cost` without a pricing file, `pilot`
    /// without a pilot file).
    #[error("{0}")]
    NotInData(String),
    /// A scoring method or consensus could not be computed on this data.
    #[error("{0}")]
    Score(#[from] ScoreError),
    /// The sensitivity analysis could not be computed on this data.
    #[error("{0}")]
    Sensitivity(#[from] SensitivityError),
    #[error("cannot draw the charts: {0}")]
    Chart(#[from] ChartError),
    #[error("cannot write the tables: {0}")]
    Table(String),
    /// The command line asks for something impossible (a bad option value).
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// 2 for bad usage of the command line; 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Demo(e) if e.is_usage() => 2,
            _ => 1,
        }
    }
}
