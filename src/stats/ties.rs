//! Statistical ties: group vendors whose scores the evidence cannot tell apart, so a result
//! within noise is shown as a tie, not as a win (docs/statistics.md, "Statistical ties").
//!
//! Rule (both variants): order the vendors best first (equal scores keep input order). The best
//! remaining vendor heads a tier. The tier runs down the order to the *last* vendor that is
//! indistinguishable from the head, and takes every vendor in between as well; the next vendor
//! heads the next tier. Taking the vendors in between keeps tiers contiguous in score order and
//! never shows a win the evidence does not support: if A cannot be told from C, A is not shown
//! above C, even when B (between them) is individually distinguishable from A. Such members are
//! listed in [`Tier::distinct_from_head`] so a report can say so in words.
//!
//! - By p-values: `j` is indistinguishable from head `h` when the (Holm-)adjusted p-value of
//!   the pair is `>= alpha`.
//! - By intervals: `j` is indistinguishable from `h` when their intervals overlap. Overlap is a
//!   conservative criterion: two 95% intervals can overlap while the difference is significant
//!   at 5% (Schenker and Gentleman 2001, Am. Stat. 55:182-186), so it leans towards ties.

use super::common::{check_alpha, Better, StatsError};
use super::interval::Interval;
use super::multiple::Pairwise;

/// A group of vendors the evidence cannot separate, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    /// The best vendor of the tier (an index into the scores).
    pub head: usize,
    /// All members in score order, the head first.
    pub members: Vec<usize>,
    /// Members that, compared alone with the head, do differ from it; they sit in the tier
    /// only because a vendor ranked below them does not.
    pub distinct_from_head: Vec<usize>,
}

/// Tiers from pairwise adjusted p-values (e.g. [`Pairwise::holm`]) at level `alpha`.
pub fn tiers_by_p_values(
    scores: &[f64],
    better: Better,
    adjusted: &Pairwise,
    alpha: f64,
) -> Result<Vec<Tier>, StatsError> {
    check_alpha(alpha)?;
    if adjusted.len() != scores.len() {
        return Err(StatsError::PairwiseSize {
            pairs: adjusted.len(),
            scores: scores.len(),
        });
    }
    let order = best_first(scores, better)?;
    Ok(build(&order, |h, j| adjusted.get(h, j) >= alpha))
}

/// Tiers from per-vendor intervals of the score (same order as `scores`).
pub fn tiers_by_intervals(
    scores: &[f64],
    better: Better,
    intervals: &[Interval],
) -> Result<Vec<Tier>, StatsError> {
    if intervals.len() != scores.len() {
        return Err(StatsError::PairwiseSize {
            pairs: intervals.len(),
            scores: scores.len(),
        });
    }
    let order = best_first(scores, better)?;
    Ok(build(&order, |h, j| {
        intervals[h].lower <= intervals[j].upper && intervals[j].lower <= intervals[h].upper
    }))
}

fn best_first(scores: &[f64], better: Better) -> Result<Vec<usize>, StatsError> {
    if let Some((index, &value)) = scores.iter().enumerate().find(|(_, s)| !s.is_finite()) {
        return Err(StatsError::Score { index, value });
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&i, &j| match better {
        Better::Higher => scores[j].total_cmp(&scores[i]),
        Better::Lower => scores[i].total_cmp(&scores[j]),
    });
    Ok(order)
}

fn build(order: &[usize], tied: impl Fn(usize, usize) -> bool) -> Vec<Tier> {
    let mut tiers = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let head = order[start];
        let last = (start + 1..order.len())
            .rev()
            .find(|&k| tied(head, order[k]))
            .unwrap_or(start);
        let members = order[start..=last].to_vec();
        let distinct_from_head = members[1..]
            .iter()
            .copied()
            .filter(|&j| !tied(head, j))
            .collect();
        tiers.push(Tier {
            head,
            members,
            distinct_from_head,
        });
        start = last + 1;
    }
    tiers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(n: usize, entries: &[(usize, usize, f64)]) -> Pairwise {
        let mut m = Pairwise::new(n);
        for &(i, j, p) in entries {
            m.set(i, j, p).unwrap();
        }
        m
    }

    #[test]
    fn leader_ties_with_indistinguishable_vendors() {
        // Scores: v2 best, then v0, v1, v3. v2 vs v0 p = 0.30 (tie), v2 vs v1 and v3 < 0.05.
        let scores = [0.90, 0.80, 0.95, 0.50];
        let p = matrix(
            4,
            &[
                (2, 0, 0.30),
                (2, 1, 0.01),
                (2, 3, 0.001),
                (0, 1, 0.20),
                (1, 3, 0.04),
                (0, 3, 0.01),
            ],
        );
        let t = tiers_by_p_values(&scores, Better::Higher, &p, 0.05).unwrap();
        let members: Vec<_> = t.iter().map(|t| t.members.clone()).collect();
        assert_eq!(members, vec![vec![2, 0], vec![1], vec![3]]);
        assert!(t.iter().all(|t| t.distinct_from_head.is_empty()));
    }

    #[test]
    fn a_tie_further_down_pulls_in_the_vendors_between() {
        // A > B > C by score; A differs from B but not from C (C has little data).
        let scores = [3.0, 2.0, 1.0];
        let p = matrix(3, &[(0, 1, 0.01), (0, 2, 0.40), (1, 2, 0.50)]);
        let t = tiers_by_p_values(&scores, Better::Higher, &p, 0.05).unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].members, vec![0, 1, 2]);
        assert_eq!(t[0].distinct_from_head, vec![1]);
    }

    #[test]
    fn lower_is_better_and_intervals() {
        // False positives per endpoint-day: lower is better.
        let scores = [0.010, 0.002, 0.003];
        let iv = [
            Interval {
                lower: 0.008,
                upper: 0.012,
            },
            Interval {
                lower: 0.001,
                upper: 0.004,
            },
            Interval {
                lower: 0.002,
                upper: 0.005,
            },
        ];
        let t = tiers_by_intervals(&scores, Better::Lower, &iv).unwrap();
        let members: Vec<_> = t.iter().map(|t| t.members.clone()).collect();
        assert_eq!(members, vec![vec![1, 2], vec![0]]);
    }

    #[test]
    fn rejects_bad_input_and_handles_empty() {
        let p = Pairwise::new(2);
        assert!(tiers_by_p_values(&[1.0], Better::Higher, &p, 0.05).is_err());
        assert!(tiers_by_p_values(&[1.0, f64::NAN], Better::Higher, &p, 0.05).is_err());
        assert!(tiers_by_p_values(&[1.0, 2.0], Better::Higher, &p, 0.0).is_err());
        assert!(tiers_by_intervals(&[], Better::Higher, &[])
            .unwrap()
            .is_empty());
        // Equal scores keep input order; no evidence (all p = 1) makes one tier.
        let t = tiers_by_p_values(&[1.0, 1.0], Better::Higher, &p, 0.05).unwrap();
        assert_eq!(t[0].members, vec![0, 1]);
    }
}
