//! Reads one evidence file (CSV or Parquet through polars, a workbook's sheet through
//! `workbook.rs`) into a table of text cells.
//!
//! Every column is read as text so that a bad value becomes a problem with its line and
//! column instead of a parse failure for the whole file; `cells.rs` gives typed access to
//! the cells. Line numbers are worked out only when a problem needs one (`csv_lines.rs`).

use std::io::Cursor;
use std::sync::OnceLock;

use polars::prelude::*;

use super::csv_lines::{header_problem, long_row, record_start_lines, unreadable_at};
use super::workbook::{is_workbook, Sheet, SheetPlace};
use crate::problem::{Location, Problem};

/// The format of an evidence file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
    /// A spreadsheet workbook (`.xlsx`, `.ods`): one of its sheets.
    Workbook,
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
    /// For a table read from a workbook: where it is in its sheet.
    sheet: Option<SheetPlace>,
    /// Problems of cells found while reading (a workbook's error cells), reported with
    /// those of the typed cells (`Cells`).
    pub cell_problems: Vec<Problem>,
}

/// Where the rows of a partial table come from.
pub struct Picked {
    /// Each row's 0-based position among the file's data rows.
    pub rows: Vec<usize>,
    /// Each row's line (CSV only).
    pub lines: Vec<usize>,
}

impl TextTable {
    /// Reads `bytes` (the whole file) as `format`; a workbook given as any format is read
    /// as one (its only sheet). A file that cannot be read at all is one problem naming
    /// the file.
    pub fn read(file: &str, format: Format, bytes: Vec<u8>) -> Result<TextTable, Problem> {
        if format == Format::Workbook || is_workbook(&bytes) {
            return TextTable::read_sheet(file, bytes, None, None);
        }
        let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Problem::file(file, "the file is empty")
                .hint("a CSV file needs at least a header row; see docs/data-formats.md"));
        }
        if format == Format::Csv {
            if let Some(p) = header_problem(file, &bytes) {
                return Err(p);
            }
        }
        let df = match format {
            Format::Csv => read_csv(&bytes),
            Format::Parquet | Format::Workbook => read_parquet(&bytes),
        }
        .map_err(|e| {
            (format == Format::Csv)
                .then(|| {
                    long_row(file, &e, bytes.as_slice())
                        .or_else(|| unreadable_at(file, bytes.as_slice()))
                })
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
            sheet: None,
            cell_problems: Vec::new(),
        })
    }

    /// Reads sheet `sheet` of a workbook (its only sheet, or the one named `stem`, when
    /// `None`).
    pub fn read_sheet(
        file: &str,
        bytes: Vec<u8>,
        sheet: Option<&str>,
        stem: Option<&str>,
    ) -> Result<TextTable, Problem> {
        let Sheet {
            headers,
            columns,
            place,
            problems,
        } = super::workbook::table(file, bytes, sheet, stem)?;
        Ok(TextTable {
            file: file.to_string(),
            format: Format::Workbook,
            headers,
            columns,
            bytes: Vec::new(),
            record_lines: OnceLock::new(),
            picked: None,
            sheet: Some(place),
            cell_problems: problems,
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
            sheet: None,
            cell_problems: Vec::new(),
        })
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, Vec::len)
    }

    /// Whether the file has no data rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
        if let Some(s) = &self.sheet {
            return Location::Cell {
                sheet: s.sheet.as_str().into(),
                row: Some(s.rows[row] + 1),
                column: column.map(|c| s.first_column + c as u32 + 1),
            };
        }
        match self.format {
            Format::Csv => Location::Line {
                line: self.line_of(row),
                column: column.map(|c| c + 1),
            },
            Format::Parquet | Format::Workbook => Location::Row {
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
        if let Some(s) = &self.sheet {
            return Location::Cell {
                sheet: s.sheet.as_str().into(),
                row: Some(s.header_row + 1),
                column: None,
            };
        }
        match self.format {
            Format::Csv => Location::Line {
                line: 1,
                column: None,
            },
            Format::Parquet | Format::Workbook => Location::File,
        }
    }

    /// "line 12" for CSV, "row 11" for Parquet: a row named in a message.
    pub fn describe_row(&self, row: usize) -> String {
        if let Some(s) = &self.sheet {
            return format!("row {}", s.rows[row] + 1);
        }
        match self.format {
            Format::Csv => format!("line {}", self.line_of(row)),
            Format::Parquet | Format::Workbook => format!("row {}", self.file_row(row) + 1),
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

/// The problem of a file polars cannot read as `format`, in polars' words.
pub(super) fn read_problem(file: &str, format: Format, e: &PolarsError) -> Problem {
    let what = match format {
        Format::Csv => "CSV",
        Format::Parquet => "Parquet",
        Format::Workbook => "a workbook",
    };
    let msg = e.to_string();
    let first = msg.lines().next().unwrap_or("").trim().to_lowercase();
    Problem::file(file, format!("cannot read the file as {what}: {first}")).hint(match format {
        Format::Csv => {
            "expected UTF-8, comma-separated, with a header row and the same number of fields on every line"
        }
        Format::Parquet | Format::Workbook => {
            "expected a Parquet file with the columns of docs/data-formats.md"
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
