//! Exact binomial inference: the Clopper-Pearson interval for a proportion and the exact
//! binomial test, both as R's `binom.test` computes them.
//!
//! - Clopper and Pearson (1934), "The use of confidence or fiducial limits illustrated in the
//!   case of the binomial", Biometrika 26:404-413: lower = Beta(a/2; x, n-x+1),
//!   upper = Beta(1-a/2; x+1, n-x), with lower 0 when x = 0 and upper 1 when x = n.
//! - The two-sided p-value sums the probabilities of all outcomes no more likely than the one
//!   observed, with R's relative tolerance of 1e-7 (`binom.test`, R 4.x).
//!
//! The rate-ratio test in `rate_ratio` conditions on the total count and reuses both.

use statrs::distribution::{Beta, Binomial, ContinuousCDF, Discrete, DiscreteCDF};

use super::common::{check_level, Alternative, StatsError};
use super::interval::Interval;

/// R's relative tolerance when comparing probabilities of outcomes (`1 + 10^-7`).
pub(crate) const REL_ERR: f64 = 1.0 + 1e-7;

/// Clopper-Pearson exact interval for `successes` out of `trials` at `level` (two-sided).
///
/// Guaranteed coverage of at least `level` for every true proportion, hence conservative.
/// Handles `successes = 0` (lower bound 0) and `successes = trials` (upper bound 1).
pub fn clopper_pearson(successes: u64, trials: u64, level: f64) -> Result<Interval, StatsError> {
    check_level(level)?;
    if trials == 0 {
        return Err(StatsError::NoTrials);
    }
    if successes > trials {
        return Err(StatsError::Counts { successes, trials });
    }
    let alpha = 1.0 - level;
    let (x, n) = (successes as f64, trials as f64);
    let lower = if successes == 0 {
        0.0
    } else {
        beta_quantile(x, n - x + 1.0, alpha / 2.0)
    };
    let upper = if successes == trials {
        1.0
    } else {
        beta_quantile(x + 1.0, n - x, 1.0 - alpha / 2.0)
    };
    Ok(Interval { lower, upper })
}

fn beta_quantile(a: f64, b: f64, p: f64) -> f64 {
    // Both shapes are >= 1 here, which `Beta::new` always accepts.
    Beta::new(a, b)
        .map(|d| d.inverse_cdf(p))
        .unwrap_or(f64::NAN)
        .clamp(0.0, 1.0)
}

/// Exact binomial test of `successes` out of `trials` against the proportion `p0`,
/// returning the p-value as R's `binom.test(x, n, p0, alternative)` does.
pub fn binomial_test(
    successes: u64,
    trials: u64,
    p0: f64,
    alternative: Alternative,
) -> Result<f64, StatsError> {
    if trials == 0 {
        return Err(StatsError::NoTrials);
    }
    if successes > trials {
        return Err(StatsError::Counts { successes, trials });
    }
    if !(0.0..=1.0).contains(&p0) {
        return Err(StatsError::Proportion(p0));
    }
    Ok(binom_p(successes, trials, p0, alternative))
}

/// The p-value itself; arguments already checked (`n >= 1`, `x <= n`, `p` in [0, 1]).
pub(crate) fn binom_p(x: u64, n: u64, p: f64, alternative: Alternative) -> f64 {
    let dist = match Binomial::new(p, n) {
        Ok(d) => d,
        Err(_) => return f64::NAN,
    };
    let cdf = |k: u64| dist.cdf(k);
    // P(X >= k)
    let upper = |k: u64| if k == 0 { 1.0 } else { dist.sf(k - 1) };
    let pv = match alternative {
        Alternative::Less => cdf(x),
        Alternative::Greater => upper(x),
        Alternative::TwoSided => {
            if p == 0.0 {
                f64::from(u8::from(x == 0))
            } else if p == 1.0 {
                f64::from(u8::from(x == n))
            } else {
                two_sided(&dist, x, n, p)
            }
        }
    };
    pv.clamp(0.0, 1.0)
}

fn two_sided(dist: &Binomial, x: u64, n: u64, p: f64) -> f64 {
    let d = dist.pmf(x) * REL_ERR;
    let m = n as f64 * p;
    let xf = x as f64;
    if xf == m {
        return 1.0;
    }
    // R counts the outcomes on the other side of the mean no more likely than x. Beyond
    // the mean the probabilities only fall (the binomial is unimodal, its mode within one
    // of the mean), so those outcomes form the far end of the range, found by bisection
    // rather than a probability per outcome.
    if xf < m {
        // Count outcomes in the upper tail no more likely than x.
        let start = m.ceil() as u64;
        let y = n + 1 - first(start, n + 1, |i| dist.pmf(i) <= d);
        let upper_from = n + 1 - y; // P(X >= n - y + 1)
        let tail = if upper_from > n {
            0.0
        } else {
            dist.sf(upper_from - 1)
        };
        dist.cdf(x) + tail
    } else {
        let end = m.floor() as u64;
        let y = first(0, end + 1, |i| dist.pmf(i) > d);
        let lower_tail = if y == 0 { 0.0 } else { dist.cdf(y - 1) };
        lower_tail + if x == 0 { 1.0 } else { dist.sf(x - 1) }
    }
}

/// The first `i` in `lo..hi` for which `holds` (which must hold from some point on),
/// else `hi`.
fn first(mut lo: u64, mut hi: u64, holds: impl Fn(u64) -> bool) -> u64 {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    /// SciPy docs, `binomtest(k=7, n=50).proportion_ci()` (method 'exact'):
    /// ConfidenceInterval(low=0.05819170033997342, high=0.26739600249700846).
    #[test]
    fn clopper_pearson_matches_scipy_binomtest_example() {
        let i = clopper_pearson(7, 50, 0.95).unwrap();
        assert!(close(i.lower, 0.05819170033997342, 1e-9), "{i:?}");
        assert!(close(i.upper, 0.26739600249700846, 1e-9), "{i:?}");
    }

    /// R 3.6.2 `binom.test` values used by SciPy's test suite (test_morestats.py):
    /// 20/100 -> (0.1266555521019559, 0.2918426890886281); 3/50 at 99% ->
    /// (0.006872485, 0.202706269); 0/10 -> (0, 0.3084971); 10/10 -> (0.6915029, 1).
    #[test]
    fn clopper_pearson_matches_r_binom_test_including_edges() {
        let i = clopper_pearson(20, 100, 0.95).unwrap();
        assert!(
            close(i.lower, 0.1266555521019559, 1e-9) && close(i.upper, 0.2918426890886281, 1e-9)
        );
        let i = clopper_pearson(3, 50, 0.99).unwrap();
        assert!(
            close(i.lower, 0.006872485, 1e-6) && close(i.upper, 0.202706269, 1e-6),
            "{i:?}"
        );
        let i = clopper_pearson(0, 10, 0.95).unwrap();
        assert!(i.lower == 0.0 && close(i.upper, 0.3084971, 1e-6), "{i:?}");
        let i = clopper_pearson(10, 10, 0.95).unwrap();
        assert!(close(i.lower, 0.6915029, 1e-6) && i.upper == 1.0, "{i:?}");
    }

    /// R `binom.test(9, 24, 1/6)` prints 0.1879929 0.5940636; `binom.test(1, 1497, 0.0033,
    /// conf.level = 0.9)` prints 3.426347e-05 3.164954e-03 (both from R output quoted in the
    /// "r binom test confidence interval" tutorial, 2020).
    #[test]
    fn clopper_pearson_matches_printed_r_output() {
        let i = clopper_pearson(9, 24, 0.95).unwrap();
        assert!(
            close(i.lower, 0.1879929, 5e-7) && close(i.upper, 0.5940636, 5e-7),
            "{i:?}"
        );
        let i = clopper_pearson(1, 1497, 0.90).unwrap();
        assert!(
            close(i.lower, 3.426347e-05, 5e-7) && close(i.upper, 3.164954e-03, 5e-7),
            "{i:?}"
        );
    }

    #[test]
    fn clopper_pearson_rejects_bad_arguments() {
        assert_eq!(clopper_pearson(1, 0, 0.95), Err(StatsError::NoTrials));
        assert!(matches!(
            clopper_pearson(5, 4, 0.95),
            Err(StatsError::Counts { .. })
        ));
        assert_eq!(clopper_pearson(1, 4, 1.0), Err(StatsError::Level(1.0)));
    }

    /// R 3.6.2 `binom.test` p-values from SciPy's test suite: (20, 100, 0.25) two-sided
    /// 0.2983720970096, less 0.148831050443, greater 0.9004695898947; (3, 50, 0.2) two-sided
    /// 0.01191714; (0, 10, 0.25) two-sided 0.07604122; (10, 10, 0.25) 9.536743e-07.
    #[test]
    fn binomial_test_matches_r() {
        let p = |x, n, p0, alt| binomial_test(x, n, p0, alt).unwrap();
        assert!(close(
            p(20, 100, 0.25, Alternative::TwoSided),
            0.2983720970096,
            1e-9
        ));
        assert!(close(
            p(20, 100, 0.25, Alternative::Less),
            0.148831050443,
            1e-9
        ));
        assert!(close(
            p(20, 100, 0.25, Alternative::Greater),
            0.9004695898947,
            1e-9
        ));
        assert!(close(
            p(3, 50, 0.2, Alternative::TwoSided),
            0.01191714,
            1e-6
        ));
        assert!(close(
            p(0, 10, 0.25, Alternative::TwoSided),
            0.07604122,
            1e-6
        ));
        assert!(close(
            p(10, 10, 0.25, Alternative::TwoSided),
            9.536743e-07,
            1e-6
        ));
        // x equal to the expected count gives 1, as in SciPy's test_estimate_equals_hypothesized_prop.
        assert_eq!(p(4, 16, 0.25, Alternative::TwoSided), 1.0);
    }

    proptest! {
        /// Intervals contain the point estimate and stay in [0, 1] (Wilson and Clopper-Pearson).
        #[test]
        fn intervals_contain_estimate(n in 1u64..5_000, frac in 0.0f64..=1.0, level in 0.5f64..0.999) {
            let x = ((n as f64) * frac).round() as u64;
            let p = x as f64 / n as f64;
            let cp = clopper_pearson(x, n, level).unwrap();
            let w = crate::stats::interval::wilson(x, n, level).unwrap();
            for i in [cp, w] {
                prop_assert!(0.0 <= i.lower && i.lower <= p + 1e-12, "{i:?} {p}");
                prop_assert!(p <= i.upper + 1e-12 && i.upper <= 1.0, "{i:?} {p}");
            }
        }

        #[test]
        fn binomial_p_is_a_probability(n in 1u64..500, frac in 0.0f64..=1.0, p0 in 0.0f64..=1.0) {
            let x = ((n as f64) * frac).round() as u64;
            for alt in [Alternative::TwoSided, Alternative::Less, Alternative::Greater] {
                let p = binomial_test(x, n, p0, alt).unwrap();
                prop_assert!((0.0..=1.0).contains(&p), "{p}");
            }
        }

        /// The bisection finds the same outcomes as R's count of every outcome's probability.
        #[test]
        fn two_sided_matches_counting_every_outcome(n in 1u64..3_000, frac in 0.0f64..=1.0, p0 in 0.001f64..0.999) {
            let x = ((n as f64) * frac).round() as u64;
            let dist = Binomial::new(p0, n).unwrap();
            let d = dist.pmf(x) * REL_ERR;
            let m = n as f64 * p0;
            let counted = if (x as f64) < m {
                let y = (m.ceil() as u64..=n).filter(|&i| dist.pmf(i) <= d).count() as u64;
                dist.cdf(x) + if y == 0 { 0.0 } else { dist.sf(n - y) }
            } else if (x as f64) > m {
                let y = (0..=m.floor() as u64).filter(|&i| dist.pmf(i) <= d).count() as u64;
                (if y == 0 { 0.0 } else { dist.cdf(y - 1) }) + if x == 0 { 1.0 } else { dist.sf(x - 1) }
            } else {
                1.0
            };
            let p = binomial_test(x, n, p0, Alternative::TwoSided).unwrap();
            prop_assert!((p - counted.clamp(0.0, 1.0)).abs() <= 1e-12, "{p} against {counted}");
        }
    }
}
