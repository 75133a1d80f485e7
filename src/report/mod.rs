//! Rendering: what the commands show, as bytes. A command builds its result once (a
//! `Ranking`, a cost table, a method comparison, pilot statistics, a sensitivity analysis,
//! the report document); one exporter per format (`export`: terminal, Markdown, CSV, JSON,
//! HTML) turns it into bytes. Results printed in every `--format` implement [`Render`].
//!
//! Nothing here prints; `cmd/` decides where bytes go.

pub mod charts;
pub mod check;
pub mod compare;
pub mod cost;
pub mod doc;
pub mod export;
pub mod full;
pub mod limits;
pub mod pilot;
pub mod plan;
mod ranking;
pub mod sensitivity;
pub mod tables;

pub use export::Render;
/// The JSON Schema of `rank --format json` (docs/schema/rank.schema.json).
pub use ranking::schema as rank_schema;

use crate::decision::Direction;
use crate::rank::{CriterionInfo, Ranking};

/// A score as shown: points out of 100 for the weighted sum, 4 decimals otherwise.
pub fn score_text(r: &Ranking, x: f64) -> String {
    if r.method == "weighted-sum" {
        format!("{x:.1}")
    } else {
        format!("{x:.4}")
    }
}

/// What the score column means, per method.
pub fn score_caption(r: &Ranking) -> &'static str {
    match r.method {
        "weighted-sum" => "Score out of 100, and the points each criterion adds:",
        "weighted-product" => "Weighted product of the max-normalised values (higher is better):",
        "topsis" => "TOPSIS closeness to the ideal vendor, 0 to 1 (higher is better):",
        "vikor" => "VIKOR Q, 0 to 1 (lower is better; compromise details in the JSON):",
        _ => "PROMETHEE II net flow, -1 to 1 (higher is better):",
    }
}

/// Whether the method splits its score into per-criterion points.
pub fn has_contributions(r: &Ranking) -> bool {
    r.ranked.iter().any(|v| !v.contributions.is_empty())
}

/// A criterion's effective weight as a percentage, e.g. `22.9%`.
pub fn pct(w: f64) -> String {
    format!("{:.1}%", 100.0 * w)
}

/// A metric value for people: rates as percentages, small rates with more decimals.
pub fn fmt_value(c: &CriterionInfo, v: Option<f64>) -> String {
    let Some(x) = v else { return "n/a".into() };
    match c.unit.as_str() {
        "ratio" => format!("{:.2}%", 100.0 * x),
        "per endpoint-day" => format!("{x:.4}"),
        "percent" => format!("{x:.2}%"),
        u if u.contains("per endpoint-month") || u.contains("per month") => format!("{x:.2}"),
        _ => crate::gates::fmt_num(x),
    }
}

/// The currency of a criterion whose values are amounts of money: `USD` for a unit of
/// `USD per endpoint-month`; `None` for every other unit.
pub fn money_unit(c: &CriterionInfo) -> Option<&str> {
    let amount = c
        .unit
        .split_once(" per ")
        .map_or(c.unit.as_str(), |(a, _)| a);
    (amount.len() == 3 && amount.bytes().all(|b| b.is_ascii_uppercase())).then_some(amount)
}

/// A metric value for a terminal table: as [`fmt_value`], amounts of money with their
/// currency ([`export::terminal::money`]).
pub fn fmt_value_terminal(c: &CriterionInfo, v: Option<f64>) -> String {
    match (money_unit(c), v) {
        (Some(currency), Some(x)) => export::terminal::money(x, currency),
        _ => fmt_value(c, v),
    }
}

/// A pilot metric's name in tables: its label ([`crate::metrics::label`]), with the unit
/// of a mean ("CPU overhead (%)", "Boot delay (seconds)"); rates and per-day counts show
/// theirs in the value.
pub fn pilot_metric_name(metric: &str, kind: crate::pilot::Kind) -> String {
    use crate::pilot::Kind;
    let label = crate::metrics::label(metric);
    let unit = crate::metrics::fixed(metric).map_or("", |d| d.unit);
    match (kind, unit) {
        (Kind::Rate | Kind::PerDay, _) | (_, "") => label,
        (_, "percent") => format!("{label} (%)"),
        (_, unit) => format!("{label} ({unit})"),
    }
}

/// A criterion's label with the unit its values are shown in ([`fmt_value`]: ratios and
/// percentages both as `%`), unless the label already says it: `Pilot detection rate (%)`,
/// `CPU overhead (%)`, `False positives per endpoint-day`.
pub fn unit_label(c: &CriterionInfo) -> String {
    let shown = match c.unit.as_str() {
        "ratio" | "percent" => "%",
        // `USD per endpoint-month` beside `Cost per endpoint-month`: the currency alone.
        u => match u.split_once(" per ") {
            Some((amount, per)) if c.label.contains(&format!("per {per}")) => amount,
            _ => u,
        },
    };
    if shown.is_empty() || c.label.contains(shown) || c.label.contains(&c.unit) {
        c.label.clone()
    } else {
        format!("{} ({shown})", c.label)
    }
}

/// `higher is better` / `lower is better`.
pub fn direction_words(d: Direction) -> &'static str {
    match d {
        Direction::Max => "higher is better",
        Direction::Min => "lower is better",
    }
}

/// Vendors whose score ties another's, as "a, b" groups in words, for the tables' notes.
pub fn ties(r: &Ranking) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < r.ranked.len() {
        let j = r.ranked[i..]
            .iter()
            .take_while(|x| x.rank == r.ranked[i].rank)
            .count();
        if j > 1 {
            let names: Vec<&str> = r.ranked[i..i + j]
                .iter()
                .map(|x| x.vendor.as_str())
                .collect();
            out.push(format!(
                "{} tie at rank {}",
                crate::problem::backticks(&names),
                r.ranked[i].rank
            ));
        }
        i += j;
    }
    out
}
