//! The scorecard workbook recalculated by a real spreadsheet engine: LibreOffice opens
//! `rank --format xlsx`, recomputes every formula, and the scores and ranks it computes
//! equal `rank --format json` to 1e-9 under every normalisation and value function; then a
//! weight cell is changed and the recomputed ranking equals `rank` run with that weight.
//! Also: text from the data stays text, and `report` writes the workbook.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};
use common::libreoffice::{recalculate, soffice};
use common::{repo, run_in};

/// The shipped criteria file with `edit` applied.
fn criteria(edit: impl Fn(String) -> String) -> String {
    edit(std::fs::read_to_string(repo("criteria/msp-default.toml")).unwrap())
}

/// The cases: the shipped file (groups, min-max), each other normalisation for every
/// criterion, value functions on a cost and a benefit criterion, and flat weights (no
/// groups).
fn cases() -> Vec<(&'static str, String)> {
    let file_wide = |how: &'static str| {
        move |t: String| {
            t.replacen(
                "method = ",
                &format!("normalisation = \"{how}\"\nmethod = "),
                1,
            )
        }
    };
    vec![
        ("min-max", criteria(|t| t)),
        ("vector", criteria(file_wide("vector"))),
        ("max", criteria(file_wide("max"))),
        ("sum", criteria(file_wide("sum"))),
        (
            "value-functions",
            criteria(|t| {
                t.replace(
                    "metric = \"pricing.cost_per_endpoint_month\"\n",
                    "metric = \"pricing.cost_per_endpoint_month\"\nnormalisation = { best = 3, worst = 10 }\n",
                )
                .replace(
                    "metric = \"pilot.detection_rate\"\n",
                    "metric = \"pilot.detection_rate\"\nnormalisation = { best = 1, worst = 0.97 }\n",
                )
            }),
        ),
        (
            "flat",
            criteria(|t| {
                let lines: Vec<&str> = t.lines().filter(|l| !l.starts_with("group")).collect();
                let mut out = Vec::new();
                let mut skip = false;
                for l in lines {
                    if l.starts_with('[') {
                        skip = l.starts_with("[group.");
                    }
                    if !skip {
                        out.push(l);
                    }
                }
                out.join("\n")
            }),
        ),
    ]
}

/// (vendor, score, rank) of the vendors `rank ARGS --format json` ranks, by vendor.
fn from_json(dir: &Path, args: &[&str]) -> Vec<(String, f64, f64)> {
    let mut all = vec!["rank"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let (code, out, err) = run_in(dir, &all);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut rows: Vec<_> = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["excluded"] == false)
        .map(|r| {
            (
                r["vendor"].as_str().unwrap().to_string(),
                r["score"].as_f64().unwrap(),
                r["rank"].as_f64().unwrap(),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

/// (vendor, score, rank) as the Ranking sheet of `book` holds them.
fn from_sheet(book: &Path) -> Vec<(String, f64, f64)> {
    let mut wb = open_workbook_auto(book).unwrap();
    let range = wb.worksheet_range("Ranking").unwrap();
    let mut rows: Vec<_> = range
        .rows()
        .skip(1)
        .take_while(|r| matches!(r.get(2), Some(Data::Float(_))))
        .map(|r| {
            let num = |c: &Data| match c {
                Data::Float(x) => *x,
                other => panic!("{other:?} in {}", book.display()),
            };
            (r[0].to_string(), num(&r[2]), num(&r[3]))
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

fn assert_same(case: &str, sheet: &[(String, f64, f64)], json: &[(String, f64, f64)]) {
    assert_eq!(sheet.len(), json.len(), "{case}: {sheet:?} vs {json:?}");
    for (s, j) in sheet.iter().zip(json) {
        assert_eq!(s.0, j.0, "{case}");
        assert!(
            (s.1 - j.1).abs() <= 1e-9,
            "{case}: {} scores {} in the sheet, {} by rank",
            s.0,
            s.1,
            j.1
        );
        assert_eq!(
            s.2, j.2,
            "{case}: {} ranks {} in the sheet, {} by rank",
            s.0, s.2, j.2
        );
    }
}

/// A copy of `book` whose Weights!D2 (the first criterion's weight) is `weight`: the
/// cell's stored value rewritten in the sheet's XML, every other part copied as it is.
fn with_weight(book: &Path, weight: f64, to: &Path) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(book).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let mut edited = false;
    for i in 0..zin.len() {
        let mut part = zin.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        // Weights is the workbook's second sheet.
        if name == "xl/worksheets/sheet2.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let start = xml.find("<c r=\"D2\"").expect("Weights!D2");
            let v = start + xml[start..].find("<v>").unwrap() + 3;
            let end = v + xml[v..].find("</v>").unwrap();
            bytes = format!("{}{weight}{}", &xml[..v], &xml[end..]).into_bytes();
            edited = true;
        }
        zout.start_file(name, options).unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
    assert!(edited);
}

#[test]
fn libreoffice_recomputes_the_ranking_and_a_changed_weight() {
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (mut books, mut edited, mut expected) = (Vec::new(), Vec::new(), Vec::new());
    for (case, text) in cases() {
        let file = format!("{case}.toml");
        std::fs::write(d.join(&file), &text).unwrap();
        // The same file with the first criterion's weight 3 -> 7.
        let heavier = text.replacen("weight = 3\n", "weight = 7\n", 1);
        assert_ne!(heavier, text);
        let heavier_file = format!("{case}-heavier.toml");
        std::fs::write(d.join(&heavier_file), heavier).unwrap();
        let book = format!("{case}.xlsx");
        let (code, _, err) = run_in(
            d,
            &[
                "rank",
                "--criteria",
                &file,
                "--format",
                "xlsx",
                "--out",
                &book,
            ],
        );
        assert_eq!(code, 0, "{err}");
        std::fs::create_dir_all(d.join("edited")).unwrap();
        let changed = d.join("edited").join(&book);
        with_weight(&d.join(&book), 7.0, &changed);
        let (before, after) = (
            from_json(d, &["--criteria", &file]),
            from_json(d, &["--criteria", &heavier_file]),
        );
        assert_ne!(
            before, after,
            "{case}: the weight must change the ranking's scores"
        );
        books.push(d.join(&book));
        edited.push(changed);
        expected.push((case, before, after));
    }
    let out = d.join("recalculated");
    let out_edited = d.join("recalculated-edited");
    let start = std::time::Instant::now();
    let saved = recalculate(&soffice, &books, &out);
    let saved_edited = recalculate(&soffice, &edited, &out_edited);
    eprintln!(
        "LibreOffice recalculated {} workbooks in {:.1} s",
        2 * books.len(),
        start.elapsed().as_secs_f64()
    );
    for ((case, before, after), (s, e)) in expected.iter().zip(saved.iter().zip(&saved_edited)) {
        assert_same(case, &from_sheet(s), before);
        assert_same(&format!("{case}, weight changed"), &from_sheet(e), after);
    }
}

/// The tool's own stored results (what a viewer that does not recalculate shows) are the
/// ranking's, and a vendor named like a formula is a text cell, never a formula.
#[test]
fn stored_values_are_the_rankings_and_formula_like_names_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("data")).unwrap();
    for f in [
        "vendors",
        "pricing",
        "rmm_checks",
        "test_scores",
        "pilot_results",
    ] {
        let mut text = std::fs::read_to_string(repo(&format!("datasets/demo/{f}.csv"))).unwrap();
        if f == "vendors" {
            text = text.replace(
                ",Quillfort Endpoint,",
                ",\"=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\",",
            );
            text = text.replace(",Ottermere", ",+SUM(1;2) Ottermere");
        }
        std::fs::write(d.join(format!("data/{f}.csv")), text).unwrap();
    }
    let (code, _, err) = run_in(
        d,
        &[
            "rank", "--data", "data", "--format", "xlsx", "--out", "s.xlsx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let json = from_json(d, &["--data", "data"]);
    assert_same("stored", &from_sheet(&d.join("s.xlsx")), &json);
    let mut wb = open_workbook_auto(d.join("s.xlsx")).unwrap();
    let formulas = wb.worksheet_formula("Ranking").unwrap();
    let values = wb.worksheet_range("Ranking").unwrap();
    let names: Vec<(u32, String)> = (1..values.height() as u32)
        .filter_map(|r| match values.get_value((r, 1)) {
            Some(Data::String(s)) => Some((r, s.clone())),
            _ => None,
        })
        .collect();
    let hyperlink = names
        .iter()
        .find(|(_, s)| s.starts_with("=HYPERLINK"))
        .expect("the name as text");
    assert_eq!(hyperlink.1, "=HYPERLINK(\"http://x.test\",\"click\")");
    assert!(names.iter().any(|(_, s)| s == "+SUM(1;2) Ottermere XDR"));
    for (r, _) in &names {
        let f = formulas.get_value((*r, 1)).map_or("", String::as_str);
        assert_eq!(f, "", "row {r}: a name became a formula");
    }
    // The score column is formulas.
    assert!(formulas
        .get_value((1, 2))
        .is_some_and(|f| f.contains("SUM(")));
}

/// `report` writes scorecard.xlsx with the sheets of the report's tables.
#[test]
fn report_writes_the_scorecard() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(dir.path(), &["report", "--out", "out", "--samples", "0"]);
    assert_eq!(code, 0, "{err}");
    let book: PathBuf = dir.path().join("out/scorecard.xlsx");
    let wb = open_workbook_auto(&book).unwrap();
    let names = wb.sheet_names();
    for want in [
        "Ranking",
        "Weights",
        "Evidence",
        "Gates",
        "Exclusions",
        "Pilot metrics",
        "Cost",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
    }
}
