//! VIKOR: compromise ranking by group utility S, individual regret R and their blend Q.
//!
//! Opricovic and Tzeng (2004), "Compromise solution by MCDM methods: A comparative
//! analysis of VIKOR and TOPSIS", European Journal of Operational Research 156:445-455.
//! With f*_j / f-_j the best / worst value of criterion j (max / min for a benefit
//! criterion, min / max for a cost criterion):
//!
//! - S_i = Σ_j w_j (f*_j - f_ij) / (f*_j - f-_j), R_i = max_j of the same terms;
//! - Q_i = v (S_i - S*) / (S- - S*) + (1 - v)(R_i - R*) / (R- - R*), with S* = min S,
//!   S- = max S and likewise for R.
//!
//! S, R and Q are all lower-is-better; the method's score is Q. A constant criterion
//! contributes 0 to S and R (no one regrets it), and a zero range of S or R makes its
//! term of Q 0, so nothing is ever NaN. The compromise set follows Opricovic and Tzeng:
//! with a' first and a'' second by Q and DQ = 1/(m - 1),
//! C1 (acceptable advantage) is Q(a'') - Q(a') >= DQ and C2 (acceptable stability) is
//! "a' is also best by S or by R". Both hold: {a'}. Only C2 fails: {a', a''}. C1 fails:
//! every a with Q(a) - Q(a') < DQ. Comparisons allow `TIE_EPSILON`.

use super::error::ScoreError;
use super::inputs::check_inputs;
use super::method::{MethodDetails, MethodOutput, VikorDetails};
use super::ranks::{ranks_for, tied};
use super::TIE_EPSILON;
use crate::decision::Direction;

/// VIKOR with strategy weight `v` in [0, 1] (see the module docs).
pub fn vikor(
    matrix: &[Vec<f64>],
    directions: &[Direction],
    weights: &[f64],
    v: f64,
) -> Result<MethodOutput, ScoreError> {
    if !(0.0..=1.0).contains(&v) {
        return Err(ScoreError::VOutOfRange { v });
    }
    let (m, n) = check_inputs(matrix, directions, weights)?;
    let mut lo = vec![f64::INFINITY; n];
    let mut hi = vec![f64::NEG_INFINITY; n];
    for row in matrix {
        for (j, &x) in row.iter().enumerate() {
            lo[j] = lo[j].min(x);
            hi[j] = hi[j].max(x);
        }
    }
    let (best, worst): (Vec<f64>, Vec<f64>) = (0..n)
        .map(|j| match directions[j] {
            Direction::Max => (hi[j], lo[j]),
            Direction::Min => (lo[j], hi[j]),
        })
        .unzip();
    // term_ij = w_j (f*_j - f_ij)/(f*_j - f-_j), on halved values so that the differences
    // stay finite for any finite input; a constant criterion contributes 0.
    let half_best: Vec<f64> = best.iter().map(|b| b / 2.0).collect();
    let span: Vec<f64> = (0..n).map(|j| half_best[j] - worst[j] / 2.0).collect();
    // w/span, or 0 for a constant criterion; NaN marks a span so small that w/span
    // overflows, where the term is computed by division instead.
    let factor: Vec<f64> = (0..n)
        .map(|j| match weights[j] / span[j] {
            _ if span[j] == 0.0 => 0.0,
            f if f.is_finite() => f,
            _ => f64::NAN,
        })
        .collect();
    let mut s = vec![0.0; m];
    let mut r = vec![0.0; m];
    for ((row, si), ri) in matrix.iter().zip(&mut s).zip(&mut r) {
        let (mut sum, mut top) = (0.0_f64, 0.0_f64);
        for j in 0..n {
            let gap = half_best[j] - row[j] / 2.0;
            let term = if factor[j].is_nan() {
                weights[j] * (gap / span[j])
            } else {
                gap * factor[j]
            };
            sum += term;
            top = top.max(term);
        }
        *si = sum;
        *ri = top;
    }
    let scaled = |xs: &[f64]| -> Vec<f64> {
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let range = hi - lo;
        xs.iter()
            .map(|x| if range > 0.0 { (x - lo) / range } else { 0.0 })
            .collect()
    };
    let (s_scaled, r_scaled) = (scaled(&s), scaled(&r));
    let q: Vec<f64> = s_scaled
        .iter()
        .zip(&r_scaled)
        .map(|(a, b)| v * a + (1.0 - v) * b)
        .collect();

    // a' and a'' by Q (lowest index first among equal Q), without sorting everything.
    let by_q = |a: &usize, b: &usize| q[*a].total_cmp(&q[*b]).then(a.cmp(b));
    let first = (0..m).min_by(by_q).unwrap_or(0);
    let second = (0..m).filter(|&a| a != first).min_by(by_q);
    let dq = if m > 1 { 1.0 / (m - 1) as f64 } else { 1.0 };
    let advantage = second.is_none_or(|a2| q[a2] - q[first] >= dq - TIE_EPSILON);
    let s_min = s.iter().copied().fold(f64::INFINITY, f64::min);
    let r_min = r.iter().copied().fold(f64::INFINITY, f64::min);
    let stability = tied(s[first], s_min) || tied(r[first], r_min);
    let compromise = if !advantage {
        let mut window: Vec<usize> = (0..m)
            .filter(|&a| q[a] - q[first] < dq - TIE_EPSILON)
            .collect();
        window.sort_by(by_q);
        window
    } else if stability {
        vec![first]
    } else {
        std::iter::once(first).chain(second).collect()
    };

    let ranks = ranks_for(&q, false);
    Ok(MethodOutput {
        scores: q.clone(),
        higher_is_better: false,
        ranks,
        details: MethodDetails::Vikor(VikorDetails {
            v,
            best,
            worst,
            s,
            r,
            q,
            dq,
            acceptable_advantage: advantage,
            acceptable_stability: stability,
            compromise,
        }),
    })
}

#[cfg(test)]
#[path = "vikor_tests.rs"]
mod tests;
