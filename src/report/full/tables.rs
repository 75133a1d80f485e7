//! The export tables of the report (`tables/*.csv|json|parquet`). Each is the table its own
//! command prints with `--format csv`, built by the same function.

use super::inputs::Inputs;
use crate::rank::Ranking;
use crate::tables::{DataTable, Values};

/// The export tables: the ranking, the criteria, and (when computed) the rank acceptability,
/// the pilot metrics and the costs.
pub(super) fn tables(i: &Inputs) -> Vec<DataTable> {
    let mut out = vec![
        crate::report::ranking::table(i.ranking),
        criteria(i.ranking),
    ];
    if let Some(a) = i.analysis {
        out.push(crate::report::sensitivity::acceptability_data(a));
    }
    if let Some(p) = i.pilot {
        out.push(crate::report::pilot::table(p));
    }
    if let Some(t) = i.cost {
        out.push(crate::report::cost::table(t));
    }
    out
}

/// The criteria the ranking used, with their effective weights.
fn criteria(r: &Ranking) -> DataTable {
    let cs = &r.criteria;
    let text = |f: fn(&crate::rank::CriterionInfo) -> String| {
        Values::Text(cs.iter().map(|c| Some(f(c))).collect())
    };
    DataTable::new("criteria")
        .with("criterion", text(|c| c.id.clone()))
        .with("label", text(|c| c.label.clone()))
        .with("metric", text(|c| c.metric.clone()))
        .with("direction", text(|c| c.direction.name().to_string()))
        .with(
            "weight",
            Values::Number(cs.iter().map(|c| Some(c.weight)).collect()),
        )
        .with("unit", text(|c| c.unit.clone()))
}
