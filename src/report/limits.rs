//! How much of a large input the report shows in full. Charts draw the first
//! [`TOP_VENDORS`] ranked vendors and the [`TOP_CRITERIA`] criteria that matter most; the
//! tables of `report.html` and `report.md` list at most [`TABLE_ROWS`] rows; each cut is
//! said in a note that names where the rest is (`ranking.csv`, `tables/`). The files under
//! `tables/` and `ranking.*` always hold every vendor and criterion.
//!
//! Below the limits nothing changes: the demo data's report is the same with or without
//! them.

/// Vendors drawn in a chart (rows, lines, points) and shown as columns of a table.
pub const TOP_VENDORS: usize = 20;
/// Criteria drawn in a chart (segments, axes, bars); the others are summed or left out.
/// With the ranking chart's segment for the others, 17: one per colour of the criterion
/// palette.
pub const TOP_CRITERIA: usize = 16;
/// Rows of a table (or items of a list) in the report document.
pub const TABLE_ROWS: usize = 50;

use super::doc::{Block, Table};

/// A count for people, with thousands separated by commas: `1,980`.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The indices of the `k` largest keys (earlier index first on ties), in index order:
/// which criteria (or bars) a chart keeps. All of them when there are at most `k`.
pub fn largest(keys: &[f64], k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    if keys.len() > k {
        order.sort_by(|&a, &b| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)));
        order.truncate(k);
        order.sort_unstable();
    }
    order
}

/// The note under a cut chart or table: "1,980 more vendors are in `ranking.csv`." (`one`
/// and `many` name one thing and several).
pub fn more(hidden: usize, one: &str, many: &str, place: &str) -> String {
    if hidden == 1 {
        format!("1 more {one} is in {place}.")
    } else {
        format!("{} more {many} are in {place}.", count(hidden))
    }
}

/// "top 20 of 2,000 vendors" when a chart shows `shown` of `total` things, else `None`.
pub fn top_of(shown: usize, total: usize, what: &str) -> Option<String> {
    (shown < total).then(|| format!("top {} of {} {what}", count(shown), count(total)))
}

/// A chart title's suffix when a chart shows `shown` of `total` things, else nothing:
/// " (top 20 of 2,000 vendors)".
pub fn title_cut(shown: usize, total: usize, what: &str) -> String {
    top_of(shown, total, what).map_or(String::new(), |t| format!(" ({t})"))
}

/// Cuts a table to its first [`TABLE_ROWS`] rows; the note says how many more `many` are
/// in `place`, or `None` when nothing was cut.
pub fn cut_table(t: &mut Table, one: &str, many: &str, place: &str) -> Option<Block> {
    cut(&mut t.rows, one, many, place)
}

/// Cuts a list to its first [`TABLE_ROWS`] items, as [`cut_table`] does.
pub fn cut_list(items: &mut Vec<String>, one: &str, many: &str, place: &str) -> Option<Block> {
    cut(items, one, many, place)
}

fn cut<T>(items: &mut Vec<T>, one: &str, many: &str, place: &str) -> Option<Block> {
    let note = cut_note(items.len(), one, many, place);
    items.truncate(TABLE_ROWS);
    note
}

/// The note of [`cut_table`] for a table or list of `total` rows built with only its first
/// [`TABLE_ROWS`]; `None` when `total` fits.
pub fn cut_note(total: usize, one: &str, many: &str, place: &str) -> Option<Block> {
    let hidden = total.checked_sub(TABLE_ROWS).filter(|&h| h > 0)?;
    Some(Block::Paragraph(format!(
        "The first {TABLE_ROWS} are shown; {}",
        more(hidden, one, many, place)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(1_980), "1,980");
        assert_eq!(count(12_345_678), "12,345,678");
    }

    #[test]
    fn largest_keeps_the_heaviest_in_index_order() {
        assert_eq!(largest(&[0.1, 0.5, 0.2, 0.5], 2), vec![1, 3]);
        assert_eq!(largest(&[0.1, 0.5, 0.2], 3), vec![0, 1, 2]);
        assert_eq!(largest(&[0.3, 0.3, 0.3], 2), vec![0, 1]);
        assert!(largest(&[], 2).is_empty());
    }

    #[test]
    fn long_tables_are_cut_with_a_note() {
        let mut t = Table::new(&["a"], &[false]);
        t.rows = (0..TABLE_ROWS + 3).map(|i| vec![i.to_string()]).collect();
        let note = cut_table(&mut t, "row", "rows", "`x.csv`");
        assert_eq!(t.rows.len(), TABLE_ROWS);
        assert_eq!(
            note,
            Some(Block::Paragraph(format!(
                "The first {TABLE_ROWS} are shown; 3 more rows are in `x.csv`."
            )))
        );
        let mut short = vec!["a".to_string(); TABLE_ROWS];
        assert_eq!(cut_list(&mut short, "item", "items", "`x`"), None);
        assert_eq!(short.len(), TABLE_ROWS);
    }

    #[test]
    fn notes_read_well() {
        assert_eq!(
            more(1980, "vendor", "vendors", "`ranking.csv`"),
            "1,980 more vendors are in `ranking.csv`."
        );
        assert_eq!(
            more(1, "vendor", "vendors", "`ranking.csv`"),
            "1 more vendor is in `ranking.csv`."
        );
        assert_eq!(title_cut(20, 2000, "vendors"), " (top 20 of 2,000 vendors)");
        assert_eq!(title_cut(6, 6, "vendors"), "");
        assert_eq!(top_of(6, 6, "vendors"), None);
    }
}
