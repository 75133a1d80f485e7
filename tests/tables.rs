//! One table per thing: what a command prints with `--format csv` is, byte for byte, the
//! report's `tables/<name>.csv` for the same inputs, and its numbers are numbers written
//! with at most 12 significant digits (never `447.0000`, never `99.82000000000001`).

mod common;

use common::*;

const SAMPLES: &str = "3000";

/// Runs `report --client dental-35` into a temporary folder and returns it with the
/// folder the commands run in.
fn report() -> (tempfile::TempDir, std::path::PathBuf) {
    let cwd = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(
        cwd.path(),
        &[
            "report",
            "--client",
            "dental-35",
            "--samples",
            SAMPLES,
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let tables = cwd.path().join("out/tables");
    (cwd, tables)
}

/// stdout of a command run in `cwd`.
fn csv(cwd: &std::path::Path, args: &[&str]) -> String {
    let (code, out, err) = run_in(cwd, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// Every numeric-looking cell of a CSV has at most 12 significant digits and no padding
/// zeros after the point.
fn assert_tidy_numbers(name: &str, text: &str) {
    for line in text.lines().skip(1) {
        for cell in line.split(',') {
            if cell.parse::<f64>().is_err() || cell.starts_with('\'') {
                continue;
            }
            let digits: String = cell
                .trim_start_matches('-')
                .split(['e', 'E'])
                .next()
                .unwrap()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            let significant = digits.trim_start_matches('0');
            assert!(significant.len() <= 12, "{name}: `{cell}` in `{line}`");
            if cell.contains('.') && !cell.contains(['e', 'E']) {
                assert!(
                    !cell.ends_with('0'),
                    "{name}: `{cell}` is padded in `{line}`"
                );
            }
        }
    }
}

#[test]
fn each_command_prints_the_reports_table() {
    let (cwd, tables) = report();
    let dir = cwd.path();
    let file = |name: &str| std::fs::read_to_string(tables.join(name)).unwrap();
    let cases = [
        ("pilot_metrics.csv", csv(dir, &["pilot", "--format", "csv"])),
        (
            "cost.csv",
            csv(dir, &["cost", "--client", "dental-35", "--format", "csv"]),
        ),
        (
            "acceptability.csv",
            csv(
                dir,
                &[
                    "sensitivity",
                    "--client",
                    "dental-35",
                    "--with-evidence",
                    "--samples",
                    SAMPLES,
                    "--format",
                    "csv",
                ],
            ),
        ),
        (
            "ranking.csv",
            csv(dir, &["rank", "--client", "dental-35", "--format", "csv"]),
        ),
    ];
    for (name, printed) in cases {
        assert_eq!(file(name), printed, "{name} differs from the command's CSV");
        assert_tidy_numbers(name, &printed);
        assert!(printed.lines().count() > 2, "{name}:\n{printed}");
    }
    // `out/ranking.csv` and `tables/ranking.csv` are one table.
    assert_eq!(
        std::fs::read_to_string(dir.join("out/ranking.csv")).unwrap(),
        file("ranking.csv")
    );
}

/// The headers the docs promise (docs/output.md), so a renamed column is a decision.
#[test]
fn the_tables_have_the_documented_columns() {
    let (_cwd, tables) = report();
    let header = |name: &str| {
        let text = std::fs::read_to_string(tables.join(name)).unwrap();
        text.lines().next().unwrap().to_string()
    };
    assert_eq!(
        header("pilot_metrics.csv"),
        "group,vendor,metric,value,n,n_unit,interval,lower95,upper95"
    );
    assert_eq!(
        header("cost.csv"),
        "vendor,name,edition,currency,monthly,subscriptions,setup,migration,tco,all_in_per_endpoint_month,rank,score,score_per_cost,efficient,error"
    );
    // A column per rank: the five vendors dental-35 ranks (the incumbent is excluded).
    let ranks: Vec<String> = (1..=5).map(|k| format!("rank_{k}")).collect();
    assert_eq!(
        header("acceptability.csv"),
        format!("vendor,{}", ranks.join(","))
    );
    assert_eq!(
        header("criteria.csv"),
        "criterion,label,metric,direction,weight,unit"
    );
}

/// The JSON tables hold the same numbers as the CSV ones: a vendor's rank acceptabilities
/// (a row per vendor, a column per rank) sum to 1, and the cost table's total is the sum of its parts.
#[test]
fn the_json_tables_are_the_csv_tables() {
    let (_cwd, tables) = report();
    let json = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(tables.join(name)).unwrap()).unwrap()
    };
    let acc = json("acceptability.json");
    let rows = acc.as_array().unwrap();
    assert!(rows.len() > 2);
    for row in rows {
        let ranks = (1..=rows.len()).map(|k| row[format!("rank_{k}")].as_f64().unwrap());
        let sum: f64 = ranks.sum();
        assert!((sum - 1.0).abs() < 1e-9, "{row}");
    }
    for row in json("cost.json").as_array().unwrap() {
        let Some(tco) = row["tco"].as_f64() else {
            continue;
        };
        let parts: f64 = ["subscriptions", "setup", "migration"]
            .iter()
            .map(|k| row[k].as_f64().unwrap())
            .sum();
        assert!((tco - parts).abs() < 1e-6 * tco.max(1.0), "{row}");
    }
}

/// The scorecard's value sheets are the same tables: every cell of `Pilot metrics`,
/// `Cost` and `Acceptability` holds the CSV's value (numbers to the CSV's 12 digits).
/// The sheets are written a row at a time in constant memory, so this also checks that
/// no row or cell is lost on the way.
#[test]
fn the_workbooks_value_sheets_are_the_tables() {
    use calamine::{open_workbook_auto, Data, Reader};
    let (cwd, tables) = report();
    let mut wb = open_workbook_auto(cwd.path().join("out/scorecard.xlsx")).unwrap();
    for (sheet, file) in [
        ("Pilot metrics", "pilot_metrics.csv"),
        ("Cost", "cost.csv"),
        ("Acceptability", "acceptability.csv"),
    ] {
        let range = wb.worksheet_range(sheet).unwrap();
        let mut csv = csv::Reader::from_path(tables.join(file)).unwrap();
        let header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
        assert_eq!(range.height(), rows.len() + 1, "{sheet}: rows");
        for (c, name) in header.iter().enumerate() {
            assert_eq!(
                range.get((0, c)),
                Some(&Data::String(name.clone())),
                "{sheet}"
            );
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, want) in row.iter().enumerate() {
                let got = range.get((r + 1, c)).unwrap_or(&Data::Empty);
                let same = match got {
                    Data::Empty => want.is_empty(),
                    Data::String(s) => s == want,
                    Data::Bool(b) => b.to_string() == want,
                    Data::Float(x) => want
                        .parse::<f64>()
                        .is_ok_and(|w| (x - w).abs() <= 1e-11 * w.abs().max(1.0)),
                    other => panic!("{sheet}: unexpected {other:?}"),
                };
                assert!(
                    same,
                    "{sheet} row {} `{}`: {got:?} vs `{want}`",
                    r + 2,
                    header[c]
                );
            }
        }
    }
}
