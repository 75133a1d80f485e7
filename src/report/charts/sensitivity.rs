//! The sensitivity charts: the rank-acceptability heatmap, the tornado of the leader's
//! margin, and the sweep of the weight nearest to changing the leader. The heatmap and the
//! sweep draw the first [`TOP_VENDORS`] ranked vendors (the heatmap their first
//! [`TOP_VENDORS`] ranks), the tornado the [`TOP_CRITERIA`] widest bars.

use super::{sensitivity_unit, styles, vendor_name, Figure};
use crate::chart::{
    self, BreakEven as ChartBreakEven, ChartError, RankHeatmapInput, RankRow, SweepSeries,
    TornadoBar, TornadoInput, WeightSweepInput,
};
use crate::rank::analysis::{report_sweep, Analysis};
use crate::rank::Ranking;
use crate::report::limits::{count, largest, more, title_cut, top_of, TOP_CRITERIA, TOP_VENDORS};

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
    let total = order.len();
    let order: Vec<usize> = order.into_iter().take(TOP_VENDORS).collect();
    let cut = title_cut(order.len(), total, "vendors");
    let heat = RankHeatmapInput {
        title: match top_of(order.len(), total, "vendors") {
            None => format!(
                "Rank acceptability: share of {} weight scenarios with each rank",
                a.smaa.samples
            ),
            Some(t) => format!("Rank acceptability, {t} ({} scenarios)", a.smaa.samples),
        },
        vendors: styles(r),
        rows: order
            .iter()
            .map(|&v| RankRow {
                vendor: a.vendors[v].clone(),
                acceptability: a.smaa.acceptability[v]
                    .iter()
                    .take(TOP_VENDORS)
                    .copied()
                    .collect(),
            })
            .collect(),
    };
    let mut caption = format!(
        "How often each vendor takes each rank when the weights are drawn at random{}; a robust winner has most of its row in the rank-1 column.",
        if a.with_evidence { " and the evidence is redrawn from its uncertainty" } else { "" }
    );
    if order.len() < total {
        caption.push_str(&format!(
            " The chart shows the first {} ranked vendors and ranks 1 to {}; {}",
            order.len(),
            order.len(),
            more(
                total - order.len(),
                "vendor",
                "vendors",
                "tables/acceptability.csv with every rank"
            )
        ));
    }
    out.push(Figure {
        name: "acceptability".into(),
        caption,
        chart: chart::rank_heatmap(&heat)?,
    });
    let leader = vendor_name(r, &a.vendors[a.leader]);
    if !a.tornado.is_empty() {
        let widths: Vec<f64> = a
            .tornado
            .iter()
            .map(|t| (t.margin_high - t.margin_low).abs())
            .collect();
        let keep = largest(&widths, TOP_CRITERIA);
        let input = TornadoInput {
            title: format!(
                "What moves the lead of {leader}{}",
                title_cut(keep.len(), a.tornado.len(), "criteria")
            ),
            subject: format!("rank-1 margin of {leader}"),
            unit: sensitivity_unit(r)
                .split(',')
                .next()
                .unwrap_or("")
                .to_string(),
            baseline: a.margin,
            bars: keep
                .iter()
                .map(|&k| &a.tornado[k])
                .map(|t| TornadoBar {
                    criterion: label(t.criterion),
                    weight_low: t.weight_low,
                    weight_high: t.weight_high,
                    value_low: t.margin_low,
                    value_high: t.margin_high,
                })
                .collect(),
        };
        let mut caption = format!(
            "The lead of {leader} over the next-best vendor when each weight is halved (blue) or raised by half (orange), the others keeping their proportions; a bar crossing zero means that weight alone can change the winner."
        );
        let hidden = a.tornado.len() - keep.len();
        if hidden > 0 {
            caption.push_str(&format!(
                " The chart shows the {} criteria whose weight moves the lead most; the other {} move it less.",
                keep.len(),
                count(hidden)
            ));
        }
        out.push(Figure {
            name: "tornado".into(),
            caption,
            chart: chart::tornado(&input)?,
        });
    }
    // The sweep of the criterion whose break-even is nearest, else of the heaviest one.
    if let Some(sweep) = report_sweep(&a.break_even, &a.weights)
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
                        .map(|&l| vendor_name(r, &a.vendors[l]))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
            .collect();
        let input = WeightSweepInput {
            title: format!("Scores as the weight of {} moves{cut}", label(c)),
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
        let mut caption = format!(
            "Every vendor's score as the weight of {} goes from 0 to 100% (the other weights keep their proportions); the dashed line is the current weight, dotted lines the weights where first place changes.",
            label(c)
        );
        if order.len() < total {
            caption.push_str(&format!(
                " The chart shows the first {} ranked vendors.",
                order.len()
            ));
        }
        out.push(Figure {
            name: format!("sweep-{}", a.criteria[c]),
            caption,
            chart: chart::weight_sweep(&input)?,
        });
    }
    Ok(out)
}
