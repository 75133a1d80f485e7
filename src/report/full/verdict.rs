//! The bottom line: the recommendation, how robust it is in words (strong, moderate, weak),
//! and the points behind it (evidence, weight scenarios, cost, and the migration plan's
//! deadline verdict when the client has an inventory).

use super::inputs::Inputs;
use crate::report::cost::CostTable;
use crate::report::doc::{Block, Section, Tone};
use crate::report::limits::count;
use crate::report::plan::PlanReport;
use crate::report::{has_contributions, score_caption, score_text};

/// How robust the lead is ([`crate::rank::verdict::robustness`]), with the tone the
/// report gives it.
pub fn robustness(i: &Inputs) -> Option<(&'static str, Tone, String)> {
    crate::rank::verdict::robustness(i.ranking, i.analysis).map(|v| {
        let tone = if v.good { Tone::Good } else { Tone::Caution };
        (v.word, tone, v.sentence)
    })
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
            if let Some(d) = &r.disagreement {
                let mut text = d.clone();
                text[..1].make_ascii_uppercase();
                blocks.push(Block::Callout(Tone::Caution, format!("{text}.")));
            }
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
            if let (Some(n), Some(t)) = (&r.noise, i.cost) {
                points.extend(cheaper_tied(t, &top.vendor, &n.tied()));
            }
            if let Some(p) = &i.plan {
                points.push(plan_line(p.report));
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

/// The migration in one line: how many devices, in how many waves, from when, and the
/// deadline verdict of the "Migration plan" section.
fn plan_line(p: &PlanReport) -> String {
    let verdict = crate::report::plan::verdict(p);
    if p.check.nothing_to_migrate {
        return format!("Migration plan: {verdict}.");
    }
    let waves = p.waves.len();
    format!(
        "Migration plan: {} devices in {waves} wave{} from {}; {verdict} (see Migration plan).",
        count(p.counts.to_move),
        if waves == 1 { "" } else { "s" },
        p.start
    )
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

/// When the evidence cannot separate the leader from a vendor that costs less, the
/// cheapest such vendor with both costs over the contract: a choice the data supports as
/// well, for less money.
fn cheaper_tied(t: &CostTable, leader: &str, tied: &[&str]) -> Option<String> {
    let tco = |vendor: &str| {
        let row = t.rows.iter().find(|row| row.vendor == vendor)?;
        Some((row.quote.as_ref().ok()?.tco(), row.all_in?))
    };
    let (lead_total, lead_month) = tco(leader)?;
    let (vendor, (total, month)) = tied
        .iter()
        .filter_map(|v| Some((*v, tco(v)?)))
        .filter(|(_, (total, _))| *total < lead_total)
        .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0))?;
    Some(format!(
        "The evidence cannot separate `{leader}` from `{vendor}`, which costs less: {} against {} {} over {} months ({month:.2} against {lead_month:.2} per endpoint-month); a lower-cost choice the data supports as well.",
        count(total.round() as usize),
        count(lead_total.round() as usize),
        t.currency,
        t.horizon_months
    ))
}
