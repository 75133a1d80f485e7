//! The ranking and evidence sections: the ranked vendors, the value behind each criterion,
//! and the pilot (forest plots, intervals, ties at the top, go/no-go).

use super::inputs::{figure, find, Inputs};
use crate::pilot::{Kind, PilotReport};
use crate::rank::Ranking;
use crate::report::charts::{self, Figure};
use crate::report::doc::{Block, Section, Table};
use crate::report::limits::{count, cut_list, cut_table, largest, TABLE_ROWS, TOP_VENDORS};
use crate::report::{fmt_value, score_caption, score_text, ties};

pub(super) fn ranking_section(r: &Ranking, figs: &[Figure]) -> Section {
    let mut blocks = vec![Block::Paragraph(
        score_caption(r).trim_end_matches(':').to_string() + ".",
    )];
    let mut t = Table::new(
        &["rank", "vendor", "name", "score"],
        &[true, false, false, true],
    );
    for v in &r.ranked {
        t.rows.push(vec![
            v.rank.to_string(),
            format!("`{}`", v.vendor),
            v.name.clone(),
            score_text(r, v.score),
        ]);
    }
    let note = cut_table(&mut t, "vendor", "vendors", "`ranking.csv`");
    blocks.push(Block::Table(t));
    blocks.extend(note);
    let mut tie_notes = ties(r);
    let note = cut_list(&mut tie_notes, "tie", "ties", "`ranking.csv` (equal ranks)");
    if !tie_notes.is_empty() {
        blocks.push(Block::List(tie_notes));
    }
    blocks.extend(note);
    if let Some(f) = find(figs, "ranking") {
        blocks.push(figure(f));
    }
    Section {
        id: "ranking",
        title: "Ranking".into(),
        blocks,
    }
}

pub(super) fn evidence(i: &Inputs, ranking_figs: &[Figure], forest: &[Figure]) -> Section {
    let r = i.ranking;
    let mut blocks = vec![Block::Paragraph(
        "The value behind each criterion for each ranked vendor (n/a: no data).".into(),
    )];
    let shown = &r.ranked[..r.ranked.len().min(TOP_VENDORS)];
    let weights: Vec<f64> = r.criteria.iter().map(|c| c.weight).collect();
    let rows = largest(&weights, TABLE_ROWS);
    let mut header = vec!["criterion".to_string(), "better".to_string()];
    header.extend(shown.iter().map(|v| format!("`{}`", v.vendor)));
    let mut t = Table {
        numeric: header.iter().enumerate().map(|(k, _)| k >= 2).collect(),
        header,
        rows: Vec::new(),
    };
    for &c in &rows {
        let info = &r.criteria[c];
        let label = crate::report::unit_label(info);
        let better = match info.direction {
            crate::decision::Direction::Max => "higher",
            crate::decision::Direction::Min => "lower",
        };
        let mut row = vec![label, better.into()];
        row.extend(shown.iter().map(|v| fmt_value(info, v.values[c])));
        t.rows.push(row);
    }
    blocks.push(Block::Table(t));
    if let Some(note) = evidence_cut(r.ranked.len(), shown.len(), r.criteria.len(), rows.len()) {
        blocks.push(Block::Paragraph(note));
    }
    if let Some(f) = find(ranking_figs, "profile") {
        blocks.push(figure(f));
    }
    if let Some(p) = i.pilot {
        let in_use = charts::pilot_metrics_in_use(r, i.criteria);
        blocks.extend(pilot_blocks(r, p, &in_use, forest));
    }
    Section {
        id: "evidence",
        title: "Evidence".into(),
        blocks,
    }
}

/// The note under a cut evidence table: which vendors and criteria it shows, and that
/// `ranking.csv` has every value.
fn evidence_cut(vendors: usize, shown: usize, criteria: usize, rows: usize) -> Option<String> {
    let mut parts = Vec::new();
    if shown < vendors {
        parts.push(format!(
            "the first {shown} of {} ranked vendors",
            count(vendors)
        ));
    }
    if rows < criteria {
        parts.push(format!(
            "the {rows} heaviest of {} criteria",
            count(criteria)
        ));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "The table shows {}; `ranking.csv` and `tables/ranking.csv` have every value.",
            parts.join(" and ")
        )
    })
}

fn pilot_value(kind: Kind, x: f64) -> String {
    match kind {
        Kind::Rate => format!("{:.2}%", 100.0 * x),
        Kind::PerDay => format!("{x:.4}"),
        _ => format!("{x:.2}"),
    }
}

/// The pilot metrics the criteria use: forest plots, the table with intervals, the ties at
/// the top, and the go/no-go checklist (every metric is in `tables/pilot_metrics`).
fn pilot_blocks(r: &Ranking, p: &PilotReport, in_use: &[String], forest: &[Figure]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("Pilot".into())];
    let Some((_, vendors)) = p.groups.first() else {
        return Vec::new();
    };
    // Ranked vendors in rank order, then the excluded ones.
    let mut vendors: Vec<&crate::pilot::VendorPilot> = vendors.iter().collect();
    vendors.sort_by_key(|v| {
        let id = &p.vendor_ids[v.vendor];
        r.ranked
            .iter()
            .position(|x| &x.vendor == id)
            .unwrap_or(usize::MAX)
    });
    let hidden = vendors.len().saturating_sub(TOP_VENDORS);
    vendors.truncate(TOP_VENDORS);
    let mut t = Table::new(
        &["vendor", "metric", "value", "n", "95% interval"],
        &[false, false, true, true, false],
    );
    for v in vendors {
        for m in v
            .metrics
            .iter()
            .filter(|m| in_use.iter().any(|u| u == m.metric))
        {
            let interval = m.intervals.first().map_or("-".to_string(), |(name, i)| {
                format!(
                    "{} to {} ({name})",
                    pilot_value(m.kind, i.lower),
                    pilot_value(m.kind, i.upper)
                )
            });
            t.rows.push(vec![
                format!("`{}`", p.vendor_ids[v.vendor]),
                crate::report::pilot_metric_name(m.metric, m.kind),
                m.value.map_or("n/a".into(), |x| pilot_value(m.kind, x)),
                format!("{} {}", crate::gates::fmt_num(m.n), m.unit),
                interval,
            ]);
        }
    }
    blocks.extend(forest.iter().map(figure));
    if !t.rows.is_empty() {
        blocks.push(Block::Paragraph(
            "The pilot metrics the criteria use, per vendor, with the sample each rests on and its 95% interval (all pilot metrics are in `tables/pilot_metrics`):".into(),
        ));
        blocks.push(Block::Table(t));
        if hidden > 0 {
            blocks.push(Block::Paragraph(format!(
                "The table shows the first {TOP_VENDORS} vendors; {}",
                crate::report::limits::more(
                    hidden,
                    "vendor",
                    "vendors",
                    "`tables/pilot_metrics.csv`"
                )
            )));
        }
    }
    let tiers: Vec<String> = p
        .tiers
        .iter()
        .filter(|t| in_use.iter().any(|u| u == t.metric))
        .filter(|t| t.tiers.first().is_some_and(|top| top.len() > 1))
        .map(|t| {
            let top: Vec<&str> = t.tiers[0]
                .iter()
                .map(|&v| p.vendor_ids[v].as_str())
                .collect();
            format!(
                "`{}`: the pilot cannot separate {} (pairwise tests, Holm-corrected at 5%)",
                t.metric,
                crate::problem::backticks(&top)
            )
        })
        .collect();
    if !tiers.is_empty() {
        blocks.push(Block::Paragraph("Statistical ties at the top:".into()));
        blocks.push(Block::List(tiers));
    }
    if p.checklist.iter().any(|(_, lines)| !lines.is_empty()) {
        blocks.push(Block::Heading("Go/no-go".into()));
        let mut t = Table::new(&["vendor", "verdict", "gate", "result"], &[false; 4]);
        for (v, lines) in p.checklist.iter().take(TOP_VENDORS) {
            let go = lines.iter().all(|l| l.go);
            for (k, l) in lines.iter().enumerate() {
                t.rows.push(vec![
                    if k == 0 {
                        format!("`{}`", p.vendor_ids[*v])
                    } else {
                        String::new()
                    },
                    if k == 0 {
                        (if go { "GO" } else { "NO-GO" }).into()
                    } else {
                        String::new()
                    },
                    format!("`{}`", l.gate),
                    format!("{}: {}", if l.go { "go" } else { "no-go" }, l.text),
                ]);
            }
        }
        blocks.push(Block::Table(t));
        if p.checklist.len() > TOP_VENDORS {
            blocks.push(Block::Paragraph(format!(
                "The table shows the first {TOP_VENDORS} vendors; `vendorscore pilot` lists the other {}.",
                count(p.checklist.len() - TOP_VENDORS)
            )));
        }
    }
    blocks
}
