//! `vendorscore sensitivity` end to end: an exact break-even weight worked by hand, SMAA
//! acceptabilities that add up, reproducibility, the files of `--out`, bad usage.

mod common;

use common::*;
use serde_json::Value;

fn run(extra: &[&str]) -> (i32, String, String) {
    let out = bin()
        .arg("sensitivity")
        .arg("--data")
        .arg(fixture("tiny"))
        .arg("--criteria")
        .arg(fixture("criteria/tiny.toml"))
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Tiny fixture, weights detection 0.5, fp 0.25, cpu 0.25; normalised values alpha
/// (1, 0.5, 2/3), bravo (0.75, 1, 0). Sweeping fp's weight t (the others keep 2:1):
/// alpha = 100 [(8/9)(1 - t) + t/2], bravo = 100 [(1 - t)/2 + t]; they meet at t = 7/16.
#[test]
fn break_even_of_false_positives_is_seven_sixteenths() {
    let (code, out, err) = run(&["--format", "json", "--samples", "2000"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let criteria: Vec<&str> = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let fp = criteria.iter().position(|c| *c == "fp").unwrap();
    let be = &v["break_even"][fp];
    assert!(
        (be["top_up"]["weight"].as_f64().unwrap() - 7.0 / 16.0).abs() < 1e-9,
        "{be}"
    );
    let vendors: Vec<&str> = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let new_leader = be["top_up"]["leaders"][0].as_u64().unwrap() as usize;
    assert_eq!(vendors[new_leader], "bravo");
    // Acceptabilities of each vendor sum to 1 over the ranks.
    for row in v["smaa"]["acceptability"].as_array().unwrap() {
        let s: f64 = row
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .sum();
        assert!((s - 1.0).abs() < 1e-9);
    }
}

#[test]
fn the_verdict_is_in_words_and_reproducible() {
    let (code, a, err) = run(&["--samples", "5000", "--with-evidence"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        a.contains("`alpha` ranks first in") && a.contains("loses first place to"),
        "{a}"
    );
    let (_, b, _) = run(&["--samples", "5000", "--with-evidence"]);
    assert_eq!(a, b);
    let (_, c, _) = run(&["--samples", "5000", "--with-evidence", "--seed", "7"]);
    assert_ne!(a, c);
}

#[test]
fn out_writes_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s");
    let (code, _, err) = run(&["--samples", "1000", "--out", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let names: Vec<String> = snapshot_dir(&target).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        vec![
            "acceptability.csv",
            "break_even.csv",
            "sensitivity.json",
            "sweeps.csv"
        ]
    );
}

#[test]
fn zero_samples_is_bad_usage() {
    let (code, _, err) = run(&["--samples", "0"]);
    assert_eq!(code, 2, "{err}");
}

fn with_spec(spec: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("criteria/tiny.toml")).unwrap() + spec;
    let c = criteria_file(dir.path(), &text);
    let out = bin()
        .arg("sensitivity")
        .arg("--data")
        .arg(fixture("tiny"))
        .arg("--criteria")
        .arg(&c)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn weight_ranges_and_order_from_the_criteria_file() {
    // With detection at 90-100% of the weight, alpha (best on detection) always wins.
    let (code, out, err) = with_spec(
        "\n[sensitivity]\nranges = { detection = [0.9, 1.0] }\n",
        &["--format", "json", "--samples", "2000"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let alpha = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| x == "alpha")
        .unwrap();
    assert_eq!(v["smaa"]["acceptability"][alpha][0].as_f64().unwrap(), 1.0);
    let (code, out, _) = with_spec(
        "\n[sensitivity]\norder = [[\"cpu\", \"detection\", \"fp\"]]\n",
        &["--samples", "2000", "--wide"],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("within the criteria file's `[sensitivity]` ranges and order"),
        "{out}"
    );
}

#[test]
fn impossible_weight_specifications_are_refused_with_positions() {
    let (code, _, err) = with_spec(
        "\n[sensitivity]\nranges = { detection = [0.6, 0.2] }\n",
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("criteria.toml:31:24: range of `detection` has its lower bound 0.6 above its upper bound 0.2"), "{err}");
    let (code, _, err) = with_spec(
        "\n[sensitivity]\nranges = { detection = [0.6, 0.7], cpu = [0.5, 0.6] }\n",
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:30:1: the `[sensitivity]` weights cannot be sampled"),
        "{err}"
    );
    let (code, _, err) = with_spec("\n[sensitivity]\nranges = { detection = [0.1, 0.2] }\norder = [[\"detection\", \"cpu\", \"fp\"]]\n", &[]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = with_spec("\n[sensitivity]\norder = [[\"detecton\", \"cpu\"]]\n", &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("`detecton` is not a criterion id")
            && err.contains("did you mean `detection`?"),
        "{err}"
    );
}
