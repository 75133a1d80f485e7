//! Exact comparison of two Poisson rates (events per endpoint-day), as R's
//! `poisson.test(c(x1, x2), c(t1, t2))`.
//!
//! Conditional on the total `n = x1 + x2`, `x1` is binomial with
//! `p = r t1 / (r t1 + t2)` where `r` is the rate ratio (Przyborowski and Wilenski 1940,
//! Biometrika 31:313-323; Lehmann, Testing Statistical Hypotheses, 1986, p. 152). The test of
//! `r = 1` is the exact binomial test of that `p` (same two-sided rule as `binom.test`), and the
//! interval for the ratio maps the Clopper-Pearson interval of `p` through `p / (1 - p) * t2 / t1`.

use super::binomial::{binom_p, clopper_pearson};
use super::common::{check_exposure, check_level, Alternative, StatsError};
use super::interval::Interval;

/// The result of an exact rate-ratio test of vendor 1 against vendor 2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRatioTest {
    /// `(x1 / t1) / (x2 / t2)`; infinite when `x2 = 0 < x1`, `None` when both counts are 0.
    pub ratio: Option<f64>,
    /// Exact interval for the ratio; the upper bound is infinite when `x2 = 0`.
    pub interval: Interval,
    /// The p-value against a ratio of 1.
    pub p_value: f64,
    /// Events expected in group 1 under equal rates: `(x1 + x2) t1 / (t1 + t2)`.
    pub expected1: f64,
}

/// Exact conditional test of equal Poisson rates: `events1` over `exposure1` against
/// `events2` over `exposure2`, with a `level` interval for the rate ratio.
///
/// With no events at all there is no evidence either way: the p-value is 1 and the interval
/// is `[0, inf)`.
pub fn rate_ratio_test(
    events1: u64,
    exposure1: f64,
    events2: u64,
    exposure2: f64,
    alternative: Alternative,
    level: f64,
) -> Result<RateRatioTest, StatsError> {
    let t1 = check_exposure(exposure1)?;
    let t2 = check_exposure(exposure2)?;
    check_level(level)?;
    let n = events1 + events2;
    let p = t1 / (t1 + t2);
    let expected1 = n as f64 * p;
    if n == 0 {
        return Ok(RateRatioTest {
            ratio: None,
            interval: Interval {
                lower: 0.0,
                upper: f64::INFINITY,
            },
            p_value: 1.0,
            expected1,
        });
    }
    let ratio = Some((events1 as f64 / t1) / (events2 as f64 / t2));
    let p_value = binom_p(events1, n, p, alternative);
    let ci_p = one_or_two_sided_ci(events1, n, alternative, level)?;
    let to_ratio = |q: f64| {
        if q >= 1.0 {
            f64::INFINITY
        } else {
            q / (1.0 - q) * t2 / t1
        }
    };
    Ok(RateRatioTest {
        ratio,
        interval: Interval {
            lower: to_ratio(ci_p.lower),
            upper: to_ratio(ci_p.upper),
        },
        p_value,
        expected1,
    })
}

/// Clopper-Pearson bounds for `p`, one-sided when the alternative is, as `binom.test` does.
fn one_or_two_sided_ci(
    x: u64,
    n: u64,
    alternative: Alternative,
    level: f64,
) -> Result<Interval, StatsError> {
    match alternative {
        Alternative::TwoSided => clopper_pearson(x, n, level),
        // A one-sided bound at `level` is one end of a two-sided interval at 2 level - 1.
        Alternative::Less => Ok(Interval {
            lower: 0.0,
            upper: clopper_pearson(x, n, 2.0 * level - 1.0)?.upper,
        }),
        Alternative::Greater => Ok(Interval {
            lower: clopper_pearson(x, n, 2.0 * level - 1.0)?.lower,
            upper: 1.0,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// R `?poisson.test` example (eba1977, Fredericia against three other cities, ages
    /// 55-59): `poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))` prints
    /// count1 = 11, expected count1 = 6.7174, p-value = 0.07967,
    /// 95 percent confidence interval 0.8584264 4.2772659, rate ratio 1.971488.
    #[test]
    fn matches_r_poisson_test_two_sample_example() {
        let r = rate_ratio_test(11, 800.0, 21, 3011.0, Alternative::TwoSided, 0.95).unwrap();
        assert!(close(r.ratio.unwrap(), 1.971488, 5e-7), "{r:?}");
        assert!(close(r.expected1, 6.7174, 5e-5), "{r:?}");
        assert!(close(r.p_value, 0.07967, 5e-6), "{r:?}");
        assert!(close(r.interval.lower, 0.8584264, 5e-8), "{r:?}");
        assert!(close(r.interval.upper, 4.2772659, 5e-8), "{r:?}");
    }

    #[test]
    fn zero_events_give_no_evidence() {
        let r = rate_ratio_test(0, 100.0, 0, 50.0, Alternative::TwoSided, 0.95).unwrap();
        assert_eq!(r.p_value, 1.0);
        assert_eq!(r.ratio, None);
        let r = rate_ratio_test(4, 100.0, 0, 100.0, Alternative::TwoSided, 0.95).unwrap();
        assert_eq!(r.ratio, Some(f64::INFINITY));
        assert!(r.interval.upper.is_infinite() && r.interval.lower > 0.0);
        // Equal exposure, 4 against 0: binomial(4, 1/2) two-sided = 2 * 1/16.
        assert!(close(r.p_value, 0.125, 1e-12), "{r:?}");
    }

    #[test]
    fn one_sided_alternatives_split_the_two_sided_p() {
        let g = rate_ratio_test(11, 800.0, 21, 3011.0, Alternative::Greater, 0.95).unwrap();
        let l = rate_ratio_test(11, 800.0, 21, 3011.0, Alternative::Less, 0.95).unwrap();
        assert!(g.p_value < 0.07967 && l.p_value > 0.9);
        assert!(g.interval.upper.is_infinite() && l.interval.lower == 0.0);
    }

    #[test]
    fn rejects_bad_exposure() {
        let e = rate_ratio_test(1, 0.0, 1, 1.0, Alternative::TwoSided, 0.95);
        assert_eq!(e, Err(StatsError::Exposure(0.0)));
    }

    proptest! {
        #[test]
        fn interval_contains_ratio(x1 in 0u64..300, x2 in 0u64..300, t1 in 1.0f64..1e5, t2 in 1.0f64..1e5) {
            let r = rate_ratio_test(x1, t1, x2, t2, Alternative::TwoSided, 0.95).unwrap();
            prop_assert!((0.0..=1.0).contains(&r.p_value));
            if let Some(ratio) = r.ratio {
                prop_assert!(r.interval.lower <= ratio * (1.0 + 1e-9) && ratio <= r.interval.upper * (1.0 + 1e-9), "{r:?}");
            }
        }
    }
}
