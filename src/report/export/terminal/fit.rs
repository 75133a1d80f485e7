//! A table that fits the terminal. Each table declares how it gives way when it is too
//! wide: the columns it leaves out, in order, and the columns whose text may wrap. Columns
//! are left out one at a time until the table fits with its wrapping columns at their
//! narrowest; then, if it is still too wide, those columns wrap at spaces. A note under
//! the table names what was left out and says that `--wide` shows every column.

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, ColumnConstraint};
use comfy_table::{ContentArrangement, Table as Drawn, Width as Columns};

use super::width::{display_width, widest_line, Width};
use crate::report::doc::Table;

/// How a table gives way when it is wider than the terminal. Columns not named in
/// [`Fit::leave_out`] are always shown: every table keeps its vendor and its key figure.
#[derive(Debug, Clone)]
pub struct Fit {
    /// Columns in the order they are left out: the first goes first.
    leave_out: Vec<usize>,
    /// Columns whose text may wrap at spaces.
    wrap: Vec<usize>,
    /// Each column's name in the note of left-out columns.
    names: Vec<String>,
}

impl Fit {
    /// A table that never gives way; the note names columns by their header, its lines
    /// joined by spaces.
    pub fn new(t: &Table) -> Fit {
        Fit {
            leave_out: Vec::new(),
            wrap: Vec::new(),
            names: t.header.iter().map(|h| h.replace('\n', " ")).collect(),
        }
    }

    /// Columns that may be left out, the first to go first.
    pub fn leave_out(mut self, columns: impl IntoIterator<Item = usize>) -> Fit {
        self.leave_out.extend(columns);
        self
    }

    /// Columns whose text may wrap at spaces.
    pub fn wrap(mut self, columns: impl IntoIterator<Item = usize>) -> Fit {
        self.wrap.extend(columns);
        self
    }

    /// The name of column `k` in the note of left-out columns.
    pub fn name(mut self, k: usize, name: &str) -> Fit {
        if let Some(n) = self.names.get_mut(k) {
            *n = name.to_string();
        }
        self
    }
}

/// How the drawn columns take their width.
#[derive(Clone, Copy)]
enum Arrange {
    /// Every column as wide as its widest line.
    Natural,
    /// The wrapping columns one word per line: the narrowest the table can be.
    Narrowest,
    /// The wrapping columns share what the others leave of this many columns, each at
    /// least as wide as its longest word.
    Within(usize),
}

/// The table drawn to fit `width` (no final newline). When columns were left out, a
/// line under it says which and that `--wide` shows them.
pub fn fitted_table(t: &Table, fit: &Fit, width: Width) -> String {
    let mut shown = vec![true; t.header.len()];
    let Some(limit) = width.limit() else {
        return draw(t, fit, &shown, Arrange::Natural);
    };
    let mut left_out = Vec::new();
    for &k in &fit.leave_out {
        if widest_line(&draw(t, fit, &shown, Arrange::Narrowest)) <= limit {
            break;
        }
        shown[k] = false;
        left_out.push(fit.names[k].as_str());
    }
    let natural = draw(t, fit, &shown, Arrange::Natural);
    let mut out = if widest_line(&natural) <= limit || !fit.wrap.iter().any(|&k| shown[k]) {
        natural
    } else {
        draw(t, fit, &shown, Arrange::Within(limit))
    };
    if !left_out.is_empty() {
        out.push_str(&format!(
            "\nNot shown at {limit} columns: {} (`--wide` shows all)",
            left_out.join(", ")
        ));
    }
    out
}

/// The table with box borders and right-aligned numeric columns, every column shown.
pub fn table(t: &Table) -> String {
    draw(
        t,
        &Fit::new(t),
        &vec![true; t.header.len()],
        Arrange::Natural,
    )
}

/// Draws the `shown` columns of `t`, arranged as asked.
fn draw(t: &Table, fit: &Fit, shown: &[bool], arrange: Arrange) -> String {
    let squeeze = |k: usize, text: &str| -> String {
        match arrange {
            Arrange::Narrowest if fit.wrap.contains(&k) => text.replace(' ', "\n"),
            _ => text.to_string(),
        }
    };
    let mut out = Drawn::new();
    out.load_style(UTF8_BORDERS_ONLY);
    out.set_header(t.header.iter().enumerate().map(|(k, h)| squeeze(k, h)));
    for row in &t.rows {
        out.add_row(row.iter().enumerate().map(|(k, text)| {
            let cell = Cell::new(squeeze(k, text));
            if t.numeric.get(k).copied().unwrap_or(false) {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    match arrange {
        Arrange::Within(limit) => {
            out.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(limit).unwrap_or(u16::MAX));
        }
        _ => {
            out.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    for (k, column) in out.column_iter_mut().enumerate() {
        if !shown[k] {
            column.set_constraint(ColumnConstraint::Hidden);
        } else if matches!(arrange, Arrange::Within(_)) {
            column.set_constraint(if fit.wrap.contains(&k) {
                // The boundary counts the one-column padding on each side.
                let narrowest = longest_word(t, k) + 2;
                ColumnConstraint::LowerBoundary(Columns::Fixed(
                    u16::try_from(narrowest).unwrap_or(u16::MAX),
                ))
            } else {
                ColumnConstraint::ContentWidth
            });
        }
    }
    out.to_string()
}

/// The widest word of column `k`, header included, in terminal columns: the narrowest
/// the column can wrap to without breaking a word.
fn longest_word(t: &Table, k: usize) -> usize {
    let header = t.header.get(k).map(String::as_str);
    let cells = t
        .rows
        .iter()
        .filter_map(|row| row.get(k).map(String::as_str));
    header
        .into_iter()
        .chain(cells)
        .flat_map(str::split_whitespace)
        .map(display_width)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(
            &["vendor", "key", "extra", "words"],
            &[false, true, true, false],
        );
        t.rows.push(vec![
            "alpha".into(),
            "1.0".into(),
            "123456789012345".into(),
            "beaten by someone else".into(),
        ]);
        t
    }

    #[test]
    fn a_table_that_fits_is_drawn_whole() {
        let t = sample();
        let fit = Fit::new(&t).leave_out([2]).wrap([3]);
        assert_eq!(fitted_table(&t, &fit, Width::Columns(200)), table(&t));
        assert_eq!(fitted_table(&t, &fit, Width::Unlimited), table(&t));
    }

    #[test]
    fn columns_are_left_out_in_order_and_named_under_the_table() {
        let t = sample();
        let fit = Fit::new(&t).leave_out([2]).name(2, "the extra");
        let text = fitted_table(&t, &fit, Width::Columns(50));
        assert!(!text.contains("123456789012345"), "{text}");
        assert!(text.contains("alpha") && text.contains("1.0"), "{text}");
        assert!(text.ends_with("Not shown at 50 columns: the extra (`--wide` shows all)"));
        assert!(widest_line(text.split("\nNot shown").next().unwrap()) <= 50);
    }

    #[test]
    fn a_wrapping_column_never_breaks_a_word_when_nothing_fits() {
        let t = sample();
        let fit = Fit::new(&t).wrap([3]);
        let text = fitted_table(&t, &fit, Width::Columns(20));
        for word in ["beaten", "someone", "else"] {
            assert!(text.lines().any(|l| l.contains(word)), "{word}:\n{text}");
        }
    }

    #[test]
    fn wrapping_columns_wrap_before_anything_else_goes() {
        let t = sample();
        let fit = Fit::new(&t).leave_out([2]).wrap([3]);
        let text = fitted_table(&t, &fit, Width::Columns(50));
        assert!(text.contains("123456789012345"), "{text}");
        assert!(!text.contains("Not shown"), "{text}");
        assert!(widest_line(&text) <= 50, "{text}");
    }
}
