//! One problem found in an input file, with its location and a hint.
//!
//! Loading and validation collect every problem before giving up, so a user fixes a
//! file in one pass. The text form is `file:line:column: message` followed by an
//! indented `hint:` line, the layout compilers use and editors can jump to.

use std::fmt;

mod names;

pub use names::{backticks, cell_name, closest, closest_path, sheet_ref, suggest};

/// Where in a file a problem sits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// The whole file.
    File,
    /// A line of a text file (1-based), with an optional column (1-based).
    Line { line: usize, column: Option<usize> },
    /// A row of a Parquet file (1-based, not counting any header), with a column name.
    Row { row: usize, column: Option<String> },
    /// A place in a sheet of a workbook: the row (1-based, as the spreadsheet numbers
    /// it) and column (1-based, shown as letters: `F12`), either absent for the whole
    /// sheet or row.
    Cell {
        sheet: Box<str>,
        row: Option<u32>,
        column: Option<u32>,
    },
}

/// A problem in an input file, ready to show to a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it (or `<embedded>/...` for built-in data).
    pub file: String,
    /// Where in the file.
    pub location: Location,
    /// What is wrong, lower-case, user values in backticks.
    pub message: String,
    /// What would be accepted, or how to fix it.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem about a whole file.
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            location: Location::File,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem at a place in a file.
    pub fn at(file: impl Into<String>, location: Location, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            location,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::File => write!(f, "{}: {}", self.file, self.message)?,
            Location::Line { line, column: None } => {
                write!(f, "{}:{}: {}", self.file, line, self.message)?
            }
            Location::Line {
                line,
                column: Some(c),
            } => write!(f, "{}:{}:{}: {}", self.file, line, c, self.message)?,
            Location::Row { row, column: None } => {
                write!(f, "{}: row {}: {}", self.file, row, self.message)?
            }
            Location::Row {
                row,
                column: Some(c),
            } => write!(
                f,
                "{}: row {}, column `{}`: {}",
                self.file, row, c, self.message
            )?,
            Location::Cell { sheet, row, column } => {
                let sheet = sheet_ref(sheet);
                match (row, column) {
                    (Some(r), Some(c)) => write!(
                        f,
                        "{}:{sheet}!{}: {}",
                        self.file,
                        cell_name(*r as usize, *c as usize),
                        self.message
                    )?,
                    (Some(r), None) => {
                        write!(f, "{}:{sheet}, row {r}: {}", self.file, self.message)?
                    }
                    (None, _) => write!(f, "{}:{sheet}: {}", self.file, self.message)?,
                }
            }
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// The line and column (both 1-based, columns in characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Formats a list of problems, one per paragraph, with a closing count.
pub fn render_all(problems: &[Problem]) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&p.to_string());
        out.push('\n');
    }
    let n = problems.len();
    out.push_str(&format!(
        "{n} problem{} found",
        if n == 1 { "" } else { "s" }
    ));
    out
}

/// The line and column (in characters) of byte `offset` of a text file.
pub fn location_of(bytes: &[u8], offset: usize) -> Location {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Location::Line {
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        column: Some(
            String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1,
        ),
    }
}

/// A text file's bytes as UTF-8, or a problem at the first byte that is not.
pub fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        let bad = bytes[e.valid_up_to()];
        Problem::at(
            file,
            location_of(bytes, e.valid_up_to()),
            format!("byte `0x{bad:02X}` is not UTF-8 text"),
        )
        .hint("save the file as UTF-8 (in Excel: \"CSV UTF-8\"); other encodings are not read")
    })
}

/// A TOML reader's error as a problem in a user's words, at its line and column: serde's
/// "invalid type: string \"30\", expected f64" becomes "`30` is in quotes, so it is text,
/// not a number", with the fix. `hint` is the hint when there is no better one.
pub fn toml_problem(file: &str, text: &str, e: &toml::de::Error, hint: &str) -> Problem {
    let start = e.span().map_or(0, |s| s.start).min(text.len());
    let token: String = text[start..]
        .chars()
        .take_while(|c| !matches!(c, '\n' | '\r' | ',' | ']' | '}' | '#'))
        .collect();
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let key = text[line_start..start]
        .split('=')
        .next()
        .unwrap_or("")
        .trim();
    if let Some(p) = decimal_comma(&text[line_start..], start - line_start) {
        return Problem::at(file, location_of(text.as_bytes(), start), p.0).hint(p.1);
    }
    let (message, better) = toml_words(e.message().trim(), token.trim(), key);
    Problem::at(file, location_of(text.as_bytes(), start), message)
        .hint(better.unwrap_or_else(|| hint.to_string()))
}

/// A number written with a decimal comma (`weight = 2,5`), which TOML reads as a number
/// followed by junk: (message, hint) when the error at byte `at` of `line` is that comma.
fn decimal_comma(line: &str, at: usize) -> Option<(String, String)> {
    let (before, after) = line.split_at(at);
    let after = after.strip_prefix(',')?;
    let whole = before.rsplit(|c: char| !c.is_ascii_digit()).next()?;
    let frac: String = after.chars().take_while(char::is_ascii_digit).collect();
    if whole.is_empty()
        || frac.is_empty()
        || !before
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end()
            .ends_with('=')
    {
        return None;
    }
    Some((
        format!("`{whole},{frac}` is not a number: TOML writes decimals with a dot"),
        format!("write `{whole}.{frac}`"),
    ))
}

/// (message, hint) for a TOML reader's message; `token` is the text where it points and
/// `key` the key written before `=` on its line.
fn toml_words(raw: &str, token: &str, key: &str) -> (String, Option<String>) {
    let kind = |expected: &str| match expected {
        "f64" | "f32" => "a number",
        "i64" | "u64" | "i32" | "u32" | "usize" => "a whole number",
        "a boolean" | "bool" => "`true` or `false`",
        _ => "",
    };
    if let Some(rest) = raw.strip_prefix("invalid type: string ") {
        if let Some((value, expected)) = rest.split_once(", expected ") {
            let inner = value.trim_matches('"');
            let want = kind(expected);
            let bare = inner.trim().trim_end_matches('%').trim();
            if !want.is_empty() && bare.parse::<f64>().is_ok() {
                return (
                    format!("`{inner}` is in quotes, so it is text, not {want}"),
                    Some(format!("write the number without quotes: `{bare}`")),
                );
            }
            if !want.is_empty() {
                return (format!("`{inner}` is text, expected {want}"), None);
            }
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid type: floating point ") {
        if let Some((value, expected)) = rest.split_once(", expected ") {
            if kind(expected) == "a whole number" {
                return (
                    format!("{value} is not a whole number"),
                    Some("write a whole number such as `32`".into()),
                );
            }
        }
    }
    if raw.contains("string values must be quoted") {
        let bare = token.trim_end_matches('%').trim();
        if token.ends_with('%') && bare.parse::<f64>().is_ok() {
            let hint = if key == "min" || key == "max" {
                format!("a rate's bound may be a percentage in quotes: `{key} = \"{token}\"`")
            } else {
                format!("write the number alone, `{bare}` (weights are relative)")
            };
            return (
                format!("`{token}` is not a number: TOML has no percent sign"),
                Some(hint),
            );
        }
        if token.contains(',') || bare.replace(',', ".").parse::<f64>().is_ok() {
            return (
                format!("`{token}` is not a number"),
                Some("write decimals with a dot: `3.82`".into()),
            );
        }
        return (
            format!("`{token}` is text without quotes"),
            Some(format!("put text in quotes: `\"{token}\"`")),
        );
    }
    (raw.to_lowercase(), None)
}

/// A number as a message shows it: as Rust prints it, but in scientific notation when
/// that would run to more than 15 digits (`1e308`, not 309 digits; `5e-324`).
pub fn number(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() > 16 {
        format!("{x:e}")
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_file_line_column_and_hint() {
        let p = Problem::at(
            "d/pilot_results.csv",
            Location::Line {
                line: 7,
                column: Some(3),
            },
            "bad",
        )
        .hint("fix it");
        assert_eq!(
            p.to_string(),
            "d/pilot_results.csv:7:3: bad\n  hint: fix it"
        );
    }

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        let p = Problem::at(
            "pricing.xlsx",
            Location::Cell {
                sheet: "Price list".into(),
                row: Some(12),
                column: Some(6),
            },
            "bad",
        );
        assert_eq!(p.to_string(), "pricing.xlsx:'Price list'!F12: bad");
    }

    #[test]
    fn toml_errors_are_said_in_a_users_words() {
        let (m, h) = toml_words(
            "invalid type: string \"30\", expected f64",
            "\"30\"",
            "weight",
        );
        assert_eq!(m, "`30` is in quotes, so it is text, not a number");
        assert_eq!(h.unwrap(), "write the number without quotes: `30`");
        let (m, _) = toml_words(
            "invalid type: string \"32\", expected i64",
            "\"32\"",
            "workstations",
        );
        assert_eq!(m, "`32` is in quotes, so it is text, not a whole number");
        let (m, h) = toml_words(
            "string values must be quoted, expected literal string",
            "30%",
            "weight",
        );
        assert_eq!(m, "`30%` is not a number: TOML has no percent sign");
        assert!(h.unwrap().starts_with("write the number alone, `30`"));
        let (_, h) = toml_words(
            "string values must be quoted, expected literal string",
            "95%",
            "min",
        );
        assert_eq!(
            h.unwrap(),
            "a rate's bound may be a percentage in quotes: `min = \"95%\"`"
        );
        let (m, _) = toml_words(
            "string values must be quoted, expected literal string",
            "ninja",
            "rmm",
        );
        assert_eq!(m, "`ninja` is text without quotes");
        let (m, h) = toml_words("unknown field `x`, expected `a`", "x", "x");
        assert_eq!((m.as_str(), h), ("unknown field `x`, expected `a`", None));
    }

    #[test]
    fn a_decimal_comma_is_named_with_the_fix() {
        let (m, h) = decimal_comma("weight = 2,5", 10).unwrap();
        assert_eq!(m, "`2,5` is not a number: TOML writes decimals with a dot");
        assert_eq!(h, "write `2.5`");
        // A comma between list items, or after text, is something else.
        assert_eq!(decimal_comma("in = [1,2]", 6), None);
        assert_eq!(decimal_comma("x = a,5", 5), None);
    }

    #[test]
    fn numbers_too_long_for_a_message_go_scientific() {
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(5e-324), "5e-324");
        assert_eq!(number(-1e20), "-1e20");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(1_000_000.0), "1000000");
    }
}
