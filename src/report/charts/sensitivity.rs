//! The sensitivity charts: the rank-acceptability heatmap, the tornado of the leader's
//! margin, and the sweep of the weight nearest to changing the leader.

use super::{sensitivity_unit, styles, Figure};
use crate::chart::{
    self, BreakEven as ChartBreakEven, ChartError, RankHeatmapInput, RankRow, SweepSeries,
    TornadoBar, TornadoInput, WeightSweepInput,
};
use crate::rank::analysis::Analysis;
use crate::rank::Ranking;

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
