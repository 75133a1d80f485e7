//! Where a criteria file's weights come from, and the weights a ranking finally uses.
//!
//! A file's weights are direct (each criterion's `weight`, shared out by groups) or AHP
//! (the principal eigenvector of the `[weights]` pairwise matrix); both are known when the
//! file is validated. Objective weights (entropy, CRITIC) depend on the vendors ranked, so
//! `Weighting::effective` blends them in at ranking time: w = α·file + (1 - α)·objective.

use serde::Serialize;

use super::raw::Pos;
use crate::decision::Direction;
use crate::score::error::ScoreError;
use crate::score::weights::ahp::Ahp;
use crate::score::weights::{blend, objective};

/// The AHP weights of a file: the matrix's criterion order and the eigenvector result.
#[derive(Debug, Clone, PartialEq)]
pub struct AhpWeights {
    /// Criterion ids in the order of the matrix's rows.
    pub order: Vec<String>,
    /// The eigenvector result, its `weights` in criteria (file) order, not `order`.
    pub result: Ahp,
    /// The file accepted a consistency ratio above 0.10.
    pub allow_inconsistent: bool,
}

/// Objective weights computed from the decision matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// Shannon entropy of each column's shares.
    Entropy,
    /// CRITIC: contrast (standard deviation) times conflict (1 - correlation).
    Critic,
}

impl Objective {
    /// The names used in files and output.
    pub const NAMES: [&'static str; 2] = ["entropy", "critic"];

    /// `entropy` or `critic`.
    pub fn name(self) -> &'static str {
        match self {
            Objective::Entropy => "entropy",
            Objective::Critic => "critic",
        }
    }
}

/// Objective weights to blend with the file's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Blend {
    pub objective: Objective,
    /// Share of the file's (subjective) weights, 0 to 1; 0 uses the objective ones alone.
    pub alpha: f64,
    /// Where `objective` is written, for problems found when ranking.
    pub pos: Pos,
}

/// Where a file's weights come from (`[weights]`; docs/criteria.md).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weighting {
    /// Set when the weights come from an AHP matrix.
    pub ahp: Option<AhpWeights>,
    /// Set when objective weights are blended in.
    pub blend: Option<Blend>,
}

/// The weights a ranking used and how they were found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightsUsed {
    /// `direct` or `ahp`: where the file's weights come from.
    pub source: &'static str,
    /// The file's effective weights (direct or AHP), summing to 1.
    pub subjective: Vec<f64>,
    /// The AHP figures (λmax, CI, RI, CR) when `source` is `ahp`.
    pub ahp: Option<Ahp>,
    /// `entropy` or `critic` when objective weights are blended in.
    pub objective: Option<&'static str>,
    /// The objective weights of the ranked vendors' data.
    pub objective_weights: Option<Vec<f64>>,
    /// α, the share of the file's weights in the blend.
    pub blend: Option<f64>,
    /// The weights the method used, summing to 1.
    pub effective: Vec<f64>,
}

impl Weighting {
    /// The weights to rank with: the file's `subjective` weights, blended with objective
    /// weights of `matrix` (ranked vendors x criteria, missing values already filled) when
    /// the file asks for them.
    pub fn effective(
        &self,
        subjective: &[f64],
        matrix: &[Vec<f64>],
        directions: &[Direction],
    ) -> Result<WeightsUsed, ScoreError> {
        let mut used = WeightsUsed {
            source: if self.ahp.is_some() { "ahp" } else { "direct" },
            subjective: subjective.to_vec(),
            ahp: self.ahp.as_ref().map(|a| a.result.clone()),
            objective: None,
            objective_weights: None,
            blend: None,
            effective: subjective.to_vec(),
        };
        let Some(b) = &self.blend else {
            return Ok(used);
        };
        let objective = match b.objective {
            Objective::Entropy => objective::entropy(matrix)?.weights,
            Objective::Critic => objective::critic(matrix, directions)?.weights,
        };
        used.effective = blend(subjective, &objective, b.alpha)?;
        used.objective = Some(b.objective.name());
        used.objective_weights = Some(objective);
        used.blend = Some(b.alpha);
        Ok(used)
    }
}

impl WeightsUsed {
    /// One line on how the weights were found, for the table; `None` for plain direct
    /// weights. `vendors` is how many vendors the objective weights were computed on.
    pub fn note(&self, vendors: usize) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(a) = &self.ahp {
            parts.push(format!(
                "AHP principal eigenvector (λmax {:.3}, consistency ratio {:.3}{})",
                a.lambda_max,
                a.consistency_ratio,
                if a.is_consistent() {
                    ", at most 0.10"
                } else {
                    ", above 0.10, accepted by allow_inconsistent"
                }
            ));
        }
        if let (Some(o), Some(alpha)) = (self.objective, self.blend) {
            let file = if self.ahp.is_some() { "AHP" } else { "file's" };
            parts.push(if alpha == 0.0 {
                format!("{o} weights of the {vendors} ranked vendors' data alone")
            } else {
                format!(
                    "{:.0}% the {file} weights, {:.0}% {o} weights of the {vendors} ranked vendors' data",
                    100.0 * alpha,
                    100.0 * (1.0 - alpha)
                )
            });
        }
        if parts.is_empty() {
            None
        } else {
            Some(format!("weights: {}", parts.join("; ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Max, Min};

    /// Entropy by hand on two columns of three vendors: [1, 1, 1] is constant (E = 1,
    /// weight 0); [1, 2, 3] has shares 1/6, 2/6, 3/6 and E = 0.92062 (d = 0.07938), so the
    /// entropy weights are [0, 1]; blended half and half with [0.8, 0.2]: [0.4, 0.6].
    #[test]
    fn entropy_blend_by_hand() {
        let w = Weighting {
            ahp: None,
            blend: Some(Blend {
                objective: Objective::Entropy,
                alpha: 0.5,
                pos: Pos { line: 1, column: 1 },
            }),
        };
        let m = vec![vec![1.0, 1.0], vec![1.0, 2.0], vec![1.0, 3.0]];
        let used = w.effective(&[0.8, 0.2], &m, &[Max, Min]).unwrap();
        assert_eq!(used.objective_weights, Some(vec![0.0, 1.0]));
        for (g, e) in used.effective.iter().zip([0.4, 0.6]) {
            assert!((g - e).abs() < 1e-12, "{used:?}");
        }
        assert_eq!(
            used.note(3).unwrap(),
            "weights: 50% the file's weights, 50% entropy weights of the 3 ranked vendors' data"
        );
        // Every column constant: entropy has no information, an error and not NaN.
        assert!(w
            .effective(&[0.5, 0.5], &vec![vec![1.0, 2.0]; 3], &[Max, Max])
            .is_err());
    }

    #[test]
    fn direct_weights_pass_through_without_a_note() {
        let used = Weighting::default()
            .effective(&[0.25, 0.75], &[vec![1.0, 2.0]], &[Max, Max])
            .unwrap();
        assert_eq!(used.effective, vec![0.25, 0.75]);
        assert_eq!(used.source, "direct");
        assert_eq!(used.note(1), None);
    }
}
