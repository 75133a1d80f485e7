//! The input checks every method shares, so that the scoring methods and the
//! sensitivity analysis apply the same rules: a rectangular matrix of finite values, one
//! direction and one weight per criterion, weights finite, >= 0 and summing to 1.

use super::error::ScoreError;
use crate::decision::Direction;

/// Weights must sum to 1 within this tolerance.
pub const WEIGHT_SUM_TOLERANCE: f64 = 1e-6;

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
    fn transpose() {
        let m = vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]];
        assert_eq!(
            columns(&m, 2),
            vec![vec![1.0, 3.0, 5.0], vec![2.0, 4.0, 6.0]]
        );
    }
}
