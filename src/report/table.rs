//! The terminal table of `rank`: scores, each criterion's contribution, the evidence
//! behind it, weights and the excluded vendors with reasons.

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, ContentArrangement, Table};

use super::{fmt_value, has_contributions, pct, score_caption, score_text, ties};
use crate::rank::Ranking;

/// Renders the ranking for a terminal.
pub fn table(r: &Ranking) -> String {
    let mut out = format!(
        "{} ({}), dataset {}\n{} ranked, {} excluded\n\n",
        r.title,
        r.method,
        r.dataset,
        r.ranked.len(),
        r.excluded.len()
    );
    let mut t = new_table();
    let mut head = vec![Cell::new("rank"), Cell::new("vendor"), Cell::new("score")];
    if has_contributions(r) {
        head.extend(
            r.criteria
                .iter()
                .map(|c| Cell::new(format!("{}\n{}", c.id, pct(c.weight)))),
        );
    }
    t.set_header(head);
    for v in &r.ranked {
        let mut row = vec![
            Cell::new(v.rank),
            Cell::new(&v.vendor),
            num(score_text(r, v.score)),
        ];
        row.extend(v.contributions.iter().map(|x| num(format!("{x:.1}"))));
        t.add_row(row);
    }
    out.push_str(score_caption(r));
    out.push('\n');
    out.push_str(&t.to_string());
    out.push('\n');
    for tie in ties(r) {
        out.push_str(&format!("note: {tie}\n"));
    }
    if let Some(n) = &r.noise {
        out.push_str(&format!("\nOn this evidence: {}.\n", n.words()));
    }
    let mut e = new_table();
    let mut head = vec![Cell::new("vendor")];
    head.extend(r.criteria.iter().map(|c| {
        Cell::new(format!(
            "{}\n{}",
            c.id,
            if c.direction == crate::criteria::Direction::Max {
                "max"
            } else {
                "min"
            }
        ))
    }));
    e.set_header(head);
    for v in &r.ranked {
        let mut row = vec![Cell::new(&v.vendor)];
        row.extend(
            r.criteria
                .iter()
                .zip(&v.values)
                .map(|(c, x)| num(fmt_value(c, *x))),
        );
        e.add_row(row);
    }
    out.push_str("\nThe evidence behind each criterion:\n");
    out.push_str(&e.to_string());
    out.push_str("\n\nCriteria (effective weight):\n");
    for c in &r.criteria {
        out.push_str(&format!(
            "  {:<7} {:<22} {} ({}, {})\n",
            pct(c.weight),
            c.id,
            c.metric,
            c.unit,
            super::direction_words(c.direction)
        ));
    }
    if let Some(note) = r.weights.note(r.ranked.len()) {
        out.push_str(&format!("  {note}\n"));
    }
    if !r.excluded.is_empty() {
        out.push_str("\nExcluded:\n");
        for x in &r.excluded {
            for reason in &x.reasons {
                out.push_str(&format!(
                    "  {}: {} [{}]\n",
                    x.vendor, reason.text, reason.by
                ));
            }
        }
    }
    out
}

fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Disabled);
    t
}

fn num(s: String) -> Cell {
    Cell::new(s).set_alignment(CellAlignment::Right)
}
