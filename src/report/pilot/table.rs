//! The pilot's metrics as a table, shared by the terminal and Markdown views: values for
//! people, their intervals, and the order vendors come in.

use crate::pilot::{Kind, MetricRow, PilotReport, VendorPilot};
use crate::report::doc::Table;

/// A value for people: rates as percentages, per-day rates with 4 decimals.
fn show(m: &MetricRow, x: f64) -> String {
    match m.kind {
        Kind::Rate => format!("{:.2}%", 100.0 * x),
        Kind::PerDay => format!("{x:.4}"),
        _ => format!("{x:.2}"),
    }
}

/// A metric's intervals in words, joined by `sep`.
fn intervals(m: &MetricRow, sep: &str) -> String {
    m.intervals
        .iter()
        .map(|(name, i)| format!("{} to {} ({name})", show(m, i.lower), show(m, i.upper)))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The table of one group's metrics. For a terminal (`for_terminal`) each vendor is
/// named on its first row only, its endpoints on the line below, and each interval has
/// a line of its own; otherwise every row names its vendor and intervals share a line.
pub(super) fn metrics_table(
    r: &PilotReport,
    vendors: &[&VendorPilot],
    for_terminal: bool,
) -> Table {
    let mut t = Table::new(
        &["vendor", "metric", "value", "n", "95% interval"],
        &[false, false, true, true, false],
    );
    let sep = if for_terminal { "\n" } else { "; " };
    for v in vendors {
        for (i, m) in v.metrics.iter().enumerate() {
            let id = match (for_terminal, i) {
                (false, _) => r.vendor_ids[v.vendor].clone(),
                (true, 0) => format!("{}\n{} endpoints", r.vendor_ids[v.vendor], v.endpoints),
                (true, _) => String::new(),
            };
            t.rows.push(vec![
                id,
                crate::report::pilot_metric_name(m.metric, m.kind),
                m.value.map_or("n/a".into(), |x| show(m, x)),
                format!("{} {}", crate::gates::fmt_num(m.n), m.unit),
                intervals(m, sep),
            ]);
        }
    }
    t
}

/// Whether vendor `v` passes every gate of the criteria file (a vendor without a
/// checklist passes).
fn goes(r: &PilotReport, v: usize) -> bool {
    r.checklist
        .iter()
        .find(|(x, _)| *x == v)
        .is_none_or(|(_, lines)| lines.iter().all(|l| l.go))
}

/// `items` with the vendors that pass the gates first and those excluded after, each
/// part in its own order; `vendor` says whose an item is.
pub(super) fn go_first<'a, T>(
    r: &PilotReport,
    items: &'a [T],
    vendor: impl Fn(&T) -> usize,
) -> Vec<&'a T> {
    let (mut go, no_go): (Vec<&'a T>, Vec<&'a T>) = items.iter().partition(|x| goes(r, vendor(x)));
    go.extend(no_go);
    go
}
