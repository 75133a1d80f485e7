//! The weighted sum (Fishburn 1967): score = 100 Σ_j w_j r_ij over each criterion's
//! normalised values r (min-max unless the criteria file chooses another normalisation),
//! with each criterion's share of every score. Conventions: docs/methods.md.

use super::ranks::competition_ranks;
use crate::decision::{Direction, Normalisation};

/// The result of scoring: per vendor a score in 0..=100 and each criterion's share of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub scores: Vec<f64>,
    /// `contributions[v][c]` = 100 x weight[c] x normalised value; they sum to `scores[v]`.
    pub contributions: Vec<Vec<f64>>,
    /// Ranks with ties shared (1 is best).
    pub ranks: Vec<usize>,
}

/// Weighted sum of min-max normalised values (Fishburn 1967; see docs/methods.md).
///
/// `matrix[v][c]` is vendor `v`'s value on criterion `c`; `weights` sum to 1.
pub fn weighted_sum(
    matrix: &[Vec<Option<f64>>],
    directions: &[Direction],
    weights: &[f64],
) -> Scored {
    weighted_sum_with(matrix, directions, weights, &[])
}

/// Weighted sum with one normalisation per criterion: score = 100 Σ_j w_j r_ij, clamped
/// to 0..=100 (ratio normalisations of negative data could leave 0..=1).
///
/// `normalisations` may be empty, meaning min-max for every criterion.
pub fn weighted_sum_with(
    matrix: &[Vec<Option<f64>>],
    directions: &[Direction],
    weights: &[f64],
    normalisations: &[Normalisation],
) -> Scored {
    let n = matrix.len();
    let k = directions.len();
    let mut contributions = vec![vec![0.0; k]; n];
    for c in 0..k {
        let column: Vec<Option<f64>> = matrix.iter().map(|row| row[c]).collect();
        let how = normalisations.get(c).copied().unwrap_or_default();
        let norm = how.apply(&column, directions[c]);
        for v in 0..n {
            contributions[v][c] = 100.0 * weights[c] * norm[v];
        }
    }
    let scores: Vec<f64> = contributions
        .iter()
        .map(|row| row.iter().sum::<f64>().clamp(0.0, 100.0))
        .collect();
    let ranks = competition_ranks(&scores);
    Scored {
        scores,
        contributions,
        ranks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::ValueFunction;
    use Direction::{Max, Min};

    fn close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "got {got:?}, want {want:?}");
        }
    }

    /// A hand-worked example: three vendors, a benefit and a cost criterion, 60/40.
    /// Detection 0.99, 0.97, 0.98 -> 1, 0, 0.5; price 5, 3, 4 -> 0, 1, 0.5.
    #[test]
    fn weighted_sum_hand_worked() {
        let m = vec![
            vec![Some(0.99), Some(5.0)],
            vec![Some(0.97), Some(3.0)],
            vec![Some(0.98), Some(4.0)],
        ];
        let s = weighted_sum(&m, &[Direction::Max, Direction::Min], &[0.6, 0.4]);
        let want = [60.0, 40.0, 50.0];
        for (got, want) in s.scores.iter().zip(want) {
            assert!((got - want).abs() < 1e-9, "{:?}", s.scores);
        }
        assert_eq!(s.ranks, vec![1, 3, 2]);
        assert!((s.contributions[2][1] - 20.0).abs() < 1e-9);
    }

    #[test]
    fn constant_column_contributes_equally_and_missing_is_worst() {
        let m = vec![
            vec![Some(1.0), Some(2.0)],
            vec![Some(1.0), None],
            vec![Some(1.0), Some(4.0)],
        ];
        let s = weighted_sum(&m, &[Direction::Max, Direction::Max], &[0.5, 0.5]);
        assert!(s.scores.iter().all(|x| x.is_finite()));
        assert_eq!(s.contributions[0][0], s.contributions[1][0]);
        assert_eq!(s.contributions[1][1], 0.0);
        // The missing value scores as the worst present one (2.0), so the two tie.
        assert_eq!(s.ranks, vec![2, 2, 1]);
    }

    /// No choices means min-max everywhere (the docs' 60, 40, 50); a value function
    /// changes only its own column.
    #[test]
    fn weighted_sum_with_choices() {
        let m = vec![
            vec![Some(0.99), Some(5.0)],
            vec![Some(0.97), Some(3.0)],
            vec![Some(0.98), Some(4.0)],
        ];
        let (d, w) = ([Max, Min], [0.6, 0.4]);
        close(
            &weighted_sum_with(&m, &d, &w, &[]).scores,
            &[60.0, 40.0, 50.0],
        );
        let f = Normalisation::ValueFunction(ValueFunction::new(3.0, 9.0).unwrap());
        let s = weighted_sum_with(&m, &d, &w, &[Normalisation::MinMax, f]);
        // A: 60 + 40·2/3; B: 0 + 40; C: 30 + 40·5/6.
        close(&s.scores, &[60.0 + 80.0 / 3.0, 40.0, 30.0 + 100.0 / 3.0]);
        assert_eq!(s.ranks, vec![1, 3, 2]);
    }
}
