//! The validated criteria file: `Criteria` with its criteria, groups and gates, the
//! metrics they name and where each stands in the file (for later problems).

use super::raw::Pos;
use super::weighting::Weighting;
use crate::decision::{Direction, Method, Normalisation, PreferenceFunction, WeightSpec};
use crate::problem::Problem;

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
    pub preference: PreferenceFunction,
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
    /// A number within bounds (`min`, `max`, or both; inclusive). With `percent` the bounds
    /// were written as percentages (`"95%"` is 95): a rate given as a ratio 0..1 is compared
    /// as a percentage (`gates::values` scales it).
    Range {
        min: Option<f64>,
        max: Option<f64>,
        percent: bool,
    },
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
    /// The file's own method when the command line replaced it (`--method`).
    pub file_method: Option<Method>,
    pub missing: Missing,
    pub gates: Vec<Gate>,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    /// Where the weights come from: direct, AHP, and any objective weights to blend in
    /// when ranking.
    pub weighting: Weighting,
    /// What the file says about the weights for SMAA (uniform when absent).
    pub weight_spec: WeightSpec,
    /// Where `[sensitivity]` is, for problems found when sampling.
    pub weight_spec_pos: Option<Pos>,
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
