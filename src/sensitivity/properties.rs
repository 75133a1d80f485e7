//! Property tests: acceptabilities sum to 1 both ways (ties included), sweeps reproduce the
//! base scores at the current weight, swept weights keep proportions, tie groups match
//! `competition_ranks`, the in-place normalisation matches `min_max`, and the exact
//! break-even weights match the grid search.

use proptest::prelude::*;

use super::breakeven::{break_even, break_even_grid};
use super::smaa::{smaa, SmaaOptions, SmaaProblem};
use super::sweep::{sweep, swept_weights};
use super::{tie_groups, Scorer, WeightedSumScorer};
use crate::decision::Direction::{self, Max, Min};
use crate::decision::WeightSpec;
use crate::score::column_scaling::min_max;
use crate::score::competition_ranks;

/// `m` x `n` matrices, either of small integers (so rows and scores often tie) or of reals.
fn matrix(m: usize, n: usize) -> impl Strategy<Value = Vec<Vec<f64>>> {
    let cell = prop_oneof![(0u8..4).prop_map(f64::from).boxed(), (0.0f64..10.0).boxed()];
    let integers = proptest::collection::vec(
        proptest::collection::vec((0u8..4).prop_map(f64::from), n),
        m,
    );
    prop_oneof![
        integers,
        proptest::collection::vec(proptest::collection::vec(cell, n), m)
    ]
}

/// Weights summing to 1 (some may be 0).
fn weights(n: usize) -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec(0u8..5, n).prop_map(|raw| {
        let total: f64 = raw.iter().map(|&x| f64::from(x)).sum();
        if total == 0.0 {
            vec![1.0 / raw.len() as f64; raw.len()]
        } else {
            raw.iter().map(|&x| f64::from(x) / total).collect()
        }
    })
}

fn directions(n: usize) -> impl Strategy<Value = Vec<Direction>> {
    proptest::collection::vec(prop_oneof![Just(Max), Just(Min)], n)
}

/// A problem of 2..6 vendors and 1..5 criteria.
fn problem() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<Direction>, Vec<f64>)> {
    (2usize..6, 1usize..5).prop_flat_map(|(m, n)| (matrix(m, n), directions(n), weights(n)))
}

/// Hides `linear_terms`.
struct Opaque<'a>(&'a dyn Scorer);

impl Scorer for Opaque<'_> {
    fn scores(&self, matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
        self.0.scores(matrix, weights)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn acceptabilities_sum_to_one_both_ways((m, d, _) in problem(), seed in any::<u64>()) {
        let scorer = WeightedSumScorer { directions: d };
        let p = SmaaProblem { scorer: &scorer, matrix: &m, weights: &WeightSpec::uniform(), data: None };
        let r = smaa(&p, &SmaaOptions::new(1_000, seed), &|_| {}).unwrap();
        for row in &r.acceptability {
            prop_assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{:?}", r.acceptability);
        }
        for rank in 0..m.len() {
            let s: f64 = r.acceptability.iter().map(|row| row[rank]).sum();
            prop_assert!((s - 1.0).abs() < 1e-9, "rank {}: {:?}", rank + 1, r.acceptability);
        }
        for (cw, b) in r.central_weights.iter().zip(&r.acceptability) {
            prop_assert_eq!(cw.is_some(), b[0] > 0.0);
            if let Some(cw) = cw {
                prop_assert!((cw.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn sweep_at_the_base_weight_reproduces_the_base_scores((m, d, w) in problem(), steps in 1usize..12) {
        let scorer = WeightedSumScorer { directions: d };
        let base = scorer.scores(&m, &w);
        for j in 0..w.len() {
            let s = sweep(&scorer, &m, &w, j, steps).unwrap();
            let at: Vec<_> = s.points.iter().filter(|p| p.is_base).collect();
            prop_assert_eq!(at.len(), 1);
            prop_assert_eq!(at[0].weight, w[j]);
            prop_assert_eq!(&at[0].scores, &base);
            prop_assert_eq!(&at[0].ranks, &competition_ranks(&base));
            // The formula itself gives the base weights back (up to rounding).
            let again = swept_weights(&w, j, w[j]).unwrap();
            prop_assert!(again.iter().zip(&w).all(|(a, b)| (a - b).abs() < 1e-12), "{:?} {:?}", again, w);
            prop_assert!(s.points.windows(2).all(|p| p[0].weight < p[1].weight));
        }
    }

    #[test]
    fn swept_weights_sum_to_one_and_keep_proportions(w in (1usize..6).prop_flat_map(weights), t in 0.0f64..=1.0) {
        for j in 0..w.len() {
            if w.len() == 1 { break; }
            let s = swept_weights(&w, j, t).unwrap();
            prop_assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            prop_assert!(s.iter().all(|x| *x >= 0.0 && x.is_finite()));
            for a in 0..w.len() {
                for b in 0..w.len() {
                    if a != j && b != j && w[b] > 0.0 && t < 1.0 {
                        prop_assert!((s[a] / s[b] - w[a] / w[b]).abs() < 1e-9);
                    }
                }
            }
        }
    }

    #[test]
    fn tie_groups_match_competition_ranks(scores in proptest::collection::vec((0u8..6).prop_map(|x| f64::from(x) * 0.5e-9), 0..10)) {
        let mut order = vec![0; scores.len()];
        let mut ranks = vec![0; scores.len()];
        tie_groups(&scores, &mut order, |start, group| {
            for &v in group { ranks[v] = start + 1; }
        });
        prop_assert_eq!(ranks, competition_ranks(&scores));
    }

    #[test]
    fn in_place_normalisation_matches_min_max((m, d, w) in problem()) {
        let scorer = WeightedSumScorer { directions: d.clone() };
        let mut terms = Vec::new();
        prop_assert!(scorer.linear_terms(&m, &mut terms));
        for (c, &dir) in d.iter().enumerate() {
            let col: Vec<Option<f64>> = m.iter().map(|r| Some(r[c])).collect();
            for (v, x) in min_max(&col, dir).into_iter().enumerate() {
                prop_assert_eq!(terms[v][c].to_bits(), (100.0 * x).to_bits());
            }
        }
        let direct = scorer.scores(&m, &w);
        for (row, s) in terms.iter().zip(direct) {
            let dot: f64 = row.iter().zip(&w).map(|(a, b)| a * b).sum();
            prop_assert!((dot - s).abs() < 1e-9);
        }
    }

    #[test]
    fn exact_break_even_matches_the_grid_search((m, d, w) in problem()) {
        let scorer = WeightedSumScorer { directions: d };
        for j in 0..w.len() {
            let e = break_even(&scorer, &m, &w, j).unwrap();
            let g = break_even_grid(&Opaque(&scorer), &m, &w, j, 200).unwrap();
            prop_assert_eq!(&e.leaders, &g.leaders);
            for (x, y) in [(&e.top_up, &g.top_up), (&e.top_down, &g.top_down), (&e.rank_up, &g.rank_up), (&e.rank_down, &g.rank_down)] {
                match (x, y) {
                    (Some(x), Some(y)) => prop_assert!((x.weight - y.weight).abs() < 1e-7, "{:?} vs {:?}", x, y),
                    (None, None) => {}
                    _ => prop_assert!(false, "criterion {}: {:?} vs {:?}", j, x, y),
                }
            }
        }
    }
}
