//! Tornado data: how far the leader's rank-1 margin moves when one criterion's weight swings
//! to a fraction below and above its current value, the other weights keeping their
//! proportions (as in the sweeps). The margin is the leader's score minus the best other
//! vendor's score; a bar that crosses zero means that weight alone can change the winner.

use super::{swept_weights, Scorer, SensitivityError};

/// One criterion's swing.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TornadoRow {
    /// Criterion (column index).
    pub criterion: usize,
    pub weight_low: f64,
    pub weight_high: f64,
    /// The leader's margin at the low and the high weight.
    pub margin_low: f64,
    pub margin_high: f64,
}

/// The leader's margin at the current weights and each criterion's swing by `swing`
/// (0.5 = half to one and a half times the weight, capped at 1). Empty with fewer than two
/// vendors or criteria, where no margin or no swing exists.
pub fn tornado(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
    weights: &[f64],
    leader: usize,
    swing: f64,
) -> Result<(f64, Vec<TornadoRow>), SensitivityError> {
    let margin = |w: &[f64]| -> Result<f64, SensitivityError> {
        let s = scorer.scores(matrix, w);
        if s.len() != matrix.len() {
            return Err(SensitivityError::BadScores {
                len: s.len(),
                expected: matrix.len(),
            });
        }
        let best_other = s
            .iter()
            .enumerate()
            .filter(|&(v, _)| v != leader)
            .map(|(_, &x)| x)
            .fold(f64::NEG_INFINITY, f64::max);
        Ok(s[leader] - best_other)
    };
    if matrix.len() < 2 || weights.len() < 2 || leader >= matrix.len() {
        return Ok((f64::NAN, Vec::new()));
    }
    let base = margin(weights)?;
    let mut rows = Vec::with_capacity(weights.len());
    for (c, &w) in weights.iter().enumerate() {
        let (lo, hi) = (w * (1.0 - swing), (w * (1.0 + swing)).min(1.0));
        rows.push(TornadoRow {
            criterion: c,
            weight_low: lo,
            weight_high: hi,
            margin_low: margin(&swept_weights(weights, c, lo)?)?,
            margin_high: margin(&swept_weights(weights, c, hi)?)?,
        });
    }
    Ok((base, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Direction;
    use crate::sensitivity::WeightedSumScorer;

    #[test]
    fn margins_follow_the_weighted_sum_by_hand() {
        // Two vendors, two benefit criteria; min-max gives a = (1, 0), b = (0, 1).
        // At weights (0.6, 0.4): scores 60 and 40, margin of `a` = 20 points.
        // Criterion 0 at 0.3 (others rescaled: 0.7): 30 - 70 = -40; at 0.9: 90 - 10 = 80.
        let scorer = WeightedSumScorer {
            directions: vec![Direction::Max, Direction::Max],
        };
        let m = vec![vec![10.0, 1.0], vec![5.0, 2.0]];
        let (base, rows) = tornado(&scorer, &m, &[0.6, 0.4], 0, 0.5).unwrap();
        assert!((base - 20.0).abs() < 1e-9);
        let r = &rows[0];
        assert!((r.weight_low - 0.3).abs() < 1e-12 && (r.weight_high - 0.9).abs() < 1e-12);
        assert!((r.margin_low + 40.0).abs() < 1e-9, "{r:?}");
        assert!((r.margin_high - 80.0).abs() < 1e-9, "{r:?}");
        // Criterion 1 at 0.2 and 0.6: 80 - 20 = 60 and 40 - 60 = -20.
        assert!((rows[1].margin_low - 60.0).abs() < 1e-9);
        assert!((rows[1].margin_high + 20.0).abs() < 1e-9);
    }

    #[test]
    fn a_single_vendor_has_no_margin() {
        let scorer = WeightedSumScorer {
            directions: vec![Direction::Max, Direction::Max],
        };
        let (_, rows) = tornado(&scorer, &[vec![1.0, 2.0]], &[0.5, 0.5], 0, 0.5).unwrap();
        assert!(rows.is_empty());
    }
}
