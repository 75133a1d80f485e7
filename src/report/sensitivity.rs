//! The sensitivity report: the verdict in words, rank acceptability with its Monte Carlo
//! error, break-even weights, and the sweeps as CSV for charts.

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, Table};
use serde_json::json;

use crate::rank::analysis::Analysis;
use crate::rank::Ranking;
use crate::sensitivity::BreakPoint;

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

/// Renders for a terminal.
pub fn table(a: &Analysis, r: &Ranking) -> String {
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
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY);
    let mut head = vec![Cell::new("vendor")];
    head.extend((1..=a.vendors.len()).map(|k| Cell::new(format!("rank {k}"))));
    if a.with_evidence {
        head.push(Cell::new("confidence\nfactor"));
    }
    t.set_header(head);
    let mut order: Vec<usize> = (0..a.vendors.len()).collect();
    order.sort_by(|&x, &y| a.smaa.acceptability[y][0].total_cmp(&a.smaa.acceptability[x][0]));
    for v in order {
        let mut row = vec![Cell::new(&a.vendors[v])];
        row.extend(
            a.smaa.acceptability[v]
                .iter()
                .map(|b| Cell::new(pct(*b)).set_alignment(CellAlignment::Right)),
        );
        if a.with_evidence {
            row.push(
                Cell::new(a.smaa.confidence[v].map_or("-".into(), pct))
                    .set_alignment(CellAlignment::Right),
            );
        }
        t.add_row(row);
    }
    o.push_str(&t.to_string());
    o.push_str("\n\nBreak-even weights (the weight at which first place, or any rank, changes; others keep their proportions):\n");
    let mut b = Table::new();
    b.load_style(UTF8_BORDERS_ONLY);
    b.set_header([
        "criterion",
        "weight now",
        "first place changes at",
        "any rank changes at",
    ]);
    for be in &a.break_even {
        b.add_row(vec![
            Cell::new(&a.criteria[be.criterion]),
            Cell::new(pct(be.base_weight)).set_alignment(CellAlignment::Right),
            Cell::new(point(a, be.top_nearest(), true)),
            Cell::new(point(a, be.rank_nearest(), false)),
        ]);
    }
    o.push_str(&b.to_string());
    o.push('\n');
    o
}

fn max_se(a: &Analysis) -> f64 {
    a.smaa
        .acceptability_se
        .iter()
        .flatten()
        .fold(0.0, |m, x| f64::max(m, *x))
}

/// Markdown.
pub fn markdown(a: &Analysis, r: &Ranking) -> String {
    let mut o = format!("# Sensitivity: {}\n\n", r.title);
    for v in a.verdict() {
        o.push_str(&format!("- {v}\n"));
    }
    o.push_str("\n| vendor |");
    for k in 1..=a.vendors.len() {
        o.push_str(&format!(" rank {k} |"));
    }
    o.push_str("\n|---|");
    o.push_str(&"---:|".repeat(a.vendors.len()));
    o.push('\n');
    for (v, id) in a.vendors.iter().enumerate() {
        o.push_str(&format!("| {id} |"));
        for b in &a.smaa.acceptability[v] {
            o.push_str(&format!(" {} |", pct(*b)));
        }
        o.push('\n');
    }
    o
}

/// JSON: every result, for the report and charts.
pub fn json(a: &Analysis) -> Vec<u8> {
    let doc = json!({
        "vendors": a.vendors, "criteria": a.criteria, "weights": a.weights,
        "with_evidence": a.with_evidence, "verdict": a.verdict(),
        "smaa": a.smaa, "break_even": a.break_even, "sweeps": a.sweeps,
    });
    let mut b = serde_json::to_vec_pretty(&doc).expect("plain values");
    b.push(b'\n');
    b
}

/// CSV: vendor, rank, acceptability, its standard error.
pub fn acceptability_csv(a: &Analysis) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["vendor", "rank", "acceptability", "standard_error"])
        .expect("memory");
    for (v, id) in a.vendors.iter().enumerate() {
        for (k, (b, se)) in a.smaa.acceptability[v]
            .iter()
            .zip(&a.smaa.acceptability_se[v])
            .enumerate()
        {
            w.write_record([
                super::csv_out::safe(id),
                (k + 1).to_string(),
                b.to_string(),
                se.to_string(),
            ])
            .expect("memory");
        }
    }
    w.into_inner().expect("memory")
}

/// CSV: criterion, current weight, the nearest leader change and rank change.
pub fn break_even_csv(a: &Analysis) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "criterion",
        "weight",
        "top_change_weight",
        "top_new_leaders",
        "rank_change_weight",
    ])
    .expect("memory");
    for be in &a.break_even {
        let top = be.top_nearest();
        let leaders = top
            .map(|p| {
                p.leaders
                    .iter()
                    .map(|&l| a.vendors[l].clone())
                    .collect::<Vec<_>>()
                    .join(";")
            })
            .unwrap_or_default();
        w.write_record([
            a.criteria[be.criterion].clone(),
            be.base_weight.to_string(),
            top.map(|p| p.weight.to_string()).unwrap_or_default(),
            leaders,
            be.rank_nearest()
                .map(|p| p.weight.to_string())
                .unwrap_or_default(),
        ])
        .expect("memory");
    }
    w.into_inner().expect("memory")
}

/// CSV: criterion, swept weight, vendor, score, rank.
pub fn sweeps_csv(a: &Analysis) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["criterion", "weight", "vendor", "score", "rank"])
        .expect("memory");
    for s in &a.sweeps {
        for p in &s.points {
            for (v, id) in a.vendors.iter().enumerate() {
                w.write_record([
                    a.criteria[s.criterion].clone(),
                    p.weight.to_string(),
                    super::csv_out::safe(id),
                    p.scores[v].to_string(),
                    p.ranks[v].to_string(),
                ])
                .expect("memory");
            }
        }
    }
    w.into_inner().expect("memory")
}
