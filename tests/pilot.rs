//! `vendorscore pilot` end to end: intervals, ties, the go/no-go checklist, breakdowns,
//! pilot sizing, and the large-pilot fast path agreeing with the cell-by-cell one.

mod common;

use common::*;
use serde_json::Value;

fn pilot(args: &[&str]) -> (i32, String, String) {
    let out = bin().arg("pilot").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tiny_json(extra: &[&str]) -> Value {
    let data = fixture("tiny");
    let criteria = fixture("criteria/tiny.toml");
    let mut args = vec![
        "--data",
        data.to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = pilot(&args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn metric<'a>(doc: &'a Value, group: usize, vendor: &str, name: &str) -> &'a Value {
    let vendors = doc["groups"][group]["vendors"].as_array().unwrap();
    let v = vendors.iter().find(|v| v["vendor"] == vendor).unwrap();
    v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"] == name)
        .unwrap()
}

/// alpha detected 198 of 200 samples. Wilson 95% by hand: p = 0.99, z = 1.959964,
/// centre (0.99 + z²/400) / (1 + z²/200) = 0.98106..., half-width 0.01841... -> 0.96430 to 0.99724.
#[test]
fn rates_carry_wilson_and_clopper_pearson_intervals() {
    let doc = tiny_json(&[]);
    let m = metric(&doc, 0, "alpha", "pilot.detection_rate");
    assert_eq!(m["value"], 0.99);
    assert_eq!(m["n"], 200.0);
    let w = m["intervals"]["wilson"].as_array().unwrap();
    assert!(
        (w[0].as_f64().unwrap() - 0.96430).abs() < 5e-5
            && (w[1].as_f64().unwrap() - 0.99724).abs() < 5e-5,
        "{w:?}"
    );
    let cp = m["intervals"]["clopper-pearson"].as_array().unwrap();
    // Clopper-Pearson is tested against R in src/stats; here it must hold the estimate and
    // be the more conservative of the two at the upper end near a rate of 1.
    assert!(
        cp[0].as_f64().unwrap() < 0.99 && cp[1].as_f64().unwrap() > w[1].as_f64().unwrap(),
        "{cp:?}"
    );
    // False positives: 2 events over 20 endpoint-days, Garwood exact.
    let fp = metric(&doc, 0, "alpha", "pilot.false_positives_per_endpoint_day");
    assert_eq!(fp["value"], 0.1);
    let g = fp["intervals"]["garwood"].as_array().unwrap();
    assert!(
        (g[0].as_f64().unwrap() - 0.0242209 / 2.0).abs() < 1e-6
            && (g[1].as_f64().unwrap() - 7.224688 / 20.0).abs() < 1e-6,
        "{g:?}"
    );
}

#[test]
fn checklist_says_go_or_no_go_with_reasons() {
    let doc = tiny_json(&[]);
    let k = doc["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["vendor"] == "kaspersky")
        .unwrap();
    assert_eq!(k["go"], false);
    assert_eq!(
        k["gates"][0]["text"],
        "restricted (`us-bis-2024`, `fcc-covered-list`)"
    );
    let a = doc["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["vendor"] == "alpha")
        .unwrap();
    assert_eq!(a["go"], true);
    assert_eq!(
        a["gates"][0]["text"],
        "`vendor.restrictions` is empty (must be empty)"
    );
}

#[test]
fn small_pilots_tie_on_detection() {
    // 199/200, 198/200, 196/200, 190/200: only the last differs from the leader after Holm.
    let doc = tiny_json(&[]);
    let det = doc["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["metric"] == "pilot.detection_rate")
        .unwrap();
    let first: Vec<&str> = det["tiers"][0]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        first.contains(&"kaspersky") && first.contains(&"alpha") && first.contains(&"bravo"),
        "{det}"
    );
}

#[test]
fn breakdown_by_role_has_a_group_per_role() {
    let doc = tiny_json(&["--by", "role"]);
    let groups: Vec<&str> = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups,
        vec!["role workstation", "role server", "role domain_controller"]
    );
    // alpha's server endpoint alone: 99 of 100 detected.
    assert_eq!(metric(&doc, 1, "alpha", "pilot.detection_rate")["n"], 100.0);
}

#[test]
fn plan_sizes_a_pilot() {
    let (code, out, err) = pilot(&[
        "plan",
        "--baseline",
        "0.99",
        "--difference",
        "0.005",
        "--power",
        "0.8",
        "--samples-per-endpoint-day",
        "1.5",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("5065 samples per vendor"), "{out}");
    assert!(out.contains("about 3377 endpoint-days per vendor"), "{out}");
    let (code, _, err) = pilot(&["plan", "--baseline", "1.5", "--difference", "0.1"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_dataset_without_a_pilot_is_bad_data() {
    let (code, _, err) = pilot(&[
        "--data",
        repo("datasets/avc-2021-enterprise").to_str().unwrap(),
        "--criteria",
        repo("criteria/lab-only.toml").to_str().unwrap(),
    ]);
    // The data cannot give what `pilot` needs: exit 1, as for any bad data.
    assert_eq!(code, 1);
    assert!(err.contains("has no pilot_results file"), "{err}");
}

/// A gauge has one definition: the mean of the endpoints' own (day-weighted) means. One
/// endpoint of 1 day at 10% CPU and one of 9 days at 0% give 5.0 in `pilot` and in `rank`
/// (a day-weighted pooled mean would give 1.0 and could order vendors the other way).
#[test]
fn a_gauge_is_the_same_number_in_pilot_and_rank() {
    let dir = scratch_copy("tiny");
    let path = dir.path().join("pilot_results.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace(
            "alpha,acme,alpha-1,workstation,windows-11,,10,true,3,",
            "alpha,acme,alpha-1,workstation,windows-11,,1,true,10,",
        )
        .replace(
            "alpha,acme,alpha-2,server,windows-server-2022,,10,true,3,",
            "alpha,acme,alpha-2,server,windows-server-2022,,9,true,0,",
        );
    std::fs::write(&path, text).unwrap();
    let criteria = fixture("criteria/tiny.toml");
    let (code, out, err) = pilot(&[
        "--data",
        dir.path().to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        metric(&doc, 0, "alpha", "pilot.cpu_overhead_pct")["value"],
        5.0
    );
    let (code, out, err) = rank(dir.path(), &criteria, &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let alpha = doc["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["vendor"] == "alpha")
        .unwrap();
    assert_eq!(alpha["values"]["cpu"], 5.0);
}
