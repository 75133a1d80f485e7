//! Absurd numbers are refused where they are written, with the file, line and column,
//! before any arithmetic: counts that would wrap, days that would make rates infinite,
//! weights and amounts whose sums overflow (docs/security.md, "Numbers").

mod common;

use common::tiny::*;
use common::*;

/// Runs a command from the repository root; (exit code, stderr).
fn run(args: &[&str]) -> (i32, String) {
    let (code, _, err) = run_in(&repo(""), args);
    (code, err)
}

/// Four rows of 2^62 malware samples summed to 2^64 and wrapped (a detection rate of
/// 103%); a count above the documented bound is refused at its cell, in `check` and
/// `pilot` alike.
#[test]
fn counts_above_the_bound_are_refused_at_their_cell() {
    let huge = "4611686018427387904";
    let mut body = String::from(PILOT_HEAD);
    for e in 1..=4 {
        body.push_str(&format!(
            "\nalpha,acme,alpha-{e},workstation,,,1,true,3,300,5,20,{huge},{huge},,,,,,,,"
        ));
    }
    body.push('\n');
    let dir = scratch_copy("tiny");
    std::fs::write(dir.path().join("pilot_results.csv"), &body).unwrap();
    let data = dir.path().to_str().unwrap();
    for cmd in ["check", "pilot"] {
        let (code, err) = run(&[cmd, "--data", data]);
        assert_eq!(code, 1, "{cmd}: {err}");
        assert!(
            err.contains(&format!(
                "pilot_results.csv:2:13: `malware_samples` is `{huge}`, too large"
            )) && err.contains("expected a whole number from 0 to 1000000000"),
            "{cmd}: {err}"
        );
        assert!(err.contains("8 problems found"), "{cmd}: {err}");
    }
}

/// `days = 5e-324` made the rates per endpoint-day infinite and `1e308` gave full
/// points; both are outside the documented range of a row's days.
#[test]
fn days_outside_their_range_are_refused() {
    for (days, col) in [("5e-324", 7), ("1e308", 7), ("0.0001", 7)] {
        let (code, err) = broken(
            "pilot_results.csv",
            &with_line(
                "pilot_results.csv",
                2,
                &format!("alpha,acme,alpha-1,workstation,windows-11,,{days},true,3,300,5,20,100,99,10,9,1,4,30,0,1,98"),
            ),
        );
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains(&format!(":2:{col}: `days` is `{days}`, out of range"))
                && err.contains("from 0.001 to 3660"),
            "{days}: {err}"
        );
    }
}

/// Weights of 1e308 summed to infinity and normalised to 0% each, tying every vendor.
#[test]
fn weights_beyond_the_bound_are_refused_at_their_place() {
    let (code, err) = with_criteria(&tiny_with(|t| t.replace("weight = 2", "weight = 1e308")));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("criteria.toml:16:10: criterion `detection` weight is `1e308`"),
        "{err}"
    );
    assert!(err.contains("from 0 to 1000000"), "{err}");
    // Large but allowed weights rank exactly as their small equivalents.
    let big = json(&tiny_with(|t| {
        t.replace("weight = 2", "weight = 200000")
            .replace("weight = 1", "weight = 100000")
    }));
    let small = json(&tiny_with(|t| t.to_string()));
    assert_eq!(scores(&big), scores(&small));
}

/// A labour rate of 1e308 made every cost infinite (Parquet stored inf, JSON null), and
/// a fleet or contract beyond any real one wrapped the seat count.
#[test]
fn client_amounts_and_counts_beyond_the_bound_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("client.toml");
    std::fs::write(
        &p,
        "name = \"x\"\n[fleet]\nworkstations = 9223372036854775807\nservers = 2\n[contract]\nhorizon_months = 100000\n[migration]\nlabour_rate = 1e308\nhours_per_endpoint = 1\n",
    )
    .unwrap();
    let (code, err) = run(&["cost", "--client", p.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    for want in [
        "client.toml:3:16: `workstations` is `9223372036854775807`",
        "client.toml:6:18: `horizon_months` is 100000",
        "client.toml:8:15: `labour_rate` is `1e308`",
    ] {
        assert!(err.contains(want), "missing {want:?} in {err}");
    }
}
