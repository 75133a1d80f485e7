//! Mann-Whitney U (Wilcoxon rank-sum) test for two independent samples, e.g. per-endpoint CPU
//! overhead of two vendors, as R's `wilcox.test(x, y)`.
//!
//! - Mann and Whitney (1947), Ann. Math. Statist. 18:50-60; Wilcoxon (1945).
//! - Statistic: `W = R1 - n1 (n1 + 1) / 2`, the rank sum of `x` (mid-ranks for ties) minus its
//!   minimum, which R reports as `W` and SciPy as `U1`.
//! - Normal approximation: `z = (W - n1 n2 / 2 - c) / sigma` with the tie-corrected
//!   `sigma^2 = n1 n2 / 12 ((n + 1) - sum(t^3 - t) / (n (n - 1)))` and continuity correction
//!   `c = 0.5 sign(W - n1 n2 / 2)` (two-sided), as `wilcox.test(exact = FALSE, correct = TRUE)`.
//! - Exact: the null distribution of `W` counts the subsets of ranks, i.e. the coefficients of
//!   the Gaussian binomial `[n1 + n2 choose n1]_q`; two-sided `p = min(1, 2 min(P(W <= w),
//!   P(W >= w)))`, as R's `pwilcox` path.

use super::common::{check_sample, normal_p, Alternative, StatsError};

/// How to compute the p-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MwMethod {
    /// R's default: exact when both samples have fewer than 50 values and there are no ties,
    /// otherwise the normal approximation with tie and continuity corrections.
    #[default]
    Auto,
    /// Always exact; an error when there are ties or a sample has 50 or more values.
    Exact,
    /// Always the normal approximation (`exact = FALSE, correct = TRUE`).
    Normal,
}

/// The result of a Mann-Whitney test of `x` against `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannWhitney {
    /// R's `W` (SciPy's `U1`): the number of pairs with `x > y`, ties counting one half.
    pub w: f64,
    /// The p-value.
    pub p_value: f64,
    /// Whether the p-value is exact.
    pub exact: bool,
}

/// Mann-Whitney U test of `x` against `y`; `Alternative::Greater` means `x` tends to be larger.
pub fn mann_whitney(
    x: &[f64],
    y: &[f64],
    alternative: Alternative,
    method: MwMethod,
) -> Result<MannWhitney, StatsError> {
    let sorted = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_unstable_by(f64::total_cmp);
        v
    };
    mann_whitney_sorted(&sorted(x), &sorted(y), alternative, method)
}

/// [`mann_whitney`] for samples already sorted in ascending order: a caller that tests
/// one sample against several others (every pair of vendors) sorts each sample once, and
/// each test is then a linear merge.
pub fn mann_whitney_sorted(
    x: &[f64],
    y: &[f64],
    alternative: Alternative,
    method: MwMethod,
) -> Result<MannWhitney, StatsError> {
    check_sample(x, 1)?;
    check_sample(y, 1)?;
    if !x.is_sorted() || !y.is_sorted() {
        return Err(StatsError::Unsorted);
    }
    let (n1, n2) = (x.len(), y.len());
    let (r1, tie_sum) = rank_sum(x, y);
    let w = r1 - (n1 * (n1 + 1)) as f64 / 2.0;
    let small = n1 < 50 && n2 < 50;
    let use_exact = match method {
        MwMethod::Auto => small && tie_sum == 0.0,
        MwMethod::Exact if tie_sum > 0.0 => {
            return Err(StatsError::ExactUnavailable("the samples have ties".into()))
        }
        MwMethod::Exact if !small => {
            return Err(StatsError::ExactUnavailable(format!(
                "sizes `{n1}` and `{n2}`"
            )))
        }
        MwMethod::Exact => true,
        MwMethod::Normal => false,
    };
    let p_value = if use_exact {
        exact_p(w as u64, n1, n2, alternative)
    } else {
        normal_approx_p(w, n1, n2, tie_sum, alternative)
    };
    Ok(MannWhitney {
        w,
        p_value,
        exact: use_exact,
    })
}

/// The mid-rank sum of `x` in the pooled sample and `sum(t^3 - t)` over its tie groups,
/// by merging the two sorted samples: each group of equal values takes the mean of the
/// ranks it spans, `x` counts its share of the group. Every rank is a multiple of 1/2, so
/// the sums are exact in `f64` for any sample that fits in memory.
fn rank_sum(x: &[f64], y: &[f64]) -> (f64, f64) {
    let (mut i, mut j, mut below) = (0, 0, 0usize);
    let (mut r1, mut tie_sum) = (0.0, 0.0);
    while i < x.len() || j < y.len() {
        let v = match (x.get(i), y.get(j)) {
            (Some(a), Some(b)) => a.min(*b),
            (Some(a), None) => *a,
            (None, Some(b)) => *b,
            (None, None) => unreachable!("loop condition"),
        };
        let from_x = x[i..].iter().take_while(|&&a| a == v).count();
        let from_y = y[j..].iter().take_while(|&&b| b == v).count();
        let t = from_x + from_y;
        // The group holds ranks below+1 ..= below+t; their mean:
        let rank = (2 * below + t + 1) as f64 / 2.0;
        r1 += from_x as f64 * rank;
        let t = t as f64;
        tie_sum += t * t * t - t;
        below += from_x + from_y;
        i += from_x;
        j += from_y;
    }
    (r1, tie_sum)
}

fn normal_approx_p(w: f64, n1: usize, n2: usize, tie_sum: f64, alt: Alternative) -> f64 {
    let (a, b) = (n1 as f64, n2 as f64);
    let n = a + b;
    let centred = w - a * b / 2.0;
    let var = a * b / 12.0 * ((n + 1.0) - tie_sum / (n * (n - 1.0)).max(1.0));
    if var <= 0.0 {
        return 1.0; // every value tied: no ordering to test
    }
    let correction = match alt {
        // R's `sign`, which is 0 at 0 (Rust's `f64::signum` is +1 there): W exactly at its
        // mean gives z = 0 and p = 1, as `wilcox.test` and SciPy.
        Alternative::TwoSided if centred == 0.0 => 0.0,
        Alternative::TwoSided => 0.5 * centred.signum(),
        Alternative::Greater => 0.5,
        Alternative::Less => -0.5,
    };
    normal_p((centred - correction) / var.sqrt(), alt)
}

/// Exact p-value from the null distribution of `W` (no ties).
fn exact_p(w: u64, n1: usize, n2: usize, alt: Alternative) -> f64 {
    let counts = w_distribution(n1, n2);
    let total: f64 = counts.iter().sum();
    let cdf = |k: u64| {
        counts[..=(k as usize).min(counts.len() - 1)]
            .iter()
            .sum::<f64>()
            / total
    };
    let sf = |k: u64| counts[(k as usize).min(counts.len())..].iter().sum::<f64>() / total;
    let p = match alt {
        Alternative::Less => cdf(w),
        Alternative::Greater => sf(w),
        Alternative::TwoSided => {
            let half = (n1 * n2) as f64 / 2.0;
            let one = if w as f64 > half { sf(w) } else { cdf(w) };
            2.0 * one
        }
    };
    p.min(1.0)
}

/// Number of rank arrangements giving each `W = 0..=n1 n2`: the coefficients of
/// `prod_{i=1..n1} (1 - q^(n2 + i)) / (1 - q^i)`, built one factor at a time so every
/// intermediate is itself a Gaussian binomial with non-negative integer coefficients.
fn w_distribution(n1: usize, n2: usize) -> Vec<f64> {
    let size = n1 * n2 + 1;
    let mut c = vec![0i128; size];
    c[0] = 1;
    for i in 1..=n1 {
        let up = n2 + i;
        for j in (up..size).rev() {
            c[j] -= c[j - up];
        }
        for j in i..size {
            c[j] += c[j - i];
        }
    }
    c.into_iter().map(|v| v as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    const X: [f64; 10] = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const Y: [f64; 5] = [1.15, 0.88, 0.90, 0.74, 1.21];

    /// R `?wilcox.test`, Hollander and Wolfe (1973) p. 69 permeability data:
    /// `wilcox.test(x, y, alternative = "g")` prints W = 35, p-value = 0.1272 (exact);
    /// with `exact = FALSE, correct = FALSE` p = 0.1103.
    #[test]
    fn matches_r_help_example() {
        let r = mann_whitney(&X, &Y, Alternative::Greater, MwMethod::Auto).unwrap();
        assert!(
            r.exact && r.w == 35.0 && close(r.p_value, 0.1272, 5e-5),
            "{r:?}"
        );
    }

    /// SciPy docs, `mannwhitneyu(males, females)`: U1 = 17, exact p = 0.1111111111111111,
    /// `method="asymptotic"` (continuity-corrected) p = 0.11134688653314041.
    #[test]
    fn matches_scipy_docs_example() {
        let males = [19.0, 22.0, 16.0, 29.0, 24.0];
        let females = [20.0, 11.0, 17.0, 12.0];
        let e = mann_whitney(&males, &females, Alternative::TwoSided, MwMethod::Auto).unwrap();
        assert!(
            e.exact && e.w == 17.0 && close(e.p_value, 1.0 / 9.0, 1e-14),
            "{e:?}"
        );
        let a = mann_whitney(&males, &females, Alternative::TwoSided, MwMethod::Normal).unwrap();
        assert!(
            !a.exact && close(a.p_value, 0.11134688653314041, 1e-10),
            "{a:?}"
        );
    }

    /// R `wilcox.test(Ozone ~ Month, data = airquality, subset = Month %in% c(5, 8))` (R help
    /// formula example; ties, so normal approximation with continuity correction):
    /// W = 127.5, p-value = 0.0001208. Data: R's airquality, NA rows dropped.
    #[test]
    fn matches_r_airquality_with_ties() {
        let may = [
            41., 36., 12., 18., 28., 23., 19., 8., 7., 16., 11., 14., 18., 14., 34., 6., 30., 11.,
            1., 11., 4., 32., 23., 45., 115., 37.,
        ];
        let aug = [
            39., 9., 16., 78., 35., 66., 122., 89., 110., 44., 28., 65., 22., 59., 23., 31., 44.,
            21., 9., 45., 168., 73., 76., 118., 84., 85.,
        ];
        let r = mann_whitney(&may, &aug, Alternative::TwoSided, MwMethod::Auto).unwrap();
        assert!(
            !r.exact && r.w == 127.5 && close(r.p_value, 0.0001208, 5e-8),
            "{r:?}"
        );
    }

    /// R output quoted by endmemo.com/r/wilcoxon.php: x = c(1,5,9,24,56,21,3,7,21,4),
    /// y = c(12,15,5,9,9,14,56,22,3,7,32,5): W = 51.5, p-value = 0.5966; against
    /// y = c(1233,4356,987,39999,1111,200000): W = 0, p-value = 0.001364.
    #[test]
    fn matches_r_output_with_ties() {
        let x = [1., 5., 9., 24., 56., 21., 3., 7., 21., 4.];
        let y = [12., 15., 5., 9., 9., 14., 56., 22., 3., 7., 32., 5.];
        let r = mann_whitney(&x, &y, Alternative::TwoSided, MwMethod::Auto).unwrap();
        assert!(r.w == 51.5 && close(r.p_value, 0.5966, 5e-5), "{r:?}");
        let y2 = [1233., 4356., 987., 39999., 1111., 200000.];
        let r = mann_whitney(&x, &y2, Alternative::TwoSided, MwMethod::Auto).unwrap();
        assert!(r.w == 0.0 && close(r.p_value, 0.001364, 5e-7), "{r:?}");
    }

    #[test]
    fn w_at_its_mean_gives_p_one_as_r() {
        // wilcox.test(c(1, 2), c(1, 2), exact = FALSE): W = 2, p-value = 1. With the
        // continuity correction's sign taken as +1 at zero the p-value was 0.665.
        let r = mann_whitney(
            &[1.0, 2.0],
            &[1.0, 2.0],
            Alternative::TwoSided,
            MwMethod::Auto,
        )
        .unwrap();
        assert_eq!(r.w, 2.0);
        assert!(!r.exact);
        assert_eq!(r.p_value, 1.0);
    }

    #[test]
    fn exact_distribution_sums_to_binomial_coefficient() {
        let c = w_distribution(3, 4);
        assert_eq!(c.iter().sum::<f64>(), 35.0);
        assert_eq!(c, vec![1., 1., 2., 3., 4., 4., 5., 4., 4., 3., 2., 1., 1.]);
        let big = w_distribution(49, 49);
        let total: f64 = big.iter().sum();
        assert!(
            (total / 2.547_761_225_898_086e28 - 1.0).abs() < 1e-12,
            "{total}"
        );
    }

    #[test]
    fn edge_cases() {
        let all_tied = mann_whitney(
            &[1.0, 1.0],
            &[1.0, 1.0, 1.0],
            Alternative::TwoSided,
            MwMethod::Auto,
        )
        .unwrap();
        assert_eq!(all_tied.p_value, 1.0);
        assert!(mann_whitney(&[], &[1.0], Alternative::TwoSided, MwMethod::Auto).is_err());
        assert!(mann_whitney(&[f64::NAN], &[1.0], Alternative::TwoSided, MwMethod::Auto).is_err());
        let tied = mann_whitney(
            &[1.0, 2.0],
            &[2.0, 3.0],
            Alternative::TwoSided,
            MwMethod::Exact,
        );
        assert!(matches!(tied, Err(StatsError::ExactUnavailable(_))));
    }

    /// Mid-rank sum of `x` by the definition: each value's rank is 1 + the number of
    /// pooled values below it + half the other values equal to it.
    fn rank_sum_by_definition(x: &[f64], y: &[f64]) -> f64 {
        let pooled: Vec<f64> = x.iter().chain(y).copied().collect();
        x.iter()
            .map(|&v| {
                let below = pooled.iter().filter(|&&p| p < v).count() as f64;
                let equal = pooled.iter().filter(|&&p| p == v).count() as f64;
                below + (equal + 1.0) / 2.0
            })
            .sum()
    }

    #[test]
    fn sorted_input_is_required_by_the_sorted_entry() {
        let r = mann_whitney_sorted(&[2.0, 1.0], &[3.0], Alternative::TwoSided, MwMethod::Auto);
        assert!(matches!(r, Err(StatsError::Unsorted)));
    }

    proptest! {
        /// The merge gives the mid-rank sum of the definition, and the sorted entry the
        /// same result as the unsorted one.
        #[test]
        fn merge_matches_definition(
            x in proptest::collection::vec(0u8..12, 1..40),
            y in proptest::collection::vec(0u8..12, 1..40),
        ) {
            let mut x: Vec<f64> = x.into_iter().map(f64::from).collect();
            let mut y: Vec<f64> = y.into_iter().map(f64::from).collect();
            let n1 = x.len() as f64;
            let expected = rank_sum_by_definition(&x, &y) - n1 * (n1 + 1.0) / 2.0;
            let a = mann_whitney(&x, &y, Alternative::TwoSided, MwMethod::Normal).unwrap();
            prop_assert_eq!(a.w, expected);
            x.sort_by(f64::total_cmp);
            y.sort_by(f64::total_cmp);
            let b = mann_whitney_sorted(&x, &y, Alternative::TwoSided, MwMethod::Normal).unwrap();
            prop_assert_eq!(a, b);
        }


        /// Swapping the samples mirrors W and leaves the two-sided p-value unchanged.
        #[test]
        fn swapping_samples_mirrors_w(
            x in proptest::collection::vec(0u8..20, 1..30),
            y in proptest::collection::vec(0u8..20, 1..30),
        ) {
            let x: Vec<f64> = x.into_iter().map(f64::from).collect();
            let y: Vec<f64> = y.into_iter().map(f64::from).collect();
            let a = mann_whitney(&x, &y, Alternative::TwoSided, MwMethod::Auto).unwrap();
            let b = mann_whitney(&y, &x, Alternative::TwoSided, MwMethod::Auto).unwrap();
            prop_assert!((0.0..=1.0).contains(&a.p_value));
            prop_assert!((a.w + b.w - (x.len() * y.len()) as f64).abs() < 1e-9);
            prop_assert!((a.p_value - b.p_value).abs() < 1e-12, "{a:?} {b:?}");
        }
    }
}
