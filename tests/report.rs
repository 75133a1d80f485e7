//! `vendorscore report` as a whole: every file it writes is valid (SVG parses as XML, PNG
//! decodes, Parquet reads back with polars and matches the CSV), the Markdown, CSV and JSON
//! are pinned by snapshots, the HTML page is self-contained with the bottom line first, and
//! text from the data is escaped everywhere.

mod common;

use std::path::Path;

use common::{bin, fixture, scratch_copy};
use serde_json::Value;

/// Runs `report` on a dataset with the tiny criteria; returns (stdout, stderr).
fn report(data: &Path, out: &Path, extra: &[&str]) -> (String, String) {
    let res = bin()
        .arg("report")
        .arg("--data")
        .arg(data)
        .arg("--criteria")
        .arg(fixture("criteria/tiny.toml"))
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&res.stderr).into_owned();
    assert_eq!(res.status.code(), Some(0), "{stderr}");
    (String::from_utf8_lossy(&res.stdout).into_owned(), stderr)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn names(dir: &Path) -> Vec<String> {
    common::snapshot_dir(dir)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

#[test]
fn every_chart_is_valid_svg_and_png() {
    let out = tempfile::tempdir().unwrap();
    report(&fixture("tiny"), out.path(), &[]);
    let charts = names(&out.path().join("charts"));
    for stem in [
        "ranking",
        "profile",
        "forest-detection_rate",
        "forest-false_positives_per_endpoint_day",
        "forest-cpu_overhead_pct",
        "acceptability",
        "tornado",
        "sweep-fp",
    ] {
        for ext in ["svg", "png"] {
            assert!(
                charts.contains(&format!("{stem}.{ext}")),
                "{stem}.{ext} in {charts:?}"
            );
        }
        let svg = read(&out.path().join(format!("charts/{stem}.svg")));
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{stem}.svg: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(
            doc.descendants().filter(|n| n.has_tag_name("text")).count() > 3,
            "{stem}: no text"
        );
        let png = std::fs::read(out.path().join(format!("charts/{stem}.png"))).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert!(
            info.width >= 600 && info.height >= 300,
            "{stem}: {}x{}",
            info.width,
            info.height
        );
        let distinct: std::collections::HashSet<&[u8]> = buf[..info.buffer_size()]
            .chunks(info.color_type.samples())
            .collect();
        assert!(distinct.len() > 10, "{stem}.png looks blank");
    }
}

#[test]
fn tables_agree_across_csv_json_and_parquet() {
    use polars::prelude::{ParquetReader, SerReader};
    let out = tempfile::tempdir().unwrap();
    report(&fixture("tiny"), out.path(), &[]);
    let tables = out.path().join("tables");
    for name in ["ranking", "criteria", "acceptability", "pilot_metrics"] {
        let csv_text = read(&tables.join(format!("{name}.csv")));
        let mut rows = csv::Reader::from_reader(csv_text.as_bytes());
        let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
        let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        let json: Value =
            serde_json::from_str(&read(&tables.join(format!("{name}.json")))).unwrap();
        let json = json.as_array().unwrap();
        let file = std::fs::File::open(tables.join(format!("{name}.parquet"))).unwrap();
        let df = ParquetReader::new(file).finish().unwrap();
        assert_eq!(df.height(), records.len(), "{name}");
        assert_eq!(json.len(), records.len(), "{name}");
        let cols: Vec<String> = df
            .get_column_names()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(cols, header, "{name}");
        // Every numeric cell agrees between the three formats.
        for (c, col) in header.iter().enumerate() {
            let series = df.column(col).unwrap();
            let Ok(numbers) = series.f64() else { continue };
            for (row, rec) in records.iter().enumerate() {
                let from_csv: Option<f64> = rec[c].parse().ok();
                // Parquet keeps every bit; CSV holds the value to 12 significant digits,
                // written as the shortest text that reads back as that rounded value.
                let twelve = |x: f64| -> f64 { format!("{x:.11e}").parse().unwrap() };
                assert_eq!(
                    numbers.get(row).map(|x| (twelve(x) + 0.0).to_bits()),
                    from_csv.map(|x| (x + 0.0).to_bits()),
                    "{name}.{col} row {row}: {:?} {:?} csv {}",
                    numbers.get(row),
                    from_csv,
                    &rec[c]
                );
                if let Some(x) = from_csv {
                    assert_eq!(
                        x.to_string(),
                        rec[c],
                        "{name}.{col} row {row}: not shortest"
                    );
                }
                // serde_json's default float parser may be one unit in the last place off
                // (its `float_roundtrip` feature is off), so JSON compares within 1e-15.
                let from_json = json[row][col].as_f64();
                assert_eq!(
                    from_json.is_some(),
                    from_csv.is_some(),
                    "{name}.{col} row {row}"
                );
                if let (Some(j), Some(c)) = (from_json, from_csv) {
                    assert!(
                        (j - c).abs() <= 1e-15 * c.abs().max(1.0),
                        "{name}.{col} row {row}"
                    );
                }
            }
        }
    }
    // The hand-worked scores of the tiny fixture (tests/fixtures/criteria/tiny.toml).
    let json: Value = serde_json::from_str(&read(&tables.join("ranking.json"))).unwrap();
    let score = |k: usize| json[k]["score"].as_f64().unwrap();
    assert_eq!(json[0]["vendor"], "alpha");
    assert!((score(0) - 79.166_666).abs() < 1e-3 && (score(1) - 62.5).abs() < 1e-9);
    assert!(json[3]["score"].is_null() && json[3]["excluded"] == true);
    // Rank acceptabilities are shares: each vendor's row sums to 1.
    let acc: Value = serde_json::from_str(&read(&tables.join("acceptability.json"))).unwrap();
    for row in acc.as_array().unwrap() {
        let sum: f64 = ["rank_1", "rank_2", "rank_3"]
            .iter()
            .map(|k| row[k].as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-9, "{row}");
    }
}

#[test]
fn markdown_and_tables_match_their_snapshots() {
    let out = tempfile::tempdir().unwrap();
    let (stdout, _) = report(&fixture("tiny"), out.path(), &[]);
    let md = read(&out.path().join("report.md"))
        .replace(&fixture("tiny").display().to_string(), "<tiny>")
        .replace(
            &fixture("criteria/tiny.toml").display().to_string(),
            "<tiny.toml>",
        );
    insta::assert_snapshot!("report_md", md);
    insta::assert_snapshot!(
        "tables_ranking_csv",
        read(&out.path().join("tables/ranking.csv"))
    );
    insta::assert_snapshot!(
        "tables_criteria_json",
        read(&out.path().join("tables/criteria.json"))
    );
    insta::assert_snapshot!(
        "tables_pilot_metrics_csv",
        read(&out.path().join("tables/pilot_metrics.csv"))
    );
    assert!(stdout.contains("How robust: weak."), "{stdout}");
}

#[test]
fn html_is_self_contained_with_the_bottom_line_first() {
    let out = tempfile::tempdir().unwrap();
    report(&fixture("tiny"), out.path(), &[]);
    let html = read(&out.path().join("report.html"));
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    assert!(html.contains("name=\"viewport\"") && html.contains("@media print"));
    // No reference that a browser would fetch: only the SVG namespace names a URL.
    let without_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for needle in [
        "http://", "https://", "src=", "url(", "@import", "<link", "<script",
    ] {
        assert!(!without_ns.contains(needle), "found {needle}");
    }
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s}"));
    let order = [
        "id=\"bottom-line\"",
        "id=\"ranking\"",
        "id=\"evidence\"",
        "id=\"gates\"",
        "id=\"method\"",
        "id=\"caveats\"",
    ];
    for w in order.windows(2) {
        assert!(at(w[0]) < at(w[1]), "{} before {}", w[0], w[1]);
    }
    let bottom = &html[at("id=\"bottom-line\"")..at("id=\"ranking\"")];
    assert!(bottom.contains("Recommendation: Alpha EDR"), "{bottom}");
    assert!(bottom.contains("How robust: weak."), "{bottom}");
    // Every chart is inline, in its wide and its narrow layout.
    assert_eq!(html.matches("<figure").count(), 8);
    assert_eq!(html.matches("<svg class=\"wide\" role=\"img\"").count(), 8);
    assert_eq!(
        html.matches("<svg class=\"narrow\" role=\"img\"").count(),
        8
    );
}

#[test]
fn text_from_the_data_is_escaped_in_html_markdown_svg_and_csv() {
    let data = scratch_copy("tiny");
    let vendors = data.path().join("vendors.csv");
    let evil = "=HYPERLINK(\"\"http://x\"\")<script>alert(1)</script>";
    std::fs::write(
        &vendors,
        read(&vendors).replacen("Alpha EDR", &format!("\"{evil}\""), 1),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    report(data.path(), out.path(), &[]);
    let shown = "=HYPERLINK(\"http://x\")<script>alert(1)</script>";
    let html = read(&out.path().join("report.html"));
    assert!(!html.contains("<script>"), "raw script in report.html");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let md = read(&out.path().join("report.md"));
    assert!(
        !md.contains("<script>") && md.contains("&lt;script&gt;"),
        "report.md"
    );
    for f in names(&out.path().join("charts"))
        .iter()
        .filter(|n| n.ends_with(".svg"))
    {
        let svg = read(&out.path().join("charts").join(f));
        assert!(!svg.contains("<script>"), "{f}");
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    let csv_text = read(&out.path().join("tables/ranking.csv"));
    let first = csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(&first[2], format!("'{shown}"), "formula not neutralised");
    let json: Value = serde_json::from_str(&read(&out.path().join("tables/ranking.json"))).unwrap();
    assert_eq!(json[0]["name"], shown, "JSON keeps the text as it is");
}

#[test]
fn samples_zero_skips_the_sensitivity_but_still_reports() {
    let out = tempfile::tempdir().unwrap();
    let (stdout, _) = report(&fixture("tiny"), out.path(), &["--samples", "0"]);
    assert!(stdout.contains("How robust: weak."), "{stdout}");
    let charts = names(&out.path().join("charts"));
    assert!(
        !charts.iter().any(|c| c.starts_with("acceptability")),
        "{charts:?}"
    );
    assert!(!out.path().join("tables/acceptability.csv").exists());
    let html = read(&out.path().join("report.html"));
    assert!(!html.contains("Sensitivity"));
}

#[test]
fn the_demo_report_has_every_chart_and_the_cost_section() {
    let out = tempfile::tempdir().unwrap();
    let res = bin()
        .arg("report")
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(res.status.success());
    let charts = names(&out.path().join("charts"));
    for stem in [
        "ranking",
        "profile",
        "forest-detection_rate",
        "acceptability",
        "tornado",
        "frontier",
    ] {
        assert!(
            charts.contains(&format!("{stem}.svg")),
            "{stem} in {charts:?}"
        );
    }
    assert!(charts.iter().any(|c| c.starts_with("sweep-")));
    let tables = names(&out.path().join("tables"));
    assert!(tables.contains(&"cost.parquet".to_string()), "{tables:?}");
    let html = read(&out.path().join("report.html"));
    assert!(html.contains("id=\"cost\"") && html.contains("value-for-money frontier"));
}

#[test]
fn every_method_writes_a_report_and_a_csv_without_points() {
    for method in ["topsis", "vikor", "promethee2"] {
        let out = tempfile::tempdir().unwrap();
        let (stdout, _) = report(&fixture("tiny"), out.path(), &["--method", method]);
        assert!(stdout.contains("How robust"), "{method}: {stdout}");
        let html = read(&out.path().join("report.html"));
        assert!(
            html.contains(&format!("Method <code>{method}</code>")),
            "{method}"
        );
        // No stacked-points chart: only the weighted sum's points add up to the score.
        assert!(!out.path().join("charts/ranking.svg").exists(), "{method}");
        let csv_text = read(&out.path().join("ranking.csv"));
        let mut rows = csv::Reader::from_reader(csv_text.as_bytes());
        let header = rows.headers().unwrap().clone();
        let points = header.iter().position(|h| h == "detection.points").unwrap();
        let first = rows.records().next().unwrap().unwrap();
        assert_eq!(
            &first[points], "",
            "{method}: points of a method without points"
        );
    }
}

#[test]
fn a_single_remaining_vendor_is_reported_without_a_comparison() {
    let criteria = tempfile::NamedTempFile::new().unwrap();
    let text = read(&fixture("criteria/tiny.toml")).replacen(
        "[[criterion]]",
        "[[gate]]\nid = \"strict\"\nmetric = \"pilot.detection_rate\"\nmin = 0.985\n\n[[criterion]]",
        1,
    );
    std::fs::write(criteria.path(), text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let res = bin()
        .arg("report")
        .arg("--data")
        .arg(fixture("tiny"))
        .arg("--criteria")
        .arg(criteria.path())
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let stdout = String::from_utf8_lossy(&res.stdout);
    assert!(
        stdout.contains("`alpha` is the only vendor that passes the gates"),
        "{stdout}"
    );
    let html = read(&out.path().join("report.html"));
    assert!(html.contains("gate <code>strict</code>") || html.contains("<code>strict</code>"));
    assert!(!out.path().join("charts/acceptability.svg").exists());
}
