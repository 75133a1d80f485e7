//! Property tests of the scoring methods: finite scores for any finite input, invariance
//! of min-max rankings under shifting a benefit column, dominance, row order, and the
//! weighted sum under every normalisation a criteria file can choose.
//!
//! Dominance holds for every method here on a fixed set of alternatives: if a is at least
//! as good as b on every criterion, each normalised value, distance, regret and pairwise
//! preference of a is at least as good as b's, so a never ranks below b. What these
//! methods do not guarantee is independence from the other alternatives (rank reversal
//! when an alternative is added or removed: min-max and vector normalisation, TOPSIS,
//! VIKOR and PROMETHEE II all depend on the set); see docs/methods.md.

use proptest::prelude::*;

use super::consensus::{borda, kendall_tau_b, spearman_rho};
use super::method::{MethodOutput, TopsisNormalisation, WpmNormalisation};
use super::promethee::promethee_ii;
use super::topsis::topsis;
use super::vikor::vikor;
use super::weighted_sum::{weighted_sum, weighted_sum_with};
use super::wpm::weighted_product;
use crate::decision::Direction::{self, Max, Min};
use crate::decision::{Normalisation, PreferenceFunction, ValueFunction};

type Problem = (Vec<Vec<f64>>, Vec<Direction>, Vec<f64>);

fn normalised(raw: Vec<f64>) -> Vec<f64> {
    let total: f64 = raw.iter().sum();
    raw.into_iter().map(|w| w / total).collect()
}

/// Matrices of 1-9 alternatives by 1-4 criteria; values mix wide reals with small
/// integers so that ties and constant columns are common.
fn problem(positive: bool) -> impl Strategy<Value = Problem> {
    problem_with(positive, 1)
}

fn problem_with(positive: bool, min_rows: usize) -> impl Strategy<Value = Problem> {
    (min_rows..10, 1usize..5).prop_flat_map(move |(m, n)| {
        let value = if positive {
            prop_oneof![1e-3f64..1e6, (1i32..6).prop_map(f64::from)].boxed()
        } else {
            prop_oneof![-1e6f64..1e6, (-3i32..4).prop_map(f64::from)].boxed()
        };
        (
            prop::collection::vec(prop::collection::vec(value, n), m),
            prop::collection::vec(any::<bool>().prop_map(|b| if b { Max } else { Min }), n),
            prop::collection::vec(0.01f64..1.0, n).prop_map(normalised),
        )
    })
}

fn preference_function() -> impl Strategy<Value = PreferenceFunction> {
    (0usize..6, 0.0f64..10.0, 0.01f64..10.0).prop_map(|(kind, q, extra)| match kind {
        0 => PreferenceFunction::Usual,
        1 => PreferenceFunction::UShape { q },
        2 => PreferenceFunction::VShape { p: extra },
        3 => PreferenceFunction::Level { q, p: q + extra },
        4 => PreferenceFunction::Linear { q, p: q + extra },
        _ => PreferenceFunction::Gaussian { s: extra },
    })
}

/// Every method on one problem (WPM only when the values are positive).
fn all_methods(p: &Problem, functions: &[PreferenceFunction]) -> Vec<MethodOutput> {
    let (m, d, w) = p;
    let mut out = vec![
        topsis(m, d, w, TopsisNormalisation::Vector).unwrap(),
        topsis(m, d, w, TopsisNormalisation::MinMax).unwrap(),
        vikor(m, d, w, 0.5).unwrap(),
        promethee_ii(m, d, w, functions).unwrap(),
    ];
    let wrapped: Vec<Vec<Option<f64>>> = m
        .iter()
        .map(|r| r.iter().map(|&x| Some(x)).collect())
        .collect();
    out.push(weighted_sum(&wrapped, d, w).into());
    if m.iter().flatten().all(|&x| x > 0.0) {
        out.push(weighted_product(m, d, w, WpmNormalisation::Max).unwrap());
    }
    out
}

proptest! {
    #[test]
    fn scores_are_finite_and_ranks_consistent(
        p in problem(false),
        f in prop::collection::vec(preference_function(), 4),
    ) {
        let functions = &f[..p.1.len()];
        for out in all_methods(&p, functions) {
            prop_assert!(out.scores.iter().all(|s| s.is_finite()), "{out:?}");
            prop_assert_eq!(out.ranks.len(), p.0.len());
            prop_assert!(out.ranks.iter().all(|&r| r >= 1 && r <= p.0.len()));
        }
        let positive: Problem = (
            p.0.iter().map(|r| r.iter().map(|x| x.abs() + 1e-3).collect()).collect(),
            p.1.clone(),
            p.2.clone(),
        );
        for norm in [WpmNormalisation::Max, WpmNormalisation::Sum] {
            let out = weighted_product(&positive.0, &positive.1, &positive.2, norm).unwrap();
            prop_assert!(out.scores.iter().all(|s| s.is_finite() && *s >= 0.0));
        }
    }

    /// Min-max normalisation is shift-invariant, so adding a constant to a benefit column
    /// changes neither the weighted sum's nor TOPSIS-with-min-max's ranks. Integer values
    /// keep the shifted differences exact.
    #[test]
    fn shifting_a_benefit_column_keeps_min_max_ranks(
        p in problem(false),
        column in 0usize..4,
        shift in -1000i32..1000,
    ) {
        let (m, mut d, w) = p;
        let j = column % d.len();
        d[j] = Max;
        let m: Vec<Vec<f64>> = m.iter().map(|r| r.iter().map(|x| x.round()).collect()).collect();
        let mut shifted = m.clone();
        shifted.iter_mut().for_each(|r| r[j] += f64::from(shift));
        let wrap = |m: &[Vec<f64>]| -> Vec<Vec<Option<f64>>> {
            m.iter().map(|r| r.iter().map(|&x| Some(x)).collect()).collect()
        };
        prop_assert_eq!(
            weighted_sum(&wrap(&m), &d, &w).ranks,
            weighted_sum(&wrap(&shifted), &d, &w).ranks
        );
        prop_assert_eq!(
            topsis(&m, &d, &w, TopsisNormalisation::MinMax).unwrap().ranks,
            topsis(&shifted, &d, &w, TopsisNormalisation::MinMax).unwrap().ranks
        );
    }

    /// An alternative made at least as good as another on every criterion (strictly on
    /// one) never ranks below it, for every method.
    #[test]
    fn a_dominating_alternative_never_ranks_below(
        p in problem_with(true, 2),
        f in prop::collection::vec(preference_function(), 4),
        pick in (0usize..9, 1usize..9),
        gains in prop::collection::vec(0.0f64..100.0, 4),
        strict in 0usize..4,
    ) {
        let (mut m, d, w) = p;
        let i = pick.0 % m.len();
        let k = (i + 1 + pick.1 % (m.len() - 1)) % m.len();
        let n = d.len();
        let mut better = m[i].clone();
        for j in 0..n {
            let gain = gains[j] + if j == strict % n { 1.0 } else { 0.0 };
            better[j] = match d[j] {
                Max => better[j] + gain,
                // stay positive for the weighted product
                Min => better[j] * (1.0 / (1.0 + gain)),
            };
        }
        m[k] = better;
        for out in all_methods(&(m, d, w), &f[..n]) {
            prop_assert!(out.ranks[k] <= out.ranks[i], "{out:?}");
        }
    }

    /// Reversing the rows reverses every score vector (the methods do not depend on order).
    #[test]
    fn row_order_changes_nothing(
        p in problem(true),
        f in prop::collection::vec(preference_function(), 4),
    ) {
        let functions = &f[..p.1.len()];
        let reversed: Problem = (p.0.iter().rev().cloned().collect(), p.1.clone(), p.2.clone());
        let a = all_methods(&p, functions);
        let b = all_methods(&reversed, functions);
        for (x, y) in a.iter().zip(&b) {
            for (s, t) in x.scores.iter().zip(y.scores.iter().rev()) {
                prop_assert!((s - t).abs() <= 1e-9 * (1.0 + s.abs()), "{x:?} {y:?}");
            }
        }
        let x = weighted_product(&p.0, &p.1, &p.2, WpmNormalisation::Max).unwrap();
        let y = weighted_product(&p.0, &p.1, &p.2, WpmNormalisation::Sum).unwrap();
        prop_assert_eq!(x.ranks, y.ranks);
    }

    /// The weighted sum under every normalisation a criteria file can choose, with missing
    /// values: scores finite, in 0..=100 and the sum of their contributions; improving
    /// one value never lowers that vendor's score.
    #[test]
    fn every_file_normalisation_is_finite_and_monotone(
        p in problem(true),
        kinds in prop::collection::vec(0usize..5, 4),
        holes in prop::collection::vec(any::<bool>(), 40),
        pick in 0usize..9,
        gain in 0.0f64..100.0,
    ) {
        let (m, d, w) = p;
        let n = d.len();
        let norms: Vec<Normalisation> = (0..n)
            .map(|j| match kinds[j] {
                0 => Normalisation::MinMax,
                1 => Normalisation::Vector,
                2 => Normalisation::Max,
                3 => Normalisation::Sum,
                _ => {
                    let f = match d[j] { Max => ValueFunction::new(5.0, 1.0), Min => ValueFunction::new(1.0, 5.0) };
                    Normalisation::ValueFunction(f.unwrap())
                }
            })
            .collect();
        let wrapped: Vec<Vec<Option<f64>>> = m
            .iter()
            .enumerate()
            .map(|(i, r)| r.iter().enumerate().map(|(j, &x)| (!holes[(i * 4 + j) % 40]).then_some(x)).collect())
            .collect();
        let s = weighted_sum_with(&wrapped, &d, &w, &norms);
        for (score, parts) in s.scores.iter().zip(&s.contributions) {
            prop_assert!(score.is_finite() && (0.0..=100.0).contains(score), "{s:?}");
            prop_assert!((parts.iter().sum::<f64>() - score).abs() < 1e-9, "{s:?}");
        }
        let v = pick % m.len();
        for j in 0..n {
            let Some(x) = wrapped[v][j] else { continue };
            let mut better = wrapped.clone();
            better[v][j] = Some(match d[j] { Max => x + gain, Min => x / (1.0 + gain) });
            let after = weighted_sum_with(&better, &d, &w, &norms).scores[v];
            prop_assert!(after >= s.scores[v] - 1e-9, "{j}: {} -> {after}", s.scores[v]);
        }
    }

    #[test]
    fn consensus_of_one_ranking_is_that_ranking(p in problem(false)) {
        let (m, d, w) = p;
        let ranks = topsis(&m, &d, &w, TopsisNormalisation::Vector).unwrap().ranks;
        prop_assert_eq!(&borda(std::slice::from_ref(&ranks)).unwrap().ranks, &ranks);
        let r: Vec<f64> = ranks.iter().map(|&x| x as f64).collect();
        let s: Vec<f64> = m.iter().map(|row| row[0]).collect();
        for v in [spearman_rho(&r, &s).unwrap(), kendall_tau_b(&r, &s).unwrap()].into_iter().flatten() {
            prop_assert!((-1.0..=1.0).contains(&v));
        }
        prop_assert_eq!(spearman_rho(&r, &s).unwrap(), spearman_rho(&s, &r).unwrap());
    }
}
