//! The forest plots of the pilot metrics the criteria and gates use: each vendor's estimate
//! with its 95% interval, and the gate's bound as a line; the first [`TOP_VENDORS`]
//! vendors (ranked ones first, in rank order).

use super::{styles, Figure};
use crate::chart::{self, ChartError, ForestInput, ForestRow, Interval, Threshold};
use crate::criteria::{Criteria, Rule};
use crate::pilot::{Kind, PilotReport};
use crate::rank::Ranking;
use crate::report::limits::{more, title_cut, TOP_VENDORS};

/// How a pilot metric is drawn: the factor to its axis unit, and the unit.
fn forest_scale(kind: Kind, metric: &str) -> (f64, String) {
    match kind {
        Kind::Rate => (100.0, "%".into()),
        Kind::PerDay => (1.0, "per endpoint-day".into()),
        _ => (
            1.0,
            crate::metrics::fixed(metric).map_or(String::new(), |d| d.unit.to_string()),
        ),
    }
}

/// A gate's bound on `metric` (or on one of its interval bounds), as a chart threshold.
fn gate_line(cr: &Criteria, metric: &str, factor: f64) -> Option<Threshold> {
    cr.gates.iter().find_map(|g| {
        let on = g.metric.name == metric
            || g.metric
                .name
                .strip_prefix(metric)
                .is_some_and(|rest| rest == ".lower95" || rest == ".upper95");
        // A bound in percent is already on the chart's percent scale.
        let scale = |x: f64, percent: bool| if percent { x } else { x * factor };
        match (&g.rule, on) {
            (
                Rule::Range {
                    min: Some(x),
                    percent,
                    ..
                },
                true,
            ) => Some(Threshold {
                value: scale(*x, *percent),
                label: format!("gate {} minimum", g.id),
            }),
            (
                Rule::Range {
                    max: Some(x),
                    percent,
                    ..
                },
                true,
            ) => Some(Threshold {
                value: scale(*x, *percent),
                label: format!("gate {} maximum", g.id),
            }),
            _ => None,
        }
    })
}

/// A pilot metric's name for people: the label of the criterion that uses it, else its
/// name for people ("CPU overhead" for `pilot.cpu_overhead_pct`).
fn metric_label(r: &Ranking, metric: &str) -> String {
    if let Some(c) = r.criteria.iter().find(|c| c.metric == metric) {
        return c.label.clone();
    }
    crate::metrics::label(metric)
}

/// The unit for the axis beside `label`: "%" for percentages, nothing when the label
/// already says it ("CPU overhead (%)", "False positives per endpoint-day").
fn axis_unit(label: &str, unit: &str) -> String {
    let unit = if unit == "percent" { "%" } else { unit };
    if label.contains(unit) {
        String::new()
    } else {
        unit.to_string()
    }
}

/// An interval method's name as a reader knows it: "Wilson", "Garwood", "t", "bootstrap".
fn interval_name(method: &str) -> String {
    match method {
        "wilson" => "Wilson".into(),
        "garwood" => "Garwood".into(),
        other => other.to_string(),
    }
}

/// The pilot metrics a criterion or gate uses (interval bounds count as their metric).
pub fn pilot_metrics_in_use(r: &Ranking, cr: &Criteria) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let names = r
        .criteria
        .iter()
        .map(|c| c.metric.as_str())
        .chain(cr.gates.iter().map(|g| g.metric.name.as_str()));
    for n in names {
        let base = n
            .strip_suffix(".lower95")
            .or_else(|| n.strip_suffix(".upper95"))
            .unwrap_or(n);
        if base.starts_with("pilot.") && !out.iter().any(|m| m == base) {
            out.push(base.to_string());
        }
    }
    out
}

/// One forest plot per pilot metric in use: each vendor's estimate and first 95% interval
/// (Wilson for rates, Garwood for counts, t for gauges, bootstrap for times).
pub fn forest_charts(
    r: &Ranking,
    cr: &Criteria,
    p: &PilotReport,
) -> Result<Vec<Figure>, ChartError> {
    let Some((_, vendors)) = p.groups.first() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for metric in pilot_metrics_in_use(r, cr) {
        let mut rows = Vec::new();
        let mut scale = None;
        for v in vendors {
            let Some(m) = v.metrics.iter().find(|m| m.metric == metric) else {
                continue;
            };
            let (f, unit) = forest_scale(m.kind, m.metric);
            scale.get_or_insert((f, unit, m.intervals.first().map(|i| i.0)));
            let Some(x) = m.value else { continue };
            rows.push(ForestRow {
                vendor: p.vendor_ids[v.vendor].clone(),
                estimate: x * f,
                interval: m.intervals.first().map(|(_, i)| Interval {
                    lower: i.lower * f,
                    upper: i.upper * f,
                }),
            });
        }
        let Some((f, unit, method)) = scale else {
            continue;
        };
        if rows.is_empty() {
            continue;
        }
        // Ranked vendors first in rank order, then the rest in dataset order.
        let pos = |id: &str| {
            r.ranked
                .iter()
                .position(|v| v.vendor == id)
                .unwrap_or(usize::MAX)
        };
        rows.sort_by_key(|row| pos(&row.vendor));
        let total = rows.len();
        rows.truncate(TOP_VENDORS);
        let label = metric_label(r, &metric);
        let input = ForestInput {
            title: format!(
                "{label}: pilot estimates with 95% intervals{}",
                title_cut(rows.len(), total, "vendors")
            ),
            metric: label.clone(),
            unit: axis_unit(&label, &unit),
            level: 0.95,
            vendors: styles(r),
            rows,
            threshold: gate_line(cr, &metric, f),
        };
        let mut caption = format!(
            "In the pilot, {label} per vendor: the dot is the estimate, the bar its 95% {} interval; overlapping bars mean the pilot cannot tell those vendors apart.",
            interval_name(method.unwrap_or("confidence"))
        );
        if TOP_VENDORS < total {
            caption.push_str(&format!(
                " The chart shows the first {TOP_VENDORS} vendors; {}",
                more(
                    total - TOP_VENDORS,
                    "vendor",
                    "vendors",
                    "tables/pilot_metrics.csv"
                )
            ));
        }
        out.push(Figure {
            name: format!("forest-{}", metric.trim_start_matches("pilot.")),
            caption,
            chart: chart::forest(&input)?,
        });
    }
    Ok(out)
}
