//! Reads `rmm_checks`: the result of each RMM/PSA integration check per vendor, one per
//! vendor, platform, check and date.

use std::collections::HashMap;

use super::cells::Cells;
use super::table::TextTable;
use super::types::{CheckResult, RmmCheck};
use super::vendors::{vendor_of, VendorIndex};
use crate::problem::Problem;

/// Reads `rmm_checks`.
pub fn read(t: &TextTable, index: &VendorIndex) -> Result<Vec<RmmCheck>, Vec<Problem>> {
    let mut c = Cells::new(
        t,
        &["vendor", "platform", "check", "result"],
        &["evidence", "checked_on"],
    )?;
    let mut out = Vec::new();
    let mut seen = HashMap::new();
    for r in 0..t.len() {
        let vendor = vendor_of(&mut c, r, index);
        let platform = c.slug(r, "platform", true);
        let check = c.slug(r, "check", true);
        let result = c.choice(r, "result", &CheckResult::NAMES);
        if result.is_none() && c.text(r, "result").is_none() {
            c.problem(
                r,
                "result",
                "`result` is empty".into(),
                Some("expected `pass`, `partial`, `fail` or `untested`".into()),
            );
        }
        let checked_on = c.date(r, "checked_on", false);
        if let (Some(v), Some(p), Some(k), Some(res)) = (vendor, platform, check, result) {
            if let Some(first) = seen.insert((v, p, k, checked_on), r) {
                let first = t.describe_row(first);
                c.problem(
                    r,
                    "check",
                    format!(
                        "duplicate check `{p}`/`{k}` for this vendor and date (first on {first})"
                    ),
                    Some(
                        "a re-check needs its own `checked_on` date; the latest one counts".into(),
                    ),
                );
                continue;
            }
            out.push(RmmCheck {
                vendor: v,
                platform: p.into(),
                check: k.into(),
                result: match res {
                    "pass" => CheckResult::Pass,
                    "partial" => CheckResult::Partial,
                    "fail" => CheckResult::Fail,
                    _ => CheckResult::Untested,
                },
                evidence: c.text(r, "evidence").map(str::to_string),
                checked_on,
            });
        }
    }
    c.finish(out)
}
