//! Errors of the sensitivity layer: bad problem shapes, weights, weight constraints and
//! sample counts. Messages are lower case, user values in backticks, no trailing period;
//! criteria and vendors are named by their index (the caller maps them to ids and to the
//! file, line and column of the criteria file).

use thiserror::Error;

/// Everything that can go wrong in sweeps, break-even search and SMAA.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SensitivityError {
    /// The decision matrix has no rows.
    #[error("no vendors to analyse")]
    NoVendors,
    /// The decision matrix has no columns.
    #[error("no criteria to analyse")]
    NoCriteria,
    /// A row of the matrix (or of a drawn matrix) has the wrong length.
    #[error("row of vendor `{vendor}` has `{len}` values, expected `{expected}`")]
    RaggedRow {
        vendor: usize,
        len: usize,
        expected: usize,
    },
    /// A matrix value is NaN or infinite.
    #[error("value of vendor `{vendor}` on criterion `{criterion}` is `{value}`, expected a finite number")]
    NonFiniteValue {
        vendor: usize,
        criterion: usize,
        value: f64,
    },
    /// A slice has the wrong number of entries.
    #[error("`{what}` has `{len}` entries, expected `{expected}`")]
    SizeMismatch {
        what: &'static str,
        len: usize,
        expected: usize,
    },
    /// A weight is negative, NaN or infinite.
    #[error("weight of criterion `{criterion}` is `{value}`, expected a finite number >= 0")]
    BadWeight { criterion: usize, value: f64 },
    /// The weights do not sum to 1.
    #[error("weights sum to `{sum}`, expected 1 (normalise them first)")]
    WeightSum { sum: f64 },
    /// A criterion index is out of range.
    #[error("criterion `{criterion}` does not exist (there are `{criteria}` criteria)")]
    NoSuchCriterion { criterion: usize, criteria: usize },
    /// A sweep needs at least one step.
    #[error("a sweep needs at least `1` step, got `0`")]
    ZeroSteps,
    /// A weight passed to a sweep lies outside [0, 1].
    #[error("swept weight `{value}` lies outside [0, 1]")]
    SweptWeightOutOfRange { value: f64 },
    /// SMAA was asked for zero samples.
    #[error("`0` samples requested, SMAA needs at least `1` (try `10000`)")]
    ZeroSamples,
    /// More samples than the chunked random streams can address.
    #[error("`{samples}` samples requested, at most `{max}` are supported")]
    TooManySamples { samples: u64, max: u64 },
    /// A weight range bound is NaN or outside [0, 1].
    #[error(
        "weight range of criterion `{criterion}` is [`{lo}`, `{hi}`], bounds must lie in [0, 1]"
    )]
    RangeOutOfBounds { criterion: usize, lo: f64, hi: f64 },
    /// A weight range with its lower bound above its upper bound.
    #[error(
        "weight range of criterion `{criterion}` has lower bound `{lo}` above upper bound `{hi}`"
    )]
    RangeInverted { criterion: usize, lo: f64, hi: f64 },
    /// The ranges leave no weights that sum to 1.
    #[error("weight ranges leave no feasible weights: lower bounds sum to `{lo_sum}` and upper bounds to `{hi_sum}`, but weights sum to 1 (lower bounds must sum to at most 1, upper bounds to at least 1)")]
    NoFeasibleWeights { lo_sum: f64, hi_sum: f64 },
    /// A criterion appears twice in the orderings.
    #[error("criterion `{criterion}` appears more than once in the weight ordering")]
    OrderingRepeats { criterion: usize },
    /// The ordering puts `higher` above `lower`, but their ranges say the opposite.
    #[error("ordering puts criterion `{higher}` at or above criterion `{lower}`, but their ranges say `{higher}` <= `{hi}` < `{lo}` <= `{lower}`")]
    OrderingContradictsRanges {
        higher: usize,
        lower: usize,
        hi: f64,
        lo: f64,
    },
    /// Each range can be met, and the ordering too, but not with weights summing to 1.
    #[error("the weight ordering and ranges together leave no weights summing to 1 (with the ordering, lower bounds sum to `{lo_sum}` and upper bounds to `{hi_sum}`)")]
    OrderingInfeasible { lo_sum: f64, hi_sum: f64 },
    /// The feasible weights are too small a part of the proposal region to sample by rejection.
    #[error("weight constraints leave too little room to sample: `{accepted}` of `{proposals}` trial weight vectors were feasible (rate `{rate}`, at least `{min_rate}` is needed); widen the ranges or drop a constraint")]
    AcceptanceTooLow {
        accepted: u64,
        proposals: u64,
        rate: f64,
        min_rate: f64,
    },
    /// A scorer returned the wrong number of scores or a non-finite score.
    #[error("scorer returned `{len}` scores with a non-finite one or the wrong count, expected `{expected}` finite scores")]
    BadScores { len: usize, expected: usize },
    /// A matrix sampler drew a non-finite value.
    #[error("data sampler drew `{value}` for vendor `{vendor}` on criterion `{criterion}`, expected a finite number")]
    NonFiniteDraw {
        vendor: usize,
        criterion: usize,
        value: f64,
    },
}

impl SensitivityError {
    /// The message with the 0-based positions replaced by names: `vendors[vendor]` and
    /// `criteria[criterion]` (a position without a name keeps its number).
    pub fn named(&self, vendors: &[String], criteria: &[String]) -> String {
        let v = |i: &usize| vendors.get(*i).cloned().unwrap_or_else(|| i.to_string());
        let c = |i: &usize| criteria.get(*i).cloned().unwrap_or_else(|| i.to_string());
        match self {
            SensitivityError::RaggedRow {
                vendor,
                len,
                expected,
            } => format!(
                "row of vendor `{}` has `{len}` values, expected `{expected}`",
                v(vendor)
            ),
            SensitivityError::NonFiniteValue {
                vendor,
                criterion,
                value,
            } => format!(
                "value of vendor `{}` on criterion `{}` is `{value}`, expected a finite number",
                v(vendor),
                c(criterion)
            ),
            SensitivityError::NonFiniteDraw {
                vendor,
                criterion,
                value,
            } => format!(
                "data sampler drew `{value}` for vendor `{}` on criterion `{}`, expected a finite number",
                v(vendor),
                c(criterion)
            ),
            SensitivityError::BadWeight { criterion, value } => format!(
                "weight of criterion `{}` is `{value}`, expected a finite number >= 0",
                c(criterion)
            ),
            SensitivityError::OrderingRepeats { criterion } => format!(
                "criterion `{}` appears more than once in the weight ordering",
                c(criterion)
            ),
            SensitivityError::RangeOutOfBounds { criterion, lo, hi } => format!(
                "weight range of criterion `{}` is [`{lo}`, `{hi}`], bounds must lie in [0, 1]",
                c(criterion)
            ),
            SensitivityError::RangeInverted { criterion, lo, hi } => format!(
                "weight range of criterion `{}` has lower bound `{lo}` above upper bound `{hi}`",
                c(criterion)
            ),
            SensitivityError::OrderingContradictsRanges {
                higher,
                lower,
                hi,
                lo,
            } => format!(
                "ordering puts criterion `{}` at or above criterion `{}`, but their ranges say `{}` <= `{hi}` < `{lo}` <= `{}`",
                c(higher),
                c(lower),
                c(higher),
                c(lower)
            ),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_messages_name_the_vendor_and_criterion() {
        let names = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let e = SensitivityError::NonFiniteValue {
            vendor: 1,
            criterion: 0,
            value: f64::INFINITY,
        };
        assert_eq!(
            e.named(&names(&["alpha", "bravo"]), &names(&["cpu"])),
            "value of vendor `bravo` on criterion `cpu` is `inf`, expected a finite number"
        );
        // A position without a name keeps its number; variants without one are unchanged.
        let e = SensitivityError::BadWeight {
            criterion: 3,
            value: -1.0,
        };
        assert!(e.named(&[], &names(&["cpu"])).contains("criterion `3`"));
        assert_eq!(
            SensitivityError::NoVendors.named(&[], &[]),
            "no vendors to analyse"
        );
    }
}
