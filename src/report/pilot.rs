//! The pilot report: metrics with intervals per vendor (and per group of a breakdown),
//! the vendors each metric cannot separate, significant differences, the go/no-go list.

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, Table};
use serde_json::{json, Value};

use super::csv_out::safe;
use crate::pilot::{Kind, MetricRow, PilotReport};
use crate::problem::backticks;

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

/// Renders the report for a terminal.
pub fn table(r: &PilotReport) -> String {
    let mut o = format!("Pilot statistics, dataset {} (95% intervals)\n", r.dataset);
    for (label, vendors) in &r.groups {
        o.push_str(&format!("\n{label}:\n"));
        let mut t = Table::new();
        t.load_style(UTF8_BORDERS_ONLY);
        t.set_header(["vendor", "metric", "value", "n", "95% interval"]);
        for v in vendors {
            for (i, m) in v.metrics.iter().enumerate() {
                let id = if i == 0 {
                    format!("{} ({} endpoints)", r.vendor_ids[v.vendor], v.endpoints)
                } else {
                    String::new()
                };
                let value = m.value.map_or("n/a".into(), |x| show(m, x));
                let n = format!("{} {}", crate::gates::fmt_num(m.n), m.unit);
                t.add_row(vec![
                    Cell::new(id),
                    Cell::new(short(m.metric)),
                    Cell::new(value).set_alignment(CellAlignment::Right),
                    Cell::new(n).set_alignment(CellAlignment::Right),
                    Cell::new(intervals(m)),
                ]);
            }
        }
        o.push_str(&t.to_string());
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
pub fn markdown(r: &PilotReport) -> String {
    let mut o = format!(
        "# Pilot statistics\n\nDataset `{}`; 95% intervals.\n",
        r.dataset
    );
    for (label, vendors) in &r.groups {
        o.push_str(&format!("\n## {label}\n\n| vendor | metric | value | n | 95% interval |\n|---|---|---:|---:|---|\n"));
        for v in vendors {
            for m in &v.metrics {
                o.push_str(&format!(
                    "| {} | {} | {} | {} {} | {} |\n",
                    r.vendor_ids[v.vendor],
                    short(m.metric),
                    m.value.map_or("n/a".into(), |x| show(m, x)),
                    crate::gates::fmt_num(m.n),
                    m.unit,
                    intervals(m)
                ));
            }
        }
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
pub fn json(r: &PilotReport) -> Vec<u8> {
    let metric = |m: &MetricRow| {
        let ints: serde_json::Map<String, Value> = m
            .intervals
            .iter()
            .map(|(n, i)| (n.to_string(), json!([i.lower, i.upper])))
            .collect();
        json!({"metric": m.metric, "value": m.value, "n": m.n, "unit": m.unit, "events": m.events, "median": m.median, "intervals": ints})
    };
    let groups: Vec<Value> = r.groups.iter().map(|(label, vs)| json!({"group": label, "vendors": vs.iter().map(|v| json!({"vendor": r.vendor_ids[v.vendor], "endpoints": v.endpoints, "endpoint_days": v.endpoint_days, "metrics": v.metrics.iter().map(metric).collect::<Vec<_>>()})).collect::<Vec<_>>()})).collect();
    let comparisons: Vec<Value> = r.comparisons.iter().map(|c| json!({"metric": c.metric, "a": r.vendor_ids[c.a], "b": r.vendor_ids[c.b], "test": c.test, "p": c.p, "p_holm": c.p_adjusted})).collect();
    let tiers: Vec<Value> = r.tiers.iter().map(|t| json!({"metric": t.metric, "tiers": t.tiers.iter().map(|tier| tier.iter().map(|&v| r.vendor_ids[v].clone()).collect::<Vec<_>>()).collect::<Vec<_>>()})).collect();
    let checklist: Vec<Value> = r.checklist.iter().map(|(v, lines)| json!({"vendor": r.vendor_ids[*v], "go": lines.iter().all(|l| l.go), "gates": lines.iter().map(|l| json!({"gate": l.gate, "go": l.go, "text": l.text})).collect::<Vec<_>>()})).collect();
    let mut b = serde_json::to_vec_pretty(&json!({"dataset": r.dataset, "groups": groups, "comparisons": comparisons, "tiers": tiers, "checklist": checklist})).expect("plain values");
    b.push(b'\n');
    b
}

/// CSV: one row per group, vendor and metric.
pub fn csv(r: &PilotReport) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "group", "vendor", "metric", "value", "n", "unit", "method", "lower95", "upper95",
    ])
    .expect("memory");
    for (label, vs) in &r.groups {
        for v in vs {
            for m in &v.metrics {
                let base = [
                    safe(label),
                    safe(&r.vendor_ids[v.vendor]),
                    m.metric.to_string(),
                    m.value.map(|x| x.to_string()).unwrap_or_default(),
                    m.n.to_string(),
                    m.unit.to_string(),
                ];
                if m.intervals.is_empty() {
                    w.write_record(base.iter().cloned().chain([
                        String::new(),
                        String::new(),
                        String::new(),
                    ]))
                    .expect("memory");
                }
                for (name, i) in &m.intervals {
                    w.write_record(base.iter().cloned().chain([
                        name.to_string(),
                        i.lower.to_string(),
                        i.upper.to_string(),
                    ]))
                    .expect("memory");
                }
            }
        }
    }
    w.into_inner().expect("memory")
}
