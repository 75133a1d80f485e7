//! The terminal view of `rank`: scores, each criterion's contribution, the evidence behind
//! it, weights and the excluded vendors with reasons. When the tables are too wide, the
//! criteria of the smallest weights are left out first; rank, vendor and score stay.

use crate::decision::Direction;
use crate::rank::Ranking;
use crate::report::doc::Table;
use crate::report::export::terminal::{fitted_table, Fit, Width};
use crate::report::{direction_words, fmt_value_terminal, has_contributions, pct};
use crate::report::{score_caption, score_text, ties};

/// The criteria in the order their columns are left out: the smallest weight first, and
/// of equal weights the later criterion first.
fn least_weighted_first(r: &Ranking) -> Vec<usize> {
    let mut order: Vec<usize> = (0..r.criteria.len()).collect();
    order.sort_by(|&a, &b| {
        r.criteria[a]
            .weight
            .total_cmp(&r.criteria[b].weight)
            .then(b.cmp(&a))
    });
    order
}

/// How a table with a column per criterion from column `first` on gives way: criteria
/// of the smallest weights leave first, and the note names them by id.
fn criteria_fit(r: &Ranking, t: &Table, first: usize) -> Fit {
    let mut fit = Fit::new(t);
    if t.header.len() > first {
        fit = fit.leave_out(least_weighted_first(r).into_iter().map(|c| first + c));
        for (c, info) in r.criteria.iter().enumerate() {
            fit = fit.name(first + c, &info.id);
        }
    }
    fit
}

/// Renders the ranking for a terminal `width` wide.
pub fn terminal(r: &Ranking, width: Width) -> String {
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
    out.push_str(&fitted_table(&t, &criteria_fit(r, &t, 3), width));
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
    e.rows
        .extend(super::evidence::evidence_rows(r, fmt_value_terminal));
    out.push_str("\nThe evidence behind each criterion:\n");
    out.push_str(&fitted_table(&e, &criteria_fit(r, &e, 1), width));
    out.push_str("\n\nCriteria (effective weight):\n");
    let id_width = r.criteria.iter().map(|c| c.id.len()).max().unwrap_or(0);
    for c in &r.criteria {
        out.push_str(&format!(
            "  {:<7} {:<id_width$}  {} ({}, {})\n",
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
