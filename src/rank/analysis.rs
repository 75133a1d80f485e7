//! The sensitivity analysis of one ranking, as `vendorscore sensitivity` runs it: weight
//! sweeps, break-even weights and SMAA-2 (optionally with the evidence redrawn), with the
//! verdict in words.

use super::{RankError, Ranking};
use crate::criteria::Criteria;
use crate::decision::{Direction, Method, Normalisation, PreferenceFunction, WeightSpec};
use crate::score::run::run;
use crate::sensitivity::tornado::{tornado, TornadoRow};
use crate::sensitivity::{
    break_even_all, smaa, sweep, sweep_all, BreakEven, Scorer, SensitivityError, Shift,
    SmaaOptions, SmaaProblem, SmaaResult, SmaaRng, Sweep, WeightedSumScorer,
};

/// Any method as a higher-is-better `Scorer` (VIKOR's Q is negated).
pub struct MethodScorer {
    pub method: Method,
    pub directions: Vec<Direction>,
    pub preferences: Vec<PreferenceFunction>,
    /// The weighted sum's normalisations (empty: min-max).
    pub normalisations: Vec<Normalisation>,
}

impl Scorer for MethodScorer {
    fn scores(&self, matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
        let m: Vec<Vec<Option<f64>>> = matrix
            .iter()
            .map(|r| r.iter().map(|&x| Some(x)).collect())
            .collect();
        match run(
            self.method,
            &m,
            &self.directions,
            weights,
            &self.preferences,
            &self.normalisations,
        ) {
            Ok(out) if out.higher_is_better => out.scores,
            Ok(out) => out.scores.into_iter().map(|s| -s).collect(),
            Err(_) => Vec::new(),
        }
    }
}

/// Everything `sensitivity` reports.
pub struct Analysis {
    pub vendors: Vec<String>,
    pub criteria: Vec<String>,
    pub weights: Vec<f64>,
    /// Every criterion's weight sweep, or only [`report_sweep`]'s (see [`Settings`]).
    pub sweeps: Vec<Sweep>,
    pub break_even: Vec<BreakEven>,
    pub smaa: SmaaResult,
    pub with_evidence: bool,
    /// Whether the criteria file's `[sensitivity]` constrains the weights.
    pub constrained: bool,
    /// The leader (index into `vendors`, best at the current weights) and its rank-1
    /// margin, and each criterion's weight swung by half its value either way.
    pub leader: usize,
    pub margin: f64,
    pub tornado: Vec<TornadoRow>,
}

/// How far the tornado swings each weight: half its value either way.
pub const TORNADO_SWING: f64 = 0.5;

/// How much to compute.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// SMAA iterations.
    pub samples: u64,
    /// Steps of each weight sweep.
    pub steps: usize,
    pub seed: u64,
    /// Redraw the evidence in each SMAA iteration too.
    pub with_evidence: bool,
    /// Sweep every criterion's weight (`sensitivity`), or only the one the report draws
    /// ([`report_sweep`]): each sweep holds a weight vector per step, so sweeping all of
    /// `n` criteria costs memory in `n²`.
    pub all_sweeps: bool,
}

/// Runs the three analyses on a ranking's decision matrix, scored by its method, with
/// the weights drawn as `cr`'s `[sensitivity]` says.
pub fn analyse(
    r: &Ranking,
    cr: &Criteria,
    s: Settings,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Analysis, RankError> {
    let criteria: Vec<String> = r.criteria.iter().map(|c| c.id.clone()).collect();
    let named = |e: SensitivityError| RankError::Analysis(e.named(&r.scored_vendors, &criteria));
    let (samples, steps, seed, with_evidence) = (s.samples, s.steps, s.seed, s.with_evidence);
    let dm = &r.matrix;
    let method = dm.method;
    let directions = dm.directions();
    let matrix = dm.filled();
    let weights = dm.weights();
    let wsm = WeightedSumScorer {
        directions: directions.clone(),
    };
    let normalisations = dm.normalisations();
    // The fast linear path of the weighted sum assumes min-max normalisation.
    let min_max = normalisations.iter().all(|n| *n == Normalisation::MinMax);
    let other = MethodScorer {
        method,
        directions,
        preferences: dm.preferences(),
        normalisations,
    };
    let scorer: &dyn Scorer = if method == Method::WeightedSum && min_max {
        &wsm
    } else {
        &other
    };
    let break_even = break_even_all(scorer, &matrix, &weights).map_err(named)?;
    let sweeps = if s.all_sweeps {
        sweep_all(scorer, &matrix, &weights, steps).map_err(named)?
    } else {
        report_sweep(&break_even, &weights)
            .map(|c| sweep(scorer, &matrix, &weights, c, steps))
            .transpose()
            .map_err(named)?
            .into_iter()
            .collect()
    };
    let leader = r
        .ranked
        .first()
        .and_then(|t| r.scored_vendors.iter().position(|v| *v == t.vendor))
        .unwrap_or(0);
    let (margin, tornado) =
        tornado(scorer, &matrix, &weights, leader, TORNADO_SWING).map_err(named)?;
    let sampler =
        move |rng: &mut SmaaRng, m: &mut [Vec<f64>]| dm.redraw(rng, |v, c, x| m[v][c] = x);
    let spec: WeightSpec = cr.weight_spec.clone();
    let problem = SmaaProblem {
        scorer,
        matrix: &matrix,
        weights: &spec,
        data: if with_evidence { Some(&sampler) } else { None },
    };
    let smaa = smaa(&problem, &SmaaOptions::new(samples, seed), progress).map_err(named)?;
    let constrained = spec != WeightSpec::uniform();
    Ok(Analysis {
        vendors: r.scored_vendors.clone(),
        criteria,
        weights,
        sweeps,
        break_even,
        smaa,
        with_evidence,
        constrained,
        leader,
        margin,
        tornado,
    })
}

/// The criterion whose weight sweep the report draws: the one whose break-even weight
/// (a change of first place) is nearest to its current weight, else the heaviest.
pub fn report_sweep(break_even: &[BreakEven], weights: &[f64]) -> Option<usize> {
    let nearest = break_even
        .iter()
        .filter_map(|b| b.top_nearest().map(|p| (b.criterion, p.change.abs())))
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(c, _)| c);
    let heaviest = (0..weights.len()).max_by(|&x, &y| weights[x].total_cmp(&weights[y]));
    nearest.or(heaviest)
}

impl Analysis {
    /// What each SMAA iteration redrew: the weights, or the weights and the evidence.
    pub fn scenarios(&self) -> &'static str {
        if self.with_evidence {
            "weight and evidence scenarios"
        } else {
            "weight scenarios"
        }
    }

    /// The verdict in words: who ranks first how often, and the nearest weight change that
    /// hands first place to someone else.
    pub fn verdict(&self) -> Vec<String> {
        let mut out = Vec::new();
        let first: Vec<(usize, f64)> = {
            let mut v: Vec<(usize, f64)> = self
                .smaa
                .acceptability
                .iter()
                .enumerate()
                .map(|(i, b)| (i, b[0]))
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1));
            v
        };
        let scenarios = self.scenarios();
        if let Some(&(top, share)) = first.first() {
            let how = if self.constrained {
                "weights drawn within the criteria file's `[sensitivity]` ranges and order"
            } else {
                "weights drawn uniformly over all weightings"
            };
            out.push(format!(
                "`{}` ranks first in {:.0}% of {} {scenarios} ({how})",
                self.vendors[top],
                100.0 * share,
                self.smaa.samples
            ));
            let others: Vec<String> = first
                .iter()
                .skip(1)
                .filter(|(_, b)| *b >= 0.01)
                .map(|(i, b)| format!("`{}` {:.0}%", self.vendors[*i], 100.0 * b))
                .collect();
            if !others.is_empty() {
                out.push(format!(
                    "first place otherwise goes to {}",
                    others.join(", ")
                ));
            }
        }
        let nearest = self
            .break_even
            .iter()
            .filter_map(|b| b.top_nearest().map(|p| (b, p)))
            .min_by(|a, b| a.1.change.abs().total_cmp(&b.1.change.abs()));
        match nearest {
            Some((b, p)) => {
                let leader = b.leaders.first().map_or("?", |&l| self.vendors[l].as_str());
                let new: Vec<&str> = p
                    .leaders
                    .iter()
                    .map(|&l| self.vendors[l].as_str())
                    .collect();
                let dir = if p.shift == Shift::Up {
                    "rises above"
                } else {
                    "falls below"
                };
                out.push(format!(
                    "at the current weights `{leader}` loses first place to `{}` when the weight of `{}` {dir} {:.1}% (now {:.1}%)",
                    new.join("`, `"), self.criteria[b.criterion], 100.0 * p.weight, 100.0 * b.base_weight
                ));
            }
            None => out.push("no single weight change in [0, 100%] changes the leader".to_string()),
        }
        out
    }
}
