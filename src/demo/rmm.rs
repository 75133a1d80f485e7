//! `rmm_checks.csv`: RMM and PSA integration checks. Four to six platforms are tried for every
//! vendor; each check passes on the vendor's certified platform and otherwise by chance, with a
//! sentence of evidence.

use std::io::Write;

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::common::{date_after, rng_for, Section, SHARED};
use super::options::DemoOptions;
use super::profiles::Entry;
use super::sink::Sink;

/// Columns of `rmm_checks.csv`.
pub(super) const HEADER: &str = "vendor,platform,check,result,evidence,checked_on";

/// (platform id, display name, the checks that apply to it)
type Platform = (&'static str, &'static str, &'static [&'static str]);

/// The platforms that can be tried, in canonical order.
const PLATFORMS: [Platform; 8] = [
    ("connectwise-automate", "ConnectWise Automate", RMM_CHECKS),
    ("connectwise-psa", "ConnectWise PSA", PSA_CHECKS),
    ("ninjaone", "NinjaOne", RMM_TICKETING_CHECKS),
    ("datto-rmm", "Datto RMM", RMM_CHECKS),
    ("kaseya-vsa", "Kaseya VSA", RMM_CHECKS),
    ("n-able-n-central", "N-able N-central", RMM_CHECKS),
    ("syncro", "Syncro", ALL_CHECKS),
    ("atera", "Atera", ALL_CHECKS),
];
const RMM_CHECKS: &[&str] = &["deploy", "policy-sync", "alerting", "remove-incumbent"];
const RMM_TICKETING_CHECKS: &[&str] = &[
    "deploy",
    "policy-sync",
    "alerting",
    "psa-ticketing",
    "remove-incumbent",
];
const PSA_CHECKS: &[&str] = &["psa-ticketing", "billing-sync"];
const ALL_CHECKS: &[&str] = &[
    "deploy",
    "policy-sync",
    "alerting",
    "psa-ticketing",
    "remove-incumbent",
    "billing-sync",
];

/// For every vendor, each check of each platform picked for this seed.
pub(super) fn rmm_rows<W: Write>(opts: &DemoOptions, roster: &[Entry], out: &mut Sink<W>) {
    let platforms = pick_platforms(&mut rng_for(opts.seed, Section::Rmm, SHARED));
    for entry in roster {
        let mut rng = rng_for(opts.seed, Section::Rmm, entry.index);
        for &(platform, display, checks) in &platforms {
            let checked_on = date_after(2024, 7, 1, rng.random_range(14..=61));
            for &check in checks {
                let result = check_result(&mut rng, entry, platform, check);
                let evidence = evidence(entry, check, result).replace("{P}", display);
                out.push([
                    entry.slug(),
                    platform,
                    check,
                    result,
                    &evidence,
                    &checked_on,
                ]);
            }
        }
    }
}

/// Four to six platforms, at least one of them with PSA ticketing, in the canonical order.
fn pick_platforms(rng: &mut ChaCha8Rng) -> Vec<Platform> {
    let mut order: Vec<usize> = (0..PLATFORMS.len()).collect();
    order.shuffle(rng);
    order.truncate(rng.random_range(4..=6));
    if !order
        .iter()
        .any(|&i| PLATFORMS[i].2.contains(&"psa-ticketing"))
    {
        order[0] = 1; // connectwise-psa
    }
    order.sort_unstable();
    order.into_iter().map(|i| PLATFORMS[i]).collect()
}

/// The result of one check: a pass on the vendor's home platform, else drawn.
fn check_result(rng: &mut ChaCha8Rng, entry: &Entry, platform: &str, check: &str) -> &'static str {
    if entry.is_incumbent() && check == "remove-incumbent" {
        return "untested";
    }
    if platform == entry.profile.home {
        return "pass";
    }
    let hard = match check {
        "remove-incumbent" => 0.85,
        "billing-sync" => 0.8,
        _ => 1.0,
    };
    let pass = entry.profile.integration * hard;
    let u: f64 = rng.random();
    if u < pass {
        "pass"
    } else if u < pass + (1.0 - pass) * 0.55 {
        "partial"
    } else if u < pass + (1.0 - pass) * 0.85 {
        "fail"
    } else {
        "untested"
    }
}

/// A short sentence for a check's result; `{P}` stands for the platform's name.
fn evidence(entry: &Entry, check: &str, result: &str) -> String {
    if entry.is_incumbent() && check == "remove-incumbent" {
        return "Not applicable: Kaspersky is the incumbent that the others remove".to_string();
    }
    let text = match (check, result) {
        (_, "untested") => "Not tested yet: the {P} test tenant was not ready in the pilot window",
        ("deploy", "pass") => "Agent deployed silently from {P}; every pilot endpoint checked in within 20 minutes",
        ("deploy", "partial") => "Deployed from {P}, but macOS endpoints needed the system extension approved by hand",
        ("deploy", _) => "The {P} installer job timed out on most endpoints, so agents were installed by hand",
        ("policy-sync", "pass") => "Policy changes in the vendor console reached {P} within one sync cycle",
        ("policy-sync", "partial") => "Policies sync to {P}, but exclusions still have to be copied by hand",
        ("policy-sync", _) => "No policy sync with {P}; policies live only in the vendor console",
        ("alerting", "pass") => "Detections raise {P} alerts with host, threat name and severity",
        ("alerting", "partial") => "Alerts reach {P} through an email parser only, so severity is lost",
        ("alerting", _) => "No alerts reach {P}; the connector shows as disconnected after an hour",
        ("psa-ticketing", "pass") => "Each detection opens a ticket in {P} on the client's board, with the endpoint attached",
        ("psa-ticketing", "partial") => "Tickets open in {P}, but all land on one board and need triage by hand",
        ("psa-ticketing", _) => "The {P} connector fails to authenticate, so no tickets are created",
        ("remove-incumbent", "pass") => "The {P} script removed Kaspersky, Network Agent included, without a reboot",
        ("remove-incumbent", "partial") => "Kaspersky removed from {P}, but protected endpoints needed the uninstall password, one by one",
        ("remove-incumbent", _) => "Removal from {P} left the Kaspersky driver behind, and the new agent refused to install",
        ("billing-sync", "pass") => "Seat counts sync nightly to {P} agreements, per client",
        ("billing-sync", "partial") => "Seat counts reach {P}, but as one total, not per client",
        _ => "No billing sync with {P}; seats are reconciled from a monthly CSV export",
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::generate;
    use crate::demo::testkit::{opts, rows};
    use std::collections::BTreeSet;

    #[test]
    fn rmm_checks_cover_each_platform_once() {
        for seed in 0..20 {
            let files = generate(&opts(seed, 3, 1, 1)).unwrap();
            let mut seen = BTreeSet::new();
            let mut platforms = BTreeSet::new();
            for r in rows(&files, "rmm_checks.csv") {
                let key = (
                    r["vendor"].clone(),
                    r["platform"].clone(),
                    r["check"].clone(),
                );
                assert!(seen.insert(key), "duplicate {r:?}");
                let (_, _, checks) = PLATFORMS.iter().find(|p| p.0 == r["platform"]).unwrap();
                assert!(checks.contains(&r["check"].as_str()), "{r:?}");
                assert!(["pass", "partial", "fail", "untested"].contains(&r["result"].as_str()));
                let on = &r["checked_on"];
                assert!(
                    on.starts_with("2024-07-") || on.starts_with("2024-08-"),
                    "{on}"
                );
                assert!(!r["evidence"].is_empty() && !r["evidence"].contains("{P}"));
                platforms.insert(r["platform"].clone());
            }
            assert!((4..=6).contains(&platforms.len()), "{platforms:?}");
            let ticketing = rows(&files, "rmm_checks.csv")
                .iter()
                .any(|r| r["check"] == "psa-ticketing");
            assert!(ticketing);
        }
    }
}
