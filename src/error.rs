//! The top-level error: every layer's error, and the exit code each maps to.
//!
//! One rule picks the exit code ([`Error::exit_code`]): bad usage of the command line
//! exits 2, everything else (bad or insufficient data, criteria, a client profile, a
//! failed analysis or write) exits 1. A new variant is data unless it is `Usage`.

use crate::chart::ChartError;
use crate::client::ClientError;
use crate::score::error::ScoreError;
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
    Inventory(#[from] crate::inventory::InventoryError),
    #[error("cannot plan the migration: {0}")]
    Plan(#[from] crate::plan::PlanError),
    #[error("{0}")]
    Write(#[from] WriteError),
    #[error("{0}")]
    Proposal(#[from] crate::proposal::ProposalError),
    /// The evidence lacks what the command needs (`cost` without a pricing file, `pilot`
    /// without a pilot file).
    #[error("{0}")]
    NotInData(String),
    /// A scoring method or consensus could not be computed on this data.
    #[error("{0}")]
    Score(#[from] ScoreError),
    #[error("cannot draw the charts: {0}")]
    Chart(#[from] ChartError),
    #[error("cannot write the tables: {0}")]
    Table(String),
    /// A file could not be read (an input read again to hash it for `manifest.json`, a manifest).
    #[error("cannot read `{}`: {source}", .path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// `verify`: the report folder is not what its inputs make, or cannot be rerun.
    #[error("{0}")]
    Verify(String),
    /// Two runs cannot be compared (`diff`).
    #[error("{0}")]
    Diff(String),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Only bad usage exits 2; every failure of the data or of what is computed from it
    /// exits 1, whichever layer it comes from.
    #[test]
    fn only_bad_usage_exits_2() {
        let data: Vec<Error> = vec![
            Error::NotInData("dataset x has no pricing file".into()),
            ScoreError::NoAlternatives.into(),
            RankError::Analysis("no vendors to analyse".into()).into(),
            ChartError::Empty {
                chart: "forest",
                what: "vendors",
            }
            .into(),
            Error::Table("parquet".into()),
            WriteError {
                path: "out/report.html".into(),
                source: std::io::Error::other("disk full"),
            }
            .into(),
            RankError::AllExcluded {
                excluded: Vec::new(),
                places: Vec::new(),
            }
            .into(),
            DemoError::Io {
                path: "out".into(),
                source: std::io::Error::other("denied"),
            }
            .into(),
            crate::inventory::InventoryError::Invalid {
                problems: Vec::new(),
            }
            .into(),
            crate::plan::PlanError::NeverOpens {
                what: "a maintenance window".into(),
                device: "SRV-01".into(),
            }
            .into(),
        ];
        for e in &data {
            assert_eq!(e.exit_code(), 1, "{e}");
        }
        assert_eq!(
            Error::Usage("`--samples` must be at least 1".into()).exit_code(),
            2
        );
        let demo_usage: Error = DemoError::Vendors { got: 99, max: 12 }.into();
        assert_eq!(demo_usage.exit_code(), 2);
        let chart: Error = ChartError::Empty {
            chart: "forest",
            what: "vendors",
        }
        .into();
        assert_eq!(
            chart.to_string(),
            "cannot draw the charts: the `forest` chart has no vendors to draw"
        );
    }
}
