//! The ranking as CSV: one row per vendor, ranked first, then excluded ones.

use crate::rank::Ranking;
use crate::report::doc::Table;
use crate::report::export::csv::table;

/// Renders the ranking as CSV bytes.
pub fn csv(r: &Ranking) -> Vec<u8> {
    let n = r.criteria.len();
    let mut t = Table::new(
        &["rank", "vendor", "name", "score"],
        &[true, false, false, true],
    );
    for suffix in ["points", "value"] {
        for c in &r.criteria {
            t.header.push(format!("{}.{suffix}", c.id));
            t.numeric.push(true);
        }
    }
    t.header.extend(["excluded".into(), "reasons".into()]);
    t.numeric.extend([false, false]);
    for v in &r.ranked {
        let mut row = vec![
            v.rank.to_string(),
            v.vendor.clone(),
            v.name.clone(),
            format!("{:.4}", v.score),
        ];
        // Methods other than the weighted sum have no per-criterion points: empty cells.
        if v.contributions.len() == n {
            row.extend(v.contributions.iter().map(|x| format!("{x:.4}")));
        } else {
            row.extend(std::iter::repeat_n(String::new(), n));
        }
        row.extend(
            v.values
                .iter()
                .map(|x| x.map_or(String::new(), |x| x.to_string())),
        );
        row.extend(["false".into(), String::new()]);
        t.rows.push(row);
    }
    for x in &r.excluded {
        let mut row = vec![
            String::new(),
            x.vendor.clone(),
            x.name.clone(),
            String::new(),
        ];
        row.extend(std::iter::repeat_n(String::new(), 2 * n));
        let reasons: Vec<String> = x
            .reasons
            .iter()
            .map(|q| format!("{}: {}", q.by, q.text))
            .collect();
        row.extend(["true".into(), reasons.join("; ")]);
        t.rows.push(row);
    }
    table(&t)
}
