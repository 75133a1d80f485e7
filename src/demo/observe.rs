//! One pilot endpoint-day: the endpoint (its role and fixed traits, which `pilot` plans), what
//! the RMM recorded (gauges, detections, phishing simulations, false positives, times to detect
//! and respond, breakages, tickets) and its `pilot_results.csv` row. An empty cell means not
//! observed, never zero.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::common::{binomial, f1, f2, lognormal, normal, opt, poisson};
use super::profiles::Profile;

/// The role of a pilot endpoint, as in the `role` column.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Role {
    Workstation,
    Server,
    DomainController,
}

impl Role {
    /// The id in the `role` column.
    pub(super) fn id(self) -> &'static str {
        match self {
            Role::Workstation => "workstation",
            Role::Server => "server",
            Role::DomainController => "domain_controller",
        }
    }

    /// The short form used in endpoint names.
    pub(super) fn short(self) -> &'static str {
        match self {
            Role::Workstation => "ws",
            Role::Server => "srv",
            Role::DomainController => "dc",
        }
    }
}

/// One pilot endpoint and its fixed traits.
pub(super) struct Endpoint {
    pub(super) id: String,
    pub(super) client: &'static str,
    pub(super) role: Role,
    pub(super) os: &'static str,
    pub(super) install_ok: bool,
    /// This machine's CPU overhead relative to the vendor's mean (hardware differs).
    pub(super) cpu_factor: f64,
    pub(super) memory_offset: f64,
    /// Day of the week phishing simulations arrive.
    pub(super) phish_weekday: usize,
    /// Chance of a reboot on a day (boot delay is only observed then).
    pub(super) reboot: f64,
}

/// Chance that an endpoint sends no gauge report on a day (agent offline, RMM gap).
const REPORT_GAP: f64 = 0.015;
/// Chance that the times to detect and respond of a detection were not recorded.
const TIMES_GAP: f64 = 0.03;

/// What the RMM recorded for one endpoint on one day; `None` is "not observed".
#[derive(Default)]
pub(super) struct DayObs {
    cpu: Option<f64>,
    memory: Option<f64>,
    boot: Option<f64>,
    scan: Option<f64>,
    telemetry: Option<f64>,
    /// (samples, detected)
    malware: Option<(u64, u64)>,
    /// (sims, blocked)
    phishing: Option<(u64, u64)>,
    false_positives: Option<u64>,
    mttd: Option<f64>,
    mttr: Option<f64>,
    breakages: u64,
    tickets: u64,
}

/// Draws one endpoint-day; an endpoint without an agent (failed install) only has breakages
/// and tickets.
pub(super) fn observe_day(rng: &mut ChaCha8Rng, p: &Profile, ep: &Endpoint, day: usize) -> DayObs {
    let breakages = poisson(rng, p.breakage);
    if !ep.install_ok {
        // No agent: nothing to measure, but the failed install keeps raising tickets.
        let tickets = poisson(rng, p.tickets + 0.15) + breakages;
        return DayObs {
            breakages,
            tickets,
            ..DayObs::default()
        };
    }
    let mut obs = DayObs {
        breakages,
        tickets: poisson(rng, p.tickets) + breakages,
        ..DayObs::default()
    };
    if !rng.random_bool(REPORT_GAP) {
        observe_gauges(rng, p, ep, &mut obs);
    }
    let samples = poisson(rng, 1.5);
    let detected = binomial(rng, samples, p.detection);
    obs.malware = Some((samples, detected));
    if detected > 0 && !rng.random_bool(TIMES_GAP) {
        let mttd = lognormal(rng, p.mttd, 0.6).max(0.1);
        obs.mttd = Some(mttd);
        obs.mttr = Some(mttd + lognormal(rng, p.mttr, 0.7));
    }
    let sims = if ep.role == Role::Workstation && day % 7 == ep.phish_weekday {
        1 + poisson(rng, 0.4)
    } else {
        0
    };
    obs.phishing = Some((sims, binomial(rng, sims, p.phishing)));
    obs.false_positives = Some(poisson(rng, p.fp));
    obs
}

/// CPU, memory, boot (on reboot days only), daily scan and telemetry coverage.
fn observe_gauges(rng: &mut ChaCha8Rng, p: &Profile, ep: &Endpoint, obs: &mut DayObs) {
    let server = ep.role != Role::Workstation;
    let (cpu_role, scan_role, boot_role, memory_role) = match (server, ep.os) {
        (true, _) => (0.8, 1.4, 1.5, 60.0),
        (false, "macos-14") => (1.1, 0.9, 0.8, -30.0),
        (false, _) => (1.0, 1.0, 1.0, 0.0),
    };
    let cpu = p.cpu * cpu_role * ep.cpu_factor * normal(rng, 1.0, 0.12);
    obs.cpu = Some(cpu.clamp(1.0, 12.0));
    let memory = p.memory + memory_role + ep.memory_offset + normal(rng, 0.0, 15.0);
    obs.memory = Some(memory.clamp(120.0, 700.0));
    if rng.random_bool(ep.reboot) {
        obs.boot = Some(lognormal(rng, p.boot * boot_role, 0.3).clamp(1.0, 25.0));
    }
    obs.scan = Some(lognormal(rng, p.scan * scan_role, 0.2).clamp(5.0, 60.0));
    obs.telemetry = Some(normal(rng, p.telemetry, 1.2).clamp(85.0, 100.0));
}

impl DayObs {
    pub(super) fn record(&self, vendor: &str, ep: &Endpoint, date: String) -> Vec<String> {
        let first = |pair: Option<(u64, u64)>| opt(pair.map(|(a, _)| a.to_string()));
        let second = |pair: Option<(u64, u64)>| opt(pair.map(|(_, b)| b.to_string()));
        vec![
            vendor.to_string(),
            ep.client.to_string(),
            ep.id.clone(),
            ep.role.id().to_string(),
            ep.os.to_string(),
            date,
            "1".to_string(),
            ep.install_ok.to_string(),
            opt(self.cpu.map(f2)),
            opt(self.memory.map(f1)),
            opt(self.boot.map(f1)),
            opt(self.scan.map(f1)),
            first(self.malware),
            second(self.malware),
            first(self.phishing),
            second(self.phishing),
            opt(self.false_positives.map(|n| n.to_string())),
            opt(self.mttd.map(f1)),
            opt(self.mttr.map(f1)),
            self.breakages.to_string(),
            self.tickets.to_string(),
            opt(self.telemetry.map(f2)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use crate::demo::generate;
    use crate::demo::testkit::{count, num, opts, rows};
    use std::collections::BTreeMap;

    #[test]
    fn pilot_rows_are_consistent() {
        let files = generate(&opts(3, 12, 9, 14)).unwrap();
        let mut install = BTreeMap::new();
        let mut detections = 0;
        for r in rows(&files, "pilot_results.csv") {
            let (samples, detected) = (count(&r, "malware_samples"), count(&r, "malware_detected"));
            assert_eq!(samples.is_some(), detected.is_some());
            assert!(detected <= samples, "{r:?}");
            let (sims, blocked) = (count(&r, "phishing_sims"), count(&r, "phishing_blocked"));
            assert!(blocked <= sims, "{r:?}");
            for col in ["false_positives", "app_breakages", "tickets"] {
                count(&r, col); // parses as a non-negative integer when present
            }
            for col in ["cpu_overhead_pct", "telemetry_coverage_pct"] {
                assert!(
                    num(&r, col).is_none_or(|v| (0.0..=100.0).contains(&v)),
                    "{col} {r:?}"
                );
            }
            let ranges = [
                ("cpu_overhead_pct", 1.0, 12.0),
                ("memory_mb", 120.0, 700.0),
                ("boot_delay_s", 1.0, 25.0),
                ("scan_minutes", 5.0, 60.0),
                ("telemetry_coverage_pct", 85.0, 100.0),
            ];
            for (col, lo, hi) in ranges {
                assert!(
                    num(&r, col).is_none_or(|v| (lo..=hi).contains(&v)),
                    "{col} {r:?}"
                );
            }
            let timed = num(&r, "mttd_minutes").is_some();
            assert_eq!(timed, num(&r, "mttr_minutes").is_some());
            assert!(
                !timed || detected.unwrap() > 0,
                "time without detection: {r:?}"
            );
            detections += u64::from(timed);
            assert!(num(&r, "mttr_minutes") >= num(&r, "mttd_minutes"));
            assert_eq!(r["days"], "1");
            let ok = install
                .entry(r["endpoint"].clone())
                .or_insert(r["install_ok"].clone());
            assert_eq!(
                *ok, r["install_ok"],
                "install_ok changes within an endpoint"
            );
        }
        assert!(detections > 0);
        assert!(install.values().any(|v| v == "false") && install.values().any(|v| v == "true"));
    }
}
