//! Is the leader's lead larger than the noise in the evidence? The evidence is redrawn
//! many times from each metric's uncertainty (`metrics::spread`), the vendors rescored
//! with the same method and weights, and the leader's share of wins against each other
//! vendor counted. A vendor the leader beats in fewer than 95% of redraws is tied with it
//! on the evidence, and the outputs say so in words.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::matrix::DecisionMatrix;

/// Redraws of the evidence.
pub const DRAWS: usize = 1000;
/// The share of redraws the leader must win to lead on the evidence.
pub const CONFIDENCE: f64 = 0.95;

/// The result of the check.
#[derive(Debug, Clone, PartialEq)]
pub struct NoiseCheck {
    pub draws: usize,
    pub seed: u64,
    pub leader: String,
    /// Every other ranked vendor with the share of redraws in which the leader scores
    /// strictly better, in ranking order.
    pub p_ahead: Vec<(String, f64)>,
}

impl NoiseCheck {
    /// The vendors tied with the leader on the evidence.
    pub fn tied(&self) -> Vec<&str> {
        self.p_ahead
            .iter()
            .filter(|(_, p)| *p < CONFIDENCE)
            .map(|(v, _)| v.as_str())
            .collect()
    }

    /// The finding in words.
    pub fn words(&self) -> String {
        let tied = self.tied();
        if self.p_ahead.is_empty() {
            return format!("`{}` is the only vendor ranked", self.leader);
        }
        if tied.is_empty() {
            let weakest = self.p_ahead.iter().map(|p| p.1).fold(1.0, f64::min);
            return format!(
                "`{}` leads on the evidence: it outscores every other vendor in at least {:.0}% of {} redraws of the evidence",
                self.leader, 100.0 * weakest, self.draws
            );
        }
        let parts: Vec<String> = self
            .p_ahead
            .iter()
            .filter(|(_, p)| *p < CONFIDENCE)
            .map(|(v, p)| format!("`{v}` ({:.0}%)", 100.0 * p))
            .collect();
        format!(
            "`{}` ranks first, but the evidence cannot separate it from {}: the percentages are the shares of {} redraws of the evidence in which `{}` scores higher ({:.0}% needed to call a lead)",
            self.leader, parts.join(", "), self.draws, self.leader, 100.0 * CONFIDENCE
        )
    }
}

/// Redraws the matrix's evidence [`DRAWS`] times and counts how often the leader
/// (`order[0]`, an index into the matrix's vendors) outscores each other vendor, listed
/// in `order`; `None` when no value is uncertain.
pub fn check(m: &DecisionMatrix, order: &[usize], seed: u64) -> Option<NoiseCheck> {
    if !m.is_uncertain() {
        return None;
    }
    let leader = order[0];
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut wins = vec![0usize; m.vendors.len()];
    let mut draw = m.values.clone();
    for _ in 0..DRAWS {
        m.redraw(&mut rng, |v, c, x| draw[v][c] = Some(x));
        let Ok(out) = m.score_values(&draw) else {
            continue;
        };
        let lead = out.scores[leader];
        for (v, w) in wins.iter_mut().enumerate() {
            let ahead = if out.higher_is_better {
                lead > out.scores[v]
            } else {
                lead < out.scores[v]
            };
            *w += usize::from(ahead);
        }
    }
    Some(NoiseCheck {
        draws: DRAWS,
        seed,
        leader: m.vendors[leader].clone(),
        p_ahead: order
            .iter()
            .filter(|&&v| v != leader)
            .map(|&v| (m.vendors[v].clone(), wins[v] as f64 / DRAWS as f64))
            .collect(),
    })
}
