//! One exporter per output format. Commands build their result once (a [`Ranking`], a
//! cost table, a [`Doc`]...); these modules turn it into bytes, each the one place its
//! format's syntax and escaping live:
//!
//! - [`terminal`]: a [`Table`] as a box-drawn terminal table that fits the terminal's width,
//!   and amounts of money as people read them.
//! - [`markdown`]: a [`Table`] as a Markdown table, and a whole [`Doc`] (`report.md`); every
//!   text from the data is escaped so that it shows as text.
//! - [`csv`]: a [`Table`] as CSV, text cells neutralised against spreadsheet formulas.
//! - [`json`]: a serializable value as pretty JSON.
//! - [`html`]: a [`Doc`] as a self-contained page (`report.html`).
//! - [`xlsx`]: a ranking as a scorecard workbook whose formulas recompute it.
//!
//! [`Render`] is what a command's result implements to print in every `--format`; the
//! exporters never print, `cmd` decides where the bytes go.
//!
//! [`Ranking`]: crate::rank::Ranking
//! [`Doc`]: super::doc::Doc
//! [`Table`]: super::doc::Table

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod terminal;
pub mod xlsx;

/// A result that prints in every `--format`: the terminal view, Markdown, CSV and JSON,
/// each built with the exporter of its format.
pub trait Render {
    /// `--format table`: the view for a terminal, its tables fitted to `width`.
    fn terminal(&self, width: terminal::Width) -> String;
    /// `--format md`.
    fn markdown(&self) -> String;
    /// `--format csv`.
    fn csv(&self) -> Vec<u8>;
    /// `--format json`.
    fn json(&self) -> Vec<u8>;
}
