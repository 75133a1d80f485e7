//! Typed access to the cells of a text table, collecting a problem for each bad value.
//!
//! A `Cells` reader checks the header against the file's columns once, then each typed
//! getter returns `None` for a bad or empty value and records why, with the line and
//! column, so that a whole file is checked in one pass.

use std::collections::HashMap;

use super::table::TextTable;
use crate::problem::{backticks, Problem};

/// The spellings of a true boolean cell; the fast pilot path and the cell checks share them.
pub const TRUE: [&str; 7] = ["true", "True", "TRUE", "yes", "Yes", "YES", "1"];
/// The spellings of a false boolean cell.
pub const FALSE: [&str; 7] = ["false", "False", "FALSE", "no", "No", "NO", "0"];

/// A calendar date, or a month when `day` is 0 (`YYYY-MM`). Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.day == 0 {
            write!(f, "{:04}-{:02}", self.year, self.month)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

/// Whether `s` is a real day written `YYYY-MM-DD`: `parse_date(s, false).is_some()`
/// without splitting, for checking every row of a large pilot.
pub fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digit = |i: usize| u32::from(b[i].wrapping_sub(b'0'));
    if [0, 1, 2, 3, 5, 6, 8, 9].iter().any(|&i| digit(i) > 9) {
        return false;
    }
    let year = (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) as i32;
    let (month, day) = (digit(5) * 10 + digit(6), digit(8) * 10 + digit(9));
    (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses `YYYY-MM-DD`, or `YYYY-MM` when `month_ok`.
pub fn parse_date(s: &str, month_ok: bool) -> Option<Date> {
    // No allocation: the pilot's fast path checks every row's date with this.
    let mut parts = s.split('-');
    let num = |p: Option<&str>, len: usize| -> Option<u32> {
        let p = p?;
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    let (year, month) = (num(parts.next(), 4)? as i32, num(parts.next(), 2)?);
    if !(1..=12).contains(&month) {
        return None;
    }
    let day = match (parts.next(), parts.next()) {
        (None, _) if month_ok => None,
        (Some(d), None) => Some(num(Some(d), 2)?),
        _ => return None,
    };
    match day {
        Some(d) if !(1..=days_in_month(year, month)).contains(&d) => None,
        _ => Some(Date {
            year,
            month,
            day: day.unwrap_or(0),
        }),
    }
}

/// Reads typed cells from one table, collecting problems.
pub struct Cells<'a> {
    pub table: &'a TextTable,
    index: HashMap<&'static str, usize>,
    pub problems: Vec<Problem>,
}

impl<'a> Cells<'a> {
    /// Checks that every column of `required` is present; `None` (with the problems) when
    /// one is missing, since no row can then be read.
    pub fn new(
        table: &'a TextTable,
        required: &[&'static str],
        optional: &[&'static str],
    ) -> Result<Cells<'a>, Vec<Problem>> {
        if let Some(p) = missing_columns(
            &table.file,
            table.header_location(),
            &table.headers,
            required,
        ) {
            return Err(vec![p]);
        }
        let index = required
            .iter()
            .chain(optional)
            .filter_map(|c| table.column_index(c).map(|i| (*c, i)))
            .collect();
        Ok(Cells {
            table,
            index,
            problems: Vec::new(),
        })
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
            Some(v) if v >= min => Some(v),
            _ => {
                let what = if s.starts_with('-') {
                    "negative"
                } else {
                    "not a whole number"
                };
                let what = if parsed.is_some() { "too small" } else { what };
                self.problem(
                    row,
                    column,
                    format!("`{column}` is `{s}`, {what}"),
                    Some(format!("expected a whole number >= {min}")),
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

    proptest::proptest! {
        /// The row check's day test agrees with the date parser, on dates and on noise.
        #[test]
        fn is_day_agrees_with_parse_date(s in "[0-9]{4}-[0-3][0-9]-[0-3][0-9]|.{0,11}") {
            proptest::prop_assert_eq!(is_day(&s), parse_date(&s, false).is_some(), "{}", s);
        }
    }

    #[test]
    fn dates_check_calendar() {
        assert_eq!(
            parse_date("2024-02-29", false),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2023-02-29", false), None);
        for bad in [
            "2024-01-00",
            "2024-00-10",
            "2024-1-10",
            "2024-01-10-1",
            "24-01-10",
            "2024-01",
            "2024/01/10",
            "",
        ] {
            assert_eq!(parse_date(bad, false), None, "{bad}");
            assert!(!is_day(bad), "{bad}");
        }
        for good in ["2024-02-29", "2000-02-29", "1999-12-31", "2024-01-01"] {
            assert!(is_day(good) && parse_date(good, false).is_some(), "{good}");
        }
        for bad in [
            "1900-02-29",
            "2023-02-29",
            "2024-04-31",
            "2024-1a-01",
            "2024_01_01",
        ] {
            assert!(!is_day(bad) && parse_date(bad, false).is_none(), "{bad}");
        }
        assert_eq!(
            parse_date("2021-09", true),
            Some(Date {
                year: 2021,
                month: 9,
                day: 0
            })
        );
        assert_eq!(parse_date("2021-09", false), None);
        assert_eq!(parse_date("2021-13-01", false), None);
        assert_eq!(parse_date("21-01-01", false), None);
        assert!(parse_date("2021-09", true) < parse_date("2021-09-01", true));
    }

    #[test]
    fn slugs() {
        assert!(is_slug("connectwise-automate"));
        assert!(is_slug("k7"));
        assert!(!is_slug("Acme"));
        assert!(!is_slug("-x"));
        assert!(!is_slug("a b"));
    }
}
