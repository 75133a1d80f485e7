//! The terminal view of `rank`: scores, each criterion's contribution, the evidence behind
//! it, weights and the excluded vendors with reasons.

use crate::decision::Direction;
use crate::rank::Ranking;
use crate::report::doc::Table;
use crate::report::export::terminal::table;
use crate::report::{direction_words, has_contributions, pct, score_caption, score_text, ties};

/// Renders the ranking for a terminal.
pub fn terminal(r: &Ranking) -> String {
    let client = r
        .client
        .as_ref()
        .map_or(String::new(), |c| format!(", for {c}"));
    let mut out = format!(
        "{} ({}), dataset {}{client}\n{} ranked, {} excluded\n\n",
        r.title,
        r.method,
        r.dataset,
        r.ranked.len(),
        r.excluded.len()
    );
    let mut t = Table::new(&["rank", "vendor", "score"], &[false, false, true]);
    if has_contributions(r) {
        for c in &r.criteria {
            t.header.push(format!("{}\n{}", c.id, pct(c.weight)));
            t.numeric.push(true);
        }
    }
    for v in &r.ranked {
        let mut row = vec![v.rank.to_string(), v.vendor.clone(), score_text(r, v.score)];
        row.extend(v.contributions.iter().map(|x| format!("{x:.1}")));
        t.rows.push(row);
    }
    out.push_str(score_caption(r));
    out.push('\n');
    out.push_str(&table(&t));
    out.push('\n');
    for tie in ties(r) {
        out.push_str(&format!("note: {tie}\n"));
    }
    if let Some(n) = &r.noise {
        out.push_str(&format!("\nOn this evidence: {}.\n", n.words()));
    }
    let mut e = Table::new(&["vendor"], &[false]);
    for c in &r.criteria {
        let better = if c.direction == Direction::Max {
            "max"
        } else {
            "min"
        };
        e.header.push(format!("{}\n{better}", c.id));
        e.numeric.push(true);
    }
    e.rows.extend(super::evidence::evidence_rows(r));
    out.push_str("\nThe evidence behind each criterion:\n");
    out.push_str(&table(&e));
    out.push_str("\n\nCriteria (effective weight):\n");
    for c in &r.criteria {
        out.push_str(&format!(
            "  {:<7} {:<22} {} ({}, {})\n",
            pct(c.weight),
            c.id,
            c.metric,
            c.unit,
            direction_words(c.direction)
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
