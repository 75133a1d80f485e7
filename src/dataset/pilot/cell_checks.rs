//! The pilot file checked cell by cell, one problem per bad cell with its line and
//! column: the rows the diagnosis picked from a file the fast path refused, or a small
//! file whole. The rules are those of the row checks (`row_checks.rs`), worded.

use std::collections::HashMap;

use super::schema::{overlaps, MAX_DAYS, MIN_DAYS, PILOT_OPTIONAL, PILOT_REQUIRED};
use crate::dataset::cells::{Cells, MAX_VALUE};
use crate::dataset::dates::Date;
use crate::dataset::table::TextTable;
use crate::dataset::types::{PilotRow, Role};
use crate::dataset::vendors::{vendor_of, VendorIndex};
use crate::problem::Problem;

/// Reads `pilot_results` cell by cell.
pub fn read(t: &TextTable, index: &VendorIndex) -> Result<Vec<PilotRow>, Vec<Problem>> {
    let mut c = Cells::new(t, &PILOT_REQUIRED, &PILOT_OPTIONAL)?;
    let mut out = Vec::with_capacity(t.len());
    let mut spans = Spans::default();
    for r in 0..t.len() {
        let vendor = vendor_of(&mut c, r, index);
        let client = c.required(r, "client");
        let endpoint = c.required(r, "endpoint");
        // A row covers at least part of a day and at most ten years.
        let days = c.number(r, "days", MIN_DAYS, MAX_DAYS);
        if days.is_none() && c.text(r, "days").is_none() {
            c.problem(
                r,
                "days",
                "`days` is empty".into(),
                Some("the number of days the row covers, `1` for a daily row".into()),
            );
        }
        let role = c.choice(r, "role", &Role::NAMES).and_then(Role::from_name);
        let row = PilotRow {
            vendor: vendor.unwrap_or(0),
            client: client.unwrap_or_default().to_string(),
            endpoint: endpoint.unwrap_or_default().to_string(),
            role,
            os: c.text(r, "os").map(str::to_string),
            date: c.date(r, "date", false),
            days: days.unwrap_or(0.0),
            install_ok: c.boolean(r, "install_ok"),
            cpu_overhead_pct: c.number(r, "cpu_overhead_pct", 0.0, 100.0),
            memory_mb: c.number(r, "memory_mb", 0.0, MAX_VALUE),
            boot_delay_s: c.number(r, "boot_delay_s", 0.0, MAX_VALUE),
            scan_minutes: c.number(r, "scan_minutes", 0.0, MAX_VALUE),
            malware_samples: c.count(r, "malware_samples", 0),
            malware_detected: c.count(r, "malware_detected", 0),
            phishing_sims: c.count(r, "phishing_sims", 0),
            phishing_blocked: c.count(r, "phishing_blocked", 0),
            false_positives: c.count(r, "false_positives", 0),
            mttd_minutes: c.number(r, "mttd_minutes", 0.0, MAX_VALUE),
            mttr_minutes: c.number(r, "mttr_minutes", 0.0, MAX_VALUE),
            app_breakages: c.count(r, "app_breakages", 0),
            tickets: c.count(r, "tickets", 0),
            telemetry_coverage_pct: c.number(r, "telemetry_coverage_pct", 0.0, 100.0),
        };
        check_pair(
            &mut c,
            r,
            ("malware_detected", row.malware_detected),
            ("malware_samples", row.malware_samples),
        );
        check_pair(
            &mut c,
            r,
            ("phishing_blocked", row.phishing_blocked),
            ("phishing_sims", row.phishing_sims),
        );
        if let (Some(v), Some(e)) = (vendor, endpoint) {
            let group = (e.to_string(), v, row.client.clone(), role);
            spans.add(group, row.date, r);
        }
        if vendor.is_some() && client.is_some() && endpoint.is_some() && row.days > 0.0 {
            out.push(row);
        }
    }
    spans.clashes(&mut c, t, index);
    c.finish(out)
}

/// The dates of each endpoint group (endpoint, vendor, client, role), to find an
/// endpoint under two vendors in overlapping periods, by the fast path's rule
/// ([`overlaps`]): the groups' first-to-last date ranges overlap,
/// or one group has no dates.
#[derive(Default)]
struct Spans {
    groups: HashMap<(String, usize, String, Option<Role>), Span>,
}

/// A group's first and last dates, the row of its first date, and its first row.
struct Span {
    dates: Option<(Date, usize, Date)>,
    first_row: usize,
}

impl Span {
    /// (first, last) date, `None` when the group has no dates.
    fn period(&self) -> Option<(Date, Date)> {
        self.dates.map(|(first, _, last)| (first, last))
    }
}

impl Spans {
    fn add(&mut self, group: (String, usize, String, Option<Role>), date: Option<Date>, r: usize) {
        let span = self.groups.entry(group).or_insert(Span {
            dates: None,
            first_row: r,
        });
        if let Some(d) = date {
            span.dates = Some(match span.dates {
                None => (d, r, d),
                Some((first, _, last)) if d < first => (d, r, last.max(d)),
                Some((first, at, last)) => (first, at, last.max(d)),
            });
        }
    }

    /// One problem per clashing endpoint, on the row where the later of two overlapping
    /// periods starts.
    fn clashes(self, c: &mut Cells, t: &TextTable, index: &VendorIndex) {
        let mut by_endpoint: HashMap<&str, Vec<(usize, &Span)>> = HashMap::new();
        for ((e, v, _, _), span) in &self.groups {
            by_endpoint.entry(e).or_default().push((*v, span));
        }
        let mut endpoints: Vec<_> = by_endpoint.into_iter().collect();
        endpoints.sort_by_key(|(e, _)| *e);
        let name = |v: usize| {
            index
                .iter()
                .find(|(_, &i)| i == v)
                .map_or("?", |(id, _)| id.as_str())
        };
        for (e, mut groups) in endpoints {
            // In file order, so the same file always gets the same report.
            groups.sort_by_key(|(_, s)| s.first_row);
            let pair = groups.iter().enumerate().find_map(|(i, a)| {
                groups[i + 1..]
                    .iter()
                    .find(|b| a.0 != b.0 && overlaps(a.1.period(), b.1.period()))
                    .map(|b| (a, b))
            });
            let Some((a, b)) = pair else { continue };
            // The later start: by date when both have dates, else by row.
            let start = |s: &Span| s.dates.map_or(s.first_row, |(_, at, _)| at);
            let key = |s: &Span| (s.dates.map(|(first, _, _)| first), start(s));
            let (earlier, later) = match (a.1.dates, b.1.dates) {
                (Some(_), Some(_)) if key(a.1) <= key(b.1) => (a, b),
                (Some(_), Some(_)) => (b, a),
                _ if a.1.first_row <= b.1.first_row => (a, b),
                _ => (b, a),
            };
            let period = match earlier.1.dates {
                Some((first, _, last)) => format!("from {first} to {last}"),
                None => "without dates".to_string(),
            };
            c.problem(
                start(later.1),
                "endpoint",
                format!(
                    "endpoint `{e}` is also under `{}` {period} (from {}), a period this vendor's rows overlap",
                    name(earlier.0),
                    t.describe_row(start(earlier.1))
                ),
                Some("an endpoint runs one product at a time; give each trial its own dates or endpoint id".into()),
            );
        }
    }
}

/// `part <= whole`, and both present or both empty.
fn check_pair(
    c: &mut Cells,
    r: usize,
    part: (&'static str, Option<u64>),
    whole: (&'static str, Option<u64>),
) {
    let (pn, wn) = (part.0, whole.0);
    match (part.1, whole.1) {
        (Some(p), Some(w)) if p > w => c.problem(
            r,
            pn,
            format!("`{pn}` is {p}, more than `{wn}` {w}"),
            Some(format!("`{pn}` counts a subset of `{wn}`")),
        ),
        (Some(_), None) if c.text(r, wn).is_none() => c.problem(
            r,
            wn,
            format!("`{wn}` is empty while `{pn}` is given"),
            Some(format!("a rate needs both `{pn}` and `{wn}`")),
        ),
        (None, Some(_)) if c.text(r, pn).is_none() => c.problem(
            r,
            pn,
            format!("`{pn}` is empty while `{wn}` is given"),
            Some(format!(
                "a rate needs both `{pn}` and `{wn}`; write `0` when none"
            )),
        ),
        _ => {}
    }
}
