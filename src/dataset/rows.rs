//! Turns each evidence file's text table into typed rows, one problem per bad cell.
//!
//! Per-row checks live here (types, ranges, `detected <= samples`); checks across rows
//! (duplicates, tier bands, units) live in `checks.rs`.

use std::collections::HashMap;

use super::cells::Cells;
use super::pilot_checks::overlaps;
use super::table::TextTable;
use super::types::*;
use crate::problem::{suggest, Problem};

const INF: f64 = f64::INFINITY;

/// Vendor ids to their index, for resolving the `vendor` column of other files.
pub type VendorIndex = HashMap<String, usize>;

/// Reads `vendors`.
pub fn vendors(t: &TextTable) -> Result<Vec<Vendor>, Vec<Problem>> {
    let mut c = Cells::new(
        t,
        &["vendor", "name"],
        &["hq_country", "restrictions", "notes"],
    )?;
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in 0..t.len() {
        let id = c.slug(r, "vendor", true);
        let name = c.required(r, "name");
        let hq = c.text(r, "hq_country");
        if let Some(h) = hq {
            if h.len() != 2 || !h.bytes().all(|b| b.is_ascii_uppercase()) {
                c.problem(r, "hq_country", format!("`hq_country` is `{h}`, not an ISO 3166 alpha-2 code"), Some("expected two upper-case letters such as `US`, `GB` or `DE`, or an empty cell".into()));
            }
        }
        let restrictions: Vec<String> = c
            .text(r, "restrictions")
            .map(|s| {
                s.split(';')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        if let Some(first) = seen.insert(id.to_string(), r) {
            let first = t.describe_row(first);
            c.problem(
                r,
                "vendor",
                format!("duplicate vendor id `{id}` (first on {first})"),
                Some("each vendor appears once in vendors; give each product its own id".into()),
            );
            continue;
        }
        out.push(Vendor {
            id: id.to_string(),
            name: name.to_string(),
            hq_country: hq.map(str::to_string),
            restrictions,
            notes: c.text(r, "notes").map(str::to_string),
        });
    }
    if out.is_empty() && c.problems.is_empty() {
        c.problems.push(
            Problem::file(&t.file, "no vendors listed")
                .hint("add one row per vendor under the header"),
        );
    }
    finish(c, out)
}

/// Resolves the `vendor` column against the vendors file.
fn vendor_of(c: &mut Cells, r: usize, index: &VendorIndex) -> Option<usize> {
    let id = c.required(r, "vendor")?;
    match index.get(id) {
        Some(&v) => Some(v),
        None => {
            let hint = suggest(id, index.keys().map(String::as_str))
                .map(|h| format!("{h} add `{id}` to vendors or correct the id"))
                .unwrap_or_else(|| format!("add `{id}` to vendors or correct the id"));
            c.problem(
                r,
                "vendor",
                format!("unknown vendor `{id}` (not in vendors)"),
                Some(hint),
            );
            None
        }
    }
}

/// Reads `test_scores`.
pub fn test_scores(t: &TextTable, index: &VendorIndex) -> Result<Vec<TestScore>, Vec<Problem>> {
    let req = [
        "lab",
        "test",
        "period_start",
        "period_end",
        "vendor",
        "metric",
        "value",
        "unit",
    ];
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
        let (lo, hi) = unit.map_or((-INF, INF), unit_range);
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
    finish(c, out)
}

/// The valid range of a value in a unit; unknown units accept any finite number.
pub fn unit_range(unit: &str) -> (f64, f64) {
    match unit {
        "percent" => (0.0, 100.0),
        "ratio" => (0.0, 1.0),
        "count" => (0.0, INF),
        u => match u
            .strip_prefix("score_0_")
            .and_then(|n| n.parse::<f64>().ok())
        {
            Some(max) => (0.0, max),
            None => (-INF, INF),
        },
    }
}

/// The pilot file's columns, required first.
pub const PILOT_REQUIRED: [&str; 4] = ["vendor", "client", "endpoint", "days"];
/// Optional pilot columns.
pub const PILOT_OPTIONAL: [&str; 18] = [
    "role",
    "os",
    "date",
    "install_ok",
    "cpu_overhead_pct",
    "memory_mb",
    "boot_delay_s",
    "scan_minutes",
    "malware_samples",
    "malware_detected",
    "phishing_sims",
    "phishing_blocked",
    "false_positives",
    "mttd_minutes",
    "mttr_minutes",
    "app_breakages",
    "tickets",
    "telemetry_coverage_pct",
];

/// Reads `pilot_results`.
pub fn pilot(t: &TextTable, index: &VendorIndex) -> Result<Vec<PilotRow>, Vec<Problem>> {
    let mut c = Cells::new(t, &PILOT_REQUIRED, &PILOT_OPTIONAL)?;
    let mut out = Vec::with_capacity(t.len());
    let mut spans = Spans::default();
    for r in 0..t.len() {
        let vendor = vendor_of(&mut c, r, index);
        let client = c.required(r, "client");
        let endpoint = c.required(r, "endpoint");
        let days = c.number(r, "days", 0.0, INF);
        if days == Some(0.0) {
            c.problem(
                r,
                "days",
                "`days` is `0`".into(),
                Some("a row covers at least part of a day; expected a number > 0".into()),
            );
        } else if days.is_none() && c.text(r, "days").is_none() {
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
            memory_mb: c.number(r, "memory_mb", 0.0, INF),
            boot_delay_s: c.number(r, "boot_delay_s", 0.0, INF),
            scan_minutes: c.number(r, "scan_minutes", 0.0, INF),
            malware_samples: c.count(r, "malware_samples", 0),
            malware_detected: c.count(r, "malware_detected", 0),
            phishing_sims: c.count(r, "phishing_sims", 0),
            phishing_blocked: c.count(r, "phishing_blocked", 0),
            false_positives: c.count(r, "false_positives", 0),
            mttd_minutes: c.number(r, "mttd_minutes", 0.0, INF),
            mttr_minutes: c.number(r, "mttr_minutes", 0.0, INF),
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
    finish(c, out)
}

/// The dates of each endpoint group (endpoint, vendor, client, role), to find an
/// endpoint under two vendors in overlapping periods, by the fast path's rule
/// (`pilot_checks::overlaps`): the groups' first-to-last date ranges overlap,
/// or one group has no dates.
#[derive(Default)]
struct Spans {
    groups: HashMap<(String, usize, String, Option<Role>), Span>,
}

/// A group's first and last dates, the row of its first date, and its first row.
struct Span {
    dates: Option<(super::cells::Date, usize, super::cells::Date)>,
    first_row: usize,
}

impl Span {
    /// (first, last) date, `None` when the group has no dates.
    fn period(&self) -> Option<(super::cells::Date, super::cells::Date)> {
        self.dates.map(|(first, _, last)| (first, last))
    }
}

impl Spans {
    fn add(
        &mut self,
        group: (String, usize, String, Option<Role>),
        date: Option<super::cells::Date>,
        r: usize,
    ) {
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

/// Reads `pricing`.
pub fn pricing(
    t: &TextTable,
    index: &VendorIndex,
    fx: Option<&super::fx::Fx>,
) -> Result<Vec<PriceRow>, Vec<Problem>> {
    let req = [
        "vendor",
        "sku",
        "edition",
        "applies_to",
        "min_seats",
        "price_per_seat_month",
        "currency",
        "billing",
    ];
    let opt = [
        "max_seats",
        "term_months",
        "min_commit_seats",
        "setup_fee",
        "addon",
    ];
    let mut c = Cells::new(t, &req, &opt)?;
    let mut out = Vec::new();
    let mut rows = Vec::new();
    for r in 0..t.len() {
        let vendor = vendor_of(&mut c, r, index);
        let sku = c.required(r, "sku");
        let edition = c.required(r, "edition");
        let applies = c.choice(r, "applies_to", &["workstation", "server", "all"]);
        if applies.is_none() && c.text(r, "applies_to").is_none() {
            c.problem(
                r,
                "applies_to",
                "`applies_to` is empty".into(),
                Some("expected `workstation`, `server` or `all`".into()),
            );
        }
        let min_seats = c.count(r, "min_seats", 1);
        let max_seats = c.count(r, "max_seats", 1);
        if let (Some(lo), Some(hi)) = (min_seats, max_seats) {
            if hi < lo {
                c.problem(
                    r,
                    "max_seats",
                    format!("`max_seats` {hi} is below `min_seats` {lo}"),
                    Some("leave `max_seats` empty for an open top band".into()),
                );
            }
        }
        let price = c.number(r, "price_per_seat_month", 0.0, INF);
        let currency = c.required(r, "currency");
        if let Some(cur) = currency {
            if cur.len() != 3 || !cur.bytes().all(|b| b.is_ascii_uppercase()) {
                c.problem(
                    r,
                    "currency",
                    format!("`currency` is `{cur}`, not an ISO 4217 code"),
                    Some("expected three upper-case letters such as `USD`".into()),
                );
            }
        }
        let billing = c.choice(r, "billing", &["monthly", "annual"]);
        let term = c
            .count(r, "term_months", 1)
            .unwrap_or(if billing == Some("annual") { 12 } else { 1 });
        let row = (
            vendor, sku, edition, applies, min_seats, price, currency, billing,
        );
        if let (Some(v), Some(s), Some(e), Some(a), Some(lo), Some(p), Some(cur), Some(b)) = row {
            out.push(PriceRow {
                vendor: v,
                sku: s.into(),
                edition: e.into(),
                applies_to: match a {
                    "workstation" => AppliesTo::Workstation,
                    "server" => AppliesTo::Server,
                    _ => AppliesTo::All,
                },
                min_seats: lo,
                max_seats,
                price_per_seat_month: p,
                currency: cur.into(),
                annual: b == "annual",
                term_months: term,
                min_commit_seats: c.count(r, "min_commit_seats", 0).unwrap_or(0),
                setup_fee: c.number(r, "setup_fee", 0.0, INF).unwrap_or(0.0),
                addon: c.slug(r, "addon", false).map(str::to_string),
            });
            rows.push(r);
        }
    }
    check_bands(&mut c, &out, &rows);
    check_currency(&mut c, &out, &rows, fx);
    finish(c, out)
}

/// Tier bands of one SKU (vendor, sku, edition, applies_to, add-on) must neither
/// overlap nor leave a gap.
fn check_bands(c: &mut Cells, out: &[PriceRow], rows: &[usize]) {
    type Sku<'a> = (usize, &'a str, &'a str, AppliesTo, Option<&'a str>);
    let mut groups: HashMap<Sku, Vec<usize>> = HashMap::new();
    for (i, p) in out.iter().enumerate() {
        groups
            .entry((
                p.vendor,
                &p.sku,
                &p.edition,
                p.applies_to,
                p.addon.as_deref(),
            ))
            .or_default()
            .push(i);
    }
    let mut found = Vec::new();
    for members in groups.values_mut() {
        members.sort_by_key(|&i| out[i].min_seats);
        for pair in members.windows(2) {
            let (a, b) = (&out[pair[0]], &out[pair[1]]);
            let prev_end = a.max_seats.map_or("open".to_string(), |m| m.to_string());
            let first = c.table.describe_row(rows[pair[0]]);
            match a.max_seats {
                Some(m) if b.min_seats == m + 1 => {}
                Some(m) if b.min_seats > m + 1 => found.push((rows[pair[1]], format!("tier band starts at {} seats, leaving a gap after the band ending at {m} on {first}", b.min_seats))),
                _ => found.push((rows[pair[1]], format!("tier band starting at {} seats overlaps the band {}-{prev_end} on {first}", b.min_seats, a.min_seats))),
            }
        }
    }
    found.sort();
    for (r, msg) in found {
        c.problem(
            r,
            "min_seats",
            msg,
            Some(
                "bands of one SKU are contiguous: each starts one seat after the previous ends"
                    .into(),
            ),
        );
    }
}

/// One currency per dataset: converting needs a rate table, which a dataset does not carry yet.
fn check_currency(c: &mut Cells, out: &[PriceRow], rows: &[usize], fx: Option<&super::fx::Fx>) {
    let Some(first) = out.first() else { return };
    for (p, &r) in out.iter().zip(rows) {
        if p.currency == first.currency {
            continue;
        }
        let at = c.table.describe_row(rows[0]);
        match fx {
            Some(fx) if fx.rate(&p.currency, &first.currency).is_some() => {}
            Some(_) => c.problem(r, "currency", format!("no rate between `{}` and `{}` (used on {at}) in fx_rates", p.currency, first.currency), Some("add a row `from,to,rate` to fx_rates.csv".into())),
            None => c.problem(r, "currency", format!("`currency` is `{}` but `{}` on {at}", p.currency, first.currency), Some("prices in several currencies need a conversion table, fx_rates.csv (`from`, `to`, `rate`); see docs/data-formats.md".into())),
        }
    }
}

/// Reads `rmm_checks`.
pub fn rmm_checks(t: &TextTable, index: &VendorIndex) -> Result<Vec<RmmCheck>, Vec<Problem>> {
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
    finish(c, out)
}

fn finish<T>(c: Cells, rows: Vec<T>) -> Result<Vec<T>, Vec<Problem>> {
    if c.problems.is_empty() {
        Ok(rows)
    } else {
        Err(c.problems)
    }
}
