//! The ranking chart (the score with each criterion's points, weighted sum only) and the
//! profile chart (each vendor's normalised value on every criterion).

use super::{criteria, styles, Figure};
use crate::chart::{
    self, ChartError, Exclusion, ProfileInput, ProfileRow, RankingInput, RankingRow,
};
use crate::decision::Direction;
use crate::rank::Ranking;
use crate::score::column_scaling::min_max;

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
