//! The ranking as Markdown, for proposals and tickets.

use crate::rank::Ranking;
use crate::report::doc::Table;
use crate::report::export::markdown::{inline, table};
use crate::report::{direction_words, has_contributions, pct, score_caption, score_text, ties};

/// Renders the ranking as Markdown.
pub fn markdown(r: &Ranking) -> String {
    let mut o = format!("# Ranking: {}\n\n", inline(&r.title));
    o.push_str(&inline(&format!(
        "Method `{}`, criteria `{}`, dataset `{}`. {} vendors ranked, {} excluded.",
        r.method,
        r.criteria_file,
        r.dataset,
        r.ranked.len(),
        r.excluded.len()
    )));
    o.push_str("\n\n");
    if let Some(top) = r.ranked.first() {
        if has_contributions(r) {
            o.push_str(&format!(
                "**{}** ({}) ranks first with {:.1} of 100 points.\n\n",
                inline(&top.name),
                inline(&top.vendor),
                top.score
            ));
        } else {
            o.push_str(&format!(
                "**{}** ({}) ranks first; {} {}.\n\n",
                inline(&top.name),
                inline(&top.vendor),
                score_caption(r).trim_end_matches(':'),
                score_text(r, top.score)
            ));
        }
    }
    let split = has_contributions(r);
    let mut t = Table::new(&["rank", "vendor", "score"], &[true, false, true]);
    if split {
        for c in &r.criteria {
            t.header.push(format!("{} ({})", c.id, pct(c.weight)));
            t.numeric.push(true);
        }
    }
    for v in &r.ranked {
        let mut row = vec![v.rank.to_string(), v.vendor.clone(), score_text(r, v.score)];
        row.extend(v.contributions.iter().map(|x| format!("{x:.1}")));
        t.rows.push(row);
    }
    o.push_str(&table(&t));
    if split {
        o.push_str("\nEach criterion column shows the points it adds to the score.\n");
    } else {
        o.push_str(&format!("\n{}\n", score_caption(r).trim_end_matches(':')));
    }
    if let Some(n) = &r.noise {
        o.push_str(&format!(
            "\n**On this evidence:** {}.\n",
            inline(&n.words())
        ));
    }
    for t in ties(r) {
        o.push_str(&format!("\nNote: {}.\n", inline(&t)));
    }
    let mut e = Table::new(&["vendor"], &[false]);
    for c in &r.criteria {
        e.header.push(c.id.clone());
        e.numeric.push(true);
    }
    e.rows
        .extend(super::evidence::evidence_rows(r, crate::report::fmt_value));
    o.push_str("\n## Evidence\n\n");
    o.push_str(&table(&e));
    let mut c = Table::new(
        &["criterion", "weight", "metric", "unit", "direction"],
        &[false, true, false, false, false],
    );
    for info in &r.criteria {
        c.rows.push(vec![
            info.label.clone(),
            pct(info.weight),
            format!("`{}`", info.metric),
            info.unit.clone(),
            direction_words(info.direction).to_string(),
        ]);
    }
    o.push_str("\n## Criteria\n\n");
    o.push_str(&table(&c));
    if !r.excluded.is_empty() {
        o.push_str("\n## Excluded\n\n");
        for x in &r.excluded {
            for q in &x.reasons {
                o.push_str(&format!(
                    "- **{}**: {} ({})\n",
                    inline(&x.vendor),
                    inline(&q.text),
                    inline(&format!("`{}`", q.by))
                ));
            }
        }
    }
    if !r.warnings.is_empty() {
        o.push_str("\n## Warnings\n\n");
        for w in &r.warnings {
            o.push_str(&format!("- {}\n", inline(w)));
        }
    }
    o
}
