//! Is the leader's lead larger than the noise in the evidence? The evidence is redrawn
//! many times from each metric's uncertainty (`metrics::spread`), the vendors rescored
//! with the same method and weights, and the leader's share of wins against each other
//! vendor counted. A vendor the leader beats in fewer than 95% of redraws is tied with it
//! on the evidence, and the outputs say so in words.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::criteria::Criteria;
use crate::decision::Direction;
use crate::decision::PreferenceFunction;
use crate::metrics::spread::Spread;
use crate::score::run::run;

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

/// Redraws `matrix` (vendors x criteria, the scored vendors) from `spreads` and counts
/// how often vendor `leader` outscores each other one; `None` when nothing is uncertain.
#[allow(clippy::too_many_arguments)]
pub fn check(
    cr: &Criteria,
    ids: &[String],
    matrix: &[Vec<Option<f64>>],
    spreads: &[Vec<Option<Spread>>],
    leader: usize,
    order: &[usize],
    seed: u64,
) -> Option<NoiseCheck> {
    if !spreads.iter().flatten().any(Option::is_some) {
        return None;
    }
    let directions: Vec<Direction> = cr.criteria.iter().map(|c| c.direction).collect();
    let weights: Vec<f64> = cr.criteria.iter().map(|c| c.weight).collect();
    let prefs: Vec<PreferenceFunction> = cr.criteria.iter().map(|c| c.preference).collect();
    let norms: Vec<_> = cr.criteria.iter().map(|c| c.normalisation).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut wins = vec![0usize; matrix.len()];
    let mut draw = matrix.to_vec();
    for _ in 0..DRAWS {
        for (v, row) in draw.iter_mut().enumerate() {
            for (c, x) in row.iter_mut().enumerate() {
                if let (Some(s), Some(_)) = (spreads[v][c], matrix[v][c]) {
                    *x = Some(s.sample(&mut rng));
                }
            }
        }
        let Ok(out) = run(cr.method, &draw, &directions, &weights, &prefs, &norms) else {
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
        leader: ids[leader].clone(),
        p_ahead: order
            .iter()
            .filter(|&&v| v != leader)
            .map(|&v| (ids[v].clone(), wins[v] as f64 / DRAWS as f64))
            .collect(),
    })
}
