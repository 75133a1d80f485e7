//! One-at-a-time weight sweeps: criterion `j`'s weight runs from 0 to 1 while the other
//! weights keep their proportions, and every step records the scores and ranks.
//!
//! Formula (docs/sensitivity.md): for a swept weight `t`,
//! `w'_j = t` and `w'_k = w_k (1 - t) / R` for `k != j`, with `R = Σ_{k != j} w_k`
//! (`= 1 - w_j` when the weights sum to 1). When `R = 0` (criterion `j` carries all the
//! weight, every other weight is 0) there are no proportions to keep: the remaining
//! `1 - t` is shared equally among the other criteria, so no 0/0 (NaN) ever appears. With a
//! single criterion the only feasible weight is 1 and the sweep has one point.

use serde::Serialize;

use super::{check_matrix, check_weights, checked_scores, ranks, Scorer, SensitivityError};

/// One step of a sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepPoint {
    /// The swept criterion's weight `w'_j` at this step.
    pub weight: f64,
    /// All weights at this step (they sum to 1).
    pub weights: Vec<f64>,
    /// Each vendor's score (higher is better).
    pub scores: Vec<f64>,
    /// Competition ranks of `scores` (1 best, ties shared).
    pub ranks: Vec<usize>,
    /// True for the point at the current weights (`weight == w_j`).
    pub is_base: bool,
}

/// The sweep of one criterion's weight over [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sweep {
    /// The swept criterion (column index).
    pub criterion: usize,
    /// Its current weight `w_j`.
    pub base_weight: f64,
    /// `steps + 1` grid points `i / steps` plus the base point, in increasing weight
    /// (the base point replaces a grid point it coincides with).
    pub points: Vec<SweepPoint>,
}

/// The weights with criterion `criterion` set to `t` and the others rescaled to keep their
/// proportions (see the module docs for `R = 0`). `weights` must sum to 1, `t` lie in [0, 1].
pub fn swept_weights(
    weights: &[f64],
    criterion: usize,
    t: f64,
) -> Result<Vec<f64>, SensitivityError> {
    let n = weights.len();
    check_weights(weights, n)?;
    check_criterion(criterion, n)?;
    if !(0.0..=1.0).contains(&t) {
        return Err(SensitivityError::SweptWeightOutOfRange { value: t });
    }
    if n == 1 && t != 1.0 {
        return Err(SensitivityError::SweptWeightOutOfRange { value: t });
    }
    let mut out = vec![0.0; n];
    swept_into(
        weights,
        criterion,
        t,
        rest_sum(weights, criterion),
        &mut out,
    );
    Ok(out)
}

/// `Σ_{k != j} w_k`.
pub(crate) fn rest_sum(weights: &[f64], j: usize) -> f64 {
    weights
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != j)
        .map(|(_, w)| w)
        .sum()
}

/// Writes the swept weights into `out` (no checks); `rest` is [`rest_sum`].
pub(crate) fn swept_into(weights: &[f64], j: usize, t: f64, rest: f64, out: &mut [f64]) {
    let n = weights.len();
    for (k, o) in out.iter_mut().enumerate() {
        *o = if k == j {
            t
        } else if rest > 0.0 {
            weights[k] * (1.0 - t) / rest
        } else {
            (1.0 - t) / (n - 1) as f64
        };
    }
}

pub(crate) fn check_criterion(criterion: usize, n: usize) -> Result<(), SensitivityError> {
    if criterion >= n {
        return Err(SensitivityError::NoSuchCriterion {
            criterion,
            criteria: n,
        });
    }
    Ok(())
}

/// Sweeps criterion `criterion` over `steps` equal steps (`steps + 1` grid points), adding
/// the base point at the current weights. At the base point the scorer is called with
/// `weights` themselves, so its scores are exactly the base scores.
pub fn sweep(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
    weights: &[f64],
    criterion: usize,
    steps: usize,
) -> Result<Sweep, SensitivityError> {
    let (m, n) = check_matrix(matrix)?;
    check_weights(weights, n)?;
    check_criterion(criterion, n)?;
    if steps == 0 {
        return Err(SensitivityError::ZeroSteps);
    }
    let base = weights[criterion];
    let rest = rest_sum(weights, criterion);
    let mut grid: Vec<(f64, bool)> = if n == 1 {
        Vec::new()
    } else {
        (0..=steps)
            .map(|i| (i as f64 / steps as f64, false))
            .filter(|&(t, _)| t != base)
            .collect()
    };
    let at = grid.partition_point(|&(t, _)| t < base);
    grid.insert(at, (base, true));
    let mut points = Vec::with_capacity(grid.len());
    let mut w = vec![0.0; n];
    for (t, is_base) in grid {
        if is_base {
            w.copy_from_slice(weights);
        } else {
            swept_into(weights, criterion, t, rest, &mut w);
        }
        let scores = checked_scores(scorer, matrix, &w, m)?;
        points.push(SweepPoint {
            weight: t,
            weights: w.clone(),
            ranks: ranks(&scores),
            scores,
            is_base,
        });
    }
    Ok(Sweep {
        criterion,
        base_weight: base,
        points,
    })
}

/// [`sweep`] for every criterion, in criterion order.
pub fn sweep_all(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
    weights: &[f64],
    steps: usize,
) -> Result<Vec<Sweep>, SensitivityError> {
    let (_, n) = check_matrix(matrix)?;
    (0..n)
        .map(|j| sweep(scorer, matrix, weights, j, steps))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Direction::Max;
    use crate::sensitivity::WeightedSumScorer;

    #[test]
    fn others_keep_their_proportions() {
        let w = swept_weights(&[0.5, 0.3, 0.2], 0, 0.8).unwrap();
        let want = [0.8, 0.12, 0.08];
        for (a, b) in w.iter().zip(want) {
            assert!((a - b).abs() < 1e-15, "{w:?}");
        }
        assert!((w[1] / w[2] - 1.5).abs() < 1e-12);
    }

    #[test]
    fn all_weight_on_one_criterion_spreads_the_rest_equally() {
        let w = swept_weights(&[0.0, 1.0, 0.0], 1, 0.4).unwrap();
        assert_eq!(w, vec![0.3, 0.4, 0.3]);
        let w = swept_weights(&[0.0, 1.0, 0.0], 1, 1.0).unwrap();
        assert_eq!(w, vec![0.0, 1.0, 0.0]);
        assert!(swept_weights(&[1.0], 0, 1.0).is_ok());
        assert!(swept_weights(&[1.0], 0, 0.5).is_err());
        assert!(swept_weights(&[0.5, 0.5], 0, 1.5).is_err());
        assert!(swept_weights(&[0.5, 0.5], 2, 0.5).is_err());
    }

    #[test]
    fn sweep_has_the_grid_and_the_base_point() {
        let scorer = WeightedSumScorer {
            directions: vec![Max, Max],
        };
        let m = vec![vec![1.0, 0.0], vec![0.0, 1.0]];
        let s = sweep(&scorer, &m, &[0.6, 0.4], 0, 4).unwrap();
        let ts: Vec<f64> = s.points.iter().map(|p| p.weight).collect();
        assert_eq!(ts, vec![0.0, 0.25, 0.5, 0.6, 0.75, 1.0]);
        assert!(s.points[3].is_base);
        assert_eq!(s.points[0].ranks, vec![2, 1]);
        assert_eq!(s.points[2].ranks, vec![1, 1]);
        // The base coincides with a grid point: it replaces it.
        let s = sweep(&scorer, &m, &[0.5, 0.5], 1, 4).unwrap();
        assert_eq!(s.points.len(), 5);
        assert_eq!(s.points.iter().filter(|p| p.is_base).count(), 1);
        assert!(matches!(
            sweep(&scorer, &m, &[0.5, 0.5], 0, 0),
            Err(SensitivityError::ZeroSteps)
        ));
        // One criterion: the base point only.
        let one = WeightedSumScorer {
            directions: vec![Max],
        };
        let s = sweep(&one, &[vec![1.0], vec![2.0]], &[1.0], 0, 10).unwrap();
        assert_eq!(s.points.len(), 1);
    }
}
