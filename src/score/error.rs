//! The scoring layer's error type: bad shapes, bad parameters and inputs a method cannot
//! take, for every method, weighting and consensus function in `score`.
//!
//! Indices are 0-based positions in the slices the caller passed (alternative = row,
//! criterion = column); the caller maps them to vendor and criterion names, files and
//! spans. Messages are lower-case, with the offending values in backticks.

use thiserror::Error;

/// Everything that can go wrong in `score`'s methods, weights and consensus functions.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScoreError {
    #[error("the decision matrix has no alternatives")]
    NoAlternatives,
    #[error("the decision matrix has no criteria")]
    NoCriteria,
    #[error("alternative `{alternative}` has `{len}` values, expected `{expected}`")]
    RaggedRow {
        alternative: usize,
        len: usize,
        expected: usize,
    },
    #[error("`{what}` has `{len}` entries, expected `{expected}`")]
    LengthMismatch {
        what: &'static str,
        len: usize,
        expected: usize,
    },
    #[error("value of alternative `{alternative}` on criterion `{criterion}` is `{value}`, expected a finite number")]
    NonFinite {
        alternative: usize,
        criterion: usize,
        value: f64,
    },
    #[error("weight of criterion `{criterion}` is `{value}`, expected a finite number >= 0")]
    BadWeight { criterion: usize, value: f64 },
    #[error("weights sum to `{sum}`, expected 1 (normalise them first)")]
    WeightSum { sum: f64 },
    #[error("{method} needs values > 0: alternative `{alternative}` has `{value}` on criterion `{criterion}`")]
    NonPositiveValue {
        method: &'static str,
        alternative: usize,
        criterion: usize,
        value: f64,
    },
    #[error("{method} needs values >= 0: alternative `{alternative}` has `{value}` on criterion `{criterion}`")]
    NegativeValue {
        method: &'static str,
        alternative: usize,
        criterion: usize,
        value: f64,
    },
    #[error("{method} needs at least `{needed}` alternatives, got `{got}`")]
    TooFewAlternatives {
        method: &'static str,
        needed: usize,
        got: usize,
    },
    #[error("{method}: every criterion is constant across the alternatives, so no criterion carries information")]
    AllConstant { method: &'static str },
    #[error("vikor `v` is `{v}`, expected a number in [0, 1]")]
    VOutOfRange { v: f64 },
    #[error("criterion `{criterion}`: {name} is `{value}`, expected a finite number {expected}")]
    BadParameter {
        criterion: usize,
        name: &'static str,
        value: f64,
        expected: &'static str,
    },
    #[error("criterion `{criterion}`: indifference threshold q `{q}` is greater than preference threshold p `{p}`")]
    ThresholdOrder { criterion: usize, q: f64, p: f64 },
    #[error("pairwise comparison matrix row `{row}` has `{len}` entries, expected `{expected}` (the matrix must be square)")]
    NotSquare {
        row: usize,
        len: usize,
        expected: usize,
    },
    #[error("pairwise comparison `[{i}][{j}]` is `{value}`, expected a finite number > 0")]
    NonPositiveComparison { i: usize, j: usize, value: f64 },
    #[error("pairwise comparison `[{i}][{i}]` is `{value}`, expected 1")]
    DiagonalNotOne { i: usize, value: f64 },
    #[error("pairwise comparisons are not reciprocal: `[{i}][{j}]` is `{a_ij}` but `[{j}][{i}]` is `{a_ji}`, expected their product to be 1")]
    NotReciprocal {
        i: usize,
        j: usize,
        a_ij: f64,
        a_ji: f64,
    },
    #[error("the random-index table covers 1 to `{max}` criteria, got `{n}` (split the comparison into groups)")]
    MatrixTooLarge { n: usize, max: usize },
    #[error("the principal eigenvector did not converge in `{iterations}` iterations")]
    NotConverged { iterations: usize },
    #[error("blend `alpha` is `{alpha}`, expected a number in [0, 1]")]
    AlphaOutOfRange { alpha: f64 },
    #[error("weights cancel out: they sum to `{sum}`, expected a positive sum")]
    WeightsCancel { sum: f64 },
    #[error("no rankings to combine")]
    NoRankings,
    #[error("ranking `{index}` has rank `{rank}`, expected ranks from 1 to `{len}`")]
    BadRank {
        index: usize,
        rank: usize,
        len: usize,
    },
}

impl ScoreError {
    /// The criterion (column) the error is about, if any.
    pub fn criterion(&self) -> Option<usize> {
        match self {
            ScoreError::NonFinite { criterion, .. }
            | ScoreError::BadWeight { criterion, .. }
            | ScoreError::NonPositiveValue { criterion, .. }
            | ScoreError::NegativeValue { criterion, .. }
            | ScoreError::BadParameter { criterion, .. }
            | ScoreError::ThresholdOrder { criterion, .. } => Some(*criterion),
            _ => None,
        }
    }

    /// The message with the 0-based positions replaced by names: `vendors[alternative]`
    /// and `criteria[criterion]` (a position without a name keeps its number).
    pub fn named(&self, vendors: &[String], criteria: &[String]) -> String {
        let v = |i: &usize| vendors.get(*i).cloned().unwrap_or_else(|| i.to_string());
        let c = |i: &usize| criteria.get(*i).cloned().unwrap_or_else(|| i.to_string());
        match self {
            ScoreError::NonFinite {
                alternative,
                criterion,
                value,
            } => format!(
                "vendor `{}` has `{value}` on criterion `{}`, expected a finite number",
                v(alternative),
                c(criterion)
            ),
            ScoreError::NonPositiveValue {
                method,
                alternative,
                criterion,
                value,
            } => format!(
                "{method} needs values > 0: vendor `{}` has `{value}` on criterion `{}`",
                v(alternative),
                c(criterion)
            ),
            ScoreError::NegativeValue {
                method,
                alternative,
                criterion,
                value,
            } => format!(
                "{method} needs values >= 0: vendor `{}` has `{value}` on criterion `{}`",
                v(alternative),
                c(criterion)
            ),
            ScoreError::BadWeight { criterion, value } => format!(
                "weight of criterion `{}` is `{value}`, expected a finite number >= 0",
                c(criterion)
            ),
            ScoreError::BadParameter {
                criterion,
                name,
                value,
                expected,
            } => format!(
                "criterion `{}`: {name} is `{value}`, expected a finite number {expected}",
                c(criterion)
            ),
            ScoreError::ThresholdOrder { criterion, q, p } => format!(
                "criterion `{}`: indifference threshold q `{q}` is greater than preference threshold p `{p}`",
                c(criterion)
            ),
            ScoreError::RaggedRow {
                alternative,
                len,
                expected,
            } => format!(
                "vendor `{}` has `{len}` values, expected `{expected}`",
                v(alternative)
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
        let e = ScoreError::NonPositiveValue {
            method: "the weighted product",
            alternative: 1,
            criterion: 0,
            value: 0.0,
        };
        let names = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            e.named(&names(&["alpha", "bravo"]), &names(&["breakages"])),
            "the weighted product needs values > 0: vendor `bravo` has `0` on criterion `breakages`"
        );
        assert_eq!(e.criterion(), Some(0));
        // Without names the positions stay.
        assert!(e.named(&[], &[]).contains("vendor `1`"));
        assert_eq!(
            ScoreError::NoCriteria.named(&[], &[]),
            "the decision matrix has no criteria"
        );
    }
}
