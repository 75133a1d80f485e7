//! The ranking pipeline: metrics -> metric-name checks -> gates -> missing policy -> score.
//!
//! `rank` takes a loaded dataset and validated criteria and returns a `Ranking`, the one
//! value every renderer reads. Every problem with the criteria against this dataset is
//! reported at once. `analysis` runs the sensitivity analysis of a `Ranking`.

pub mod analysis;
mod metric_names;

use crate::cost::{PricingContext, Quote};
use crate::criteria::{Criteria, Missing};
use crate::dataset::Dataset;
use crate::decision::{Direction, Normalisation};
use crate::gates::{self, Reason};
use crate::metrics::{Lookup, Metrics};
use crate::problem::{render_all, Problem};
use crate::score;
use crate::score::method::MethodDetails;
use metric_names::check_names;

/// A criterion as shown in results.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionInfo {
    pub id: String,
    pub label: String,
    pub group: Option<String>,
    pub metric: String,
    pub direction: Direction,
    /// Effective weight, 0..=1.
    pub weight: f64,
    pub unit: String,
}

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
    pub weights: crate::criteria::WeightsUsed,
    /// Groups as (id, label, share of total).
    pub groups: Vec<(String, String, f64)>,
    /// Best first; ties keep dataset order.
    pub ranked: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
    pub warnings: Vec<String>,
    pub pricing: PricingContext,
    /// Every vendor's quote for the fleet (or why none), in dataset order; empty without
    /// a pricing file.
    pub quotes: Vec<(String, Result<Quote, String>)>,
    /// Whether the leader's lead exceeds the noise of the evidence; `None` when no
    /// criterion's metric carries uncertainty.
    pub noise: Option<crate::noise::NoiseCheck>,
    /// The decision matrix of the scored vendors (`scored_vendors` order), `None` missing.
    pub matrix: Vec<Vec<Option<f64>>>,
    /// Each value's uncertainty, like `matrix` (`None`: taken as exact).
    pub spreads: Vec<Vec<Option<crate::metrics::spread::Spread>>>,
}

/// Errors of ranking a valid dataset with valid criteria.
#[derive(Debug, thiserror::Error)]
pub enum RankError {
    #[error("{}", render_all(.problems))]
    Invalid { problems: Vec<Problem> },
    #[error("every vendor is excluded, so there is nothing to rank:\n{}\n  hint: relax a gate in the criteria file or check the evidence", .0.iter().map(|e| format!("  {}: {}", e.vendor, e.reasons.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join("; "))).collect::<Vec<_>>().join("\n"))]
    AllExcluded(Vec<Excluded>),
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
    let n = ds.vendors.len();
    let mut reasons: Vec<Vec<Reason>> = (0..n)
        .map(|v| gates::check(&cr.gates, &metrics, v))
        .collect();
    let mut problems = Vec::new();
    for c in &cr.criteria {
        let has_any = (0..n).any(|v| metrics.number(v, &c.metric).is_some());
        let absent = matches!(metrics.lookup(&c.metric.name), Lookup::AbsentFile(_));
        if !has_any && !absent {
            problems.push(
                cr.problem_at(
                    c.metric_pos,
                    format!(
                        "no vendor has a value for `{}` (criterion `{}`)",
                        c.metric.name, c.id
                    ),
                )
                .hint("check the evidence files, or remove the criterion"),
            );
            continue;
        }
        let passing: Vec<usize> = (0..n).filter(|&v| reasons[v].is_empty()).collect();
        for v in passing {
            if metrics.number(v, &c.metric).is_some() {
                continue;
            }
            let why = metrics
                .why_missing(v, &c.metric.name)
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
    if !problems.is_empty() {
        return Err(RankError::Invalid { problems });
    }
    let excluded: Vec<Excluded> = (0..n)
        .filter(|&v| !reasons[v].is_empty())
        .map(|v| Excluded {
            vendor: ds.vendors[v].id.clone(),
            name: ds.vendors[v].name.clone(),
            reasons: reasons[v].clone(),
        })
        .collect();
    let kept: Vec<usize> = (0..n).filter(|&v| reasons[v].is_empty()).collect();
    if kept.is_empty() {
        return Err(RankError::AllExcluded(excluded));
    }
    let matrix: Vec<Vec<Option<f64>>> = kept
        .iter()
        .map(|&v| {
            cr.criteria
                .iter()
                .map(|c| metrics.number(v, &c.metric))
                .collect()
        })
        .collect();
    let directions: Vec<Direction> = cr.criteria.iter().map(|c| c.direction).collect();
    let ids: Vec<String> = kept.iter().map(|&v| ds.vendors[v].id.clone()).collect();
    let criterion_ids: Vec<String> = cr.criteria.iter().map(|c| c.id.clone()).collect();
    let subjective: Vec<f64> = cr.criteria.iter().map(|c| c.weight).collect();
    let filled = score::run::fill_worst(&matrix, &directions);
    let weights_used = cr
        .weighting
        .effective(&subjective, &filled, &directions)
        .map_err(|e| {
            let b = cr.weighting.blend.expect("only objective weights can fail");
            RankError::Invalid {
                problems: vec![cr
                    .problem_at(
                        b.pos,
                        format!(
                            "{} weights cannot be computed from the {} ranked vendors: {}",
                            b.objective.name(),
                            ids.len(),
                            e.named(&ids, &criterion_ids)
                        ),
                    )
                    .hint("objective weights need at least two vendors that differ on some criterion (entropy also needs values >= 0); remove `objective` and `blend` to use the file's weights")],
            }
        })?;
    let weights = weights_used.effective.clone();
    let preferences: Vec<_> = cr.criteria.iter().map(|c| c.preference).collect();
    let normalisations: Vec<_> = cr.criteria.iter().map(|c| c.normalisation).collect();
    if cr.method != crate::decision::Method::WeightedSum
        && normalisations.iter().any(|n| *n != Normalisation::MinMax)
    {
        warnings.push(format!("the criteria file's `normalisation` applies to the weighted sum only; `{}` normalises by its own definition (docs/methods.md)", cr.method.name()));
    }
    let out = score::run::run(
        cr.method,
        &matrix,
        &directions,
        &weights,
        &preferences,
        &normalisations,
    )
    .map_err(|e| {
        let message = format!(
            "method `{}` cannot score these vendors: {}",
            cr.method.name(),
            e.named(&ids, &criterion_ids)
        );
        let problem = match e.criterion().and_then(|c| cr.criteria.get(c)) {
            Some(c) => cr.problem_at(c.metric_pos, message),
            None => Problem::file(&cr.file, message),
        };
        RankError::Invalid {
            problems: vec![problem.hint("see docs/methods.md for what each method accepts")],
        }
    })?;
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
            values: matrix[i].clone(),
        })
        .collect();
    ranked.sort_by_key(|r| r.rank);
    let spreads: Vec<Vec<_>> = kept
        .iter()
        .map(|&v| {
            cr.criteria
                .iter()
                .map(|c| metrics.spread(v, &c.metric))
                .collect()
        })
        .collect();
    let order: Vec<usize> = ranked
        .iter()
        .map(|r| {
            ids.iter()
                .position(|i| *i == r.vendor)
                .expect("ranked vendors are kept")
        })
        .collect();
    // The evidence check redraws the values with the weights held at those used here.
    let mut used = cr.clone();
    for (c, w) in used.criteria.iter_mut().zip(&weights) {
        c.weight = *w;
    }
    let noise = crate::noise::check(&used, &ids, &matrix, &spreads, order[0], &order, seed);
    Ok(Ranking {
        title: cr.name.clone(),
        criteria_file: cr.file.clone(),
        dataset: ds.label.clone(),
        method: cr.method.name(),
        higher_is_better: out.higher_is_better,
        details: out.details.clone(),
        scored_vendors: kept.iter().map(|&v| ds.vendors[v].id.clone()).collect(),
        all_vendors: ds
            .vendors
            .iter()
            .map(|v| (v.id.clone(), v.name.clone()))
            .collect(),
        criteria: cr
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| CriterionInfo {
                id: c.id.clone(),
                label: c.label.clone(),
                group: c.group.clone(),
                metric: c.metric.name.clone(),
                direction: c.direction,
                weight: weights[i],
                unit: metrics.unit(&c.metric.name),
            })
            .collect(),
        groups: cr
            .groups
            .iter()
            .map(|g| {
                // With objective weights blended in, a group's share is its criteria's.
                let share = cr
                    .criteria
                    .iter()
                    .zip(&weights)
                    .filter(|(c, _)| c.group.as_deref() == Some(g.id.as_str()))
                    .map(|(_, w)| w)
                    .sum();
                (g.id.clone(), g.label.clone(), share)
            })
            .collect(),
        weights: weights_used,
        ranked,
        excluded,
        warnings,
        pricing: pricing.clone(),
        noise,
        matrix: matrix.clone(),
        spreads: spreads.clone(),
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
