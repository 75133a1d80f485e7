//! The common shape of every decision method's result, and the input checks they share.
//!
//! Each method takes `matrix[alternative][criterion]` (all finite), one `Direction` and
//! one weight per criterion (weights >= 0 summing to 1) plus its own parameters, and
//! returns a [`MethodOutput`]: the method's raw score, which direction of it is better,
//! competition ranks ("1224", ties within [`TIE_EPSILON`] shared, 1 best) and the
//! method's intermediate numbers in [`MethodDetails`].

use serde::Serialize;

use super::error::ScoreError;
use super::promethee::PrometheeDetails;
use super::topsis::TopsisDetails;
use super::vikor::VikorDetails;
use super::wpm::WpmDetails;
use super::{competition_ranks, Scored, TIE_EPSILON};
use crate::criteria::Direction;

/// Weights must sum to 1 within this tolerance.
pub const WEIGHT_SUM_TOLERANCE: f64 = 1e-6;

/// One method's result for every alternative, in input order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MethodOutput {
    /// The method's raw score (TOPSIS closeness, VIKOR Q, PROMETHEE net flow, ...).
    pub scores: Vec<f64>,
    /// Whether a higher score is better (false for VIKOR's Q).
    pub higher_is_better: bool,
    /// Competition ranks of `scores`, 1 best, ties within `TIE_EPSILON` shared (for the
    /// weighted product, within `TIE_EPSILON` of ln(score), a relative tolerance).
    pub ranks: Vec<usize>,
    /// The method's intermediate outputs.
    pub details: MethodDetails,
}

/// Each method's raw outputs, beyond its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum MethodDetails {
    /// Weighted sum: each criterion's points (`contributions[alternative][criterion]`).
    WeightedSum {
        contributions: Vec<Vec<f64>>,
    },
    WeightedProduct(WpmDetails),
    Topsis(TopsisDetails),
    Vikor(VikorDetails),
    Promethee(PrometheeDetails),
}

impl From<Scored> for MethodOutput {
    /// The weighted sum's result in the common shape (scores 0..=100, higher better).
    fn from(s: Scored) -> Self {
        MethodOutput {
            scores: s.scores,
            higher_is_better: true,
            ranks: s.ranks,
            details: MethodDetails::WeightedSum {
                contributions: s.contributions,
            },
        }
    }
}

/// Competition ranks in the method's own direction: for a lower-is-better score the
/// lowest gets rank 1. Ties within `TIE_EPSILON` share the best rank of their group.
pub fn ranks_for(scores: &[f64], higher_is_better: bool) -> Vec<usize> {
    if higher_is_better {
        competition_ranks(scores)
    } else {
        let negated: Vec<f64> = scores.iter().map(|s| -s).collect();
        competition_ranks(&negated)
    }
}

/// True when two scores count as tied (see `TIE_EPSILON`).
pub(crate) fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_EPSILON
}

/// Checks the shared inputs and returns (alternatives, criteria).
pub(crate) fn check_inputs(
    matrix: &[Vec<f64>],
    directions: &[Direction],
    weights: &[f64],
) -> Result<(usize, usize), ScoreError> {
    let n = directions.len();
    if matrix.is_empty() {
        return Err(ScoreError::NoAlternatives);
    }
    if n == 0 {
        return Err(ScoreError::NoCriteria);
    }
    if let Some(issue) = row_issue(matrix, n).or_else(|| weight_issue(weights, n)) {
        return Err(match issue {
            InputIssue::Ragged { row, len, expected } => ScoreError::RaggedRow {
                alternative: row,
                len,
                expected,
            },
            InputIssue::NonFinite {
                row,
                criterion,
                value,
            } => ScoreError::NonFinite {
                alternative: row,
                criterion,
                value,
            },
            InputIssue::WeightCount { len, expected } => ScoreError::LengthMismatch {
                what: "weights",
                len,
                expected,
            },
            InputIssue::BadWeight { criterion, value } => {
                ScoreError::BadWeight { criterion, value }
            }
            InputIssue::WeightSum { sum } => ScoreError::WeightSum { sum },
        });
    }
    Ok((matrix.len(), n))
}

/// The first thing wrong with a decision matrix of `n` criteria or its weights; the scoring
/// methods and the sensitivity analysis each turn it into their own error. Shared so that
/// both apply the same rules (finite values, weights finite, >= 0 and summing to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum InputIssue {
    Ragged {
        row: usize,
        len: usize,
        expected: usize,
    },
    NonFinite {
        row: usize,
        criterion: usize,
        value: f64,
    },
    WeightCount {
        len: usize,
        expected: usize,
    },
    BadWeight {
        criterion: usize,
        value: f64,
    },
    WeightSum {
        sum: f64,
    },
}

/// Checks every row of `matrix`: `n` values each, all finite.
pub(crate) fn row_issue(matrix: &[Vec<f64>], n: usize) -> Option<InputIssue> {
    for (row, values) in matrix.iter().enumerate() {
        if values.len() != n {
            return Some(InputIssue::Ragged {
                row,
                len: values.len(),
                expected: n,
            });
        }
        if let Some((criterion, &value)) = values.iter().enumerate().find(|(_, x)| !x.is_finite()) {
            return Some(InputIssue::NonFinite {
                row,
                criterion,
                value,
            });
        }
    }
    None
}

/// Weights: one per criterion, finite, >= 0, summing to 1 within `WEIGHT_SUM_TOLERANCE`.
pub(crate) fn weight_issue(weights: &[f64], n: usize) -> Option<InputIssue> {
    if weights.len() != n {
        return Some(InputIssue::WeightCount {
            len: weights.len(),
            expected: n,
        });
    }
    if let Some((criterion, &value)) = weights
        .iter()
        .enumerate()
        .find(|(_, w)| !w.is_finite() || **w < 0.0)
    {
        return Some(InputIssue::BadWeight { criterion, value });
    }
    let sum: f64 = weights.iter().sum();
    ((sum - 1.0).abs() > WEIGHT_SUM_TOLERANCE).then_some(InputIssue::WeightSum { sum })
}

/// Transposes a row-major matrix into its `n` columns (one sequential pass over rows).
pub(crate) fn columns(matrix: &[Vec<f64>], n: usize) -> Vec<Vec<f64>> {
    let mut cols: Vec<Vec<f64>> = (0..n).map(|_| Vec::with_capacity(matrix.len())).collect();
    for row in matrix {
        for (col, &x) in cols.iter_mut().zip(row) {
            col.push(x);
        }
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Max, Min};

    #[test]
    fn input_checks_name_the_problem() {
        let m = vec![vec![1.0, 2.0], vec![3.0]];
        assert_eq!(
            check_inputs(&m, &[Max, Min], &[0.5, 0.5]),
            Err(ScoreError::RaggedRow {
                alternative: 1,
                len: 1,
                expected: 2
            })
        );
        let m = vec![vec![1.0, f64::NAN]];
        assert!(matches!(
            check_inputs(&m, &[Max, Min], &[0.5, 0.5]),
            Err(ScoreError::NonFinite { criterion: 1, .. })
        ));
        let m = vec![vec![1.0, 2.0]];
        let e = check_inputs(&m, &[Max, Min], &[0.5, 0.6]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "weights sum to `1.1`, expected 1 (normalise them first)"
        );
        let e = check_inputs(&m, &[Max, Min], &[0.5]).unwrap_err();
        assert_eq!(e.to_string(), "`weights` has `1` entries, expected `2`");
        assert_eq!(
            check_inputs(&[], &[Max], &[1.0]),
            Err(ScoreError::NoAlternatives)
        );
        assert!(check_inputs(&m, &[Max, Min], &[-0.5, 1.5]).is_err());
        assert_eq!(check_inputs(&m, &[Max, Min], &[0.25, 0.75]), Ok((1, 2)));
    }

    #[test]
    fn lower_is_better_ranks() {
        assert_eq!(ranks_for(&[0.2, 0.0, 0.2, 1.0], false), vec![2, 1, 2, 4]);
        assert_eq!(ranks_for(&[0.2, 0.0, 0.2, 1.0], true), vec![2, 4, 2, 1]);
    }

    /// The table "The same three vendors under every method" in docs/methods.md.
    #[test]
    fn docs_three_vendors_every_method() {
        use crate::score::consensus::{borda, copeland};
        use crate::score::promethee::{promethee_ii, PreferenceFunction::Usual};
        use crate::score::topsis::{topsis, TopsisNormalisation};
        use crate::score::vikor::vikor;
        use crate::score::wpm::{weighted_product, WpmNormalisation};
        let m = vec![vec![0.99, 5.0], vec![0.97, 3.0], vec![0.98, 4.0]];
        let (d, w) = ([Max, Min], [0.6, 0.4]);
        let wrapped: Vec<Vec<Option<f64>>> = m
            .iter()
            .map(|r| r.iter().map(|&x| Some(x)).collect())
            .collect();
        let outs: Vec<MethodOutput> = vec![
            crate::score::weighted_sum(&wrapped, &d, &w).into(),
            weighted_product(&m, &d, &w, WpmNormalisation::Max).unwrap(),
            topsis(&m, &d, &w, TopsisNormalisation::Vector).unwrap(),
            topsis(&m, &d, &w, TopsisNormalisation::MinMax).unwrap(),
            vikor(&m, &d, &w, 0.5).unwrap(),
            promethee_ii(&m, &d, &w, &[Usual, Usual]).unwrap(),
        ];
        let want = [
            [60.0, 40.0, 50.0],
            [0.815, 0.988, 0.886],
            [0.059, 0.941, 0.5],
            [0.6, 0.4, 0.5],
            [0.167, 1.0, 0.25],
            [0.2, -0.2, 0.0],
        ];
        for (out, want) in outs.iter().zip(want) {
            for (g, e) in out.scores.iter().zip(want) {
                assert!((g - e).abs() <= 0.5e-3, "{out:?}");
            }
        }
        let ranks: Vec<Vec<usize>> = [0, 1, 2, 4, 5]
            .iter()
            .map(|&i| outs[i].ranks.clone())
            .collect();
        assert_eq!(borda(&ranks).unwrap().scores, vec![6.0, 4.0, 5.0]);
        assert_eq!(copeland(&ranks).unwrap().scores, vec![2.0, -2.0, 0.0]);
        match &outs[4].details {
            MethodDetails::Vikor(v) => assert_eq!(v.compromise, vec![0, 2]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn transpose() {
        let m = vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]];
        assert_eq!(
            columns(&m, 2),
            vec![vec![1.0, 3.0, 5.0], vec![2.0, 4.0, 6.0]]
        );
    }
}
