//! The ranking as one table: one row per vendor, ranked first, then the excluded ones,
//! with the score, each criterion's points and value, and the reasons for an exclusion.
//! `rank --format csv` prints it and the report writes it as `ranking.csv` and as
//! `tables/ranking.csv|json|parquet`, so they never disagree.

use crate::rank::Ranking;
use crate::report::tables;
use crate::tables::{DataTable, Values};

/// The ranking table. Methods other than the weighted sum give no per-criterion points:
/// those cells are empty.
pub fn table(r: &Ranking) -> DataTable {
    let n = r.criteria.len();
    let ranked = &r.ranked;
    let excluded = &r.excluded;
    let text = |v: Vec<Option<String>>| Values::Text(v);
    let mut t = DataTable::new("ranking")
        .with(
            "rank",
            Values::Integer(
                ranked
                    .iter()
                    .map(|v| Some(v.rank as i64))
                    .chain(std::iter::repeat_n(None, excluded.len()))
                    .collect(),
            ),
        )
        .with(
            "vendor",
            text(
                ranked
                    .iter()
                    .map(|v| Some(v.vendor.clone()))
                    .chain(excluded.iter().map(|x| Some(x.vendor.clone())))
                    .collect(),
            ),
        )
        .with(
            "name",
            text(
                ranked
                    .iter()
                    .map(|v| Some(v.name.clone()))
                    .chain(excluded.iter().map(|x| Some(x.name.clone())))
                    .collect(),
            ),
        )
        .with(
            "score",
            Values::Number(
                ranked
                    .iter()
                    .map(|v| Some(v.score))
                    .chain(std::iter::repeat_n(None, excluded.len()))
                    .collect(),
            ),
        );
    for (c, info) in r.criteria.iter().enumerate() {
        let points = ranked
            .iter()
            .map(|v| (v.contributions.len() == n).then(|| v.contributions[c]))
            .chain(std::iter::repeat_n(None, excluded.len()))
            .collect();
        t = t.with(&format!("{}.points", info.id), Values::Number(points));
    }
    for (c, info) in r.criteria.iter().enumerate() {
        let values = ranked
            .iter()
            .map(|v| v.values[c])
            .chain(std::iter::repeat_n(None, excluded.len()))
            .collect();
        t = t.with(&format!("{}.value", info.id), Values::Number(values));
    }
    let reasons = ranked.iter().map(|_| None).chain(excluded.iter().map(|x| {
        let all: Vec<String> = x
            .reasons
            .iter()
            .map(|q| format!("{}: {}", q.by, q.text))
            .collect();
        Some(all.join("; "))
    }));
    t.with(
        "excluded",
        Values::Bool(
            ranked
                .iter()
                .map(|_| Some(false))
                .chain(excluded.iter().map(|_| Some(true)))
                .collect(),
        ),
    )
    .with("reasons", text(reasons.collect()))
}

/// Renders the ranking as CSV bytes.
pub fn csv(r: &Ranking) -> Vec<u8> {
    tables::csv(&table(r))
}
