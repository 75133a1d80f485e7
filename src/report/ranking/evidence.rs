//! The evidence table's rows, shared by the terminal and Markdown renderings of a
//! ranking.

use crate::rank::{CriterionInfo, Ranking};

/// One row per ranked vendor, best first: its id and the value behind each criterion,
/// formatted by `show` in the criterion's unit (the evidence table of the terminal and
/// Markdown).
pub(super) fn evidence_rows(
    r: &Ranking,
    show: impl Fn(&CriterionInfo, Option<f64>) -> String,
) -> Vec<Vec<String>> {
    r.ranked
        .iter()
        .map(|v| {
            let mut row = vec![v.vendor.clone()];
            row.extend(r.criteria.iter().zip(&v.values).map(|(c, x)| show(c, *x)));
            row
        })
        .collect()
}
