//! Bad input: every case exits with code 1 (2 for usage) and names the file, the line
//! and, where there is one, the column. Never a panic, never a partial output.

mod common;

use common::tiny::*;
use common::*;
use std::path::Path;

#[test]
fn missing_dataset_folder() {
    let (code, _, err) = rank(
        Path::new("/no/such/folder"),
        &fixture("criteria/tiny.toml"),
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("dataset folder `/no/such/folder` does not exist"),
        "{err}"
    );
}

#[test]
fn missing_vendors_file() {
    let dir = scratch_copy("tiny");
    std::fs::remove_file(dir.path().join("vendors.csv")).unwrap();
    let (code, _, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no `vendors.csv` or `vendors.parquet`"),
        "{err}"
    );
}

#[test]
fn missing_criteria_file() {
    let (code, _, err) = rank(&fixture("tiny"), Path::new("/no/such.toml"), &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria file `/no/such.toml` does not exist"),
        "{err}"
    );
}

#[test]
fn empty_file() {
    let (code, err) = broken("pilot_results.csv", "");
    assert_eq!(code, 1);
    assert!(
        err.contains("pilot_results.csv: the file is empty"),
        "{err}"
    );
}

#[test]
fn wrong_delimiter() {
    let (code, err) = broken("vendors.csv", "vendor;name;hq_country\nalpha;Alpha;US\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("vendors.csv:1: missing required columns `vendor`, `name`"),
        "{err}"
    );
    assert!(err.contains("semicolon-separated"), "{err}");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text = std::fs::read_to_string(fixture("tiny/pilot_results.csv")).unwrap();
    let (code, err) = broken(
        "pilot_results.csv",
        &format!("\u{feff}{}", text.replace('\n', "\r\n")),
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn text_in_a_number_column() {
    let (code, err) = broken("pilot_results.csv", &with_line("pilot_results.csv", 3, "alpha,acme,alpha-2,server,windows-server-2022,,10,true,abc,300,5,20,100,99,10,10,1,6,40,0,0,97"));
    assert_eq!(code, 1);
    assert!(
        err.contains("pilot_results.csv:3:9: `cpu_overhead_pct` is `abc`, not a number"),
        "{err}"
    );
}

#[test]
fn nan_is_not_a_number() {
    let (code, err) = broken("pilot_results.csv", &with_line("pilot_results.csv", 2, "alpha,acme,alpha-1,workstation,windows-11,,10,true,NaN,300,5,20,100,99,10,9,1,4,30,0,1,98"));
    assert_eq!(code, 1);
    assert!(
        err.contains("pilot_results.csv:2:9: `cpu_overhead_pct` is `NaN`, not a number"),
        "{err}"
    );
}

#[test]
fn negative_count() {
    let (code, err) = broken("pilot_results.csv", &with_line("pilot_results.csv", 4, "bravo,acme,bravo-1,workstation,windows-11,,10,true,5,400,8,25,100,98,10,10,-1,5,35,1,1,99"));
    assert_eq!(code, 1);
    assert!(
        err.contains("pilot_results.csv:4:17: `false_positives` is `-1`, negative"),
        "{err}"
    );
}

#[test]
fn detected_more_than_samples() {
    let (code, err) = broken(
        "pilot_results.csv",
        &format!("{PILOT_HEAD}\nalpha,acme,a1,workstation,,,1,true,,,,,10,11,,,,,,,,\n"),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "pilot_results.csv:2:14: `malware_detected` is 11, more than `malware_samples` 10"
        ),
        "{err}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let body = format!("{PILOT_HEAD}\nalpha,acme,a1,laptop,,,1,maybe,,,,,10,5,,,,,,,,\nzulu,acme,z1,workstation,,,0,true,,,,,,,,,,,,,,\n");
    let (code, err) = broken("pilot_results.csv", &body);
    assert_eq!(code, 1);
    for want in [
        ":2:4: `role` is `laptop`",
        ":2:8: `install_ok` is `maybe`",
        ":3:1: unknown vendor `zulu`",
        ":3:7: `days` is `0`",
        "4 problems found",
    ] {
        assert!(err.contains(want), "missing {want:?} in {err}");
    }
}

#[test]
fn duplicate_vendor_ids() {
    let (code, err) = broken(
        "vendors.csv",
        "vendor,name\nalpha,Alpha\nbravo,Bravo\nalpha,Alpha again\n",
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("vendors.csv:4:1: duplicate vendor id `alpha` (first on line 2)"),
        "{err}"
    );
}

#[test]
fn unknown_vendor_in_another_file_suggests_the_close_one() {
    let (code, err) = broken(
        "pilot_results.csv",
        &format!("{PILOT_HEAD}\nalpah,acme,a1,workstation,,,1,true,,,,,10,9,,,,,,,,\n"),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("pilot_results.csv:2:1: unknown vendor `alpah` (not in vendors)"),
        "{err}"
    );
    assert!(err.contains("did you mean `alpha`?"), "{err}");
}

#[test]
fn ragged_csv_names_the_file() {
    let (code, err) = broken(
        "vendors.csv",
        "vendor,name\nalpha,Alpha,extra,fields,here\n",
    );
    assert_eq!(code, 1);
    assert!(err.contains("vendors.csv"), "{err}");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let out = bin().args(["rank", "--colour"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The tiny fixture's vendors file with `header` in place of its own and the
/// restrictions moved to the last column (kaspersky's: `us-bis-2024;fcc-covered-list`).
fn vendors_with_header(header: &str) -> String {
    let text = std::fs::read_to_string(fixture("tiny/vendors.csv")).unwrap();
    let mut out = vec![header.to_string()];
    for line in text.lines().skip(1) {
        let restricted = line.starts_with("kaspersky");
        let name = line.split(',').take(3).collect::<Vec<_>>().join(",");
        let restrictions = if restricted {
            "us-bis-2024;fcc-covered-list"
        } else {
            ""
        };
        out.push(format!("{name},,{restrictions}"));
    }
    out.join("\n") + "\n"
}

/// The restriction gate fails closed: a capitalised, repeated or missing `restrictions`
/// header never lets the restricted incumbent through.
#[test]
fn restriction_gate_fails_closed_on_a_bad_header() {
    let (code, err) = broken(
        "vendors.csv",
        &vendors_with_header("vendor,name,hq_country,notes,Restrictions"),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("vendors.csv:1: column `Restrictions` is not spelled `restrictions`"),
        "{err}"
    );
    let (code, err) = broken(
        "vendors.csv",
        &vendors_with_header("vendor,name,restrictions,notes,restrictions"),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "vendors.csv:1:5: column `restrictions` appears twice in the header (columns 3 and 5)"
        ),
        "{err}"
    );
    let (code, err) = broken(
        "vendors.csv",
        &vendors_with_header("vendor,name,hq_country,notes,comment"),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "kaspersky: no value for `vendor.restrictions`, which gate `not-restricted` requires"
        ),
        "{err}"
    );
    // The same file with the header as documented excludes only the incumbent.
    let dir = scratch_copy("tiny");
    std::fs::write(
        dir.path().join("vendors.csv"),
        vendors_with_header("vendor,name,hq_country,notes,restrictions"),
    )
    .unwrap();
    let (code, out, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 ranked, 1 excluded"), "{out}");
    assert!(out.contains("kaspersky: restricted"), "{out}");
}
