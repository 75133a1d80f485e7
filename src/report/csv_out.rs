//! The ranking as CSV: one row per vendor, ranked first, then excluded ones.
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) are prefixed with `'` (OWASP "CSV injection").

use crate::rank::Ranking;

/// Renders the ranking as CSV bytes.
pub fn csv(r: &Ranking) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec![
        "rank".to_string(),
        "vendor".into(),
        "name".into(),
        "score".into(),
    ];
    head.extend(r.criteria.iter().map(|c| format!("{}.points", c.id)));
    head.extend(r.criteria.iter().map(|c| format!("{}.value", c.id)));
    head.extend(["excluded".into(), "reasons".into()]);
    w.write_record(&head).expect("write to memory");
    for v in &r.ranked {
        let mut row = vec![
            v.rank.to_string(),
            safe(&v.vendor),
            safe(&v.name),
            format!("{:.4}", v.score),
        ];
        // Methods other than the weighted sum have no per-criterion points: empty cells.
        if v.contributions.len() == r.criteria.len() {
            row.extend(v.contributions.iter().map(|x| format!("{x:.4}")));
        } else {
            row.extend(std::iter::repeat_n(String::new(), r.criteria.len()));
        }
        row.extend(
            v.values
                .iter()
                .map(|x| x.map_or(String::new(), |x| x.to_string())),
        );
        row.extend(["false".into(), String::new()]);
        w.write_record(&row).expect("write to memory");
    }
    for x in &r.excluded {
        let mut row = vec![String::new(), safe(&x.vendor), safe(&x.name), String::new()];
        row.extend(std::iter::repeat_n(String::new(), 2 * r.criteria.len()));
        let reasons: Vec<String> = x
            .reasons
            .iter()
            .map(|q| format!("{}: {}", q.by, q.text))
            .collect();
        row.extend(["true".into(), safe(&reasons.join("; "))]);
        w.write_record(&row).expect("write to memory");
    }
    w.into_inner().expect("flush to memory")
}

/// Neutralises a text cell that a spreadsheet would evaluate.
pub fn safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(super::safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::safe("acme"), "acme");
    }
}
