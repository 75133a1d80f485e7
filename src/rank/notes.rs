//! What a ranking says in words about its inputs beyond the scores: why no vendor has a
//! value for a criterion (and the fix), and whether another method would put another
//! vendor first.

use crate::criteria::{Criteria, Criterion};
use crate::matrix::{DecisionMatrix, Resolved};
use crate::problem::Problem;
use crate::score::method::MethodOutput;

/// No vendor has a value for criterion `i`: the problem says why when the evidence does
/// (every vendor's prices in a currency the client does not quote in, say), and how to fix
/// that, rather than suggesting the criterion be removed.
pub(super) fn no_value(cr: &Criteria, c: &Criterion, resolved: &Resolved, i: usize) -> Problem {
    let mut whys: Vec<&str> = resolved
        .cells
        .iter()
        .filter_map(|row| row[i].why_missing.as_deref())
        .collect();
    whys.sort_unstable();
    whys.dedup();
    let mut message = format!(
        "no vendor has a value for `{}` (criterion `{}`)",
        c.metric.name, c.id
    );
    if let [why] = whys[..] {
        message.push_str(&format!(": every vendor has {why}"));
    }
    let fx = whys.iter().find_map(|w| {
        let rest = w.split("no exchange rate from `").nth(1)?;
        let (from, rest) = rest.split_once("` to `")?;
        Some((from.to_string(), rest.split('`').next()?.to_string()))
    });
    let hint = match fx {
        Some((from, to)) => format!("the prices are in {from} and the client quotes in {to}: add fx_rates.csv to the dataset (columns `from,to,rate`, e.g. `{from},{to},1.08`; docs/data-formats.md), or set `currency = \"{from}\"` in the client profile"),
        None if !whys.is_empty() => "see why each vendor has no value (`vendorscore cost --explain` for prices), or remove the criterion".to_string(),
        None => "check the evidence files, or remove the criterion".to_string(),
    };
    cr.problem_at(c.metric_pos, message).hint(hint)
}

/// When `--method` replaced the criteria file's method and the two put different vendors
/// first, one line saying so: a ranking that another method reverses is not a result to
/// take alone.
pub(super) fn method_disagreement(
    cr: &Criteria,
    m: &DecisionMatrix,
    out: &MethodOutput,
) -> Option<String> {
    let file_method = cr.file_method?;
    let mut theirs = m.clone();
    theirs.method = file_method;
    let other = theirs.score().ok()?;
    let first = |o: &MethodOutput| o.ranks.iter().position(|&r| r == 1);
    let (mine, file) = (first(out)?, first(&other)?);
    (mine != file).then(|| {
        format!(
            "with `{}`, `{}` ranks first, but the criteria file's method `{}` puts `{}` first: the methods disagree on this data (see `vendorscore compare-methods` and docs/methods.md)",
            cr.method.name(),
            m.vendors[mine],
            file_method.name(),
            m.vendors[file]
        )
    })
}
