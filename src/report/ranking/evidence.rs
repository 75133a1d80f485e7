//! The evidence table's rows, shared by the terminal and Markdown renderings of a
//! ranking.

use crate::rank::Ranking;
use crate::report::fmt_value;

/// One row per ranked vendor, best first: its id and the value behind each criterion,
/// formatted in the criterion's unit (the evidence table of the terminal and Markdown).
pub(super) fn evidence_rows(r: &Ranking) -> Vec<Vec<String>> {
    r.ranked
        .iter()
        .map(|v| {
            let mut row = vec![v.vendor.clone()];
            row.extend(
                r.criteria
                    .iter()
                    .zip(&v.values)
                    .map(|(c, x)| fmt_value(c, *x)),
            );
            row
        })
        .collect()
}
