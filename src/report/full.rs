//! The full report of `vendorscore report`: the bottom line first (the recommendation and how
//! robust it is), then the ranking, the evidence, gates and exclusions, cost, the method and
//! weights with the sensitivity analysis, and the caveats. Builds one [`Doc`] (rendered as
//! HTML and Markdown), the charts, and the export tables; no I/O.

use super::charts::{self, Figure};
use super::cost::CostTable;
use super::doc::{Block, Doc, Section, Table, Tone};
use super::{direction_words, fmt_value, has_contributions, pct, score_caption, score_text, ties};
use crate::chart::ChartError;
use crate::criteria::Criteria;
use crate::pilot::{Kind, PilotReport};
use crate::rank::analysis::Analysis;
use crate::rank::Ranking;
use crate::tables::{DataTable, Values};

/// Rank-1 acceptability from which the lead is called strong (and moderate).
pub const STRONG: f64 = 0.75;
pub const MODERATE: f64 = 0.5;

/// Everything the report draws on; only the ranking is required.
pub struct Inputs<'a> {
    pub ranking: &'a Ranking,
    pub criteria: &'a Criteria,
    pub analysis: Option<&'a Analysis>,
    pub pilot: Option<&'a PilotReport>,
    pub cost: Option<&'a CostTable>,
    /// The client profile's name, when one was applied.
    pub client: Option<&'a str>,
}

/// The report: its document, its charts and its tables.
pub struct Report {
    pub doc: Doc,
    pub figures: Vec<Figure>,
    pub tables: Vec<DataTable>,
}

/// Builds the whole report.
pub fn build(i: &Inputs) -> Result<Report, ChartError> {
    let r = i.ranking;
    let ranking_figs = charts::ranking_charts(r)?;
    let forest_figs = match i.pilot {
        Some(p) => charts::forest_charts(r, i.criteria, p)?,
        None => Vec::new(),
    };
    let sens_figs = match i.analysis {
        Some(a) => charts::sensitivity_charts(r, a)?,
        None => Vec::new(),
    };
    let frontier = match i.cost {
        Some(t) => charts::frontier_chart(r, t)?,
        None => None,
    };
    let sections = vec![
        bottom_line(i),
        ranking_section(r, &ranking_figs),
        evidence(i, &ranking_figs, &forest_figs),
        gates(i),
        cost_section(i, frontier.as_ref()),
        method(i, &sens_figs),
        caveats(i),
    ];
    let subtitle = format!(
        "Dataset `{}`, criteria `{}` ({}){}; {} vendors ranked, {} excluded.",
        r.dataset,
        r.criteria_file,
        r.method,
        i.client
            .map_or(String::new(), |c| format!(", client `{c}`")),
        r.ranked.len(),
        r.excluded.len()
    );
    let mut figures = ranking_figs;
    figures.extend(forest_figs);
    figures.extend(sens_figs);
    figures.extend(frontier);
    Ok(Report {
        doc: Doc {
            title: format!("Vendor recommendation: {}", r.title),
            subtitle,
            sections: sections
                .into_iter()
                .filter(|s| !s.blocks.is_empty())
                .collect(),
        },
        figures,
        tables: tables(i),
    })
}

fn figure(f: &Figure) -> Block {
    Block::Figure {
        chart: f.name.clone(),
        caption: f.caption.clone(),
        svg: f.chart.svg.clone(),
    }
}

fn find<'a>(figs: &'a [Figure], name: &str) -> Option<&'a Figure> {
    figs.iter().find(|f| f.name == name)
}

/// How robust the lead is, from the evidence check and the rank-1 acceptability.
pub fn robustness(i: &Inputs) -> Option<(&'static str, Tone, String)> {
    let r = i.ranking;
    let top = r.ranked.first()?;
    if r.ranked.len() == 1 {
        return Some((
            "not applicable",
            Tone::Caution,
            format!(
                "How robust: not applicable. `{}` is the only vendor that passes the gates, so there is no runner-up to compare it with.",
                top.vendor
            ),
        ));
    }
    let tied_evidence: Vec<&str> = r.noise.as_ref().map_or(Vec::new(), |n| n.tied());
    let share = i.analysis.and_then(|a| {
        a.vendors
            .iter()
            .position(|v| *v == top.vendor)
            .map(|k| a.smaa.acceptability[k][0])
    });
    let score_tied: Vec<&str> = r
        .ranked
        .iter()
        .skip(1)
        .filter(|v| v.rank == top.rank)
        .map(|v| v.vendor.as_str())
        .collect();
    let mut why = Vec::new();
    if !score_tied.is_empty() {
        why.push(format!(
            "the score of `{}` ties with {}",
            top.vendor,
            crate::problem::backticks(&score_tied)
        ));
    }
    if !tied_evidence.is_empty() {
        why.push(format!(
            "the evidence cannot separate `{}` from {}",
            top.vendor,
            crate::problem::backticks(&tied_evidence)
        ));
    } else if r.noise.is_some() {
        why.push(format!(
            "the evidence puts `{}` ahead of every other vendor",
            top.vendor
        ));
    }
    if let Some(s) = share {
        why.push(format!(
            "`{}` ranks first in {:.0}% of the weight scenarios",
            top.vendor,
            100.0 * s
        ));
    }
    let clear = score_tied.is_empty() && tied_evidence.is_empty();
    let (word, tone) = match share {
        Some(s) if clear && s >= STRONG => ("strong", Tone::Good),
        Some(s) if clear && s >= MODERATE => ("moderate", Tone::Good),
        None if clear => ("not measured", Tone::Good),
        _ => ("weak", Tone::Caution),
    };
    let mut why = why.join(", and ");
    if let Some(c) = why.get(..1) {
        why = c.to_uppercase() + &why[1..];
    }
    let sentence = if why.is_empty() {
        format!("How robust: {word}.")
    } else {
        format!("How robust: {word}. {why}.")
    };
    Some((word, tone, sentence))
}

fn bottom_line(i: &Inputs) -> Section {
    let r = i.ranking;
    let mut blocks = Vec::new();
    match r.ranked.first() {
        None => blocks.push(Block::Callout(
            Tone::Caution,
            "No vendor can be recommended: every vendor is excluded by a gate or has no data (see Gates and exclusions).".into(),
        )),
        Some(top) => {
            let score = if has_contributions(r) {
                format!("{:.1} of 100 points", top.score)
            } else {
                format!(
                    "{} {}",
                    score_caption(r).trim_end_matches(':').to_lowercase(),
                    score_text(r, top.score)
                )
            };
            blocks.push(Block::Callout(
                Tone::Good,
                format!(
                    "Recommendation: {} (`{}`) ranks first with {score}.",
                    top.name, top.vendor
                ),
            ));
            if let Some((_, tone, sentence)) = robustness(i) {
                blocks.push(Block::Callout(
                    tone,
                    sentence,
                ));
            }
            let mut points = Vec::new();
            if let Some(n) = &r.noise {
                points.push(format!("{}.", n.words()));
            }
            if let Some(a) = i.analysis {
                points.extend(a.verdict().into_iter().map(|v| format!("{v}.")));
            }
            if let Some(line) = i.cost.and_then(|t| cost_line(t, &top.vendor)) {
                points.push(line);
            }
            if !points.is_empty() {
                blocks.push(Block::List(points));
            }
        }
    }
    Section {
        id: "bottom-line",
        title: "Bottom line".into(),
        blocks,
    }
}

fn cost_line(t: &CostTable, vendor: &str) -> Option<String> {
    let row = t.rows.iter().find(|row| row.vendor == vendor)?;
    let all_in = row.all_in?;
    let value = match &row.value {
        Some(v) if v.efficient => "it is on the value-for-money frontier".to_string(),
        Some(v) => format!(
            "`{}` scores at least as high for less",
            v.dominated_by.as_deref().unwrap_or("?")
        ),
        None => return None,
    };
    Some(format!(
        "All-in cost {all_in:.2} {} per endpoint-month over {} months; {value}.",
        t.currency, t.horizon_months
    ))
}

fn ranking_section(r: &Ranking, figs: &[Figure]) -> Section {
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
    blocks.push(Block::Table(t));
    let tie_notes = ties(r);
    if !tie_notes.is_empty() {
        blocks.push(Block::List(tie_notes));
    }
    if let Some(f) = find(figs, "ranking") {
        blocks.push(figure(f));
    }
    Section {
        id: "ranking",
        title: "Ranking".into(),
        blocks,
    }
}

fn evidence(i: &Inputs, ranking_figs: &[Figure], forest: &[Figure]) -> Section {
    let r = i.ranking;
    let mut blocks = vec![Block::Paragraph(
        "The value behind each criterion for each ranked vendor (n/a: no data).".into(),
    )];
    let mut header = vec!["criterion".to_string(), "better".to_string()];
    header.extend(r.ranked.iter().map(|v| format!("`{}`", v.vendor)));
    let mut t = Table {
        numeric: header.iter().enumerate().map(|(k, _)| k >= 2).collect(),
        header,
        rows: Vec::new(),
    };
    for (c, info) in r.criteria.iter().enumerate() {
        // The label often names the unit already ("... per endpoint-day").
        let label = if info.label.contains(&info.unit) || info.unit.is_empty() {
            info.label.clone()
        } else {
            format!("{} ({})", info.label, info.unit)
        };
        let better = match info.direction {
            crate::criteria::Direction::Max => "higher",
            crate::criteria::Direction::Min => "lower",
        };
        let mut row = vec![label, better.into()];
        row.extend(r.ranked.iter().map(|v| fmt_value(info, v.values[c])));
        t.rows.push(row);
    }
    blocks.push(Block::Table(t));
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
                m.metric.trim_start_matches("pilot.").to_string(),
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
        for (v, lines) in &p.checklist {
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
    }
    blocks
}

fn gates(i: &Inputs) -> Section {
    let r = i.ranking;
    let mut blocks = Vec::new();
    if i.criteria.gates.is_empty() {
        blocks.push(Block::Paragraph("The criteria set no gates.".into()));
    } else {
        let mut t = Table::new(&["gate", "metric", "requirement", "about"], &[false; 4]);
        for g in &i.criteria.gates {
            t.rows.push(vec![
                format!("`{}`", g.id),
                format!("`{}`", g.metric.name),
                crate::gates::requirement(&g.rule),
                g.description.clone().unwrap_or_default(),
            ]);
        }
        blocks.push(Block::Paragraph(
            "A vendor that fails any gate is excluded before scoring:".into(),
        ));
        blocks.push(Block::Table(t));
    }
    if r.excluded.is_empty() {
        blocks.push(Block::Paragraph("Every vendor passes the gates.".into()));
    } else {
        blocks.push(Block::Paragraph("Excluded:".into()));
        blocks.push(Block::List(
            r.excluded
                .iter()
                .map(|x| {
                    let why: Vec<String> = x
                        .reasons
                        .iter()
                        .map(|q| format!("`{}`: {}", q.by, q.text))
                        .collect();
                    format!("{} (`{}`): {}", x.name, x.vendor, why.join("; "))
                })
                .collect(),
        ));
    }
    Section {
        id: "gates",
        title: "Gates and exclusions".into(),
        blocks,
    }
}

fn cost_section(i: &Inputs, frontier: Option<&Figure>) -> Section {
    let mut blocks = Vec::new();
    if let Some(t) = i.cost {
        blocks.push(Block::Paragraph(format!(
            "Prices for the fleet over {} months in {}; all-in includes setup, add-ons and migration labour.",
            t.horizon_months, t.currency
        )));
        let mut tab = Table::new(
            &[
                "vendor",
                "rank",
                "edition",
                "total",
                "all-in per endpoint-month",
                "value",
            ],
            &[false, true, false, true, true, false],
        );
        for row in &t.rows {
            let (edition, total) = match &row.quote {
                Ok(q) => (q.edition.clone(), format!("{:.2}", q.tco())),
                Err(e) => (format!("no price: {e}"), "-".into()),
            };
            tab.rows.push(vec![
                format!("`{}`", row.vendor),
                row.rank.map_or("excluded".into(), |k| k.to_string()),
                edition,
                total,
                row.all_in.map_or("-".into(), |x| format!("{x:.2}")),
                match &row.value {
                    Some(v) if v.efficient => "efficient".into(),
                    Some(v) => format!("beaten by `{}`", v.dominated_by.as_deref().unwrap_or("?")),
                    None => "-".into(),
                },
            ]);
        }
        blocks.push(Block::Table(tab));
        if let Some(f) = frontier {
            blocks.push(figure(f));
        }
    }
    Section {
        id: "cost",
        title: "Cost".into(),
        blocks,
    }
}

fn method(i: &Inputs, sens: &[Figure]) -> Section {
    let r = i.ranking;
    let weights = r
        .weights
        .note(r.ranked.len())
        .map(|n| format!("Effective {n}."))
        .unwrap_or_else(|| "Weights are the criteria file's, normalised to sum to 100%.".into());
    let mut blocks = vec![Block::Paragraph(format!(
        "Method `{}`: {} {weights}",
        r.method,
        score_caption(r).trim_end_matches(':').to_string() + "."
    ))];
    let mut t = Table::new(
        &["criterion", "metric", "better", "weight"],
        &[false, false, false, true],
    );
    for c in &r.criteria {
        t.rows.push(vec![
            c.label.clone(),
            format!("`{}`", c.metric),
            direction_words(c.direction).into(),
            pct(c.weight),
        ]);
    }
    blocks.push(Block::Table(t));
    if let Some(a) = i.analysis {
        blocks.push(Block::Heading("Sensitivity".into()));
        blocks.extend(
            a.verdict()
                .into_iter()
                .map(|v| Block::Paragraph(format!("{v}."))),
        );
        let mut t = Table::new(
            &["criterion", "weight now", "first place changes at"],
            &[false, true, false],
        );
        for b in &a.break_even {
            let at = match b.top_nearest() {
                Some(p) => format!(
                    "{} (to {})",
                    pct(p.weight),
                    crate::problem::backticks(
                        &p.leaders
                            .iter()
                            .map(|&l| a.vendors[l].as_str())
                            .collect::<Vec<_>>()
                    )
                ),
                None => "no change in [0, 100%]".into(),
            };
            t.rows.push(vec![
                format!("`{}`", a.criteria[b.criterion]),
                pct(b.base_weight),
                at,
            ]);
        }
        blocks.push(Block::Table(t));
        blocks.extend(sens.iter().map(figure));
    }
    Section {
        id: "method",
        title: "Method and weights".into(),
        blocks,
    }
}

fn caveats(i: &Inputs) -> Section {
    let r = i.ranking;
    let mut items: Vec<String> = Vec::new();
    items.extend(ties(r).into_iter().map(|t| format!("Scores tie: {t}.")));
    if let Some(n) = &r.noise {
        if !n.tied().is_empty() {
            items.push(format!("{}.", n.words()));
        }
    }
    if let Some(p) = i.pilot {
        if let Some((_, vendors)) = p.groups.first() {
            let small: Vec<String> = vendors
                .iter()
                .filter_map(|v| {
                    let m = v
                        .metrics
                        .iter()
                        .find(|m| m.metric == "pilot.detection_rate")?;
                    let (_, iv) = m.intervals.first()?;
                    let width = 100.0 * (iv.upper - iv.lower);
                    (width > 1.0).then(|| {
                        format!(
                            "`{}` ({} endpoints, {} samples: ±{:.1} points)",
                            p.vendor_ids[v.vendor],
                            v.endpoints,
                            crate::gates::fmt_num(m.n),
                            width / 2.0
                        )
                    })
                })
                .collect();
            if !small.is_empty() {
                items.push(format!(
                    "Small pilot samples: the 95% interval of the detection rate is wider than 1 percentage point for {}. A larger pilot is needed to tell rates that close apart (`vendorscore pilot plan`).",
                    small.join(", ")
                ));
            }
        }
    }
    items.extend(r.warnings.iter().map(|w| format!("Missing data: {w}.")));
    if let Some(a) = i.analysis {
        if !a.constrained {
            items.push("The weight scenarios are drawn uniformly over all weightings because the criteria file sets no `[sensitivity]` ranges; narrower, agreed ranges give a sharper answer.".into());
        }
    }
    if items.is_empty() {
        items.push(
            "None found: no ties, no missing data, and the pilot intervals are narrow.".into(),
        );
    }
    Section {
        id: "caveats",
        title: "Caveats".into(),
        blocks: vec![Block::List(items)],
    }
}

/// The export tables: the ranking, the criteria, and (when computed) the rank acceptability,
/// the pilot metrics and the costs.
fn tables(i: &Inputs) -> Vec<DataTable> {
    let r = i.ranking;
    let mut out = Vec::new();
    let ranked = r.ranked.iter();
    let excluded = r.excluded.iter();
    let text = |v: Vec<String>| Values::Text(v.into_iter().map(Some).collect());
    let mut ranking = DataTable::new("ranking")
        .with(
            "vendor",
            text(
                ranked
                    .clone()
                    .map(|v| v.vendor.clone())
                    .chain(excluded.clone().map(|x| x.vendor.clone()))
                    .collect(),
            ),
        )
        .with(
            "name",
            text(
                ranked
                    .clone()
                    .map(|v| v.name.clone())
                    .chain(excluded.clone().map(|x| x.name.clone()))
                    .collect(),
            ),
        )
        .with(
            "rank",
            Values::Integer(
                ranked
                    .clone()
                    .map(|v| Some(v.rank as i64))
                    .chain(excluded.clone().map(|_| None))
                    .collect(),
            ),
        )
        .with(
            "score",
            Values::Number(
                ranked
                    .clone()
                    .map(|v| Some(v.score))
                    .chain(excluded.clone().map(|_| None))
                    .collect(),
            ),
        );
    for (c, info) in r.criteria.iter().enumerate() {
        ranking = ranking.with(
            &format!("{}.value", info.id),
            Values::Number(
                ranked
                    .clone()
                    .map(|v| v.values[c])
                    .chain(excluded.clone().map(|_| None))
                    .collect(),
            ),
        );
    }
    ranking = ranking
        .with(
            "excluded",
            Values::Bool(
                ranked
                    .clone()
                    .map(|_| Some(false))
                    .chain(excluded.clone().map(|_| Some(true)))
                    .collect(),
            ),
        )
        .with(
            "reasons",
            Values::Text(
                ranked
                    .map(|_| None)
                    .chain(excluded.map(|x| {
                        Some(
                            x.reasons
                                .iter()
                                .map(|q| format!("{}: {}", q.by, q.text))
                                .collect::<Vec<_>>()
                                .join("; "),
                        )
                    }))
                    .collect(),
            ),
        );
    out.push(ranking);
    let cs = &r.criteria;
    out.push(
        DataTable::new("criteria")
            .with("criterion", text(cs.iter().map(|c| c.id.clone()).collect()))
            .with("label", text(cs.iter().map(|c| c.label.clone()).collect()))
            .with(
                "metric",
                text(cs.iter().map(|c| c.metric.clone()).collect()),
            )
            .with(
                "direction",
                text(cs.iter().map(|c| c.direction.name().to_string()).collect()),
            )
            .with(
                "weight",
                Values::Number(cs.iter().map(|c| Some(c.weight)).collect()),
            )
            .with("unit", text(cs.iter().map(|c| c.unit.clone()).collect())),
    );
    if let Some(a) = i.analysis {
        let mut t = DataTable::new("acceptability").with("vendor", text(a.vendors.clone()));
        let ranks = a.smaa.acceptability.first().map_or(0, Vec::len);
        for k in 0..ranks {
            t = t.with(
                &format!("rank_{}", k + 1),
                Values::Number(
                    a.smaa
                        .acceptability
                        .iter()
                        .map(|row| Some(row[k]))
                        .collect(),
                ),
            );
        }
        out.push(t);
    }
    if let Some(p) = i.pilot {
        if let Some((_, vendors)) = p.groups.first() {
            let rows: Vec<(&str, &crate::pilot::MetricRow)> = vendors
                .iter()
                .flat_map(|v| {
                    v.metrics
                        .iter()
                        .map(move |m| (p.vendor_ids[v.vendor].as_str(), m))
                })
                .collect();
            let bound = |upper: bool| {
                Values::Number(
                    rows.iter()
                        .map(|(_, m)| {
                            m.intervals
                                .first()
                                .map(|(_, i)| if upper { i.upper } else { i.lower })
                        })
                        .collect(),
                )
            };
            out.push(
                DataTable::new("pilot_metrics")
                    .with(
                        "vendor",
                        text(rows.iter().map(|(v, _)| v.to_string()).collect()),
                    )
                    .with(
                        "metric",
                        text(rows.iter().map(|(_, m)| m.metric.to_string()).collect()),
                    )
                    .with(
                        "value",
                        Values::Number(rows.iter().map(|(_, m)| m.value).collect()),
                    )
                    .with(
                        "n",
                        Values::Number(rows.iter().map(|(_, m)| Some(m.n)).collect()),
                    )
                    .with(
                        "n_unit",
                        text(rows.iter().map(|(_, m)| m.unit.to_string()).collect()),
                    )
                    .with(
                        "interval",
                        Values::Text(
                            rows.iter()
                                .map(|(_, m)| m.intervals.first().map(|(n, _)| n.to_string()))
                                .collect(),
                        ),
                    )
                    .with("lower95", bound(false))
                    .with("upper95", bound(true)),
            );
        }
    }
    if let Some(t) = i.cost {
        fn q(row: &super::cost::CostRow) -> Option<&crate::cost::Quote> {
            row.quote.as_ref().ok()
        }
        out.push(
            DataTable::new("cost")
                .with(
                    "vendor",
                    text(t.rows.iter().map(|row| row.vendor.clone()).collect()),
                )
                .with(
                    "currency",
                    text(t.rows.iter().map(|_| t.currency.clone()).collect()),
                )
                .with(
                    "edition",
                    Values::Text(
                        t.rows
                            .iter()
                            .map(|row| q(row).map(|q| q.edition.clone()))
                            .collect(),
                    ),
                )
                .with(
                    "total",
                    Values::Number(t.rows.iter().map(|row| q(row).map(|q| q.tco())).collect()),
                )
                .with(
                    "all_in_per_endpoint_month",
                    Values::Number(t.rows.iter().map(|row| row.all_in).collect()),
                )
                .with(
                    "efficient",
                    Values::Bool(
                        t.rows
                            .iter()
                            .map(|row| row.value.as_ref().map(|v| v.efficient))
                            .collect(),
                    ),
                ),
        );
    }
    out
}
