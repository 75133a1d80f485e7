//! Renderers: a `Ranking` to bytes as a terminal table, CSV, JSON or Markdown.
//!
//! Renderers never print; `cmd/` decides where bytes go.

pub mod cost;
mod csv_out;
mod json;
mod markdown;
pub mod pilot;
mod table;

pub use csv_out::csv;
pub use json::json;
pub use markdown::markdown;
pub use table::table;

use crate::criteria::Direction;
use crate::rank::{CriterionInfo, Ranking};

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
        "percent" => format!("{x:.2}"),
        u if u.contains("per endpoint-month") || u.contains("per month") => format!("{x:.2}"),
        _ => crate::gates::fmt_num(x),
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
