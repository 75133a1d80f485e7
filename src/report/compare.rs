//! Methods side by side: each vendor's rank and score per method, a Borda and a Copeland
//! consensus, and Spearman's rho and Kendall's tau-b between every two methods.

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, Table};
use serde_json::json;

use super::score_text;
use crate::rank::Ranking;
use crate::score::consensus::{borda, copeland, kendall_tau_b, spearman_rho, Consensus};
use crate::score::error::ScoreError;

/// The rankings of every method and what they agree on.
pub struct Comparison {
    /// One ranking per method, in `Method::NAMES` order.
    pub rankings: Vec<Ranking>,
    /// The ranked vendors, in the first method's dataset order.
    pub vendors: Vec<String>,
    /// `ranks[m][v]`: vendor v's rank under method m.
    pub ranks: Vec<Vec<usize>>,
    pub borda: Consensus,
    pub copeland: Consensus,
    /// (method a, method b, Spearman's rho, Kendall's tau-b); `None` when undefined.
    pub agreement: Vec<(usize, usize, Option<f64>, Option<f64>)>,
    /// Methods that could not score the data, with the reason.
    pub skipped: Vec<(&'static str, String)>,
}

impl Comparison {
    /// Builds the comparison; every ranking must rank the same vendors (they share gates).
    pub fn build(rankings: Vec<Ranking>) -> Result<Comparison, ScoreError> {
        let vendors: Vec<String> = rankings[0].scored_vendors.clone();
        let ranks: Vec<Vec<usize>> = rankings
            .iter()
            .map(|r| {
                vendors
                    .iter()
                    .map(|v| {
                        r.ranked
                            .iter()
                            .find(|x| &x.vendor == v)
                            .map_or(vendors.len(), |x| x.rank)
                    })
                    .collect()
            })
            .collect();
        let (borda, copeland) = (borda(&ranks)?, copeland(&ranks)?);
        let mut agreement = Vec::new();
        for a in 0..ranks.len() {
            for b in a + 1..ranks.len() {
                let (x, y): (Vec<f64>, Vec<f64>) = (
                    ranks[a].iter().map(|&r| r as f64).collect(),
                    ranks[b].iter().map(|&r| r as f64).collect(),
                );
                agreement.push((a, b, spearman_rho(&x, &y)?, kendall_tau_b(&x, &y)?));
            }
        }
        Ok(Comparison {
            rankings,
            vendors,
            ranks,
            borda,
            copeland,
            agreement,
            skipped: Vec::new(),
        })
    }

    fn score(&self, m: usize, vendor: &str) -> String {
        let r = &self.rankings[m];
        r.ranked
            .iter()
            .find(|x| x.vendor == vendor)
            .map_or("-".into(), |x| score_text(r, x.score))
    }

    /// The vendor each method puts first (ties listed together).
    fn winners(&self, m: usize) -> Vec<&str> {
        self.vendors
            .iter()
            .zip(&self.ranks[m])
            .filter(|(_, &r)| r == 1)
            .map(|(v, _)| v.as_str())
            .collect()
    }
}

fn opt(x: Option<f64>) -> String {
    x.map_or("n/a".into(), |x| format!("{x:.2}"))
}

/// Renders the comparison for a terminal.
pub fn table(c: &Comparison) -> String {
    let mut o = format!(
        "{}: every method on the same {} vendors, weights and evidence\n\n",
        c.rankings[0].title,
        c.vendors.len()
    );
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY);
    let mut head = vec![Cell::new("vendor")];
    head.extend(
        c.rankings
            .iter()
            .map(|r| Cell::new(format!("{}\nrank (score)", r.method))),
    );
    head.extend([Cell::new("Borda\nrank"), Cell::new("Copeland\nrank")]);
    t.set_header(head);
    let mut order: Vec<usize> = (0..c.vendors.len()).collect();
    order.sort_by_key(|&v| (c.borda.ranks[v], v));
    for v in order {
        let id = &c.vendors[v];
        let mut row = vec![Cell::new(id)];
        row.extend((0..c.rankings.len()).map(|m| {
            Cell::new(format!("{} ({})", c.ranks[m][v], c.score(m, id)))
                .set_alignment(CellAlignment::Right)
        }));
        row.extend([
            Cell::new(c.borda.ranks[v]).set_alignment(CellAlignment::Right),
            Cell::new(c.copeland.ranks[v]).set_alignment(CellAlignment::Right),
        ]);
        t.add_row(row);
    }
    o.push_str(&t.to_string());
    o.push_str("\n\nFirst place by method:\n");
    for (m, r) in c.rankings.iter().enumerate() {
        o.push_str(&format!("  {:<18} {}\n", r.method, c.winners(m).join(", ")));
    }
    let firsts: std::collections::BTreeSet<Vec<&str>> =
        (0..c.rankings.len()).map(|m| c.winners(m)).collect();
    o.push_str(if firsts.len() == 1 {
        "  Every method puts the same vendor first.\n"
    } else {
        "  The winner depends on the method: see docs/methods.md for what each one rewards.\n"
    });
    for (m, why) in &c.skipped {
        o.push_str(&format!("  {m:<18} left out: {why}\n"));
    }
    o.push_str("\nAgreement between methods (Spearman's rho / Kendall's tau-b of the ranks):\n");
    for (a, b, rho, tau) in &c.agreement {
        o.push_str(&format!(
            "  {:<18} {:<18} {} / {}\n",
            c.rankings[*a].method,
            c.rankings[*b].method,
            opt(*rho),
            opt(*tau)
        ));
    }
    o
}

/// Markdown: the same table.
pub fn markdown(c: &Comparison) -> String {
    let mut o = format!("# Methods compared: {}\n\n| vendor |", c.rankings[0].title);
    for r in &c.rankings {
        o.push_str(&format!(" {} |", r.method));
    }
    o.push_str(" Borda | Copeland |\n|---|");
    o.push_str(&"---:|".repeat(c.rankings.len() + 2));
    o.push('\n');
    for (v, id) in c.vendors.iter().enumerate() {
        o.push_str(&format!("| {id} |"));
        for m in 0..c.rankings.len() {
            o.push_str(&format!(" {} ({}) |", c.ranks[m][v], c.score(m, id)));
        }
        o.push_str(&format!(
            " {} | {} |\n",
            c.borda.ranks[v], c.copeland.ranks[v]
        ));
    }
    o
}

/// JSON: ranks, scores, consensus and agreement.
pub fn json(c: &Comparison) -> Vec<u8> {
    let vendors: Vec<serde_json::Value> = c
        .vendors
        .iter()
        .enumerate()
        .map(|(v, id)| {
            let per: serde_json::Map<String, serde_json::Value> = c.rankings.iter().enumerate().map(|(m, r)| {
                let score = r.ranked.iter().find(|x| &x.vendor == id).map(|x| x.score);
                (r.method.to_string(), json!({"rank": c.ranks[m][v], "score": score}))
            }).collect();
            json!({"vendor": id, "methods": per, "borda_rank": c.borda.ranks[v], "copeland_rank": c.copeland.ranks[v]})
        })
        .collect();
    let agreement: Vec<serde_json::Value> = c.agreement.iter().map(|(a, b, rho, tau)| json!({"a": c.rankings[*a].method, "b": c.rankings[*b].method, "spearman_rho": rho, "kendall_tau_b": tau})).collect();
    let skipped: Vec<serde_json::Value> = c
        .skipped
        .iter()
        .map(|(m, why)| json!({"method": m, "reason": why}))
        .collect();
    let mut b = serde_json::to_vec_pretty(&json!({"title": c.rankings[0].title, "vendors": vendors, "agreement": agreement, "skipped": skipped})).expect("plain values");
    b.push(b'\n');
    b
}

/// CSV: one row per vendor.
pub fn csv(c: &Comparison) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec!["vendor".to_string()];
    for r in &c.rankings {
        head.push(format!("{}.rank", r.method));
        head.push(format!("{}.score", r.method));
    }
    head.extend(["borda_rank".into(), "copeland_rank".into()]);
    w.write_record(&head).expect("memory");
    for (v, id) in c.vendors.iter().enumerate() {
        let mut row = vec![super::csv_out::safe(id)];
        for (m, r) in c.rankings.iter().enumerate() {
            row.push(c.ranks[m][v].to_string());
            row.push(
                r.ranked
                    .iter()
                    .find(|x| &x.vendor == id)
                    .map(|x| x.score.to_string())
                    .unwrap_or_default(),
            );
        }
        row.extend([
            c.borda.ranks[v].to_string(),
            c.copeland.ranks[v].to_string(),
        ]);
        w.write_record(&row).expect("memory");
    }
    w.into_inner().expect("memory")
}
