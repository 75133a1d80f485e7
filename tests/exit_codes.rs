//! Exit codes: 1 for data that cannot give what a command needs, 2 only for bad usage of
//! the command line. Each case names the failure in its own words on stderr.

mod common;

use common::*;

/// Runs the binary with `args`; returns (exit code, stderr).
fn run(args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().current_dir(dir.path()).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), err)
}

/// A criteria file whose only gate excludes every vendor of the tiny fixture.
const EXCLUDE_ALL: &str = r#"
name = "Nobody passes"
method = "weighted-sum"
missing = "error"

[[gate]]
id = "impossible"
metric = "pilot.detection_rate"
min = 1.5

[[criterion]]
id = "detection"
metric = "pilot.detection_rate"
direction = "max"
weight = 1
"#;

#[test]
fn cost_without_a_pricing_file_is_bad_data() {
    let tiny = fixture("tiny");
    let criteria = fixture("criteria/tiny.toml");
    let (code, err) = run(&[
        "cost",
        "--data",
        tiny.to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("has no pricing file"), "{err}");
}

#[test]
fn pilot_without_a_pilot_file_is_bad_data() {
    let dir = scratch_copy("tiny");
    std::fs::remove_file(dir.path().join("pilot_results.csv")).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let criteria = criteria_file(
        scratch.path(),
        "name = \"Restrictions only\"\nmethod = \"weighted-sum\"\nmissing = \"worst\"\n\n\
         [[criterion]]\nid = \"free\"\nmetric = \"vendor.restrictions\"\ndirection = \"min\"\nweight = 1\n",
    );
    let (code, err) = run(&[
        "pilot",
        "--data",
        dir.path().to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("has no pilot_results file"), "{err}");
}

/// Every command that ranks and then analyses fails with 1 when no vendor passes the
/// gates: that is the data's answer, not a mistake on the command line.
#[test]
fn analyses_of_an_empty_ranking_are_bad_data() {
    let scratch = tempfile::tempdir().unwrap();
    let criteria = criteria_file(scratch.path(), EXCLUDE_ALL);
    let tiny = fixture("tiny");
    let out = scratch.path().join("out");
    for cmd in [
        vec!["sensitivity"],
        vec!["compare-methods"],
        vec!["report", "--out", out.to_str().unwrap()],
    ] {
        let mut args = cmd.clone();
        args.extend([
            "--data",
            tiny.to_str().unwrap(),
            "--criteria",
            criteria.to_str().unwrap(),
        ]);
        let (code, err) = run(&args);
        assert_eq!(code, 1, "{cmd:?}: {err}");
        assert!(err.starts_with("error: "), "{cmd:?}: {err}");
    }
}

#[test]
fn bad_option_values_are_bad_usage() {
    let (code, err) = run(&["sensitivity", "--samples", "0"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`--samples` must be at least 1"), "{err}");
    let (code, err) = run(&["pilot", "plan", "--baseline", "1.5"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = run(&["rank", "--no-such-flag"]);
    assert_eq!(code, 2, "{err}");
}

/// Criterion ids that would make a chart's file name lead out of `--out` (an id names the
/// weight-sweep chart) are refused where the criteria file is read, at their line and
/// column, by `check` as by `report`; nothing is written, inside the folder or out. (The
/// writer refuses such a name too: src/output.rs.)
#[test]
fn a_criterion_id_that_would_lead_out_of_the_output_folder_is_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("criteria/tiny.toml"))
        .unwrap()
        .replace("id = \"detection\"", "id = \"x/../../../escaped-d\"")
        .replace("id = \"fp\"", "id = \"x/../../../escaped-f\"")
        .replace("id = \"cpu\"", "id = \"x/../../../escaped-c\"");
    let criteria = criteria_file(scratch.path(), &text);
    let out = scratch.path().join("a/b/out");
    let tiny = fixture("tiny");
    let (code, err) = run(&[
        "report",
        "--data",
        tiny.to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--samples",
        "200",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("criteria.toml:13:6: criterion id `x/../../../escaped-d` is not a valid id"),
        "{err}"
    );
    assert!(err.contains("hint: an id is letters, digits"), "{err}");
    assert!(!out.exists(), "nothing is written");
    let (code, err) = run(&[
        "check",
        "--data",
        tiny.to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`x/../../../escaped-c` is not a valid id"),
        "{err}"
    );
    let escaped: Vec<_> = walk(scratch.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("escaped"))
        .collect();
    assert!(escaped.is_empty(), "{escaped:?}");
}

/// Every file below `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// An output never replaces an input: a criteria file that sits in `--out` under the
/// name of a report file stops the report (exit 1) before anything is written.
#[test]
fn a_report_never_replaces_its_criteria_file() {
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let criteria = out.join("report.md");
    let text = std::fs::read_to_string(fixture("criteria/tiny.toml")).unwrap();
    std::fs::write(&criteria, &text).unwrap();
    let tiny = fixture("tiny");
    let (code, err) = run(&[
        "report",
        "--data",
        tiny.to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--samples",
        "200",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("report.md`: it is an input of this run"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&criteria).unwrap(), text);
    let names: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing but the criteria file: {names:?}");
}
