//! The value-for-money chart: score against all-in cost with the Pareto frontier, of the
//! [`TOP_VENDORS`] best-ranked vendors with a price.

use super::{sensitivity_unit, styles, Figure};
use crate::chart::{self, ChartError, FrontierInput, FrontierPoint};
use crate::rank::Ranking;
use crate::report::cost::CostTable;
use crate::report::limits::{largest, more, title_cut, TOP_VENDORS};

/// Score against all-in cost per endpoint-month with the Pareto frontier; `None` when no
/// ranked vendor has a price, or the method's score is lower-is-better.
pub fn frontier_chart(r: &Ranking, t: &CostTable) -> Result<Option<Figure>, ChartError> {
    if !r.higher_is_better {
        return Ok(None);
    }
    let priced: Vec<(usize, FrontierPoint)> = t
        .rows
        .iter()
        .filter_map(|row| {
            Some((
                row.rank?,
                FrontierPoint {
                    vendor: row.vendor.clone(),
                    cost: row.all_in?,
                    score: row.score?,
                },
            ))
        })
        .filter(|(_, p)| p.cost.is_finite() && p.cost >= 0.0)
        .collect();
    if priced.is_empty() {
        return Ok(None);
    }
    // The best ranks (a dominating vendor ranks at least as high, so the frontier of the
    // kept points is the frontier of all), in the table's order.
    let minus_rank: Vec<f64> = priced.iter().map(|(k, _)| -(*k as f64)).collect();
    let keep = largest(&minus_rank, TOP_VENDORS);
    let total = priced.len();
    let points: Vec<FrontierPoint> = keep.iter().map(|&i| priced[i].1.clone()).collect();
    let mut caption = format!(
        "Each ranked vendor's score against its all-in cost per endpoint-month ({}, licences, setup and migration over {} months); vendors on the line are the efficient choices: none of the others scores higher for less.",
        t.currency, t.horizon_months
    );
    if points.len() < total {
        caption.push_str(&format!(
            " The chart shows the {} best-ranked vendors with a price; {}",
            points.len(),
            more(total - points.len(), "vendor", "vendors", "tables/cost.csv")
        ));
    }
    let input = FrontierInput {
        title: format!(
            "Score against all-in cost per endpoint-month{}",
            title_cut(points.len(), total, "vendors")
        ),
        currency: t.currency.clone(),
        score_unit: sensitivity_unit(r).into(),
        vendors: styles(r),
        points,
    };
    Ok(Some(Figure {
        name: "frontier".into(),
        caption,
        chart: chart::frontier(&input)?,
    }))
}
