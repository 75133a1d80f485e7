//! Charts of the ranking, the evidence and the sensitivity analysis, drawn with plotters as SVG
//! and PNG from plain input structs (see `data`), with an embedded font so that text renders the
//! same on a machine without system fonts. See docs/charts.md for how to read each chart.
//!
//! Every chart function validates its input (no vendors, unknown ids, NaN and out-of-range
//! values are errors, never panics), then draws the same picture on the SVG and bitmap backends.
//! Text from the data is cleaned of control characters and escaped in the SVG.

mod canvas;
mod cells;
pub mod data;
mod error;
mod forest;
mod frontier;
mod gantt;
mod heatmap;
mod legend;
mod numbers;
mod profile;
mod ranking;
mod raster;
pub mod style;
mod sweep;
mod tornado;
mod wrap;

#[cfg(test)]
mod profile_tests;
#[cfg(test)]
mod ranking_tests;
#[cfg(test)]
mod samples;
#[cfg(test)]
mod stress;
#[cfg(test)]
mod sweep_tests;
#[cfg(test)]
mod testutil;

pub use canvas::{escape_xml, Layout, HEIGHT, NARROW_WIDTH, PNG_DENSITY, WIDTH};
pub use data::*;
pub use error::ChartError;
pub use forest::forest;
pub use frontier::{frontier, pareto_front};
pub use gantt::gantt;
pub use heatmap::rank_heatmap;
pub use profile::profile;
pub use ranking::ranking_contributions;
pub use sweep::weight_sweep;
pub use tornado::tornado;

/// One rendered chart: the wide layout as SVG text and as PNG bytes, and the narrow layout
/// (for a phone) as SVG text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// A standalone SVG document (text from the data escaped), with a `<title>`.
    pub svg: String,
    /// An 8-bit RGB PNG encoded in memory, [`PNG_DENSITY`] times the SVG's size.
    pub png: Vec<u8>,
    /// Width of the SVG in pixels (the PNG's is [`PNG_DENSITY`] times it).
    pub width: u32,
    /// Height of the SVG in pixels.
    pub height: u32,
    /// The same chart laid out for a narrow screen: [`NARROW_WIDTH`] wide, taller.
    pub narrow: String,
    /// Width of the narrow SVG in pixels.
    pub narrow_width: u32,
    /// Height of the narrow SVG in pixels.
    pub narrow_height: u32,
}
