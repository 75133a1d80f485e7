//! The proposal speaks the client's language from the data: "What your staff will notice"
//! quotes the plan (the time planned for a workstation, the weekdays servers are swapped
//! on), and the chart names the requirement an excluded product fails, not gate codes.

mod common;

use common::*;
use serde_json::Value;

/// The proposal's Markdown and the plan's JSON for `--client msp-client-350`, run in `cwd`.
fn proposal_and_plan(cwd: &std::path::Path) -> (String, Value) {
    let (code, _, err) = run_in(
        cwd,
        &["proposal", "--client", "msp-client-350", "--out", "p"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(cwd.join("p/proposal.md")).unwrap();
    let (code, out, err) = run_in(
        cwd,
        &["plan", "--client", "msp-client-350", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    (md, serde_json::from_str(&out).unwrap())
}

/// The sentence about what staff will notice.
fn notice(md: &str) -> &str {
    md.lines()
        .find(|l| l.starts_with("**What your staff will notice:**"))
        .unwrap()
}

#[test]
fn the_visit_time_is_the_plans_median_for_a_workstation() {
    let cwd = tempfile::tempdir().unwrap();
    let (md, plan) = proposal_and_plan(cwd.path());
    let mut hours: Vec<f64> = plan["devices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["role"] == "workstation")
        .map(|d| d["hours"].as_f64().unwrap())
        .collect();
    hours.sort_by(f64::total_cmp);
    let n = hours.len();
    let median = if n % 2 == 1 {
        hours[n / 2]
    } else {
        (hours[n / 2 - 1] + hours[n / 2]) / 2.0
    };
    let minutes = ((median * 60.0 / 5.0).round() as u64 * 5).max(5);
    let line = notice(&md);
    assert!(
        line.contains(&format!("for about {minutes} minutes")),
        "{line}"
    );
    // The plan swaps this client's servers on Saturdays (its profile allows weekends; a
    // Saturday window is enough).
    assert!(line.contains("maintenance window (Saturdays)"), "{line}");
}

#[test]
fn the_server_days_follow_the_clients_maintenance_window() {
    let cwd = tempfile::tempdir().unwrap();
    let profile = std::fs::read_to_string(repo("clients/msp-client-350.toml")).unwrap();
    let sunday = profile.replace(
        "window_days = [\"sat\", \"sun\"]",
        "window_days = [\"sun\"]",
    );
    assert_ne!(sunday, profile, "the shipped profile's window_days changed");
    std::fs::create_dir(cwd.path().join("clients")).unwrap();
    std::fs::write(cwd.path().join("clients/msp-client-350.toml"), sunday).unwrap();
    let (md, _) = proposal_and_plan(cwd.path());
    let line = notice(&md);
    assert!(line.contains("maintenance window (Sundays)"), "{line}");
}

#[test]
fn the_chart_names_the_failed_requirement_not_the_codes() {
    let cwd = tempfile::tempdir().unwrap();
    let (md, _) = proposal_and_plan(cwd.path());
    assert!(!md.is_empty());
    let html = std::fs::read_to_string(cwd.path().join("p/proposal.html")).unwrap();
    // The default criteria's gate `not-restricted` excludes Kaspersky for its listings.
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert!(
        svg.contains("Kaspersky Endpoint Security: does not meet your requirement: no government restriction on buying or updating the product"),
        "{svg}"
    );
    for code in ["us-bis-2024", "fcc-covered-list", "not-restricted"] {
        assert!(!html.contains(code), "`{code}` is in the proposal");
    }
}
