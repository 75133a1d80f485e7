//! Methods end to end: `method` in the criteria file and `--method`, the raw outputs in
//! the JSON, `compare-methods`, and bad method parameters.

mod common;

use common::*;
use serde_json::Value;

fn with_criteria(text: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria_file(dir.path(), text);
    rank(&fixture("tiny"), &c, extra)
}

const BODY: &str = "[[gate]]\nid = \"not-restricted\"\nmetric = \"vendor.restrictions\"\nrule = \"empty\"\n[[criterion]]\nid = \"detection\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 2\n[[criterion]]\nid = \"cpu\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 1\n";

/// TOPSIS by hand on the tiny fixture (weights 2/3, 1/3): detection 0.99, 0.98, 0.95,
/// CPU 3, 5, 2. Vector norms: sqrt(0.99² + 0.98² + 0.95²) = 1.70326, sqrt(9 + 25 + 4) = 6.16441.
/// Weighted normalised: detection 0.39143, 0.38748, 0.37562; CPU 0.16222, 0.27037, 0.10815.
/// Ideal (0.39143, 0.10815), anti-ideal (0.37562, 0.27037).
/// alpha: D+ = 0.05407, D- = 0.10930, closeness 0.66901; charlie (0.91117) ranks first
/// because CPU, where it is best, spreads far more than detection.
#[test]
fn topsis_from_the_criteria_file_matches_a_hand_computation() {
    let (code, out, err) = with_criteria(
        &format!("name = \"t\"\nmethod = \"topsis\"\n{BODY}"),
        &["--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["method"], "topsis");
    let alpha = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["vendor"] == "alpha")
        .unwrap();
    assert!(
        (alpha["score"].as_f64().unwrap() - 0.66901).abs() < 5e-6,
        "{alpha}"
    );
    assert_eq!(v["vendors"][0]["vendor"], "charlie");
    assert_eq!(v["method_details"]["outputs"]["method"], "topsis");
    let d_plus = v["method_details"]["outputs"]["d_plus"][0]
        .as_f64()
        .unwrap();
    assert!((d_plus - 0.05407).abs() < 5e-5, "{d_plus}");
}

#[test]
fn method_flag_overrides_the_file_and_vikor_says_lower_is_better() {
    let (code, out, err) = with_criteria(
        &format!("name = \"t\"\n{BODY}"),
        &["--method", "vikor", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["method"], "vikor");
    assert_eq!(v["higher_is_better"], false);
    assert!(v["method_details"]["outputs"]["compromise"].is_array());
    let (code, _, err) = with_criteria(&format!("name = \"t\"\n{BODY}"), &["--method", "topsys"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn promethee_preference_functions_are_checked() {
    let prom = "name = \"t\"\nmethod = \"promethee2\"\n[[gate]]\nid = \"g\"\nmetric = \"vendor.restrictions\"\nrule = \"empty\"\n[[criterion]]\nid = \"detection\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\npreference = \"linear\"\nq = 0.02\np = 0.01\n";
    let (code, _, err) = with_criteria(prom, &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:13:5: `q` 0.02 is above `p` 0.01"),
        "{err}"
    );
    let (code, out, err) = with_criteria(
        &prom.replace("q = 0.02", "q = 0.005"),
        &["--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["vendors"][0]["vendor"], "alpha");
    let (code, _, err) = with_criteria(&prom.replace("method = \"promethee2\"\n", ""), &[]);
    assert_eq!(code, 1);
    assert!(err.contains("criteria.toml:11:14: `preference` applies to method `promethee2` only, not `weighted-sum`"), "{err}");
    let (code, _, err) = with_criteria(
        &prom.replace("preference = \"linear\"", "preference = \"gaussian\""),
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("preference `gaussian` takes no `q`")
            && err.contains("preference `gaussian` needs `s`"),
        "{err}"
    );
}

#[test]
fn vikor_v_belongs_to_vikor() {
    let (code, _, err) = with_criteria(
        &format!("name = \"t\"\nmethod = \"topsis\"\nvikor_v = 0.3\n{BODY}"),
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:3:11: `vikor_v` applies to method `vikor` only, not `topsis`"),
        "{err}"
    );
    let (code, _, err) = with_criteria(
        &format!("name = \"t\"\nmethod = \"vikor\"\nvikor_v = 1.5\n{BODY}"),
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("`vikor_v` is `1.5`"), "{err}");
}

#[test]
fn compare_methods_shows_every_method_and_a_consensus() {
    let out = bin()
        .args(["compare-methods", "--format", "json", "--data"])
        .arg(fixture("tiny"))
        .arg("--criteria")
        .arg(fixture("criteria/tiny.toml"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let alpha = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["vendor"] == "alpha")
        .unwrap();
    for m in ["weighted-sum", "topsis", "vikor", "promethee2"] {
        assert!(alpha["methods"][m]["rank"].is_u64(), "{m}: {alpha}");
    }
    // bravo has no false positives, and the weighted product refuses a 0.
    assert_eq!(v["skipped"][0]["method"], "weighted-product");
    assert!(v["agreement"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["spearman_rho"].is_number()));
}
