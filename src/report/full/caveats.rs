//! The caveats: score ties, leads within the noise, small pilot samples, missing data and
//! unconstrained weight scenarios.

use super::inputs::Inputs;
use crate::report::doc::{Block, Section};
use crate::report::ties;

pub(super) fn caveats(i: &Inputs) -> Section {
    let r = i.ranking;
    let mut items: Vec<String> = Vec::new();
    items.extend(ties(r).into_iter().map(|t| format!("Scores tie: {t}.")));
    if let Some(n) = &r.noise {
        if !n.tied().is_empty() {
            items.push(format!("{}.", n.words()));
        }
    }
    if let Some(p) = i.pilot {
        if let Some((_, vendors)) = p.groups.first() {
            let small: Vec<String> = vendors
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
            if !small.is_empty() {
                items.push(format!(
                    "Small pilot samples: the 95% interval of the detection rate is wider than 1 percentage point for {}. A larger pilot is needed to tell rates that close apart (`vendorscore pilot plan`).",
                    small.join(", ")
                ));
            }
        }
    }
    items.extend(r.warnings.iter().map(|w| format!("Missing data: {w}.")));
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
