//! Hand-checked fleets: tier boundaries, minimum commitments, partial terms, billing
//! preference, add-ons, migration labour and missing prices.

use super::*;
use crate::dataset::{AppliesTo, PriceRow};

const USD: Currency = Currency {
    target: "USD",
    fx: None,
};

fn row(sku: &str, applies: AppliesTo, lo: u64, hi: Option<u64>, price: f64) -> PriceRow {
    PriceRow {
        vendor: 0,
        sku: sku.into(),
        edition: "std".into(),
        applies_to: applies,
        min_seats: lo,
        max_seats: hi,
        price_per_seat_month: price,
        currency: "USD".into(),
        annual: false,
        term_months: 1,
        min_commit_seats: 0,
        setup_fee: 0.0,
        addon: None,
    }
}

fn ctx(ws: u64, srv: u64, dc: u64, horizon: u64) -> PricingContext {
    PricingContext {
        fleet: Fleet {
            workstations: ws,
            servers: srv,
            domain_controllers: dc,
        },
        horizon_months: horizon,
        ..PricingContext::default()
    }
}

fn tiers() -> Vec<PriceRow> {
    vec![
        row("ws", AppliesTo::Workstation, 1, Some(49), 5.0),
        row("ws", AppliesTo::Workstation, 50, Some(249), 4.0),
        row("ws", AppliesTo::Workstation, 250, None, 3.0),
        row("srv", AppliesTo::Server, 1, None, 10.0),
    ]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn tier_boundaries() {
    // Exactly at min_seats of the middle band, one below it, one over its max_seats.
    for (ws, price) in [(50, 4.0), (49, 5.0), (249, 4.0), (250, 3.0)] {
        let q = quote(&tiers(), 0, &ctx(ws, 0, 0, 12), None, USD).unwrap();
        assert!(
            close(q.monthly(), ws as f64 * price),
            "{ws}: {}",
            q.monthly()
        );
        assert!(close(q.subscriptions(), ws as f64 * price * 12.0));
    }
}

#[test]
fn domain_controllers_are_priced_as_servers() {
    let q = quote(&tiers(), 0, &ctx(10, 2, 1, 12), None, USD).unwrap();
    assert!(close(q.monthly(), 10.0 * 5.0 + 3.0 * 10.0));
    assert!(close(q.per_endpoint_month(), 80.0 / 13.0));
}

#[test]
fn minimum_commitment_above_the_fleet() {
    let mut r = row("all", AppliesTo::All, 1, None, 3.0);
    r.min_commit_seats = 25;
    let q = quote(&[r], 0, &ctx(10, 0, 0, 12), None, USD).unwrap();
    assert!(close(q.monthly(), 75.0));
    assert!(close(q.per_endpoint_month(), 7.5));
    assert!(q.lines[0]
        .description
        .contains("minimum commitment 25 seats"));
}

#[test]
fn annual_billing_of_a_partial_year_pays_whole_terms() {
    let mut r = row("all", AppliesTo::All, 1, None, 4.0);
    r.annual = true;
    r.term_months = 12;
    let q = quote(&[r], 0, &ctx(10, 0, 0, 18), None, USD).unwrap();
    assert_eq!(q.lines[0].months, 24);
    assert!(close(q.subscriptions(), 10.0 * 4.0 * 24.0));
    // Spread over the 18 months the client uses it.
    assert!(close(q.per_endpoint_month(), 960.0 / 18.0 / 10.0));
}

#[test]
fn setup_fee_is_one_off() {
    let mut r = row("all", AppliesTo::All, 1, None, 3.0);
    r.setup_fee = 360.0;
    let q = quote(&[r], 0, &ctx(10, 0, 0, 12), None, USD).unwrap();
    assert!(close(q.setup(), 360.0));
    assert!(close(q.tco(), 360.0 + 360.0));
}

#[test]
fn billing_preference_and_the_cheaper_when_any() {
    let monthly = row("all", AppliesTo::All, 1, None, 5.0);
    let mut annual = row("all", AppliesTo::All, 1, None, 4.0);
    annual.annual = true;
    annual.term_months = 12;
    let rows = vec![monthly, annual];
    // 12 months: annual 4 x 12 = 48 per seat beats monthly 60.
    let q = quote(&rows, 0, &ctx(1, 0, 0, 12), None, USD).unwrap();
    assert!(close(q.subscriptions(), 48.0));
    // 13 months: annual pays 24 months (96), monthly 65: monthly wins.
    let q = quote(&rows, 0, &ctx(1, 0, 0, 13), None, USD).unwrap();
    assert!(close(q.subscriptions(), 65.0));
    let mut c = ctx(1, 0, 0, 12);
    c.billing = Billing::Monthly;
    assert!(close(
        quote(&rows, 0, &c, None, USD).unwrap().subscriptions(),
        60.0
    ));
    c.billing = Billing::Annual;
    let only_monthly = vec![row("all", AppliesTo::All, 1, None, 5.0)];
    let q = quote(&only_monthly, 0, &c, None, USD).unwrap();
    assert!(
        q.lines[0]
            .description
            .contains("annual billing not offered"),
        "{}",
        q.lines[0].description
    );
}

#[test]
fn addons_are_added_and_a_missing_one_is_a_reason() {
    let mut rows = tiers();
    let mut mdr = row("mdr", AppliesTo::All, 1, None, 2.0);
    mdr.addon = Some("mdr".into());
    rows.push(mdr);
    let mut c = ctx(10, 1, 0, 12);
    c.addons = vec!["mdr".into()];
    let q = quote(&rows, 0, &c, None, USD).unwrap();
    assert!(close(q.monthly(), 10.0 * 5.0 + 10.0 + 11.0 * 2.0));
    c.addons = vec!["patching".into()];
    assert_eq!(
        quote(&rows, 0, &c, None, USD).unwrap_err(),
        "edition `std`: add-on `patching` is not offered"
    );
}

#[test]
fn a_missing_price_for_a_role_the_client_has_is_a_reason() {
    let rows = vec![row("ws", AppliesTo::Workstation, 1, None, 5.0)];
    let err = quote(&rows, 0, &ctx(10, 0, 1, 12), None, USD).unwrap_err();
    assert_eq!(
        err,
        "edition `std`: no price for servers (domain controllers are priced as servers)"
    );
    // Without servers in the fleet the same prices are complete.
    assert!(quote(&rows, 0, &ctx(10, 0, 0, 12), None, USD).is_ok());
}

#[test]
fn a_fleet_beyond_every_band_is_a_reason() {
    let rows = vec![row("ws", AppliesTo::All, 1, Some(100), 5.0)];
    let err = quote(&rows, 0, &ctx(101, 0, 0, 12), None, USD).unwrap_err();
    assert!(
        err.contains("no tier band of SKU `ws` holds 101 seats"),
        "{err}"
    );
}

#[test]
fn the_cheapest_complete_edition_wins() {
    let mut pro = row("pro", AppliesTo::All, 1, None, 3.0);
    pro.edition = "pro".into();
    let mut rows = tiers();
    rows.push(pro);
    let q = quote(&rows, 0, &ctx(10, 1, 0, 12), None, USD).unwrap();
    assert_eq!(q.edition, "pro");
}

#[test]
fn migration_labour_follows_rmm_deployment() {
    let mut c = ctx(10, 0, 0, 12);
    c.rmm = Some("ninjaone".into());
    c.migration = Some(Migration {
        labour_rate: 100.0,
        hours_per_endpoint: 0.5,
        hours_per_exclusion: 0.25,
        exclusions: 40,
        partial_deploy_factor: 1.5,
        manual_deploy_factor: 3.0,
        planned: None,
    });
    let rows = vec![row("all", AppliesTo::All, 1, None, 5.0)];
    let cost = |deploy| quote(&rows, 0, &c, deploy, USD).unwrap().migration();
    // 10 x 0.5 h x factor + 40 x 0.25 h, at 100 per hour.
    assert!(close(cost(Some(1.0)), (5.0 + 10.0) * 100.0));
    assert!(close(cost(Some(0.5)), (7.5 + 10.0) * 100.0));
    assert!(close(cost(None), (15.0 + 10.0) * 100.0));
    let q = quote(&rows, 0, &c, Some(1.0), USD).unwrap();
    assert!(close(q.tco(), 600.0 + 1500.0));
    // The product's own cost per endpoint-month leaves labour out.
    assert!(close(q.per_endpoint_month(), 5.0));
}

#[test]
fn migration_labour_of_the_plan_counts_its_devices_and_unmanaged_ones_by_hand() {
    let mut c = ctx(10, 0, 0, 12);
    c.rmm = Some("ninjaone".into());
    c.migration = Some(Migration {
        labour_rate: 100.0,
        hours_per_endpoint: 0.5,
        hours_per_exclusion: 0.25,
        exclusions: 40,
        partial_deploy_factor: 1.5,
        manual_deploy_factor: 3.0,
        planned: Some(crate::cost::PlannedDevices {
            managed: 7,
            unmanaged: 2,
        }),
    });
    let rows = vec![row("all", AppliesTo::All, 1, None, 5.0)];
    let cost = |deploy| quote(&rows, 0, &c, deploy, USD).unwrap().migration();
    // 7 x 0.5 h x factor + 2 x 0.5 h x 3 (unmanaged: by hand) + 40 x 0.25 h, at 100.
    assert!(close(cost(Some(1.0)), (3.5 + 3.0 + 10.0) * 100.0));
    assert!(close(cost(Some(0.5)), (5.25 + 3.0 + 10.0) * 100.0));
    assert!(close(cost(None), (10.5 + 3.0 + 10.0) * 100.0));
    let q = quote(&rows, 0, &c, Some(1.0), USD).unwrap();
    let texts: Vec<&str> = q.lines.iter().map(|l| l.description.as_str()).collect();
    assert!(texts.contains(&"deploy 7 managed devices from the migration plan at 0.5 h each (deploys from `ninjaone`)"), "{texts:?}");
    assert!(texts.contains(&"deploy 2 unmanaged devices from the migration plan at 1.5 h each (no RMM agent, manual x3)"), "{texts:?}");
}

#[test]
fn prices_in_another_currency_are_converted() {
    let mut eur = row("all", AppliesTo::All, 1, None, 4.0);
    eur.currency = "EUR".into();
    eur.setup_fee = 100.0;
    let mut fx = crate::dataset::Fx::default();
    fx.insert("EUR", "USD", 1.25);
    let q = quote(
        &[eur.clone()],
        0,
        &ctx(10, 0, 0, 12),
        None,
        Currency {
            target: "USD",
            fx: Some(&fx),
        },
    )
    .unwrap();
    assert_eq!(q.currency, "USD");
    assert!(close(q.monthly(), 10.0 * 5.0));
    assert!(close(q.setup(), 125.0));
    assert!(
        q.lines[0]
            .description
            .contains("(converted from EUR at 1.25)"),
        "{}",
        q.lines[0].description
    );
    // The inverse direction is derived; no rate at all is a reason.
    let q = quote(
        &[row("all", AppliesTo::All, 1, None, 5.0)],
        0,
        &ctx(10, 0, 0, 12),
        None,
        Currency {
            target: "EUR",
            fx: Some(&fx),
        },
    )
    .unwrap();
    assert!(close(q.monthly(), 40.0));
    let err = quote(
        &[eur],
        0,
        &ctx(10, 0, 0, 12),
        None,
        Currency {
            target: "GBP",
            fx: Some(&fx),
        },
    )
    .unwrap_err();
    assert!(
        err.contains("no exchange rate from `EUR` to `GBP`"),
        "{err}"
    );
}
