//! The charts of `vendorscore report`, built from a ranking: the score with each
//! criterion's points (weighted sum), and each vendor's normalised profile.

use crate::chart::{
    self, ChartError, CriterionLabel, Exclusion, ProfileInput, ProfileRow, RankingInput,
    RankingRow, VendorStyle,
};
use crate::criteria::Direction;
use crate::rank::Ranking;
use crate::score::normalise::min_max;

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

/// The chart files (name under the output folder, bytes), SVG and PNG of each.
pub fn ranking_charts(r: &Ranking) -> Result<Vec<(String, Vec<u8>)>, ChartError> {
    let mut out = Vec::new();
    let mut push = |name: &str, c: chart::Chart| {
        out.push((format!("charts/{name}.svg"), c.svg.into_bytes()));
        out.push((format!("charts/{name}.png"), c.png));
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
        push("ranking", chart::ranking_contributions(&input)?);
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
    push("profile", chart::profile(&input)?);
    Ok(out)
}
