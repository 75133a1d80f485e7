//! The ranking pipeline: metrics -> metric-name checks -> decision matrix (resolved
//! once) -> gates -> missing policy -> weights -> score -> evidence check.
//!
//! `rank` takes a loaded dataset and validated criteria and returns a `Ranking`, the one
//! value every renderer reads. Every problem with the criteria against this dataset is
//! reported at once. `analysis` runs the sensitivity analysis of a `Ranking`; `verdict`
//! says in one word and one sentence how robust its lead is.

pub mod analysis;
mod metric_names;
mod notes;
pub mod verdict;

use crate::cost::{PricingContext, Quote};
use crate::criteria::{Criteria, Missing, WeightsUsed};
use crate::dataset::Dataset;
use crate::decision::{Method, Normalisation};
use crate::gates::{self, Reason};
use crate::matrix::{self, DecisionMatrix, Resolved};
use crate::metrics::Metrics;
use crate::problem::{render_all, Problem};
use crate::score::method::{MethodDetails, MethodOutput};
use metric_names::check_names;
use notes::{method_disagreement, no_value};

pub use crate::matrix::CriterionInfo;

/// A ranked vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub vendor: String,
    pub name: String,
    pub rank: usize,
    /// 0..=100.
    pub score: f64,
    /// Per criterion, in criteria order; they sum to `score` (weighted sum only; empty
    /// for the other methods, whose scores do not split by criterion).
    pub contributions: Vec<f64>,
    /// The metric values behind each criterion (`None`: not observed, scored as worst).
    pub values: Vec<Option<f64>>,
}

/// A vendor left out, with every reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Excluded {
    pub vendor: String,
    pub name: String,
    pub reasons: Vec<Reason>,
}

/// The result of ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub title: String,
    pub criteria_file: String,
    pub dataset: String,
    /// The client profile's name when the ranking is for one (`--client`).
    pub client: Option<String>,
    pub method: &'static str,
    /// Whether a higher score is better (false for VIKOR's Q).
    pub higher_is_better: bool,
    /// The method's raw outputs, indexed like `scored_vendors`.
    pub details: MethodDetails,
    /// The vendors the details refer to, in their order (dataset order).
    pub scored_vendors: Vec<String>,
    /// Every vendor of the dataset, in dataset order (for colours that stay put).
    pub all_vendors: Vec<(String, String)>,
    pub criteria: Vec<CriterionInfo>,
    /// The weights used and how they were found (direct, AHP, blended with objective ones);
    /// `criteria[i].weight` is `weights.effective[i]`.
    pub weights: WeightsUsed,
    /// Groups as (id, label, share of total).
    pub groups: Vec<(String, String, f64)>,
    /// Best first; ties keep dataset order.
    pub ranked: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
    pub warnings: Vec<String>,
    /// When `--method` replaced the file's method and they put different vendors first,
    /// that in one line.
    pub disagreement: Option<String>,
    pub pricing: PricingContext,
    /// Every vendor's quote for the fleet (or why none), in dataset order; empty without
    /// a pricing file.
    pub quotes: Vec<(String, Result<Quote, String>)>,
    /// Whether the leader's lead exceeds the noise of the evidence; `None` when no
    /// criterion's metric carries uncertainty.
    pub noise: Option<crate::noise::NoiseCheck>,
    /// The decision matrix of the scored vendors (`scored_vendors` order), with the
    /// effective weights and each value's uncertainty.
    pub matrix: DecisionMatrix,
}

/// Errors of ranking a valid dataset with valid criteria.
#[derive(Debug, thiserror::Error)]
pub enum RankError {
    #[error("{}", render_all(.problems))]
    Invalid { problems: Vec<Problem> },
    #[error("every vendor is excluded, so there is nothing to rank:\n{}\n  hint: relax {} or check the evidence", .excluded.iter().map(|e| format!("  {}: {}", e.vendor, e.reasons.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join("; "))).collect::<Vec<_>>().join("\n"), .places.join(", "))]
    AllExcluded {
        excluded: Vec<Excluded>,
        /// Where each gate or criterion that excluded a vendor is written
        /// (`criteria.toml:12:10 (gate `not-restricted`)`).
        places: Vec<String>,
    },
    /// The sensitivity analysis of a ranking could not be computed (vendors and criteria
    /// named by id).
    #[error("the sensitivity analysis cannot be computed: {0}")]
    Analysis(String),
}

/// Ranks the vendors of `ds` by `cr`, pricing the fleet and contract of `pricing`.
///
/// `seed` drives the redraws of the evidence that tell a lead from noise.
pub fn rank(
    ds: &Dataset,
    cr: &Criteria,
    pricing: &PricingContext,
    seed: u64,
) -> Result<Ranking, RankError> {
    let metrics = Metrics::compute(ds, pricing);
    let mut warnings = Vec::new();
    let problems = check_names(cr, &metrics, &mut warnings);
    if !problems.is_empty() {
        return Err(RankError::Invalid { problems });
    }
    let resolved = matrix::resolve(cr, &metrics, ds.vendors.len());
    let mut reasons: Vec<Vec<Reason>> = resolved
        .gate_values
        .iter()
        .map(|values| gates::check_values(&cr.gates, values))
        .collect();
    apply_missing(ds, cr, &resolved, &mut reasons, &mut warnings)?;
    let (kept, excluded) = split(ds, cr, &reasons)?;
    let ids: Vec<String> = kept.iter().map(|&v| ds.vendors[v].id.clone()).collect();
    let mut matrix = resolved.keep(&kept, ids);
    let weights = effective_weights(cr, &matrix)?;
    matrix.set_weights(&weights.effective);
    if cr.method != Method::WeightedSum
        && matrix
            .normalisations()
            .iter()
            .any(|n| *n != Normalisation::MinMax)
    {
        warnings.push(format!("the criteria file's `normalisation` applies to the weighted sum only; `{}` normalises by its own definition (docs/methods.md)", cr.method.name()));
    }
    let out = score(cr, &matrix)?;
    let disagreement = method_disagreement(cr, &matrix, &out);
    let ranked = ranked_vendors(ds, &kept, &matrix, &out);
    let order: Vec<usize> = ranked
        .iter()
        .map(|r| {
            matrix
                .vendors
                .iter()
                .position(|i| *i == r.vendor)
                .expect("ranked vendors are kept")
        })
        .collect();
    let noise = crate::noise::check(&matrix, &order, seed);
    Ok(Ranking {
        title: cr.name.clone(),
        criteria_file: cr.file.clone(),
        dataset: ds.label.clone(),
        client: None,
        method: cr.method.name(),
        higher_is_better: out.higher_is_better,
        details: out.details,
        scored_vendors: matrix.vendors.clone(),
        all_vendors: ds
            .vendors
            .iter()
            .map(|v| (v.id.clone(), v.name.clone()))
            .collect(),
        criteria: matrix.criteria.clone(),
        groups: group_shares(cr, &matrix),
        weights,
        ranked,
        excluded,
        warnings,
        disagreement,
        pricing: pricing.clone(),
        noise,
        matrix,
        quotes: if ds.pricing.is_some() {
            ds.vendors
                .iter()
                .map(|v| v.id.clone())
                .zip(metrics.quotes.iter().cloned())
                .collect()
        } else {
            Vec::new()
        },
    })
}

/// The criteria file's `missing` policy: a criterion no vendor has a value for is a
/// problem; a vendor without a value is scored worst (with a warning that says why),
/// excluded, or a problem, criterion by criterion.
fn apply_missing(
    ds: &Dataset,
    cr: &Criteria,
    resolved: &Resolved,
    reasons: &mut [Vec<Reason>],
    warnings: &mut Vec<String>,
) -> Result<(), RankError> {
    let mut problems = Vec::new();
    for (i, c) in cr.criteria.iter().enumerate() {
        if !resolved.any_value(i) && !resolved.absent[i] {
            problems.push(no_value(cr, c, resolved, i));
            continue;
        }
        let passing: Vec<usize> = (0..reasons.len())
            .filter(|&v| reasons[v].is_empty())
            .collect();
        for v in passing {
            let cell = &resolved.cells[v][i];
            if cell.value.is_some() {
                continue;
            }
            let why = cell
                .why_missing
                .as_ref()
                .map(|w| format!(": {w}"))
                .unwrap_or_default();
            match c.missing {
                Missing::Worst => {
                    if !why.is_empty() {
                        warnings.push(format!("`{}` scored worst on `{}`{why}", ds.vendors[v].id, c.id));
                    }
                }
                Missing::ExcludeVendor => reasons[v].push(Reason {
                    by: c.id.clone(),
                    text: format!("no value for `{}` (criterion `{}`, missing = exclude-vendor){why}", c.metric.name, c.id),
                }),
                Missing::Error => problems.push(cr.problem_at(c.metric_pos, format!("vendor `{}` has no value for `{}` (criterion `{}`){why}", ds.vendors[v].id, c.metric.name, c.id))
                    .hint("add the evidence, or set `missing = \"worst\"` or `\"exclude-vendor\"` in the criteria file")),
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(RankError::Invalid { problems })
    }
}

/// The vendors kept (dataset indices) and those excluded with their reasons; an error
/// when no vendor is left.
fn split(
    ds: &Dataset,
    cr: &Criteria,
    reasons: &[Vec<Reason>],
) -> Result<(Vec<usize>, Vec<Excluded>), RankError> {
    let excluded: Vec<Excluded> = (0..reasons.len())
        .filter(|&v| !reasons[v].is_empty())
        .map(|v| Excluded {
            vendor: ds.vendors[v].id.clone(),
            name: ds.vendors[v].name.clone(),
            reasons: reasons[v].clone(),
        })
        .collect();
    let kept: Vec<usize> = (0..reasons.len())
        .filter(|&v| reasons[v].is_empty())
        .collect();
    if kept.is_empty() {
        let places = exclusion_places(cr, &excluded);
        return Err(RankError::AllExcluded { excluded, places });
    }
    Ok((kept, excluded))
}

/// Where each gate or criterion that excluded a vendor is written, in the order of the
/// files: `file:line:column (gate `id`)`.
fn exclusion_places(cr: &Criteria, excluded: &[Excluded]) -> Vec<String> {
    let by = |id: &str| {
        excluded
            .iter()
            .any(|e| e.reasons.iter().any(|r| r.by == id))
    };
    let gates = cr.gates.iter().filter(|g| by(&g.id)).map(|g| {
        let file = g.defined_in.as_deref().unwrap_or(&cr.file);
        let p = g.metric_pos;
        format!("{file}:{}:{} (gate `{}`)", p.line, p.column, g.id)
    });
    let criteria = cr.criteria.iter().filter(|c| by(&c.id)).map(|c| {
        let p = c.metric_pos;
        format!(
            "{}:{}:{} (criterion `{}`, missing = \"exclude-vendor\")",
            cr.file, p.line, p.column, c.id
        )
    });
    let places: Vec<String> = gates.chain(criteria).collect();
    if places.is_empty() {
        vec![format!("the gates of {}", cr.file)]
    } else {
        places
    }
}

/// The file's weights, with objective weights of the kept vendors blended in when the
/// file asks for them.
fn effective_weights(cr: &Criteria, m: &DecisionMatrix) -> Result<WeightsUsed, RankError> {
    let subjective: Vec<f64> = cr.criteria.iter().map(|c| c.weight).collect();
    cr.weighting
        .effective(&subjective, &m.filled(), &m.directions())
        .map_err(|e| {
            let b = cr.weighting.blend.expect("only objective weights can fail");
            RankError::Invalid {
                problems: vec![cr
                    .problem_at(
                        b.pos,
                        format!(
                            "{} weights cannot be computed from the {} ranked vendors: {}",
                            b.objective.name(),
                            m.vendors.len(),
                            e.named(&m.vendors, &criterion_ids(m))
                        ),
                    )
                    .hint("objective weights need at least two vendors that differ on some criterion (entropy also needs values >= 0); remove `objective` and `blend` to use the file's weights")],
            }
        })
}

fn criterion_ids(m: &DecisionMatrix) -> Vec<String> {
    m.criteria.iter().map(|c| c.id.clone()).collect()
}

/// Scores the matrix with the file's method; a failure names the criterion's line.
fn score(cr: &Criteria, m: &DecisionMatrix) -> Result<MethodOutput, RankError> {
    m.score().map_err(|e| {
        let message = format!(
            "method `{}` cannot score these vendors: {}",
            cr.method.name(),
            e.named(&m.vendors, &criterion_ids(m))
        );
        let problem = match e.criterion().and_then(|c| cr.criteria.get(c)) {
            Some(c) => cr.problem_at(c.metric_pos, message),
            None => Problem::file(&cr.file, message),
        };
        RankError::Invalid {
            problems: vec![problem.hint("see docs/methods.md for what each method accepts")],
        }
    })
}

/// The scored vendors, best first (ties keep dataset order), with the points each
/// criterion adds (weighted sum only) and the values behind them.
fn ranked_vendors(
    ds: &Dataset,
    kept: &[usize],
    m: &DecisionMatrix,
    out: &MethodOutput,
) -> Vec<Ranked> {
    let contributions = match &out.details {
        MethodDetails::WeightedSum { contributions } => contributions.clone(),
        _ => vec![Vec::new(); kept.len()],
    };
    let mut ranked: Vec<Ranked> = kept
        .iter()
        .enumerate()
        .map(|(i, &v)| Ranked {
            vendor: ds.vendors[v].id.clone(),
            name: ds.vendors[v].name.clone(),
            rank: out.ranks[i],
            score: out.scores[i],
            contributions: contributions[i].clone(),
            values: m.values[i].clone(),
        })
        .collect();
    ranked.sort_by_key(|r| r.rank);
    ranked
}

/// Groups as (id, label, share of total); with objective weights blended in, a group's
/// share is the sum of its criteria's effective weights.
fn group_shares(cr: &Criteria, m: &DecisionMatrix) -> Vec<(String, String, f64)> {
    cr.groups
        .iter()
        .map(|g| {
            let share = m
                .criteria
                .iter()
                .filter(|c| c.group.as_deref() == Some(g.id.as_str()))
                .map(|c| c.weight)
                .sum();
            (g.id.clone(), g.label.clone(), share)
        })
        .collect()
}
