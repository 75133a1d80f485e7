//! `vendorscore plan` end to end: the shipped demo clients from an empty folder, the
//! per-device CSV read back, and bad input (each with its exit code and message).

mod common;

use common::*;
use serde_json::Value;

/// A client profile with a `[plan]` for the small inventories of these tests.
const PROFILE: &str = r#"name = "Test client"
[fleet]
workstations = 3
[plan]
start = "2024-07-01"
"#;

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn plan_with(inventory: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let client = write(dir.path(), "client.toml", PROFILE);
    let inv = write(dir.path(), "inv.csv", inventory);
    let mut args = vec![
        "plan",
        "--client",
        client.to_str().unwrap(),
        "--inventory",
        inv.to_str().unwrap(),
    ];
    args.extend(extra);
    run_in(dir.path(), &args)
}

#[test]
fn shipped_client_plans_from_an_empty_folder() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(cwd.path(), &["plan", "--client", "msp-client-350"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("start 2024-07-08 (client profile)"), "{out}");
    assert!(out.contains("deadline 2024-09-29"), "{out}");
    assert!(out.contains("pilot") && out.contains("high value"), "{out}");
    assert!(
        out.contains("deadline met: the last device is done on"),
        "{out}"
    );
    // The federal contractor's own, earlier deadline is used.
    let (code, out, err) = run_in(
        cwd.path(),
        &["plan", "--client", "federal-contractor", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["deadline"], "2024-09-15");
    assert_eq!(v["counts"]["devices"], 60);
}

/// The per-device CSV holds exactly the JSON's devices, in order, and reads back.
#[test]
fn device_csv_round_trips() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(
        cwd.path(),
        &[
            "plan",
            "--client",
            "dental-35",
            "--format",
            "json",
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let devices = v["devices"].as_array().unwrap();
    let mut r = csv::Reader::from_path(cwd.path().join("out/devices.csv")).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        [
            "device",
            "client",
            "site",
            "role",
            "risk",
            "wave",
            "wave_name",
            "date",
            "window",
            "hours",
            "steps"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), devices.len());
    assert!(!rows.is_empty());
    for (row, d) in rows.iter().zip(devices) {
        for (k, name) in header.iter().enumerate() {
            let want = match &d[name] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if name == "hours" {
                assert_eq!(row[k].parse::<f64>().unwrap(), d[name].as_f64().unwrap());
            } else {
                assert_eq!(row[k], want, "{name}");
            }
        }
    }
}

#[test]
fn unknown_role_names_line_column_and_the_mapping() {
    let (code, _, err) = plan_with("hostname,role\nPC1,Kiosk\n", &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("inv.csv:2:2: `role` is `Kiosk`, not a known role"),
        "{err}"
    );
    assert!(err.contains("[values.role]"), "{err}");
}

#[test]
fn duplicate_hostnames_are_an_error() {
    let (code, _, err) = plan_with("hostname,role\nPC1,workstation\npc1,workstation\n", &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("inv.csv:3:1: duplicate hostname `pc1`") && err.contains("first on line 2"),
        "{err}"
    );
}

#[test]
fn unparsable_dates_are_errors_and_a_bad_start_is_usage() {
    let (code, _, err) = plan_with("hostname,role,last_seen\nPC1,workstation,01/07/2024\n", &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("inv.csv:2:3: `last_seen` is `01/07/2024`, not a date"),
        "{err}"
    );
    let (code, _, err) = plan_with(
        "hostname,role\nPC1,workstation\n",
        &["--start", "2024-13-01"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("`--start` is `2024-13-01`, not a date"),
        "{err}"
    );
}

#[test]
fn zero_technicians_is_refused() {
    let (code, _, err) = plan_with("hostname,role\nPC1,workstation\n", &["--technicians", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("`--technicians` is 0"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let client = write(dir.path(), "c.toml", &format!("{PROFILE}technicians = 0\n"));
    let (code, _, err) = run_in(
        dir.path(),
        &[
            "plan",
            "--client",
            client.to_str().unwrap(),
            "--inventory",
            "x.csv",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("c.toml:6:15: `technicians` is 0: nobody would do the work"),
        "{err}"
    );
}

#[test]
fn no_kaspersky_device_is_nothing_to_migrate() {
    let inv = "hostname,role,av_product\nPC1,workstation,Microsoft Defender Antivirus\nPC2,workstation,\nPC3,server,Sophos\n";
    let (code, out, err) = plan_with(inv, &[]);
    assert_eq!(code, 0, "{err}");
    // Sentences wrap at the terminal's width, continued lines indented by two.
    let out = out.replace("\n  ", " ");
    assert!(
        out.contains("nothing to migrate: no device to plan runs a Kaspersky product (3 devices: 2 on another antivirus, 1 with none, 0 stale on Kaspersky)"),
        "{out}"
    );
}

#[test]
fn a_mapped_column_the_export_lacks_is_named() {
    let (code, _, err) = plan_with(
        "Computer,Type\nA,Server\n",
        &["--mapping", "connectwise-automate"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("the mapping reads `hostname` from column `ComputerName`, which"),
        "{err}"
    );
    assert!(
        err.contains("<built-in>/mappings/connectwise-automate.toml:"),
        "{err}"
    );
}

#[test]
fn no_start_date_plans_from_today_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let inv = write(
        dir.path(),
        "inv.csv",
        "hostname,role,av_product\nPC1,workstation,KES 12\n",
    );
    let (code, out, err) = run_in(dir.path(), &["plan", "--inventory", inv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("note: no start date given"), "{err}");
    assert!(out.contains("(today (no start given))"), "{out}");
}

/// One definition of the migration labour (cost::labour): for each shipped client, the
/// hours the plan schedules equal the hours the cost model charges the plan's vendor.
#[test]
fn the_plan_hours_are_the_cost_models_migration_hours() {
    let cwd = tempfile::tempdir().unwrap();
    for client in ["msp-client-350", "dental-35", "federal-contractor"] {
        let (code, out, err) = run_in(
            cwd.path(),
            &["plan", "--client", client, "--format", "json"],
        );
        assert_eq!(code, 0, "{err}");
        let plan: Value = serde_json::from_str(&out).unwrap();
        let planned: f64 = plan["waves"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["hours"].as_f64().unwrap())
            .sum();
        let (code, out, err) = run_in(
            cwd.path(),
            &["cost", "--client", client, "--format", "json"],
        );
        assert_eq!(code, 0, "{err}");
        let cost: Value = serde_json::from_str(&out).unwrap();
        let vendor = cost["vendors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["name"] == plan["vendor"])
            .unwrap();
        let charged: f64 = vendor["lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["kind"] == "migration")
            .map(|l| l["quantity"].as_f64().unwrap())
            .sum();
        assert!(
            (planned - charged).abs() < 1e-9,
            "{client}: plan {planned} h, cost {charged} h"
        );
        assert!(planned > 0.0, "{client}");
    }
}
