//! A large pilot file with a few bad rows: only the rows that look wrong are read as
//! text and checked cell by cell, and each problem still names its line (CSV, after a
//! quoted field that spans lines) or row (Parquet) and column.

mod common;

use common::*;
use polars::prelude::*;

const HEAD: &str = "vendor,client,endpoint,role,os,date,days,install_ok,cpu_overhead_pct,malware_samples,malware_detected,mttd_minutes";
const ROWS: usize = 150_000;

/// A clean row `i` of the big pilot (line `i + 2` of the file when nothing spans lines).
fn row(i: usize) -> String {
    let vendor = ["alpha", "bravo", "charlie"][i % 3];
    let day = 1 + (i / 3000) % 28;
    format!(
        "{vendor},acme,{vendor}-{},workstation,windows-11,2024-08-{day:02},1,true,{}.5,20,19,{}",
        (i / 3) % 1000,
        i % 7,
        i % 11
    )
}

/// The big pilot with `edit` applied to the rows it changes, in a scratch copy of the
/// tiny fixture (whose pilot file it replaces).
fn big_pilot(edit: impl Fn(usize, String) -> String) -> (tempfile::TempDir, String) {
    let dir = scratch_copy("tiny");
    let mut body = String::with_capacity(ROWS * 90);
    body.push_str(HEAD);
    body.push('\n');
    for i in 0..ROWS {
        body.push_str(&edit(i, row(i)));
        body.push('\n');
    }
    std::fs::write(dir.path().join("pilot_results.csv"), &body).unwrap();
    (dir, body)
}

/// Ranks the big pilot's folder, which must be refused (exit 1): the error output, and
/// its lines about `pilot_results.csv`.
fn refused(dir: &tempfile::TempDir) -> (String, Vec<String>) {
    let (code, _, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert_eq!(code, 1, "{err}");
    let found = problems(&err, "pilot_results.csv");
    (err, found)
}

fn problems(err: &str, file: &str) -> Vec<String> {
    err.lines()
        .filter(|l| l.contains(&format!("{file}:")))
        .map(str::to_string)
        .collect()
}

#[test]
fn bad_rows_of_a_large_csv_are_found_with_their_lines() {
    let (dir, _) = big_pilot(|i, r| match i {
        // A quoted `os` spanning two lines: every later row is one line further down.
        10 => r.replace("windows-11", "\"windows\n11\""),
        50_000 => r.replace(",20,19,", ",20,21,"),
        100_000 => r.replace("2024-08-", "2024-13-"),
        149_999 => r.replace("true", "maybe"),
        _ => r,
    });
    let (err, found) = refused(&dir);
    assert_eq!(found.len(), 3, "{err}");
    // Row i is on line i + 2, plus one after row 10.
    assert!(
        found[0].contains("pilot_results.csv:50003:11:")
            && found[0].contains("`malware_detected` is 21, more than `malware_samples` 20"),
        "{err}"
    );
    assert!(found[1].contains("pilot_results.csv:100003:6:"), "{err}");
    assert!(found[2].contains("pilot_results.csv:150002:8:"), "{err}");
    assert!(found[2].contains("`install_ok` is `maybe`"), "{err}");
}

/// A number padded with spaces passes the cell checks (they trim every cell) but not the
/// fast path's number parser: it is named with its line and column, in line order among
/// the other problems.
#[test]
fn padded_numbers_are_named_with_their_lines() {
    let (dir, _) = big_pilot(|i, r| match i {
        20 => r.replace(",20,19,", ", 20 ,19,"),
        60_000 => r.replace(",20,19,", ",20,21,"),
        // Padded and wrong: reported once, for what is wrong.
        70_000 => r.replace(",20,19,", ", -20 ,19,"),
        80_000 => r.replace(",20,19,", ", x ,19,"),
        _ => r,
    });
    let (err, found) = refused(&dir);
    assert_eq!(found.len(), 4, "{err}");
    assert!(
        found[0].contains("pilot_results.csv:22:10:")
            && found[0].contains("`malware_samples` is ` 20 `, a number with spaces around it"),
        "{err}"
    );
    assert!(err.contains("hint: write `20`"), "{err}");
    assert!(found[1].contains("pilot_results.csv:60002:11:"), "{err}");
    assert!(
        found[2].contains("pilot_results.csv:70002:10:") && !found[2].contains("spaces"),
        "{err}"
    );
    assert!(
        found[3].contains("pilot_results.csv:80002:10:") && !found[3].contains("spaces"),
        "{err}"
    );
}

#[test]
fn bad_rows_of_a_large_parquet_file_are_found_with_their_rows() {
    let (dir, body) = big_pilot(|i, r| match i {
        50_000 => r.replace(",20,19,", ",20,21,"),
        100_000 => r.replace("2024-08-", "2024-13-"),
        _ => r,
    });
    // The same rows as Parquet, with the types polars infers from the CSV.
    let csv = dir.path().join("pilot_results.csv");
    let mut df = CsvReadOptions::default()
        .with_has_header(true)
        .into_reader_with_file_handle(std::io::Cursor::new(body.into_bytes()))
        .finish()
        .unwrap();
    std::fs::remove_file(&csv).unwrap();
    let mut f = std::fs::File::create(dir.path().join("pilot_results.parquet")).unwrap();
    ParquetWriter::new(&mut f).finish(&mut df).unwrap();
    let (code, _, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert_eq!(code, 1, "{err}");
    let found = problems(&err, "pilot_results.parquet");
    assert_eq!(found.len(), 2, "{err}");
    assert!(
        found[0].contains("row 50001") && found[0].contains("malware_detected"),
        "{err}"
    );
    assert!(
        found[1].contains("row 100001") && found[1].contains("date"),
        "{err}"
    );
}

#[test]
fn many_bad_rows_are_reported_up_to_a_limit() {
    let (dir, _) = big_pilot(|i, r| {
        if i % 50 == 0 {
            r.replace(",20,19,", ",-20,19,")
        } else {
            r
        }
    });
    let (err, found) = refused(&dir);
    // 3,000 rows are bad: the first 1,000 are worded (a negative count, and a part over
    // its whole), then one line says there are more.
    assert!(found[0].contains("pilot_results.csv:2:"), "{err}");
    assert!(
        err.contains("more rows than the 1000 checked here look wrong"),
        "{err}"
    );
    assert!(err.contains("pilot_results.csv:49952:"), "{err}");
    assert!(!err.contains("pilot_results.csv:50002:"), "{err}");
}
