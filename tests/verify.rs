//! `vendorscore verify OUT` reruns the report its manifest records and compares inputs
//! and outputs by SHA-256: a fresh report verifies; an edited input, an edited output or
//! a folder without a manifest each get their own answer and exit code.

mod common;

use std::path::Path;

use common::{repo, run_in};

/// A copy of the demo data in `cwd/data` and a report of it in `cwd/out`.
fn reported(cwd: &Path) {
    let status = std::process::Command::new("cp")
        .args(["-r", repo("datasets/demo").to_str().unwrap(), "data"])
        .current_dir(cwd)
        .status()
        .unwrap();
    assert!(status.success());
    let (code, _, err) = run_in(
        cwd,
        &[
            "report",
            "--data",
            "data",
            "--client",
            "dental-35",
            "--samples",
            "300",
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_fresh_report_verifies() {
    let cwd = tempfile::tempdir().unwrap();
    reported(cwd.path());
    let (code, out, err) = run_in(cwd.path(), &["verify", "out"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("verified: a rerun of `report --data data"),
        "{out}"
    );
}

#[test]
fn an_edited_lab_score_is_named_and_fails() {
    let cwd = tempfile::tempdir().unwrap();
    reported(cwd.path());
    let path = cwd.path().join("data/test_scores.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let row = text.lines().nth(1).unwrap();
    let (head, value) = row
        .rsplit_once(",99.5,")
        .expect("the first row's value is 99.5");
    let edited = text.replacen(row, &format!("{head},97.0,{value}"), 1);
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    let (code, out, err) = run_in(cwd.path(), &["verify", "out"]);
    assert_eq!(code, 1, "{out}");
    let changed = err
        .split("inputs changed since the report (1):\n")
        .nth(1)
        .unwrap_or("");
    assert!(
        changed.starts_with("    data/test_scores.csv (dataset)"),
        "{err}"
    );
    assert!(err.contains("outputs a rerun writes differently"), "{err}");
    assert!(!err.contains("outputs edited or deleted"), "{err}");
}

#[test]
fn an_edited_output_is_named_and_fails() {
    let cwd = tempfile::tempdir().unwrap();
    reported(cwd.path());
    let md = cwd.path().join("out/report.md");
    let mut text = std::fs::read_to_string(&md).unwrap();
    text.push_str("\nA note added by hand.\n");
    std::fs::write(&md, text).unwrap();
    let (code, _, err) = run_in(cwd.path(), &["verify", "out"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("outputs edited or deleted in the folder since (1):\n    report.md"),
        "{err}"
    );
    assert!(!err.contains("inputs changed"), "{err}");
}

#[test]
fn a_folder_without_a_manifest_is_bad_usage() {
    let cwd = tempfile::tempdir().unwrap();
    std::fs::create_dir(cwd.path().join("empty")).unwrap();
    let (code, _, err) = run_in(cwd.path(), &["verify", "empty"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holds no manifest.json"), "{err}");
    std::fs::write(
        cwd.path().join("empty/manifest.json"),
        r#"{"command":["rank"],"outputs":[]}"#,
    )
    .unwrap();
    let (code, _, err) = run_in(cwd.path(), &["verify", "empty"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is not a `report`"), "{err}");
    std::fs::write(
        cwd.path().join("empty/manifest.json"),
        "{\n  \"outputs\": [oops]\n}",
    )
    .unwrap();
    let (code, _, err) = run_in(cwd.path(), &["verify", "empty"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("empty/manifest.json:2:"), "{err}");
}
