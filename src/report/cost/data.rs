//! The cost table as one export table: `cost --format csv` and the report's `tables/cost.*`
//! are this table, amounts as numbers (never rounded to text).

use super::{CostRow, CostTable};
use crate::cost::Quote;
use crate::tables::{DataTable, Values};

/// One row per vendor, in the cost table's order: `vendor, name, edition, currency,
/// monthly, subscriptions, setup, migration, tco, all_in_per_endpoint_month, rank, score,
/// score_per_cost, efficient, error`. A vendor that cannot be priced has its amounts empty
/// and the reason in `error`.
pub fn table(t: &CostTable) -> DataTable {
    let rows = &t.rows;
    let text = |f: &dyn Fn(&CostRow) -> Option<String>| Values::Text(rows.iter().map(f).collect());
    let number = |f: &dyn Fn(&CostRow) -> Option<f64>| Values::Number(rows.iter().map(f).collect());
    let amount = |f: fn(&Quote) -> f64| number(&move |r: &CostRow| r.quote.as_ref().ok().map(f));
    DataTable::new("cost")
        .with("vendor", text(&|r| Some(r.vendor.clone())))
        .with("name", text(&|r| Some(r.name.clone())))
        .with(
            "edition",
            text(&|r| r.quote.as_ref().ok().map(|q| q.edition.clone())),
        )
        .with("currency", text(&|_| Some(t.currency.clone())))
        .with("monthly", amount(Quote::monthly))
        .with("subscriptions", amount(Quote::subscriptions))
        .with("setup", amount(Quote::setup))
        .with("migration", amount(Quote::migration))
        .with("tco", amount(Quote::tco))
        .with("all_in_per_endpoint_month", number(&|r| r.all_in))
        .with(
            "rank",
            Values::Integer(rows.iter().map(|r| r.rank.map(|k| k as i64)).collect()),
        )
        .with("score", number(&|r| r.score))
        .with(
            "score_per_cost",
            number(&|r| r.value.as_ref().and_then(|v| v.score_per_cost)),
        )
        .with(
            "efficient",
            Values::Bool(
                rows.iter()
                    .map(|r| r.value.as_ref().map(|v| v.efficient))
                    .collect(),
            ),
        )
        .with("error", text(&|r| r.quote.as_ref().err().cloned()))
}
