//! Bad input: every case exits with code 1 (2 for usage) and names the file, the line
//! and, where there is one, the column. Never a panic, never a partial output.

mod common;

use common::*;
use std::path::Path;

/// Breaks one file of a scratch copy of the tiny fixture and ranks it.
fn broken(file: &str, contents: &str) -> (i32, String) {
    let dir = scratch_copy("tiny");
    std::fs::write(dir.path().join(file), contents).unwrap();
    let (code, _, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert!(!err.contains("panicked"), "{err}");
    (code, err)
}

/// Replaces one line (1-based) of a tiny fixture file.
fn with_line(file: &str, line: usize, new: &str) -> String {
    let text = std::fs::read_to_string(fixture("tiny").join(file)).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[line - 1] = new.to_string();
    lines.join("\n") + "\n"
}

/// Ranks the tiny fixture with a criteria file given as text.
fn with_criteria(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria_file(dir.path(), text);
    let (code, _, err) = rank(&fixture("tiny"), &c, &[]);
    assert!(!err.contains("panicked"), "{err}");
    (code, err)
}

const PILOT_HEAD: &str = "vendor,client,endpoint,role,os,date,days,install_ok,cpu_overhead_pct,memory_mb,boot_delay_s,scan_minutes,malware_samples,malware_detected,phishing_sims,phishing_blocked,false_positives,mttd_minutes,mttr_minutes,app_breakages,tickets,telemetry_coverage_pct";

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
fn unknown_toml_key() {
    let (code, err) = with_criteria("name = \"x\"\n\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\nwieght = 2\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:8:1: unknown field `wieght`"),
        "{err}"
    );
}

#[test]
fn negative_weight() {
    let (code, err) = with_criteria("name = \"x\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = -1\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:6:10: criterion `d` weight is `-1`"),
        "{err}"
    );
}

#[test]
fn all_weights_zero() {
    let (code, err) = with_criteria("name = \"x\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 0\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:6:10: all criterion weights are zero"),
        "{err}"
    );
}

#[test]
fn group_whose_criteria_weigh_nothing() {
    let text = "name = \"x\"\n[group.a]\nweight = 1\n[group.b]\nweight = 1\n[[criterion]]\nid = \"d\"\ngroup = \"a\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n[[criterion]]\nid = \"c\"\ngroup = \"b\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 0\n";
    let (code, err) = with_criteria(text);
    assert_eq!(code, 1);
    assert!(
        err.contains("the criteria of group `b` all have weight 0"),
        "{err}"
    );
}

#[test]
fn unknown_metric_lists_close_names() {
    let (code, err) = with_criteria("name = \"x\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detecton_rate\"\ndirection = \"max\"\nweight = 1\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:4:10: unknown metric `pilot.detecton_rate`"),
        "{err}"
    );
    assert!(err.contains("did you mean `pilot.detection_rate`"), "{err}");
}

#[test]
fn unknown_method_and_direction_are_named() {
    let (code, err) = with_criteria("name = \"x\"\nmethod = \"topsys\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"up\"\nweight = 1\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:2:10: unknown method `topsys`")
            && err.contains("did you mean `topsis`"),
        "{err}"
    );
    assert!(
        err.contains("criteria.toml:6:13: unknown direction `up`"),
        "{err}"
    );
}

#[test]
fn gate_that_excludes_every_vendor() {
    let (code, err) = with_criteria("name = \"x\"\n[[gate]]\nid = \"impossible\"\nmetric = \"pilot.detection_rate.lower95\"\nmin = 0.99\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 1\n");
    assert_eq!(code, 1);
    assert!(err.contains("every vendor is excluded"), "{err}");
    assert!(
        err.contains("alpha: `pilot.detection_rate.lower95` is 0.964"),
        "{err}"
    );
    assert!(err.contains("below the minimum 0.99"), "{err}");
}

#[test]
fn criterion_whose_metric_no_vendor_has() {
    let dir = scratch_copy("tiny");
    let text = std::fs::read_to_string(dir.path().join("pilot_results.csv")).unwrap();
    // Blank every telemetry cell (the last column).
    let cut: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.to_string()
            } else {
                format!("{},", l.rsplit_once(',').unwrap().0)
            }
        })
        .collect();
    std::fs::write(dir.path().join("pilot_results.csv"), cut.join("\n") + "\n").unwrap();
    let c = criteria_file(dir.path(), "name = \"x\"\n[[criterion]]\nid = \"t\"\nmetric = \"pilot.telemetry_coverage_pct\"\ndirection = \"max\"\nweight = 1\n");
    let (code, _, err) = rank(dir.path(), &c, &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "criteria.toml:4:10: no vendor has a value for `pilot.telemetry_coverage_pct`"
        ),
        "{err}"
    );
}

#[test]
fn metric_from_an_absent_file_follows_the_missing_policy() {
    let strict = "name = \"x\"\nmissing = \"error\"\n[[criterion]]\nid = \"p\"\nmetric = \"tests.malware_protection_rate\"\ndirection = \"max\"\nweight = 1\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n";
    let (code, err) = with_criteria(strict);
    assert_eq!(code, 1);
    assert!(
        err.contains("comes from `test_scores`, which the dataset does not have"),
        "{err}"
    );
    let (code, err) = with_criteria(&strict.replace("\"error\"", "\"worst\""));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: criterion `p` has no data"), "{err}");
}

#[test]
fn missing_value_policies() {
    let dir = scratch_copy("tiny");
    // bravo has no CPU reading.
    let text = std::fs::read_to_string(dir.path().join("pilot_results.csv"))
        .unwrap()
        .replace(
            "bravo,acme,bravo-1,workstation,windows-11,,10,true,5,",
            "bravo,acme,bravo-1,workstation,windows-11,,10,true,,",
        )
        .replace(
            "bravo,acme,bravo-2,workstation,windows-11,,10,true,5,",
            "bravo,acme,bravo-2,workstation,windows-11,,10,true,,",
        );
    std::fs::write(dir.path().join("pilot_results.csv"), text).unwrap();
    let base = "name = \"x\"\nmissing = \"POLICY\"\n[[criterion]]\nid = \"cpu\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 1\n";
    let run = |policy: &str| {
        let c = criteria_file(dir.path(), &base.replace("POLICY", policy));
        rank(dir.path(), &c, &["--format", "json"])
    };
    let (code, _, err) = run("error");
    assert_eq!(code, 1);
    assert!(
        err.contains("vendor `bravo` has no value for `pilot.cpu_overhead_pct`"),
        "{err}"
    );
    let (code, out, _) = run("exclude-vendor");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bravo = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["vendor"] == "bravo")
        .unwrap()
        .clone();
    assert_eq!(bravo["excluded"], true);
    let (code, out, _) = run("worst");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bravo = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["vendor"] == "bravo")
        .unwrap()
        .clone();
    assert_eq!(bravo["score"], 0.0);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let out = bin().args(["rank", "--colour"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

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
