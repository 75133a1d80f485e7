//! Tests of two proportions from a 2x2 table of counts, e.g. samples detected and missed by
//! two vendors: Fisher's exact test and the pooled two-proportion z test.
//!
//! The table is `[[a, b], [c, d]]`: row 1 is vendor 1 (`a` detected, `b` missed), row 2 is
//! vendor 2. The odds ratio is `(a d) / (b c)`; `Alternative::Greater` means vendor 1 has the
//! higher odds of detection.
//!
//! - Fisher (1935), The Design of Experiments; the conditional hypergeometric distribution of
//!   `a` given the margins. Two-sided p-value: the total probability of tables no more likely
//!   than the observed one, with R's relative tolerance 1e-7 (`fisher.test`).
//! - Pooled z test: `z = (p1 - p2) / sqrt(pbar (1 - pbar) (1/n1 + 1/n2))`, identical to R's
//!   `prop.test(correct = FALSE)` (whose chi-square is `z^2`) and statsmodels'
//!   `proportions_ztest`.

use statrs::function::factorial::ln_binomial;

use super::binomial::REL_ERR;
use super::common::{normal_p, Alternative, StatsError};

/// Fisher's exact test on a 2x2 table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FisherTest {
    /// The p-value.
    pub p_value: f64,
    /// The sample (unconditional) odds ratio `(a d) / (b c)`, as SciPy reports; infinite when
    /// `b c = 0 < a d`, `None` when both products are 0. R reports the conditional MLE instead.
    pub odds_ratio: Option<f64>,
}

/// Fisher's exact test of the table `[[a, b], [c, d]]`.
///
/// A table with an empty row or column has a single possible arrangement and a p-value of 1.
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64, alternative: Alternative) -> FisherTest {
    // R's parametrisation: x = a, m = first column total, n = second column total,
    // k = first row total; x ranges over [max(0, k - n), min(k, m)].
    let (m, n, k) = (a + c, b + d, a + b);
    let support = Hypergeometric::new(m, n, k);
    let (first, dens) = support.densities(a);
    let total: f64 = dens.iter().sum();
    // The observed table's density on the same scale (outside the window it is below
    // anything the sums can hold).
    let observed = a
        .checked_sub(first)
        .and_then(|i| dens.get(i as usize).copied())
        .unwrap_or(0.0);
    let at = |x: u64| x.saturating_sub(first).min(dens.len() as u64) as usize;
    let p = match alternative {
        Alternative::Less if a < first => 0.0,
        Alternative::Less => dens[..at(a + 1)].iter().sum::<f64>() / total,
        Alternative::Greater => dens[at(a)..].iter().sum::<f64>() / total,
        Alternative::TwoSided => {
            let limit = observed * REL_ERR;
            dens.iter().filter(|&&v| v <= limit).sum::<f64>() / total
        }
    };
    let (ad, bc) = (a as f64 * d as f64, b as f64 * c as f64);
    let odds_ratio = if bc > 0.0 {
        Some(ad / bc)
    } else if ad > 0.0 {
        Some(f64::INFINITY)
    } else {
        None
    };
    FisherTest {
        p_value: p.min(1.0),
        odds_ratio,
    }
}

/// The distribution of the first cell of a 2x2 table given its margins: `x` successes in
/// `k` draws from `m` successes and `n` failures.
struct Hypergeometric {
    m: u64,
    n: u64,
    k: u64,
    lo: u64,
    hi: u64,
}

impl Hypergeometric {
    fn new(m: u64, n: u64, k: u64) -> Self {
        Hypergeometric {
            m,
            n,
            k,
            lo: k.saturating_sub(n),
            hi: k.min(m),
        }
    }

    /// The densities, relative to the mode's, over the window of the support outside
    /// which every density, and every tail sum, is below 1e-17 of both the mode's and
    /// `x`'s (so no p-value changes at double precision); returns the window's first value.
    ///
    /// The distribution is log-concave, so the ratio of neighbouring densities falls
    /// steadily away from the mode and a tail is bounded by a geometric series. Walking by
    /// that ratio costs a multiplication per value, where the log-density costs six
    /// log-gamma calls; on a pilot of millions of samples the window is a few thousand
    /// values wide while the support has millions.
    fn densities(&self, x: u64) -> (u64, Vec<f64>) {
        let (m, n, k) = (self.m, self.n, self.k);
        let mode = (((k + 1) as f64 * (m + 1) as f64 / (m + n + 2) as f64).floor() as u64)
            .clamp(self.lo, self.hi);
        let log_density = |x: u64| ln_binomial(m, x) + ln_binomial(n, k - x);
        let x_rel = if (self.lo..=self.hi).contains(&x) {
            (log_density(x) - log_density(mode)).exp()
        } else {
            0.0
        };
        // Below 1e-290 the observed table is beyond anything a p-value can show.
        let negligible = 1e-17 * x_rel.clamp(1e-290, 1.0);
        // f(y + 1) / f(y), and f(y - 1) / f(y).
        let up =
            |y: u64| ((m - y) as f64 * (k - y) as f64) / ((y + 1) as f64 * (n + y + 1 - k) as f64);
        let down =
            |y: u64| (y as f64 * (n + y - k) as f64) / ((m - y + 1) as f64 * (k - y + 1) as f64);
        let walk = |steps: u64, ratio: &dyn Fn(u64) -> f64, next: &dyn Fn(u64) -> u64| {
            let (mut out, mut dens, mut y) = (Vec::new(), 1.0, mode);
            for _ in 0..steps {
                let r = ratio(y);
                dens *= r;
                y = next(y);
                out.push(dens);
                if r < 1.0 && dens / (1.0 - r) < negligible {
                    break;
                }
            }
            out
        };
        let above = walk(self.hi - mode, &up, &|y| y + 1);
        let below = walk(mode - self.lo, &down, &|y| y - 1);
        let first = mode - below.len() as u64;
        let mut dens: Vec<f64> = below.into_iter().rev().collect();
        dens.push(1.0);
        dens.extend(above);
        (first, dens)
    }
}

/// The pooled two-proportion z test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZTest {
    /// `p1 - p2`.
    pub difference: f64,
    /// The pooled proportion `(x1 + x2) / (n1 + n2)`.
    pub pooled: f64,
    /// The z statistic; 0 when the pooled proportion is 0 or 1 (no variation to test).
    pub z: f64,
    /// The p-value; 1 when the pooled proportion is 0 or 1.
    pub p_value: f64,
}

/// Pooled two-proportion z test of `x1` out of `n1` against `x2` out of `n2`, without
/// continuity correction.
pub fn two_proportion_z(
    x1: u64,
    n1: u64,
    x2: u64,
    n2: u64,
    alternative: Alternative,
) -> Result<ZTest, StatsError> {
    for (x, n) in [(x1, n1), (x2, n2)] {
        if n == 0 {
            return Err(StatsError::NoTrials);
        }
        if x > n {
            return Err(StatsError::Counts {
                successes: x,
                trials: n,
            });
        }
    }
    let (p1, p2) = (x1 as f64 / n1 as f64, x2 as f64 / n2 as f64);
    let pooled = (x1 + x2) as f64 / (n1 + n2) as f64;
    let var = pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64);
    let difference = p1 - p2;
    if var <= 0.0 {
        return Ok(ZTest {
            difference,
            pooled,
            z: 0.0,
            p_value: 1.0,
        });
    }
    let z = difference / var.sqrt();
    Ok(ZTest {
        difference,
        pooled,
        z,
        p_value: normal_p(z, alternative),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// Fisher's test as first written: the log-density of every table in the support.
    fn fisher_full_support(a: u64, b: u64, c: u64, d: u64, alternative: Alternative) -> f64 {
        let (m, n, k) = (a + c, b + d, a + b);
        let lo = k.saturating_sub(n);
        let log_d: Vec<f64> = (lo..=k.min(m))
            .map(|x| ln_binomial(m, x) + ln_binomial(n, k - x))
            .collect();
        let max = log_d.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let dens: Vec<f64> = log_d.iter().map(|l| (l - max).exp()).collect();
        let total: f64 = dens.iter().sum();
        let at = (a - lo) as usize;
        let p = match alternative {
            Alternative::Less => dens[..=at].iter().sum::<f64>() / total,
            Alternative::Greater => dens[at..].iter().sum::<f64>() / total,
            Alternative::TwoSided => {
                let limit = dens[at] * REL_ERR;
                dens.iter().filter(|&&v| v <= limit).sum::<f64>() / total
            }
        };
        p.min(1.0)
    }

    /// Pilot-sized tables (millions of samples), where the window is a small part of the
    /// support: a clear difference and a borderline one.
    #[test]
    fn fisher_on_pilot_sized_tables_matches_the_full_support() {
        for (a, b, c, d) in [
            (2_590_000, 10_000, 2_585_000, 15_000),
            (2_590_000, 10_000, 2_589_850, 10_150),
        ] {
            for alt in [
                Alternative::Less,
                Alternative::Greater,
                Alternative::TwoSided,
            ] {
                let fast = fisher_exact(a, b, c, d, alt).p_value;
                let full = fisher_full_support(a, b, c, d, alt);
                assert!(
                    (fast - full).abs() <= 1e-9 * full + 1e-300,
                    "{alt:?}: {fast} against {full}"
                );
            }
        }
        let borderline = fisher_exact(2_590_000, 10_000, 2_589_850, 10_150, Alternative::TwoSided);
        assert!((0.2..0.4).contains(&borderline.p_value), "{borderline:?}");
    }

    /// R `?fisher.test`, "Tea tasting" (Agresti 1990, p. 61): matrix(c(3, 1, 1, 3), 2);
    /// one-sided greater p = 0.2429, two-sided p = 0.4857 (R output in Penn State STAT 504,
    /// lesson 4, TeaLady.out). Exactly 17/35 two-sided.
    #[test]
    fn fisher_tea_tasting_matches_r() {
        let g = fisher_exact(3, 1, 1, 3, Alternative::Greater);
        assert!(close(g.p_value, 0.2429, 5e-5), "{g:?}");
        let t = fisher_exact(3, 1, 1, 3, Alternative::TwoSided);
        assert!(close(t.p_value, 17.0 / 35.0, 1e-12), "{t:?}");
        assert!(close(t.p_value, 0.4857, 5e-5));
        assert_eq!(t.odds_ratio, Some(9.0));
    }

    /// R `?fisher.test`, "Convictions" (Fisher 1962): matrix(c(2, 10, 15, 3), nrow = 2), i.e.
    /// [[2, 15], [10, 3]]; alternative "less" p = 0.0004652, two-sided p = 0.0005367.
    #[test]
    fn fisher_convictions_matches_r() {
        let l = fisher_exact(2, 15, 10, 3, Alternative::Less);
        assert!(close(l.p_value, 0.0004652, 5e-8), "{l:?}");
        let t = fisher_exact(2, 15, 10, 3, Alternative::TwoSided);
        assert!(close(t.p_value, 0.0005367, 5e-8), "{t:?}");
    }

    /// SciPy docs, `fisher_exact([[8, 2], [1, 5]])`: statistic 20.0,
    /// pvalue 0.034965034965034975 (= 5/143).
    #[test]
    fn fisher_matches_scipy_example() {
        let t = fisher_exact(8, 2, 1, 5, Alternative::TwoSided);
        assert!(close(t.p_value, 0.034965034965034975, 1e-14), "{t:?}");
        assert_eq!(t.odds_ratio, Some(20.0));
    }

    /// With ties between the two tails the 1e-7 tolerance must count both (a symmetric table).
    #[test]
    fn fisher_counts_tied_tables_and_degenerate_margins() {
        let t = fisher_exact(10, 10, 10, 10, Alternative::TwoSided);
        assert!(close(t.p_value, 1.0, 1e-12), "{t:?}");
        let t = fisher_exact(0, 10, 10, 0, Alternative::TwoSided);
        assert!(close(t.p_value, 2.0 / 184_756.0, 1e-15), "{t:?}");
        let t = fisher_exact(5, 0, 7, 0, Alternative::TwoSided);
        assert_eq!((t.p_value, t.odds_ratio), (1.0, None));
        let t = fisher_exact(0, 0, 0, 0, Alternative::TwoSided);
        assert_eq!(t.p_value, 1.0);
    }

    /// statsmodels `proportions_ztest([5, 12], [83, 99])` (docs example, p = 0.159; its test
    /// suite pins z = -1.4078304151258787, p = 0.15918129181156992).
    #[test]
    fn z_test_matches_statsmodels() {
        let r = two_proportion_z(5, 83, 12, 99, Alternative::TwoSided).unwrap();
        assert!(close(r.z, -1.4078304151258787, 1e-12), "{r:?}");
        assert!(close(r.p_value, 0.15918129181156992, 1e-10), "{r:?}");
    }

    #[test]
    fn z_test_degenerate_and_bad_input() {
        let r = two_proportion_z(10, 10, 20, 20, Alternative::TwoSided).unwrap();
        assert_eq!((r.z, r.p_value), (0.0, 1.0));
        assert_eq!(
            two_proportion_z(1, 0, 1, 2, Alternative::TwoSided),
            Err(StatsError::NoTrials)
        );
        assert!(two_proportion_z(3, 2, 1, 2, Alternative::TwoSided).is_err());
    }

    proptest! {
        /// p-values are probabilities; the two-sided test ignores which vendor is row 1 and
        /// whether detected/missed are the columns or the rows.
        #[test]
        fn fisher_is_symmetric(a in 0u64..40, b in 0u64..40, c in 0u64..40, d in 0u64..40) {
            let t = fisher_exact(a, b, c, d, Alternative::TwoSided).p_value;
            prop_assert!((0.0..=1.0).contains(&t));
            let swapped = fisher_exact(c, d, a, b, Alternative::TwoSided).p_value;
            let transposed = fisher_exact(a, c, b, d, Alternative::TwoSided).p_value;
            prop_assert!((t - swapped).abs() < 1e-12 && (t - transposed).abs() < 1e-12);
            let l = fisher_exact(a, b, c, d, Alternative::Less).p_value;
            let g = fisher_exact(a, b, c, d, Alternative::Greater).p_value;
            prop_assert!(l + g >= 1.0 - 1e-12 && t >= l.min(g) - 1e-12);
        }

        /// The windowed walk agrees with summing every log-density of the support, for
        /// each alternative, on tables up to a few thousand per cell.
        #[test]
        fn fisher_matches_the_full_support(a in 0u64..3000, b in 0u64..3000, c in 0u64..3000, d in 0u64..3000) {
            for alt in [Alternative::Less, Alternative::Greater, Alternative::TwoSided] {
                let fast = fisher_exact(a, b, c, d, alt).p_value;
                let full = fisher_full_support(a, b, c, d, alt);
                // Both sums carry the log-gamma function's rounding (about 1e-12 here).
                prop_assert!((fast - full).abs() <= 1e-9 * full + 1e-300,
                    "{alt:?}: {fast} against {full}");
            }
        }

        #[test]
        fn z_p_is_a_probability(n1 in 1u64..500, n2 in 1u64..500, f1 in 0.0f64..=1.0, f2 in 0.0f64..=1.0) {
            let (x1, x2) = ((n1 as f64 * f1) as u64, (n2 as f64 * f2) as u64);
            let r = two_proportion_z(x1, n1, x2, n2, Alternative::TwoSided).unwrap();
            prop_assert!((0.0..=1.0).contains(&r.p_value));
        }
    }
}
