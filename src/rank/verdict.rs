//! How robust the ranking's lead is, in one word (strong, moderate, weak, not measured,
//! not applicable) and one sentence with the reasons: score ties, the evidence check and
//! the leader's share of first places in the SMAA scenarios. The one verdict the report
//! and the commands show.

use super::analysis::Analysis;
use super::Ranking;

/// The verdict on the lead.
#[derive(Debug, Clone, PartialEq)]
pub struct Robustness {
    /// `strong`, `moderate`, `weak`, `not measured` or `not applicable`.
    pub word: &'static str,
    /// Whether the lead holds up (strong, moderate, or clear but not measured).
    pub good: bool,
    /// "How robust: <word>. <reasons>."
    pub sentence: String,
}

/// Rank-1 acceptability from which the lead is called strong (and moderate).
pub const STRONG: f64 = 0.75;
pub const MODERATE: f64 = 0.5;
/// How robust the lead is, from the evidence check (`Ranking::noise`) and the leader's
/// rank-1 acceptability in the sensitivity analysis, when there is one.
pub fn robustness(r: &Ranking, analysis: Option<&Analysis>) -> Option<Robustness> {
    let top = r.ranked.first()?;
    if r.ranked.len() == 1 {
        return Some(Robustness {
            word: "not applicable",
            good: false,
            sentence: format!(
                "How robust: not applicable. `{}` is the only vendor that passes the gates, so there is no runner-up to compare it with.",
                top.vendor
            ),
        });
    }
    let tied_evidence: Vec<&str> = r.noise.as_ref().map_or(Vec::new(), |n| n.tied());
    let share = analysis.and_then(|a| {
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
    if let (Some(s), Some(a)) = (share, analysis) {
        why.push(format!(
            "`{}` ranks first in {:.0}% of the {}",
            top.vendor,
            100.0 * s,
            a.scenarios()
        ));
    }
    let clear = score_tied.is_empty() && tied_evidence.is_empty();
    let (word, good) = match share {
        Some(s) if clear && s >= STRONG => ("strong", true),
        Some(s) if clear && s >= MODERATE => ("moderate", true),
        None if clear => ("not measured", true),
        _ => ("weak", false),
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
    Some(Robustness {
        word,
        good,
        sentence,
    })
}
