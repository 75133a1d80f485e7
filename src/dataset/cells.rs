//! Typed access to the cells of a text table, collecting a problem for each bad value.
//!
//! A `Cells` reader checks the header against the file's columns once, then each typed
//! getter returns `None` for a bad or empty value and records why, with the line and
//! column, so that a whole file is checked in one pass.

use std::collections::HashMap;

use super::dates::{parse_date, Date};
use super::table::TextTable;
use crate::problem::{backticks, Problem};

/// The spellings of a true boolean cell; the fast pilot path and the cell checks share them.
pub const TRUE: [&str; 7] = ["true", "True", "TRUE", "yes", "Yes", "YES", "1"];
/// The spellings of a false boolean cell.
pub const FALSE: [&str; 7] = ["false", "False", "FALSE", "no", "No", "NO", "0"];

/// The largest count any evidence file or client profile may hold in one cell (samples,
/// events, seats, devices): 10^9. Far above any real pilot row or fleet, and low enough
/// that no total of a file can overflow (a vendor's totals stay below 2^64 for any file of
/// fewer than 10^10 rows) or lose a unit in floating point (sums stay exact below 2^53,
/// nine million rows at the bound on one endpoint). docs/security.md.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// The largest magnitude of any other number in an evidence file or client profile
/// (prices, fees, gauges, times, rates, hours): 10^9, so that sums and products of them
/// (a price x 10^9 seats x 1,200 months) stay finite. docs/security.md.
pub const MAX_VALUE: f64 = 1e9;

/// Reads typed cells from one table, collecting problems.
pub struct Cells<'a> {
    pub table: &'a TextTable,
    index: HashMap<&'static str, usize>,
    pub problems: Vec<Problem>,
    /// Per column, the cells written with a decimal comma (`3,82`): (first row, its
    /// text, how many), reported once per column by [`Cells::finish`].
    decimal_commas: Vec<(&'static str, usize, &'a str, usize)>,
}

/// Whether `s` is a number written with a decimal comma: `3,82`, `-0,5`, `1.234,56`.
fn decimal_comma(s: &str) -> bool {
    let Some((whole, frac)) = s.rsplit_once(',') else {
        return false;
    };
    let whole = whole.strip_prefix('-').unwrap_or(whole);
    !whole.is_empty()
        && !frac.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit() || c == '.')
        && frac.chars().all(|c| c.is_ascii_digit())
}

impl<'a> Cells<'a> {
    /// Checks that every column of `required` is present; `None` (with the problems) when
    /// one is missing, since no row can then be read.
    pub fn new(
        table: &'a TextTable,
        required: &[&'static str],
        optional: &[&'static str],
    ) -> Result<Cells<'a>, Vec<Problem>> {
        // A workbook's unreadable cells come first, with the rest of the file's problems.
        let mut problems = table.cell_problems.clone();
        let near = near_misses(table, required, optional);
        if !near.is_empty() {
            problems.extend(near);
            return Err(problems);
        }
        if let Some(p) = missing_columns(
            &table.file,
            table.header_location(),
            &table.headers,
            required,
        ) {
            problems.push(p);
            return Err(problems);
        }
        let index = required
            .iter()
            .chain(optional)
            .filter_map(|c| table.column_index(c).map(|i| (*c, i)))
            .collect();
        Ok(Cells {
            table,
            index,
            problems,
            decimal_commas: Vec::new(),
        })
    }

    /// The rows read, or every problem recorded. Decimal commas are one problem per
    /// column, at the first such cell, with the count: a file exported with a comma as
    /// the decimal separator would otherwise give one identical problem per row.
    pub fn finish<T>(mut self, rows: Vec<T>) -> Result<Vec<T>, Vec<Problem>> {
        for (column, row, text, count) in std::mem::take(&mut self.decimal_commas) {
            let more = match count {
                1 => String::new(),
                n => format!(" (and {} more cells of this column)", n - 1),
            };
            self.problem(
                row,
                column,
                format!("`{column}` is `{text}`, written with a decimal comma{more}"),
                Some(format!("write decimals with a dot (`{}`): export the file with `.` as the decimal separator", text.replace('.', "").replace(',', "."))),
            );
        }
        if self.problems.is_empty() {
            Ok(rows)
        } else {
            Err(self.problems)
        }
    }

    /// Records a problem at a cell.
    pub fn problem(&mut self, row: usize, column: &str, message: String, hint: Option<String>) {
        let col = self.index.get(column).copied();
        let mut p = Problem::at(&self.table.file, self.table.location(row, col), message);
        p.hint = hint;
        self.problems.push(p);
    }

    /// The text of a cell, `None` when empty or the column is absent.
    pub fn text(&self, row: usize, column: &str) -> Option<&'a str> {
        let c = *self.index.get(column)?;
        self.table.cell(c, row)
    }

    /// The text of a cell that must not be empty.
    pub fn required(&mut self, row: usize, column: &'static str) -> Option<&'a str> {
        let v = self.text(row, column);
        if v.is_none() {
            self.problem(
                row,
                column,
                format!("`{column}` is empty"),
                Some(format!("`{column}` needs a value on every row")),
            );
        }
        v
    }

    /// A finite number in `range` (inclusive); empty gives `None` with no problem.
    pub fn number(&mut self, row: usize, column: &'static str, min: f64, max: f64) -> Option<f64> {
        let s = self.text(row, column)?;
        if decimal_comma(s) {
            match self.decimal_commas.iter_mut().find(|d| d.0 == column) {
                Some(d) => d.3 += 1,
                None => self.decimal_commas.push((column, row, s, 1)),
            }
            return None;
        }
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() && v >= min && v <= max => Some(v),
            Ok(v) if v.is_finite() => {
                self.problem(
                    row,
                    column,
                    format!("`{column}` is `{s}`, out of range"),
                    Some(range_hint(min, max)),
                );
                None
            }
            _ => {
                self.problem(
                    row,
                    column,
                    format!("`{column}` is `{s}`, not a number"),
                    Some(format!(
                        "expected a finite decimal number such as `12.5` ({})",
                        range_hint(min, max)
                    )),
                );
                None
            }
        }
    }

    /// A whole number >= `min`; empty gives `None` with no problem.
    pub fn count(&mut self, row: usize, column: &'static str, min: u64) -> Option<u64> {
        let s = self.text(row, column)?;
        // Parquet integers cast to text as `12`; floats holding whole numbers as `12.0`.
        let parsed = s.parse::<u64>().ok().or_else(|| {
            let f = s.parse::<f64>().ok()?;
            (f.fract() == 0.0 && (0.0..9.0e15).contains(&f)).then_some(f as u64)
        });
        match parsed {
            Some(v) if (min..=MAX_COUNT).contains(&v) => Some(v),
            _ => {
                let what = match parsed {
                    Some(v) if v > MAX_COUNT => "too large",
                    Some(_) => "too small",
                    None if s.starts_with('-') => "negative",
                    None => "not a whole number",
                };
                self.problem(
                    row,
                    column,
                    format!("`{column}` is `{s}`, {what}"),
                    Some(format!("expected a whole number from {min} to {MAX_COUNT}")),
                );
                None
            }
        }
    }

    /// `true`/`false` (also `yes`/`no`, `1`/`0`); empty gives `None`.
    /// A boolean cell: one of [`TRUE`] or [`FALSE`] (the fast pilot path accepts the same).
    pub fn boolean(&mut self, row: usize, column: &'static str) -> Option<bool> {
        let s = self.text(row, column)?;
        match s {
            _ if TRUE.contains(&s) => Some(true),
            _ if FALSE.contains(&s) => Some(false),
            _ => {
                self.problem(
                    row,
                    column,
                    format!("`{column}` is `{s}`, not true or false"),
                    Some("expected `true`/`false`, `yes`/`no` or `1`/`0`".into()),
                );
                None
            }
        }
    }

    /// A date (`YYYY-MM-DD`, or also `YYYY-MM` when `month_ok`); empty gives `None`.
    pub fn date(&mut self, row: usize, column: &'static str, month_ok: bool) -> Option<Date> {
        let s = self.text(row, column)?;
        let d = parse_date(s, month_ok);
        if d.is_none() {
            let want = if month_ok {
                "`YYYY-MM` or `YYYY-MM-DD`"
            } else {
                "`YYYY-MM-DD`"
            };
            self.problem(
                row,
                column,
                format!("`{column}` is `{s}`, not a valid date"),
                Some(format!("expected {want}, e.g. `2024-09-29`")),
            );
        }
        d
    }

    /// One of `choices`; empty gives `None`.
    pub fn choice(
        &mut self,
        row: usize,
        column: &'static str,
        choices: &[&'static str],
    ) -> Option<&'static str> {
        let s = self.text(row, column)?;
        let found = choices.iter().copied().find(|c| c.eq_ignore_ascii_case(s));
        if found.is_none() {
            let hint = crate::problem::suggest(s, choices.iter().copied())
                .unwrap_or_else(|| format!("expected one of {}", backticks(choices)));
            self.problem(
                row,
                column,
                format!("`{column}` is `{s}`, not a known value"),
                Some(hint),
            );
        }
        found
    }

    /// An identifier: lower-case letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    pub fn slug(&mut self, row: usize, column: &'static str, required: bool) -> Option<&'a str> {
        let s = if required {
            self.required(row, column)?
        } else {
            self.text(row, column)?
        };
        if is_slug(s) {
            Some(s)
        } else {
            self.problem(
                row,
                column,
                format!("`{column}` is `{s}`, not a valid identifier"),
                Some("use lower-case letters, digits, `-` and `_`, e.g. `acme-edr`".into()),
            );
            None
        }
    }
}

/// The problem of a header that lacks required columns (with a hint when the file
/// looks semicolon- or tab-separated), or `None` when all are there.
/// Headers that are a known column name in other letter case or spacing (`Restrictions`,
/// `hq country`): read as they are, they would be ignored and the column taken as absent,
/// so each is a problem at the header naming the expected spelling.
fn near_misses(table: &TextTable, required: &[&str], optional: &[&str]) -> Vec<Problem> {
    let fold = |s: &str| s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    table
        .headers
        .iter()
        .filter(|h| !required.contains(&h.as_str()) && !optional.contains(&h.as_str()))
        .filter_map(|h| {
            let known = required.iter().chain(optional).find(|k| fold(h) == **k)?;
            Some(
                Problem::at(
                    &table.file,
                    table.header_location(),
                    format!("column `{h}` is not spelled `{known}`"),
                )
                .hint(format!(
                    "column names are lower case with underscores (docs/data-formats.md); rename it `{known}`"
                )),
            )
        })
        .collect()
}

pub fn missing_columns(
    file: &str,
    at: crate::problem::Location,
    headers: &[String],
    required: &[&str],
) -> Option<Problem> {
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut hint = format!("expected the columns {}", backticks(required));
    if let [h] = headers {
        if h.contains(';') || h.contains('\t') {
            let sep = if h.contains(';') { "semicolon" } else { "tab" };
            hint = format!(
                "the header looks {sep}-separated; evidence files are comma-separated ({hint})"
            );
        }
    }
    let s = if missing.len() == 1 { "" } else { "s" };
    Some(
        Problem::at(
            file,
            at,
            format!("missing required column{s} {}", backticks(&missing)),
        )
        .hint(hint),
    )
}

/// Lower-case letters, digits, `-`, `_` and `.`, starting with a letter or digit.
pub fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

fn range_hint(min: f64, max: f64) -> String {
    match (min.is_finite(), max.is_finite()) {
        (true, true) => format!("expected a value from {min} to {max}"),
        (true, false) => format!("expected a value >= {min}"),
        (false, true) => format!("expected a value <= {max}"),
        _ => "expected a finite number".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("connectwise-automate"));
        assert!(is_slug("k7"));
        assert!(!is_slug("Acme"));
        assert!(!is_slug("-x"));
        assert!(!is_slug("a b"));
    }
}
