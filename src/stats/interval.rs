//! Confidence intervals: Wilson score for proportions, Garwood exact for Poisson rates.
//!
//! - Wilson (1927), "Probable inference, the law of succession, and statistical inference",
//!   JASA 22:209-212; checked against Newcombe (1998), Statistics in Medicine 17:857-872, Table I.
//! - Garwood (1936), "Fiducial limits for the Poisson distribution", Biometrika 28:437-442:
//!   lower = chi2(a/2; 2x)/2, upper = chi2(1-a/2; 2x+2)/2, divided by the exposure.

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal};

/// A two-sided interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lower: f64,
    pub upper: f64,
}

/// The standard normal quantile for a two-sided `level` (0.95 gives 1.95996...).
pub fn z_two_sided(level: f64) -> f64 {
    let n = Normal::new(0.0, 1.0).expect("standard normal");
    n.inverse_cdf(1.0 - (1.0 - level) / 2.0)
}

/// Wilson score interval for `successes` out of `trials` at `level`; `None` when `trials` is 0.
pub fn wilson(successes: u64, trials: u64, level: f64) -> Option<Interval> {
    if trials == 0 || successes > trials {
        return None;
    }
    let n = trials as f64;
    let p = successes as f64 / n;
    let z = z_two_sided(level);
    let z2 = z * z;
    let centre = p + z2 / (2.0 * n);
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let denom = 1.0 + z2 / n;
    Some(Interval {
        lower: ((centre - half) / denom).clamp(0.0, 1.0),
        upper: ((centre + half) / denom).clamp(0.0, 1.0),
    })
}

/// Garwood exact interval for a Poisson rate: `events` over `exposure` units (endpoint-days);
/// `None` when the exposure is not positive.
pub fn garwood(events: u64, exposure: f64, level: f64) -> Option<Interval> {
    if exposure <= 0.0 || !exposure.is_finite() {
        return None;
    }
    let alpha = 1.0 - level;
    let x = events as f64;
    let lower = if events == 0 {
        0.0
    } else {
        ChiSquared::new(2.0 * x).ok()?.inverse_cdf(alpha / 2.0) / 2.0
    };
    let upper = ChiSquared::new(2.0 * x + 2.0)
        .ok()?
        .inverse_cdf(1.0 - alpha / 2.0)
        / 2.0;
    Some(Interval {
        lower: lower / exposure,
        upper: upper / exposure,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// Newcombe (1998), Table I, method 3 (Wilson score without continuity correction).
    #[test]
    fn wilson_matches_newcombe_1998_table_1() {
        let cases = [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ];
        for (x, n, lo, hi) in cases {
            let i = wilson(x, n, 0.95).unwrap();
            assert!(
                close(i.lower, lo, 5e-5) && close(i.upper, hi, 5e-5),
                "{x}/{n}: {i:?}"
            );
        }
    }

    #[test]
    fn wilson_rejects_impossible_counts() {
        assert!(wilson(0, 0, 0.95).is_none());
        assert!(wilson(5, 4, 0.95).is_none());
    }

    /// Exact Poisson limits as tabulated by Garwood (1936) and reproduced by R's
    /// `poisson.test(x)$conf.int`: x = 0 -> (0, 3.6889), x = 10 -> (4.7954, 18.3904).
    #[test]
    fn garwood_matches_r_poisson_test() {
        let i0 = garwood(0, 1.0, 0.95).unwrap();
        assert!(
            close(i0.lower, 0.0, 1e-12) && close(i0.upper, 3.688879, 1e-5),
            "{i0:?}"
        );
        let i10 = garwood(10, 1.0, 0.95).unwrap();
        assert!(
            close(i10.lower, 4.795389, 1e-5) && close(i10.upper, 18.390356, 1e-5),
            "{i10:?}"
        );
        let scaled = garwood(10, 100.0, 0.95).unwrap();
        assert!(close(scaled.upper, 0.18390356, 1e-7));
        assert!(garwood(3, 0.0, 0.95).is_none());
    }
}
