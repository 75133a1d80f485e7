//! Runs the method a criteria file names on the vendors that passed the gates.
//!
//! The weighted sum scores a missing value (`missing = "worst"`) as 0 after min-max
//! normalisation. The other methods need every value, so a missing one is replaced by
//! the worst value present in its column (the same "worst" meaning, in the column's
//! own units); a column with no value at all gets a constant, which adds nothing.

use super::error::ScoreError;
use super::method::{MethodOutput, TopsisNormalisation, WpmNormalisation};
use super::promethee::promethee_ii;
use super::topsis::topsis;
use super::vikor::vikor;
use super::weighted_sum::weighted_sum_with;
use super::wpm::weighted_product;
use crate::decision::{Direction, Method, Normalisation, PreferenceFunction};

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

    /// The table "The same three vendors under every method" in docs/methods.md.
    #[test]
    fn docs_three_vendors_every_method() {
        use crate::decision::PreferenceFunction::Usual;
        use crate::score::consensus::{borda, copeland};
        use crate::score::method::MethodDetails;
        use Direction::{Max, Min};
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
}
