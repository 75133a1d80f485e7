//! Plain input structs for the charts: no dependency on the rest of the crate, so the scoring,
//! statistics and sensitivity layers fill them and the chart layer only draws.
//!
//! Every chart takes a `title` (empty means the chart's default title) and, where vendors appear,
//! the list of [`VendorStyle`]s that keeps a vendor's colour the same across charts. Rows refer
//! to vendors by `id`; a row whose id has no style entry is an error.

/// How one vendor is drawn in every chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorStyle {
    /// Vendor id (the dataset's slug); rows refer to vendors by this id.
    pub id: String,
    /// Display name; cleaned of control characters and shortened with an ellipsis past 28 characters.
    pub label: String,
    /// Index into the vendor palette: the vendor's position in the dataset, so colours stay put
    /// when a vendor is excluded or the ranking changes. Past the palette's length the colours
    /// repeat with a different marker shape.
    pub colour: usize,
    /// Excluded by a gate: drawn in grey, dashed or hollow, and labelled "excluded".
    pub excluded: bool,
}

/// A criterion's id and display name; its colour is its position in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionLabel {
    /// Criterion id from the criteria file.
    pub id: String,
    /// Display name.
    pub label: String,
}

/// Input of [`crate::chart::ranking_contributions`]: one stacked bar per ranked vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// Styles of every vendor, ranked or excluded.
    pub vendors: Vec<VendorStyle>,
    /// The criteria, in the order of each row's `points`.
    pub criteria: Vec<CriterionLabel>,
    /// Ranked vendors, best first.
    pub rows: Vec<RankingRow>,
    /// Vendors excluded by a gate, listed under the bars with their reason.
    pub excluded: Vec<Exclusion>,
}

/// One ranked vendor: the points each criterion contributes to its 0-100 score.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingRow {
    /// Vendor id.
    pub vendor: String,
    /// Points per criterion (finite, not negative), in the order of `RankingInput::criteria`.
    pub points: Vec<f64>,
}

/// A vendor left out of the ranking and the short reason why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    /// Vendor id.
    pub vendor: String,
    /// Short reason, such as "gate `pilot-detection`: 0.93 < 0.95".
    pub reason: String,
}

/// Input of [`crate::chart::profile`]: each vendor's value per criterion, as a heat map.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// Vendor styles.
    pub vendors: Vec<VendorStyle>,
    /// The criteria, one column each (one row each in the narrow layout).
    pub criteria: Vec<CriterionLabel>,
    /// One row per vendor drawn, in this order.
    pub rows: Vec<ProfileRow>,
}

/// One vendor's values: normalised (0 = worst, 1 = best) for the shade, and as shown; NaN
/// means not available.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRow {
    /// Vendor id.
    pub vendor: String,
    /// Normalised values in 0..=1 or NaN, in the order of `ProfileInput::criteria`.
    pub values: Vec<f64>,
    /// The values written in the cells, in the unit the criterion's label names.
    pub shown: Vec<f64>,
}

/// Input of [`crate::chart::forest`]: one metric's estimate and interval per vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct ForestInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// Metric name shown on the axis, such as "pilot detection rate".
    pub metric: String,
    /// Unit shown on the axis, such as "%" or "false positives per endpoint-day".
    pub unit: String,
    /// Confidence level of the intervals, such as 0.95.
    pub level: f64,
    /// Vendor styles.
    pub vendors: Vec<VendorStyle>,
    /// One row per vendor, drawn top to bottom in this order.
    pub rows: Vec<ForestRow>,
    /// Optional vertical line, such as a gate's minimum.
    pub threshold: Option<Threshold>,
}

/// One vendor's point estimate and optional interval.
#[derive(Debug, Clone, PartialEq)]
pub struct ForestRow {
    /// Vendor id.
    pub vendor: String,
    /// Point estimate.
    pub estimate: f64,
    /// Interval around the estimate, if the data allow one.
    pub interval: Option<Interval>,
}

/// A closed interval `lower..=upper`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lower: f64,
    /// Upper bound (not below `lower`).
    pub upper: f64,
}

/// A labelled reference line.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    /// Position on the value axis.
    pub value: f64,
    /// Label, such as "gate minimum".
    pub label: String,
}

/// Input of [`crate::chart::tornado`]: how far one output moves as each criterion's weight swings.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// What moves, such as "score of Acme EDR" or "rank-1 margin".
    pub subject: String,
    /// Its unit, such as "points".
    pub unit: String,
    /// The output at the current weights.
    pub baseline: f64,
    /// One bar per criterion; the chart sorts them by width, widest on top.
    pub bars: Vec<TornadoBar>,
}

/// The output at a criterion's low and high weight.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// Criterion display name.
    pub criterion: String,
    /// Low weight, as a fraction 0..=1.
    pub weight_low: f64,
    /// High weight, as a fraction 0..=1.
    pub weight_high: f64,
    /// Output at the low weight.
    pub value_low: f64,
    /// Output at the high weight.
    pub value_high: f64,
}

/// Input of [`crate::chart::weight_sweep`]: every vendor's score as one criterion's weight moves.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightSweepInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// The criterion whose weight is swept.
    pub criterion: String,
    /// Unit of the score axis, such as "points, 0-100".
    pub score_unit: String,
    /// Vendor styles.
    pub vendors: Vec<VendorStyle>,
    /// The swept weights as fractions 0..=1, ascending.
    pub weights: Vec<f64>,
    /// One line per vendor, one score per weight.
    pub series: Vec<SweepSeries>,
    /// The criterion's current weight (fraction), marked by a vertical line.
    pub current_weight: f64,
    /// Weights where the ranking changes, each marked and labelled.
    pub break_even: Vec<BreakEven>,
}

/// One vendor's scores along the sweep.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepSeries {
    /// Vendor id.
    pub vendor: String,
    /// Score at each of `WeightSweepInput::weights`.
    pub scores: Vec<f64>,
}

/// A weight at which two vendors swap places.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakEven {
    /// The weight, as a fraction 0..=1.
    pub weight: f64,
    /// Short label, such as "B overtakes A".
    pub label: String,
}

/// Input of [`crate::chart::rank_heatmap`]: SMAA rank acceptabilities.
#[derive(Debug, Clone, PartialEq)]
pub struct RankHeatmapInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// Vendor styles.
    pub vendors: Vec<VendorStyle>,
    /// One row per vendor, drawn top to bottom in this order.
    pub rows: Vec<RankRow>,
}

/// One vendor's share of simulations at each rank.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// Vendor id.
    pub vendor: String,
    /// Acceptability of rank 1, 2, ... as fractions 0..=1; every row has the same length.
    pub acceptability: Vec<f64>,
}

/// Input of [`crate::chart::frontier`]: score against cost with the Pareto frontier.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// Currency code for the cost axis, such as "USD".
    pub currency: String,
    /// Unit of the score axis, such as "points, 0-100".
    pub score_unit: String,
    /// Vendor styles.
    pub vendors: Vec<VendorStyle>,
    /// One point per vendor.
    pub points: Vec<FrontierPoint>,
}

/// One vendor's cost and score.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierPoint {
    /// Vendor id.
    pub vendor: String,
    /// Cost per endpoint-month in `FrontierInput::currency` (finite, not negative).
    pub cost: f64,
    /// Score.
    pub score: f64,
}

/// Input of [`crate::chart::gantt`]: a migration's waves on a calendar, against a deadline.
///
/// Days are whole numbers counted from any fixed day (the report counts from 1970-01-01);
/// a day is drawn as the span from its number to the next, so a wave whose last day is
/// the day before the deadline ends on the deadline's line.
#[derive(Debug, Clone, PartialEq)]
pub struct GanttInput {
    /// Chart title; empty for the default.
    pub title: String,
    /// The time axis's description, such as "date (2024)".
    pub axis: String,
    /// One bar per wave, drawn top to bottom in this order.
    pub bars: Vec<GanttBar>,
    /// The first day out of compliance, drawn as a vertical line.
    pub deadline: i64,
    /// The deadline's label, such as "deadline 2024-09-29".
    pub deadline_label: String,
    /// Dates that may be written on the time axis, evenly spaced and ascending (such as the
    /// 1st and 15th of each month); the chart writes every one, or every 2nd, 4th, 6th, ...
    /// as the width allows.
    pub ticks: Vec<GanttTick>,
    /// Devices kept out of the waves, each a row under them (stale, no antivirus).
    pub apart: Vec<GanttApart>,
}

/// One wave: its work days and its soak.
#[derive(Debug, Clone, PartialEq)]
pub struct GanttBar {
    /// The wave's name, such as "pilot".
    pub name: String,
    /// Devices in the wave.
    pub devices: usize,
    /// The first working day.
    pub first: i64,
    /// The last working day (not before `first`).
    pub last: i64,
    /// The last day of the soak (not before `last`).
    pub soak_until: i64,
}

/// A date on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct GanttTick {
    /// The day.
    pub day: i64,
    /// Its label, such as "Jul 15".
    pub label: String,
}

/// Devices shown apart from the waves.
#[derive(Debug, Clone, PartialEq)]
pub struct GanttApart {
    /// What they are, such as "stale, not planned".
    pub label: String,
    /// How many.
    pub devices: usize,
    /// Why they are apart and what to do, such as "not seen for 30 days: check they exist".
    pub reason: String,
}
