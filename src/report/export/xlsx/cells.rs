//! What every sheet of the scorecard shares: the error, the number formats, the header
//! row and the one rule for text from the data: written as a text cell, never as a
//! formula, whatever it starts with (`=`, `+`, `-`, `@`).

use rust_xlsxwriter::{Color, Format, FormatAlign, Worksheet};

/// The scorecard workbook could not be built.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    #[error("cannot write the workbook: {0}")]
    Write(#[from] rust_xlsxwriter::XlsxError),
}

/// The formats of the scorecard's cells.
pub struct Formats {
    pub header: Format,
    /// An editable input: a weight.
    pub input: Format,
    /// A weight as a percentage.
    pub percent: Format,
    /// A score or points: one decimal shown, full precision kept.
    pub score: Format,
    /// A normalised value, 0 to 1.
    pub ratio: Format,
    /// Evidence as measured: up to four decimals.
    pub value: Format,
    /// A note under a table.
    pub note: Format,
}

impl Formats {
    pub fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE8EEF4))
                .set_align(FormatAlign::Center),
            input: Format::new()
                .set_background_color(Color::RGB(0xFFF4CC))
                .set_num_format("0.###"),
            percent: Format::new().set_num_format("0.0%"),
            score: Format::new().set_num_format("0.0"),
            ratio: Format::new().set_num_format("0.000"),
            value: Format::new().set_num_format("0.####"),
            note: Format::new().set_italic(),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats::new()
    }
}

/// Writes `text` as a text cell: a vendor named `=HYPERLINK(...)` stays text.
pub fn text(ws: &mut Worksheet, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
    ws.write_string(row, col, text)?;
    Ok(())
}

/// Writes a header row at row 0, freezes it and sets each column's width.
pub fn header(
    ws: &mut Worksheet,
    f: &Formats,
    names: &[&str],
    widths: &[f64],
) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &f.header)?;
        let w = widths.get(c).or(widths.last()).copied().unwrap_or(12.0);
        ws.set_column_width(c as u16, w.max(name.chars().count() as f64 + 2.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Writes a number, or leaves the cell empty for a missing value.
pub fn number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        ws.write_number_with_format(row, col, v, format)?;
    }
    Ok(())
}
