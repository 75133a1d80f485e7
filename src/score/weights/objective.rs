//! Objective weights from the data: Shannon entropy and CRITIC.
//!
//! Entropy (Shannon 1948; for MCDM, Hwang and Yoon 1981, ch. 2 and Zeleny 1982): on
//! column shares p_ij = x_ij / Σ_i x_ij, E_j = -Σ_i p_ij ln p_ij / ln m (with 0·ln 0 = 0),
//! diversity d_j = 1 - E_j and w_j = d_j / Σ d. Values must be >= 0; direction does not
//! enter. A constant column (all shares 1/m, E = 1) gets weight 0 exactly.
//!
//! CRITIC (Diakoulaki, Mavrotas and Papayannakis 1995, "Determining objective weights in
//! multiple criteria problems: the CRITIC method", Computers & Operations Research
//! 22(7):763-770): on min-max normalised columns (direction-aware, as Diakoulaki: 1 is the
//! best value), C_j = σ_j Σ_k (1 - r_jk) with σ the standard deviation and r Pearson's
//! correlation; w_j = C_j / Σ C. Constant columns get weight 0 and are left out of the
//! other columns' sums, so adding a constant criterion changes no other weight.

use serde::Serialize;

use crate::decision::Direction;
use crate::score::column_scaling;
use crate::score::error::ScoreError;
use crate::score::inputs::columns;

/// Entropy weights and the figures behind them (one entry per criterion).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntropyWeights {
    pub weights: Vec<f64>,
    /// Normalised Shannon entropy E_j in 0..=1.
    pub entropy: Vec<f64>,
    /// Degree of diversification d_j = 1 - E_j.
    pub diversity: Vec<f64>,
}

/// CRITIC weights and the figures behind them (one entry per criterion).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriticWeights {
    pub weights: Vec<f64>,
    /// Standard deviation σ_j of the min-max normalised column (population form).
    pub std_dev: Vec<f64>,
    /// Conflict Σ_k (1 - r_jk) over the non-constant criteria.
    pub conflict: Vec<f64>,
    /// Information C_j = σ_j × conflict_j.
    pub information: Vec<f64>,
}

/// Shape checks shared by both: at least two alternatives, rectangular, finite.
fn check(matrix: &[Vec<f64>], method: &'static str) -> Result<usize, ScoreError> {
    if matrix.len() < 2 {
        return Err(ScoreError::TooFewAlternatives {
            method,
            needed: 2,
            got: matrix.len(),
        });
    }
    let n = matrix[0].len();
    if n == 0 {
        return Err(ScoreError::NoCriteria);
    }
    for (alternative, row) in matrix.iter().enumerate() {
        if row.len() != n {
            return Err(ScoreError::RaggedRow {
                alternative,
                len: row.len(),
                expected: n,
            });
        }
        if let Some((criterion, &value)) = row.iter().enumerate().find(|(_, x)| !x.is_finite()) {
            return Err(ScoreError::NonFinite {
                alternative,
                criterion,
                value,
            });
        }
    }
    Ok(n)
}

fn is_constant(col: &[f64]) -> bool {
    col.iter().all(|&x| x == col[0])
}

/// Entropy weights of a non-negative decision matrix (see the module docs).
pub fn entropy(matrix: &[Vec<f64>]) -> Result<EntropyWeights, ScoreError> {
    const METHOD: &str = "entropy weights";
    let n = check(matrix, METHOD)?;
    for (alternative, row) in matrix.iter().enumerate() {
        if let Some((criterion, &value)) = row.iter().enumerate().find(|(_, x)| **x < 0.0) {
            return Err(ScoreError::NegativeValue {
                method: METHOD,
                alternative,
                criterion,
                value,
            });
        }
    }
    let ln_m = (matrix.len() as f64).ln();
    let mut entropy = vec![1.0; n];
    for (j, col) in columns(matrix, n).iter().enumerate() {
        if is_constant(col) {
            continue;
        }
        // Shares from the column scaled by its maximum, so the sum cannot overflow.
        let top = col.iter().copied().fold(0.0, f64::max);
        let total: f64 = col.iter().map(|x| x / top).sum();
        let h: f64 = col
            .iter()
            .map(|x| x / top / total)
            .filter(|&p| p > 0.0)
            .map(|p| -p * p.ln())
            .sum();
        entropy[j] = (h / ln_m).clamp(0.0, 1.0);
    }
    let diversity: Vec<f64> = entropy.iter().map(|e| 1.0 - e).collect();
    let weights = share(&diversity).ok_or(ScoreError::AllConstant { method: METHOD })?;
    Ok(EntropyWeights {
        weights,
        entropy,
        diversity,
    })
}

/// Each value's share of the total, or None when the total is 0.
fn share(values: &[f64]) -> Option<Vec<f64>> {
    let total: f64 = values.iter().sum();
    (total > 0.0).then(|| values.iter().map(|v| v / total).collect())
}

/// Population mean and standard deviation.
fn mean_sd(col: &[f64]) -> (f64, f64) {
    let m = col.len() as f64;
    let mean = col.iter().sum::<f64>() / m;
    let var = col.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / m;
    (mean, var.sqrt())
}

/// CRITIC weights (see the module docs). `directions` orient the min-max normalisation.
///
/// When no two informative criteria conflict (one non-constant criterion, or all
/// perfectly positively correlated) every C_j is 0; the weights then fall back to the
/// standard deviations σ_j, which is what CRITIC weighs when conflict is equal.
pub fn critic(matrix: &[Vec<f64>], directions: &[Direction]) -> Result<CriticWeights, ScoreError> {
    const METHOD: &str = "critic weights";
    let n = check(matrix, METHOD)?;
    if directions.len() != n {
        return Err(ScoreError::LengthMismatch {
            what: "directions",
            len: directions.len(),
            expected: n,
        });
    }
    let cols: Vec<Vec<f64>> = columns(matrix, n)
        .iter()
        .zip(directions)
        .map(|(col, &d)| {
            let present: Vec<Option<f64>> = col.iter().map(|&x| Some(x)).collect();
            column_scaling::min_max(&present, d)
        })
        .collect();
    let stats: Vec<(f64, f64)> = cols.iter().map(|c| mean_sd(c)).collect();
    let informative: Vec<bool> = cols
        .iter()
        .zip(&stats)
        .map(|(c, &(_, sd))| !is_constant(c) && sd > 0.0)
        .collect();
    if !informative.contains(&true) {
        return Err(ScoreError::AllConstant { method: METHOD });
    }
    let m = matrix.len() as f64;
    let mut conflict = vec![0.0; n];
    for j in (0..n).filter(|&j| informative[j]) {
        for k in (0..n).filter(|&k| informative[k] && k != j) {
            let (mj, sj) = stats[j];
            let (mk, sk) = stats[k];
            let cov: f64 = cols[j]
                .iter()
                .zip(&cols[k])
                .map(|(a, b)| (a - mj) * (b - mk))
                .sum::<f64>()
                / m;
            let r = (cov / (sj * sk)).clamp(-1.0, 1.0);
            conflict[j] += 1.0 - r;
        }
    }
    let std_dev: Vec<f64> = (0..n)
        .map(|j| if informative[j] { stats[j].1 } else { 0.0 })
        .collect();
    let information: Vec<f64> = std_dev.iter().zip(&conflict).map(|(s, c)| s * c).collect();
    let weights = share(&information)
        .or_else(|| share(&std_dev))
        .ok_or(ScoreError::AllConstant { method: METHOD })?;
    Ok(CriticWeights {
        weights,
        std_dev,
        conflict,
        information,
    })
}

#[cfg(test)]
#[path = "objective_tests.rs"]
mod tests;
