//! Helpers for tests on the tiny fixture (tests/fixtures/tiny, three ranked vendors and
//! the excluded incumbent) with a criteria text: run, read the JSON, expect a refusal,
//! break one evidence file.

use serde_json::Value;

use super::*;

/// tests/fixtures/criteria/tiny.toml (weights 2:1:1 -> 0.5, 0.25, 0.25) with `edit`.
pub fn tiny_with(edit: impl Fn(&str) -> String) -> String {
    edit(&std::fs::read_to_string(fixture("criteria/tiny.toml")).unwrap())
}

/// Ranks the tiny fixture with a criteria text: (exit code, stdout, stderr).
pub fn run(text: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria_file(dir.path(), text);
    let (code, out, err) = rank(&fixture("tiny"), &c, extra);
    assert!(!err.contains("panicked"), "{err}");
    (code, out, err)
}

/// The JSON of a successful ranking.
pub fn json(text: &str) -> Value {
    let (code, out, err) = run(text, &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// (vendor, score) in rank order, the excluded vendor left out.
pub fn scores(v: &Value) -> Vec<(String, f64)> {
    v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["excluded"] == false)
        .map(|x| {
            (
                x["vendor"].as_str().unwrap().to_string(),
                x["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

pub fn assert_scores(v: &Value, want: &[(&str, f64)], tol: f64) {
    let got = scores(v);
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((g, s), (w, e)) in got.iter().zip(want) {
        assert_eq!(g, w, "{got:?}");
        assert!((s - e).abs() < tol, "{got:?}, want {want:?}");
    }
}

pub fn effective(v: &Value) -> Vec<f64> {
    v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["weight"].as_f64().unwrap())
        .collect()
}

/// A bad criteria text: exit code 1, and the message at `at` (file:line:column).
pub fn refused(text: &str, at: &str, message: &str) {
    let (code, out, err) = run(text, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!("criteria.toml:{at}: {message}")),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

/// Breaks one file of a scratch copy of the tiny fixture and ranks it.
pub fn broken(file: &str, contents: &str) -> (i32, String) {
    let dir = scratch_copy("tiny");
    std::fs::write(dir.path().join(file), contents).unwrap();
    let (code, _, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert!(!err.contains("panicked"), "{err}");
    (code, err)
}

/// Replaces one line (1-based) of a tiny fixture file.
pub fn with_line(file: &str, line: usize, new: &str) -> String {
    let text = std::fs::read_to_string(fixture("tiny").join(file)).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[line - 1] = new.to_string();
    lines.join("\n") + "\n"
}

/// Ranks the tiny fixture with a criteria file given as text.
pub fn with_criteria(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria_file(dir.path(), text);
    let (code, _, err) = rank(&fixture("tiny"), &c, &[]);
    assert!(!err.contains("panicked"), "{err}");
    (code, err)
}

pub const PILOT_HEAD: &str = "vendor,client,endpoint,role,os,date,days,install_ok,cpu_overhead_pct,memory_mb,boot_delay_s,scan_minutes,malware_samples,malware_detected,phishing_sims,phishing_blocked,false_positives,mttd_minutes,mttr_minutes,app_breakages,tickets,telemetry_coverage_pct";

/// The tiny fixture's three criteria weighted by an AHP matrix (consistent: CR 0.0032).
pub const AHP3: &str = "name = \"t\"\n[[gate]]\nid = \"not-restricted\"\nmetric = \"vendor.restrictions\"\nrule = \"empty\"\n[weights]\nmethod = \"ahp\"\norder = [\"detection\", \"fp\", \"cpu\"]\nmatrix = [[1, 3, 5], [\"1/3\", 1, 2], [0.2, 0.5, 1]]\n[[criterion]]\nid = \"detection\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\n[[criterion]]\nid = \"fp\"\nmetric = \"pilot.false_positives_per_endpoint_day\"\ndirection = \"min\"\n[[criterion]]\nid = \"cpu\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\n";
