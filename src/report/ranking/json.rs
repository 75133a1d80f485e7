//! The ranking as JSON (`rank --format json`, `ranking.json`): the stable contract other
//! tools read, documented in docs/output.md. The types here are that contract: the JSON is
//! their serialisation, field for field in this order.

use serde::Serialize;

use crate::criteria::WeightsUsed;
use crate::rank::Ranking;
use crate::report::export::json::{to_bytes, Object};
use crate::score::method::MethodDetails;

/// The whole document.
#[derive(Serialize)]
pub struct RankJson<'a> {
    /// The scoring method: `weighted-sum`, `weighted-product`, `topsis`, `vikor` or
    /// `promethee2`.
    pub method: &'a str,
    /// The criteria file's name.
    pub title: &'a str,
    /// The criteria file, as given (`<built-in>` for the built-in copy).
    pub criteria_file: &'a str,
    /// The dataset folder, as given.
    pub dataset: &'a str,
    /// The criteria groups with their share of the total weight.
    pub groups: Vec<Group<'a>>,
    /// The criteria in file order, with their effective weights.
    pub criteria: Vec<Criterion<'a>>,
    /// The weights used and how they were found.
    pub weights: &'a WeightsUsed,
    /// The ranked vendors, best first, then the excluded ones.
    pub vendors: Vec<Vendor<'a>>,
    /// Missing data and other notes on the ranking.
    pub warnings: &'a [String],
    /// Whether a higher score is better (false for VIKOR's Q).
    pub higher_is_better: bool,
    /// Whether the leader's lead exceeds the noise of the evidence; `null` when no
    /// criterion's metric carries uncertainty.
    pub evidence_check: Option<EvidenceCheck<'a>>,
    /// The method's raw outputs.
    pub method_details: MethodOutputs<'a>,
}

/// A group of criteria.
#[derive(Serialize)]
pub struct Group<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// Share of the total weight, 0 to 1.
    pub weight: f64,
}

/// A criterion.
#[derive(Serialize)]
pub struct Criterion<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// The group id, `null` outside groups.
    pub group: Option<&'a str>,
    /// The metric it scores, e.g. `pilot.detection_rate`.
    pub metric: &'a str,
    /// `max` (higher is better) or `min`.
    pub direction: &'static str,
    /// Effective weight, 0 to 1; the weights sum to 1.
    pub weight: f64,
    pub unit: &'a str,
}

/// A vendor, ranked or excluded.
#[derive(Serialize)]
pub struct Vendor<'a> {
    pub vendor: &'a str,
    pub name: &'a str,
    /// 1 is best; tied scores share a rank. `null` when excluded.
    pub rank: Option<usize>,
    /// The method's score; `null` when excluded.
    pub score: Option<f64>,
    /// Points each criterion adds to the score, by criterion id (weighted sum only;
    /// empty for the other methods and for excluded vendors).
    pub contributions: Object<'a, f64>,
    /// The metric value behind each criterion, by criterion id; `null` when the vendor
    /// has no value (empty for excluded vendors).
    pub values: Object<'a, Option<f64>>,
    pub excluded: bool,
    /// Why the vendor is excluded (empty when ranked).
    pub reasons: Vec<Reason<'a>>,
}

/// A reason a vendor is excluded.
#[derive(Serialize)]
pub struct Reason<'a> {
    /// The gate (or criterion) id that excluded it.
    pub by: &'a str,
    /// The reason in words.
    pub reason: &'a str,
}

/// Whether the lead is more than noise: redraws of the evidence from its uncertainty.
#[derive(Serialize)]
pub struct EvidenceCheck<'a> {
    pub draws: usize,
    pub seed: u64,
    /// The vendor ranked first.
    pub leader: &'a str,
    /// The share of redraws from which a lead counts as real.
    pub confidence: f64,
    /// Every other ranked vendor, in ranking order.
    pub vendors: Vec<Ahead<'a>>,
    /// The finding in words.
    pub summary: String,
}

/// How often the leader scores above one other vendor.
#[derive(Serialize)]
pub struct Ahead<'a> {
    pub vendor: &'a str,
    /// The share of redraws in which the leader scores strictly better.
    pub p_leader_ahead: f64,
    /// Whether `p_leader_ahead` is below `confidence`.
    pub tied_with_leader: bool,
}

/// The method's raw outputs.
#[derive(Serialize)]
pub struct MethodOutputs<'a> {
    /// The vendors the outputs' per-vendor arrays refer to, in their order.
    pub vendors: &'a [String],
    /// Tagged by `method`; the fields depend on the method.
    pub outputs: &'a MethodDetails,
}

impl<'a> RankJson<'a> {
    /// The contract's view of a ranking.
    pub fn new(r: &'a Ranking) -> RankJson<'a> {
        let by_criterion = |xs: &[f64]| {
            Object(
                r.criteria
                    .iter()
                    .zip(xs)
                    .map(|(c, x)| (c.id.as_str(), *x))
                    .collect(),
            )
        };
        let mut vendors: Vec<Vendor> = r
            .ranked
            .iter()
            .map(|v| Vendor {
                vendor: &v.vendor,
                name: &v.name,
                rank: Some(v.rank),
                score: Some(v.score),
                contributions: by_criterion(&v.contributions),
                values: Object(
                    r.criteria
                        .iter()
                        .zip(&v.values)
                        .map(|(c, x)| (c.id.as_str(), *x))
                        .collect(),
                ),
                excluded: false,
                reasons: Vec::new(),
            })
            .collect();
        vendors.extend(r.excluded.iter().map(|x| {
            Vendor {
                vendor: &x.vendor,
                name: &x.name,
                rank: None,
                score: None,
                contributions: Object(Vec::new()),
                values: Object(Vec::new()),
                excluded: true,
                reasons: x
                    .reasons
                    .iter()
                    .map(|q| Reason {
                        by: &q.by,
                        reason: &q.text,
                    })
                    .collect(),
            }
        }));
        RankJson {
            method: r.method,
            title: &r.title,
            criteria_file: &r.criteria_file,
            dataset: &r.dataset,
            groups: r
                .groups
                .iter()
                .map(|(id, label, weight)| Group {
                    id,
                    label,
                    weight: *weight,
                })
                .collect(),
            criteria: r
                .criteria
                .iter()
                .map(|c| Criterion {
                    id: &c.id,
                    label: &c.label,
                    group: c.group.as_deref(),
                    metric: &c.metric,
                    direction: c.direction.name(),
                    weight: c.weight,
                    unit: &c.unit,
                })
                .collect(),
            weights: &r.weights,
            vendors,
            warnings: &r.warnings,
            higher_is_better: r.higher_is_better,
            evidence_check: r.noise.as_ref().map(|n| EvidenceCheck {
                draws: n.draws,
                seed: n.seed,
                leader: &n.leader,
                confidence: crate::noise::CONFIDENCE,
                vendors: n
                    .p_ahead
                    .iter()
                    .map(|(v, p)| Ahead {
                        vendor: v,
                        p_leader_ahead: *p,
                        tied_with_leader: *p < crate::noise::CONFIDENCE,
                    })
                    .collect(),
                summary: n.words(),
            }),
            method_details: MethodOutputs {
                vendors: &r.scored_vendors,
                outputs: &r.details,
            },
        }
    }
}

/// Renders the ranking as pretty-printed JSON bytes (with a final newline).
pub fn json(r: &Ranking) -> Vec<u8> {
    to_bytes(&RankJson::new(r))
}
