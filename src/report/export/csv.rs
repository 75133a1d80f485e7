//! The CSV exporter: a header row, then one record per row.
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) are prefixed with `'` (OWASP "CSV injection"). Every cell of
//! a column that is not marked numeric counts as text; numeric columns (where `-0.5` is a
//! number) are written as they are.

use crate::report::doc::Table;

/// The table as CSV bytes.
pub fn table(t: &Table) -> Vec<u8> {
    records(&t.header, &t.numeric, t.rows.iter().map(|r| r.as_slice()))
}

/// CSV bytes from a header and rows made one at a time, so a large table never holds all
/// its cells as text at once; `numeric` marks the columns written as they are.
pub fn records<R: AsRef<[String]>>(
    header: &[String],
    numeric: &[bool],
    rows: impl Iterator<Item = R>,
) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header.iter().map(|h| safe(h)))
        .expect("write to memory");
    for row in rows {
        w.write_record(row.as_ref().iter().enumerate().map(|(k, cell)| {
            if numeric.get(k).copied().unwrap_or(false) {
                cell.clone()
            } else {
                safe(cell)
            }
        }))
        .expect("write to memory");
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
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("acme"), "acme");
    }

    #[test]
    fn text_columns_are_neutralised_and_numbers_kept() {
        let mut t = Table::new(&["vendor", "score"], &[false, true]);
        t.rows.push(vec!["-x".into(), "-0.5".into()]);
        t.rows.push(vec!["a,b".into(), String::new()]);
        let text = String::from_utf8(table(&t)).unwrap();
        assert_eq!(text, "vendor,score\n'-x,-0.5\n\"a,b\",\n");
    }
}
