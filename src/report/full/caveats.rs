//! The caveats: score ties, leads within the noise, small pilot samples, missing data and
//! unconstrained weight scenarios.

use super::inputs::Inputs;
use crate::report::doc::{Block, Section};
use crate::report::limits::{count, TABLE_ROWS, TOP_VENDORS};
use crate::report::ties;

pub(super) fn caveats(i: &Inputs) -> Section {
    let r = i.ranking;
    let mut items: Vec<String> = Vec::new();
    let score_ties = ties(r);
    items.extend(
        score_ties
            .iter()
            .take(TABLE_ROWS)
            .map(|t| format!("Scores tie: {t}.")),
    );
    if score_ties.len() > TABLE_ROWS {
        items.push(format!(
            "{} more score ties: see the ranks in `ranking.csv`.",
            count(score_ties.len() - TABLE_ROWS)
        ));
    }
    if let Some(n) = &r.noise {
        if !n.tied().is_empty() {
            items.push(format!("{}.", n.words()));
        }
    }
    if let Some(p) = i.pilot {
        if let Some((_, vendors)) = p.groups.first() {
            let mut small: Vec<String> = vendors
                .iter()
                .filter_map(|v| {
                    let m = v
                        .metrics
                        .iter()
                        .find(|m| m.metric == "pilot.detection_rate")?;
                    let (_, iv) = m.intervals.first()?;
                    let width = 100.0 * (iv.upper - iv.lower);
                    (width > 1.0).then(|| {
                        format!(
                            "`{}` ({} endpoints, {} samples: ±{:.1} points)",
                            p.vendor_ids[v.vendor],
                            v.endpoints,
                            crate::gates::fmt_num(m.n),
                            width / 2.0
                        )
                    })
                })
                .collect();
            if small.len() > TOP_VENDORS {
                let hidden = small.len() - TOP_VENDORS;
                small.truncate(TOP_VENDORS);
                small.push(format!("{} more vendors", count(hidden)));
            }
            if !small.is_empty() {
                items.push(format!(
                    "Small pilot samples: the 95% interval of the detection rate is wider than 1 percentage point for {}. A larger pilot is needed to tell rates that close apart (`vendorscore pilot plan`).",
                    small.join(", ")
                ));
            }
        }
    }
    items.extend(
        r.warnings
            .iter()
            .take(TABLE_ROWS)
            .map(|w| format!("Missing data: {w}.")),
    );
    if r.warnings.len() > TABLE_ROWS {
        items.push(format!(
            "{} more warnings about missing data: `vendorscore rank` prints them all.",
            count(r.warnings.len() - TABLE_ROWS)
        ));
    }
    if let Some(a) = i.analysis {
        if !a.constrained {
            items.push("The weight scenarios are drawn uniformly over all weightings because the criteria file sets no `[sensitivity]` ranges; narrower, agreed ranges give a sharper answer.".into());
        }
    }
    if items.is_empty() {
        items.push(
            "None found: no ties, no missing data, and the pilot intervals are narrow.".into(),
        );
    }
    Section {
        id: "caveats",
        title: "Caveats".into(),
        blocks: vec![Block::List(items)],
    }
}
