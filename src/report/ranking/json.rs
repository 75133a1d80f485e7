//! The ranking as JSON (`rank --format json`, `ranking.json`): the stable contract other
//! tools read, documented in docs/output.md. The types here are that contract: the JSON is
//! their serialisation, field for field in this order, and its JSON Schema
//! (docs/schema/rank.schema.json) is derived from them.
//!
//! Two parts are serialised by the library's own types (the weights and the method's raw
//! outputs); their schemas come from the `schema` mirrors below, which refuse unknown
//! fields so that a test validating real output notices when the library's types change.

use schemars::JsonSchema;
use serde::Serialize;

use crate::criteria::WeightsUsed;
use crate::rank::Ranking;
use crate::report::export::json::{to_bytes, Object};
use crate::score::method::MethodDetails;

/// A ranking of endpoint-security vendors by weighted criteria: `vendorscore rank --format
/// json`, and `ranking.json` of `vendorscore report`.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "vendorscore ranking")]
pub struct RankJson<'a> {
    /// The scoring method.
    #[schemars(extend("enum" = ["weighted-sum", "weighted-product", "topsis", "vikor", "promethee2"]))]
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
    #[schemars(with = "schema::Weights")]
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
#[derive(Serialize, JsonSchema)]
pub struct Group<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// Share of the total weight, 0 to 1.
    pub weight: f64,
}

/// A criterion.
#[derive(Serialize, JsonSchema)]
pub struct Criterion<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// The group id, `null` outside groups.
    pub group: Option<&'a str>,
    /// The metric it scores, e.g. `pilot.detection_rate`.
    pub metric: &'a str,
    /// `max` (higher is better) or `min`.
    #[schemars(extend("enum" = ["max", "min"]))]
    pub direction: &'static str,
    /// Effective weight, 0 to 1; the weights sum to 1.
    pub weight: f64,
    pub unit: &'a str,
}

/// A vendor, ranked or excluded.
#[derive(Serialize, JsonSchema)]
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
#[derive(Serialize, JsonSchema)]
pub struct Reason<'a> {
    /// The gate (or criterion) id that excluded it.
    pub by: &'a str,
    /// The reason in words.
    pub reason: &'a str,
}

/// Whether the lead is more than noise: redraws of the evidence from its uncertainty.
#[derive(Serialize, JsonSchema)]
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
#[derive(Serialize, JsonSchema)]
pub struct Ahead<'a> {
    pub vendor: &'a str,
    /// The share of redraws in which the leader scores strictly better.
    pub p_leader_ahead: f64,
    /// Whether `p_leader_ahead` is below `confidence`.
    pub tied_with_leader: bool,
}

/// The method's raw outputs.
#[derive(Serialize, JsonSchema)]
pub struct MethodOutputs<'a> {
    /// The vendors the outputs' per-vendor arrays refer to, in their order.
    pub vendors: &'a [String],
    /// Tagged by `method`; the fields depend on the method.
    #[schemars(with = "schema::Outputs")]
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

/// The JSON Schema (draft 7) of [`json`]'s output, pretty-printed with a final newline.
pub fn schema() -> Vec<u8> {
    let mut settings = schemars::generate::SchemaSettings::draft07();
    // The schema of what is written, not of what would be read back.
    settings.contract = schemars::generate::Contract::Serialize;
    to_bytes(&settings.into_generator().into_root_schema_for::<RankJson>())
}

/// Schemas of the parts serialised by the library's own types, field for field as they
/// serialise (see `WeightsUsed` and `MethodDetails`). They are never built.
#[allow(dead_code)]
mod schema {
    use schemars::JsonSchema;

    /// Where the weights come from and the weights used.
    #[derive(JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Weights {
        /// `direct` (the file's weights) or `ahp` (from a pairwise comparison matrix).
        #[schemars(extend("enum" = ["direct", "ahp"]))]
        pub source: String,
        /// The file's effective weights (direct or AHP), in criteria order, summing to 1.
        pub subjective: Vec<f64>,
        /// The AHP figures when `source` is `ahp`.
        pub ahp: Option<Ahp>,
        /// `entropy` or `critic` when objective weights are blended in.
        #[schemars(extend("enum" = ["entropy", "critic", null]))]
        pub objective: Option<String>,
        /// The objective weights of the ranked vendors' data.
        pub objective_weights: Option<Vec<f64>>,
        /// The share of the file's weights in the blend, 0 to 1.
        pub blend: Option<f64>,
        /// The weights the method used, in criteria order, summing to 1.
        pub effective: Vec<f64>,
    }

    /// An AHP result: the weights and the consistency figures behind them.
    #[derive(JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Ahp {
        /// The principal eigenvector in criteria order (not the matrix's `order`), summing to 1.
        pub weights: Vec<f64>,
        pub lambda_max: f64,
        pub consistency_index: f64,
        pub random_index: f64,
        /// CR = CI / RI; at most 0.10 counts as consistent.
        pub consistency_ratio: f64,
        pub iterations: usize,
    }

    /// The method's raw outputs; per-vendor arrays follow `method_details.vendors`,
    /// per-criterion arrays the criteria order.
    #[derive(JsonSchema)]
    #[schemars(tag = "method", rename_all = "kebab-case", deny_unknown_fields)]
    pub enum Outputs {
        /// `contributions[vendor][criterion]`: the points each criterion adds.
        WeightedSum {
            contributions: Vec<Vec<f64>>,
        },
        WeightedProduct(WeightedProduct),
        Topsis(Topsis),
        Vikor(Vikor),
        /// PROMETHEE II.
        Promethee(Promethee),
    }

    #[derive(JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct WeightedProduct {
        #[schemars(extend("enum" = ["max", "sum"]))]
        pub normalisation: String,
        /// ln of each vendor's score.
        pub log_scores: Vec<f64>,
    }

    #[derive(JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Topsis {
        #[schemars(extend("enum" = ["vector", "min-max"]))]
        pub normalisation: String,
        /// Per criterion, the ideal weighted normalised value.
        pub ideal: Vec<f64>,
        /// Per criterion, the anti-ideal weighted normalised value.
        pub anti_ideal: Vec<f64>,
        /// Per vendor, the distance to the ideal.
        pub d_plus: Vec<f64>,
        /// Per vendor, the distance to the anti-ideal.
        pub d_minus: Vec<f64>,
    }

    /// VIKOR; S, R and Q are lower-is-better.
    #[derive(JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Vikor {
        /// The strategy weight, 0 to 1.
        pub v: f64,
        /// Per criterion, the best value.
        pub best: Vec<f64>,
        /// Per criterion, the worst value.
        pub worst: Vec<f64>,
        /// Per vendor, the group utility.
        pub s: Vec<f64>,
        /// Per vendor, the individual regret.
        pub r: Vec<f64>,
        /// Per vendor, Q (the score).
        pub q: Vec<f64>,
        pub dq: f64,
        pub acceptable_advantage: bool,
        pub acceptable_stability: bool,
        /// The compromise solutions, vendor indices in order of Q.
        pub compromise: Vec<usize>,
    }

    #[derive(JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Promethee {
        /// Per vendor, the positive (leaving) flow.
        pub phi_plus: Vec<f64>,
        /// Per vendor, the negative (entering) flow.
        pub phi_minus: Vec<f64>,
        /// Per vendor, the net flow (the score).
        pub phi_net: Vec<f64>,
    }
}
