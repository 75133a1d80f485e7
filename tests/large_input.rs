//! `vendorscore report` on large inputs: hundreds of vendors or criteria. The report and its
//! charts show the top of the ranking in full and say where the rest is; the files under
//! `tables/` and `ranking.*` keep every vendor and criterion.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::bin;

/// Vendors drawn in a chart (`report::limits::TOP_VENDORS`).
const TOP_VENDORS: usize = 20;
/// Rows of a table in the report (`report::limits::TABLE_ROWS`).
const TABLE_ROWS: usize = 50;

/// A lab-only dataset of `vendors` vendors (the last `restricted` of them restricted) and a
/// criteria file of `criteria` criteria with a gate on restrictions; values from a fixed
/// generator. Returns (data folder, criteria file).
fn dataset(dir: &Path, vendors: usize, criteria: usize, restricted: usize) -> (PathBuf, PathBuf) {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut v = String::from("vendor,name,hq_country,restrictions,notes\n");
    let mut t =
        String::from("lab,test,period_start,period_end,vendor,metric,value,unit,samples,source\n");
    for i in 0..vendors {
        let restriction = if i >= vendors - restricted {
            "us-entity-list"
        } else {
            ""
        };
        writeln!(v, "v{i:04},Vendor {i:04},US,{restriction},").unwrap();
        let rate = 95.0 + 5.0 * next();
        writeln!(
            t,
            "Lab,Scale,2024-09,2024-09,v{i:04},protection_rate,{rate:.1},percent,1000,"
        )
        .unwrap();
        for j in 1..criteria {
            writeln!(
                t,
                "Lab,Scale,2024-09,2024-09,v{i:04},m{j:04},{:.2},score,,",
                100.0 * next()
            )
            .unwrap();
        }
    }
    std::fs::write(data.join("vendors.csv"), v).unwrap();
    std::fs::write(data.join("test_scores.csv"), t).unwrap();
    let mut c = String::from(
        "name = \"Scale\"\nmethod = \"weighted-sum\"\nmissing = \"worst\"\n\n[[gate]]\nid = \"not-restricted\"\nmetric = \"vendor.restrictions\"\nrule = \"empty\"\n",
    );
    for j in 0..criteria {
        let metric = if j == 0 {
            "protection_rate".to_string()
        } else {
            format!("m{j:04}")
        };
        let direction = if j % 2 == 0 { "max" } else { "min" };
        write!(
            c,
            "\n[[criterion]]\nid = \"c{j:04}\"\nmetric = \"tests.{metric}\"\ndirection = \"{direction}\"\nweight = {}\n",
            1 + (j * 7) % 10
        )
        .unwrap();
    }
    let criteria_path = dir.join("criteria.toml");
    std::fs::write(&criteria_path, c).unwrap();
    (data, criteria_path)
}

/// Runs `report --samples 200` into `dir/out` and returns the folder.
fn report(dir: &Path, data: &Path, criteria: &Path) -> PathBuf {
    let out = dir.join("out");
    let res = bin()
        .arg("report")
        .arg("--data")
        .arg(data)
        .arg("--criteria")
        .arg(criteria)
        .arg("--out")
        .arg(&out)
        .args(["--samples", "200"])
        .output()
        .unwrap();
    assert_eq!(
        res.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    out
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The `width` and `height` of an SVG's root element.
fn svg_size(p: &Path) -> (u32, u32) {
    let svg = read(p);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    let attr = |name: &str| -> u32 { root.attribute(name).unwrap().parse().unwrap() };
    (attr("width"), attr("height"))
}

/// Data rows of a CSV file (lines after the header).
fn csv_rows(p: &Path) -> usize {
    read(p).lines().count() - 1
}

#[test]
fn many_vendors_show_the_top_in_full_and_say_where_the_rest_is() {
    let dir = tempfile::tempdir().unwrap();
    let (vendors, restricted) = (300, 60);
    let (data, criteria) = dataset(dir.path(), vendors, 4, restricted);
    let out = report(dir.path(), &data, &criteria);
    let ranked = vendors - restricted;

    // The page stays small: the old report drew every vendor (17 MB at 300 vendors).
    let html_len = std::fs::metadata(out.join("report.html")).unwrap().len();
    assert!(html_len < 1_500_000, "report.html is {html_len} bytes");
    let html = read(&out.join("report.html"));
    let md = read(&out.join("report.md"));
    for doc in [&html, &md] {
        // The ranking table, the excluded list and the charts each say what they leave out.
        assert!(
            doc.contains(&format!(
                "{} more vendors are in <code>ranking.csv</code>",
                ranked - TABLE_ROWS
            )) || doc.contains(&format!(
                "{} more vendors are in `ranking.csv`",
                ranked - TABLE_ROWS
            )),
            "no note on the ranking table"
        );
        assert!(doc.contains(&format!(
            "{} more excluded vendors",
            restricted - TABLE_ROWS
        )));
        assert!(doc.contains(&format!(
            "The chart shows the first {TOP_VENDORS} ranked vendors"
        )));
    }

    // Charts with a row per vendor stay the height of TOP_VENDORS rows.
    for chart in ["acceptability", "ranking"] {
        let (w, h) = svg_size(&out.join(format!("charts/{chart}.svg")));
        assert_eq!(w, 900, "{chart}");
        assert!(h <= 1400, "{chart}.svg is {h} pixels high");
    }
    let heat = read(&out.join("charts/acceptability.svg"));
    assert!(heat.contains(&format!("top {TOP_VENDORS} of {ranked} vendors")));

    // The files with data keep everything.
    assert_eq!(csv_rows(&out.join("ranking.csv")), vendors);
    assert_eq!(csv_rows(&out.join("tables/ranking.csv")), vendors);
    assert_eq!(csv_rows(&out.join("tables/acceptability.csv")), ranked);
    let header = read(&out.join("tables/acceptability.csv"));
    let columns = header.lines().next().unwrap().split(',').count();
    assert_eq!(columns, 1 + ranked, "a column per rank");
}

#[test]
fn many_criteria_draw_the_heaviest_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let criteria_count = 400;
    let (data, criteria) = dataset(dir.path(), 5, criteria_count, 0);
    let out = report(dir.path(), &data, &criteria);

    // Five charts (ranking, profile, heatmap, tornado, one sweep), as with few criteria.
    let charts = std::fs::read_dir(out.join("charts")).unwrap().count();
    assert_eq!(charts, 10, "SVG and PNG of five charts");
    // The tornado has a bar per criterion it shows: bounded, not 400 bars high.
    let (_, h) = svg_size(&out.join("charts/tornado.svg"));
    assert!(h <= 1400, "tornado.svg is {h} pixels high");
    // The ranking chart's legend names 16 criteria and the sum of the rest.
    let ranking = read(&out.join("charts/ranking.svg"));
    assert!(ranking.contains("384 other criteria"), "no summed segment");
    assert!(!ranking.contains("c0399"), "a light criterion is drawn");

    let html = read(&out.join("report.html"));
    let html_len = html.len();
    assert!(html_len < 1_000_000, "report.html is {html_len} bytes");
    assert!(html.contains(&format!(
        "The table shows the {TABLE_ROWS} heaviest criteria; all {criteria_count} are in"
    )));
    assert!(html.contains("It draws the 16 heaviest criteria"));
    assert_eq!(csv_rows(&out.join("tables/criteria.csv")), criteria_count);
}
