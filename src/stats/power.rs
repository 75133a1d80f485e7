//! Pilot sizing: how many samples (proportions) or endpoint-days (Poisson rates) each vendor's
//! arm of a pilot needs to detect a given difference with a given power.
//!
//! - Two proportions (Fleiss, Levin and Paik 2003, Statistical Methods for Rates and
//!   Proportions, 3rd ed., section 4.2), equal arms, `pbar = (p1 + p2) / 2`:
//!   `n = (z(1-a/2) sqrt(2 pbar qbar) + z(1-b) sqrt(p1 q1 + p2 q2))^2 / (p1 - p2)^2`.
//!   This is the `n` that R's `power.prop.test` solves for (`strict = FALSE`).
//!   With continuity correction (Fleiss, Tytun and Ury 1980, Biometrics 36:343-346):
//!   `n' = n / 4 (1 + sqrt(1 + 4 / (n |p1 - p2|)))^2`, as Stata's `sampsi` and R EnvStats'
//!   `propTestN(correct = TRUE)`. The corrected size is the default: it approximates the size
//!   the exact (Fisher) test needs, and the pilot comparison of detection rates uses Fisher.
//!   A *sample* is one malware sample (or phishing simulation) presented to the product.
//! - Two Poisson rates, equal exposure, Wald/score z test of `r1 - r2` (equal exposure makes
//!   the null and alternative variances equal): `t = (z(1-a/2) + z(1-b))^2 (r1 + r2) /
//!   (r1 - r2)^2` endpoint-days per arm. Power for unequal exposures follows PASS chapter 436
//!   ("Tests for the Difference Between Two Poisson Rates") as statsmodels'
//!   `power_poisson_diff_2indep(method_var="alt")`.

use statrs::distribution::ContinuousCDF;

use super::common::{check_alpha, check_exposure, std_normal, z_upper, Alternative, StatsError};

/// Whether the proportions sample size applies the Fleiss-Tytun-Ury continuity correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Correction {
    /// Continuity-corrected (the default; suits an exact or corrected test).
    #[default]
    Fleiss,
    /// Uncorrected normal approximation, as R's `power.prop.test`.
    None,
}

/// A sample-size answer: fractional size per arm and the whole number to plan for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    /// The size per arm before rounding.
    pub per_arm: f64,
    /// `per_arm` rounded up: samples (or endpoint-days) each vendor needs.
    pub per_arm_ceil: u64,
}

/// The largest sample size a plan answers with (10^12): beyond it no pilot can run, and
/// the rounded size would no longer be a whole number a `u64` holds exactly.
pub const MAX_PLAN: f64 = 1e12;

impl Plan {
    fn new(per_arm: f64, difference: f64) -> Result<Self, StatsError> {
        if per_arm.is_nan() || per_arm > MAX_PLAN {
            return Err(StatsError::DifferenceTooSmall {
                difference,
                max: MAX_PLAN,
            });
        }
        Ok(Self {
            per_arm,
            per_arm_ceil: per_arm.ceil() as u64,
        })
    }
}

fn check_power(power: f64) -> Result<f64, StatsError> {
    if power > 0.0 && power < 1.0 {
        Ok(power)
    } else {
        Err(StatsError::Power(power))
    }
}

fn check_proportion(p: f64) -> Result<f64, StatsError> {
    if p > 0.0 && p < 1.0 {
        Ok(p)
    } else {
        Err(StatsError::Proportion(p))
    }
}

/// Samples per arm to detect `baseline` against `baseline + difference` with a two-sided
/// test at `alpha` and the given `power`.
pub fn sample_size_proportions(
    baseline: f64,
    difference: f64,
    alpha: f64,
    power: f64,
    correction: Correction,
) -> Result<Plan, StatsError> {
    let p1 = check_proportion(baseline)?;
    let p2 = check_proportion(baseline + difference)?;
    check_alpha(alpha)?;
    check_power(power)?;
    if difference == 0.0 {
        return Err(StatsError::ZeroDifference);
    }
    let d = difference.abs();
    let pbar = (p1 + p2) / 2.0;
    let root = z_upper(alpha / 2.0) * (2.0 * pbar * (1.0 - pbar)).sqrt()
        + z_upper(1.0 - power) * (p1 * (1.0 - p1) + p2 * (1.0 - p2)).sqrt();
    let n = (root / d).powi(2);
    let n = match correction {
        Correction::None => n,
        Correction::Fleiss => n / 4.0 * (1.0 + (1.0 + 4.0 / (n * d)).sqrt()).powi(2),
    };
    Plan::new(n, difference)
}

/// Power of the uncorrected two-proportion test with `n` per arm, as R's `power.prop.test`
/// (`strict = FALSE`: the far rejection tail of a two-sided test is ignored).
pub fn power_proportions(
    n: f64,
    p1: f64,
    p2: f64,
    alpha: f64,
    alternative: Alternative,
) -> Result<f64, StatsError> {
    check_proportion(p1)?;
    check_proportion(p2)?;
    check_alpha(alpha)?;
    check_exposure(n)?;
    let z = match alternative {
        Alternative::TwoSided => z_upper(alpha / 2.0),
        _ => z_upper(alpha),
    };
    let pooled_sd = ((p1 + p2) * (2.0 - p1 - p2) / 2.0).sqrt();
    let alt_sd = (p1 * (1.0 - p1) + p2 * (1.0 - p2)).sqrt();
    let effect = match alternative {
        Alternative::TwoSided => (p1 - p2).abs(),
        Alternative::Greater => p1 - p2,
        Alternative::Less => p2 - p1,
    };
    Ok(std_normal().cdf((n.sqrt() * effect - z * pooled_sd) / alt_sd))
}

fn check_rate(r: f64) -> Result<f64, StatsError> {
    if r > 0.0 && r.is_finite() {
        Ok(r)
    } else {
        Err(StatsError::Rate(r))
    }
}

/// Endpoint-days per arm to detect `baseline` events per endpoint-day against
/// `baseline + difference` with a two-sided test at `alpha` and the given `power`.
pub fn sample_size_rates(
    baseline: f64,
    difference: f64,
    alpha: f64,
    power: f64,
) -> Result<Plan, StatsError> {
    let r1 = check_rate(baseline)?;
    let r2 = check_rate(baseline + difference)?;
    check_alpha(alpha)?;
    check_power(power)?;
    if difference == 0.0 {
        return Err(StatsError::ZeroDifference);
    }
    let z = z_upper(alpha / 2.0) + z_upper(1.0 - power);
    Plan::new(z * z * (r1 + r2) / (r1 - r2).powi(2), difference)
}

/// Power of the z test of `rate1 - rate2` with `exposure1` and `exposure2` endpoint-days,
/// variance taken under the alternative (`rate1 / t1 + rate2 / t2`).
pub fn power_rates(
    rate1: f64,
    exposure1: f64,
    rate2: f64,
    exposure2: f64,
    alpha: f64,
    alternative: Alternative,
) -> Result<f64, StatsError> {
    let (r1, r2) = (check_rate(rate1)?, check_rate(rate2)?);
    let (t1, t2) = (check_exposure(exposure1)?, check_exposure(exposure2)?);
    check_alpha(alpha)?;
    let se = (r1 / t1 + r2 / t2).sqrt();
    let (z, effect) = match alternative {
        Alternative::TwoSided => (z_upper(alpha / 2.0), (r1 - r2).abs()),
        Alternative::Greater => (z_upper(alpha), r1 - r2),
        Alternative::Less => (z_upper(alpha), r2 - r1),
    };
    Ok(std_normal().cdf(effect / se - z))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R `?power.prop.test`: `power.prop.test(p1 = .50, p2 = .75, power = .90)` gives
    /// n = 76.7 and `power.prop.test(n = 50, p1 = .50, p2 = .75)` power = 0.7401659;
    /// `power.prop.test(p1 = .10, p2 = .25, power = .90)` prints n = 132.7557
    /// (R for Public Health blog, 2013).
    #[test]
    fn uncorrected_matches_r_power_prop_test() {
        let p = sample_size_proportions(0.50, 0.25, 0.05, 0.90, Correction::None).unwrap();
        assert!(
            (p.per_arm - 76.7).abs() < 0.05 && p.per_arm_ceil == 77,
            "{p:?}"
        );
        let p = sample_size_proportions(0.10, 0.15, 0.05, 0.90, Correction::None).unwrap();
        assert!((p.per_arm - 132.7557).abs() < 5e-4, "{p:?}");
        let w = power_proportions(50.0, 0.5, 0.75, 0.05, Alternative::TwoSided).unwrap();
        assert!((w - 0.7401659).abs() < 5e-7, "{w}");
    }

    /// R EnvStats `?propTestN` examples (two-sample, power 0.95, `correct = TRUE`, i.e. the
    /// Fleiss continuity correction): p1 = 0.4, 0.3, 0.2 against p2 = 0.5 -> 661, 163, 70;
    /// p1 = 0.7 against 0.5 at alpha = 0.001, 0.01, 0.05, 0.1 -> 299, 221, 163, 137.
    #[test]
    fn corrected_matches_envstats_prop_test_n() {
        for (p1, n) in [(0.4, 661), (0.3, 163), (0.2, 70)] {
            let p = sample_size_proportions(0.5, p1 - 0.5, 0.05, 0.95, Correction::Fleiss).unwrap();
            assert_eq!(p.per_arm_ceil, n, "{p1}: {p:?}");
        }
        for (alpha, n) in [(0.001, 299), (0.01, 221), (0.05, 163), (0.1, 137)] {
            let p = sample_size_proportions(0.5, 0.2, alpha, 0.95, Correction::default()).unwrap();
            assert_eq!(p.per_arm_ceil, n, "{alpha}: {p:?}");
        }
    }

    /// `--difference 1e-300` printed 18446744073709551615 samples (an infinite size cast to
    /// `u64`); a size beyond any pilot is an error naming the difference.
    #[test]
    fn a_difference_too_small_for_any_pilot_is_an_error() {
        for d in [1e-300, 1e-9] {
            let e = sample_size_proportions(0.99, d, 0.05, 0.8, Correction::Fleiss).unwrap_err();
            assert_eq!(
                e,
                StatsError::DifferenceTooSmall {
                    difference: d,
                    max: MAX_PLAN
                }
            );
            assert!(sample_size_rates(0.01, d, 0.05, 0.8).is_err());
        }
        let e = sample_size_rates(0.01, 1e-300, 0.05, 0.8).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a difference of `1e-300` would need more than 1e12 samples"),
            "{e}"
        );
    }

    #[test]
    fn pilot_plan_example_and_errors() {
        // The issue's `pilot plan --baseline 0.99 --difference 0.005 --power 0.8`.
        let p = sample_size_proportions(0.99, 0.005, 0.05, 0.8, Correction::default()).unwrap();
        let raw = sample_size_proportions(0.99, 0.005, 0.05, 0.8, Correction::None).unwrap();
        assert!(
            p.per_arm > raw.per_arm && (4_500..6_000).contains(&p.per_arm_ceil),
            "{p:?}"
        );
        assert_eq!(
            sample_size_proportions(0.99, 0.02, 0.05, 0.8, Correction::None),
            Err(StatsError::Proportion(0.99 + 0.02))
        );
        assert_eq!(
            sample_size_proportions(0.5, 0.0, 0.05, 0.8, Correction::None),
            Err(StatsError::ZeroDifference)
        );
        assert!(sample_size_proportions(0.5, 0.1, 0.05, 1.0, Correction::None).is_err());
    }

    /// PASS chapter 436 example as pinned by statsmodels' test suite
    /// (`test_power_poisson_equal`): rates 15 and 10, exposures 6 and 8, one-sided alpha
    /// 0.05 -> power 0.82566.
    #[test]
    fn rate_power_matches_pass_example() {
        let w = power_rates(15.0, 6.0, 10.0, 8.0, 0.05, Alternative::Greater).unwrap();
        assert!((w - 0.82566).abs() < 5e-5, "{w}");
    }

    #[test]
    fn rate_sample_size_inverts_the_power() {
        // 0.02 against 0.01 false positives per endpoint-day.
        let p = sample_size_rates(0.02, -0.01, 0.05, 0.8).unwrap();
        let w = power_rates(
            0.02,
            p.per_arm,
            0.01,
            p.per_arm,
            0.05,
            Alternative::TwoSided,
        )
        .unwrap();
        assert!((w - 0.8).abs() < 1e-9, "{p:?} {w}");
        // (1.959964 + 0.841621)^2 * 0.03 / 0.0001 = 2354.5 endpoint-days per arm.
        assert!(
            (p.per_arm - 2354.5).abs() < 0.5 && p.per_arm_ceil == 2355,
            "{p:?}"
        );
        assert!(sample_size_rates(0.01, -0.01, 0.05, 0.8).is_err());
        assert!(sample_size_rates(0.01, 0.0, 0.05, 0.8).is_err());
    }
}
