//! The ranking chart (the score with each criterion's points, weighted sum only) and the
//! profile chart (a heat map of each vendor's value on every criterion, shaded from the
//! worst to the best of the ranked vendors). Both draw the first
//! [`TOP_VENDORS`] ranked vendors and the [`TOP_CRITERIA`] heaviest criteria; the ranking
//! chart sums the points of the other criteria into one segment.

use super::{criteria, plain, styles, Figure};
use crate::chart::{
    self, ChartError, CriterionLabel, Exclusion, ProfileInput, ProfileRow, RankingInput, RankingRow,
};
use crate::decision::Direction;
use crate::rank::Ranking;
use crate::report::limits::{count, largest, more, top_of, TOP_CRITERIA, TOP_VENDORS};
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
    let shown = r.ranked.len().min(TOP_VENDORS);
    let top = top_of(shown, r.ranked.len(), "vendors");
    let keep = heaviest_criteria(r);
    let excluded: Vec<Exclusion> = r
        .excluded
        .iter()
        .take(TOP_VENDORS)
        .map(|x| Exclusion {
            vendor: x.vendor.clone(),
            reason: plain(
                &x.reasons
                    .iter()
                    .map(|q| q.text.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        })
        .collect();
    if r.ranked.iter().all(|v| !v.contributions.is_empty()) {
        let all = criteria(r);
        let rest = all.len() - keep.len();
        let mut labels: Vec<CriterionLabel> = keep.iter().map(|&c| all[c].clone()).collect();
        if rest > 0 {
            labels.push(CriterionLabel {
                id: "other-criteria".into(),
                label: format!("{} other criteria", count(rest)),
            });
        }
        let input = RankingInput {
            title: match &top {
                None => format!("{}: score and the points each criterion adds", r.title),
                Some(t) => format!("{}: {t}, score and points per criterion", r.title),
            },
            vendors: styles(r),
            criteria: labels,
            rows: r
                .ranked
                .iter()
                .take(shown)
                .map(|v| RankingRow {
                    vendor: v.vendor.clone(),
                    points: summed_points(&v.contributions, &keep),
                })
                .collect(),
            excluded,
        };
        let mut caption =
            "Each ranked vendor's score out of 100, split into the points each criterion adds."
                .to_string();
        caption.push_str(&cut_notes(r, shown, keep.len()));
        push("ranking", caption, chart::ranking_contributions(&input)?);
    }
    // Normalised 0-1 per criterion (1 best), missing values as gaps.
    let columns: Vec<Vec<f64>> = r
        .criteria
        .iter()
        .enumerate()
        .map(|(c, info)| {
            if !keep.contains(&c) {
                return Vec::new();
            }
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
        .take(shown)
        .enumerate()
        .map(|(i, v)| ProfileRow {
            vendor: v.vendor.clone(),
            values: keep.iter().map(|&c| columns[c][i]).collect(),
            shown: keep
                .iter()
                .map(|&c| v.values[c].map_or(f64::NAN, |x| as_shown(&r.criteria[c].unit, x)))
                .collect(),
        })
        .collect();
    let input = ProfileInput {
        title: match &top {
            None => format!("{}: each vendor's value on every criterion", r.title),
            Some(t) => format!("{}: values of the {t}", r.title),
        },
        vendors: styles(r),
        criteria: keep
            .iter()
            .map(|&c| CriterionLabel {
                id: r.criteria[c].id.clone(),
                label: crate::report::unit_label(&r.criteria[c]),
            })
            .collect(),
        rows,
    };
    let mut caption = "Each ranked vendor's value on every criterion, in the criterion's unit; the darker the cell, the better the value among the ranked vendors (light: the worst, dark: the best); n/a: no data.".to_string();
    caption.push_str(&cut_notes(r, shown, keep.len()));
    push("profile", caption, chart::profile(&input)?);
    Ok(out)
}

/// A criterion's value in the unit its label names ([`crate::report::unit_label`]): ratios
/// as percentages, everything else as it is.
fn as_shown(unit: &str, x: f64) -> f64 {
    if unit == "ratio" {
        100.0 * x
    } else {
        x
    }
}

/// The criteria the charts draw: the [`TOP_CRITERIA`] heaviest, in criteria order.
pub(super) fn heaviest_criteria(r: &Ranking) -> Vec<usize> {
    let weights: Vec<f64> = r.criteria.iter().map(|c| c.weight).collect();
    largest(&weights, TOP_CRITERIA)
}

/// A vendor's points on the kept criteria, then the sum over the others when any are left
/// out.
fn summed_points(points: &[f64], keep: &[usize]) -> Vec<f64> {
    let mut out: Vec<f64> = keep.iter().map(|&c| points[c]).collect();
    if keep.len() < points.len() {
        let mut kept = vec![false; points.len()];
        keep.iter().for_each(|&c| kept[c] = true);
        let rest = points
            .iter()
            .zip(&kept)
            .filter(|(_, k)| !**k)
            .map(|(p, _)| p);
        out.push(rest.sum());
    }
    out
}

/// The notes of a cut ranking or profile chart: the vendors, excluded vendors and criteria
/// it leaves out, and where they are. Empty when it shows everything.
fn cut_notes(r: &Ranking, shown: usize, kept: usize) -> String {
    let hidden_criteria = r.criteria.len() - kept;
    let mut out = String::new();
    if shown < r.ranked.len() {
        out.push_str(&format!(
            " The chart shows the first {shown} ranked vendors; {}",
            more(r.ranked.len() - shown, "vendor", "vendors", "ranking.csv")
        ));
    }
    if r.excluded.len() > TOP_VENDORS {
        out.push(' ');
        out.push_str(&more(
            r.excluded.len() - TOP_VENDORS,
            "excluded vendor",
            "excluded vendors",
            "tables/ranking.csv",
        ));
    }
    if hidden_criteria > 0 {
        out.push_str(&format!(
            " It draws the {kept} heaviest criteria; {}",
            more(
                hidden_criteria,
                "criterion",
                "criteria",
                "tables/criteria.csv"
            )
        ));
    }
    out
}
