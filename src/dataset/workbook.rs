//! Reads one sheet of a spreadsheet workbook (`.xlsx`, `.ods`, also `.xls`) through
//! calamine into a table of text cells, the same table a CSV file becomes, so every
//! evidence file's checks apply unchanged and problems name the sheet and cell
//! (`pricing.xlsx:pricing!F12`).
//!
//! Typed cells become the text a CSV would hold: numbers as the shortest decimal that
//! reads back the same (`12`, `0.9956`), dates as `YYYY-MM-DD`, booleans as
//! `true`/`false`. Text is read as written, so a number stored as text is read as that
//! text, exactly as in a CSV file (`9.08` is a number, `9,08` gets the decimal-comma
//! message). The header is the first row with a value; wholly empty rows are skipped
//! wherever they are. An empty header cell between named ones (a merged header), a cell
//! showing an error (`#DIV/0!`), a formula stored without its value and a value under
//! no header are each a problem at their cell. docs/spreadsheets.md.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};

use crate::problem::{backticks, Location, Problem};

/// Where a table read from a sheet sits in it, to name each cell's place.
#[derive(Debug, Clone)]
pub struct SheetPlace {
    pub sheet: String,
    /// The header's row, 0-based.
    pub header_row: u32,
    /// The first column's index, 0-based.
    pub first_column: u32,
    /// Each data row's row in the sheet, 0-based.
    pub rows: Vec<u32>,
}

/// A sheet read as text cells, with the problems of its cells.
pub struct Sheet {
    pub headers: Vec<String>,
    /// Column by column, `None` for an empty cell.
    pub columns: Vec<Vec<Option<String>>>,
    pub place: SheetPlace,
    /// Cells that cannot be read (errors, formulas without values, empty headers):
    /// reported with the problems of the file's other cells.
    pub problems: Vec<Problem>,
}

/// Whether `bytes` are a workbook: a zip archive (`.xlsx`, `.ods`) or an OLE compound
/// file (`.xls`), never a CSV or Parquet file.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xd0\xcf\x11\xe0")
}

type Book = Sheets<Cursor<Vec<u8>>>;

fn open(file: &str, bytes: Vec<u8>) -> Result<Book, Problem> {
    open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Problem::file(
            file,
            format!(
                "cannot read the file as a workbook: {}",
                e.to_string().to_lowercase()
            ),
        )
        .hint("expected an .xlsx or .ods workbook saved by a spreadsheet program")
    })
}

/// The names of a workbook's sheets, in workbook order.
pub fn sheet_names(file: &str, bytes: Vec<u8>) -> Result<Vec<String>, Problem> {
    Ok(open(file, bytes)?.sheet_names())
}

/// Reads sheet `sheet` of a workbook, or, when `None`, its only sheet (a workbook of
/// several sheets then needs one named `stem`, when given).
pub fn table(
    file: &str,
    bytes: Vec<u8>,
    sheet: Option<&str>,
    stem: Option<&str>,
) -> Result<Sheet, Problem> {
    let mut book = open(file, bytes)?;
    let names = book.sheet_names();
    let name = match sheet.or(stem) {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) if sheet.is_some() || names.len() != 1 => {
            return Err(Problem::file(
                file,
                format!("no sheet `{s}`; the sheets are {}", backticks(&names)),
            )
            .hint(
                match crate::problem::closest(s, names.iter().map(String::as_str)).first() {
                    Some(h) => format!(
                        "did you mean `{h}`? sheets are named exactly as the evidence files"
                    ),
                    None => format!("name the sheet that holds the table `{s}`"),
                },
            ));
        }
        _ if names.len() == 1 => names[0].clone(),
        _ => {
            return Err(Problem::file(
                file,
                format!(
                    "the workbook has {} sheets, {}",
                    names.len(),
                    backticks(&names)
                ),
            )
            .hint("keep the table in a workbook of one sheet"))
        }
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        Problem::file(
            file,
            format!(
                "cannot read sheet `{name}`: {}",
                e.to_string().to_lowercase()
            ),
        )
    })?;
    let formulas = book.worksheet_formula(&name).ok();
    let at = |row: u32, col: u32| Location::Cell {
        sheet: name.as_str().into(),
        row: Some(row + 1),
        column: Some(col + 1),
    };
    let mut problems = Vec::new();
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows().enumerate().map(|(i, r)| (top + i as u32, r));
    let empty_sheet = || {
        Problem::at(
            file,
            Location::Cell {
                sheet: name.as_str().into(),
                row: None,
                column: None,
            },
            "the sheet is empty",
        )
        .hint("a sheet needs a header row; see docs/data-formats.md")
    };
    let Some((header_row, header)) = rows.find(|(_, r)| r.iter().any(|c| text(c).is_some())) else {
        return Err(empty_sheet());
    };
    let named: Vec<Option<String>> = header.iter().map(text).collect();
    let width = named.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
    for (i, h) in named[..width].iter().enumerate() {
        if let Some(h) = h
            .as_ref()
            .filter(|h| named[..i].contains(&Some(h.to_string())))
        {
            problems.push(
                Problem::at(
                    file,
                    at(header_row, left + i as u32),
                    format!("column `{h}` is in the header twice"),
                )
                .hint("keep one of the columns: read as it is, the second would be ignored"),
            );
        }
        if h.is_none() {
            problems.push(
                Problem::at(file, at(header_row, left + i as u32), "the header cell is empty")
                    .hint("a merged or blank header cell: give every column its own name in one header row (unmerge the cells)"),
            );
        }
    }
    let headers: Vec<String> = named[..width]
        .iter()
        .map(|h| h.clone().unwrap_or_default())
        .collect();
    let mut columns: Vec<Vec<Option<String>>> = vec![Vec::new(); width];
    let mut places = Vec::new();
    for (row, cells) in rows {
        let mut any = false;
        let mut values = Vec::with_capacity(width);
        for (i, cell) in cells.iter().enumerate() {
            let col = left + i as u32;
            let value = match cell {
                Data::Error(e) => {
                    problems.push(
                        Problem::at(
                            file,
                            at(row, col),
                            format!("the cell shows the error `{e}`"),
                        )
                        .hint("fix the formula, or type the value"),
                    );
                    any = true;
                    None
                }
                Data::Empty => {
                    if let Some(f) = formula_at(formulas.as_ref(), row, col) {
                        problems.push(
                            Problem::at(file, at(row, col), format!("the cell holds the formula `={f}` but no computed value"))
                                .hint("open the workbook in a spreadsheet program and save it, so the values are stored with the formulas"),
                        );
                        any = true;
                    }
                    None
                }
                c => text(c),
            };
            any |= value.is_some();
            if i >= width {
                if value.is_some() {
                    problems.push(
                        Problem::at(file, at(row, col), "a value in a column without a header")
                            .hint("give the column a name in the header row, or clear the cell"),
                    );
                }
            } else {
                values.push(value);
            }
        }
        if !any {
            continue;
        }
        values.resize(width, None);
        for (c, v) in values.into_iter().enumerate() {
            columns[c].push(v);
        }
        places.push(row);
    }
    let place = SheetPlace {
        sheet: name,
        header_row,
        first_column: left,
        rows: places,
    };
    Ok(Sheet {
        headers,
        columns,
        place,
        problems,
    })
}

/// The formula of a cell, when the workbook has one there.
fn formula_at(formulas: Option<&calamine::Range<String>>, row: u32, col: u32) -> Option<String> {
    let f = formulas?.get_value((row, col))?;
    (!f.is_empty()).then(|| f.clone())
}

/// A cell as the text a CSV file would hold, `None` when empty.
fn text(cell: &Data) -> Option<String> {
    let s = match cell {
        Data::Empty | Data::Error(_) => return None,
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, ms) = d.to_ymd_hms_milli();
            if (h, min, s, ms) == (0, 0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}T{h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTime(d) => format!("{}", d.as_f64()),
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
    };
    (!s.is_empty()).then_some(s)
}
