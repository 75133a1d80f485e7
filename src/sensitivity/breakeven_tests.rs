//! Break-even weights on small hand-worked cases (the lines are worked out in the comments),
//! and the grid search against the exact one.

use super::breakeven::{
    break_even, break_even_all, break_even_grid, exact, BreakEvenMethod, Search, Shift,
};
use super::{Scorer, SensitivityError, WeightedSumScorer};
use crate::decision::Direction::{Max, Min};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

/// Hides `linear_terms`, so the grid search runs on a linear scorer.
struct Opaque<'a>(&'a dyn Scorer);

impl Scorer for Opaque<'_> {
    fn scores(&self, matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
        self.0.scores(matrix, weights)
    }
}

/// Weighted product of positive values, `Π x^w` (not linear in the weights).
struct Product;

impl Scorer for Product {
    fn scores(&self, matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
        matrix
            .iter()
            .map(|row| row.iter().zip(weights).map(|(x, w)| x.powf(*w)).product())
            .collect()
    }
}

/// Normalised values (min-max is the identity on these columns):
/// A = (1, 0, 1), B = (0, 1, 0.5), C = (0.5, 0.5, 0); weights (0.4, 0.4, 0.2);
/// scores A 60, B 50, C 40.
fn three() -> (WeightedSumScorer, Vec<Vec<f64>>, Vec<f64>) {
    let m = vec![
        vec![1.0, 0.0, 1.0],
        vec![0.0, 1.0, 0.5],
        vec![0.5, 0.5, 0.0],
    ];
    (
        WeightedSumScorer {
            directions: vec![Max; 3],
        },
        m,
        vec![0.4, 0.4, 0.2],
    )
}

/// Criterion 0, t = w'_0, others 2:1: A = 100/3 + 200t/3, B = 250/3 (1 - t),
/// C = 100/3 + 50t/3. A = B at t = 1/3 (B takes over), B = C at t = 1/2, A = C at t = 0.
#[test]
fn three_vendors_first_criterion() {
    let (s, m, w) = three();
    let b = break_even(&s, &m, &w, 0).unwrap();
    assert_eq!(b.method, BreakEvenMethod::Exact);
    assert_eq!(b.leaders, vec![0]);
    let down = b.top_down.as_ref().unwrap();
    assert!(close(down.weight, 1.0 / 3.0), "{down:?}");
    assert!(close(down.change, 1.0 / 3.0 - 0.4));
    assert_eq!(down.shift, Shift::Down);
    assert_eq!(down.leaders, vec![1]);
    assert!(b.top_up.is_none(), "A stays first up to w = 1");
    assert!(close(b.rank_down.as_ref().unwrap().weight, 1.0 / 3.0));
    let up = b.rank_up.as_ref().unwrap();
    assert!(close(up.weight, 0.5));
    assert_eq!(up.ranks, vec![1, 3, 2], "B and C swap");
    assert_eq!(b.top_nearest().unwrap().shift, Shift::Down);
}

/// Criterion 1, others 2:1: A = 100 (1 - t), B = 50/3 + 250t/3, C = 100/3 + 50t/3.
/// A = B at t = 5/11 (B takes over), A = C at 4/7, B = C at t = 1/4.
#[test]
fn three_vendors_second_criterion() {
    let (s, m, w) = three();
    let b = break_even(&s, &m, &w, 1).unwrap();
    let up = b.top_up.as_ref().unwrap();
    assert!(close(up.weight, 5.0 / 11.0), "{up:?}");
    assert_eq!(up.leaders, vec![1]);
    assert!(b.top_down.is_none());
    assert!(close(b.rank_up.as_ref().unwrap().weight, 5.0 / 11.0));
    let down = b.rank_down.as_ref().unwrap();
    assert!(close(down.weight, 0.25));
    assert_eq!(down.ranks, vec![1, 3, 2]);
    // Up by 0.0545 is nearer than down by 0.15.
    assert!(close(b.rank_nearest().unwrap().weight, 5.0 / 11.0));
}

/// Criterion 2, others 1:1: A = 50 + 50t, B = 50, C = 50 (1 - t): all three meet at t = 0,
/// a three-way tie at the boundary; nothing changes upwards.
#[test]
fn three_vendors_tie_at_the_boundary() {
    let (s, m, w) = three();
    let b = break_even(&s, &m, &w, 2).unwrap();
    let down = b.top_down.as_ref().unwrap();
    assert_eq!(down.weight, 0.0);
    assert!(close(down.change, -0.2));
    assert_eq!(down.leaders, vec![0, 1, 2]);
    assert_eq!(b.rank_down.as_ref().unwrap().ranks, vec![1, 1, 1]);
    assert!(b.top_up.is_none() && b.rank_up.is_none());
}

/// The example of `score::tests::weighted_sum_hand_worked`: detection 0.99, 0.97, 0.98
/// (-> 1, 0, 0.5), price 5, 3, 4 (cost -> 0, 1, 0.5), weights 60/40: scores 60, 40, 50.
/// Detection weight t: A = 100t, B = 100 (1 - t), C = 50: all tie at t = 1/2, below it B leads.
#[test]
fn two_criteria_from_the_score_module() {
    let m = vec![vec![0.99, 5.0], vec![0.97, 3.0], vec![0.98, 4.0]];
    let s = WeightedSumScorer {
        directions: vec![Max, Min],
    };
    let b = break_even(&s, &m, &[0.6, 0.4], 0).unwrap();
    let down = b.top_down.as_ref().unwrap();
    assert!(close(down.weight, 0.5));
    assert_eq!(down.leaders, vec![1]);
    assert!(b.top_up.is_none());
    // The price weight mirrors it.
    let b = break_even(&s, &m, &[0.6, 0.4], 1).unwrap();
    assert!(close(b.top_up.as_ref().unwrap().weight, 0.5));
    assert_eq!(b.top_up.as_ref().unwrap().leaders, vec![1]);
}

/// A tie at the current weights breaks at once: the change is 0.
#[test]
fn a_tie_at_the_base_breaks_immediately() {
    let m = vec![vec![1.0, 0.0], vec![0.0, 1.0]];
    let s = WeightedSumScorer {
        directions: vec![Max, Max],
    };
    let b = break_even(&s, &m, &[0.5, 0.5], 0).unwrap();
    assert_eq!(b.leaders, vec![0, 1]);
    let up = b.top_up.as_ref().unwrap();
    assert_eq!((up.weight, up.change), (0.5, 0.0));
    assert_eq!(up.leaders, vec![0]);
    assert_eq!(b.top_down.as_ref().unwrap().leaders, vec![1]);
}

/// All weight on one criterion, the others 0: the rest is shared equally (no NaN).
#[test]
fn all_weight_on_one_criterion() {
    let (s, m, _) = three();
    let b = break_even(&s, &m, &[1.0, 0.0, 0.0], 0).unwrap();
    // t = w'_0, others 1:1: A = 50 + 50t, B = 75 (1 - t), C = 25 + 25t; A = B at t = 1/5.
    assert!(b.top_up.is_none());
    assert!(close(b.top_down.as_ref().unwrap().weight, 0.2));
    assert_eq!(b.leaders, vec![0]);
}

/// Weighted product A = 4^t, B = 2^(1 - t) for weights (t, 1 - t): equal at t = 1/3 (by hand,
/// t ln 4 = (1 - t) ln 2). The grid search must find it within its tolerance.
#[test]
fn grid_search_on_a_nonlinear_scorer() {
    let m = vec![vec![4.0, 1.0], vec![1.0, 2.0]];
    let b = break_even(&Product, &m, &[0.5, 0.5], 0).unwrap();
    assert!(matches!(
        b.method,
        BreakEvenMethod::Grid { steps: 1000, .. }
    ));
    let down = b.top_down.as_ref().unwrap();
    assert!((down.weight - 1.0 / 3.0).abs() < 2e-9, "{down:?}");
    assert_eq!(down.leaders, vec![1]);
    assert!(b.top_up.is_none());
}

/// The grid search agrees with the exact one on the hand-worked cases.
#[test]
fn grid_agrees_with_exact() {
    let (s, m, w) = three();
    for j in 0..3 {
        let exact = break_even(&s, &m, &w, j).unwrap();
        let grid = break_even_grid(&Opaque(&s), &m, &w, j, 1000).unwrap();
        for (e, g) in [
            (&exact.top_up, &grid.top_up),
            (&exact.top_down, &grid.top_down),
            (&exact.rank_up, &grid.rank_up),
            (&exact.rank_down, &grid.rank_down),
        ] {
            match (e, g) {
                (Some(e), Some(g)) => {
                    assert!((e.weight - g.weight).abs() < 1e-8, "{j}: {e:?} {g:?}")
                }
                (None, None) => {}
                _ => panic!("criterion {j}: {e:?} vs {g:?}"),
            }
        }
    }
}

#[test]
fn bad_input_is_an_error() {
    let (s, m, w) = three();
    assert!(matches!(
        break_even(&s, &m, &w, 3),
        Err(SensitivityError::NoSuchCriterion { .. })
    ));
    assert!(matches!(
        break_even(&s, &m, &[0.5, 0.5, 0.5], 0),
        Err(SensitivityError::WeightSum { .. })
    ));
    assert!(matches!(
        break_even(&s, &[], &w, 0),
        Err(SensitivityError::NoVendors)
    ));
    assert!(matches!(
        break_even_grid(&s, &m, &w, 0, 0),
        Err(SensitivityError::ZeroSteps)
    ));
    assert_eq!(break_even_all(&s, &m, &w).unwrap().len(), 3);
    // One criterion: nothing can change.
    let one = WeightedSumScorer {
        directions: vec![Max],
    };
    let b = break_even(&one, &[vec![1.0], vec![2.0]], &[1.0], 0).unwrap();
    assert!(b.top_up.is_none() && b.top_down.is_none() && b.rank_up.is_none());
}

#[test]
fn first_true_finds_the_boundary() {
    use super::first_true;
    for len in 0..9 {
        for edge in 0..=len {
            assert_eq!(
                first_true(len, |k| k >= edge),
                (edge < len).then_some(edge),
                "{len} {edge}"
            );
        }
    }
}

/// Bisecting for the first change of the top vendor finds what probing every crossing in
/// order finds, on random matrices with ties (values on a coarse grid), up to 40 vendors.
#[test]
fn bisecting_for_the_leader_agrees_with_scanning() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |k: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % k
    };
    for trial in 0..400 {
        let m = 2 + next(39) as usize;
        let n = 2 + next(5) as usize;
        let grid = 2 + next(12);
        let terms: Vec<Vec<f64>> = (0..m)
            .map(|_| {
                (0..n)
                    .map(|_| 100.0 * next(grid) as f64 / grid as f64)
                    .collect()
            })
            .collect();
        let raw: Vec<f64> = (0..n).map(|_| 1.0 + next(9) as f64).collect();
        let sum: f64 = raw.iter().sum();
        let weights: Vec<f64> = raw.iter().map(|w| w / sum).collect();
        for c in 0..n {
            let fast = exact(&terms, &weights, c, Search::Bisect);
            let slow = exact(&terms, &weights, c, Search::Scan);
            assert_eq!(
                fast, slow,
                "trial {trial}, criterion {c}: {terms:?} {weights:?}"
            );
        }
    }
}
