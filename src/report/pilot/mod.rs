//! The pilot report: metrics with intervals per vendor (and per group of a breakdown),
//! the vendors each metric cannot separate, significant differences, the go/no-go list.

mod json;

use json::PilotJson;

use crate::cli::PlanArgs;
use crate::pilot::{Kind, MetricRow, PilotReport};
use crate::problem::backticks;
use crate::report::doc::Table;
use crate::report::export::json::to_bytes;
use crate::report::export::{csv, markdown, terminal, Render};

fn short(metric: &str) -> &str {
    metric.strip_prefix("pilot.").unwrap_or(metric)
}

/// A value for people: rates as percentages, per-day rates with 4 decimals.
fn show(m: &MetricRow, x: f64) -> String {
    match m.kind {
        Kind::Rate => format!("{:.2}%", 100.0 * x),
        Kind::PerDay => format!("{x:.4}"),
        _ => format!("{x:.2}"),
    }
}

fn intervals(m: &MetricRow) -> String {
    m.intervals
        .iter()
        .map(|(name, i)| format!("{} to {} ({name})", show(m, i.lower), show(m, i.upper)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The table of one group's metrics; `first_only` names each vendor (with its endpoints) on
/// its first row only.
fn metrics_table(
    r: &PilotReport,
    vendors: &[crate::pilot::VendorPilot],
    first_only: bool,
) -> Table {
    let mut t = Table::new(
        &["vendor", "metric", "value", "n", "95% interval"],
        &[false, false, true, true, false],
    );
    for v in vendors {
        for (i, m) in v.metrics.iter().enumerate() {
            let id = match (first_only, i) {
                (false, _) => r.vendor_ids[v.vendor].clone(),
                (true, 0) => format!("{} ({} endpoints)", r.vendor_ids[v.vendor], v.endpoints),
                (true, _) => String::new(),
            };
            t.rows.push(vec![
                id,
                short(m.metric).to_string(),
                m.value.map_or("n/a".into(), |x| show(m, x)),
                format!("{} {}", crate::gates::fmt_num(m.n), m.unit),
                intervals(m),
            ]);
        }
    }
    t
}

impl Render for PilotReport {
    /// Renders the report for a terminal.
    fn terminal(&self) -> String {
        let r = self;
        let mut o = format!("Pilot statistics, dataset {} (95% intervals)\n", r.dataset);
        for (label, vendors) in &r.groups {
            o.push_str(&format!("\n{label}:\n"));
            o.push_str(&terminal::table(&metrics_table(r, vendors, true)));
            o.push('\n');
        }
        o.push_str("\nWhich vendors the evidence can tell apart (Holm-adjusted p < 0.05, over all endpoints):\n");
        for t in &r.tiers {
            let groups: Vec<String> = t
                .tiers
                .iter()
                .map(|tier| {
                    let ids: Vec<&str> = tier.iter().map(|&v| r.vendor_ids[v].as_str()).collect();
                    if ids.len() == 1 {
                        format!("`{}`", ids[0])
                    } else {
                        format!("{{{}}}", ids.join(", "))
                    }
                })
                .collect();
            o.push_str(&format!(
                "  {:<36} {}\n",
                short(t.metric),
                groups.join(" > ")
            ));
        }
        o.push_str(
        "  (vendors in braces cannot be separated on this evidence; `>` reads \"better than\")\n",
    );
        o.push_str("\nGo/no-go against the criteria file's gates:\n");
        for (v, lines) in &r.checklist {
            let go = lines.iter().all(|l| l.go);
            o.push_str(&format!(
                "  {}: {}\n",
                r.vendor_ids[*v],
                if go { "GO" } else { "NO-GO" }
            ));
            for l in lines {
                o.push_str(&format!(
                    "    [{}] {}: {}\n",
                    if l.go { "go" } else { "no" },
                    l.gate,
                    l.text
                ));
            }
        }
        o
    }

    /// Markdown: the same sections.
    fn markdown(&self) -> String {
        let r = self;
        let mut o = format!(
            "# Pilot statistics\n\n{}\n",
            markdown::inline(&format!("Dataset `{}`; 95% intervals.", r.dataset))
        );
        for (label, vendors) in &r.groups {
            o.push_str(&format!("\n## {}\n\n", markdown::inline(label)));
            o.push_str(&markdown::table(&metrics_table(r, vendors, false)));
        }
        o.push_str("\n## Ties\n\n");
        for t in &r.tiers {
            let groups: Vec<String> = t
                .tiers
                .iter()
                .map(|tier| {
                    backticks(
                        &tier
                            .iter()
                            .map(|&v| r.vendor_ids[v].as_str())
                            .collect::<Vec<_>>(),
                    )
                })
                .collect();
            o.push_str(&format!("- {}: {}\n", short(t.metric), groups.join(" > ")));
        }
        o.push_str("\n## Go/no-go\n\n");
        for (v, lines) in &r.checklist {
            let go = lines.iter().all(|l| l.go);
            o.push_str(&format!(
                "- **{}**: {}\n",
                r.vendor_ids[*v],
                if go { "GO" } else { "NO-GO" }
            ));
            for l in lines {
                o.push_str(&format!(
                    "  - {} `{}`: {}\n",
                    if l.go { "go" } else { "no-go" },
                    l.gate,
                    l.text
                ));
            }
        }
        o
    }

    /// JSON: everything, with raw and adjusted p-values.
    fn json(&self) -> Vec<u8> {
        to_bytes(&PilotJson::new(self))
    }

    /// CSV: one row per group, vendor, metric and interval.
    fn csv(&self) -> Vec<u8> {
        let r = self;
        let mut t = Table::new(
            &[
                "group", "vendor", "metric", "value", "n", "unit", "method", "lower95", "upper95",
            ],
            &[false, false, false, true, true, false, false, true, true],
        );
        for (label, vs) in &r.groups {
            for v in vs {
                for m in &v.metrics {
                    let base = [
                        label.clone(),
                        r.vendor_ids[v.vendor].clone(),
                        m.metric.to_string(),
                        m.value.map(|x| x.to_string()).unwrap_or_default(),
                        m.n.to_string(),
                        m.unit.to_string(),
                    ];
                    if m.intervals.is_empty() {
                        t.rows.push(
                            base.iter()
                                .cloned()
                                .chain([String::new(), String::new(), String::new()])
                                .collect(),
                        );
                    }
                    for (name, i) in &m.intervals {
                        t.rows.push(
                            base.iter()
                                .cloned()
                                .chain([name.to_string(), i.lower.to_string(), i.upper.to_string()])
                                .collect(),
                        );
                    }
                }
            }
        }
        csv::table(&t)
    }
}

/// `pilot plan --metric detection`: the samples each vendor needs, and the endpoint-days
/// they take when the samples per endpoint-day are known (`per_day`: the rate and where it
/// comes from).
pub fn plan_detection(p: &PlanArgs, per_vendor: u64, per_day: Option<(f64, String)>) -> String {
    let mut o = format!(
        "To tell a rate of {:.2}% from {:.2}% (two-sided alpha {}, power {:.0}%, Fleiss continuity correction):\n  {per_vendor} samples per vendor (malware samples or phishing simulations).\n",
        100.0 * p.baseline,
        100.0 * (p.baseline + p.difference),
        p.alpha,
        100.0 * p.power
    );
    if let Some((x, how)) = per_day.filter(|(x, _)| *x > 0.0) {
        let days = (per_vendor as f64 / x).ceil();
        o.push_str(&format!("  At {x:.3} samples per endpoint-day ({how}), that is about {days} endpoint-days per vendor, e.g. {} endpoints for 30 days.\n", (days / 30.0).ceil()));
    } else {
        o.push_str("  Give --samples-per-endpoint-day (or --data with a pilot) to turn samples into endpoint-days.\n");
    }
    o
}

/// `pilot plan --metric false-positives`: the endpoint-days each vendor needs.
pub fn plan_false_positives(p: &PlanArgs, per_vendor: u64) -> String {
    format!(
        "To tell {} from {} events per endpoint-day (two-sided alpha {}, power {:.0}%):\n  {per_vendor} endpoint-days per vendor, e.g. {} endpoints for 30 days.\n",
        p.baseline,
        p.baseline + p.difference,
        p.alpha,
        100.0 * p.power,
        (per_vendor as f64 / 30.0).ceil()
    )
}
