//! The bottom line: the recommendation, how robust it is in words (strong, moderate, weak),
//! and the points behind it (evidence, weight scenarios, cost).

use super::inputs::Inputs;
use crate::report::cost::CostTable;
use crate::report::doc::{Block, Section, Tone};
use crate::report::{has_contributions, score_caption, score_text};

/// Rank-1 acceptability from which the lead is called strong (and moderate).
pub const STRONG: f64 = 0.75;
pub const MODERATE: f64 = 0.5;
/// How robust the lead is, from the evidence check and the rank-1 acceptability.
pub fn robustness(i: &Inputs) -> Option<(&'static str, Tone, String)> {
    let r = i.ranking;
    let top = r.ranked.first()?;
    if r.ranked.len() == 1 {
        return Some((
            "not applicable",
            Tone::Caution,
            format!(
                "How robust: not applicable. `{}` is the only vendor that passes the gates, so there is no runner-up to compare it with.",
                top.vendor
            ),
        ));
    }
    let tied_evidence: Vec<&str> = r.noise.as_ref().map_or(Vec::new(), |n| n.tied());
    let share = i.analysis.and_then(|a| {
        a.vendors
            .iter()
            .position(|v| *v == top.vendor)
            .map(|k| a.smaa.acceptability[k][0])
    });
    let score_tied: Vec<&str> = r
        .ranked
        .iter()
        .skip(1)
        .filter(|v| v.rank == top.rank)
        .map(|v| v.vendor.as_str())
        .collect();
    let mut why = Vec::new();
    if !score_tied.is_empty() {
        why.push(format!(
            "the score of `{}` ties with {}",
            top.vendor,
            crate::problem::backticks(&score_tied)
        ));
    }
    if !tied_evidence.is_empty() {
        why.push(format!(
            "the evidence cannot separate `{}` from {}",
            top.vendor,
            crate::problem::backticks(&tied_evidence)
        ));
    } else if r.noise.is_some() {
        why.push(format!(
            "the evidence puts `{}` ahead of every other vendor",
            top.vendor
        ));
    }
    if let Some(s) = share {
        why.push(format!(
            "`{}` ranks first in {:.0}% of the weight scenarios",
            top.vendor,
            100.0 * s
        ));
    }
    let clear = score_tied.is_empty() && tied_evidence.is_empty();
    let (word, tone) = match share {
        Some(s) if clear && s >= STRONG => ("strong", Tone::Good),
        Some(s) if clear && s >= MODERATE => ("moderate", Tone::Good),
        None if clear => ("not measured", Tone::Good),
        _ => ("weak", Tone::Caution),
    };
    let mut why = why.join(", and ");
    if let Some(c) = why.get(..1) {
        why = c.to_uppercase() + &why[1..];
    }
    let sentence = if why.is_empty() {
        format!("How robust: {word}.")
    } else {
        format!("How robust: {word}. {why}.")
    };
    Some((word, tone, sentence))
}

pub(super) fn bottom_line(i: &Inputs) -> Section {
    let r = i.ranking;
    let mut blocks = Vec::new();
    match r.ranked.first() {
        None => blocks.push(Block::Callout(
            Tone::Caution,
            "No vendor can be recommended: every vendor is excluded by a gate or has no data (see Gates and exclusions).".into(),
        )),
        Some(top) => {
            let score = if has_contributions(r) {
                format!("{:.1} of 100 points", top.score)
            } else {
                format!(
                    "{} {}",
                    score_caption(r).trim_end_matches(':').to_lowercase(),
                    score_text(r, top.score)
                )
            };
            blocks.push(Block::Callout(
                Tone::Good,
                format!(
                    "Recommendation: {} (`{}`) ranks first with {score}.",
                    top.name, top.vendor
                ),
            ));
            if let Some((_, tone, sentence)) = robustness(i) {
                blocks.push(Block::Callout(
                    tone,
                    sentence,
                ));
            }
            let mut points = Vec::new();
            if let Some(n) = &r.noise {
                points.push(format!("{}.", n.words()));
            }
            if let Some(a) = i.analysis {
                points.extend(a.verdict().into_iter().map(|v| format!("{v}.")));
            }
            if let Some(line) = i.cost.and_then(|t| cost_line(t, &top.vendor)) {
                points.push(line);
            }
            if !points.is_empty() {
                blocks.push(Block::List(points));
            }
        }
    }
    Section {
        id: "bottom-line",
        title: "Bottom line".into(),
        blocks,
    }
}

fn cost_line(t: &CostTable, vendor: &str) -> Option<String> {
    let row = t.rows.iter().find(|row| row.vendor == vendor)?;
    let all_in = row.all_in?;
    let value = match &row.value {
        Some(v) if v.efficient => "it is on the value-for-money frontier".to_string(),
        Some(v) => format!(
            "`{}` scores at least as high for less",
            v.dominated_by.as_deref().unwrap_or("?")
        ),
        None => return None,
    };
    Some(format!(
        "All-in cost {all_in:.2} {} per endpoint-month over {} months; {value}.",
        t.currency, t.horizon_months
    ))
}
