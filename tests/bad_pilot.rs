//! Bad pilot rows: endpoints under two vendors, spellings the fast path and the cell
//! checks must agree on, infinite counts, empty files and rows with extra fields, each
//! refused with its line and column (exit code 1).

mod common;

use common::tiny::*;
use common::*;

#[test]
fn an_endpoint_under_two_vendors_on_one_day() {
    let body = format!("{PILOT_HEAD}\nalpha,acme,shared-1,workstation,,2024-08-05,1,true,,,,,10,9,,,,,,,,\nbravo,acme,shared-1,workstation,,2024-08-05,1,true,,,,,10,9,,,,,,,,\nbravo,acme,shared-1,workstation,,2024-09-05,1,true,,,,,10,9,,,,,,,,\n");
    let (code, err) = broken("pilot_results.csv", &body);
    assert_eq!(code, 1);
    assert!(err.contains("pilot_results.csv:3:3: endpoint `shared-1` is also under `alpha` from 2024-08-05 to 2024-08-05 (from line 2), a period this vendor's rows overlap"), "{err}");
}

/// Periods that interleave without a shared day still overlap (the fast path's rule),
/// and the problem names the row where the later period starts; an endpoint without
/// dates under a second vendor overlaps whatever the other's dates.
#[test]
fn an_endpoint_under_two_vendors_in_interleaved_or_undated_periods() {
    let row = |v: &str, e: &str, d: &str| {
        format!("{v},acme,{e},workstation,,{d},1,true,,,,,10,9,,,,,,,,")
    };
    let body = [
        PILOT_HEAD.to_string(),
        row("alpha", "shared-1", "2024-08-05"),
        row("alpha", "shared-1", "2024-08-07"),
        row("bravo", "shared-1", "2024-08-06"),
        row("alpha", "shared-2", "2024-08-05"),
        row("bravo", "shared-2", ""),
        row("bravo", "own-3", "2024-08-05"),
    ]
    .join("\n");
    let (code, err) = broken("pilot_results.csv", &format!("{body}\n"));
    assert_eq!(code, 1);
    assert!(err.contains("pilot_results.csv:4:3: endpoint `shared-1` is also under `alpha` from 2024-08-05 to 2024-08-07 (from line 2)"), "{err}");
    assert!(err.contains("pilot_results.csv:6:3: endpoint `shared-2` is also under `alpha` from 2024-08-05 to 2024-08-05 (from line 5)"), "{err}");
    assert!(!err.contains("own-3"), "{err}");
}

/// The fast pilot path and the cell checks accept the same booleans: an all-caps `YES`
/// ranks like `true`, and a mixed-case `yEs` is refused by both with its position.
#[test]
fn install_ok_spellings_agree_between_the_fast_and_the_cell_checks() {
    let row = "alpha,acme,alpha-2,server,windows-server-2022,,10,{},3,300,5,20,100,99,10,10,1,6,40,0,0,97";
    let dir = scratch_copy("tiny");
    std::fs::write(
        dir.path().join("pilot_results.csv"),
        with_line("pilot_results.csv", 3, &row.replace("{}", "YES")),
    )
    .unwrap();
    let (code, yes, err) = rank(
        dir.path(),
        &fixture("criteria/tiny.toml"),
        &["--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    let (_, plain, _) = rank(
        &fixture("tiny"),
        &fixture("criteria/tiny.toml"),
        &["--format", "csv"],
    );
    assert_eq!(yes, plain);
    let (code, err) = broken(
        "pilot_results.csv",
        &with_line("pilot_results.csv", 3, &row.replace("{}", "yEs")),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("pilot_results.csv:3:") && err.contains("`install_ok` is `yEs`"),
        "{err}"
    );
}

/// An infinite count is refused with its position (the fast path used to let it through).
#[test]
fn infinite_count_is_refused() {
    let (code, err) = broken(
        "pilot_results.csv",
        &with_line(
            "pilot_results.csv",
            3,
            "alpha,acme,alpha-2,server,windows-server-2022,,10,true,3,300,5,20,inf,99,10,10,1,6,40,0,0,97",
        ),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("pilot_results.csv:3:"), "{err}");
    assert!(err.contains("malware_samples"), "{err}");
}

/// A pilot file with a header and no rows: `pilot` says there is nothing to estimate
/// (exit 1) instead of printing empty tables.
#[test]
fn a_pilot_file_without_rows_is_refused_by_pilot() {
    let dir = scratch_copy("tiny");
    std::fs::write(
        dir.path().join("pilot_results.csv"),
        format!("{PILOT_HEAD}\n"),
    )
    .unwrap();
    let out = bin()
        .args(["pilot", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("pilot_results.csv: the file has a header but no rows"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// A row with more fields than the header (often a comma in an unquoted value) is named
/// by its line, in the pilot (read by polars' fast path) as in the other files; a quoted
/// comma is one field.
#[test]
fn a_row_with_more_fields_than_the_header_is_named_by_line() {
    let row = "alpha,acme,alpha-2,server,\"windows, server\",,10,true,3,300,5,20,100,99,10,10,1,6,40,0,0,97";
    let (code, err) = broken(
        "pilot_results.csv",
        &with_line(
            "pilot_results.csv",
            3,
            &row.replace("\"windows, server\"", "windows, server"),
        ),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pilot_results.csv:3:23: this row has 23 fields, the header has 22"),
        "{err}"
    );
    assert!(err.contains("quote a value that holds a comma"), "{err}");
    let (code, err) = broken("pilot_results.csv", &with_line("pilot_results.csv", 3, row));
    assert_eq!(code, 0, "{err}");
    let (code, err) = broken(
        "vendors.csv",
        &with_line(
            "vendors.csv",
            2,
            &(std::fs::read_to_string(fixture("tiny/vendors.csv"))
                .unwrap()
                .lines()
                .nth(1)
                .unwrap()
                .to_string()
                + ",extra"),
        ),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("vendors.csv:2:"), "{err}");
    assert!(err.contains("fields, the header has"), "{err}");
}
