//! The common shape of every decision method's result, and each method's raw outputs.
//!
//! Each method takes `matrix[alternative][criterion]` (all finite), one `Direction` and
//! one weight per criterion (weights >= 0 summing to 1) plus its own parameters, and
//! returns a [`MethodOutput`]: the method's raw score, which direction of it is better,
//! competition ranks ("1224", ties within [`TIE_EPSILON`](super::TIE_EPSILON) shared, 1 best) and the
//! method's intermediate numbers in [`MethodDetails`].

use serde::Serialize;

use super::weighted_sum::Scored;

/// One method's result for every alternative, in input order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MethodOutput {
    /// The method's raw score (TOPSIS closeness, VIKOR Q, PROMETHEE net flow, ...).
    pub scores: Vec<f64>,
    /// Whether a higher score is better (false for VIKOR's Q).
    pub higher_is_better: bool,
    /// Competition ranks of `scores`, 1 best, ties within `TIE_EPSILON` shared (for the
    /// weighted product, within `TIE_EPSILON` of ln(score), a relative tolerance).
    pub ranks: Vec<usize>,
    /// The method's intermediate outputs.
    pub details: MethodDetails,
}

/// Each method's raw outputs, beyond its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum MethodDetails {
    /// Weighted sum: each criterion's points (`contributions[alternative][criterion]`).
    WeightedSum {
        contributions: Vec<Vec<f64>>,
    },
    WeightedProduct(WpmDetails),
    Topsis(TopsisDetails),
    Vikor(VikorDetails),
    Promethee(PrometheeDetails),
}

impl From<Scored> for MethodOutput {
    /// The weighted sum's result in the common shape (scores 0..=100, higher better).
    fn from(s: Scored) -> Self {
        MethodOutput {
            scores: s.scores,
            higher_is_better: true,
            ranks: s.ranks,
            details: MethodDetails::WeightedSum {
                contributions: s.contributions,
            },
        }
    }
}

/// The positive normalisation the product runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WpmNormalisation {
    /// Benefit x / max, cost min / x: the best alternative on a criterion gets 1, so the
    /// score is in (0, 1] and 1 means best on every criterion.
    #[default]
    Max,
    /// Benefit x / Σx, cost (1/x) / Σ(1/x): shares of the column total.
    Sum,
}

/// WPM's raw outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WpmDetails {
    pub normalisation: WpmNormalisation,
    /// ln of each score, Σ_j w_j ln r_ij. The ranks are taken on these, so two products
    /// tie when they agree to a relative `TIE_EPSILON`.
    pub log_scores: Vec<f64>,
}

/// The normalisation TOPSIS runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TopsisNormalisation {
    /// r = x / √Σx² (cost 1 - r): Hwang and Yoon's original.
    #[default]
    Vector,
    /// r = (x - min)/(max - min), cost (max - x)/(max - min): pymcdm's default.
    MinMax,
}

/// TOPSIS's raw outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopsisDetails {
    pub normalisation: TopsisNormalisation,
    /// Per criterion, the ideal weighted normalised value v+_j.
    pub ideal: Vec<f64>,
    /// Per criterion, the anti-ideal weighted normalised value v-_j.
    pub anti_ideal: Vec<f64>,
    /// Per alternative, the distance to the ideal D+.
    pub d_plus: Vec<f64>,
    /// Per alternative, the distance to the anti-ideal D-.
    pub d_minus: Vec<f64>,
}

/// VIKOR's raw outputs. S, R and Q are all lower-is-better.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VikorDetails {
    pub v: f64,
    /// Per criterion, the best value f*_j (in the criterion's own units).
    pub best: Vec<f64>,
    /// Per criterion, the worst value f-_j.
    pub worst: Vec<f64>,
    /// Group utility S_i (weighted sum of normalised regrets).
    pub s: Vec<f64>,
    /// Individual regret R_i (largest weighted normalised regret).
    pub r: Vec<f64>,
    /// Q_i, also the method's score.
    pub q: Vec<f64>,
    /// DQ = 1/(m - 1) (1 when there is a single alternative).
    pub dq: f64,
    /// C1: the first by Q beats the second by at least DQ.
    pub acceptable_advantage: bool,
    /// C2: the first by Q is also first by S or by R.
    pub acceptable_stability: bool,
    /// The compromise solutions, alternative indices in order of Q.
    pub compromise: Vec<usize>,
}

/// PROMETHEE II's raw outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrometheeDetails {
    /// Positive (leaving) flow φ+.
    pub phi_plus: Vec<f64>,
    /// Negative (entering) flow φ-.
    pub phi_minus: Vec<f64>,
    /// Net flow φ = φ+ - φ-, also the method's score.
    pub phi_net: Vec<f64>,
}
