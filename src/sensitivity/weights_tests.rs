//! Weight sampling: uniformity on the simplex (Kolmogorov-Smirnov tests of marginals with
//! known distributions, at fixed seeds), constraints respected by every draw, and the errors.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::weights::{Proposal, WeightSampler};
use super::SensitivityError;
use crate::decision::WeightSpec;

const SEED: u64 = 20_010_301;
const DRAWS: usize = 20_000;

/// Kolmogorov-Smirnov statistic of `xs` against the continuous CDF `cdf`.
fn ks(mut xs: Vec<f64>, cdf: impl Fn(f64) -> f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len() as f64;
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            let f = cdf(x);
            (f - i as f64 / n).max((i + 1) as f64 / n - f)
        })
        .fold(0.0, f64::max)
}

/// Asymptotic Kolmogorov p-value of `d` from `n` draws: 2 Σ (-1)^(k-1) exp(-2 k² n d²).
fn ks_p(d: f64, n: usize) -> f64 {
    let x = d * (n as f64).sqrt();
    let p: f64 = (1..=100)
        .map(|k| {
            let k = k as f64;
            2.0 * (-1f64).powf(k - 1.0) * (-2.0 * k * k * x * x).exp()
        })
        .sum();
    p.clamp(0.0, 1.0)
}

fn draws(s: &WeightSampler, seed: u64, count: usize) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..count)
        .map(|_| {
            let mut w = vec![0.0; s.criteria()];
            s.sample(&mut rng, &mut w).unwrap();
            w
        })
        .collect()
}

fn spec(ranges: &[(f64, f64)], orderings: &[&[usize]]) -> WeightSpec {
    WeightSpec {
        ranges: ranges.iter().map(|&r| Some(r)).collect(),
        orderings: orderings.iter().map(|c| c.to_vec()).collect(),
    }
}

/// Uniform on the simplex of n criteria: every marginal is Beta(1, n - 1), CDF
/// 1 - (1 - x)^(n - 1). KS at the 1% level for n = 2, 3, 5 and 15, every coordinate.
#[test]
fn simplex_marginals_are_beta_1_n_minus_1() {
    for n in [2usize, 3, 5, 15] {
        let s = WeightSampler::new(&WeightSpec::uniform(), n).unwrap();
        assert_eq!(
            (s.proposal(), s.acceptance_rate()),
            (Proposal::Simplex, 1.0)
        );
        let w = draws(&s, SEED + n as u64, DRAWS);
        for (k, row) in w.iter().enumerate().take(5) {
            assert!(
                (row.iter().sum::<f64>() - 1.0).abs() < 1e-12,
                "draw {k}: {row:?}"
            );
        }
        for c in [0, n / 2, n - 1] {
            let xs: Vec<f64> = w.iter().map(|r| r[c]).collect();
            let d = ks(xs, |x| 1.0 - (1.0 - x).powi(n as i32 - 1));
            let p = ks_p(d, DRAWS);
            assert!(p > 0.01, "n = {n}, criterion {c}: D = {d}, p = {p}");
        }
    }
}

/// Two criteria, w_0 in [0.2, 0.5]: w_0 is uniform on [0.2, 0.5] (the feasible segment).
#[test]
fn a_range_gives_the_uniform_segment() {
    let s = WeightSampler::new(&spec(&[(0.2, 0.5), (0.0, 1.0)], &[]), 2).unwrap();
    assert_eq!(s.proposal(), Proposal::Shifted);
    let xs: Vec<f64> = draws(&s, SEED, DRAWS).iter().map(|r| r[0]).collect();
    assert!(xs.iter().all(|&x| (0.2..=0.5).contains(&x)));
    let p = ks_p(ks(xs, |x| (x - 0.2) / 0.3), DRAWS);
    assert!(p > 0.01, "p = {p}");
}

/// Ordering w_0 >= w_1 >= w_2: exact by sorting; the largest weight of the uniform simplex
/// has mean (1/n) Σ_{k=1..n} 1/k = 11/18 for n = 3, the smallest 1/n² = 1/9.
#[test]
fn an_ordering_sorts_and_keeps_uniformity() {
    let s = WeightSampler::new(&spec(&[], &[&[2, 0, 1]]), 3).unwrap();
    assert_eq!((s.proposal(), s.acceptance_rate()), (Proposal::Sorted, 1.0));
    let w = draws(&s, SEED, DRAWS);
    assert!(w.iter().all(|r| r[2] >= r[0] && r[0] >= r[1]));
    let mean = |c: usize| w.iter().map(|r| r[c]).sum::<f64>() / DRAWS as f64;
    // Standard deviation of the largest is below 0.2, so 4 standard errors < 0.006.
    assert!((mean(2) - 11.0 / 18.0).abs() < 0.006, "{}", mean(2));
    assert!((mean(1) - 1.0 / 9.0).abs() < 0.006, "{}", mean(1));
    // Two criteria, w_1 >= w_0: w_0 uniform on [0, 1/2].
    let s = WeightSampler::new(&spec(&[], &[&[1, 0]]), 2).unwrap();
    let xs: Vec<f64> = draws(&s, SEED, DRAWS).iter().map(|r| r[0]).collect();
    let p = ks_p(ks(xs, |x| 2.0 * x), DRAWS);
    assert!(p > 0.01, "p = {p}");
}

/// Ranges with an ordering: both rejection proposals give the same distribution (two-sample
/// KS on w_0 and on w_3) and every draw respects every constraint.
#[test]
fn ranges_with_an_ordering_respect_everything() {
    let sp = spec(
        &[(0.1, 0.6), (0.05, 0.4), (0.0, 0.3), (0.1, 0.5)],
        &[&[0, 1, 2]],
    );
    let a = WeightSampler::build(&sp, 4, Some(Proposal::Shifted)).unwrap();
    let b = WeightSampler::build(&sp, 4, Some(Proposal::Sorted)).unwrap();
    let auto = WeightSampler::new(&sp, 4).unwrap();
    assert!(auto.acceptance_rate() >= a.acceptance_rate().max(b.acceptance_rate()) - 1e-12);
    let (wa, wb) = (draws(&a, SEED, DRAWS), draws(&b, SEED + 1, DRAWS));
    for w in wa.iter().chain(&wb) {
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        for (x, (lo, hi)) in w
            .iter()
            .zip([(0.1, 0.6), (0.05, 0.4), (0.0, 0.3), (0.1, 0.5)])
        {
            assert!(*x >= lo && *x <= hi, "{w:?}");
        }
        assert!(w[0] >= w[1] && w[1] >= w[2], "{w:?}");
    }
    for c in [0, 3] {
        let mut xb: Vec<f64> = wb.iter().map(|r| r[c]).collect();
        xb.sort_by(f64::total_cmp);
        let ecdf_b = |x: f64| xb.partition_point(|&y| y <= x) as f64 / xb.len() as f64;
        let d = ks(wa.iter().map(|r| r[c]).collect(), ecdf_b);
        // Two-sample KS, equal sizes: effective n = N/2.
        let p = ks_p(d, DRAWS / 2);
        assert!(p > 0.01, "criterion {c}: D = {d}, p = {p}");
    }
}

/// Fixed weights (lo = hi) and a point-like feasible set are sampled, not rejected forever.
#[test]
fn fixed_weights_are_honoured() {
    let s = WeightSampler::new(&spec(&[(0.3, 0.3), (0.0, 1.0), (0.0, 1.0)], &[]), 3).unwrap();
    assert!(draws(&s, SEED, 100)
        .iter()
        .all(|w| w[0] == 0.3 && (w[1] + w[2] - 0.7).abs() < 1e-12));
    let s = WeightSampler::new(&spec(&[(0.5, 0.5), (0.5, 0.5)], &[]), 2).unwrap();
    assert_eq!(draws(&s, SEED, 3), vec![vec![0.5, 0.5]; 3]);
}

#[test]
fn infeasible_constraints_are_errors() {
    let e = |sp: WeightSpec, n: usize| WeightSampler::new(&sp, n).unwrap_err();
    assert!(matches!(
        e(spec(&[(0.6, 0.4), (0.0, 1.0)], &[]), 2),
        SensitivityError::RangeInverted { criterion: 0, .. }
    ));
    assert!(matches!(
        e(spec(&[(-0.1, 0.4), (0.0, 1.0)], &[]), 2),
        SensitivityError::RangeOutOfBounds { .. }
    ));
    assert!(matches!(
        e(spec(&[(f64::NAN, 0.4), (0.0, 1.0)], &[]), 2),
        SensitivityError::RangeOutOfBounds { .. }
    ));
    let err = e(spec(&[(0.6, 1.0), (0.5, 1.0)], &[]), 2);
    assert_eq!(
        err.to_string(),
        "weight ranges leave no feasible weights: lower bounds sum to `1.1` and upper bounds to `2`, \
         but weights sum to 1 (lower bounds must sum to at most 1, upper bounds to at least 1)"
    );
    assert!(matches!(
        e(spec(&[(0.0, 0.3), (0.0, 0.3)], &[]), 2),
        SensitivityError::NoFeasibleWeights { .. }
    ));
    // w_0 >= w_1 but w_0 <= 0.3 < 0.4 <= w_1.
    let err = e(spec(&[(0.0, 0.3), (0.4, 1.0)], &[&[0, 1]]), 2);
    assert_eq!(
        err,
        SensitivityError::OrderingContradictsRanges {
            higher: 0,
            lower: 1,
            hi: 0.3,
            lo: 0.4
        }
    );
    // Each range fits and so does the ordering, but not summing to 1: w_0 >= w_1 >= w_2 with
    // w_0 <= 0.3 forces the sum below 0.9.
    assert!(matches!(
        e(
            spec(&[(0.0, 0.3), (0.0, 1.0), (0.0, 1.0)], &[&[0, 1, 2]]),
            3
        ),
        SensitivityError::OrderingInfeasible { .. }
    ));
    assert!(matches!(
        e(spec(&[], &[&[0, 1], &[1, 2]]), 3),
        SensitivityError::OrderingRepeats { criterion: 1 }
    ));
    assert!(matches!(
        e(spec(&[], &[&[0, 3]]), 3),
        SensitivityError::NoSuchCriterion { criterion: 3, .. }
    ));
    assert!(matches!(
        e(spec(&[(0.0, 1.0)], &[]), 2),
        SensitivityError::SizeMismatch { .. }
    ));
    // Feasible but a sliver: 10 criteria each at most 0.11 keep a share of about 0.1^9 of the
    // simplex (the weights must be nearly equal).
    let err = e(spec(&[(0.0, 0.11); 10], &[]), 10);
    assert!(
        matches!(err, SensitivityError::AcceptanceTooLow { .. }),
        "{err:?}"
    );
}
