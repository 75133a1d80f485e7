//! Reads `pricing`: tier bands per SKU, contiguous within each SKU, in one currency or
//! in currencies that `fx_rates` converts.

use std::collections::HashMap;

use super::cells::{Cells, MAX_VALUE};
use super::fx::Fx;
use super::table::TextTable;
use super::types::{AppliesTo, PriceRow};
use super::vendors::{vendor_of, VendorIndex};
use crate::problem::Problem;

/// Reads `pricing`.
pub fn read(
    t: &TextTable,
    index: &VendorIndex,
    fx: Option<&Fx>,
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
        let price = c.number(r, "price_per_seat_month", 0.0, MAX_VALUE);
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
                setup_fee: c.number(r, "setup_fee", 0.0, MAX_VALUE).unwrap_or(0.0),
                addon: c.slug(r, "addon", false).map(str::to_string),
            });
            rows.push(r);
        }
    }
    check_bands(&mut c, &out, &rows);
    check_currency(&mut c, &out, &rows, fx);
    c.finish(out)
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

/// One currency per dataset, unless `fx_rates` has a rate from each other currency to the first.
fn check_currency(c: &mut Cells, out: &[PriceRow], rows: &[usize], fx: Option<&Fx>) {
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
