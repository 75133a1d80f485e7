//! Reads one evidence file (CSV or Parquet) through polars into a table of text cells.
//!
//! Every column is read as text so that a bad value becomes a problem with its line and
//! column instead of a parse failure for the whole file; `rows.rs` then turns cells into
//! typed values. Line numbers are worked out only when a problem needs one, and they
//! account for quoted fields that span lines.

use std::io::Cursor;
use std::sync::OnceLock;

use polars::prelude::*;

use crate::problem::{Location, Problem};

/// The format of an evidence file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
}

/// A file read as text cells: `None` is an empty cell.
pub struct TextTable {
    /// The file as shown to the user.
    pub file: String,
    pub format: Format,
    /// Column names in file order.
    pub headers: Vec<String>,
    columns: Vec<Vec<Option<String>>>,
    bytes: Vec<u8>,
    record_lines: OnceLock<Vec<usize>>,
    /// For a table of some of a file's rows: where each row is in the file.
    picked: Option<Picked>,
}

/// Where the rows of a partial table come from.
pub struct Picked {
    /// Each row's 0-based position among the file's data rows.
    pub rows: Vec<usize>,
    /// Each row's line (CSV only).
    pub lines: Vec<usize>,
}

impl TextTable {
    /// Reads `bytes` (the whole file) as `format`. A file that cannot be read at all is
    /// one problem naming the file.
    pub fn read(file: &str, format: Format, bytes: Vec<u8>) -> Result<TextTable, Problem> {
        let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Problem::file(file, "the file is empty")
                .hint("a CSV file needs at least a header row; see docs/data-formats.md"));
        }
        let df = match format {
            Format::Csv => read_csv(&bytes),
            Format::Parquet => read_parquet(&bytes),
        }
        .map_err(|e| {
            (format == Format::Csv)
                .then(|| long_row(file, &e, bytes.as_slice()))
                .flatten()
                .unwrap_or_else(|| read_problem(file, format, &e))
        })?;
        let headers: Vec<String> = df
            .get_column_names()
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        let mut columns = Vec::with_capacity(headers.len());
        for col in df.columns() {
            columns.push(text_cells(col).map_err(|e| read_problem(file, format, &e))?);
        }
        Ok(TextTable {
            file: file.to_string(),
            format,
            headers,
            columns,
            bytes: if format == Format::Csv {
                bytes
            } else {
                Vec::new()
            },
            record_lines: OnceLock::new(),
            picked: None,
        })
    }

    /// A table of some of a file's rows, read by polars (`df`, every column as text) and
    /// placed in the file by `picked`.
    pub fn picked(
        file: &str,
        format: Format,
        df: &DataFrame,
        picked: Picked,
    ) -> Result<TextTable, Problem> {
        let headers = df
            .get_column_names()
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        let columns = df
            .columns()
            .iter()
            .map(text_cells)
            .collect::<PolarsResult<_>>()
            .map_err(|e| read_problem(file, format, &e))?;
        Ok(TextTable {
            file: file.to_string(),
            format,
            headers,
            columns,
            bytes: Vec::new(),
            record_lines: OnceLock::new(),
            picked: Some(picked),
        })
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, Vec::len)
    }

    /// Index of a column by name.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The trimmed text of a cell; `None` when empty.
    pub fn cell(&self, column: usize, row: usize) -> Option<&str> {
        self.columns[column][row].as_deref()
    }

    /// Where a cell is, for a problem report.
    pub fn location(&self, row: usize, column: Option<usize>) -> Location {
        match self.format {
            Format::Csv => Location::Line {
                line: self.line_of(row),
                column: column.map(|c| c + 1),
            },
            Format::Parquet => Location::Row {
                row: self.file_row(row) + 1,
                column: column.map(|c| self.headers[c].clone()),
            },
        }
    }

    /// A row's 0-based position among the file's data rows.
    fn file_row(&self, row: usize) -> usize {
        self.picked.as_ref().map_or(row, |p| p.rows[row])
    }

    /// Where the header is.
    pub fn header_location(&self) -> Location {
        match self.format {
            Format::Csv => Location::Line {
                line: 1,
                column: None,
            },
            Format::Parquet => Location::File,
        }
    }

    /// "line 12" for CSV, "row 11" for Parquet: a row named in a message.
    pub fn describe_row(&self, row: usize) -> String {
        match self.format {
            Format::Csv => format!("line {}", self.line_of(row)),
            Format::Parquet => format!("row {}", self.file_row(row) + 1),
        }
    }

    fn line_of(&self, row: usize) -> usize {
        if let Some(p) = &self.picked {
            return p.lines.get(row).copied().unwrap_or(p.rows[row] + 2);
        }
        let lines = self
            .record_lines
            .get_or_init(|| record_start_lines(&self.bytes));
        // Record 0 is the header.
        lines.get(row + 1).copied().unwrap_or(row + 2)
    }
}

fn read_csv(bytes: &[u8]) -> PolarsResult<DataFrame> {
    CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_raise_if_empty(true)
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
}

fn read_parquet(bytes: &[u8]) -> PolarsResult<DataFrame> {
    ParquetReader::new(Cursor::new(bytes)).finish()
}

fn text_cells(col: &Column) -> PolarsResult<Vec<Option<String>>> {
    let col = col.cast(&DataType::String)?;
    Ok(col
        .str()?
        .iter()
        .map(|v| {
            v.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
        .collect())
}

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

pub(super) fn read_problem(file: &str, format: Format, e: &PolarsError) -> Problem {
    let what = match format {
        Format::Csv => "CSV",
        Format::Parquet => "Parquet",
    };
    let msg = e.to_string();
    let first = msg.lines().next().unwrap_or("").trim().to_lowercase();
    Problem::file(file, format!("cannot read the file as {what}: {first}")).hint(match format {
        Format::Csv => {
            "expected UTF-8, comma-separated, with a header row and the same number of fields on every line"
        }
        Format::Parquet => "expected a Parquet file with the columns of docs/data-formats.md",
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn reads_bom_crlf_and_empty_cells() {
        let csv = b"\xef\xbb\xbfvendor,name\r\nacme, Acme Inc \r\nbeta,\r\n".to_vec();
        let t = TextTable::read("v.csv", Format::Csv, csv).unwrap();
        assert_eq!(t.headers, vec!["vendor", "name"]);
        assert_eq!(t.len(), 2);
        assert_eq!(t.cell(1, 0), Some("Acme Inc"));
        assert_eq!(t.cell(1, 1), None);
        assert_eq!(
            t.location(1, Some(1)),
            Location::Line {
                line: 3,
                column: Some(2)
            }
        );
    }

    #[test]
    fn empty_file_is_a_problem() {
        let e = TextTable::read("v.csv", Format::Csv, b" \n".to_vec())
            .err()
            .unwrap();
        assert!(e.message.contains("empty"), "{e}");
    }
}
