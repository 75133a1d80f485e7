//! The terminal exporter: a [`Table`] drawn with box borders, numeric columns right-aligned,
//! one style for every command.

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, ContentArrangement};

use crate::report::doc::Table;

/// The table for a terminal (no final newline); a cell may hold several lines.
pub fn table(t: &Table) -> String {
    let mut out = comfy_table::Table::new();
    out.load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Disabled);
    out.set_header(t.header.iter().map(Cell::new));
    for row in &t.rows {
        out.add_row(row.iter().enumerate().map(|(k, text)| {
            let cell = Cell::new(text);
            if t.numeric.get(k).copied().unwrap_or(false) {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    out.to_string()
}
