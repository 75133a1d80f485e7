//! Coverage of the proportion and rate intervals: the exact coverage probability of an
//! interval method at a true proportion, and (in the tests) seeded simulations of pilots.
//!
//! Exact coverage at `p` with `n` trials is `sum over x of P(X = x)` for the outcomes `x`
//! whose interval contains `p` (Newcombe 1998, section 3). The simulation draws 2,000 pilots
//! per setting with `ChaCha8Rng::seed_from_u64(20_240_720)`; the exact figure shows how much of
//! a simulated miss is the simulation's own noise (about +-0.5 points at 2,000 pilots).

use statrs::distribution::{Binomial, Discrete};

use super::common::StatsError;
use super::interval::Interval;

/// How often an interval method covers the truth, and on which side it misses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// Probability that the interval contains the true proportion.
    pub covered: f64,
    /// Probability that the whole interval lies below the truth (`upper < p`): the product
    /// looks worse than it is.
    pub below: f64,
    /// Probability that the whole interval lies above the truth (`lower > p`): the product
    /// looks better than it is. A gate on the lower bound passes by luck this often.
    pub above: f64,
}

/// Exact coverage of `interval(x)` when `x` is binomial(`n`, `p`).
///
/// `interval` is any method taking the success count, e.g.
/// `|x| clopper_pearson(x, n, 0.95)`. Cost: `n + 1` interval evaluations.
pub fn exact_binomial_coverage(
    p: f64,
    n: u64,
    interval: impl Fn(u64) -> Result<Interval, StatsError>,
) -> Result<Coverage, StatsError> {
    if !(0.0..=1.0).contains(&p) {
        return Err(StatsError::Proportion(p));
    }
    if n == 0 {
        return Err(StatsError::NoTrials);
    }
    let d = Binomial::new(p, n).map_err(|_| StatsError::Proportion(p))?;
    let (mut below, mut above) = (0.0, 0.0);
    for x in 0..=n {
        let i = interval(x)?;
        if i.upper < p {
            below += d.pmf(x);
        } else if i.lower > p {
            above += d.pmf(x);
        }
    }
    Ok(Coverage {
        covered: 1.0 - below - above,
        below,
        above,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;
    use rand_distr::{Binomial, Distribution, Poisson};

    use super::*;
    use crate::stats::binomial::clopper_pearson;
    use crate::stats::interval::{garwood, wilson};

    const PILOTS: usize = 2_000;
    const SEED: u64 = 20_240_720;

    fn covers(i: Interval, p: f64) -> bool {
        i.lower <= p && p <= i.upper
    }

    /// Observed with the seed above (simulation, then exact):
    /// p = 0.97,  n = 200:   Wilson 0.9395 (0.9436), Clopper-Pearson 0.9660 (0.9653)
    /// p = 0.97,  n = 2000:  Wilson 0.9440 (0.9432), Clopper-Pearson 0.9535 (0.9510)
    /// p = 0.995, n = 200:   Wilson 0.9285 (0.9202), Clopper-Pearson 0.9850 (0.9813)
    /// p = 0.995, n = 2000:  Wilson 0.9605 (0.9631), Clopper-Pearson 0.9740 (0.9757)
    /// Wilson falls under 93% at p = 0.995, n = 200 (one expected miss per pilot): every miss
    /// is an interval *below* the truth, so a gate on the lower bound is not passed by luck.
    #[test]
    fn wilson_and_clopper_pearson_cover_simulated_pilots() {
        let mut rng = ChaCha8Rng::seed_from_u64(SEED);
        for p in [0.97, 0.995] {
            for n in [200u64, 2_000] {
                let draws = Binomial::new(n, p).unwrap();
                let (mut w, mut cp) = (0usize, 0usize);
                for _ in 0..PILOTS {
                    let x = draws.sample(&mut rng);
                    w += usize::from(covers(wilson(x, n, 0.95).unwrap(), p));
                    cp += usize::from(covers(clopper_pearson(x, n, 0.95).unwrap(), p));
                }
                let (w, cp) = (w as f64 / PILOTS as f64, cp as f64 / PILOTS as f64);
                let we = exact_binomial_coverage(p, n, |x| {
                    wilson(x, n, 0.95).ok_or(StatsError::NoTrials)
                })
                .unwrap();
                let ce = exact_binomial_coverage(p, n, |x| clopper_pearson(x, n, 0.95)).unwrap();
                println!(
                    "p = {p}, n = {n}: Wilson {w:.4} (exact {:.4}, below {:.4}, above {:.4}); \
                     Clopper-Pearson {cp:.4} (exact {:.4}, below {:.4}, above {:.4})",
                    we.covered, we.below, we.above, ce.covered, ce.below, ce.above
                );
                // The simulation agrees with the exact figure within its own noise.
                assert!((w - we.covered).abs() < 0.012 && (cp - ce.covered).abs() < 0.012);
                // Clopper-Pearson: at least 95% exactly, never above 98.5% in these settings.
                assert!(
                    ce.covered >= 0.95 && ce.below <= 0.025 && ce.above <= 0.025,
                    "{ce:?}"
                );
                assert!(
                    (0.93..=0.99).contains(&cp),
                    "Clopper-Pearson p = {p}, n = {n}: {cp}"
                );
                // A lower-bound gate is passed by luck at most 2.5% of the time.
                assert!(we.above <= 0.025, "Wilson p = {p}, n = {n}: {we:?}");
                if (p, n) == (0.995, 200) {
                    assert!((0.915..0.925).contains(&we.covered), "{we:?}");
                    assert!((0.91..0.94).contains(&w), "Wilson p = {p}, n = {n}: {w}");
                } else {
                    assert!((0.93..=0.97).contains(&w), "Wilson p = {p}, n = {n}: {w}");
                }
            }
        }
    }

    #[test]
    fn garwood_covers_simulated_false_positive_rates() {
        let mut rng = ChaCha8Rng::seed_from_u64(SEED);
        // 0.01 and 0.002 false positives per endpoint-day over 2,000 and 20,000 endpoint-days.
        for rate in [0.01, 0.002] {
            for exposure in [2_000.0, 20_000.0] {
                let draws = Poisson::new(rate * exposure).unwrap();
                let hits = (0..PILOTS)
                    .filter(|_| {
                        let x: f64 = draws.sample(&mut rng);
                        covers(garwood(x as u64, exposure, 0.95).unwrap(), rate)
                    })
                    .count();
                let c = hits as f64 / PILOTS as f64;
                println!("rate = {rate}, exposure = {exposure}: Garwood {c:.4}");
                assert!((0.93..=0.99).contains(&c), "Garwood {rate} {exposure}: {c}");
            }
        }
    }

    proptest! {
        /// The Garwood interval contains the observed rate and is never negative.
        #[test]
        fn garwood_contains_observed_rate(x in 0u64..10_000, exposure in 0.5f64..1e6) {
            let i = garwood(x, exposure, 0.95).unwrap();
            let rate = x as f64 / exposure;
            prop_assert!(0.0 <= i.lower && i.lower <= rate && rate <= i.upper, "{i:?} {rate}");
        }
    }
}
