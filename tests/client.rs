//! Client profiles end to end: pricing a client's fleet, constraints as gates, weight
//! overrides, the `cost` command and its line items, and bad profiles.

mod common;

use common::*;
use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().current_dir(repo("")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn vendor<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["vendor"] == id)
        .unwrap()
}

/// Brindlewick for the dental office, by hand from datasets/demo/pricing.csv: its `all`
/// SKU `brindlewick-core-all`, band 1-49 at 3.34 per seat-month, annual on a 36-month term,
/// no setup fee: 35 x 3.34 x 36 = 4208.40. Migration, by the plan of the office's
/// inventory: 33 devices to move (35, less one without antivirus and one stale), 3 of
/// them unmanaged; it deploys from NinjaOne (pass), so 30 x 0.25 h + 3 x 0.25 h x 3 (by
/// hand) + 30 exclusions x 0.5 h = 7.5 + 2.25 + 15 = 24.75 h at 95 = 2351.25. TCO 6559.65.
#[test]
fn cost_of_the_dental_office_is_traceable() {
    let (code, out, err) = run(&["cost", "--client", "dental-35", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["fleet"]["workstations"], 32);
    let b = vendor(&doc, "brindlewick");
    let near = |v: &Value, x: f64| (v.as_f64().unwrap() - x).abs() < 1e-6;
    assert!(near(&b["subscriptions"], 4208.40), "{b}");
    assert!(near(&b["migration"], 2351.25), "{b}");
    assert!(near(&b["tco"], 6559.65), "{b}");
    let lines: f64 = b["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["amount"].as_f64().unwrap())
        .sum();
    assert!((lines - 6559.65).abs() < 1e-6);
    // The cheapest ranked vendor is on the frontier.
    assert_eq!(b["efficient"], true);
}

#[test]
fn explain_prints_the_line_items() {
    // Every line whole (`--wide`), amounts with their currency as a terminal shows them.
    let (code, out, _) = run(&["cost", "--client", "dental-35", "--explain", "--wide"]);
    assert_eq!(code, 0);
    assert!(out.contains("35 workstation + server seats, SKU `brindlewick-core-all` band 1-49, annual billing, 36-month term: 35 x $3.34 x 36 months = $4,208.40\n"), "{out}");
    assert!(
        out.contains(
            "rebuild 30 exclusions and policies at 0.5 h each: 15.00 h x $95.00 = $1,425.00\n"
        ),
        "{out}"
    );
    // Markdown keeps plain numbers and the currency code.
    let (code, md, _) = run(&[
        "cost",
        "--client",
        "dental-35",
        "--explain",
        "--format",
        "md",
    ]);
    assert_eq!(code, 0);
    assert!(
        md.contains("36-month term: 35 x 3.34 x 36 months = 4208.40 USD"),
        "{md}"
    );
    assert!(md.contains("15.00 h x 95.00 = 1425.00 USD"), "{md}");
}

#[test]
fn client_weights_override_the_criteria_file() {
    let (_, base, _) = run(&["rank", "--format", "json"]);
    let (code, out, err) = run(&["rank", "--client", "dental-35", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let w = |doc: &str, id: &str| -> f64 {
        let v: Value = serde_json::from_str(doc).unwrap();
        v["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["weight"]
            .as_f64()
            .unwrap()
    };
    // Groups 40/25/15/20 -> 40/25/15/35: price is 35/115 of the total with the profile.
    assert!((w(&base, "price") - 0.20).abs() < 1e-12);
    assert!((w(&out, "price") - 35.0 / 115.0).abs() < 1e-12);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let total: f64 = doc["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["weight"].as_f64().unwrap())
        .sum();
    assert!((total - 1.0).abs() < 1e-12);
}

#[test]
fn constraints_become_gates_with_reasons() {
    let (code, out, err) = run(&["rank", "--client", "federal-contractor", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let k = vendor(&doc, "kaspersky");
    let by: Vec<&str> = k["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["by"].as_str().unwrap())
        .collect();
    assert!(
        by.contains(&"client-hq-country") && by.contains(&"client-not-restricted"),
        "{by:?}"
    );
    let hq = k["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["by"] == "client-hq-country")
        .unwrap();
    assert_eq!(
        hq["reason"],
        "`vendor.hq_country` is `RU`, which is excluded"
    );
}

#[test]
fn a_client_changes_the_price_criterion_to_its_fleet() {
    let (_, a, _) = run(&["rank", "--format", "json"]);
    let (_, b, _) = run(&["rank", "--client", "msp-client-350", "--format", "json"]);
    let price = |doc: &str, id: &str| -> Option<f64> {
        let v: Value = serde_json::from_str(doc).unwrap();
        vendor(&v, id)["values"]["price"].as_f64()
    };
    // Ottermere's price per endpoint-month differs between the default 50-endpoint fleet and
    // the 350-endpoint client with MDR.
    assert_ne!(price(&a, "ottermere"), price(&b, "ottermere"));
}

fn bad_profile(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("client.toml");
    std::fs::write(&p, text).unwrap();
    let (code, _, err) = run(&["rank", "--client", p.to_str().unwrap()]);
    assert!(!err.contains("panicked"), "{err}");
    (code, err)
}

const FLEET: &str = "[fleet]\nworkstations = 10\n";

#[test]
fn a_profile_with_zero_endpoints() {
    let (code, err) = bad_profile("name = \"x\"\n[fleet]\nworkstations = 0\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("client.toml:2:1: the fleet has no endpoints"),
        "{err}"
    );
}

#[test]
fn an_unknown_rmm_lists_the_known_ones() {
    let (code, err) = bad_profile(&format!(
        "name = \"x\"\n{FLEET}[tools]\nrmm = \"ninja-one\"\n"
    ));
    assert_eq!(code, 1);
    assert!(
        err.contains("client.toml:5:7: unknown RMM `ninja-one`"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `ninjaone`?") && err.contains("`connectwise-automate`"),
        "{err}"
    );
}

#[test]
fn unknown_constraint_key_and_criterion() {
    let (code, err) = bad_profile(&format!(
        "name = \"x\"\nconstraints = [\"federal\"]\n{FLEET}"
    ));
    assert_eq!(code, 1);
    assert!(
        err.contains("client.toml:2:16: unknown constraint `federal`")
            && err.contains("`federal-contractor`"),
        "{err}"
    );
    let (code, err) = bad_profile(&format!("name = \"x\"\n{FLEET}horizon = 12\n"));
    assert_eq!(code, 1);
    assert!(
        err.contains("client.toml:4:1: unknown field `horizon`"),
        "{err}"
    );
    let (code, err) = bad_profile(&format!("name = \"x\"\n{FLEET}[weights]\npricee = 2\n"));
    assert_eq!(code, 1);
    assert!(
        err.contains("client.toml:5:10: `")
            && err.contains("has no criterion `pricee`")
            && err.contains("did you mean `price`?"),
        "{err}"
    );
}

#[test]
fn negative_labour_rate_and_zero_horizon() {
    let (code, err) = bad_profile(&format!("name = \"x\"\n{FLEET}[contract]\nhorizon_months = 0\n[migration]\nlabour_rate = -5\nhours_per_endpoint = 1\n"));
    assert_eq!(code, 1);
    assert!(
        err.contains("client.toml:5:18: `horizon_months` is 0"),
        "{err}"
    );
    assert!(
        err.contains("client.toml:7:15: `labour_rate` is `-5`"),
        "{err}"
    );
}

#[test]
fn cost_needs_a_pricing_file() {
    let (code, _, err) = run(&[
        "cost",
        "--data",
        "datasets/avc-2021-enterprise",
        "--criteria",
        "criteria/lab-only.toml",
    ]);
    // A dataset without prices is bad data for `cost` (exit 1), not bad usage.
    assert_eq!(code, 1);
    assert!(err.contains("has no pricing file"), "{err}");
}

const PRICING_HEAD: &str = "vendor,sku,edition,applies_to,min_seats,max_seats,price_per_seat_month,currency,billing,term_months,min_commit_seats,setup_fee,addon";

/// Tiny fixture with prices in two currencies: alpha in USD, bravo in EUR.
fn two_currency_dataset(fx: Option<&str>) -> tempfile::TempDir {
    let dir = scratch_copy("tiny");
    let pricing = format!("{PRICING_HEAD}\nalpha,a,std,all,1,,5.00,USD,monthly,1,0,0,\nbravo,b,std,all,1,,4.00,EUR,monthly,1,0,0,\ncharlie,c,std,all,1,,6.00,USD,monthly,1,0,0,\nkaspersky,k,std,all,1,,3.00,USD,monthly,1,0,0,\n");
    std::fs::write(dir.path().join("pricing.csv"), pricing).unwrap();
    if let Some(fx) = fx {
        std::fs::write(dir.path().join("fx_rates.csv"), fx).unwrap();
    }
    dir
}

#[test]
fn mixed_currencies_need_a_conversion_table() {
    let dir = two_currency_dataset(None);
    let (code, _, err) = run(&[
        "cost",
        "--data",
        dir.path().to_str().unwrap(),
        "--criteria",
        fixture("criteria/tiny.toml").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("pricing.csv:3:8: `currency` is `EUR` but `USD` on line 2"),
        "{err}"
    );
    assert!(err.contains("fx_rates.csv"), "{err}");
}

#[test]
fn a_conversion_table_prices_in_one_currency() {
    let dir = two_currency_dataset(Some(
        "from,to,rate,as_of,source\nEUR,USD,1.25,2024-08-01,example rate\n",
    ));
    let (code, out, err) = run(&[
        "cost",
        "--data",
        dir.path().to_str().unwrap(),
        "--criteria",
        fixture("criteria/tiny.toml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["currency"], "USD");
    // bravo: 50 endpoints x 4.00 EUR x 1.25 = 250 USD a month.
    assert!((vendor(&doc, "bravo")["monthly"].as_f64().unwrap() - 250.0).abs() < 1e-9);
    let bad = two_currency_dataset(Some("from,to,rate\nEUR,USD,-1\n"));
    let (code, _, err) = run(&[
        "cost",
        "--data",
        bad.path().to_str().unwrap(),
        "--criteria",
        fixture("criteria/tiny.toml").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("fx_rates.csv:2:3: `rate` is `-1`, out of range"),
        "{err}"
    );
}

#[test]
fn overlapping_or_gapped_bands_and_negative_prices_are_refused() {
    let dir = scratch_copy("tiny");
    let bad = format!("{PRICING_HEAD}\nalpha,a,std,all,1,49,5.00,USD,monthly,1,0,0,\nalpha,a,std,all,40,99,4.00,USD,monthly,1,0,0,\nbravo,b,std,all,1,49,4.00,USD,monthly,1,0,0,\nbravo,b,std,all,60,,3.00,USD,monthly,1,0,0,\ncharlie,c,std,all,1,,-6.00,USD,monthly,1,0,0,\n");
    std::fs::write(dir.path().join("pricing.csv"), bad).unwrap();
    let (code, _, err) = run(&[
        "cost",
        "--data",
        dir.path().to_str().unwrap(),
        "--criteria",
        fixture("criteria/tiny.toml").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "pricing.csv:3:5: tier band starting at 40 seats overlaps the band 1-49 on line 2"
        ),
        "{err}"
    );
    assert!(err.contains("pricing.csv:5:5: tier band starts at 60 seats, leaving a gap after the band ending at 49 on line 4"), "{err}");
    assert!(
        err.contains("pricing.csv:6:7: `price_per_seat_month` is `-6.00`, out of range"),
        "{err}"
    );
}
