//! The export tables of the report (`tables/*.csv|json|parquet`).

use super::inputs::Inputs;
use crate::tables::{DataTable, Values};

/// The export tables: the ranking, the criteria, and (when computed) the rank acceptability,
/// the pilot metrics and the costs.
pub(super) fn tables(i: &Inputs) -> Vec<DataTable> {
    let r = i.ranking;
    let mut out = Vec::new();
    let text = |v: Vec<String>| Values::Text(v.into_iter().map(Some).collect());
    out.push(crate::report::ranking::table(r));
    let cs = &r.criteria;
    out.push(
        DataTable::new("criteria")
            .with("criterion", text(cs.iter().map(|c| c.id.clone()).collect()))
            .with("label", text(cs.iter().map(|c| c.label.clone()).collect()))
            .with(
                "metric",
                text(cs.iter().map(|c| c.metric.clone()).collect()),
            )
            .with(
                "direction",
                text(cs.iter().map(|c| c.direction.name().to_string()).collect()),
            )
            .with(
                "weight",
                Values::Number(cs.iter().map(|c| Some(c.weight)).collect()),
            )
            .with("unit", text(cs.iter().map(|c| c.unit.clone()).collect())),
    );
    if let Some(a) = i.analysis {
        let mut t = DataTable::new("acceptability").with("vendor", text(a.vendors.clone()));
        let ranks = a.smaa.acceptability.first().map_or(0, Vec::len);
        for k in 0..ranks {
            t = t.with(
                &format!("rank_{}", k + 1),
                Values::Number(
                    a.smaa
                        .acceptability
                        .iter()
                        .map(|row| Some(row[k]))
                        .collect(),
                ),
            );
        }
        out.push(t);
    }
    if let Some(p) = i.pilot {
        if let Some((_, vendors)) = p.groups.first() {
            let rows: Vec<(&str, &crate::pilot::MetricRow)> = vendors
                .iter()
                .flat_map(|v| {
                    v.metrics
                        .iter()
                        .map(move |m| (p.vendor_ids[v.vendor].as_str(), m))
                })
                .collect();
            let bound = |upper: bool| {
                Values::Number(
                    rows.iter()
                        .map(|(_, m)| {
                            m.intervals
                                .first()
                                .map(|(_, i)| if upper { i.upper } else { i.lower })
                        })
                        .collect(),
                )
            };
            out.push(
                DataTable::new("pilot_metrics")
                    .with(
                        "vendor",
                        text(rows.iter().map(|(v, _)| v.to_string()).collect()),
                    )
                    .with(
                        "metric",
                        text(rows.iter().map(|(_, m)| m.metric.to_string()).collect()),
                    )
                    .with(
                        "value",
                        Values::Number(rows.iter().map(|(_, m)| m.value).collect()),
                    )
                    .with(
                        "n",
                        Values::Number(rows.iter().map(|(_, m)| Some(m.n)).collect()),
                    )
                    .with(
                        "n_unit",
                        text(rows.iter().map(|(_, m)| m.unit.to_string()).collect()),
                    )
                    .with(
                        "interval",
                        Values::Text(
                            rows.iter()
                                .map(|(_, m)| m.intervals.first().map(|(n, _)| n.to_string()))
                                .collect(),
                        ),
                    )
                    .with("lower95", bound(false))
                    .with("upper95", bound(true)),
            );
        }
    }
    if let Some(t) = i.cost {
        fn q(row: &crate::report::cost::CostRow) -> Option<&crate::cost::Quote> {
            row.quote.as_ref().ok()
        }
        out.push(
            DataTable::new("cost")
                .with(
                    "vendor",
                    text(t.rows.iter().map(|row| row.vendor.clone()).collect()),
                )
                .with(
                    "currency",
                    text(t.rows.iter().map(|_| t.currency.clone()).collect()),
                )
                .with(
                    "edition",
                    Values::Text(
                        t.rows
                            .iter()
                            .map(|row| q(row).map(|q| q.edition.clone()))
                            .collect(),
                    ),
                )
                .with(
                    "total",
                    Values::Number(t.rows.iter().map(|row| q(row).map(|q| q.tco())).collect()),
                )
                .with(
                    "all_in_per_endpoint_month",
                    Values::Number(t.rows.iter().map(|row| row.all_in).collect()),
                )
                .with(
                    "efficient",
                    Values::Bool(
                        t.rows
                            .iter()
                            .map(|row| row.value.as_ref().map(|v| v.efficient))
                            .collect(),
                    ),
                ),
        );
    }
    out
}
