//! The ranking as Markdown, for proposals and tickets.

use super::{direction_words, fmt_value, has_contributions, pct, score_caption, score_text, ties};
use crate::rank::Ranking;

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Renders the ranking as Markdown.
pub fn markdown(r: &Ranking) -> String {
    let mut o = format!("# Ranking: {}\n\n", cell(&r.title));
    o.push_str(&format!(
        "Method `{}`, criteria `{}`, dataset `{}`. {} vendors ranked, {} excluded.\n\n",
        r.method,
        r.criteria_file,
        r.dataset,
        r.ranked.len(),
        r.excluded.len()
    ));
    if let Some(top) = r.ranked.first() {
        if has_contributions(r) {
            o.push_str(&format!(
                "**{}** ({}) ranks first with {:.1} of 100 points.\n\n",
                cell(&top.name),
                top.vendor,
                top.score
            ));
        } else {
            o.push_str(&format!(
                "**{}** ({}) ranks first; {} {}.\n\n",
                cell(&top.name),
                top.vendor,
                score_caption(r).trim_end_matches(':'),
                score_text(r, top.score)
            ));
        }
    }
    let split = if has_contributions(r) {
        r.criteria.len()
    } else {
        0
    };
    o.push_str("| rank | vendor | score |");
    for c in &r.criteria[..split] {
        o.push_str(&format!(" {} ({}) |", cell(&c.id), pct(c.weight)));
    }
    o.push_str("\n|---:|---|---:|");
    o.push_str(&"---:|".repeat(split));
    o.push('\n');
    for v in &r.ranked {
        o.push_str(&format!(
            "| {} | {} | {} |",
            v.rank,
            cell(&v.vendor),
            score_text(r, v.score)
        ));
        for x in &v.contributions {
            o.push_str(&format!(" {x:.1} |"));
        }
        o.push('\n');
    }
    if split > 0 {
        o.push_str("\nEach criterion column shows the points it adds to the score.\n");
    } else {
        o.push_str(&format!("\n{}\n", score_caption(r).trim_end_matches(':')));
    }
    if let Some(n) = &r.noise {
        o.push_str(&format!("\n**On this evidence:** {}.\n", cell(&n.words())));
    }
    for t in ties(r) {
        o.push_str(&format!("\nNote: {t}.\n"));
    }
    o.push_str("\n## Evidence\n\n| vendor |");
    for c in &r.criteria {
        o.push_str(&format!(" {} |", cell(&c.id)));
    }
    o.push_str("\n|---|");
    o.push_str(&"---:|".repeat(r.criteria.len()));
    o.push('\n');
    for v in &r.ranked {
        o.push_str(&format!("| {} |", cell(&v.vendor)));
        for (c, x) in r.criteria.iter().zip(&v.values) {
            o.push_str(&format!(" {} |", fmt_value(c, *x)));
        }
        o.push('\n');
    }
    o.push_str("\n## Criteria\n\n| criterion | weight | metric | unit | direction |\n|---|---:|---|---|---|\n");
    for c in &r.criteria {
        o.push_str(&format!(
            "| {} | {} | `{}` | {} | {} |\n",
            cell(&c.label),
            pct(c.weight),
            c.metric,
            cell(&c.unit),
            direction_words(c.direction)
        ));
    }
    if !r.excluded.is_empty() {
        o.push_str("\n## Excluded\n\n");
        for x in &r.excluded {
            for q in &x.reasons {
                o.push_str(&format!(
                    "- **{}**: {} (`{}`)\n",
                    cell(&x.vendor),
                    cell(&q.text),
                    q.by
                ));
            }
        }
    }
    if !r.warnings.is_empty() {
        o.push_str("\n## Warnings\n\n");
        for w in &r.warnings {
            o.push_str(&format!("- {}\n", cell(w)));
        }
    }
    o
}
