//! `pricing.csv`: tiered seat prices in USD per month. Each vendor sells one or two editions,
//! either as workstation and server SKUs or as one SKU for all, plus one or two optional add-ons,
//! on one set of billing terms.

use std::io::Write;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::common::{f2, opt, rng_for, Section};
use super::options::DemoOptions;
use super::profiles::{Entry, Profile};
use super::sink::Sink;

/// Columns of `pricing.csv`.
pub(super) const HEADER: &str = "vendor,sku,edition,applies_to,min_seats,max_seats,\
price_per_seat_month,currency,billing,term_months,min_commit_seats,setup_fee,addon";

/// Tier layouts: (min_seats, max_seats or open, discount on the first tier's price).
const TIER_LAYOUTS: [&[(u32, Option<u32>, f64)]; 3] = [
    &[(1, Some(49), 0.0), (50, Some(249), 0.07), (250, None, 0.14)],
    &[(1, Some(99), 0.0), (100, None, 0.10)],
    &[
        (1, Some(24), 0.0),
        (25, Some(99), 0.05),
        (100, Some(499), 0.10),
        (500, None, 0.15),
    ],
];
const PRICE_FLOOR: f64 = 2.50;
const PRICE_CEILING: f64 = 12.00;
/// How much dearer a server seat is than a workstation seat.
const SERVER_UPLIFT: f64 = 1.4;

/// Billing terms of a SKU.
#[derive(Clone, Copy)]
struct Terms {
    billing: &'static str,
    term_months: u32,
    commit: u32,
    setup_fee: u32,
}

/// One priced SKU before it is cut into tier rows.
struct Sku {
    id: String,
    edition: &'static str,
    applies_to: &'static str,
    /// Price of the first tier, before clamping.
    price: f64,
    tiers: &'static [(u32, Option<u32>, f64)],
    terms: Terms,
    addon: &'static str,
}

/// Every tier row of every SKU of every vendor.
pub(super) fn pricing_rows<W: Write>(opts: &DemoOptions, roster: &[Entry], out: &mut Sink<W>) {
    for entry in roster {
        let mut rng = rng_for(opts.seed, Section::Pricing, entry.index);
        for sku in vendor_skus(&mut rng, entry.profile) {
            sku_rows(entry.slug(), &sku, out);
        }
    }
}

/// A vendor's billing plan and the price factor it brings (monthly dearer, 3 years cheaper).
fn draw_terms(rng: &mut ChaCha8Rng) -> (Terms, f64) {
    let (billing, term_months, factor) = match rng.random_range(0..10) {
        0..=4 => ("annual", 12, 1.0),
        5 | 6 => ("annual", 36, 0.92),
        _ => ("monthly", 1, 1.10),
    };
    let commit = [0, 0, 0, 10, 25][rng.random_range(0..5)];
    let setup_fee = [0, 0, 0, 150, 250, 400][rng.random_range(0..6)];
    (
        Terms {
            billing,
            term_months,
            commit,
            setup_fee,
        },
        factor,
    )
}

/// Base SKUs: per edition either a workstation and a server SKU or one SKU for all.
fn vendor_skus(rng: &mut ChaCha8Rng, p: &Profile) -> Vec<Sku> {
    let tiers = TIER_LAYOUTS[rng.random_range(0..TIER_LAYOUTS.len())];
    let (terms, factor) = draw_terms(rng);
    let split = rng.random_bool(0.7);
    let jitter = rng.random_range(0.97..1.03);
    let editions: &[&'static str] = if p.editions == 2 {
        &["Core", "Advanced"]
    } else {
        &["Business"]
    };
    let kinds: &[(&str, &'static str, f64)] = if split {
        &[("ws", "workstation", 1.0), ("srv", "server", SERVER_UPLIFT)]
    } else {
        &[("all", "all", 1.15)]
    };
    let mut skus = Vec::new();
    for (e, &edition) in editions.iter().enumerate() {
        let ws = p.price * jitter * factor + 1.5 * e as f64;
        for &(short, applies_to, uplift) in kinds {
            skus.push(Sku {
                id: format!("{}-{}-{short}", p.slug, edition.to_lowercase()),
                edition,
                applies_to,
                price: ws * uplift,
                tiers,
                terms,
                addon: "",
            });
        }
    }
    let addon_terms = Terms {
        commit: 0,
        setup_fee: 0,
        ..terms
    };
    skus.extend(addon_skus(rng, p, addon_terms));
    skus
}

/// One or two optional extras, priced on their own.
fn addon_skus(rng: &mut ChaCha8Rng, p: &Profile, terms: Terms) -> Vec<Sku> {
    let mdr = Sku {
        id: format!("{}-mdr", p.slug),
        edition: "Managed Detection and Response",
        applies_to: "all",
        price: rng.random_range(4.0..6.0),
        tiers: TIER_LAYOUTS[1],
        terms: Terms {
            setup_fee: [0, 300][rng.random_range(0..2)],
            ..terms
        },
        addon: "mdr",
    };
    let patching = Sku {
        id: format!("{}-patching", p.slug),
        edition: "Patch Management",
        applies_to: "all",
        price: rng.random_range(2.5..3.2),
        tiers: &[(1, None, 0.0)],
        terms,
        addon: "patching",
    };
    match rng.random_range(0..3) {
        0 => vec![mdr],
        1 => vec![patching],
        _ => vec![mdr, patching],
    }
}

/// One row per tier band of a SKU.
fn sku_rows<W: Write>(vendor: &str, sku: &Sku, out: &mut Sink<W>) {
    // Keep the first tier high enough that the deepest discount stays above the floor.
    let deepest = sku.tiers.iter().map(|t| t.2).fold(0.0, f64::max);
    let base = sku
        .price
        .clamp(PRICE_FLOOR / (1.0 - deepest), PRICE_CEILING);
    let t = &sku.terms;
    let terms = [
        t.billing.to_string(),
        t.term_months.to_string(),
        t.commit.to_string(),
    ];
    for &(min, max, discount) in sku.tiers {
        let price = (base * (1.0 - discount)).clamp(PRICE_FLOOR, PRICE_CEILING);
        let (min, max) = (min.to_string(), opt(max.map(|m| m.to_string())));
        let band = [
            vendor,
            &sku.id,
            sku.edition,
            sku.applies_to,
            &min,
            &max,
            &f2(price),
            "USD",
        ];
        let rest = [
            &terms[0],
            &terms[1],
            &terms[2],
            &t.setup_fee.to_string(),
            sku.addon,
        ];
        out.push(band.into_iter().chain(rest));
    }
}

#[cfg(test)]
mod tests {
    use crate::demo::generate;
    use crate::demo::testkit::{count, num, opts, rows};
    use std::collections::BTreeMap;

    #[test]
    fn pricing_bands_are_contiguous_and_sane() {
        for seed in 0..20 {
            let files = generate(&opts(seed, 12, 1, 1)).unwrap();
            let mut bands = BTreeMap::<Vec<String>, Vec<(u64, Option<u64>)>>::new();
            let mut addons = BTreeMap::<String, usize>::new();
            for r in rows(&files, "pricing.csv") {
                let key = ["vendor", "sku", "edition", "applies_to", "addon"].map(|c| r[c].clone());
                bands
                    .entry(key.to_vec())
                    .or_default()
                    .push((count(&r, "min_seats").unwrap(), count(&r, "max_seats")));
                let price = num(&r, "price_per_seat_month").unwrap();
                assert!((2.5..=12.0).contains(&price), "{r:?}");
                assert_eq!(r["currency"], "USD");
                let terms = (r["billing"].as_str(), r["term_months"].as_str());
                assert!(
                    matches!(terms, ("annual", "12" | "36") | ("monthly", "1")),
                    "{r:?}"
                );
                assert!(["workstation", "server", "all"].contains(&r["applies_to"].as_str()));
                if !r["addon"].is_empty() {
                    *addons.entry(r["vendor"].clone()).or_default() += 1;
                }
            }
            for (key, mut tiers) in bands {
                tiers.sort();
                assert_eq!(tiers[0].0, 1, "{key:?} does not start at 1 seat");
                for pair in tiers.windows(2) {
                    let max = pair[0]
                        .1
                        .unwrap_or_else(|| panic!("{key:?}: open band not last"));
                    assert!(
                        pair[0].0 <= max && pair[1].0 == max + 1,
                        "{key:?}: {tiers:?}"
                    );
                }
                assert_eq!(tiers.last().unwrap().1, None, "{key:?}: last band not open");
            }
            assert_eq!(addons.len(), 13, "every vendor has an add-on");
        }
    }

    #[test]
    fn server_seats_cost_more_than_workstation_seats() {
        let files = generate(&opts(9, 12, 1, 1)).unwrap();
        let mut first_tier = BTreeMap::new();
        for r in rows(&files, "pricing.csv")
            .iter()
            .filter(|r| r["min_seats"] == "1")
        {
            let key = (
                r["vendor"].clone(),
                r["edition"].clone(),
                r["applies_to"].clone(),
            );
            first_tier.insert(key, num(r, "price_per_seat_month").unwrap());
        }
        for ((vendor, edition, applies_to), price) in &first_tier {
            if applies_to == "server" {
                let ws = first_tier[&(vendor.clone(), edition.clone(), "workstation".to_string())];
                assert!(*price > ws, "{vendor} {edition}");
            }
        }
    }
}
