//! Consensus of several methods' rankings (Borda, Copeland) and agreement between two
//! rankings (Spearman's rho, Kendall's tau-b).
//!
//! Rankings are the methods' competition ranks (1 best, tied alternatives share a rank).
//!
//! - Borda (de Borda 1781): in each ranking an alternative scores one point for every
//!   alternative ranked strictly below it and half a point for every other alternative
//!   tied with it (the average-position rule, so a tie splits the points the tied places
//!   would get). The consensus score is the sum over rankings, higher better.
//! - Copeland (Copeland 1951): for each pair, the alternative that more rankings place
//!   strictly above the other wins the pair (+1) and the other loses (-1); a pair with as
//!   many rankings each way (including all ties) scores 0 for both. The consensus score is
//!   wins - losses, higher better. O(k m²) for k rankings of m alternatives.
//!
//! Consensus ranks are competition ranks of the consensus score, ties shared.
//!
//! Spearman's rho is Pearson's correlation of average ranks (ties get the mean of the
//! positions they span); Kendall's tau-b is (P - Q)/√((P + Q + T)(P + Q + U)) with P / Q
//! concordant / discordant pairs and T / U pairs tied only in the first / second ranking
//! (Kendall 1945; scipy's `kendalltau`). Both return `None` when undefined (fewer than two
//! alternatives, or a ranking with every alternative tied).

use serde::Serialize;

use super::error::ScoreError;
use super::ranks::ranks_for;

/// A consensus ranking: the consensus score per alternative and its competition ranks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consensus {
    pub scores: Vec<f64>,
    pub ranks: Vec<usize>,
}

/// Checks k >= 1 rankings of the same length with ranks in 1..=m; returns m.
fn check(rankings: &[Vec<usize>]) -> Result<usize, ScoreError> {
    let first = rankings.first().ok_or(ScoreError::NoRankings)?;
    let m = first.len();
    if m == 0 {
        return Err(ScoreError::NoAlternatives);
    }
    for (index, r) in rankings.iter().enumerate() {
        if r.len() != m {
            return Err(ScoreError::LengthMismatch {
                what: "ranking",
                len: r.len(),
                expected: m,
            });
        }
        if let Some(&rank) = r.iter().find(|&&x| x == 0 || x > m) {
            return Err(ScoreError::BadRank {
                index,
                rank,
                len: m,
            });
        }
    }
    Ok(m)
}

/// Borda consensus (see the module docs for the tie rule).
pub fn borda(rankings: &[Vec<usize>]) -> Result<Consensus, ScoreError> {
    let m = check(rankings)?;
    let mut scores = vec![0.0; m];
    for r in rankings {
        // count[v] = alternatives with rank v; below[v] = alternatives with rank > v.
        let mut count = vec![0usize; m + 2];
        for &v in r {
            count[v] += 1;
        }
        let mut below = vec![0usize; m + 2];
        for v in (1..=m).rev() {
            below[v] = below[v + 1] + count[v + 1];
        }
        for (s, &v) in scores.iter_mut().zip(r) {
            *s += below[v] as f64 + 0.5 * (count[v] - 1) as f64;
        }
    }
    let ranks = ranks_for(&scores, true);
    Ok(Consensus { scores, ranks })
}

/// Copeland consensus by pairwise majority (see the module docs).
pub fn copeland(rankings: &[Vec<usize>]) -> Result<Consensus, ScoreError> {
    let m = check(rankings)?;
    let mut scores = vec![0.0; m];
    for a in 0..m {
        for b in a + 1..m {
            let margin: i64 = rankings
                .iter()
                .map(|r| match r[a].cmp(&r[b]) {
                    std::cmp::Ordering::Less => 1,
                    std::cmp::Ordering::Greater => -1,
                    std::cmp::Ordering::Equal => 0,
                })
                .sum();
            let point = margin.signum() as f64;
            scores[a] += point;
            scores[b] -= point;
        }
    }
    let ranks = ranks_for(&scores, true);
    Ok(Consensus { scores, ranks })
}

/// Average (fractional) ranks in ascending order of value: the smallest gets 1, tied
/// values get the mean of the positions they span ([10, 20, 20, 30] -> [1, 2.5, 2.5, 4]).
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // positions start+1 ..= end, mean (start + 1 + end) / 2
        let mean = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = mean;
        }
        start = end;
    }
    ranks
}

fn same_length(a: &[f64], b: &[f64]) -> Result<(), ScoreError> {
    if a.len() != b.len() {
        return Err(ScoreError::LengthMismatch {
            what: "second ranking",
            len: b.len(),
            expected: a.len(),
        });
    }
    Ok(())
}

/// Spearman's rank correlation of two rankings (or two score vectors of the same
/// orientation), with average ranks for ties.
pub fn spearman_rho(a: &[f64], b: &[f64]) -> Result<Option<f64>, ScoreError> {
    same_length(a, b)?;
    if a.len() < 2 {
        return Ok(None);
    }
    let (ra, rb) = (average_ranks(a), average_ranks(b));
    let mean = (a.len() as f64 + 1.0) / 2.0;
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        sab += (x - mean) * (y - mean);
        saa += (x - mean) * (x - mean);
        sbb += (y - mean) * (y - mean);
    }
    if saa == 0.0 || sbb == 0.0 {
        return Ok(None);
    }
    Ok(Some((sab / (saa * sbb).sqrt()).clamp(-1.0, 1.0)))
}

/// Kendall's tau-b of two rankings (or two score vectors of the same orientation). O(m²).
pub fn kendall_tau_b(a: &[f64], b: &[f64]) -> Result<Option<f64>, ScoreError> {
    same_length(a, b)?;
    let (mut p, mut q, mut t, mut u) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..a.len() {
        for j in i + 1..a.len() {
            let da = a[i].partial_cmp(&a[j]).map_or(0, |o| o as i8);
            let db = b[i].partial_cmp(&b[j]).map_or(0, |o| o as i8);
            match (da, db) {
                (0, 0) => {}
                (0, _) => t += 1,
                (_, 0) => u += 1,
                _ if da == db => p += 1,
                _ => q += 1,
            }
        }
    }
    let denominator = (((p + q + t) as f64) * ((p + q + u) as f64)).sqrt();
    if denominator == 0.0 {
        return Ok(None);
    }
    Ok(Some((p as f64 - q as f64) / denominator))
}

#[cfg(test)]
#[path = "consensus_tests.rs"]
mod tests;
