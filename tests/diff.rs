//! `vendorscore diff OLD NEW`: rows compared by key, ranks and gates side by side, and
//! the replay crediting each change with the ranks it moved. Each test edits a copy of
//! the demo data and checks the diff names that edit, and nothing else.

mod common;

use std::path::Path;

use common::{repo, run_in};
use serde_json::Value;

/// `cwd/old` and `cwd/new`: two copies of the demo data's evidence files.
fn two_copies(cwd: &Path) {
    for side in ["old", "new"] {
        let dir = cwd.join(side);
        std::fs::create_dir(&dir).unwrap();
        for f in std::fs::read_dir(repo("datasets/demo")).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "csv") {
                std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
            }
        }
    }
}

/// Replaces line `line` (1-based) of `file` by what `edit` makes of it.
fn edit_line(file: &Path, line: usize, edit: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[line - 1] = edit(&lines[line - 1]);
    std::fs::write(file, lines.join("\n") + "\n").unwrap();
}

/// Sets the `value` of quillfort's malware protection rate in lab round `line`.
fn set_quillfort_lab(file: &Path, line: usize, value: &str) {
    edit_line(file, line, |l| {
        assert!(l.contains(",quillfort,malware_protection_rate,"), "{l}");
        let mut cells: Vec<&str> = l.split(',').collect();
        cells[6] = value;
        cells.join(",")
    });
}

fn diff_json(cwd: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["diff", "old", "new", "--format", "json", "--samples", "300"];
    args.extend(extra);
    let (code, out, err) = run_in(cwd, &args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn moved(step: &Value) -> Vec<(String, String, String)> {
    step["moves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["vendor"].as_str().unwrap().to_string(),
                m["before"].to_string(),
                m["after"].to_string(),
            )
        })
        .collect()
}

/// One lab score edited in a copy of the demo data: the diff finds that row (and only
/// it), and credits the whole rank change to it; a second edit that moves nothing is
/// credited with nothing.
#[test]
fn one_edited_lab_score_is_credited_with_the_rank_change() {
    let dir = tempfile::tempdir().unwrap();
    two_copies(dir.path());
    set_quillfort_lab(&dir.path().join("new/test_scores.csv"), 5, "80.0");
    // A change of the `source` note of another row: it changes no number.
    edit_line(&dir.path().join("new/test_scores.csv"), 3, |l| {
        l.replace(",synthetic", ",synthetic (rechecked)")
    });
    let d = diff_json(dir.path(), &[]);
    let files = d["files"].as_array().unwrap();
    let changed: Vec<&Value> = files.iter().filter(|f| f["status"] != "same").collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0]["file"], "test_scores.csv");
    assert_eq!(changed[0]["changed"], 2);
    let rows = changed[0]["rows"].as_array().unwrap();
    assert_eq!(rows[0]["key"], "Demo Lab North / Business Protection Test / 2024-09 / 2024-09 / kaspersky / false_positives_business_software");
    assert_eq!(rows[1]["key"], "Demo Lab North / Business Protection Test / 2024-09 / 2024-09 / quillfort / malware_protection_rate");
    assert_eq!(rows[1]["cells"][0]["column"], "value");
    assert_eq!(rows[1]["cells"][0]["old"], "99.9");
    assert_eq!(rows[1]["cells"][0]["new"], "80.0");
    assert_eq!(d["winner_changed"], true);
    assert_eq!(d["old"]["winner"], "quillfort");
    let steps = d["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert!(moved(&steps[0]).is_empty(), "{:?}", steps[0]);
    assert!(steps[1]["label"]
        .as_str()
        .unwrap()
        .contains("quillfort / malware_protection_rate: value 99.9 → 80.0"));
    let m = moved(&steps[1]);
    assert!(
        m.contains(&("quillfort".into(), "1".into(), "5".into())),
        "{m:?}"
    );
    // The step's moves are the whole difference between the two rankings.
    let whole: Vec<(String, String, String)> = d["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["old"] != v["new"])
        .map(|v| {
            (
                v["vendor"].as_str().unwrap().into(),
                v["old"].to_string(),
                v["new"].to_string(),
            )
        })
        .collect();
    let (mut a, mut b) = (m.clone(), whole);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(d["order_matters"], false);
    assert_eq!(d["notes"].as_array().unwrap().len(), 0, "{}", d["notes"]);
    // The terminal view names the row and the move, and leaves out the quiet change.
    let (code, text, err) = run_in(dir.path(), &["diff", "old", "new", "--samples", "300"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("The winner changed: `quillfort` → `ottermere`."),
        "{text}"
    );
    assert!(text.contains("1 other change(s) moved no rank"), "{text}");
}

/// Kendall's tau-b in the output is the one of the two rankings' ranks, counted here
/// pair by pair.
#[test]
fn kendall_tau_is_that_of_the_two_rankings() {
    let dir = tempfile::tempdir().unwrap();
    two_copies(dir.path());
    set_quillfort_lab(&dir.path().join("new/test_scores.csv"), 5, "80.0");
    let d = diff_json(dir.path(), &[]);
    let pairs: Vec<(f64, f64)> = d["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| Some((v["old"].as_f64()?, v["new"].as_f64()?)))
        .collect();
    assert_eq!(d["ranked_in_both"], pairs.len());
    let (mut concordant, mut discordant) = (0.0, 0.0);
    for i in 0..pairs.len() {
        for j in i + 1..pairs.len() {
            let s = (pairs[i].0 - pairs[j].0) * (pairs[i].1 - pairs[j].1);
            if s > 0.0 {
                concordant += 1.0;
            } else if s < 0.0 {
                discordant += 1.0;
            }
        }
    }
    let tau = (concordant - discordant) / (concordant + discordant);
    assert!(
        (d["kendall_tau_b"].as_f64().unwrap() - tau).abs() < 1e-12,
        "{}",
        d["kendall_tau_b"]
    );
    assert!(tau < 1.0);
}

/// Two lab rounds lowered: neither moves a rank alone, both together do. The second is
/// credited in its place, and the output says the order matters for it.
#[test]
fn two_changes_that_move_ranks_only_together_say_the_order_matters() {
    let dir = tempfile::tempdir().unwrap();
    two_copies(dir.path());
    let scores = dir.path().join("new/test_scores.csv");
    set_quillfort_lab(&scores, 5, "96.5");
    set_quillfort_lab(&scores, 17, "96.5");
    let d = diff_json(dir.path(), &[]);
    let steps = d["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert!(moved(&steps[0]).is_empty());
    assert_eq!(steps[0]["order_matters"], false);
    assert!(moved(&steps[1]).contains(&("quillfort".into(), "1".into(), "2".into())));
    assert_eq!(steps[1]["alone"], serde_json::json!([]));
    assert_eq!(steps[1]["order_matters"], true);
    assert_eq!(d["order_matters"], true);
}

/// A restriction added to a vendor flips its gate; a vendor removed from every file
/// leaves the ranking; the replay still ends at the new run's ranking.
#[test]
fn a_flipped_gate_and_a_removed_vendor_are_named() {
    let dir = tempfile::tempdir().unwrap();
    two_copies(dir.path());
    let new = dir.path().join("new");
    let vendors = std::fs::read_to_string(new.join("vendors.csv")).unwrap();
    let line = vendors
        .lines()
        .position(|l| l.starts_with("ottermere,"))
        .unwrap()
        + 1;
    edit_line(&new.join("vendors.csv"), line, |l| {
        let mut c: Vec<&str> = l.splitn(5, ',').collect();
        c[3] = "us-entity-list";
        c.join(",")
    });
    for f in [
        "vendors",
        "test_scores",
        "pilot_results",
        "pricing",
        "rmm_checks",
    ] {
        let p = new.join(format!("{f}.csv"));
        let text = std::fs::read_to_string(&p).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.contains("cindervale")).collect();
        std::fs::write(&p, kept.join("\n") + "\n").unwrap();
    }
    let d = diff_json(dir.path(), &[]);
    let vendor = |id: &str| {
        d["vendors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["vendor"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(vendor("ottermere")["new"], "excluded");
    assert!(vendor("ottermere")["new_reasons"][0]
        .as_str()
        .unwrap()
        .contains("us-entity-list"));
    assert_eq!(vendor("cindervale")["new"], "absent");
    assert_eq!(d["notes"].as_array().unwrap().len(), 0, "{}", d["notes"]);
    let steps = d["steps"].as_array().unwrap();
    // The vendor's removal from vendors.csv is the last step; its pilot rows, more than
    // a file replays one by one, are one step.
    assert!(steps.last().unwrap()["label"]
        .as_str()
        .unwrap()
        .starts_with("vendors.csv: removed cindervale"));
    assert!(steps.iter().any(|s| s["label"]
        .as_str()
        .unwrap()
        .starts_with("pilot_results.csv:")
        && s["label"].as_str().unwrap().contains("of `cindervale`")));
    let (code, text, _) = run_in(dir.path(), &["diff", "old", "new", "--samples", "0"]);
    assert_eq!(code, 0);
    assert!(text.contains("`ottermere` is now excluded"), "{text}");
}

/// A changed criteria file is one step, its weights side by side.
#[test]
fn a_changed_criteria_file_is_one_step() {
    let dir = tempfile::tempdir().unwrap();
    two_copies(dir.path());
    let d = diff_json(
        dir.path(),
        &["--old-criteria", "lab-only", "--criteria", "msp-default"],
    );
    assert_eq!(d["settings"][0]["what"], "criteria file");
    let steps = d["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0]["label"], "criteria file");
    let weights = d["weights"].as_array().unwrap();
    assert!(weights
        .iter()
        .any(|w| w["old"].is_null() && w["new"].is_number()));
}

/// Two report folders compare like their datasets; a report whose input was edited
/// since cannot be compared, and the error names the file.
#[test]
fn report_folders_compare_like_their_datasets() {
    let dir = tempfile::tempdir().unwrap();
    two_copies(dir.path());
    set_quillfort_lab(&dir.path().join("new/test_scores.csv"), 5, "80.0");
    for side in ["old", "new"] {
        let out = format!("out-{side}");
        let (code, _, err) = run_in(
            dir.path(),
            &["report", "--data", side, "--samples", "300", "--out", &out],
        );
        assert_eq!(code, 0, "{err}");
    }
    let (code, out, err) = run_in(
        dir.path(),
        &["diff", "out-old", "out-new", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let folders: Value = serde_json::from_str(&out).unwrap();
    let data = diff_json(dir.path(), &[]);
    assert_eq!(folders["steps"], data["steps"]);
    assert_eq!(folders["vendors"], data["vendors"]);
    assert_eq!(folders["old"]["fingerprint"].as_str().unwrap().len(), 12);
    let (code, _, err) = run_in(
        dir.path(),
        &["diff", "out-old", "out-new", "--criteria", "lab-only"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is a report folder"), "{err}");
    set_quillfort_lab(&dir.path().join("old/test_scores.csv"), 17, "90.0");
    let (code, _, err) = run_in(dir.path(), &["diff", "out-old", "out-new"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("old/test_scores.csv") && err.contains("has changed"),
        "{err}"
    );
}

/// Text from the data is escaped in Markdown; a folder that does not exist is an error.
#[test]
fn markdown_escapes_the_data_and_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    two_copies(dir.path());
    edit_line(&dir.path().join("new/test_scores.csv"), 3, |l| {
        l.replace(",synthetic", ",<script>x</script>|y")
    });
    let (code, md, err) = run_in(
        dir.path(),
        &[
            "diff",
            "old",
            "new",
            "--format",
            "md",
            "--samples",
            "0",
            "--all",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
    let (code, _, err) = run_in(dir.path(), &["diff", "old", "nowhere"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nowhere"), "{err}");
}
