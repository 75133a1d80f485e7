//! Shared pieces of the statistics layer: the error type, the alternative hypothesis of a
//! test, and the argument checks every function runs before it computes anything.
//!
//! Every function in `stats` validates its arguments once, here, and returns a
//! [`StatsError`] instead of panicking or producing `NaN`.

use statrs::distribution::{ContinuousCDF, Normal};
use thiserror::Error;

/// What went wrong in a statistics call. Messages are lower case, user values in backticks.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StatsError {
    /// A confidence level outside (0, 1).
    #[error("confidence level `{0}` is not strictly between 0 and 1")]
    Level(f64),
    /// A significance level outside (0, 1).
    #[error("significance level `{0}` is not strictly between 0 and 1")]
    Alpha(f64),
    /// A target power outside (0, 1).
    #[error("power `{0}` is not strictly between 0 and 1")]
    Power(f64),
    /// More successes than trials.
    #[error("`{successes}` successes out of `{trials}` trials is impossible")]
    Counts { successes: u64, trials: u64 },
    /// A proportion needs at least one trial.
    #[error("a proportion needs at least one trial, got `0`")]
    NoTrials,
    /// An exposure (endpoint-days) that is zero, negative or not finite.
    #[error("exposure `{0}` is not a positive finite number")]
    Exposure(f64),
    /// A sample with fewer values than the method needs.
    #[error("the sample has `{got}` values, the method needs at least `{needed}`")]
    TooFew { got: usize, needed: usize },
    /// A sample value that is NaN or infinite.
    #[error("the sample holds a value that is not finite: `{0}`")]
    NotFinite(f64),
    /// A sample that should be sorted in ascending order and is not.
    #[error("the samples must be sorted in ascending order")]
    Unsorted,
    /// A p-value outside [0, 1] or NaN.
    #[error("p-value `{0}` is not between 0 and 1")]
    PValue(f64),
    /// A planning proportion outside (0, 1).
    #[error("proportion `{0}` is not strictly between 0 and 1")]
    Proportion(f64),
    /// A planning rate that is not positive.
    #[error("rate `{0}` is not a positive finite number")]
    Rate(f64),
    /// A planned difference of zero, which no sample size can detect.
    #[error("the difference to detect is `0`; no sample size can detect it")]
    ZeroDifference,
    /// A difference so small that its sample size exceeds any pilot.
    #[error("a difference of `{difference:e}` would need more than {max:e} samples per vendor; no pilot can detect it (plan for a larger difference)")]
    DifferenceTooSmall { difference: f64, max: f64 },
    /// A bootstrap with no resamples.
    #[error("the bootstrap needs at least `1` resample, got `{0}`")]
    Resamples(usize),
    /// An exact p-value was asked for data that do not allow it.
    #[error("an exact p-value needs untied samples of fewer than `50` values each ({0})")]
    ExactUnavailable(String),
    /// Pairwise p-values (or intervals) and scores of different sizes.
    #[error("the comparison covers `{pairs}` vendors but `{scores}` scores were given")]
    PairwiseSize { pairs: usize, scores: usize },
    /// A vendor index beyond the matrix.
    #[error("vendor index `{index}` is out of range for `{len}` vendors")]
    VendorIndex { index: usize, len: usize },
    /// A score that is NaN or infinite.
    #[error("score `{value}` of vendor `{index}` is not finite")]
    Score { index: usize, value: f64 },
}

/// The alternative hypothesis of a test, named as in R (`two.sided`, `less`, `greater`).
///
/// For a comparison of group 1 with group 2, `Greater` means "group 1 is larger" (higher
/// odds, higher rate, stochastically larger values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Alternative {
    /// The groups differ in either direction.
    #[default]
    TwoSided,
    /// Group 1 is smaller.
    Less,
    /// Group 1 is larger.
    Greater,
}

/// Which end of a score is better, for grouping vendors into ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Better {
    /// Higher values are better (scores, detection rates).
    #[default]
    Higher,
    /// Lower values are better (false positives per endpoint-day, CPU overhead).
    Lower,
}

pub(crate) fn check_level(level: f64) -> Result<f64, StatsError> {
    if level > 0.0 && level < 1.0 {
        Ok(level)
    } else {
        Err(StatsError::Level(level))
    }
}

pub(crate) fn check_alpha(alpha: f64) -> Result<f64, StatsError> {
    if alpha > 0.0 && alpha < 1.0 {
        Ok(alpha)
    } else {
        Err(StatsError::Alpha(alpha))
    }
}

pub(crate) fn check_exposure(exposure: f64) -> Result<f64, StatsError> {
    if exposure > 0.0 && exposure.is_finite() {
        Ok(exposure)
    } else {
        Err(StatsError::Exposure(exposure))
    }
}

pub(crate) fn check_sample(values: &[f64], needed: usize) -> Result<(), StatsError> {
    if let Some(bad) = values.iter().find(|v| !v.is_finite()) {
        return Err(StatsError::NotFinite(*bad));
    }
    if values.len() < needed {
        return Err(StatsError::TooFew {
            got: values.len(),
            needed,
        });
    }
    Ok(())
}

/// The standard normal distribution (mean 0, sd 1).
pub(crate) fn std_normal() -> Normal {
    Normal::standard()
}

/// The upper `p` quantile of the standard normal: `z` with `P(Z > z) = p`.
pub(crate) fn z_upper(p: f64) -> f64 {
    std_normal().inverse_cdf(1.0 - p)
}

/// Two-sided or one-sided normal p-value of an observed `z`.
pub(crate) fn normal_p(z: f64, alternative: Alternative) -> f64 {
    let n = std_normal();
    let p = match alternative {
        Alternative::Less => n.cdf(z),
        Alternative::Greater => n.sf(z),
        Alternative::TwoSided => 2.0 * n.cdf(z).min(n.sf(z)),
    };
    p.min(1.0)
}
