//! How uncertain each metric value is, as a distribution to draw from: what the evidence
//! allows the true value to be. Used to redraw the evidence when asking whether a
//! ranking's order is within noise (and by sensitivity analysis).
//!
//! - Proportions (detection, phishing, install): Beta(x + 1/2, n - x + 1/2), the Jeffreys
//!   posterior of x successes in n trials.
//! - Counts per endpoint-day: Gamma(x + 1/2, rate = endpoint-days), the Jeffreys posterior
//!   of a Poisson rate.
//! - Gauges: Normal(mean, s / sqrt(k)) over the k endpoint means (the mean's sampling error).
//! - Lab rates in percent or ratio with `samples`: Normal(value, standard error of the
//!   aggregate), each result's variance p(1 - p)/n.
//!   Everything else is taken as exact.

use rand::Rng;
use rand_distr::{Beta, Distribution, Gamma, Normal};

/// A metric's uncertainty for one vendor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spread {
    /// Beta(a, b), multiplied by `scale` (1 for a ratio, 100 for a percent).
    Beta { a: f64, b: f64, scale: f64 },
    /// Gamma(shape, rate).
    Gamma { shape: f64, rate: f64 },
    /// Normal(mean, sd), truncated at `floor`.
    Normal { mean: f64, sd: f64, floor: f64 },
}

impl Spread {
    /// One draw; falls back to the distribution's centre when its parameters are degenerate.
    pub fn sample<R: Rng>(&self, rng: &mut R) -> f64 {
        match *self {
            Spread::Beta { a, b, scale } => {
                Beta::new(a, b).map_or(a / (a + b), |d| d.sample(rng)) * scale
            }
            Spread::Gamma { shape, rate } => {
                Gamma::new(shape, 1.0 / rate).map_or(shape / rate, |d| d.sample(rng))
            }
            Spread::Normal { mean, sd, floor } => {
                if sd > 0.0 {
                    Normal::new(mean, sd)
                        .map_or(mean, |d| d.sample(rng))
                        .max(floor)
                } else {
                    mean
                }
            }
        }
    }
}

/// Beta posterior of `x` successes in `n` trials.
pub fn proportion(x: u64, n: u64) -> Option<Spread> {
    (n > 0).then(|| Spread::Beta {
        a: x as f64 + 0.5,
        b: (n - x.min(n)) as f64 + 0.5,
        scale: 1.0,
    })
}

/// Gamma posterior of `x` events over `exposure` endpoint-days.
pub fn rate(x: u64, exposure: f64) -> Option<Spread> {
    (exposure > 0.0).then_some(Spread::Gamma {
        shape: x as f64 + 0.5,
        rate: exposure,
    })
}

/// The sampling error of the mean of `values` (at least two).
pub fn mean_of(values: &[f64]) -> Option<Spread> {
    let k = values.len();
    if k < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / k as f64;
    let var = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1) as f64;
    Some(Spread::Normal {
        mean,
        sd: (var / k as f64).sqrt(),
        floor: 0.0,
    })
}

/// The error of a mean of lab rates, each (value, samples) in `unit` (`percent` or `ratio`).
pub fn lab_mean(results: &[(f64, u64)], unit: &str) -> Option<Spread> {
    let scale = match unit {
        "percent" => 100.0,
        "ratio" => 1.0,
        _ => return None,
    };
    if results.is_empty() || results.iter().any(|r| r.1 == 0) {
        return None;
    }
    let k = results.len() as f64;
    let mean = results.iter().map(|r| r.0).sum::<f64>() / k;
    let var: f64 = results
        .iter()
        .map(|&(v, n)| {
            let p = (v / scale).clamp(0.0, 1.0);
            // A rate of exactly 0 or 1 still has the uncertainty of about half a sample.
            let p = p.clamp(0.5 / n as f64, 1.0 - 0.5 / n as f64);
            p * (1.0 - p) / n as f64
        })
        .sum::<f64>()
        / (k * k);
    Some(Spread::Normal {
        mean,
        sd: var.sqrt() * scale,
        floor: 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn draws_centre_on_the_evidence() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let s = proportion(990, 1000).unwrap();
        let mean: f64 = (0..20_000).map(|_| s.sample(&mut rng)).sum::<f64>() / 20_000.0;
        // Jeffreys posterior mean (x + 1/2) / (n + 1) = 0.98951.
        assert!((mean - 990.5 / 1001.0).abs() < 3e-4, "{mean}");
        let g = rate(10, 100.0).unwrap();
        let gm: f64 = (0..20_000).map(|_| g.sample(&mut rng)).sum::<f64>() / 20_000.0;
        assert!((gm - 0.105).abs() < 3e-3, "{gm}");
        assert!(proportion(0, 0).is_none() && rate(1, 0.0).is_none() && mean_of(&[1.0]).is_none());
    }

    #[test]
    fn lab_means_shrink_with_samples() {
        let one = lab_mean(&[(99.0, 1000)], "percent").unwrap();
        let two = lab_mean(&[(99.0, 1000), (99.0, 1000)], "percent").unwrap();
        match (one, two) {
            (Spread::Normal { sd: a, .. }, Spread::Normal { sd: b, .. }) => {
                assert!((a - (0.99f64 * 0.01 / 1000.0).sqrt() * 100.0).abs() < 1e-12);
                assert!((b - a / 2f64.sqrt()).abs() < 1e-12);
            }
            _ => panic!("normal expected"),
        }
        assert!(lab_mean(&[(5.0, 10)], "score_0_6").is_none());
    }
}
