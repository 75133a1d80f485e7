//! The charts of `vendorscore report`: the score with each criterion's points (weighted
//! sum), each vendor's values as a heat map, the pilot metrics with their intervals, the
//! sensitivity tornado, weight sweep and rank-acceptability heatmap, score against cost, and
//! the migration plan's Gantt chart.
//!
//! One file per part of the report the charts illustrate; this one holds what they share.

mod cost;
mod pilot;
mod plan;
mod ranking;
mod sensitivity;

pub use cost::frontier_chart;
pub use pilot::{forest_charts, pilot_metrics_in_use};
pub use plan::{gantt_chart, GANTT};
pub use ranking::ranking_charts;
pub use sensitivity::sensitivity_charts;

use crate::chart::{Chart, CriterionLabel, VendorStyle};
use crate::rank::Ranking;

/// A drawn chart with its file stem under `charts/` and a caption for the report.
pub struct Figure {
    pub name: String,
    pub caption: String,
    pub chart: Chart,
}

/// The files of some figures: `charts/<name>.svg` and `.png` each.
pub fn files(figures: &[Figure]) -> Vec<(String, Vec<u8>)> {
    figures
        .iter()
        .flat_map(|f| {
            [
                (
                    format!("charts/{}.svg", f.name),
                    f.chart.svg.clone().into_bytes(),
                ),
                (format!("charts/{}.png", f.name), f.chart.png.clone()),
            ]
        })
        .collect()
}

/// Vendor styles: colour by dataset position, excluded vendors marked.
pub fn styles(r: &Ranking) -> Vec<VendorStyle> {
    r.all_vendors
        .iter()
        .enumerate()
        .map(|(i, (id, name))| VendorStyle {
            id: id.clone(),
            label: name.clone(),
            colour: i,
            excluded: r.excluded.iter().any(|x| &x.vendor == id),
        })
        .collect()
}

pub(super) fn criteria(r: &Ranking) -> Vec<CriterionLabel> {
    r.criteria
        .iter()
        .map(|c| CriterionLabel {
            id: c.id.clone(),
            label: c.label.clone(),
        })
        .collect()
}

/// Text for a chart or its caption: without the backticks that mark names in the report's
/// prose (a chart shows them as they are).
pub(super) fn plain(s: &str) -> String {
    s.replace('`', "")
}

/// A vendor's display name, or its id when it has none.
pub(super) fn vendor_name(r: &Ranking, id: &str) -> String {
    r.all_vendors
        .iter()
        .find(|(v, _)| v == id)
        .map_or_else(|| id.to_string(), |(_, name)| name.clone())
}

/// The unit of the scores the sensitivity analysis works with (higher is better).
pub(super) fn sensitivity_unit(r: &Ranking) -> &'static str {
    match r.method {
        "weighted-sum" => "points, 0-100",
        "topsis" => "closeness, 0-1",
        "vikor" => "minus VIKOR Q (higher is better)",
        "promethee2" => "net flow, -1 to 1",
        _ => "weighted product score",
    }
}
