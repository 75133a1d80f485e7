//! Reads `test_scores`: lab results per vendor, test, period and metric, each value in
//! the range of its unit, one unit per metric across the file.

use std::collections::HashMap;

use super::cells::{Cells, MAX_VALUE};
use super::table::TextTable;
use super::types::TestScore;
use super::vendors::{vendor_of, VendorIndex};
use crate::problem::Problem;

/// The bound of any lab value (docs/security.md).
const LIMIT: f64 = MAX_VALUE;

/// The columns that name a lab result: a file has one row per key (a second is a
/// duplicate), and `diff` matches rows by it.
pub const KEY: [&str; 6] = [
    "lab",
    "test",
    "period_start",
    "period_end",
    "vendor",
    "metric",
];

/// Reads `test_scores`.
pub fn read(t: &TextTable, index: &VendorIndex) -> Result<Vec<TestScore>, Vec<Problem>> {
    let req: Vec<&str> = KEY.into_iter().chain(["value", "unit"]).collect();
    let mut c = Cells::new(t, &req, &["samples", "source"])?;
    let mut out = Vec::new();
    let mut seen = HashMap::new();
    let mut units: HashMap<String, (String, usize)> = HashMap::new();
    for r in 0..t.len() {
        let lab = c.required(r, "lab");
        let test = c.required(r, "test");
        let start = c.date(r, "period_start", true);
        let end = c.date(r, "period_end", true);
        let vendor = vendor_of(&mut c, r, index);
        let metric = c.slug(r, "metric", true);
        let unit = c.slug(r, "unit", true);
        let (lo, hi) = unit.map_or((-LIMIT, LIMIT), unit_range);
        let value = c.number(r, "value", lo, hi);
        if value.is_none() && c.text(r, "value").is_none() {
            c.problem(
                r,
                "value",
                "`value` is empty".into(),
                Some("every lab result needs a value".into()),
            );
        }
        let samples = c.count(r, "samples", 1);
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                c.problem(
                    r,
                    "period_end",
                    format!("`period_end` {e} is before `period_start` {s}"),
                    None,
                );
            }
        }
        if let (Some(lab), Some(test), Some(s), Some(e), Some(v), Some(m), Some(x), Some(u)) =
            (lab, test, start, end, vendor, metric, value, unit)
        {
            if let Some(first) = seen.insert((lab, test, s, e, v, m), r) {
                let first = t.describe_row(first);
                c.problem(r, "metric", format!("duplicate result for `{m}` of this vendor, lab, test and period (first on {first})"), Some("keep one row per lab, test, period, vendor and metric".into()));
                continue;
            }
            match units.get(m) {
                Some((u0, first)) if u0 != u => {
                    let first = t.describe_row(*first);
                    c.problem(r, "unit", format!("`{m}` is in `{u}` here but in `{u0}` on {first}"), Some("one metric has one unit across the file; convert the values or name the metrics apart".into()));
                    continue;
                }
                Some(_) => {}
                None => {
                    units.insert(m.to_string(), (u.to_string(), r));
                }
            }
            out.push(TestScore {
                lab: lab.into(),
                test: test.into(),
                period_start: s,
                period_end: e,
                vendor: v,
                metric: m.into(),
                value: x,
                unit: u.into(),
                samples,
                source: c.text(r, "source").map(str::to_string),
            });
        }
    }
    c.finish(out)
}

/// The valid range of a value in a unit; unknown units accept any finite number.
pub fn unit_range(unit: &str) -> (f64, f64) {
    match unit {
        "percent" => (0.0, 100.0),
        "ratio" => (0.0, 1.0),
        "count" => (0.0, LIMIT),
        u => match u
            .strip_prefix("score_0_")
            .and_then(|n| n.parse::<f64>().ok())
        {
            Some(max) => (0.0, max.min(LIMIT)),
            None => (-LIMIT, LIMIT),
        },
    }
}
