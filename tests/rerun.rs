//! `report` owns its `--out`: a rerun removes the files of the earlier run that it does
//! not write again (only those the earlier manifest lists and that are unchanged since),
//! leaves everything else and says so; the report's foot shows the inputs' fingerprint.

mod common;

use std::path::Path;

use common::run_in;
use serde_json::Value;

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

fn listed(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = manifest(dir)["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap().to_string())
        .collect();
    v.push("manifest.json".into());
    v.sort();
    v
}

/// Files under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let name = format!("{rel}{}", p.file_name().unwrap().to_str().unwrap());
            if p.is_dir() {
                walk(&p, &format!("{name}/"), out);
            } else {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

fn report(cwd: &Path, extra: &[&str]) -> String {
    let mut args = vec!["report", "--out", "out"];
    args.extend(extra);
    let (code, out, err) = run_in(cwd, &args);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn a_rerun_removes_the_earlier_runs_files_and_keeps_the_users() {
    let cwd = tempfile::tempdir().unwrap();
    let out = cwd.path().join("out");
    report(cwd.path(), &["--client", "dental-35", "--samples", "200"]);
    let first = listed(&out);
    assert!(first.contains(&"charts/tornado.svg".to_string()));
    std::fs::write(out.join("notes.txt"), "my notes").unwrap();
    std::fs::write(out.join("charts/mine.svg"), "<svg/>").unwrap();
    let said = report(cwd.path(), &["--samples", "0"]);
    let second = listed(&out);
    assert!(!second.contains(&"charts/tornado.svg".to_string()));
    let mut expected = second.clone();
    expected.extend(["charts/mine.svg".to_string(), "notes.txt".to_string()]);
    expected.sort();
    assert_eq!(
        files(&out),
        expected,
        "stale outputs stayed, or a user's file went"
    );
    assert!(said.contains("removed "), "{said}");
    assert!(said.contains("charts/tornado.svg"), "{said}");
    assert!(said.contains("left alone 2 file(s)"), "{said}");
    assert_eq!(std::fs::read(out.join("notes.txt")).unwrap(), b"my notes");
}

#[test]
fn an_output_edited_since_is_the_users_and_stays() {
    let cwd = tempfile::tempdir().unwrap();
    let out = cwd.path().join("out");
    report(cwd.path(), &["--samples", "200"]);
    std::fs::write(out.join("charts/tornado.svg"), "<svg>annotated</svg>").unwrap();
    let said = report(cwd.path(), &["--samples", "0"]);
    assert_eq!(
        std::fs::read_to_string(out.join("charts/tornado.svg")).unwrap(),
        "<svg>annotated</svg>"
    );
    assert!(
        !out.join("charts/tornado.png").exists(),
        "the unedited PNG goes"
    );
    assert!(said.contains("left alone 1 file(s)"), "{said}");
}

/// A manifest is data: one naming files outside the folder removes nothing there.
#[test]
fn a_manifest_never_leads_out_of_the_folder() {
    let cwd = tempfile::tempdir().unwrap();
    let out = cwd.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let victim = cwd.path().join("victim.txt");
    std::fs::write(&victim, "keep").unwrap();
    // The victim's real hash, so only the folder check can save it.
    let sha = vendorscore::audit::manifest::sha256(b"keep");
    let hostile = format!(
        r#"{{"outputs":[{{"path":"../victim.txt","sha256":"{sha}"}},{{"path":"{}","sha256":"{sha}"}}]}}"#,
        victim.display()
    );
    std::fs::write(out.join("manifest.json"), hostile).unwrap();
    // A file of the user's, so the folder is written file by file and the listed
    // files are removed one by one.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    report(cwd.path(), &["--samples", "0"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
}

#[test]
fn the_reports_foot_shows_the_manifests_fingerprint() {
    let cwd = tempfile::tempdir().unwrap();
    let out = cwd.path().join("out");
    report(cwd.path(), &["--samples", "0"]);
    let fp = manifest(&out)["fingerprint"].as_str().unwrap().to_string();
    assert_eq!(fp.len(), 12);
    for f in ["report.md", "report.html"] {
        let text = std::fs::read_to_string(out.join(f)).unwrap();
        let foot = &text[text.len().saturating_sub(600)..];
        assert!(foot.contains(&fp), "{f}: {foot}");
    }
}
