//! Where the records of a CSV file are: the line on which each starts (a quoted field
//! may span lines, and empty lines are skipped as the reader skips them), and the first
//! row with more fields than the header. Worked out only when a problem needs a line.
//! Also the header's own check: a column name it repeats.

use polars::prelude::PolarsError;

use crate::problem::{location_of, utf8, Location, Problem};

/// When polars found a row with more fields than the header, that row (the first such),
/// found by reading `csv` again record by record; `None` for any other error or when no
/// such row shows (the caller then reports polars' own words).
pub(super) fn long_row(file: &str, e: &PolarsError, csv: impl std::io::Read) -> Option<Problem> {
    if !e.to_string().contains("more fields than") {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv);
    let mut record = csv::ByteRecord::new();
    let mut header = None;
    while reader.read_byte_record(&mut record).ok()? {
        let fields = record.len();
        let Some(header) = header else {
            header = Some(fields);
            continue;
        };
        if fields > header {
            let line = record.position().map_or(0, |p| p.line() as usize);
            return Some(
                Problem::at(
                    file,
                    Location::Line {
                        line,
                        column: Some(header + 1),
                    },
                    format!("this row has {fields} fields, the header has {header}"),
                )
                .hint("quote a value that holds a comma (\"a, b\"), or remove the extra fields"),
            );
        }
    }
    None
}

/// The 1-based line on which each CSV record starts (header included), skipping empty
/// lines as the reader does; a quoted field may span lines.
pub(super) fn record_start_lines(bytes: &[u8]) -> Vec<usize> {
    let mut lines = RecordLines::default();
    let mut starts = Vec::new();
    lines.feed(bytes, |_, line| starts.push(line));
    lines.finish(|_, line| starts.push(line));
    starts
}

/// The lines on which the given data records start (0-based among the data rows,
/// ascending), reading the CSV file in blocks rather than whole.
pub fn data_record_lines(path: &std::path::Path, wanted: &[usize]) -> std::io::Result<Vec<usize>> {
    use std::io::Read;
    let mut file = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut lines = RecordLines::default();
    let mut out = Vec::with_capacity(wanted.len());
    // Record 0 is the header.
    let keep = |out: &mut Vec<usize>, record: usize, line: usize| {
        if record > 0 && wanted.get(out.len()) == Some(&(record - 1)) {
            out.push(line);
        }
    };
    let mut block = vec![0; 1 << 20];
    loop {
        let n = file.read(&mut block)?;
        if n == 0 {
            break;
        }
        lines.feed(&block[..n], |r, l| keep(&mut out, r, l));
        if out.len() == wanted.len() {
            return Ok(out);
        }
    }
    lines.finish(|r, l| keep(&mut out, r, l));
    Ok(out)
}

/// Counts CSV records and lines over a file given in pieces.
struct RecordLines {
    records: usize,
    line: usize,
    in_quotes: bool,
    record_empty: bool,
    record_line: usize,
}

impl Default for RecordLines {
    fn default() -> Self {
        RecordLines {
            records: 0,
            line: 1,
            in_quotes: false,
            record_empty: true,
            record_line: 1,
        }
    }
}

impl RecordLines {
    /// Reads `bytes`, calling `start(record, line)` for each record that ends in them.
    fn feed(&mut self, bytes: &[u8], mut start: impl FnMut(usize, usize)) {
        for &b in bytes {
            match b {
                b'"' => {
                    self.in_quotes = !self.in_quotes;
                    self.record_empty = false;
                }
                b'\n' => {
                    if !self.in_quotes {
                        if !self.record_empty {
                            start(self.records, self.record_line);
                            self.records += 1;
                        }
                        self.record_empty = true;
                        self.record_line = self.line + 1;
                    }
                    self.line += 1;
                }
                b'\r' => {}
                _ => self.record_empty = false,
            }
        }
    }

    /// The last record, when the file does not end with a newline.
    fn finish(&mut self, mut start: impl FnMut(usize, usize)) {
        if !self.record_empty {
            start(self.records, self.record_line);
            self.records += 1;
            self.record_empty = true;
        }
    }
}

/// What is wrong with a CSV file's framing before any row is read, in the order a user
/// should fix it: line ends of a carriage return alone, then a repeated column name.
/// Both CSV readers (the text table and the pilot's) ask this one question.
pub fn header_problem(file: &str, bytes: &[u8]) -> Option<Problem> {
    lone_carriage_returns(file, bytes).or_else(|| duplicate_header(file, bytes))
}

/// The first column name that a CSV header repeats, as a problem at its line and column
/// (polars would rename the second copy, and the first would silently win).
fn duplicate_header(file: &str, bytes: &[u8]) -> Option<Problem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let header = reader.records().next()?.ok()?;
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let (column, name) = names
        .iter()
        .enumerate()
        .find(|(i, n)| names[..*i].contains(n))?;
    let first = names.iter().position(|n| n == name).unwrap_or(0);
    Some(
        Problem::at(
            file,
            Location::Line {
                line: 1,
                column: Some(column + 1),
            },
            format!(
                "column `{name}` appears twice in the header (columns {} and {})",
                first + 1,
                column + 1
            ),
        )
        .hint("keep one column of each name; the other would be ignored"),
    )
}

/// Line endings that are a carriage return alone (classic Mac OS), which a CSV reader
/// takes for one long line: a problem on line 1, before anything else is read.
fn lone_carriage_returns(file: &str, bytes: &[u8]) -> Option<Problem> {
    let cr = bytes.iter().filter(|&&b| b == b'\r').count();
    if cr == 0 || bytes.contains(&b'\n') {
        return None;
    }
    Some(
        Problem::at(
            file,
            Location::Line {
                line: 1,
                column: None,
            },
            format!("the lines end with a carriage return alone ({cr} of them), so the whole file reads as one line"),
        )
        .hint("save the file with Windows (CRLF) or Unix (LF) line endings"),
    )
}

/// Why a CSV file that polars could not read is unreadable, at its line and column,
/// when the cause is one a user can fix at a place: bytes that are not UTF-8, or a
/// quoted field whose closing quote never comes.
pub fn unreadable_at(file: &str, bytes: &[u8]) -> Option<Problem> {
    if let Err(p) = utf8(file, bytes) {
        return Some(p);
    }
    // A quote opens a quoted field only at the start of a field; inside one, `""` is a
    // quote and a lone `"` closes it.
    let (mut open, mut field_start, mut i) = (None, true, 0);
    while i < bytes.len() {
        let b = bytes[i];
        match open {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => open = None,
            Some(_) => {}
            None if b == b'"' && field_start => open = Some(i),
            None => {}
        }
        field_start = open.is_none() && matches!(b, b',' | b'\n' | b'\r');
        i += 1;
    }
    open.map(|start| {
        Problem::at(
            file,
            location_of(bytes, start),
            "this quote opens a field that is never closed".to_string(),
        )
        .hint("close the quoted value with `\"`, and write a quote inside one as `\"\"`")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_bytes_and_open_quotes_are_placed() {
        let p = unreadable_at("v.csv", b"a,b\n1,\"ok\"\"x\"\n2,\"x,y\n3,z\n").unwrap();
        assert_eq!(
            p.to_string(),
            "v.csv:3:3: this quote opens a field that is never closed\n  hint: close the quoted value with `\"`, and write a quote inside one as `\"\"`"
        );
        let p = unreadable_at("v.csv", b"a,b\n1,ok\n2,caf\xe9\n").unwrap();
        assert!(
            p.to_string()
                .starts_with("v.csv:3:6: byte `0xE9` is not UTF-8 text"),
            "{p}"
        );
        // A quote inside an unquoted field, and closed quotes over lines, are fine.
        assert!(unreadable_at("v.csv", b"a,b\n1,5\" screen\n2,\"x\ny\"\n").is_none());
    }

    #[test]
    fn carriage_return_line_endings_alone_are_named() {
        let p = lone_carriage_returns("v.csv", b"a,b\r1,2\r").unwrap();
        assert!(
            p.to_string()
                .starts_with("v.csv:1: the lines end with a carriage return alone (2 of them)"),
            "{p}"
        );
        assert!(lone_carriage_returns("v.csv", b"a,b\r\n1,2\r\n").is_none());
        assert!(lone_carriage_returns("v.csv", b"a,b").is_none());
    }

    #[test]
    fn record_lines_follow_quoted_newlines_and_blank_lines() {
        let csv = b"a,b\n1,\"x\ny\"\n\n2,z\r\n3,w";
        assert_eq!(record_start_lines(csv), vec![1, 2, 5, 6]);
    }

    #[test]
    fn record_lines_of_a_file_read_in_blocks() {
        let mut csv = b"a,b\n".to_vec();
        for i in 0..300_000 {
            csv.extend_from_slice(if i % 1000 == 7 {
                b"1,\"x\ny\"\n\n".as_slice()
            } else {
                b"2,z\r\n".as_slice()
            });
        }
        csv.extend_from_slice(b"3,last");
        let path = std::env::temp_dir().join(format!("vs-lines-{}.csv", std::process::id()));
        std::fs::write(&path, &csv).unwrap();
        let all = record_start_lines(&csv);
        let wanted = vec![0, 7, 8, 123_456, 299_999, 300_000];
        let got = data_record_lines(&path, &wanted).unwrap();
        std::fs::remove_file(&path).unwrap();
        let expected: Vec<usize> = wanted.iter().map(|r| all[r + 1]).collect();
        assert_eq!(got, expected);
        // Record 7 spans two lines and is followed by a blank one.
        assert_eq!(&got[..3], &[2, 9, 12]);
    }
}
