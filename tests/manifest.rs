//! `manifest.json`: every `report` records its inputs and outputs by SHA-256, checked here
//! against the files themselves with an independent implementation (coreutils'
//! `sha256sum` when present, else the sizes only), and the date lives only there.

mod common;

use std::path::Path;

use common::{repo, run_in};
use serde_json::Value;

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

/// `sha256sum FILE`, or `None` without coreutils.
fn sha256sum(path: &Path) -> Option<String> {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    Some(text.split_whitespace().next()?.to_string())
}

#[test]
fn the_manifest_lists_every_output_and_input_by_hash() {
    let cwd = tempfile::tempdir().unwrap();
    let data = repo("datasets/demo");
    let (code, _, err) = run_in(
        cwd.path(),
        &[
            "report",
            "--data",
            data.to_str().unwrap(),
            "--client",
            "dental-35",
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let out = cwd.path().join("out");
    let m = manifest(&out);
    assert_eq!(m["tool"], "vendorscore");
    assert_eq!(m["seed"], 42);
    assert_eq!(m["command"][0], "report");
    // Every file written but the manifest is listed, with its size and hash.
    let mut written: Vec<String> = walk(&out)
        .into_iter()
        .filter(|p| p != "manifest.json")
        .collect();
    written.sort();
    let mut listed: Vec<String> = m["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap().to_string())
        .collect();
    listed.sort();
    assert_eq!(written, listed);
    for o in m["outputs"].as_array().unwrap() {
        let path = out.join(o["path"].as_str().unwrap());
        assert_eq!(o["bytes"], std::fs::metadata(&path).unwrap().len());
        if let Some(h) = sha256sum(&path) {
            assert_eq!(o["sha256"], h.as_str(), "{}", path.display());
        }
    }
    // Inputs: the five evidence files as given, the built-in criteria, the client and
    // the client's device inventory (the report has its migration plan).
    let inputs = m["inputs"].as_array().unwrap();
    let roles: Vec<&str> = inputs.iter().map(|i| i["role"].as_str().unwrap()).collect();
    assert_eq!(
        roles,
        [
            "dataset",
            "dataset",
            "dataset",
            "dataset",
            "dataset",
            "criteria",
            "client",
            "inventory"
        ]
    );
    let inventory = data.join("inventory-dental-35.csv");
    assert_eq!(inputs[7]["path"], inventory.to_str().unwrap());
    assert_eq!(
        inputs[7]["bytes"],
        std::fs::metadata(&inventory).unwrap().len()
    );
    assert_eq!(inputs[7]["rows"], 35);
    if let Some(h) = sha256sum(&inventory) {
        assert_eq!(inputs[7]["sha256"], h.as_str());
    }
    assert!(
        written.contains(&"charts/gantt.svg".to_string()),
        "{written:?}"
    );
    let vendors = &inputs[0];
    assert_eq!(vendors["path"], data.join("vendors.csv").to_str().unwrap());
    assert_eq!(vendors["rows"], 6);
    if let Some(h) = sha256sum(&data.join("vendors.csv")) {
        assert_eq!(vendors["sha256"], h.as_str());
    }
    assert_eq!(inputs[6]["path"], "<built-in>/clients/dental-35.toml");
    let built_in = repo("clients/dental-35.toml");
    assert_eq!(
        inputs[6]["bytes"],
        std::fs::metadata(&built_in).unwrap().len()
    );
    // The effective weights sum to 1.
    let total: f64 = m["weights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["weight"].as_f64().unwrap())
        .sum();
    assert!((total - 1.0).abs() < 1e-9, "{total}");
}

/// Two runs of the same inputs differ in the manifest's date only: every other output is
/// byte-identical and the fingerprint is the same; a changed input changes it.
#[test]
fn only_the_manifest_carries_the_date() {
    let cwd = tempfile::tempdir().unwrap();
    for out in ["a", "b"] {
        let (code, _, err) = run_in(cwd.path(), &["report", "--out", out]);
        assert_eq!(code, 0, "{err}");
    }
    let (a, b) = (
        manifest(&cwd.path().join("a")),
        manifest(&cwd.path().join("b")),
    );
    assert_eq!(a["outputs"], b["outputs"]);
    assert_eq!(a["fingerprint"], b["fingerprint"]);
    let created = a["created"].as_str().unwrap();
    assert_eq!(created.len(), 20, "{created}");
    for f in walk(&cwd.path().join("a")) {
        if f != "manifest.json" {
            let text = std::fs::read(cwd.path().join("a").join(&f)).unwrap();
            let day = &created[..10];
            assert!(
                !String::from_utf8_lossy(&text).contains(day),
                "{f} carries the date {day}"
            );
        }
    }
    let (code, _, err) = run_in(
        cwd.path(),
        &["report", "--criteria", "lab-only", "--out", "c"],
    );
    assert_eq!(code, 0, "{err}");
    assert_ne!(
        manifest(&cwd.path().join("c"))["fingerprint"],
        a["fingerprint"]
    );
}

/// Files under `dir`, relative, with `/` separators.
fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if p.is_dir() {
            out.extend(walk(&p).into_iter().map(|f| format!("{name}/{f}")));
        } else {
            out.push(name);
        }
    }
    out
}
