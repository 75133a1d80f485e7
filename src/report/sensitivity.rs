//! The sensitivity report: the verdict in words, rank acceptability with its Monte Carlo
//! error, break-even weights, and the sweeps as CSV for charts.

use serde::Serialize;

use super::doc::Table;
use super::export::terminal::{fitted_table, Fit, Width};
use super::export::{json, markdown, Render};
use super::tables;
use crate::rank::analysis::Analysis;
use crate::rank::Ranking;
use crate::sensitivity::{BreakEven, BreakPoint, SmaaResult, Sweep};
use crate::tables::{DataTable, Values};

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// A break point in words; `leaders` names who takes first place.
fn point(a: &Analysis, p: Option<&BreakPoint>, leaders: bool) -> String {
    match p {
        None => "no change in [0, 100%]".into(),
        Some(p) => {
            let sign = if p.change >= 0.0 { "+" } else { "" };
            let mut s = format!("{} ({sign}{:.1} points)", pct(p.weight), 100.0 * p.change);
            if leaders {
                let to: Vec<&str> = p.leaders.iter().map(|&l| a.vendors[l].as_str()).collect();
                s.push_str(&format!(" -> {}", to.join(", ")));
            }
            s
        }
    }
}

/// The sensitivity analysis as `sensitivity` prints it, with the ranking it starts from.
pub struct SensitivityView<'a> {
    pub analysis: &'a Analysis,
    pub ranking: &'a Ranking,
}

impl Render for SensitivityView<'_> {
    /// The verdict, the rank acceptability and the break-even weights, the tables fitted
    /// to `width`: the acceptability of the last ranks goes first (rank 1 stays), and of
    /// the break-even weights the change of any rank.
    fn terminal(&self, width: Width) -> String {
        let (a, r) = (self.analysis, self.ranking);
        let mut o = format!(
            "Sensitivity: {} ({}), {} vendors, {} criteria\n\nVerdict:\n",
            r.title,
            r.method,
            a.vendors.len(),
            a.criteria.len()
        );
        for v in a.verdict() {
            o.push_str(&format!("  - {v}\n"));
        }
        o.push_str(&format!("\nRank acceptability: share of {} scenarios with each rank (Monte Carlo error at most {}):\n", a.smaa.samples, pct(max_se(a))));
        let mut order: Vec<usize> = (0..a.vendors.len()).collect();
        order.sort_by(|&x, &y| a.smaa.acceptability[y][0].total_cmp(&a.smaa.acceptability[x][0]));
        let mut t = acceptability_table(a, &order);
        if a.with_evidence {
            t.header.push("confidence\nfactor".into());
            t.numeric.push(true);
            for (row, &v) in t.rows.iter_mut().zip(&order) {
                row.push(a.smaa.confidence[v].map_or("-".into(), pct));
            }
        }
        let fit = Fit::new(&t).leave_out((2..=a.vendors.len()).rev());
        o.push_str(&fitted_table(&t, &fit, width));
        o.push_str("\n\nBreak-even weights (the weight at which first place, or any rank, changes; others keep their proportions):\n");
        let mut b = Table::new(
            &[
                "criterion",
                "weight now",
                "first place changes at",
                "any rank changes at",
            ],
            &[false, true, false, false],
        );
        for be in &a.break_even {
            b.rows.push(vec![
                a.criteria[be.criterion].clone(),
                pct(be.base_weight),
                point(a, be.top_nearest(), true),
                point(a, be.rank_nearest(), false),
            ]);
        }
        let fit = Fit::new(&b).leave_out([3]).wrap([2, 3]);
        o.push_str(&fitted_table(&b, &fit, width));
        o.push('\n');
        o
    }

    /// The verdict and the rank acceptability.
    fn markdown(&self) -> String {
        let (a, r) = (self.analysis, self.ranking);
        let mut o = format!("# Sensitivity: {}\n\n", markdown::inline(&r.title));
        for v in a.verdict() {
            o.push_str(&format!("- {}\n", markdown::inline(&v)));
        }
        let order: Vec<usize> = (0..a.vendors.len()).collect();
        o.push('\n');
        o.push_str(&markdown::table(&acceptability_table(a, &order)));
        o
    }

    /// The rank acceptability with its standard errors.
    fn csv(&self) -> Vec<u8> {
        acceptability_csv(self.analysis)
    }

    /// Every result.
    fn json(&self) -> Vec<u8> {
        json(self.analysis)
    }
}

/// Each vendor's share of scenarios with each rank, vendors in `order`.
fn acceptability_table(a: &Analysis, order: &[usize]) -> Table {
    let mut t = Table::new(&["vendor"], &[false]);
    for k in 1..=a.vendors.len() {
        t.header.push(format!("rank {k}"));
        t.numeric.push(true);
    }
    for &v in order {
        let mut row = vec![a.vendors[v].clone()];
        row.extend(a.smaa.acceptability[v].iter().map(|b| pct(*b)));
        t.rows.push(row);
    }
    t
}

fn max_se(a: &Analysis) -> f64 {
    a.smaa
        .acceptability_se
        .iter()
        .flatten()
        .fold(0.0, |m, x| f64::max(m, *x))
}

/// JSON: every result, for the report and charts.
pub fn json(a: &Analysis) -> Vec<u8> {
    json::to_bytes(&SensitivityJson {
        vendors: &a.vendors,
        criteria: &a.criteria,
        weights: &a.weights,
        with_evidence: a.with_evidence,
        verdict: a.verdict(),
        smaa: &a.smaa,
        break_even: &a.break_even,
        sweeps: &a.sweeps,
    })
}

/// `sensitivity --format json` and `sensitivity.json`: the analysis's inputs, its verdict
/// in words, and every result.
#[derive(Serialize)]
struct SensitivityJson<'a> {
    vendors: &'a [String],
    criteria: &'a [String],
    /// The current weights, in criteria order.
    weights: &'a [f64],
    /// Whether the evidence was redrawn too.
    with_evidence: bool,
    verdict: Vec<String>,
    smaa: &'a SmaaResult,
    break_even: &'a [BreakEven],
    sweeps: &'a [Sweep],
}

/// The rank acceptability matrix, a row per vendor: `vendor, rank_1, ..., rank_m`, the
/// share of scenarios in which the vendor takes each rank (`b_i^r`). Its Monte Carlo
/// standard error is `sqrt(b (1 - b) / N)` for the `N` scenarios (in the sensitivity JSON).
/// A row per vendor keeps the table within a spreadsheet's limits at thousands of vendors.
/// `sensitivity --format csv`, `sensitivity --out`'s `acceptability.csv` and the report's
/// `tables/acceptability.*` are this table.
pub fn acceptability_data(a: &Analysis) -> DataTable {
    let vendors = a.vendors.iter().map(|v| Some(v.clone())).collect();
    let mut t = DataTable::new("acceptability").with("vendor", Values::Text(vendors));
    for k in 0..a.vendors.len() {
        let shares = a.smaa.acceptability.iter().map(|row| row.get(k).copied());
        t = t.with(&format!("rank_{}", k + 1), Values::Number(shares.collect()));
    }
    t
}

/// CSV of [`acceptability_data`].
pub fn acceptability_csv(a: &Analysis) -> Vec<u8> {
    tables::csv(&acceptability_data(a))
}

/// CSV: criterion, current weight, the nearest leader change and rank change.
pub fn break_even_csv(a: &Analysis) -> Vec<u8> {
    let text = |f: &dyn Fn(&BreakEven) -> Option<String>| {
        Values::Text(a.break_even.iter().map(f).collect())
    };
    let number = |f: &dyn Fn(&BreakEven) -> Option<f64>| {
        Values::Number(a.break_even.iter().map(f).collect())
    };
    let leaders = |be: &BreakEven| {
        be.top_nearest().map(|p| {
            let ids: Vec<&str> = p.leaders.iter().map(|&l| a.vendors[l].as_str()).collect();
            ids.join(";")
        })
    };
    let t = DataTable::new("break_even")
        .with(
            "criterion",
            text(&|be| Some(a.criteria[be.criterion].clone())),
        )
        .with("weight", number(&|be| Some(be.base_weight)))
        .with(
            "top_change_weight",
            number(&|be| be.top_nearest().map(|p| p.weight)),
        )
        .with("top_new_leaders", text(&leaders))
        .with(
            "rank_change_weight",
            number(&|be| be.rank_nearest().map(|p| p.weight)),
        );
    tables::csv(&t)
}

/// CSV: criterion, swept weight, vendor, score, rank.
pub fn sweeps_csv(a: &Analysis) -> Vec<u8> {
    let (mut criterion, mut weight, mut vendor, mut score, mut rank) =
        (vec![], vec![], vec![], vec![], vec![]);
    for s in &a.sweeps {
        for p in &s.points {
            for (v, id) in a.vendors.iter().enumerate() {
                criterion.push(Some(a.criteria[s.criterion].clone()));
                weight.push(Some(p.weight));
                vendor.push(Some(id.clone()));
                score.push(Some(p.scores[v]));
                rank.push(Some(p.ranks[v] as i64));
            }
        }
    }
    let t = DataTable::new("sweeps")
        .with("criterion", Values::Text(criterion))
        .with("weight", Values::Number(weight))
        .with("vendor", Values::Text(vendor))
        .with("score", Values::Number(score))
        .with("rank", Values::Integer(rank));
    tables::csv(&t)
}
