//! `vendorscore plan --progress`: a later export read against the plan of
//! tests/fixtures/progress, with planted devices of every status, the replan's deadline
//! verdict worked by hand, the formats, and bad later exports.
//!
//! The plan (default settings from Monday 2024-07-01, deadline 2024-08-20): the pilot
//! PC-01 (tagged `it`) on 07-01, soak to 07-15; the server SRV-01 alone in the
//! high-value wave on Saturday 07-20 (the window), soak to 08-03; PC-02..PC-10 on Monday
//! 08-05. OLD-01 is stale (seen 05-01), OTHER-01 runs Defender. Margin 14 days.
//!
//! The later export, as of its latest `last_seen` (Friday 08-02): PC-01 runs Quillfort
//! (migrated; written `pc-01`, the same device), SRV-01 is still on Kaspersky after its
//! wave's 07-20 (missed), PC-03 is absent (gone), PC-04 has no antivirus (unprotected),
//! PC-05 was last seen 06-30, more than 30 days before (stale), as is OLD-01; PC-02 and
//! PC-06..PC-10 wait for their wave of 08-05 (pending); NEW-01 (Kaspersky) and NEW-02
//! (Defender) are new; OTHER-01 is unchanged (other).

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::Value;

fn progress(extra: &[&str]) -> (i32, String, String) {
    let dir = fixture("progress");
    let f = |n: &str| dir.join(n).to_string_lossy().into_owned();
    let (client, original, later) = (f("client.toml"), f("original.csv"), f("later.csv"));
    let mut args = vec![
        "plan",
        "--client",
        &client,
        "--inventory",
        &original,
        "--progress",
        &later,
    ];
    args.extend(extra);
    run_in(&dir, &args)
}

/// Each device's status by hostname.
fn statuses(v: &Value) -> BTreeMap<String, String> {
    v["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let name = d["device"].as_str().unwrap().to_string();
            (name, d["status"].as_str().unwrap().to_string())
        })
        .collect()
}

fn hosts(m: &BTreeMap<String, String>, status: &str) -> Vec<String> {
    m.iter()
        .filter(|(_, s)| *s == status)
        .map(|(h, _)| h.clone())
        .collect()
}

#[test]
fn every_planted_device_lands_in_its_status_and_the_deadline_just_holds() {
    let (code, out, err) = progress(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["as_of"], "2024-08-02");
    let m = statuses(&v);
    assert_eq!(m.len(), 15, "14 rows of the export and one gone: {m:?}");
    assert_eq!(hosts(&m, "unprotected"), ["PC-04"]);
    assert_eq!(hosts(&m, "missed"), ["SRV-01"]);
    assert_eq!(hosts(&m, "stale"), ["OLD-01", "PC-05"]);
    assert_eq!(hosts(&m, "new"), ["NEW-01", "NEW-02"]);
    assert_eq!(hosts(&m, "gone"), ["PC-03"]);
    assert_eq!(hosts(&m, "migrated"), ["pc-01"]);
    assert_eq!(hosts(&m, "other"), ["OTHER-01"]);
    assert_eq!(
        hosts(&m, "pending"),
        ["PC-02", "PC-06", "PC-07", "PC-08", "PC-09", "PC-10"]
    );
    assert_eq!(v["new_on_kaspersky"], 1);
    assert_eq!(v["planned_margin_days"], 14);
    // The replan from Friday 08-02, no pilot again (it is over): SRV-01 on Saturday
    // 08-03, soak to 08-17, the other seven (PC-02, PC-06..PC-10, NEW-01) on Monday
    // 08-19, the day before the deadline: margin 0.
    let waves = v["replan_waves"].as_array().unwrap();
    let names: Vec<&str> = waves.iter().map(|w| w["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["high value", "standard"]);
    assert_eq!(waves[0]["first_day"], "2024-08-03");
    assert_eq!(waves[1]["devices"], 7);
    let c = &v["replan_check"];
    assert_eq!(c["finish"], "2024-08-19");
    assert_eq!(c["margin_days"], 0);
    assert_eq!(c["meets"], true);
}

#[test]
fn a_later_as_of_date_misses_and_says_what_makes_it() {
    // As of Tuesday 08-06 the standard wave's 08-05 is over: its six are missed. The
    // replan puts SRV-01 on Saturday 08-10, soaks to 08-24 and the seven on Monday 08-26:
    // 7 days late. No technician beats the soak; a soak of 8 days starts them on Monday
    // 08-19; a start on Saturday 08-03 (3 days earlier) swaps SRV-01 that day.
    let (code, out, err) = progress(&["--as-of", "2024-08-06", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["as_of_from"], "--as-of");
    let m = statuses(&v);
    assert_eq!(
        hosts(&m, "missed"),
        ["PC-02", "PC-06", "PC-07", "PC-08", "PC-09", "PC-10", "SRV-01"]
    );
    assert!(hosts(&m, "pending").is_empty());
    let c = &v["replan_check"];
    assert_eq!(c["finish"], "2024-08-26");
    assert_eq!(c["margin_days"], -7);
    assert_eq!(c["technicians_needed"], Value::Null);
    assert_eq!(c["soak_that_meets"], 8);
    assert_eq!(c["latest_start"], "2024-08-03");
    assert_eq!(c["start_days_earlier"], 3);
}

#[test]
fn the_formats_show_the_findings() {
    let (code, out, err) = progress(&["--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("device,status,"), "{out}");
    // Seven devices need attention: unprotected, missed, two stale, two new, gone.
    assert_eq!(lines.len(), 8, "{out}");
    assert!(lines[1].starts_with("PC-04,unprotected,"), "{out}");
    assert!(
        !out.contains("pending") && !out.contains("migrated"),
        "{out}"
    );
    let (code, out, _) = progress(&["--format", "md"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("# Migration progress: Progress test client"),
        "{out}"
    );
    assert!(out.contains("| SRV-01 | missed |"), "{out}");
    assert!(out.contains("**deadline met: the last device is done on 2024-08-19, 0 days to spare before 2024-08-20**"), "{out}");
    let (code, out, _) = progress(&[]);
    assert_eq!(code, 0);
    assert!(out.contains("unprotected 1, missed 1, stale 2, new 2 (1 on Kaspersky), gone 1, pending 6, migrated 1, other 1"), "{out}");
    assert!(out.contains("planned again from 2024-08-02"), "{out}");
}

#[test]
fn a_bad_later_export_names_file_line_and_column() {
    let dir = fixture("progress");
    let f = |n: &str| dir.join(n).to_string_lossy().into_owned();
    let (client, original, bad) = (f("client.toml"), f("original.csv"), f("later-bad.csv"));
    let args = [
        "plan",
        "--client",
        &client,
        "--inventory",
        &original,
        "--progress",
        &bad,
    ];
    let (code, out, err) = run_in(&dir, &args);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("later-bad.csv:3:5: `last_seen` is `2024-13-45`, not a date"),
        "{err}"
    );
    assert!(
        err.contains("later-bad.csv:4:1: duplicate hostname `pc-01`")
            && err.contains("first on line 2"),
        "{err}"
    );
    let later = f("later.csv");
    let mut bad_date = args.to_vec();
    bad_date[6] = &later;
    bad_date.extend(["--as-of", "2024-02-30"]);
    let (code, _, err) = run_in(&dir, &bad_date);
    assert_eq!(
        (code, err.contains("`--as-of` is `2024-02-30`, not a date")),
        (2, true),
        "{err}"
    );
    let missing = [
        "plan",
        "--client",
        &client,
        "--inventory",
        &original,
        "--progress",
        "nope.csv",
    ];
    let (code, _, err) = run_in(&dir, &missing);
    assert_eq!(
        (code, err.contains("later export `nope.csv` not found")),
        (2, true),
        "{err}"
    );
}
