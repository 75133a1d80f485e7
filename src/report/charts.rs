//! The charts of `vendorscore report`: the score with each criterion's points (weighted
//! sum), each vendor's normalised profile, the pilot metrics with their intervals, the
//! sensitivity tornado, weight sweep and rank-acceptability heatmap, and score against cost.

use crate::chart::{
    self, BreakEven as ChartBreakEven, Chart, ChartError, CriterionLabel, Exclusion, ForestInput,
    ForestRow, FrontierInput, FrontierPoint, Interval, ProfileInput, ProfileRow, RankHeatmapInput,
    RankRow, RankingInput, RankingRow, SweepSeries, Threshold, TornadoBar, TornadoInput,
    VendorStyle, WeightSweepInput,
};
use crate::criteria::{Criteria, Direction, Rule};
use crate::pilot::{Kind, PilotReport};
use crate::rank::analysis::Analysis;
use crate::rank::Ranking;
use crate::report::cost::CostTable;
use crate::score::column_scaling::min_max;

/// A drawn chart with its file stem under `charts/` and a caption for the report.
pub struct Figure {
    pub name: String,
    pub caption: String,
    pub chart: Chart,
}

/// The files of some figures: `charts/<name>.svg` and `.png` each.
pub fn files(figures: &[Figure]) -> Vec<(String, Vec<u8>)> {
    figures
        .iter()
        .flat_map(|f| {
            [
                (
                    format!("charts/{}.svg", f.name),
                    f.chart.svg.clone().into_bytes(),
                ),
                (format!("charts/{}.png", f.name), f.chart.png.clone()),
            ]
        })
        .collect()
}

/// Vendor styles: colour by dataset position, excluded vendors marked.
pub fn styles(r: &Ranking) -> Vec<VendorStyle> {
    r.all_vendors
        .iter()
        .enumerate()
        .map(|(i, (id, name))| VendorStyle {
            id: id.clone(),
            label: name.clone(),
            colour: i,
            excluded: r.excluded.iter().any(|x| &x.vendor == id),
        })
        .collect()
}

fn criteria(r: &Ranking) -> Vec<CriterionLabel> {
    r.criteria
        .iter()
        .map(|c| CriterionLabel {
            id: c.id.clone(),
            label: c.label.clone(),
        })
        .collect()
}

/// The ranking (weighted sum only: its points add up) and profile charts.
pub fn ranking_charts(r: &Ranking) -> Result<Vec<Figure>, ChartError> {
    let mut out = Vec::new();
    let mut push = |name: &str, caption: String, chart: chart::Chart| {
        out.push(Figure {
            name: name.to_string(),
            caption,
            chart,
        })
    };
    let excluded: Vec<Exclusion> = r
        .excluded
        .iter()
        .map(|x| Exclusion {
            vendor: x.vendor.clone(),
            reason: x
                .reasons
                .iter()
                .map(|q| q.text.clone())
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    if r.ranked.iter().all(|v| !v.contributions.is_empty()) {
        let input = RankingInput {
            title: format!("{}: score and the points each criterion adds", r.title),
            vendors: styles(r),
            criteria: criteria(r),
            rows: r
                .ranked
                .iter()
                .map(|v| RankingRow {
                    vendor: v.vendor.clone(),
                    points: v.contributions.clone(),
                })
                .collect(),
            excluded,
        };
        push(
            "ranking",
            "Each ranked vendor's score out of 100, split into the points each criterion adds."
                .into(),
            chart::ranking_contributions(&input)?,
        );
    }
    // Normalised 0-1 per criterion (1 best), missing values as gaps.
    let columns: Vec<Vec<f64>> = r
        .criteria
        .iter()
        .enumerate()
        .map(|(c, info)| {
            let col: Vec<Option<f64>> = r.ranked.iter().map(|v| v.values[c]).collect();
            let dir = if info.direction == Direction::Max {
                Direction::Max
            } else {
                Direction::Min
            };
            min_max(&col, dir)
                .into_iter()
                .zip(&col)
                .map(|(x, v)| if v.is_some() { x } else { f64::NAN })
                .collect()
        })
        .collect();
    let rows = r
        .ranked
        .iter()
        .enumerate()
        .map(|(i, v)| ProfileRow {
            vendor: v.vendor.clone(),
            values: columns.iter().map(|col| col[i]).collect(),
        })
        .collect();
    let input = ProfileInput {
        title: format!(
            "{}: each vendor's profile (1 = best of the ranked vendors)",
            r.title
        ),
        vendors: styles(r),
        criteria: criteria(r),
        rows,
    };
    push(
        "profile",
        "Each vendor's value on every criterion, rescaled so that 1 is the best of the ranked vendors and 0 the worst; gaps are missing values.".into(),
        chart::profile(&input)?,
    );
    Ok(out)
}

/// How a pilot metric is drawn: the factor to its axis unit, and the unit.
fn forest_scale(kind: Kind, metric: &str) -> (f64, String) {
    match kind {
        Kind::Rate => (100.0, "%".into()),
        Kind::PerDay => (1.0, "per endpoint-day".into()),
        _ => (
            1.0,
            crate::metrics::fixed(metric).map_or(String::new(), |d| d.unit.to_string()),
        ),
    }
}

/// A gate's bound on `metric` (or on one of its interval bounds), as a chart threshold.
fn gate_line(cr: &Criteria, metric: &str, factor: f64) -> Option<Threshold> {
    cr.gates.iter().find_map(|g| {
        let on = g.metric.name == metric
            || g.metric
                .name
                .strip_prefix(metric)
                .is_some_and(|rest| rest == ".lower95" || rest == ".upper95");
        match (&g.rule, on) {
            (Rule::Range { min: Some(x), .. }, true) => Some(Threshold {
                value: x * factor,
                label: format!("gate {} minimum", g.id),
            }),
            (Rule::Range { max: Some(x), .. }, true) => Some(Threshold {
                value: x * factor,
                label: format!("gate {} maximum", g.id),
            }),
            _ => None,
        }
    })
}

/// The pilot metrics a criterion or gate uses (interval bounds count as their metric).
pub fn pilot_metrics_in_use(r: &Ranking, cr: &Criteria) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let names = r
        .criteria
        .iter()
        .map(|c| c.metric.as_str())
        .chain(cr.gates.iter().map(|g| g.metric.name.as_str()));
    for n in names {
        let base = n
            .strip_suffix(".lower95")
            .or_else(|| n.strip_suffix(".upper95"))
            .unwrap_or(n);
        if base.starts_with("pilot.") && !out.iter().any(|m| m == base) {
            out.push(base.to_string());
        }
    }
    out
}

/// One forest plot per pilot metric in use: each vendor's estimate and first 95% interval
/// (Wilson for rates, Garwood for counts, t for gauges, bootstrap for times).
pub fn forest_charts(
    r: &Ranking,
    cr: &Criteria,
    p: &PilotReport,
) -> Result<Vec<Figure>, ChartError> {
    let Some((_, vendors)) = p.groups.first() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for metric in pilot_metrics_in_use(r, cr) {
        let mut rows = Vec::new();
        let mut scale = None;
        for v in vendors {
            let Some(m) = v.metrics.iter().find(|m| m.metric == metric) else {
                continue;
            };
            let (f, unit) = forest_scale(m.kind, m.metric);
            scale.get_or_insert((f, unit, m.intervals.first().map(|i| i.0)));
            let Some(x) = m.value else { continue };
            rows.push(ForestRow {
                vendor: p.vendor_ids[v.vendor].clone(),
                estimate: x * f,
                interval: m.intervals.first().map(|(_, i)| Interval {
                    lower: i.lower * f,
                    upper: i.upper * f,
                }),
            });
        }
        let Some((f, unit, method)) = scale else {
            continue;
        };
        if rows.is_empty() {
            continue;
        }
        // Ranked vendors first in rank order, then the rest in dataset order.
        let pos = |id: &str| {
            r.ranked
                .iter()
                .position(|v| v.vendor == id)
                .unwrap_or(usize::MAX)
        };
        rows.sort_by_key(|row| pos(&row.vendor));
        let short = metric.trim_start_matches("pilot.").replace('_', " ");
        let input = ForestInput {
            title: format!("Pilot {short} with 95% intervals"),
            metric: format!("pilot {short}"),
            unit: unit.clone(),
            level: 0.95,
            vendors: styles(r),
            rows,
            threshold: gate_line(cr, &metric, f),
        };
        out.push(Figure {
            name: format!("forest-{}", metric.trim_start_matches("pilot.")),
            caption: format!(
                "Pilot `{metric}` per vendor: the dot is the estimate, the bar its 95% {} interval; overlapping bars mean the pilot cannot tell those vendors apart.",
                method.unwrap_or("confidence")
            ),
            chart: chart::forest(&input)?,
        });
    }
    Ok(out)
}

/// The unit of the scores the sensitivity analysis works with (higher is better).
fn sensitivity_unit(r: &Ranking) -> &'static str {
    match r.method {
        "weighted-sum" => "points, 0-100",
        "topsis" => "closeness, 0-1",
        "vikor" => "minus VIKOR Q (higher is better)",
        "promethee2" => "net flow, -1 to 1",
        _ => "weighted product score",
    }
}

/// The rank-acceptability heatmap, the tornado of the leader's margin, and the sweep of the
/// weight nearest to changing the leader (else the heaviest).
pub fn sensitivity_charts(r: &Ranking, a: &Analysis) -> Result<Vec<Figure>, ChartError> {
    let mut out = Vec::new();
    let label = |c: usize| {
        r.criteria
            .get(c)
            .map_or_else(|| a.criteria[c].clone(), |i| i.label.clone())
    };
    let order: Vec<usize> = r
        .ranked
        .iter()
        .filter_map(|v| a.vendors.iter().position(|x| *x == v.vendor))
        .collect();
    if order.is_empty() {
        return Ok(out);
    }
    let heat = RankHeatmapInput {
        title: format!(
            "Rank acceptability: share of {} weight scenarios with each rank",
            a.smaa.samples
        ),
        vendors: styles(r),
        rows: order
            .iter()
            .map(|&v| RankRow {
                vendor: a.vendors[v].clone(),
                acceptability: a.smaa.acceptability[v].clone(),
            })
            .collect(),
    };
    out.push(Figure {
        name: "acceptability".into(),
        caption: format!(
            "How often each vendor takes each rank when the weights are drawn at random{}; a robust winner has most of its row in the rank-1 column.",
            if a.with_evidence { " and the evidence is redrawn from its uncertainty" } else { "" }
        ),
        chart: chart::rank_heatmap(&heat)?,
    });
    let leader = a.vendors[a.leader].clone();
    if !a.tornado.is_empty() {
        let input = TornadoInput {
            title: format!("What moves the lead of {leader}"),
            subject: format!("rank-1 margin of {leader}"),
            unit: sensitivity_unit(r)
                .split(',')
                .next()
                .unwrap_or("")
                .to_string(),
            baseline: a.margin,
            bars: a
                .tornado
                .iter()
                .map(|t| TornadoBar {
                    criterion: label(t.criterion),
                    weight_low: t.weight_low,
                    weight_high: t.weight_high,
                    value_low: t.margin_low,
                    value_high: t.margin_high,
                })
                .collect(),
        };
        out.push(Figure {
            name: "tornado".into(),
            caption: format!(
                "The lead of `{leader}` over the next-best vendor when each weight is halved (blue) or raised by half (orange), the others keeping their proportions; a bar crossing zero means that weight alone can change the winner."
            ),
            chart: chart::tornado(&input)?,
        });
    }
    // The sweep of the criterion whose break-even is nearest, else of the heaviest one.
    let nearest = a
        .break_even
        .iter()
        .filter_map(|b| b.top_nearest().map(|p| (b.criterion, p.change.abs())))
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(c, _)| c);
    let heaviest = (0..a.weights.len()).max_by(|&x, &y| a.weights[x].total_cmp(&a.weights[y]));
    if let Some(sweep) = nearest
        .or(heaviest)
        .and_then(|c| a.sweeps.iter().find(|s| s.criterion == c))
    {
        let c = sweep.criterion;
        let break_even = a
            .break_even
            .iter()
            .filter(|b| b.criterion == c)
            .flat_map(|b| [b.top_down.as_ref(), b.top_up.as_ref()])
            .flatten()
            .map(|p| ChartBreakEven {
                weight: p.weight,
                label: format!(
                    "{} leads",
                    p.leaders
                        .iter()
                        .map(|&l| a.vendors[l].as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
            .collect();
        let input = WeightSweepInput {
            title: format!("Scores as the weight of {} moves", label(c)),
            criterion: label(c),
            score_unit: sensitivity_unit(r).into(),
            vendors: styles(r),
            weights: sweep.points.iter().map(|p| p.weight).collect(),
            series: order
                .iter()
                .map(|&v| SweepSeries {
                    vendor: a.vendors[v].clone(),
                    scores: sweep.points.iter().map(|p| p.scores[v]).collect(),
                })
                .collect(),
            current_weight: sweep.base_weight,
            break_even,
        };
        out.push(Figure {
            name: format!("sweep-{}", a.criteria[c]),
            caption: format!(
                "Every vendor's score as the weight of `{}` goes from 0 to 100% (the other weights keep their proportions); the dashed line is the current weight, dotted lines the weights where first place changes.",
                a.criteria[c]
            ),
            chart: chart::weight_sweep(&input)?,
        });
    }
    Ok(out)
}

/// Score against all-in cost per endpoint-month with the Pareto frontier; `None` when no
/// ranked vendor has a price, or the method's score is lower-is-better.
pub fn frontier_chart(r: &Ranking, t: &CostTable) -> Result<Option<Figure>, ChartError> {
    if !r.higher_is_better {
        return Ok(None);
    }
    let points: Vec<FrontierPoint> = t
        .rows
        .iter()
        .filter_map(|row| {
            Some(FrontierPoint {
                vendor: row.vendor.clone(),
                cost: row.all_in?,
                score: row.score?,
            })
        })
        .filter(|p| p.cost.is_finite() && p.cost >= 0.0)
        .collect();
    if points.is_empty() {
        return Ok(None);
    }
    let input = FrontierInput {
        title: "Score against all-in cost per endpoint-month".into(),
        currency: t.currency.clone(),
        score_unit: sensitivity_unit(r).into(),
        vendors: styles(r),
        points,
    };
    Ok(Some(Figure {
        name: "frontier".into(),
        caption: format!(
            "Each ranked vendor's score against its all-in cost per endpoint-month ({}, licences, setup and migration over {} months); vendors on the line are the efficient choices: none of the others scores higher for less.",
            t.currency, t.horizon_months
        ),
        chart: chart::frontier(&input)?,
    }))
}
