//! End-to-end tests of the real binary on fixture datasets: ranking, formats, report
//! files, demo data, the built-in data and the real lab dataset.

mod common;

use common::*;
use serde_json::Value;

/// The tiny fixture, worked by hand (weights 2:1:1 -> 0.5, 0.25, 0.25):
/// detection 0.99 / 0.98 / 0.95 -> 1, 0.75, 0; false positives per endpoint-day
/// 0.1 / 0 / 0.2 -> 0.5, 1, 0; CPU 3 / 5 / 2 -> 2/3, 0, 1.
/// alpha = 50 + 12.5 + 16.667 = 79.167, bravo = 37.5 + 25 = 62.5, charlie = 25.
#[test]
fn ranks_the_tiny_fixture_as_worked_by_hand() {
    let (code, out, err) = rank(
        &fixture("tiny"),
        &fixture("criteria/tiny.toml"),
        &["--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let vendors = v["vendors"].as_array().unwrap();
    let expect = [
        ("alpha", 1, 79.1666667),
        ("bravo", 2, 62.5),
        ("charlie", 3, 25.0),
    ];
    for (i, (id, rank, score)) in expect.iter().enumerate() {
        assert_eq!(vendors[i]["vendor"], *id);
        assert_eq!(vendors[i]["rank"], *rank);
        assert!(
            (vendors[i]["score"].as_f64().unwrap() - score).abs() < 1e-6,
            "{}",
            vendors[i]
        );
    }
    let c = &vendors[0]["contributions"];
    assert!((c["detection"].as_f64().unwrap() - 50.0).abs() < 1e-9);
    assert!((c["fp"].as_f64().unwrap() - 12.5).abs() < 1e-9);
    let k = &vendors[3];
    assert_eq!(k["vendor"], "kaspersky");
    assert_eq!(k["excluded"], true);
    assert_eq!(k["rank"], Value::Null);
    assert_eq!(
        k["reasons"][0]["reason"],
        "restricted (`us-bis-2024`, `fcc-covered-list`)"
    );
    assert_eq!(v["method"], "weighted-sum");
    let w: Vec<f64> = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["weight"].as_f64().unwrap())
        .collect();
    assert_eq!(w, vec![0.5, 0.25, 0.25]);
}

#[test]
fn table_output_snapshot() {
    let (code, out, err) = rank(&fixture("tiny"), &fixture("criteria/tiny.toml"), &[]);
    assert_eq!(code, 0, "{err}");
    let out = out.replace(&fixture("tiny").display().to_string(), "<tiny>");
    insta::assert_snapshot!("tiny_table", out);
}

#[test]
fn markdown_and_csv_snapshots() {
    let (_, md, _) = rank(
        &fixture("tiny"),
        &fixture("criteria/tiny.toml"),
        &["--format", "md"],
    );
    let md = md
        .replace(&fixture("tiny").display().to_string(), "<tiny>")
        .replace(
            &fixture("criteria/tiny.toml").display().to_string(),
            "<tiny.toml>",
        );
    insta::assert_snapshot!("tiny_markdown", md);
    let (_, csv, _) = rank(
        &fixture("tiny"),
        &fixture("criteria/tiny.toml"),
        &["--format", "csv"],
    );
    insta::assert_snapshot!("tiny_csv", csv);
}

#[test]
fn check_passes_on_clean_inputs() {
    let out = bin()
        .args(["check", "--data"])
        .arg(fixture("tiny"))
        .arg("--criteria")
        .arg(fixture("criteria/tiny.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("has 4 vendors") && s.contains("3 vendors pass the gates, 1 excluded"),
        "{s}"
    );
}

#[test]
fn report_writes_its_files_and_leaves_inputs_alone() {
    let data = scratch_copy("tiny");
    let before = snapshot_dir(data.path());
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("client-a");
    let res = bin()
        .arg("report")
        .arg("--data")
        .arg(data.path())
        .arg("--criteria")
        .arg(fixture("criteria/tiny.toml"))
        .arg("--out")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(
        res.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let names: Vec<String> = snapshot_dir(&target).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        vec![
            "charts",
            "manifest.json",
            "ranking.csv",
            "ranking.json",
            "ranking.md",
            "report.html",
            "report.md",
            "scorecard.xlsx",
            "tables"
        ]
    );
    let png = std::fs::read(target.join("charts/ranking.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = std::fs::read_to_string(target.join("charts/ranking.svg")).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("Alpha EDR"),
        "{}",
        &svg[..200.min(svg.len())]
    );
    let json: Value =
        serde_json::from_slice(&std::fs::read(target.join("ranking.json")).unwrap()).unwrap();
    assert_eq!(json["vendors"][0]["vendor"], "alpha");
    assert_eq!(snapshot_dir(data.path()), before);
}

#[test]
fn a_failed_report_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("r");
    let data = scratch_copy("tiny");
    std::fs::write(
        data.path().join("vendors.csv"),
        "vendor,name\nalpha,Alpha\nalpha,Again\n",
    )
    .unwrap();
    let res = bin()
        .arg("report")
        .arg("--data")
        .arg(data.path())
        .arg("--criteria")
        .arg(fixture("criteria/tiny.toml"))
        .arg("--out")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(1));
    assert!(!target.exists());
}

#[test]
fn report_into_a_file_path_fails_cleanly() {
    let out = tempfile::tempdir().unwrap();
    let blocker = out.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let res = bin()
        .arg("report")
        .arg("--data")
        .arg(fixture("tiny"))
        .arg("--criteria")
        .arg(fixture("criteria/tiny.toml"))
        .arg("--out")
        .arg(&blocker)
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(1));
    let err = String::from_utf8_lossy(&res.stderr);
    assert!(
        err.contains("cannot write") && err.contains("not-a-dir"),
        "{err}"
    );
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}

#[test]
fn row_order_does_not_change_the_ranking() {
    let data = scratch_copy("tiny");
    let p = data.path().join("pilot_results.csv");
    let text = std::fs::read_to_string(&p).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    let (_, a, _) = rank(
        &fixture("tiny"),
        &fixture("criteria/tiny.toml"),
        &["--format", "csv"],
    );
    let (_, b, _) = rank(
        data.path(),
        &fixture("criteria/tiny.toml"),
        &["--format", "csv"],
    );
    assert_eq!(a, b);
}

#[test]
fn parquet_evidence_ranks_like_csv() {
    use polars::prelude::*;
    let data = scratch_copy("tiny");
    let csv = data.path().join("pilot_results.csv");
    let mut df = CsvReadOptions::default()
        .with_has_header(true)
        .try_into_reader_with_file_path(Some(csv.clone()))
        .unwrap()
        .finish()
        .unwrap();
    let mut f = std::fs::File::create(data.path().join("pilot_results.parquet")).unwrap();
    ParquetWriter::new(&mut f).finish(&mut df).unwrap();
    std::fs::remove_file(&csv).unwrap();
    let (code, b, err) = rank(
        data.path(),
        &fixture("criteria/tiny.toml"),
        &["--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    let (_, a, _) = rank(
        &fixture("tiny"),
        &fixture("criteria/tiny.toml"),
        &["--format", "csv"],
    );
    assert_eq!(a, b);
}
