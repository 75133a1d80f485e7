//! Criterion weights beyond the direct and hierarchical ones of the criteria file:
//! AHP from a pairwise comparison matrix (subjective), entropy and CRITIC from the data
//! (objective), and a blend of the two kinds.
//!
//! Every function returns weights >= 0 that sum to 1, or a `ScoreError`.

pub mod ahp;
pub mod objective;

use super::error::ScoreError;

/// Blend of subjective and objective weights: w = alpha·subjective + (1 - alpha)·objective,
/// renormalised to sum 1.
///
/// Both inputs must have one finite, non-negative weight per criterion; they need not sum
/// to 1 themselves. Errors: `alpha` outside [0, 1], lengths that differ, a bad weight,
/// or a blend whose sum is 0 (every criterion with weight in one vector has 0 in the
/// other and alpha gives that one no share).
pub fn blend(subjective: &[f64], objective: &[f64], alpha: f64) -> Result<Vec<f64>, ScoreError> {
    if !(0.0..=1.0).contains(&alpha) {
        return Err(ScoreError::AlphaOutOfRange { alpha });
    }
    if subjective.len() != objective.len() {
        return Err(ScoreError::LengthMismatch {
            what: "objective weights",
            len: objective.len(),
            expected: subjective.len(),
        });
    }
    for ws in [subjective, objective] {
        if let Some((criterion, &value)) = ws
            .iter()
            .enumerate()
            .find(|(_, w)| !w.is_finite() || **w < 0.0)
        {
            return Err(ScoreError::BadWeight { criterion, value });
        }
    }
    let mixed: Vec<f64> = subjective
        .iter()
        .zip(objective)
        .map(|(s, o)| alpha * s + (1.0 - alpha) * o)
        .collect();
    let sum: f64 = mixed.iter().sum();
    if !(sum > 0.0 && sum.is_finite()) {
        return Err(ScoreError::WeightsCancel { sum });
    }
    Ok(mixed.into_iter().map(|w| w / sum).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked by hand: 0.5·[0.6, 0.4, 0] + 0.5·[0.2, 0.3, 0.5] = [0.4, 0.35, 0.25].
    #[test]
    fn blend_by_hand() {
        let w = blend(&[0.6, 0.4, 0.0], &[0.2, 0.3, 0.5], 0.5).unwrap();
        for (g, e) in w.iter().zip([0.4, 0.35, 0.25]) {
            assert!((g - e).abs() < 1e-15, "{w:?}");
        }
        // Inputs that do not sum to 1 are renormalised.
        assert_eq!(
            blend(&[3.0, 1.0], &[0.0, 0.0], 1.0).unwrap(),
            vec![0.75, 0.25]
        );
        assert_eq!(
            blend(&[3.0, 1.0], &[1.0, 1.0], 0.0).unwrap(),
            vec![0.5, 0.5]
        );
    }

    #[test]
    fn blend_errors() {
        assert_eq!(
            blend(&[1.0], &[1.0], 1.2).unwrap_err().to_string(),
            "blend `alpha` is `1.2`, expected a number in [0, 1]"
        );
        assert_eq!(blend(&[1.0, 0.0], &[0.0, 1.0], 0.0).map(|w| w[1]), Ok(1.0));
        assert_eq!(
            blend(&[1.0, 0.0], &[0.0, 0.0], 0.0)
                .unwrap_err()
                .to_string(),
            "weights cancel out: they sum to `0`, expected a positive sum"
        );
        assert!(blend(&[1.0], &[1.0, 2.0], 0.5).is_err());
        assert!(blend(&[-1.0, 2.0], &[1.0, 2.0], 0.5).is_err());
    }
}
