//! The pilot report: metrics with intervals per vendor (and per group of a breakdown),
//! the vendors each metric cannot separate, significant differences, the go/no-go list.
//! `table` builds the metrics table the views share, `terminal` is the terminal view, this
//! file the Markdown, CSV and JSON and the `pilot plan` sentences. In the terminal and
//! Markdown views vendors that pass the gates come first; CSV and JSON keep dataset order.

mod data;
mod json;
mod table;
mod terminal;

pub use data::table;
use json::PilotJson;
use table::{go_first, metrics_table};

use crate::cli::PlanArgs;
use crate::pilot::PilotReport;
use crate::problem::backticks;
use crate::report::export::json::to_bytes;
use crate::report::export::terminal::Width;
use crate::report::export::{markdown, Render};

impl Render for PilotReport {
    /// Renders the report for a terminal `width` wide.
    fn terminal(&self, width: Width) -> String {
        terminal::terminal(self, width)
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
            let vendors = go_first(r, vendors, |v| v.vendor);
            o.push_str(&markdown::table(&metrics_table(r, &vendors, false)));
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
            o.push_str(&format!(
                "- {}: {}\n",
                crate::metrics::label(t.metric),
                groups.join(" > ")
            ));
        }
        o.push_str("\n## Go/no-go\n\n");
        for (v, lines) in go_first(r, &r.checklist, |(v, _)| *v) {
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

    /// CSV: the pilot metrics table, one row per group, vendor, metric and interval.
    fn csv(&self) -> Vec<u8> {
        crate::report::tables::csv(&table(self))
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
