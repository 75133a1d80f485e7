//! The pilot's row checks, for the fast path and for finding the rows to diagnose.
//!
//! Every row is checked by one function that polars calls on each batch of rows
//! (`map_many`, element-wise, so it streams): it walks each column once and marks the
//! rows that break a rule. Written as some forty polars expressions joined with `or`,
//! the same checks cost a quarter of the whole load.
//!
//! - [`bad_rows`] serves the fast path, on typed columns. The group keys (vendor, client,
//!   endpoint, role) are checked once per endpoint group after the aggregation, by
//!   [`bad_key`]. As it walks every batch anyway, it also hands the batch's incident
//!   times to the [`TimeSink`].
//! - [`suspect_rows`] serves the diagnosis, on text columns (a value polars cannot read
//!   as a number is itself a fault), and checks the keys on every row.
//!
//! A marked row says only that something is wrong: the cell-by-cell checks then find and
//! word each problem, with its line and column.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use polars::chunked_array::cast::CastOptions;
use polars::prelude::*;

use super::schema::{
    overlaps, EndpointAgg, Install, COUNTS, GAUGES, MAX_DAYS, MIN_DAYS, PAIRS, TIMES,
};
use super::times::TimeSink;
use crate::dataset::cells::{FALSE, MAX_COUNT, MAX_VALUE, TRUE};
use crate::dataset::dates::is_day;
use crate::dataset::types::Role;

/// Gauges that are percentages, at most 100.
const PERCENTS: [&str; 2] = ["cpu_overhead_pct", "telemetry_coverage_pct"];

/// The numeric columns the checks read, in the order they read them: days, the pairs
/// (part, whole), the other counts, the gauges, the times.
fn numeric() -> Vec<&'static str> {
    let mut c = vec!["days"];
    c.extend(PAIRS.iter().flat_map(|(part, whole)| [*part, *whole]));
    c.extend(COUNTS);
    c.extend(GAUGES);
    c.extend(TIMES); // last: `bad_rows` hands them to the time sink
    c
}

/// A boolean column computed by `check` from `names`, in that order.
fn udf(
    names: Vec<&'static str>,
    check: impl Fn(&[Column]) -> PolarsResult<Vec<bool>> + Send + Sync + 'static,
) -> Expr {
    let rest: Vec<Expr> = names[1..].iter().map(|c| col(*c)).collect();
    col(names[0])
        .map_many(
            move |columns: &mut [Column]| {
                let bad = check(columns)?;
                Ok(BooleanChunked::from_slice("bad".into(), &bad).into_column())
            },
            &rest,
            |_: &Schema, _: &[Field]| Ok(Field::new("bad".into(), DataType::Boolean)),
        )
        .alias("bad")
}

/// Fast path: `true` for each row that breaks a check, over typed columns (numbers as
/// `Float64`, `install_state` as computed from a text `install_ok`, `date` as text).
/// Each batch's incident times go to `times`.
pub fn bad_rows(install: Install, times: Arc<TimeSink>) -> Expr {
    let mut names = numeric();
    names.push("date");
    if install == Install::Text {
        names.extend(["install_ok", "install_state"]);
    }
    names.extend(TimeSink::KEYS);
    udf(names, move |columns| {
        let n = numeric().len();
        let keys = &columns[columns.len() - TimeSink::KEYS.len()..];
        times.take(keys, [&columns[n - 2], &columns[n - 1]])?;
        let floats: Vec<&Float64Chunked> = columns[..n]
            .iter()
            .map(Column::f64)
            .collect::<PolarsResult<_>>()?;
        let mut bad = vec![false; columns[0].len()];
        mark_numbers(&mut bad, &floats);
        mark_dates(&mut bad, columns[n].str()?);
        if install == Install::Text {
            // The state is present only where the text is, so equal missing counts
            // mean every text was a boolean spelling.
            let (text, state) = (&columns[n + 1], &columns[n + 2]);
            if text.null_count() != state.null_count() {
                for (b, (t, s)) in bad
                    .iter_mut()
                    .zip(text.str()?.iter().zip(state.u32()?.iter()))
                {
                    *b |= t.is_some() && s.is_none();
                }
            }
        }
        Ok(bad)
    })
}

/// What the diagnosis looks for besides the per-row rules: the known vendor ids, and
/// the endpoints the fast path found under two vendors in one period (all their rows
/// are suspects, so the cell checks can find the clash).
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub vendors: HashSet<String>,
    pub clashing_endpoints: HashSet<String>,
}

/// Diagnosis: `true` for each row that looks wrong, over text columns (every column of
/// the file read as text; absent optional columns as empty text).
pub fn suspect_rows(known: Arc<Known>) -> Expr {
    let mut names = numeric();
    let text = ["vendor", "client", "endpoint", "role", "date", "install_ok"];
    names.extend(text);
    udf(names, move |columns| {
        let n = numeric().len();
        let mut bad = vec![false; columns[0].len()];
        let mut floats = Vec::with_capacity(n);
        for c in &columns[..n] {
            let number = c.cast_with_options(&DataType::Float64, CastOptions::NonStrict)?;
            // Text that is not a number (once trimmed: the cell checks trim).
            for (b, (t, x)) in bad
                .iter_mut()
                .zip(c.str()?.iter().zip(number.f64()?.iter()))
            {
                *b |= x.is_none() && t.and_then(trimmed).is_some();
            }
            floats.push(number);
        }
        let floats: Vec<&Float64Chunked> = floats
            .iter()
            .map(Column::f64)
            .collect::<PolarsResult<_>>()?;
        mark_numbers(&mut bad, &floats);
        let text = |k: usize| columns[n + k].str();
        let (vendor, client, endpoint) = (text(0)?, text(1)?, text(2)?);
        let (role, date, install) = (text(3)?, text(4)?, text(5)?);
        mark_dates(&mut bad, date);
        let keys = cells(vendor)
            .zip(cells(client))
            .zip(cells(endpoint).zip(cells(role)));
        for (b, (((v, c), (e, r)), i)) in bad.iter_mut().zip(keys.zip(cells(install))) {
            *b |= bad_key(v, c, e, r).is_some()
                || v.is_some_and(|v| !known.vendors.contains(v))
                || e.is_some_and(|e| known.clashing_endpoints.contains(e))
                || i.is_some_and(|t| !TRUE.contains(&t) && !FALSE.contains(&t));
        }
        Ok(bad)
    })
}

/// A column's cells as the cell checks see them.
fn cells(c: &StringChunked) -> impl Iterator<Item = Option<&str>> {
    c.iter().map(|v| v.and_then(trimmed))
}

/// A cell's text as the cell checks see it: trimmed, `None` when empty.
fn trimmed(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

/// Marks the rows whose numbers break a rule; `floats` are in the order of [`numeric`].
fn mark_numbers(bad: &mut [bool], floats: &[&Float64Chunked]) {
    let (pairs, counts) = (1, 1 + 2 * PAIRS.len());
    let (gauges, times) = (counts + COUNTS.len(), counts + COUNTS.len() + GAUGES.len());
    // Days: present, from MIN_DAYS to MAX_DAYS.
    if floats[0].null_count() > 0 {
        for (b, d) in bad.iter_mut().zip(floats[0].iter()) {
            *b |= d.is_none();
        }
    }
    // The rules are written with `&` and `|`, not `&&` and `||`, so they have no branches
    // and a pass over a column compiles to vector instructions.
    #[allow(clippy::manual_range_contains)]
    mark_present(bad, floats[0], |d| !((d >= MIN_DAYS) & (d <= MAX_DAYS)));
    // Counts: whole numbers from 0 to MAX_COUNT.
    for f in &floats[pairs..gauges] {
        mark_present(bad, f, |x| !is_count(x));
    }
    // Gauges and times: from 0 to MAX_VALUE; percentages at most 100.
    for (i, f) in floats
        .iter()
        .enumerate()
        .take(times + TIMES.len())
        .skip(gauges)
    {
        let percent = GAUGES.get(i - gauges).is_some_and(|g| PERCENTS.contains(g));
        let top = if percent { 100.0 } else { MAX_VALUE };
        mark_present(bad, f, |x| !((0.0..=top).contains(&x)));
    }
    // Pairs: both or neither, the part no more than the whole.
    for k in 0..PAIRS.len() {
        let (part, whole) = (floats[pairs + 2 * k], floats[pairs + 2 * k + 1]);
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
}

/// Marks the rows with a date that is not a real `YYYY-MM-DD` day.
fn mark_dates(bad: &mut [bool], dates: &StringChunked) {
    for (b, d) in bad.iter_mut().zip(dates.iter()) {
        *b |= d.and_then(trimmed).is_some_and(|d| !is_day(d));
    }
}

/// Whether `x` is a whole number in `0..=MAX_COUNT`: below 2^52, adding and taking away
/// 2^52 rounds to a whole number, which equals `x` only if `x` is one. (The obvious
/// `(x as i64) as f64 == x` does not vectorise.)
fn is_count(x: f64) -> bool {
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    (0.0..=MAX_COUNT as f64).contains(&x) & ((x + TWO_52) - TWO_52 == x)
}

/// Marks the rows whose value is present and breaks `rule`. A first pass over the raw
/// values (missing values' slots included, whatever they hold) asks whether any breaks it
/// at all; clean columns, the common case, stop there. Only then are the rows marked,
/// the validity mask discarding missing values.
fn mark_present(bad: &mut [bool], ca: &Float64Chunked, rule: impl Fn(f64) -> bool) {
    let mut at = 0;
    for arr in ca.downcast_iter() {
        let rows = &mut bad[at..at + arr.len()];
        let values = arr.values().as_slice();
        at += arr.len();
        if !values.iter().fold(false, |any, &v| any | rule(v)) {
            continue;
        }
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

/// The endpoints under two vendors in overlapping periods (or without dates), sorted:
/// an endpoint runs one product at a time.
pub fn clashing_endpoints(aggs: &[EndpointAgg]) -> Vec<String> {
    let mut by_endpoint: HashMap<&str, Vec<&EndpointAgg>> = HashMap::new();
    for a in aggs {
        by_endpoint.entry(&a.endpoint).or_default().push(a);
    }
    let mut out: Vec<String> = by_endpoint
        .into_iter()
        .filter(|(_, groups)| {
            groups.iter().enumerate().any(|(i, a)| {
                groups[i + 1..]
                    .iter()
                    .any(|b| a.vendor != b.vendor && overlaps(period(a), period(b)))
            })
        })
        .map(|(e, _)| e.to_string())
        .collect();
    out.sort();
    out
}

/// An endpoint group's (first, last) date, `None` when undated.
fn period(a: &EndpointAgg) -> Option<(&String, &String)> {
    a.first_date.as_ref().zip(a.last_date.as_ref())
}

#[cfg(test)]
mod tests {
    use super::{is_count, MAX_COUNT};
    use proptest::prelude::*;

    proptest! {
        /// The branch-free test agrees with converting to an integer and back.
        #[test]
        fn is_count_agrees_with_the_integer_round_trip(
            x in prop_oneof![
                any::<f64>(),
                (0u64..1 << 20).prop_map(|n| n as f64),
                (0u64..1 << 20).prop_map(|n| n as f64 + 0.5),
                (0u64..u64::MAX).prop_map(|n| n as f64),
                (MAX_COUNT - 3..MAX_COUNT + 3).prop_map(|n| n as f64),
                Just(-0.0), Just(f64::INFINITY), Just(f64::NAN), Just(4_503_599_627_370_495.5),
                Just(4_611_686_018_427_387_904.0),
            ]
        ) {
            let reference = x >= 0.0 && x.is_finite() && x <= MAX_COUNT as f64 && (x as i64) as f64 == x;
            prop_assert_eq!(is_count(x), reference, "{}", x);
        }
    }
}
