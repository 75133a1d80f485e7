//! The fast path's row checks.
//!
//! Every row is checked by one function that polars calls on each batch of rows
//! (`map_many`, element-wise, so it streams): it walks each column once and marks the
//! rows that break a rule. Written as some forty polars expressions joined with `or`,
//! the same checks cost a quarter of the whole load; as per-group reductions, as much.
//! The group keys (vendor, client, endpoint, role) are checked once per endpoint group,
//! after the aggregation, by [`bad_key`].
//!
//! A marked row says only that something is wrong: the cell-by-cell path then finds and
//! words each problem, with its line and column.

use polars::prelude::*;

use super::pilot_frame::{Install, COUNTS, GAUGES, PAIRS, TIMES};
use super::types::Role;

/// Gauges that are percentages, at most 100.
const PERCENTS: [&str; 2] = ["cpu_overhead_pct", "telemetry_coverage_pct"];

/// The columns the row check reads, in the order it reads them: days, the pairs (part,
/// whole), the other counts, the gauges, the times, then the install columns.
fn inputs(install: Install) -> Vec<&'static str> {
    let mut c = vec!["days"];
    c.extend(PAIRS.iter().flat_map(|(part, whole)| [*part, *whole]));
    c.extend(COUNTS);
    c.extend(GAUGES);
    c.extend(TIMES);
    if install == Install::Text {
        c.extend(["install_ok", "install_state"]);
    }
    c
}

/// `true` for each row that breaks a check: a boolean column, to be reduced with `any`.
pub fn bad_rows(install: Install) -> Expr {
    let names = inputs(install);
    let first = col(names[0]);
    let rest: Vec<Expr> = names[1..].iter().map(|c| col(*c)).collect();
    first
        .map_many(
            move |columns: &mut [Column]| check_rows(columns, install).map(Column::from),
            &rest,
            |_: &Schema, _: &[Field]| Ok(Field::new("bad".into(), DataType::Boolean)),
        )
        .alias("bad")
}

/// Marks the rows of one batch; `columns` are in the order of [`inputs`].
fn check_rows(columns: &[Column], install: Install) -> PolarsResult<Series> {
    let floats = |i: usize| columns[i].f64();
    let mut bad = vec![false; columns[0].len()];
    let (pairs, counts) = (1, 1 + 2 * PAIRS.len());
    let (gauges, times) = (counts + COUNTS.len(), counts + COUNTS.len() + GAUGES.len());
    // Days: present, positive, finite.
    if floats(0)?.null_count() > 0 {
        return Ok(all_bad(&bad));
    }
    mark_present(&mut bad, floats(0)?, |d| !(d > 0.0 && d.is_finite()));
    // Counts: whole numbers (the cast truncates; a count past 2^63 fails too), not negative.
    for i in pairs..gauges {
        mark_present(&mut bad, floats(i)?, |x| {
            !(x >= 0.0 && x.is_finite() && (x as i64) as f64 == x)
        });
    }
    // Gauges and times: not negative, finite; percentages at most 100.
    for i in gauges..times + TIMES.len() {
        let percent = GAUGES.get(i - gauges).is_some_and(|g| PERCENTS.contains(g));
        let top = if percent { 100.0 } else { f64::INFINITY };
        mark_present(&mut bad, floats(i)?, |x| {
            !(x >= 0.0 && x.is_finite() && x <= top)
        });
    }
    // Pairs: both or neither, the part no more than the whole.
    for k in 0..PAIRS.len() {
        let (part, whole) = (floats(pairs + 2 * k)?, floats(pairs + 2 * k + 1)?);
        if let (Ok(p), Ok(w)) = (part.cont_slice(), whole.cont_slice()) {
            // No value missing in either (the common case): compare the slices.
            for (b, (p, w)) in bad.iter_mut().zip(p.iter().zip(w)) {
                *b |= p > w;
            }
            continue;
        }
        for (b, (p, w)) in bad.iter_mut().zip(part.iter().zip(whole.iter())) {
            *b |= match (p, w) {
                (Some(p), Some(w)) => p > w,
                (None, None) => false,
                _ => true,
            };
        }
    }
    // A text `install_ok` that is none of the boolean spellings has no install state.
    // The state is present only where the text is, so equal missing counts mean none.
    if install == Install::Text
        && columns[times + 2].null_count() != columns[times + 3].null_count()
    {
        return Ok(all_bad(&bad));
    }
    Ok(BooleanChunked::from_slice("bad".into(), &bad).into_series())
}

/// The whole batch marked: something in it is wrong, and which row does not matter here.
fn all_bad(rows: &[bool]) -> Series {
    BooleanChunked::full("bad".into(), true, rows.len()).into_series()
}

/// Marks the rows whose value is present and breaks `rule`. Works on the raw value
/// slices (a missing value's slot holds some number, which the validity mask discards),
/// so the loop is plain arithmetic the compiler can vectorise.
fn mark_present(bad: &mut [bool], ca: &Float64Chunked, rule: impl Fn(f64) -> bool) {
    let mut at = 0;
    for arr in ca.downcast_iter() {
        let rows = &mut bad[at..at + arr.len()];
        let values = arr.values().as_slice();
        match arr.validity() {
            None => {
                for (b, &v) in rows.iter_mut().zip(values) {
                    *b |= rule(v);
                }
            }
            Some(valid) => {
                for ((b, &v), ok) in rows.iter_mut().zip(values).zip(valid.iter()) {
                    *b |= ok & rule(v);
                }
            }
        }
        at += arr.len();
    }
}

/// Why an endpoint group's keys are wrong, if they are: an empty vendor, client or
/// endpoint, or a role that is not one of [`Role::NAMES`].
pub fn bad_key(
    vendor: Option<&str>,
    client: Option<&str>,
    endpoint: Option<&str>,
    role: Option<&str>,
) -> Option<String> {
    for (what, v) in [
        ("vendor", vendor),
        ("client", client),
        ("endpoint", endpoint),
    ] {
        if v.is_none_or(str::is_empty) {
            return Some(format!("an empty {what}"));
        }
    }
    role.filter(|r| Role::from_name(r).is_none())
        .map(|r| format!("unknown role `{r}`"))
}
