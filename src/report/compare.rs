//! Methods side by side: each vendor's rank and score per method, a Borda and a Copeland
//! consensus, and Spearman's rho and Kendall's tau-b between every two methods.

use serde::Serialize;

use super::doc::Table;
use super::export::json::Object;
use super::export::terminal::{fitted_table, Fit, Width};
use super::export::{csv, json, markdown, Render};
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

/// A table of every method's rank (and score) per vendor, and the two consensus ranks,
/// with the method columns headed `method` and then `suffix`.
fn ranks_table(c: &Comparison, suffix: &str, order: &[usize]) -> Table {
    let mut t = Table::new(&["vendor"], &[false]);
    for r in &c.rankings {
        t.header.push(format!("{}{suffix}", r.method));
        t.numeric.push(true);
    }
    let consensus = if suffix.is_empty() {
        ["Borda", "Copeland"]
    } else {
        ["Borda\nrank", "Copeland\nrank"]
    };
    t.header.extend(consensus.map(String::from));
    t.numeric.extend([true, true]);
    for &v in order {
        let id = &c.vendors[v];
        let mut row = vec![id.clone()];
        row.extend(
            (0..c.rankings.len()).map(|m| format!("{} ({})", c.ranks[m][v], c.score(m, id))),
        );
        row.extend([
            c.borda.ranks[v].to_string(),
            c.copeland.ranks[v].to_string(),
        ]);
        t.rows.push(row);
    }
    t
}

/// How the terminal's table of ranks gives way: the Copeland rank goes first, then the
/// methods from the last to the second; the vendor, the first method and Borda stay.
fn ranks_fit(c: &Comparison, t: &Table) -> Fit {
    let methods = c.rankings.len();
    let mut fit = Fit::new(t)
        .leave_out([methods + 2])
        .leave_out((2..=methods).rev());
    for (m, r) in c.rankings.iter().enumerate() {
        fit = fit.name(m + 1, r.method);
    }
    fit.name(methods + 1, "Borda").name(methods + 2, "Copeland")
}

impl Render for Comparison {
    /// Renders the comparison for a terminal `width` wide.
    fn terminal(&self, width: Width) -> String {
        let c = self;
        let mut o = format!(
            "{}: every method on the same {} vendors, weights and evidence\n\n",
            c.rankings[0].title,
            c.vendors.len()
        );
        let mut order: Vec<usize> = (0..c.vendors.len()).collect();
        order.sort_by_key(|&v| (c.borda.ranks[v], v));
        let t = ranks_table(c, "\nrank (score)", &order);
        o.push_str(&fitted_table(&t, &ranks_fit(c, &t), width));
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
        o.push_str(
            "\nAgreement between methods (Spearman's rho / Kendall's tau-b of the ranks):\n",
        );
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

    /// Markdown: the same table, in dataset order.
    fn markdown(&self) -> String {
        let c = self;
        let order: Vec<usize> = (0..c.vendors.len()).collect();
        format!(
            "# Methods compared: {}\n\n{}",
            markdown::inline(&c.rankings[0].title),
            markdown::table(&ranks_table(c, "", &order))
        )
    }

    /// JSON: ranks, scores, consensus and agreement.
    fn json(&self) -> Vec<u8> {
        json::to_bytes(&CompareJson::new(self))
    }

    /// CSV: one row per vendor.
    fn csv(&self) -> Vec<u8> {
        let c = self;
        let mut t = Table::new(&["vendor"], &[false]);
        for r in &c.rankings {
            t.header
                .extend([format!("{}.rank", r.method), format!("{}.score", r.method)]);
            t.numeric.extend([true, true]);
        }
        t.header
            .extend(["borda_rank".into(), "copeland_rank".into()]);
        t.numeric.extend([true, true]);
        for (v, id) in c.vendors.iter().enumerate() {
            let mut row = vec![id.clone()];
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
            t.rows.push(row);
        }
        csv::table(&t)
    }
}

/// `compare-methods --format json`.
#[derive(Serialize)]
struct CompareJson<'a> {
    title: &'a str,
    vendors: Vec<CompareVendor<'a>>,
    agreement: Vec<Agreement<'a>>,
    skipped: Vec<Skipped<'a>>,
}

/// One vendor's rank and score under each method, by method name, and its consensus ranks.
#[derive(Serialize)]
struct CompareVendor<'a> {
    vendor: &'a str,
    methods: Object<'a, MethodRank>,
    borda_rank: usize,
    copeland_rank: usize,
}

#[derive(Serialize)]
struct MethodRank {
    rank: usize,
    score: Option<f64>,
}

/// How far two methods agree on the ranks; `null` when undefined.
#[derive(Serialize)]
struct Agreement<'a> {
    a: &'a str,
    b: &'a str,
    spearman_rho: Option<f64>,
    kendall_tau_b: Option<f64>,
}

/// A method that could not score the data.
#[derive(Serialize)]
struct Skipped<'a> {
    method: &'a str,
    reason: &'a str,
}

impl<'a> CompareJson<'a> {
    fn new(c: &'a Comparison) -> CompareJson<'a> {
        let vendors = c
            .vendors
            .iter()
            .enumerate()
            .map(|(v, id)| CompareVendor {
                vendor: id,
                methods: Object(
                    c.rankings
                        .iter()
                        .enumerate()
                        .map(|(m, r)| {
                            let score = r.ranked.iter().find(|x| &x.vendor == id).map(|x| x.score);
                            let rank = c.ranks[m][v];
                            (r.method, MethodRank { rank, score })
                        })
                        .collect(),
                ),
                borda_rank: c.borda.ranks[v],
                copeland_rank: c.copeland.ranks[v],
            })
            .collect();
        CompareJson {
            title: &c.rankings[0].title,
            vendors,
            agreement: c
                .agreement
                .iter()
                .map(|(a, b, rho, tau)| Agreement {
                    a: c.rankings[*a].method,
                    b: c.rankings[*b].method,
                    spearman_rho: *rho,
                    kendall_tau_b: *tau,
                })
                .collect(),
            skipped: c
                .skipped
                .iter()
                .map(|(method, reason)| Skipped { method, reason })
                .collect(),
        }
    }
}
