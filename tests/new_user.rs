//! Honest mistakes a new user makes, each met with a message that says what happened and
//! how to fix it, instead of silence or a misleading result.

mod common;

use common::*;

/// Runs a command from an empty folder; (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let cwd = tempfile::tempdir().unwrap();
    let out = bin().current_dir(cwd.path()).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}

/// `Pricing.csv`, `pilot results.CSV` and `pricng.csv` were skipped and `check` said all
/// was well; the price criterion then gave every vendor the same points.
#[test]
fn a_misnamed_evidence_file_is_an_error_with_the_right_name() {
    let dir = scratch_copy("tiny");
    let pricing = std::fs::read(repo("datasets/demo/pricing.csv")).unwrap();
    for name in ["Pricing.csv", "pilot results.CSV", "pricng.csv"] {
        std::fs::write(dir.path().join(name), &pricing).unwrap();
    }
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    let (code, _, err) = run(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    for (name, want) in [
        ("Pricing.csv", "pricing.csv"),
        ("pilot results.CSV", "pilot_results.csv"),
        ("pricng.csv", "pricing.csv"),
    ] {
        assert!(
            err.contains(&format!(
                "{name}: `{name}` is not an evidence file name, so it would be ignored; did you mean `{want}`?"
            )),
            "{name}: {err}"
        );
    }
    // A file unlike any evidence file is left alone.
    assert!(!err.contains("notes.csv"), "{err}");
    assert!(err.contains("3 problems found"), "{err}");
}
