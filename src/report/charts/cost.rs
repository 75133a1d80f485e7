//! The value-for-money chart: score against all-in cost with the Pareto frontier.

use super::{sensitivity_unit, styles, Figure};
use crate::chart::{self, ChartError, FrontierInput, FrontierPoint};
use crate::rank::Ranking;
use crate::report::cost::CostTable;

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
