//! The pilot metrics as one export table: `pilot --format csv` and the report's
//! `tables/pilot_metrics.*` are this table, so they hold the same columns and values.

use crate::pilot::PilotReport;
use crate::tables::{DataTable, Values};

/// One row per group, vendor, metric and interval (a metric with no interval has one row
/// with the interval cells empty): `group, vendor, metric, value, n, n_unit, interval,
/// lower95, upper95`. Groups, vendors and metrics keep the pilot report's order.
pub fn table(r: &PilotReport) -> DataTable {
    let mut group = Vec::new();
    let mut vendor = Vec::new();
    let mut metric = Vec::new();
    let mut value = Vec::new();
    let mut n = Vec::new();
    let mut unit = Vec::new();
    let mut interval = Vec::new();
    let mut lower = Vec::new();
    let mut upper = Vec::new();
    for (label, vendors) in &r.groups {
        for v in vendors {
            for m in &v.metrics {
                let named = m.intervals.iter().map(|(name, i)| Some((*name, i)));
                let rows: Vec<_> = if m.intervals.is_empty() {
                    vec![None]
                } else {
                    named.collect()
                };
                for row in rows {
                    group.push(Some(label.clone()));
                    vendor.push(Some(r.vendor_ids[v.vendor].clone()));
                    metric.push(Some(m.metric.to_string()));
                    value.push(m.value);
                    n.push(Some(m.n));
                    unit.push(Some(m.unit.to_string()));
                    interval.push(row.map(|(name, _)| name.to_string()));
                    lower.push(row.map(|(_, i)| i.lower));
                    upper.push(row.map(|(_, i)| i.upper));
                }
            }
        }
    }
    DataTable::new("pilot_metrics")
        .with("group", Values::Text(group))
        .with("vendor", Values::Text(vendor))
        .with("metric", Values::Text(metric))
        .with("value", Values::Number(value))
        .with("n", Values::Number(n))
        .with("n_unit", Values::Text(unit))
        .with("interval", Values::Text(interval))
        .with("lower95", Values::Number(lower))
        .with("upper95", Values::Number(upper))
}
