//! Criteria files: what counts, how much, and which hard requirements exclude a vendor.
//!
//! A TOML file is read into `raw` serde types, then `validate` checks it as a whole and
//! builds a `Criteria` with normalised weights. Every problem is reported at once with
//! its file, line and column. Metric names are checked later against the dataset
//! (`Criteria::metric_problems`), since which metrics exist depends on the evidence.

mod raw;
mod validate;
mod validate_weights;
pub mod weighting;
pub mod weights;

use std::path::{Path, PathBuf};

use crate::problem::{render_all, Location, Problem};

pub use validate::parse;
pub use weighting::{AhpWeights, Blend, Objective, Weighting, WeightsUsed};

use crate::score::normalisation::Normalisation;

/// How criteria combine into one score (docs/methods.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    WeightedSum,
    WeightedProduct,
    Topsis,
    /// VIKOR with its strategy weight `v` (default 0.5).
    Vikor {
        v: f64,
    },
    /// PROMETHEE II, with each criterion's preference function.
    Promethee2,
}

impl Method {
    /// The names used in files and on the command line.
    pub const NAMES: [&'static str; 5] = [
        "weighted-sum",
        "weighted-product",
        "topsis",
        "vikor",
        "promethee2",
    ];

    /// The name used in files and output.
    pub fn name(self) -> &'static str {
        match self {
            Method::WeightedSum => "weighted-sum",
            Method::WeightedProduct => "weighted-product",
            Method::Topsis => "topsis",
            Method::Vikor { .. } => "vikor",
            Method::Promethee2 => "promethee2",
        }
    }

    /// A method by name, with default parameters.
    pub fn from_name(name: &str) -> Option<Method> {
        Some(match name {
            "weighted-sum" => Method::WeightedSum,
            "weighted-product" => Method::WeightedProduct,
            "topsis" => Method::Topsis,
            "vikor" => Method::Vikor {
                v: crate::score::vikor::DEFAULT_V,
            },
            "promethee2" => Method::Promethee2,
            _ => return None,
        })
    }
}

/// What to do when a vendor has no value for a criterion's metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Stop with an error naming the vendor and metric.
    Error,
    /// Score the vendor as the worst of the others on that criterion.
    Worst,
    /// Leave the vendor out of the ranking, with the reason.
    ExcludeVendor,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More is better (a benefit criterion).
    Max,
    /// Less is better (a cost criterion).
    Min,
}

impl Direction {
    /// `max` or `min`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Max => "max",
            Direction::Min => "min",
        }
    }
}

/// How lab results combine across labs and periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aggregate {
    /// The mean of all results.
    #[default]
    Mean,
    /// The results of the latest period (their mean when several labs share it).
    Latest,
    /// The worst result (the lowest value).
    Min,
}

/// A metric as a criterion or gate names it.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRef {
    pub name: String,
    pub aggregate: Aggregate,
}

/// A position in the criteria file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    /// As a problem location.
    pub fn location(self) -> Location {
        Location::Line {
            line: self.line,
            column: Some(self.column),
        }
    }
}

/// A weighted criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    pub group: Option<String>,
    pub metric: MetricRef,
    pub direction: Direction,
    /// The weight as written (the AHP weight when the file has a pairwise matrix).
    pub raw_weight: f64,
    /// The file's effective weight: share of the group x share within the group, or the
    /// AHP weight; all sum to 1. Objective weights, which depend on the ranked vendors,
    /// are blended in when ranking (`Weighting::effective`).
    pub weight: f64,
    pub missing: Missing,
    /// PROMETHEE II's preference function (usual unless the file says otherwise).
    pub preference: crate::score::promethee::PreferenceFunction,
    /// The weighted sum's normalisation of this criterion (min-max unless the file says
    /// otherwise).
    pub normalisation: Normalisation,
    /// Where the metric is named, for later problems.
    pub metric_pos: Pos,
}

/// A group of criteria with a relative weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    pub raw_weight: f64,
    /// Share of the total, 0..=1.
    pub weight: f64,
}

/// What a gate requires of a metric.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// A list metric must be empty (`rule = "empty"`).
    Empty,
    /// The metric must have a value (`rule = "present"`).
    Present,
    /// A number within bounds (`min`, `max`, or both; inclusive).
    Range { min: Option<f64>, max: Option<f64> },
    /// A text value must be one of these (`in`).
    In(Vec<String>),
    /// A text value must not be one of these (`not_in`).
    NotIn(Vec<String>),
    /// An RMM check result at least this good (`at_least = "pass"|"partial"|"fail"`), as its score.
    AtLeast { level: String, score: f64 },
}

/// A hard requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    pub id: String,
    pub description: Option<String>,
    pub metric: MetricRef,
    pub rule: Rule,
    /// Whether a vendor with no value passes (default: it fails).
    pub pass_if_missing: bool,
    pub metric_pos: Pos,
    /// The file that defined the gate when it is not the criteria file (a client profile).
    pub defined_in: Option<String>,
}

/// A validated criteria file.
#[derive(Debug, Clone, PartialEq)]
pub struct Criteria {
    /// The file as shown to the user.
    pub file: String,
    pub name: String,
    pub description: Option<String>,
    pub method: Method,
    pub missing: Missing,
    pub gates: Vec<Gate>,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    /// Where the weights come from: direct, AHP, and any objective weights to blend in
    /// when ranking.
    pub weighting: Weighting,
    /// What the file says about the weights for SMAA (uniform when absent).
    pub weight_spec: crate::sensitivity::WeightSpec,
    /// Where `[sensitivity]` is, for problems found when sampling.
    pub weight_spec_pos: Option<Pos>,
}

/// Errors of loading a criteria file.
#[derive(Debug, thiserror::Error)]
pub enum CriteriaError {
    #[error("criteria file `{path}` does not exist\n  hint: pass a file with --criteria; shipped files are in criteria/")]
    NotFound { path: PathBuf },
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
        });
    }
    let text = std::fs::read_to_string(path).map_err(|source| CriteriaError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&path.display().to_string(), &text)
        .map_err(|problems| CriteriaError::Invalid { problems })
}

impl Criteria {
    /// A problem at a position of this file.
    pub fn problem_at(&self, pos: Pos, message: impl Into<String>) -> Problem {
        Problem::at(&self.file, pos.location(), message)
    }

    /// A problem at a gate's metric, in the file that defined the gate.
    pub fn gate_problem(&self, g: &Gate, message: impl Into<String>) -> Problem {
        Problem::at(
            g.defined_in.as_deref().unwrap_or(&self.file),
            g.metric_pos.location(),
            message,
        )
    }
}
