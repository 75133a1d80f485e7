//! `pilot_results.csv`: one row per pilot endpoint per day. This part plans each vendor's
//! endpoints (client, role, OS and fixed traits); `observe` draws what the RMM recorded each day.

use std::io::Write;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::common::{date_after, lognormal, normal, rng_for, Section};
use super::observe::{observe_day, Endpoint, Role};
use super::options::DemoOptions;
use super::profiles::{Entry, Profile};
use super::sink::Sink;

/// Columns of `pilot_results.csv`.
pub(super) const HEADER: &str = "vendor,client,endpoint,role,os,date,days,install_ok,\
cpu_overhead_pct,memory_mb,boot_delay_s,scan_minutes,malware_samples,malware_detected,\
phishing_sims,phishing_blocked,false_positives,mttd_minutes,mttr_minutes,app_breakages,tickets,\
telemetry_coverage_pct";

/// The MSP clients the pilot endpoints belong to.
const CLIENTS: [&str; 3] = ["harbor-dental", "mesa-logistics", "pine-legal"];
/// The first pilot day (year, month, day).
const PILOT_START: (i64, i64, i64) = (2024, 8, 5);

/// Every endpoint of every vendor, one row per day, vendor by vendor. A vendor's endpoints are
/// all drawn before its first day (one random stream), so memory holds one vendor's endpoints
/// (about 100 bytes each) but never the rows, which go straight to `out`.
pub(super) fn pilot_rows<W: Write>(opts: &DemoOptions, roster: &[Entry], out: &mut Sink<W>) {
    for entry in roster {
        let mut rng = rng_for(opts.seed, Section::Pilot, entry.index);
        for ep in plan_endpoints(&mut rng, entry, opts.endpoints) {
            for day in 0..opts.days {
                let obs = observe_day(&mut rng, entry.profile, &ep, day);
                let (y, m, d) = PILOT_START;
                out.push(obs.record(entry.slug(), &ep, date_after(y, m, d, day)));
            }
        }
    }
}

/// Splits `n` endpoints into contiguous blocks, one per client (2-3 clients, fewer if `n` < 2).
fn client_blocks(n: usize) -> Vec<(usize, usize)> {
    let clients = match n {
        1 => 1,
        2..=5 => 2,
        _ => 3,
    };
    (0..clients)
        .map(|c| (c, n / clients + usize::from(c < n % clients)))
        .collect()
}

/// The endpoints of one vendor. The domain controller of client `c` (at most one per client in
/// the whole file) is piloted by fictional vendor `c`; the last sixth of each block are servers.
fn plan_endpoints(rng: &mut ChaCha8Rng, entry: &Entry, n: usize) -> Vec<Endpoint> {
    let mut numbers = [0_usize; 3];
    let mut endpoints = Vec::with_capacity(n);
    for (client, size) in client_blocks(n) {
        let has_dc = !entry.is_incumbent() && entry.index == client as u64 && size >= 3;
        let servers = size / 6;
        for pos in 0..size {
            let role = match (has_dc, pos) {
                (true, 0) => Role::DomainController,
                _ if pos + servers >= size => Role::Server,
                _ => Role::Workstation,
            };
            let slot = role as usize;
            numbers[slot] += 1;
            let id = format!("{}-{}-{:03}", entry.slug(), role.short(), numbers[slot]);
            endpoints.push(new_endpoint(rng, entry.profile, id, CLIENTS[client], role));
        }
    }
    endpoints
}

/// Draws the fixed traits of one endpoint: OS, install outcome and hardware factors.
fn new_endpoint(
    rng: &mut ChaCha8Rng,
    p: &Profile,
    id: String,
    client: &'static str,
    role: Role,
) -> Endpoint {
    let os = match role {
        Role::DomainController => "windows-server-2022",
        Role::Server if rng.random_bool(0.3) => "windows-server-2019",
        Role::Server => "windows-server-2022",
        Role::Workstation => match rng.random_range(0..20) {
            0..=11 => "windows-11",
            12..=16 => "windows-10",
            _ => "macos-14",
        },
    };
    Endpoint {
        id,
        client,
        role,
        os,
        install_ok: !rng.random_bool(p.install_fail),
        cpu_factor: lognormal(rng, 1.0, 0.15),
        memory_offset: normal(rng, 0.0, 25.0),
        phish_weekday: rng.random_range(0..7),
        reboot: match role {
            Role::Workstation => 0.35,
            Role::Server => 0.10,
            Role::DomainController => 0.05,
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::demo::generate;
    use crate::demo::testkit::{file, opts, rows};
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn endpoints_belong_to_one_vendor_and_row_count_is_exact() {
        for (v, e, d) in [(1, 1, 1), (5, 20, 30), (12, 7, 3), (2, 2, 9)] {
            let files = generate(&opts(11, v, e, d)).unwrap();
            let pilot = rows(&files, "pilot_results.csv");
            assert_eq!(pilot.len(), (v + 1) * e * d, "options {v} {e} {d}");
            let mut owner = BTreeMap::new();
            let mut days = BTreeMap::<String, BTreeSet<String>>::new();
            for r in &pilot {
                let vendor = owner
                    .entry(r["endpoint"].clone())
                    .or_insert(r["vendor"].clone());
                assert_eq!(
                    *vendor, r["vendor"],
                    "endpoint {} under two vendors",
                    r["endpoint"]
                );
                days.entry(r["endpoint"].clone())
                    .or_default()
                    .insert(r["date"].clone());
            }
            assert_eq!(owner.len(), (v + 1) * e);
            assert!(
                days.values().all(|dates| dates.len() == d),
                "one row per endpoint per day"
            );
        }
    }

    #[test]
    fn at_most_one_domain_controller_per_client() {
        let files = generate(&opts(5, 12, 30, 1)).unwrap();
        let mut dcs = BTreeMap::<String, BTreeSet<String>>::new();
        for r in rows(&files, "pilot_results.csv") {
            assert!(["workstation", "server", "domain_controller"].contains(&r["role"].as_str()));
            if r["role"] == "domain_controller" {
                dcs.entry(r["client"].clone())
                    .or_default()
                    .insert(r["endpoint"].clone());
            }
        }
        assert!(!dcs.is_empty());
        assert!(dcs.values().all(|set| set.len() == 1), "{dcs:?}");
    }

    /// Pins a few rows, so a change of algorithm or of a `rand`/`rand_distr` version that alters
    /// the output (and would silently change the shipped demo dataset) is noticed.
    #[test]
    fn pilot_output_is_pinned() {
        let files = generate(&opts(1, 1, 2, 2)).unwrap();
        let text = std::str::from_utf8(file(&files, "pilot_results.csv")).unwrap();
        let expected = [
            "kaspersky,harbor-dental,kaspersky-ws-001,workstation,windows-10,2024-08-05,1,true,\
             4.81,326.8,,37.3,2,2,0,0,0,4.3,31.7,0,0,95.96",
            "kaspersky,harbor-dental,kaspersky-ws-001,workstation,windows-10,2024-08-06,1,true,\
             4.84,313.9,,31.2,3,3,1,1,0,6.1,31.0,0,0,98.78",
            "quillfort,mesa-logistics,quillfort-ws-002,workstation,windows-11,2024-08-06,1,true,\
             5.95,430.7,,28.6,3,3,0,0,0,4.3,31.3,0,0,100.00",
        ];
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 9);
        assert_eq!(lines[1], expected[0]);
        assert_eq!(lines[2], expected[1]);
        assert_eq!(lines[8], expected[2]);
    }
}
