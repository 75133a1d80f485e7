//! Errors of the chart layer: bad input caught before drawing, and backend or encoder failures.

use thiserror::Error;

/// Everything that can go wrong while turning chart data into SVG and PNG.
///
/// Input problems name the chart and the offending item so a caller can say which data were
/// wrong; drawing and encoding problems carry the backend's message or source.
#[derive(Debug, Error)]
pub enum ChartError {
    /// The chart has nothing to draw (no vendors, no criteria, no sweep points).
    #[error("the `{chart}` chart has no {what} to draw")]
    Empty {
        /// Chart name, such as `forest`.
        chart: &'static str,
        /// What was missing, such as `vendors`.
        what: &'static str,
    },
    /// A data row names a vendor that is not in the chart's vendor style list.
    #[error("the `{chart}` chart refers to vendor `{vendor}`, which has no style entry")]
    UnknownVendor {
        /// Chart name.
        chart: &'static str,
        /// The vendor id that was not found.
        vendor: String,
    },
    /// A list has the wrong length (for example one value per criterion).
    #[error("the `{chart}` chart expected {expected} {what} for `{item}`, found {found}")]
    Length {
        /// Chart name.
        chart: &'static str,
        /// The row the list belongs to, such as a vendor id.
        item: String,
        /// What the list holds, such as `criterion values`.
        what: &'static str,
        /// How many entries were expected.
        expected: usize,
        /// How many entries were given.
        found: usize,
    },
    /// A value is not finite or lies outside its allowed range.
    #[error("the `{chart}` chart cannot draw {what} `{value}` for `{item}`: {rule}")]
    Value {
        /// Chart name.
        chart: &'static str,
        /// The row the value belongs to.
        item: String,
        /// What the value is, such as `lower bound`.
        what: &'static str,
        /// The value as given.
        value: f64,
        /// The rule it breaks, such as `expected a finite number`.
        rule: &'static str,
    },
    /// The embedded font could not be parsed (a corrupt build).
    #[error("the embedded chart font could not be registered")]
    Font,
    /// Plotters reported an error while drawing.
    #[error("drawing the `{chart}` chart failed: {message}")]
    Draw {
        /// Chart name.
        chart: &'static str,
        /// The backend's message.
        message: String,
    },
    /// The PNG encoder failed.
    #[error("encoding the `{chart}` chart as png failed")]
    Png {
        /// Chart name.
        chart: &'static str,
        /// The encoder's error.
        #[source]
        source: png::EncodingError,
    },
}

impl ChartError {
    /// `Empty` for `chart` lacking `what`.
    pub fn empty(chart: &'static str, what: &'static str) -> Self {
        Self::Empty { chart, what }
    }
}
