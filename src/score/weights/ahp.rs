//! AHP weights: the principal eigenvector of a pairwise comparison matrix, with Saaty's
//! consistency ratio.
//!
//! Saaty (1980), *The Analytic Hierarchy Process*, McGraw-Hill; Saaty (1990), "How to
//! make a decision: the analytic hierarchy process", EJOR 48:9-26. `a[i][j]` says how many
//! times criterion i matters more than criterion j (1 to 9 and reciprocals), so
//! a[j][i] = 1/a[i][j] and a[i][i] = 1. The weights are the principal (Perron) eigenvector
//! A w = λmax w, found by power iteration until no weight moves by more than 1e-12;
//! CI = (λmax - n)/(n - 1) and CR = CI / RI(n) with Saaty's (1980) random-index table.
//! For n <= 2, RI = 0 and every reciprocal matrix is consistent: CR is defined as 0.

use serde::Serialize;

use crate::score::error::ScoreError;

/// Saaty's (1980) random consistency index RI(n) for n = 1..=10: the mean CI of random
/// reciprocal matrices on the 1/9..9 scale. Other published tables (Alonso and Lamata
/// 2006; Tummala and Ling 1998, used by pymcdm) differ in the second decimal.
pub const SAATY_1980_RANDOM_INDEX: [f64; 10] =
    [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/// Saaty's rule: a consistency ratio above this means the judgements should be revised.
pub const CONSISTENCY_RATIO_LIMIT: f64 = 0.10;

/// Tolerance on |a[i][j]·a[j][i] - 1| and on |a[i][i] - 1|: 5%, so reciprocals written
/// with two decimals (0.33, 0.14, 0.13 for 1/3, 1/7, 1/8: products 0.99, 0.98, 1.04) are
/// accepted, while a slip such as 3 against 1/2 (product 1.5) or 3 against 3 is refused.
/// The eigenvector is computed on the matrix as given.
pub const RECIPROCAL_TOLERANCE: f64 = 0.05;

/// Power iteration stops when no weight changes by more than this.
pub const EIGEN_TOLERANCE: f64 = 1e-12;

/// Power iteration gives up after this many steps (positive matrices converge far sooner).
pub const MAX_ITERATIONS: usize = 100_000;

/// The AHP result: weights and the consistency figures behind them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ahp {
    /// The principal eigenvector, normalised to sum 1.
    pub weights: Vec<f64>,
    /// The principal eigenvalue λmax (>= n; n for a perfectly consistent matrix).
    pub lambda_max: f64,
    /// CI = (λmax - n)/(n - 1), 0 for n = 1.
    pub consistency_index: f64,
    /// RI(n) from `SAATY_1980_RANDOM_INDEX`.
    pub random_index: f64,
    /// CR = CI / RI (0 when RI = 0, n <= 2).
    pub consistency_ratio: f64,
    /// Power-iteration steps taken.
    pub iterations: usize,
}

impl Ahp {
    /// True when CR <= 0.10 (Saaty's rule).
    pub fn is_consistent(&self) -> bool {
        self.consistency_ratio <= CONSISTENCY_RATIO_LIMIT
    }
}

/// Checks that the matrix is square, positive and reciprocal within `RECIPROCAL_TOLERANCE`.
fn check(a: &[Vec<f64>]) -> Result<usize, ScoreError> {
    let n = a.len();
    if n == 0 {
        return Err(ScoreError::NoCriteria);
    }
    if n > SAATY_1980_RANDOM_INDEX.len() {
        return Err(ScoreError::MatrixTooLarge {
            n,
            max: SAATY_1980_RANDOM_INDEX.len(),
        });
    }
    for (row, r) in a.iter().enumerate() {
        if r.len() != n {
            return Err(ScoreError::NotSquare {
                row,
                len: r.len(),
                expected: n,
            });
        }
    }
    for (i, row) in a.iter().enumerate() {
        if let Some((j, &value)) = row
            .iter()
            .enumerate()
            .find(|(_, v)| !v.is_finite() || **v <= 0.0)
        {
            return Err(ScoreError::NonPositiveComparison { i, j, value });
        }
    }
    for (i, row) in a.iter().enumerate() {
        if (row[i] - 1.0).abs() > RECIPROCAL_TOLERANCE {
            return Err(ScoreError::DiagonalNotOne { i, value: row[i] });
        }
        for (j, other) in a.iter().enumerate().skip(i + 1) {
            if (row[j] * other[i] - 1.0).abs() > RECIPROCAL_TOLERANCE {
                return Err(ScoreError::NotReciprocal {
                    i,
                    j,
                    a_ij: row[j],
                    a_ji: other[i],
                });
            }
        }
    }
    Ok(n)
}

/// AHP weights and consistency from a pairwise comparison matrix (see the module docs).
pub fn ahp(pairwise: &[Vec<f64>]) -> Result<Ahp, ScoreError> {
    let n = check(pairwise)?;
    // Start from the normalised row geometric means (the logarithmic least-squares
    // solution), which is already close to the eigenvector.
    let mut w: Vec<f64> = pairwise
        .iter()
        .map(|row| (row.iter().map(|x| x.ln()).sum::<f64>() / n as f64).exp())
        .collect();
    let total: f64 = w.iter().sum();
    w.iter_mut().for_each(|x| *x /= total);
    let mut iterations = 0;
    let lambda = loop {
        if iterations == MAX_ITERATIONS {
            return Err(ScoreError::NotConverged { iterations });
        }
        iterations += 1;
        let next: Vec<f64> = pairwise
            .iter()
            .map(|row| row.iter().zip(&w).map(|(a, x)| a * x).sum())
            .collect();
        // With Σw = 1, Σ(Aw) tends to λmax.
        let lambda: f64 = next.iter().sum();
        let next: Vec<f64> = next.iter().map(|x| x / lambda).collect();
        let moved = next
            .iter()
            .zip(&w)
            .fold(0.0_f64, |m, (a, b)| m.max((a - b).abs()));
        w = next;
        if moved <= EIGEN_TOLERANCE {
            break lambda;
        }
    };
    let consistency_index = if n > 1 {
        ((lambda - n as f64) / (n - 1) as f64).max(0.0)
    } else {
        0.0
    };
    let random_index = SAATY_1980_RANDOM_INDEX[n - 1];
    let consistency_ratio = if random_index > 0.0 {
        consistency_index / random_index
    } else {
        0.0
    };
    Ok(Ahp {
        weights: w,
        lambda_max: lambda,
        consistency_index,
        random_index,
        consistency_ratio,
        iterations,
    })
}

#[cfg(test)]
#[path = "ahp_tests.rs"]
mod tests;
