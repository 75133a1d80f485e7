//! Break-even weights: for each criterion, the smallest change of its weight (up or down,
//! the others keeping their proportions as in [`super::sweep`]) that changes the top vendor,
//! and separately the smallest that changes any rank.
//!
//! A change happens at the first weight where the leaders (or the rank vector) differ from
//! those at the current weights; reaching a tie counts, so the break-even weight is where a
//! challenger's score *equals* the leader's (within `TIE_EPSILON`).
//!
//! - **Exact** (a [`Scorer`] with `linear_terms`, e.g. the weighted sum): along the sweep each
//!   score is a line, `s_i(t) = B_i + t (a_ij - B_i)` with `B_i = Σ_{k≠j} w_k a_ik / R`. The
//!   order of the vendors can only change where two lines cross, at
//!   `t = (B_b - B_a) / ((a_aj - B_a) - (a_bj - B_b))`; the search visits those crossings in
//!   order, checking the state at each crossing and on the open interval after it.
//! - **Grid** (any other scorer): the state is evaluated on a grid of `steps` equal steps over
//!   [0, 1] (default 1000); the first grid point that differs is refined by bisection until the
//!   bracket is narrower than 1e-9. A change that starts and reverts between two grid points
//!   (narrower than 1/steps) can be missed.

use serde::Serialize;

use super::sweep::{check_criterion, rest_sum, swept_into};
use super::{
    check_matrix, check_weights, checked_scores, first_true, leaders, ranks, Scorer,
    SensitivityError,
};

/// Grid steps of the numerical search.
pub const DEFAULT_GRID_STEPS: usize = 1000;
/// Width of the final bisection bracket of the numerical search.
pub const BISECTION_TOLERANCE: f64 = 1e-9;

/// Which way the weight moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shift {
    /// The weight rises towards 1.
    Up,
    /// The weight falls towards 0.
    Down,
}

/// Where a change happens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakPoint {
    /// The criterion's weight `w'_j` at which the change happens.
    pub weight: f64,
    /// `weight - w_j` (negative for [`Shift::Down`]).
    pub change: f64,
    /// Which way the weight moved.
    pub shift: Shift,
    /// Vendors ranked first just past the break point (at it, when it is 0 or 1): for a
    /// change of the top vendor, those that take over first place.
    pub leaders: Vec<usize>,
    /// Competition ranks just past the break point (at it, when it is 0 or 1).
    pub ranks: Vec<usize>,
}

/// How the break points were found.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BreakEvenMethod {
    /// Intersection of the score lines (linear scorers): exact up to rounding.
    Exact,
    /// Grid of `steps` steps over [0, 1], then bisection to `tolerance`.
    Grid {
        /// Equal steps over [0, 1].
        steps: usize,
        /// Width of the final bisection bracket.
        tolerance: f64,
    },
}

/// Break-even weights of one criterion. `None` means "no change in [0, 1]" that way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakEven {
    /// The criterion (column index).
    pub criterion: usize,
    /// The criterion's current weight `w_j`.
    pub base_weight: f64,
    /// The vendors ranked first at the current weights.
    pub leaders: Vec<usize>,
    /// First change of the top vendor when the weight rises.
    pub top_up: Option<BreakPoint>,
    /// First change of the top vendor when the weight falls.
    pub top_down: Option<BreakPoint>,
    /// First change of any rank when the weight rises.
    pub rank_up: Option<BreakPoint>,
    /// First change of any rank when the weight falls.
    pub rank_down: Option<BreakPoint>,
    /// Exact (line intersections) or grid search.
    pub method: BreakEvenMethod,
}

impl BreakEven {
    /// The smaller change of the top vendor, up or down (up on a tie of distances).
    pub fn top_nearest(&self) -> Option<&BreakPoint> {
        nearest(self.top_up.as_ref(), self.top_down.as_ref())
    }

    /// The smaller change of any rank, up or down (up on a tie of distances).
    pub fn rank_nearest(&self) -> Option<&BreakPoint> {
        nearest(self.rank_up.as_ref(), self.rank_down.as_ref())
    }
}

fn nearest<'a>(up: Option<&'a BreakPoint>, down: Option<&'a BreakPoint>) -> Option<&'a BreakPoint> {
    match (up, down) {
        (Some(u), Some(d)) => Some(if d.change.abs() < u.change.abs() {
            d
        } else {
            u
        }),
        (u, d) => u.or(d),
    }
}

/// Break-even weights of one criterion: exact for a linear scorer, else the grid search.
pub fn break_even(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
    weights: &[f64],
    criterion: usize,
) -> Result<BreakEven, SensitivityError> {
    let (_, n) = check_matrix(matrix)?;
    check_weights(weights, n)?;
    check_criterion(criterion, n)?;
    match checked_terms(scorer, matrix)? {
        Some(terms) => Ok(exact(&terms, weights, criterion, Search::Bisect)),
        None => break_even_grid(scorer, matrix, weights, criterion, DEFAULT_GRID_STEPS),
    }
}

/// A linear scorer's terms (vendors x criteria, finite), or `None` for any other scorer.
fn checked_terms(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
) -> Result<Option<Vec<Vec<f64>>>, SensitivityError> {
    let (m, n) = check_matrix(matrix)?;
    let mut terms = Vec::new();
    if !scorer.linear_terms(matrix, &mut terms) {
        return Ok(None);
    }
    if terms.len() != m
        || terms
            .iter()
            .any(|r| r.len() != n || r.iter().any(|x| !x.is_finite()))
    {
        return Err(SensitivityError::BadScores {
            len: terms.len(),
            expected: m,
        });
    }
    Ok(Some(terms))
}

/// The exact search on a linear scorer's `terms` (vendors x criteria), probing for a change
/// of the top vendor as `top` says (the tests compare both ways).
pub(crate) fn exact(
    terms: &[Vec<f64>],
    weights: &[f64],
    criterion: usize,
    top: Search,
) -> BreakEven {
    let (m, n) = (terms.len(), weights.len());
    // Lines s_i(t) = c_i + d_i t.
    let j = criterion;
    let rest = rest_sum(weights, j);
    let (c, d): (Vec<f64>, Vec<f64>) = terms
        .iter()
        .map(|row| {
            let b = if rest > 0.0 {
                (0..n)
                    .filter(|&k| k != j)
                    .map(|k| weights[k] * row[k])
                    .sum::<f64>()
                    / rest
            } else {
                (0..n).filter(|&k| k != j).map(|k| row[k]).sum::<f64>() / (n - 1).max(1) as f64
            };
            (b, row[j] - b)
        })
        .unzip();
    let at = |t: f64| -> Vec<f64> { c.iter().zip(&d).map(|(c, d)| c + d * t).collect() };
    let mut events: Vec<f64> = Vec::new();
    for a in 0..m {
        for b in a + 1..m {
            let t = (c[b] - c[a]) / (d[a] - d[b]);
            if t.is_finite() && (0.0..=1.0).contains(&t) {
                events.push(t);
            }
        }
    }
    events.sort_by(f64::total_cmp);
    events.dedup();
    let t0 = weights[j];
    let base = at(t0);
    let top0 = leaders(&base);
    let ranks0 = ranks(&base);
    let walk = |shift: Shift, state: &dyn Fn(&[f64]) -> bool, search: Search| {
        if n == 1 {
            return None;
        }
        let points = walk_points(&events, t0, shift);
        let probe = |k: usize| state(&at(probe_weight(&points, t0, k)));
        let k = match search {
            Search::Scan => (0..2 * points.len()).find(|&k| probe(k)),
            Search::Bisect => first_true(2 * points.len(), probe),
        }?;
        let i = k / 2;
        Some(if k % 2 == 0 {
            let before = if i == 0 { t0 } else { points[i - 1] };
            point(before, t0, shift, &at(probe_weight(&points, t0, k)))
        } else {
            let beyond = match points.get(i + 1) {
                Some(&next) => at(0.5 * (points[i] + next)),
                None => at(points[i]),
            };
            point(points[i], t0, shift, &beyond)
        })
    };
    let top_changed = |s: &[f64]| leaders(s) != top0;
    let rank_changed = |s: &[f64]| ranks(s) != ranks0;
    BreakEven {
        criterion,
        base_weight: t0,
        top_up: walk(Shift::Up, &top_changed, top),
        top_down: walk(Shift::Down, &top_changed, top),
        rank_up: walk(Shift::Up, &rank_changed, Search::Scan),
        rank_down: walk(Shift::Down, &rank_changed, Search::Scan),
        leaders: top0,
        method: BreakEvenMethod::Exact,
    }
}

/// How a walk finds its first change among its probes.
#[derive(Clone, Copy)]
pub(crate) enum Search {
    /// Probe in order: for the ranks, which usually change at the first crossing.
    Scan,
    /// Bisect: the leaders change where a challenger's line comes within `TIE_EPSILON` of
    /// a leader's, and once past it they stay changed (lines cross once), so the probes
    /// are false up to the first change and true after it. Without this the walk visits
    /// every crossing of two other vendors first: cubic in the vendors.
    Bisect,
}

/// The crossings a walk passes from `t0` in direction `shift`, in order, ending at 1 (up)
/// or 0 (down); empty when `t0` is already there.
fn walk_points(events: &[f64], t0: f64, shift: Shift) -> Vec<f64> {
    let mut points: Vec<f64> = match shift {
        Shift::Up => events
            .iter()
            .filter(|&&t| t > t0)
            .chain(&[1.0])
            .copied()
            .collect(),
        Shift::Down => events
            .iter()
            .rev()
            .filter(|&&t| t < t0)
            .chain(&[0.0])
            .copied()
            .collect(),
    };
    points.dedup();
    if points.first() == Some(&t0) {
        points.remove(0);
    }
    points
}

/// The weight of probe `k` of a walk: even probes are the midpoints of the open intervals
/// between crossings (from `t0`), odd ones the crossings themselves.
fn probe_weight(points: &[f64], t0: f64, k: usize) -> f64 {
    let i = k / 2;
    if k % 2 == 1 {
        return points[i];
    }
    let before = if i == 0 { t0 } else { points[i - 1] };
    0.5 * (before + points[i])
}

fn point(weight: f64, t0: f64, shift: Shift, scores: &[f64]) -> BreakPoint {
    BreakPoint {
        weight,
        change: weight - t0,
        shift,
        leaders: leaders(scores),
        ranks: ranks(scores),
    }
}

/// Break-even weights by the grid search with bisection, for any scorer (`steps` >= 1).
/// For the grid method `leaders` and `ranks` of a break point are those at the first grid
/// point past the change.
pub fn break_even_grid(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
    weights: &[f64],
    criterion: usize,
    steps: usize,
) -> Result<BreakEven, SensitivityError> {
    let (m, n) = check_matrix(matrix)?;
    check_weights(weights, n)?;
    check_criterion(criterion, n)?;
    if steps == 0 {
        return Err(SensitivityError::ZeroSteps);
    }
    let j = criterion;
    let t0 = weights[j];
    let rest = rest_sum(weights, j);
    let score_at = |t: f64| -> Result<Vec<f64>, SensitivityError> {
        let mut w = vec![0.0; n];
        swept_into(weights, j, t, rest, &mut w);
        checked_scores(scorer, matrix, &w, m)
    };
    let base = checked_scores(scorer, matrix, weights, m)?;
    let top0 = leaders(&base);
    let ranks0 = ranks(&base);
    let walk = |shift: Shift,
                changed: &dyn Fn(&[f64]) -> bool|
     -> Result<Option<BreakPoint>, SensitivityError> {
        if n == 1 {
            return Ok(None);
        }
        let grid: Vec<f64> = match shift {
            Shift::Up => (0..=steps)
                .map(|i| i as f64 / steps as f64)
                .filter(|&t| t > t0)
                .collect(),
            Shift::Down => (0..=steps)
                .rev()
                .map(|i| i as f64 / steps as f64)
                .filter(|&t| t < t0)
                .collect(),
        };
        let mut prev = t0;
        for p in grid {
            let s = score_at(p)?;
            if changed(&s) {
                let (mut lo, mut hi) = (prev, p);
                while (hi - lo).abs() > BISECTION_TOLERANCE {
                    let mid = 0.5 * (lo + hi);
                    if changed(&score_at(mid)?) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return Ok(Some(point(hi, t0, shift, &s)));
            }
            prev = p;
        }
        Ok(None)
    };
    let top_changed = |s: &[f64]| leaders(s) != top0;
    let rank_changed = |s: &[f64]| ranks(s) != ranks0;
    Ok(BreakEven {
        criterion,
        base_weight: t0,
        top_up: walk(Shift::Up, &top_changed)?,
        top_down: walk(Shift::Down, &top_changed)?,
        rank_up: walk(Shift::Up, &rank_changed)?,
        rank_down: walk(Shift::Down, &rank_changed)?,
        leaders: top0,
        method: BreakEvenMethod::Grid {
            steps,
            tolerance: BISECTION_TOLERANCE,
        },
    })
}

/// [`break_even`] for every criterion, in criterion order.
pub fn break_even_all(
    scorer: &dyn Scorer,
    matrix: &[Vec<f64>],
    weights: &[f64],
) -> Result<Vec<BreakEven>, SensitivityError> {
    let (_, n) = check_matrix(matrix)?;
    check_weights(weights, n)?;
    // The terms once for all criteria (per criterion they cost time in criteria²).
    match checked_terms(scorer, matrix)? {
        Some(terms) => Ok((0..n)
            .map(|j| exact(&terms, weights, j, Search::Bisect))
            .collect()),
        None => (0..n)
            .map(|j| break_even_grid(scorer, matrix, weights, j, DEFAULT_GRID_STEPS))
            .collect(),
    }
}
