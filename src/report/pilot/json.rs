//! The pilot report as JSON (`pilot --format json`): every metric with its intervals per
//! group and vendor, the pairwise tests with raw and Holm-adjusted p-values, the tiers and
//! the go/no-go checklist.

use serde::Serialize;

use crate::pilot::{MetricRow, PilotReport};
use crate::report::export::json::Object;

/// The whole document.
#[derive(Serialize)]
pub struct PilotJson<'a> {
    dataset: &'a str,
    groups: Vec<Group<'a>>,
    comparisons: Vec<Comparison<'a>>,
    tiers: Vec<Tiers<'a>>,
    checklist: Vec<Checklist<'a>>,
}

/// A group of the breakdown (`all endpoints`, a role, a client).
#[derive(Serialize)]
struct Group<'a> {
    group: &'a str,
    vendors: Vec<Vendor<'a>>,
}

#[derive(Serialize)]
struct Vendor<'a> {
    vendor: &'a str,
    endpoints: usize,
    endpoint_days: f64,
    metrics: Vec<Metric<'a>>,
}

/// A metric with its sample size and intervals, by interval method: `[lower, upper]`.
#[derive(Serialize)]
struct Metric<'a> {
    metric: &'a str,
    value: Option<f64>,
    n: f64,
    unit: &'a str,
    events: u64,
    median: Option<f64>,
    intervals: Object<'a, [f64; 2]>,
}

/// A pairwise test between two vendors on a metric.
#[derive(Serialize)]
struct Comparison<'a> {
    metric: &'a str,
    a: &'a str,
    b: &'a str,
    test: &'a str,
    p: f64,
    p_holm: f64,
}

/// A metric's vendors in tiers the evidence can tell apart, best first.
#[derive(Serialize)]
struct Tiers<'a> {
    metric: &'a str,
    tiers: Vec<Vec<&'a str>>,
}

/// A vendor's go/no-go against the gates.
#[derive(Serialize)]
struct Checklist<'a> {
    vendor: &'a str,
    go: bool,
    gates: Vec<Gate<'a>>,
}

#[derive(Serialize)]
struct Gate<'a> {
    gate: &'a str,
    go: bool,
    text: &'a str,
}

fn metric(m: &MetricRow) -> Metric<'_> {
    Metric {
        metric: m.metric,
        value: m.value,
        n: m.n,
        unit: m.unit,
        events: m.events,
        median: m.median,
        intervals: Object(
            m.intervals
                .iter()
                .map(|(name, i)| (*name, [i.lower, i.upper]))
                .collect(),
        ),
    }
}

impl<'a> PilotJson<'a> {
    pub fn new(r: &'a PilotReport) -> PilotJson<'a> {
        let id = |v: usize| r.vendor_ids[v].as_str();
        PilotJson {
            dataset: &r.dataset,
            groups: r
                .groups
                .iter()
                .map(|(label, vs)| Group {
                    group: label,
                    vendors: vs
                        .iter()
                        .map(|v| Vendor {
                            vendor: id(v.vendor),
                            endpoints: v.endpoints,
                            endpoint_days: v.endpoint_days,
                            metrics: v.metrics.iter().map(metric).collect(),
                        })
                        .collect(),
                })
                .collect(),
            comparisons: r
                .comparisons
                .iter()
                .map(|c| Comparison {
                    metric: c.metric,
                    a: id(c.a),
                    b: id(c.b),
                    test: c.test,
                    p: c.p,
                    p_holm: c.p_adjusted,
                })
                .collect(),
            tiers: r
                .tiers
                .iter()
                .map(|t| Tiers {
                    metric: t.metric,
                    tiers: t
                        .tiers
                        .iter()
                        .map(|tier| tier.iter().map(|&v| id(v)).collect())
                        .collect(),
                })
                .collect(),
            checklist: r
                .checklist
                .iter()
                .map(|(v, lines)| Checklist {
                    vendor: id(*v),
                    go: lines.iter().all(|l| l.go),
                    gates: lines
                        .iter()
                        .map(|l| Gate {
                            gate: &l.gate,
                            go: l.go,
                            text: &l.text,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
