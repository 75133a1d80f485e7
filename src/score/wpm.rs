//! Weighted product model (WPM): score = Π r_ij^w_j on a positive ratio normalisation.
//!
//! Bridgman (1922), *Dimensional Analysis*; Miller and Starr (1969), *Executive Decisions
//! and Operations Research*. The product compares ratios, so the normalisation must keep
//! ratios: `Max` uses benefit x / max and cost min / x (Hwang and Yoon's linear scale
//! transformation), `Sum` uses benefit x / Σx and cost (1/x) / Σ(1/x). Both equal the
//! raw form Π x^(±w) up to a constant factor, so the ranking does not depend on the
//! choice. Every value must be > 0: a ratio with 0 is undefined (one zero would zero the
//! product whatever the other criteria say), and the method refuses it.

use super::error::ScoreError;
use super::inputs::check_inputs;
use super::method::{MethodDetails, MethodOutput, WpmDetails, WpmNormalisation};
use super::ranks::ranks_for;
use crate::decision::Direction;

/// ln Σ e^(t_i) without overflow.
fn log_sum_exp(terms: impl Iterator<Item = f64> + Clone) -> f64 {
    let top = terms.clone().fold(f64::NEG_INFINITY, f64::max);
    top + terms.map(|t| (t - top).exp()).sum::<f64>().ln()
}

/// Weighted product of a decision matrix (see the module docs for the normalisation).
///
/// Errors: shape and weight problems as every method, and `NonPositiveValue` for a value
/// <= 0.
pub fn weighted_product(
    matrix: &[Vec<f64>],
    directions: &[Direction],
    weights: &[f64],
    normalisation: WpmNormalisation,
) -> Result<MethodOutput, ScoreError> {
    let (_, n) = check_inputs(matrix, directions, weights)?;
    for (alternative, row) in matrix.iter().enumerate() {
        if let Some((criterion, &value)) = row.iter().enumerate().find(|(_, x)| **x <= 0.0) {
            return Err(ScoreError::NonPositiveValue {
                method: "the weighted product",
                alternative,
                criterion,
                value,
            });
        }
    }
    // ln r_ij = sign_j ln x_ij - offset_j, with sign +1 for benefit and -1 for cost, and
    // offset_j the ln of the column's max of x^sign (Max) or of its Σ x^sign (Sum).
    let sign: Vec<f64> = directions
        .iter()
        .map(|d| match d {
            Direction::Max => 1.0,
            Direction::Min => -1.0,
        })
        .collect();
    let mut lo = vec![f64::INFINITY; n];
    let mut hi = vec![0.0_f64; n];
    let mut total = vec![0.0; n];
    let sums = normalisation == WpmNormalisation::Sum;
    for row in matrix {
        for (j, &x) in row.iter().enumerate() {
            lo[j] = lo[j].min(x);
            hi[j] = hi[j].max(x);
            if sums {
                total[j] += if sign[j] > 0.0 { x } else { 1.0 / x };
            }
        }
    }
    let offset: Vec<f64> = (0..n)
        .map(|j| match normalisation {
            WpmNormalisation::Max if sign[j] > 0.0 => hi[j].ln(),
            WpmNormalisation::Max => -lo[j].ln(),
            WpmNormalisation::Sum if total[j].is_finite() => total[j].ln(),
            // the sum overflowed: add the terms in logs instead
            WpmNormalisation::Sum => {
                let s = sign[j];
                log_sum_exp(matrix.iter().map(move |row| s * row[j].ln()))
            }
        })
        .collect();
    let coefficient: Vec<f64> = weights.iter().zip(&sign).map(|(w, s)| w * s).collect();
    let constant: f64 = weights.iter().zip(&offset).map(|(w, o)| w * o).sum();
    let log_scores: Vec<f64> = matrix
        .iter()
        .map(|row| {
            let s: f64 = row.iter().zip(&coefficient).map(|(x, c)| c * x.ln()).sum();
            s - constant
        })
        .collect();
    let scores: Vec<f64> = log_scores.iter().map(|l| l.exp()).collect();
    // Ranked on ln(score): ties are products equal to a relative 1e-9, whatever their
    // scale (Sum products shrink like 1/m, so an absolute tolerance would tie them).
    let ranks = ranks_for(&log_scores, true);
    Ok(MethodOutput {
        scores,
        higher_is_better: true,
        ranks,
        details: MethodDetails::WeightedProduct(WpmDetails {
            normalisation,
            log_scores,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Max, Min};

    fn close(got: &[f64], want: &[f64], tol: f64) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() <= tol, "got {got:?}, want {want:?}");
        }
    }

    /// Chakraborty, Zavadskas and Antucheviciene (2015), "Applications of WASPAS method as
    /// a multi-criteria decision-making tool", Economic Computation and Economic
    /// Cybernetics Studies and Research 49(1):5-22, Example 2, as encoded in
    /// scikit-criteria `tests/agg/test_simple.py::test_WASPAS_chakraborty2015applications`:
    /// WASPAS with lambda = 0 is the WPM on benefit x/max, cost min/x. Published to 4
    /// decimals, so the tolerance is half a unit in the 4th decimal.
    #[test]
    fn chakraborty_2015_example_2() {
        let m = vec![
            vec![581818.0, 54.49, 3.0, 5500.0],
            vec![595454.0, 49.73, 3.0, 4500.0],
            vec![586060.0, 51.24, 3.0, 5000.0],
            vec![522727.0, 45.71, 3.0, 5800.0],
            vec![561818.0, 52.66, 3.0, 5200.0],
            vec![543030.0, 74.46, 4.0, 5600.0],
            vec![522727.0, 75.42, 4.0, 5800.0],
            vec![486970.0, 62.62, 4.0, 5600.0],
            vec![509394.0, 65.87, 4.0, 6400.0],
            vec![513333.0, 70.67, 4.0, 6000.0],
        ];
        let out = weighted_product(
            &m,
            &[Min, Min, Min, Max],
            &[0.467, 0.160, 0.095, 0.278],
            WpmNormalisation::Max,
        )
        .unwrap();
        let want = [
            0.8578, 0.8144, 0.8408, 0.9413, 0.8632, 0.8241, 0.8454, 0.8915, 0.8987, 0.8697,
        ];
        close(&out.scores, &want, 0.5e-4);
        assert_eq!(out.ranks, vec![6, 10, 8, 1, 5, 9, 7, 3, 2, 4]);
    }

    /// The Wikipedia "Weighted product model" example (revision 1015567716), as encoded in
    /// scikit-criteria `tests/agg/test_simple.py::test_WeightedProductModel_enwiki_1015567716`:
    /// sum-normalised matrix and weights 20/15/40/25; the expected values are log10 of the
    /// products, given to 8 decimals.
    #[test]
    fn wikipedia_wpm_example() {
        let m = vec![
            vec![25.0, 20.0, 15.0, 30.0],
            vec![10.0, 30.0, 20.0, 30.0],
            vec![30.0, 10.0, 30.0, 10.0],
        ];
        let out = weighted_product(
            &m,
            &[Max; 4],
            &[0.20, 0.15, 0.40, 0.25],
            WpmNormalisation::Sum,
        )
        .unwrap();
        let MethodDetails::WeightedProduct(d) = &out.details else {
            panic!("wrong details")
        };
        let log10: Vec<f64> = d
            .log_scores
            .iter()
            .map(|l| l / std::f64::consts::LN_10)
            .collect();
        close(&log10, &[-0.50128589, -0.50448471, -0.52947246], 0.5e-8);
        assert_eq!(out.ranks, vec![1, 2, 3]);
    }

    #[test]
    fn refuses_zero_and_keeps_ranks_across_normalisations() {
        let m = vec![vec![1.0, 0.0], vec![2.0, 3.0]];
        let e = weighted_product(&m, &[Max, Min], &[0.5, 0.5], WpmNormalisation::Max);
        assert_eq!(
            e.unwrap_err().to_string(),
            "the weighted product needs values > 0: alternative `0` has `0` on criterion `1`"
        );
        let m = vec![vec![3.0, 9.0], vec![5.0, 4.0], vec![4.0, 6.0]];
        let a = weighted_product(&m, &[Max, Min], &[0.3, 0.7], WpmNormalisation::Max).unwrap();
        let b = weighted_product(&m, &[Max, Min], &[0.3, 0.7], WpmNormalisation::Sum).unwrap();
        assert_eq!(a.ranks, b.ranks);
        // The alternative best on both criteria scores exactly 1 under Max.
        assert!((a.scores[1] - 1.0).abs() < 1e-15);
        let extreme = vec![vec![1e-300, 1e300], vec![1e300, 1e-300]];
        let c = weighted_product(&extreme, &[Max, Min], &[0.5, 0.5], WpmNormalisation::Sum);
        assert!(c.unwrap().scores.iter().all(|s| s.is_finite()));
    }
}
