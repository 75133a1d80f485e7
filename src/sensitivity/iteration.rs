//! One SMAA iteration: draw the evidence (a [`MatrixSampler`]), score the vendors, rank
//! them and credit the ranks; the accumulators the iterations add to, and each worker's
//! reusable buffers.

use super::engine::Accumulator;
use super::{tie_groups, Scorer, SensitivityError};
use crate::score::TIE_EPSILON;

/// The random generator handed to a [`MatrixSampler`].
pub type SmaaRng = rand_chacha::ChaCha8Rng;

/// Draws one decision matrix per iteration (data uncertainty).
pub trait MatrixSampler: Sync {
    /// Overwrites `matrix` (vendors x criteria, already that shape) with one draw.
    fn sample(&self, rng: &mut SmaaRng, matrix: &mut [Vec<f64>]);
}

impl<F> MatrixSampler for F
where
    F: Fn(&mut SmaaRng, &mut [Vec<f64>]) + Sync,
{
    fn sample(&self, rng: &mut SmaaRng, matrix: &mut [Vec<f64>]) {
        self(rng, matrix)
    }
}

/// Rank counts `counts[i * m + r]` (tie credit shared), first-rank weight sums
/// `weight_sums[i * n + c]`, and the number of iterations with a tie.
pub(crate) struct RankAcc {
    pub(crate) counts: Vec<f64>,
    pub(crate) weight_sums: Vec<f64>,
    pub(crate) ties: u64,
    m: usize,
    n: usize,
}

impl RankAcc {
    pub(crate) fn new(m: usize, n: usize) -> Self {
        RankAcc {
            counts: vec![0.0; m * m],
            weight_sums: vec![0.0; m * n],
            ties: 0,
            m,
            n,
        }
    }
}

impl Accumulator for RankAcc {
    fn merge(&mut self, o: &Self) {
        self.counts
            .iter_mut()
            .zip(&o.counts)
            .for_each(|(a, b)| *a += b);
        self.weight_sums
            .iter_mut()
            .zip(&o.weight_sums)
            .for_each(|(a, b)| *a += b);
        self.ties += o.ties;
    }

    fn bytes(&self) -> usize {
        8 * (self.counts.len() + self.weight_sums.len())
    }
}

/// First-place credit per vendor under its central weights.
pub(crate) struct FirstAcc(pub(crate) Vec<f64>);

impl Accumulator for FirstAcc {
    fn merge(&mut self, o: &Self) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a += b);
    }

    fn bytes(&self) -> usize {
        8 * self.0.len()
    }
}

/// A worker's reusable buffers (no allocation per iteration on the linear path).
pub(crate) struct Scratch {
    pub(crate) weights: Vec<f64>,
    matrix: Vec<Vec<f64>>,
    terms: Vec<Vec<f64>>,
    scores: Vec<f64>,
    order: Vec<usize>,
}

impl Scratch {
    pub(crate) fn new(matrix: &[Vec<f64>], terms: &[Vec<f64>]) -> Self {
        let (m, n) = (matrix.len(), matrix[0].len());
        Scratch {
            weights: vec![0.0; n],
            matrix: matrix.to_vec(),
            terms: terms.to_vec(),
            scores: vec![0.0; m],
            order: vec![0; m],
        }
    }
}

/// Linear terms must be vendors x criteria and finite.
pub(crate) fn check_terms(terms: &[Vec<f64>], m: usize, n: usize) -> Result<(), SensitivityError> {
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
    Ok(())
}

/// Draws a matrix into the scratch (checked) and refreshes the linear terms.
pub(crate) fn draw(
    scorer: &dyn Scorer,
    data: &dyn MatrixSampler,
    linear: bool,
    s: &mut Scratch,
    rng: &mut SmaaRng,
) -> Result<(), SensitivityError> {
    data.sample(rng, &mut s.matrix);
    let n = s.weights.len();
    if s.matrix.len() != s.scores.len() {
        return Err(SensitivityError::SizeMismatch {
            what: "drawn matrix",
            len: s.matrix.len(),
            expected: s.scores.len(),
        });
    }
    for (vendor, row) in s.matrix.iter().enumerate() {
        if row.len() != n {
            return Err(SensitivityError::RaggedRow {
                vendor,
                len: row.len(),
                expected: n,
            });
        }
        if let Some((criterion, &value)) = row.iter().enumerate().find(|(_, x)| !x.is_finite()) {
            return Err(SensitivityError::NonFiniteDraw {
                vendor,
                criterion,
                value,
            });
        }
    }
    if linear {
        scorer.linear_terms(&s.matrix, &mut s.terms);
        if s.terms.len() != s.scores.len() || s.terms.iter().any(|r| r.len() != n) {
            return check_terms(&s.terms, s.scores.len(), n);
        }
    }
    Ok(())
}

/// Scores the vendors into the scratch under `weights` (or the scratch's weights): the dot
/// product with the linear terms, or the scorer itself. Scores must be finite.
pub(crate) fn score(
    scorer: &dyn Scorer,
    linear: bool,
    s: &mut Scratch,
    weights: Option<&[f64]>,
) -> Result<(), SensitivityError> {
    let w = weights.unwrap_or(&s.weights);
    let m = s.scores.len();
    if linear {
        for (out, row) in s.scores.iter_mut().zip(&s.terms) {
            *out = row.iter().zip(w).map(|(a, b)| a * b).sum();
        }
    } else {
        let v = scorer.scores(&s.matrix, w);
        if v.len() != m {
            return Err(SensitivityError::BadScores {
                len: v.len(),
                expected: m,
            });
        }
        s.scores.copy_from_slice(&v);
    }
    if s.scores.iter().any(|x| !x.is_finite()) {
        return Err(SensitivityError::BadScores {
            len: m,
            expected: m,
        });
    }
    Ok(())
}

/// Ranks the scored vendors and credits ranks and first-rank weights: a group of `t` tied
/// vendors over ranks `r .. r + t - 1` gives each member `1/t` of each of those ranks.
pub(crate) fn rank_once(s: &mut Scratch, acc: &mut RankAcc) {
    let (m, n) = (acc.m, acc.n);
    let Scratch {
        weights,
        scores,
        order,
        ..
    } = s;
    let mut tied = false;
    tie_groups(scores, order, |start, group| {
        tied |= group.len() > 1;
        let credit = 1.0 / group.len() as f64;
        for &v in group {
            for r in start..start + group.len() {
                acc.counts[v * m + r] += credit;
            }
            if start == 0 {
                for (c, w) in weights.iter().enumerate() {
                    acc.weight_sums[v * n + c] += credit * w;
                }
            }
        }
    });
    acc.ties += u64::from(tied);
}

/// Vendor `i`'s first-place credit under weights `cw` (1, 0, or 1/t when t vendors tie first).
pub(crate) fn first_place(
    scorer: &dyn Scorer,
    linear: bool,
    s: &mut Scratch,
    i: usize,
    cw: &[f64],
) -> Result<f64, SensitivityError> {
    score(scorer, linear, s, Some(cw))?;
    // A tie group spans at most m - 1 steps of TIE_EPSILON: a vendor further below the best
    // cannot share rank 1, and a best vendor with no other that close is first alone.
    let reach = TIE_EPSILON * s.scores.len() as f64;
    let best = s.scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if s.scores[i] < best - reach {
        return Ok(0.0);
    }
    if s.scores.iter().filter(|&&x| x >= best - reach).count() == 1 {
        return Ok(1.0);
    }
    let mut credit = 0.0;
    tie_groups(&s.scores, &mut s.order, |start, group| {
        if start == 0 && group.contains(&i) {
            credit = 1.0 / group.len() as f64;
        }
    });
    Ok(credit)
}
