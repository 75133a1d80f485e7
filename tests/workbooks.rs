//! Evidence files as spreadsheet workbooks: a price list saved by LibreOffice, one
//! `evidence.xlsx` of every file as sheets and a device inventory, each read to the same
//! ranking, cost or plan as their CSV files; and the whole message a user sees for a
//! number written as text, a bad cell, an error cell and a misnamed sheet.

mod common;

use std::path::Path;

use common::{fixture, repo, run_in};
use rust_xlsxwriter::{ExcelDateTime, Workbook, Worksheet};

/// The demo files that make a dataset.
const DEMO: [&str; 5] = [
    "vendors",
    "pricing",
    "rmm_checks",
    "test_scores",
    "pilot_results",
];

/// Writes a CSV file's rows into `ws` as a spreadsheet program would type them: numbers
/// as numbers, `true`/`false` as booleans, `YYYY-MM-DD` as dates, the rest as text.
fn fill(ws: &mut Worksheet, csv: &str) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if cell.is_empty() {
                continue;
            }
            if let Ok(b) = cell.parse::<bool>() {
                ws.write_boolean(r, c, b).unwrap();
            } else if let Ok(x) = cell.parse::<f64>() {
                ws.write_number(r, c, x).unwrap();
            } else if let Ok(d) = ExcelDateTime::parse_from_str(cell) {
                let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                ws.write_datetime_with_format(r, c, d, &format).unwrap();
            } else {
                ws.write_string(r, c, cell).unwrap();
            }
        }
    }
}

/// A workbook of one sheet per (name, CSV text).
fn workbook(sheets: &[(&str, String)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, csv) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        fill(ws, csv);
    }
    wb.save_to_buffer().unwrap()
}

fn demo(file: &str) -> String {
    std::fs::read_to_string(repo(&format!("datasets/demo/{file}.csv"))).unwrap()
}

/// The demo dataset copied into `dir/data`, less the files of `leave_out`.
fn demo_copy(dir: &Path, leave_out: &[&str]) {
    std::fs::create_dir_all(dir.join("data")).unwrap();
    for f in DEMO.iter().filter(|f| !leave_out.contains(f)) {
        std::fs::write(dir.join(format!("data/{f}.csv")), demo(f)).unwrap();
    }
}

/// `rank --format json` on `dir/data`: every vendor with its score, rank, values and
/// exclusion, as one JSON text.
fn ranking(dir: &Path) -> String {
    let (code, out, err) = run_in(dir, &["rank", "--data", "data", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    serde_json::to_string_pretty(&v["vendors"]).unwrap()
}

fn demo_ranking() -> String {
    let dir = tempfile::tempdir().unwrap();
    demo_copy(dir.path(), &[]);
    ranking(dir.path())
}

/// The demo price list converted to .xlsx by LibreOffice (`soffice --headless
/// --convert-to xlsx pricing.csv`: prices as number cells, a sheet named `pricing`) gives
/// the ranking and the quotes of the CSV file.
#[test]
fn a_price_list_saved_by_libreoffice_reads_as_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    demo_copy(dir.path(), &["pricing"]);
    std::fs::copy(
        fixture("workbooks/demo-pricing.xlsx"),
        dir.path().join("data/pricing.xlsx"),
    )
    .unwrap();
    assert_eq!(ranking(dir.path()), demo_ranking());
    let cost = |d: &str| {
        let (code, out, err) = run_in(dir.path(), &["cost", "--data", d, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let csv_dir = dir.path().join("csv");
    demo_copy(&csv_dir, &[]);
    assert_eq!(cost("data"), cost("csv/data"));
}

/// Every evidence file as a sheet of one `evidence.xlsx`, numbers and dates typed.
#[test]
fn one_evidence_workbook_of_every_file_reads_as_the_csv_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let sheets: Vec<(&str, String)> = DEMO.iter().map(|f| (*f, demo(f))).collect();
    std::fs::write(dir.path().join("data/evidence.xlsx"), workbook(&sheets)).unwrap();
    assert_eq!(ranking(dir.path()), demo_ranking());
}

/// A workbook's place in messages: `file:sheet!cell`.
fn stderr_with_pricing(book: Vec<u8>, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    demo_copy(dir.path(), &["pricing"]);
    std::fs::write(dir.path().join("data").join(name), book).unwrap();
    let (code, _, err) = run_in(dir.path(), &["rank", "--data", "data"]);
    format!("exit {code}\n{err}")
}

/// The demo price list with the cell at (line, field) of its CSV replaced by `text`
/// written as a text cell.
fn pricing_with_text(line: usize, field: usize, text: &str) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("pricing").unwrap();
    fill(ws, &demo("pricing"));
    ws.write_string(line as u32 - 1, field as u16 - 1, text)
        .unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_number_stored_as_text_is_read_as_its_text() {
    // `3.82` typed as text is the same number; `3,82` is a decimal comma, at its cell.
    let dir = tempfile::tempdir().unwrap();
    demo_copy(dir.path(), &["pricing"]);
    std::fs::write(
        dir.path().join("data/pricing.xlsx"),
        pricing_with_text(2, 7, "3.82"),
    )
    .unwrap();
    assert_eq!(ranking(dir.path()), demo_ranking());
    insta::assert_snapshot!(
        "number_with_a_decimal_comma_as_text",
        stderr_with_pricing(pricing_with_text(2, 7, "3,82"), "pricing.xlsx")
    );
}

#[test]
fn a_bad_cell_is_named_by_sheet_and_cell() {
    insta::assert_snapshot!(
        "text_in_a_number_cell",
        stderr_with_pricing(pricing_with_text(12, 7, "n/a"), "pricing.xlsx")
    );
}

/// A merged header (an empty header cell between named ones) and a value under no header.
#[test]
fn a_merged_header_is_named_at_its_cell() {
    let mut csv = demo("pricing");
    csv = csv.replacen("edition,", ",", 1);
    let book = workbook(&[("pricing", csv)]);
    insta::assert_snapshot!(
        "empty_header_cell",
        stderr_with_pricing(book, "pricing.xlsx")
    );
}

/// `evidence.xlsx` whose price list sheet is named `Price list`: it would be ignored, so
/// it is a problem naming the sheet, with the name to give it.
#[test]
fn a_misnamed_sheet_is_named() {
    let dir = tempfile::tempdir().unwrap();
    demo_copy(dir.path(), &["pricing"]);
    let book = workbook(&[("Price list", demo("pricing"))]);
    std::fs::write(dir.path().join("data/evidence.xlsx"), book).unwrap();
    let (code, _, err) = run_in(dir.path(), &["rank", "--data", "data"]);
    insta::assert_snapshot!("misnamed_sheet", format!("exit {code}\n{err}"));
}

/// `pricing.xlsx` with two sheets, neither named `pricing`: which one holds the prices is
/// not guessed.
#[test]
fn a_workbook_of_several_sheets_needs_one_named_after_the_file() {
    let book = workbook(&[("Sheet1", demo("pricing")), ("Sheet2", String::new())]);
    insta::assert_snapshot!("missing_sheet", stderr_with_pricing(book, "pricing.xlsx"));
}

/// A device inventory exported to .xlsx gives the plan of its CSV file.
#[test]
fn an_inventory_workbook_plans_as_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = std::fs::read_to_string(repo("datasets/demo/inventory-dental-35.csv")).unwrap();
    std::fs::write(dir.path().join("devices.csv"), &csv).unwrap();
    std::fs::write(
        dir.path().join("devices.xlsx"),
        workbook(&[("devices", csv)]),
    )
    .unwrap();
    let plan = |file: &str| {
        let (code, out, err) = run_in(
            dir.path(),
            &[
                "plan",
                "--client",
                "dental-35",
                "--inventory",
                file,
                "--format",
                "json",
            ],
        );
        assert_eq!(code, 0, "{err}");
        out.replace(file, "INVENTORY")
    };
    assert_eq!(plan("devices.xlsx"), plan("devices.csv"));
}

/// In a dataset folder, `inventory-<client>.xlsx` is found like its CSV would be.
#[test]
fn a_dataset_folders_inventory_workbook_is_found_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for f in [
        "vendors.csv",
        "test_scores.csv",
        "pricing.csv",
        "rmm_checks.csv",
    ] {
        std::fs::copy(repo(&format!("datasets/demo/{f}")), data.join(f)).unwrap();
    }
    let csv = std::fs::read_to_string(repo("datasets/demo/inventory-dental-35.csv")).unwrap();
    let plan = || {
        let (code, out, err) = run_in(
            dir.path(),
            &[
                "plan",
                "--data",
                "data",
                "--client",
                "dental-35",
                "--format",
                "json",
            ],
        );
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        (
            json["inventory"].as_str().unwrap().to_string(),
            json["waves"].clone(),
        )
    };
    std::fs::write(data.join("inventory-dental-35.csv"), &csv).unwrap();
    let (from_csv, waves_csv) = plan();
    std::fs::remove_file(data.join("inventory-dental-35.csv")).unwrap();
    std::fs::write(
        data.join("inventory-dental-35.xlsx"),
        workbook(&[("inventory-dental-35", csv)]),
    )
    .unwrap();
    let (from_xlsx, waves_xlsx) = plan();
    assert!(from_csv.ends_with("inventory-dental-35.csv"), "{from_csv}");
    assert!(
        from_xlsx.ends_with("inventory-dental-35.xlsx"),
        "{from_xlsx}"
    );
    assert_eq!(waves_xlsx, waves_csv);
}
