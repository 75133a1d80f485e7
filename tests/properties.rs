//! Property tests of the scoring invariants: scores stay in 0..=100, a better value never
//! lowers a vendor's score, row order changes nothing, scaling every weight changes nothing.

use proptest::prelude::*;
use vendorscore::criteria::{self, Direction};
use vendorscore::score::weighted_sum;

fn directions(k: usize) -> impl Strategy<Value = Vec<Direction>> {
    prop::collection::vec(prop_oneof![Just(Direction::Max), Just(Direction::Min)], k)
}

/// A matrix of 1..8 vendors by `k` criteria, some values missing.
fn matrix(k: usize) -> impl Strategy<Value = Vec<Vec<Option<f64>>>> {
    prop::collection::vec(
        prop::collection::vec(prop::option::weighted(0.9, -1e6..1e6f64), k),
        1..8,
    )
}

fn weights(k: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.0..10.0f64, k)
        .prop_filter("some weight", |w| w.iter().sum::<f64>() > 1e-6)
        .prop_map(|w| {
            let s: f64 = w.iter().sum();
            w.into_iter().map(|x| x / s).collect()
        })
}

fn case() -> impl Strategy<Value = (Vec<Vec<Option<f64>>>, Vec<Direction>, Vec<f64>)> {
    (1usize..6).prop_flat_map(|k| (matrix(k), directions(k), weights(k)))
}

proptest! {
    #[test]
    fn scores_are_finite_and_in_range((m, d, w) in case()) {
        let s = weighted_sum(&m, &d, &w);
        for (v, score) in s.scores.iter().enumerate() {
            prop_assert!(score.is_finite() && (0.0..=100.0).contains(score));
            let sum: f64 = s.contributions[v].iter().sum();
            prop_assert!((sum - score).abs() < 1e-6);
        }
        prop_assert!(s.ranks.iter().all(|&r| r >= 1 && r <= m.len()));
    }

    #[test]
    fn a_better_value_never_lowers_a_score((m, d, w) in case(), pick in any::<prop::sample::Index>(), crit in any::<prop::sample::Index>(), delta in 0.0..1e5f64) {
        let v = pick.index(m.len());
        let c = crit.index(d.len());
        let Some(x) = m[v][c] else { return Ok(()) };
        let before = weighted_sum(&m, &d, &w).scores[v];
        let mut better = m.clone();
        better[v][c] = Some(match d[c] { Direction::Max => x + delta, Direction::Min => x - delta });
        let after = weighted_sum(&better, &d, &w).scores[v];
        prop_assert!(after >= before - 1e-9, "{before} -> {after}");
    }

    #[test]
    fn row_order_changes_nothing((m, d, w) in case(), seed in any::<u64>()) {
        let n = m.len();
        let mut perm: Vec<usize> = (0..n).collect();
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..n).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            perm.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let shuffled: Vec<_> = perm.iter().map(|&i| m[i].clone()).collect();
        let a = weighted_sum(&m, &d, &w);
        let b = weighted_sum(&shuffled, &d, &w);
        for (j, &i) in perm.iter().enumerate() {
            prop_assert!((a.scores[i] - b.scores[j]).abs() < 1e-9);
            prop_assert_eq!(a.ranks[i], b.ranks[j]);
        }
    }

    #[test]
    fn scaling_all_weights_changes_nothing(raw in prop::collection::vec(0u32..20, 1..6), factor in 1u32..1000) {
        prop_assume!(raw.iter().any(|&w| w > 0));
        let file = |scale: u32| {
            let mut t = String::from("name = \"p\"\n");
            for (i, w) in raw.iter().enumerate() {
                t.push_str(&format!("[[criterion]]\nid = \"c{i}\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = {}\n", w * scale));
            }
            criteria::parse("p.toml", &t).unwrap()
        };
        let (a, b) = (file(1), file(factor));
        for (x, y) in a.criteria.iter().zip(&b.criteria) {
            prop_assert!((x.weight - y.weight).abs() < 1e-12);
        }
        let total: f64 = a.criteria.iter().map(|c| c.weight).sum();
        prop_assert!((total - 1.0).abs() < 1e-12);
    }

    #[test]
    fn criteria_parser_never_panics(text in "\\PC{0,200}") {
        let _ = criteria::parse("fuzz.toml", &text);
    }
}
