//! Scoring: normalisation, the weighted-sum method and ranks with shared ties.
//!
//! Takes plain slices, no polars: a decision matrix of vendors x criteria (with `None`
//! for a value the missing policy turned into "worst"), directions and weights that sum
//! to 1. Formulas and conventions are in docs/methods.md.

pub mod consensus;
pub mod error;
pub mod method;
pub mod normalisation;
pub mod normalise;
pub mod promethee;
pub mod run;
pub mod topsis;
pub mod vikor;
pub mod weights;
pub mod wpm;

#[cfg(test)]
mod properties;

use crate::criteria::Direction;

/// Two scores closer than this share a rank (scores are on a 0-100 scale).
pub const TIE_EPSILON: f64 = 1e-9;

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
    normalisation::weighted_sum_with(matrix, directions, weights, &[])
}

/// Standard competition ranks ("1224"): higher score is better, scores within
/// `TIE_EPSILON` of each other share the best rank of the group.
pub fn competition_ranks(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut ranks = vec![0; scores.len()];
    for (pos, &v) in order.iter().enumerate() {
        ranks[v] = if pos > 0 && (scores[order[pos - 1]] - scores[v]).abs() <= TIE_EPSILON {
            ranks[order[pos - 1]]
        } else {
            pos + 1
        };
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties() {
        assert_eq!(
            competition_ranks(&[50.0, 80.0, 80.0, 10.0]),
            vec![3, 1, 1, 4]
        );
        assert_eq!(competition_ranks(&[]), Vec::<usize>::new());
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
}
