//! PROMETHEE II: net outranking flows from pairwise preference functions.
//!
//! Brans and Vincke (1985), "A preference ranking organisation method (The PROMETHEE
//! method for multiple criteria decision-making)", Management Science 31(6):647-656;
//! Brans and Mareschal (2005), in Figueira, Greco and Ehrgott (eds.), *Multiple Criteria
//! Decision Analysis: State of the Art Surveys*, ch. 5.
//!
//! For criterion j and alternatives a, b, d_j(a, b) = g_j(a) - g_j(b) (negated for a cost
//! criterion) and P_j(a, b) = F_j(d) in 0..=1 from the criterion's preference function.
//! π(a, b) = Σ_j w_j P_j(a, b); φ+(a) = Σ_x π(a, x) / (m - 1), φ-(a) = Σ_x π(x, a) / (m - 1)
//! and the score is the net flow φ(a) = φ+(a) - φ-(a), in -1..=1, higher better. With one
//! alternative every flow is 0. The work is O(m² n): each pair is visited once.

use super::error::ScoreError;
use super::inputs::check_inputs;
use super::method::{MethodDetails, MethodOutput, PrometheeDetails};
use super::ranks::ranks_for;
use crate::decision::{Direction, PreferenceFunction};

/// The thresholds' check, here because it reports a scoring error (the type is in
/// `decision`).
impl PreferenceFunction {
    /// Checks the thresholds: q >= 0, p > 0, q <= p, s > 0, all finite.
    pub fn validate(&self, criterion: usize) -> Result<(), ScoreError> {
        let bad = |name, value: f64, expected| ScoreError::BadParameter {
            criterion,
            name,
            value,
            expected,
        };
        let check_q = |q: f64| {
            if q.is_finite() && q >= 0.0 {
                Ok(())
            } else {
                Err(bad("indifference threshold q", q, ">= 0"))
            }
        };
        let check_p = |p: f64| {
            if p.is_finite() && p > 0.0 {
                Ok(())
            } else {
                Err(bad("preference threshold p", p, "> 0"))
            }
        };
        match *self {
            PreferenceFunction::Usual => Ok(()),
            PreferenceFunction::UShape { q } => check_q(q),
            PreferenceFunction::VShape { p } => check_p(p),
            PreferenceFunction::Level { q, p } | PreferenceFunction::Linear { q, p } => {
                check_q(q)?;
                check_p(p)?;
                if q > p {
                    return Err(ScoreError::ThresholdOrder { criterion, q, p });
                }
                Ok(())
            }
            PreferenceFunction::Gaussian { s } => {
                if s.is_finite() && s > 0.0 {
                    Ok(())
                } else {
                    Err(bad("gaussian parameter s", s, "> 0"))
                }
            }
        }
    }
}

/// PROMETHEE II with one preference function per criterion.
///
/// Errors: shape and weight problems as every method, a `functions` list of the wrong
/// length, and bad thresholds (`q > p`, negative `q`, non-positive `p` or `s`).
pub fn promethee_ii(
    matrix: &[Vec<f64>],
    directions: &[Direction],
    weights: &[f64],
    functions: &[PreferenceFunction],
) -> Result<MethodOutput, ScoreError> {
    let (m, n) = check_promethee(matrix, directions, weights, functions)?;
    let mut plus = vec![0.0; m];
    let mut minus = vec![0.0; m];
    let mut column = vec![0.0; m];
    for j in 0..n {
        let w = weights[j];
        if w == 0.0 {
            continue;
        }
        let f = functions[j];
        // Orient the column so that larger is better.
        for (c, row) in column.iter_mut().zip(matrix) {
            *c = match directions[j] {
                Direction::Max => row[j],
                Direction::Min => -row[j],
            };
        }
        for a in 0..m {
            let xa = column[a];
            let (mut plus_a, mut minus_a) = (0.0, 0.0);
            for b in a + 1..m {
                let d = xa - column[b];
                let ab = w * f.preference(d);
                let ba = w * f.preference(-d);
                plus_a += ab;
                minus_a += ba;
                minus[b] += ab;
                plus[b] += ba;
            }
            plus[a] += plus_a;
            minus[a] += minus_a;
        }
    }
    let scale = if m > 1 { 1.0 / (m - 1) as f64 } else { 0.0 };
    plus.iter_mut().for_each(|x| *x *= scale);
    minus.iter_mut().for_each(|x| *x *= scale);
    let net: Vec<f64> = plus.iter().zip(&minus).map(|(p, q)| p - q).collect();
    let ranks = ranks_for(&net, true);
    Ok(MethodOutput {
        scores: net.clone(),
        higher_is_better: true,
        ranks,
        details: MethodDetails::Promethee(PrometheeDetails {
            phi_plus: plus,
            phi_minus: minus,
            phi_net: net,
        }),
    })
}

/// Shared checks: the common inputs plus one valid preference function per criterion.
fn check_promethee(
    matrix: &[Vec<f64>],
    directions: &[Direction],
    weights: &[f64],
    functions: &[PreferenceFunction],
) -> Result<(usize, usize), ScoreError> {
    let (m, n) = check_inputs(matrix, directions, weights)?;
    if functions.len() != n {
        return Err(ScoreError::LengthMismatch {
            what: "preference functions",
            len: functions.len(),
            expected: n,
        });
    }
    for (j, f) in functions.iter().enumerate() {
        f.validate(j)?;
    }
    Ok((m, n))
}

/// The aggregated preference index π(a, b) = Σ_j w_j P_j(a, b) for every ordered pair,
/// as an m x m table (O(m²) memory): for explaining a small ranking, not for large m.
pub fn preference_indices(
    matrix: &[Vec<f64>],
    directions: &[Direction],
    weights: &[f64],
    functions: &[PreferenceFunction],
) -> Result<Vec<Vec<f64>>, ScoreError> {
    let (m, n) = check_promethee(matrix, directions, weights, functions)?;
    let mut pi = vec![vec![0.0; m]; m];
    for (a, row_a) in matrix.iter().enumerate() {
        for (b, row_b) in matrix.iter().enumerate() {
            pi[a][b] = (0..n)
                .map(|j| {
                    let d = match directions[j] {
                        Direction::Max => row_a[j] - row_b[j],
                        Direction::Min => row_b[j] - row_a[j],
                    };
                    weights[j] * functions[j].preference(d)
                })
                .sum();
        }
    }
    Ok(pi)
}

#[cfg(test)]
#[path = "promethee_tests.rs"]
mod tests;
