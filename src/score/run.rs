//! Runs the method a criteria file names on the vendors that passed the gates.
//!
//! The weighted sum scores a missing value (`missing = "worst"`) as 0 after min-max
//! normalisation. The other methods need every value, so a missing one is replaced by
//! the worst value present in its column (the same "worst" meaning, in the column's
//! own units); a column with no value at all gets a constant, which adds nothing.

use super::error::ScoreError;
use super::method::MethodOutput;
use super::normalisation::{weighted_sum_with, Normalisation};
use super::promethee::{promethee_ii, PreferenceFunction};
use super::topsis::{topsis, TopsisNormalisation};
use super::vikor::vikor;
use super::wpm::{weighted_product, WpmNormalisation};
use crate::criteria::{Direction, Method};

/// Scores `matrix` (vendors x criteria, `None` = missing, scored as worst) with `method`.
///
/// `normalisations` (one per criterion, or empty for min-max) apply to the weighted sum
/// only: the other methods normalise as their definitions say (docs/methods.md).
pub fn run(
    method: Method,
    matrix: &[Vec<Option<f64>>],
    directions: &[Direction],
    weights: &[f64],
    preferences: &[PreferenceFunction],
    normalisations: &[Normalisation],
) -> Result<MethodOutput, ScoreError> {
    if method == Method::WeightedSum {
        return Ok(weighted_sum_with(matrix, directions, weights, normalisations).into());
    }
    let filled = fill_worst(matrix, directions);
    match method {
        Method::WeightedProduct => {
            weighted_product(&filled, directions, weights, WpmNormalisation::Max)
        }
        Method::Topsis => topsis(&filled, directions, weights, TopsisNormalisation::Vector),
        Method::Vikor { v } => vikor(&filled, directions, weights, v),
        Method::Promethee2 => promethee_ii(&filled, directions, weights, preferences),
        Method::WeightedSum => unreachable!("handled above"),
    }
}

/// Each missing value replaced by its column's worst present value (1 when none is present).
pub fn fill_worst(matrix: &[Vec<Option<f64>>], directions: &[Direction]) -> Vec<Vec<f64>> {
    let worst: Vec<f64> = directions
        .iter()
        .enumerate()
        .map(|(c, d)| {
            let present = matrix.iter().filter_map(|r| r[c]);
            match d {
                Direction::Max => present.fold(f64::INFINITY, f64::min),
                Direction::Min => present.fold(f64::NEG_INFINITY, f64::max),
            }
        })
        .map(|w| if w.is_finite() { w } else { 1.0 })
        .collect();
    matrix
        .iter()
        .map(|r| r.iter().zip(&worst).map(|(x, w)| x.unwrap_or(*w)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_become_the_column_worst() {
        let m = vec![
            vec![Some(0.9), Some(5.0)],
            vec![None, None],
            vec![Some(0.8), Some(3.0)],
        ];
        let f = fill_worst(&m, &[Direction::Max, Direction::Min]);
        assert_eq!(f[1], vec![0.8, 5.0]);
        assert_eq!(
            fill_worst(&[vec![None]], &[Direction::Max]),
            vec![vec![1.0]]
        );
    }

    #[test]
    fn every_method_ranks_a_dominating_vendor_first() {
        let m = vec![
            vec![Some(0.99), Some(3.0)],
            vec![Some(0.97), Some(5.0)],
            vec![Some(0.98), Some(4.0)],
        ];
        let dirs = [Direction::Max, Direction::Min];
        for method in Method::NAMES.iter().filter_map(|n| Method::from_name(n)) {
            let out = run(
                method,
                &m,
                &dirs,
                &[0.5, 0.5],
                &[PreferenceFunction::Usual; 2],
                &[],
            )
            .unwrap();
            assert_eq!(out.ranks, vec![1, 3, 2], "{}", method.name());
        }
    }
}
