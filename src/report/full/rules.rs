//! How the decision was made: the gates and who they exclude, the cost of each vendor, and
//! the method and weights with the sensitivity analysis.

use super::inputs::{figure, Inputs};
use crate::report::charts::Figure;
use crate::report::doc::{Block, Section, Table};
use crate::report::limits::{count, cut_note, cut_table, largest, TABLE_ROWS};
use crate::report::{direction_words, pct, score_caption};

pub(super) fn gates(i: &Inputs) -> Section {
    let r = i.ranking;
    let mut blocks = Vec::new();
    if i.criteria.gates.is_empty() {
        blocks.push(Block::Paragraph("The criteria set no gates.".into()));
    } else {
        let mut t = Table::new(&["gate", "metric", "requirement", "about"], &[false; 4]);
        for g in &i.criteria.gates {
            t.rows.push(vec![
                format!("`{}`", g.id),
                format!("`{}`", g.metric.name),
                crate::gates::requirement(&g.rule),
                g.description.clone().unwrap_or_default(),
            ]);
        }
        blocks.push(Block::Paragraph(
            "A vendor that fails any gate is excluded before scoring:".into(),
        ));
        blocks.push(Block::Table(t));
    }
    if r.excluded.is_empty() {
        blocks.push(Block::Paragraph("Every vendor passes the gates.".into()));
    } else {
        blocks.push(Block::Paragraph("Excluded:".into()));
        let items: Vec<String> = r
            .excluded
            .iter()
            .take(TABLE_ROWS)
            .map(|x| {
                let why: Vec<String> = x
                    .reasons
                    .iter()
                    .map(|q| format!("`{}`: {}", q.by, q.text))
                    .collect();
                format!("{} (`{}`): {}", x.name, x.vendor, why.join("; "))
            })
            .collect();
        blocks.push(Block::List(items));
        blocks.extend(cut_note(
            r.excluded.len(),
            "excluded vendor",
            "excluded vendors",
            "`tables/ranking.csv` with the reasons",
        ));
    }
    Section {
        id: "gates",
        title: "Gates and exclusions".into(),
        blocks,
    }
}

pub(super) fn cost_section(i: &Inputs, frontier: Option<&Figure>) -> Section {
    let mut blocks = Vec::new();
    if let Some(t) = i.cost {
        blocks.push(Block::Paragraph(format!(
            "Prices for the fleet over {} months in {}; all-in includes setup, add-ons and migration labour.",
            t.horizon_months, t.currency
        )));
        let mut tab = Table::new(
            &[
                "vendor",
                "rank",
                "edition",
                "total",
                "all-in per endpoint-month",
                "value",
            ],
            &[false, true, false, true, true, false],
        );
        for row in &t.rows {
            let (edition, total) = match &row.quote {
                Ok(q) => (q.edition.clone(), format!("{:.2}", q.tco())),
                Err(e) => (format!("no price: {e}"), "-".into()),
            };
            tab.rows.push(vec![
                format!("`{}`", row.vendor),
                row.rank.map_or("excluded".into(), |k| k.to_string()),
                edition,
                total,
                row.all_in.map_or("-".into(), |x| format!("{x:.2}")),
                match &row.value {
                    Some(v) if v.efficient => "efficient".into(),
                    Some(v) => format!("beaten by `{}`", v.dominated_by.as_deref().unwrap_or("?")),
                    None => "-".into(),
                },
            ]);
        }
        let note = cut_table(&mut tab, "vendor", "vendors", "`tables/cost.csv`");
        blocks.push(Block::Table(tab));
        blocks.extend(note);
        if let Some(f) = frontier {
            blocks.push(figure(f));
        }
    }
    Section {
        id: "cost",
        title: "Cost".into(),
        blocks,
    }
}

pub(super) fn method(i: &Inputs, sens: &[Figure]) -> Section {
    let r = i.ranking;
    let weights = r
        .weights
        .note(r.ranked.len())
        .map(|n| format!("Effective {n}."))
        .unwrap_or_else(|| "Weights are the criteria file's, normalised to sum to 100%.".into());
    let mut blocks = vec![Block::Paragraph(format!(
        "Method `{}`: {} {weights}",
        r.method,
        score_caption(r).trim_end_matches(':').to_string() + "."
    ))];
    let mut t = Table::new(
        &["criterion", "metric", "better", "weight"],
        &[false, false, false, true],
    );
    let weights: Vec<f64> = r.criteria.iter().map(|c| c.weight).collect();
    let rows = largest(&weights, TABLE_ROWS);
    for c in rows.iter().map(|&c| &r.criteria[c]) {
        t.rows.push(vec![
            c.label.clone(),
            format!("`{}`", c.metric),
            direction_words(c.direction).into(),
            pct(c.weight),
        ]);
    }
    blocks.push(Block::Table(t));
    if rows.len() < r.criteria.len() {
        blocks.push(Block::Paragraph(format!(
            "The table shows the {} heaviest criteria; all {} are in `tables/criteria.csv`.",
            rows.len(),
            count(r.criteria.len())
        )));
    }
    if let Some(a) = i.analysis {
        blocks.push(Block::Heading("Sensitivity".into()));
        blocks.extend(
            a.verdict()
                .into_iter()
                .map(|v| Block::Paragraph(format!("{v}."))),
        );
        let mut t = Table::new(
            &["criterion", "weight now", "first place changes at"],
            &[false, true, false],
        );
        let nearness: Vec<f64> = a
            .break_even
            .iter()
            .map(|b| {
                b.top_nearest()
                    .map_or(f64::NEG_INFINITY, |p| -p.change.abs())
            })
            .collect();
        let rows = largest(&nearness, TABLE_ROWS);
        for b in rows.iter().map(|&k| &a.break_even[k]) {
            let at = match b.top_nearest() {
                Some(p) => format!(
                    "{} (to {})",
                    pct(p.weight),
                    crate::problem::backticks(
                        &p.leaders
                            .iter()
                            .map(|&l| a.vendors[l].as_str())
                            .collect::<Vec<_>>()
                    )
                ),
                None => "no change in [0, 100%]".into(),
            };
            t.rows.push(vec![
                format!("`{}`", a.criteria[b.criterion]),
                pct(b.base_weight),
                at,
            ]);
        }
        blocks.push(Block::Table(t));
        if rows.len() < a.break_even.len() {
            blocks.push(Block::Paragraph(format!(
                "The table shows the {} criteria nearest to changing first place; `vendorscore sensitivity --out DIR` writes all {} to `break_even.csv`.",
                rows.len(),
                count(a.break_even.len())
            )));
        }
        blocks.extend(sens.iter().map(figure));
    }
    Section {
        id: "method",
        title: "Method and weights".into(),
        blocks,
    }
}
