//! Sensitivity of a ranking to the weights and the evidence: one-at-a-time weight sweeps,
//! break-even weights, and SMAA-2 rank acceptability analysis with data uncertainty.
//!
//! Pure computation on plain slices (no polars, no I/O). Every method works through the
//! [`Scorer`] trait: a decision matrix `matrix[vendor][criterion]` and weights that sum to 1
//! in, one higher-is-better score per vendor out. Ranks are competition ranks ("1224",
//! scores within [`TIE_EPSILON`] share a rank) as in `score`. Formulas, references and how
//! to read the outputs are in docs/sensitivity.md.

pub mod breakeven;
mod engine;
pub mod error;
mod iteration;
pub mod smaa;
pub mod sweep;
pub mod tornado;
pub mod weights;

#[cfg(test)]
mod breakeven_tests;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod reproducibility_tests;
#[cfg(test)]
mod smaa_tests;
#[cfg(test)]
mod weights_tests;

pub use breakeven::{
    break_even, break_even_all, break_even_grid, BreakEven, BreakEvenMethod, BreakPoint, Shift,
};
pub use error::SensitivityError;
pub use smaa::{smaa, MatrixSampler, SmaaOptions, SmaaProblem, SmaaResult, SmaaRng};
pub use sweep::{sweep, sweep_all, swept_weights, Sweep, SweepPoint};
pub use weights::{Proposal, WeightSampler};

use crate::decision::Direction;
use crate::score::inputs::{row_issue, weight_issue, InputIssue};
use crate::score::{competition_ranks, weighted_sum, TIE_EPSILON};

/// Weights must sum to 1 within this tolerance (the scoring methods' own).
pub use crate::score::inputs::WEIGHT_SUM_TOLERANCE;

/// A scoring method seen from the sensitivity analysis: higher scores are better.
///
/// A method whose raw score is lower-is-better (VIKOR's Q) is wrapped so that it returns
/// the negated score. `Sync` because SMAA calls it from several threads.
pub trait Scorer: Sync {
    /// One score per vendor (row of `matrix`), higher is better; `weights` sum to 1.
    fn scores(&self, matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64>;

    /// For a method whose score is linear in the weights, `score[v] = Σ_c weights[c] ·
    /// terms[v][c]` with `terms` depending on the matrix only: fill `terms` (resizing it to
    /// vendors x criteria) and return true. Enables the exact break-even weights and the
    /// fast SMAA path. The default (false) suits every other method.
    fn linear_terms(&self, matrix: &[Vec<f64>], terms: &mut Vec<Vec<f64>>) -> bool {
        let _ = (matrix, terms);
        false
    }
}

/// The weighted sum of min-max normalised values from `score` (scores 0..=100).
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedSumScorer {
    /// One direction per criterion.
    pub directions: Vec<Direction>,
}

impl WeightedSumScorer {
    /// True when every row has one value per direction (else the scorer returns no scores,
    /// which the analyses report as [`SensitivityError::BadScores`] instead of panicking).
    fn fits(&self, matrix: &[Vec<f64>]) -> bool {
        matrix.iter().all(|row| row.len() == self.directions.len())
    }
}

impl Scorer for WeightedSumScorer {
    fn scores(&self, matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
        if !self.fits(matrix) || weights.len() != self.directions.len() {
            return Vec::new();
        }
        let m: Vec<Vec<Option<f64>>> = matrix
            .iter()
            .map(|row| row.iter().map(|&x| Some(x)).collect())
            .collect();
        weighted_sum(&m, &self.directions, weights).scores
    }

    /// `terms[v][c]` = 100 x the min-max normalised value (the score is their weighted sum).
    /// The normalisation is `score::column_scaling::min_max` computed in place (no allocation;
    /// a unit test checks they agree bit for bit).
    fn linear_terms(&self, matrix: &[Vec<f64>], terms: &mut Vec<Vec<f64>>) -> bool {
        if !self.fits(matrix) {
            return false;
        }
        let n = self.directions.len();
        terms.resize_with(matrix.len(), Vec::new);
        for row in terms.iter_mut() {
            row.resize(n, 0.0);
        }
        for (c, &direction) in self.directions.iter().enumerate() {
            let (lo, hi) = matrix
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), row| {
                    (lo.min(row[c]), hi.max(row[c]))
                });
            let range = hi - lo;
            let constant = range.is_nan() || range <= 0.0 || range.is_infinite();
            for (t, row) in terms.iter_mut().zip(matrix) {
                let x = row[c];
                let r = if constant {
                    1.0
                } else {
                    match direction {
                        Direction::Max => (x - lo) / range,
                        Direction::Min => (hi - x) / range,
                    }
                    .clamp(0.0, 1.0)
                };
                t[c] = 100.0 * r;
            }
        }
        true
    }
}

/// Checks the decision matrix (rectangular, finite, non-empty) and returns (vendors, criteria).
pub(crate) fn check_matrix(matrix: &[Vec<f64>]) -> Result<(usize, usize), SensitivityError> {
    let n = matrix.first().ok_or(SensitivityError::NoVendors)?.len();
    if n == 0 {
        return Err(SensitivityError::NoCriteria);
    }
    row_issue(matrix, n).map_or(Ok((matrix.len(), n)), |issue| Err(from_issue(issue)))
}

/// Checks weights: one per criterion, finite, >= 0, summing to 1.
pub(crate) fn check_weights(weights: &[f64], n: usize) -> Result<(), SensitivityError> {
    weight_issue(weights, n).map_or(Ok(()), |issue| Err(from_issue(issue)))
}

/// A shared input issue (`score::inputs`) in this module's terms.
fn from_issue(issue: InputIssue) -> SensitivityError {
    match issue {
        InputIssue::Ragged { row, len, expected } => SensitivityError::RaggedRow {
            vendor: row,
            len,
            expected,
        },
        InputIssue::NonFinite {
            row,
            criterion,
            value,
        } => SensitivityError::NonFiniteValue {
            vendor: row,
            criterion,
            value,
        },
        InputIssue::WeightCount { len, expected } => SensitivityError::SizeMismatch {
            what: "weights",
            len,
            expected,
        },
        InputIssue::BadWeight { criterion, value } => {
            SensitivityError::BadWeight { criterion, value }
        }
        InputIssue::WeightSum { sum } => SensitivityError::WeightSum { sum },
    }
}

/// Calls the scorer and checks its output: `expected` finite scores.
pub(crate) fn checked_scores(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
    weights: &[f64],
    expected: usize,
) -> Result<Vec<f64>, SensitivityError> {
    let s = scorer.scores(matrix, weights);
    if s.len() != expected || s.iter().any(|x| !x.is_finite()) {
        return Err(SensitivityError::BadScores {
            len: s.len(),
            expected,
        });
    }
    Ok(s)
}

/// Competition ranks of higher-is-better scores (1 best, ties within `TIE_EPSILON` shared).
pub fn ranks(scores: &[f64]) -> Vec<usize> {
    competition_ranks(scores)
}

/// The vendors ranked first (ascending indices).
pub fn leaders(scores: &[f64]) -> Vec<usize> {
    ranks(scores)
        .iter()
        .enumerate()
        .filter(|(_, &r)| r == 1)
        .map(|(v, _)| v)
        .collect()
}

/// Sorts `order` best first and calls `group(start, members)` for each tie group: the vendors
/// `members` (= `order[start..start + members.len()]`) share ranks `start + 1 ..=
/// start + members.len()`. Groups chain neighbours within `TIE_EPSILON` exactly as
/// `competition_ranks` does; no allocation.
#[inline]
pub(crate) fn tie_groups(
    scores: &[f64],
    order: &mut [usize],
    mut group: impl FnMut(usize, &[usize]),
) {
    for (i, o) in order.iter_mut().enumerate() {
        *o = i;
    }
    order.sort_unstable_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut start = 0;
    for pos in 1..=order.len() {
        if pos == order.len() || (scores[order[pos - 1]] - scores[order[pos]]).abs() > TIE_EPSILON {
            group(start, &order[start..pos]);
            start = pos;
        }
    }
}

/// The first `k` in `0..len` for which `f` is true, when `f` is false up to it and true
/// from it on; `None` when `f(len - 1)` is false.
pub(crate) fn first_true(len: usize, f: impl Fn(usize) -> bool) -> Option<usize> {
    if len == 0 || !f(len - 1) {
        return None;
    }
    let (mut lo, mut hi) = (0, len - 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if f(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}
