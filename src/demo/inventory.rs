//! `inventory-<client>.csv`: a device inventory for each shipped client profile, in the
//! generic inventory format (docs/plan.md), with the profile's fleet: as many
//! workstations, servers and domain controllers, spread over the client's sites. Most
//! devices run a Kaspersky product; a few run another antivirus or none, a few have not
//! been seen for weeks (stale) and a few are not managed by the RMM, as in a real
//! export. Last-seen dates are just before 2024-07-01, the start the shipped profiles
//! replay.

use std::io::Write;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::common::{date_before, rng_for, Section};
use super::options::DemoOptions;
use super::profiles::Entry;
use super::sink::Sink;

/// The columns of an inventory.
pub(super) const HEADER: &str =
    "client,site,hostname,role,os,av_product,av_version,last_seen,managed,tags";

/// A shipped client as its inventory shows it.
pub(super) struct Client {
    /// The client column.
    pub name: &'static str,
    /// Hostname prefix.
    pub prefix: &'static str,
    pub sites: &'static [&'static str],
    /// Workstations, servers and domain controllers, as in the profile's `[fleet]`.
    pub fleet: [usize; 3],
    /// Tags a workstation of this client may carry besides `it` and `vip`.
    pub data_tag: &'static str,
}

/// The shipped client profiles (`dental-35`, `federal-contractor`, `msp-client-350`); a
/// test checks the fleets against `clients/*.toml`.
pub(super) const CLIENTS: [Client; 3] = [
    Client {
        name: "Harbor Dental",
        prefix: "HD",
        sites: &["main-st", "annex"],
        fleet: [32, 2, 1],
        data_tag: "phi",
    },
    Client {
        name: "Pine Defense Works",
        prefix: "PDW",
        sites: &["plant", "engineering"],
        fleet: [52, 6, 2],
        data_tag: "cui",
    },
    Client {
        name: "Mesa Logistics",
        prefix: "MESA",
        sites: &["hq", "warehouse-north", "warehouse-south", "datacentre"],
        fleet: [320, 24, 6],
        data_tag: "pci",
    },
];

/// The Kaspersky products devices run, with a version, most common first.
const KASPERSKY: [(&str, &str); 4] = [
    ("Kaspersky Endpoint Security for Windows", "12.3.0.493"),
    ("Kaspersky Endpoint Security for Windows", "11.11.0.452"),
    ("Kaspersky Small Office Security", "21.3.10.391"),
    ("Kaspersky Security for Windows Server", "11.0.1.897"),
];

/// Fills the inventory of shipped client `k` of [`CLIENTS`].
fn fill<W: Write>(opts: &DemoOptions, k: usize, out: &mut Sink<W>) {
    let c = &CLIENTS[k];
    let mut rng = rng_for(opts.seed, Section::Inventory, k as u64);
    let roles = [
        ("workstation", "WS"),
        ("server", "SRV"),
        ("domain_controller", "DC"),
    ];
    for (r, (role, code)) in roles.iter().enumerate() {
        for n in 1..=c.fleet[r] {
            let hostname = format!("{}-{code}-{n:03}", c.prefix);
            // Servers sit at the first site, or in the data centre (the fourth site)
            // where workstations are not.
            let site = if r == 0 {
                c.sites[rng.random_range(0..c.sites.len().min(3))]
            } else {
                c.sites[if c.sites.len() > 3 { 3 } else { 0 }]
            };
            let row = device(&mut rng, c, r, role, site, &hostname);
            out.push(row);
        }
    }
}

/// One device's row.
fn device(
    rng: &mut ChaCha8Rng,
    c: &Client,
    r: usize,
    role: &str,
    site: &str,
    hostname: &str,
) -> Vec<String> {
    let os = match (r, rng.random_range(0..10)) {
        (0, x) if x < 7 => "Windows 11 Pro",
        (0, _) => "Windows 10 Pro",
        (_, x) if x < 6 => "Windows Server 2022 Standard",
        _ => "Windows Server 2019 Standard",
    };
    let draw = rng.random_range(0..100);
    let (product, version) = match draw {
        0..=2 => ("", ""),
        3..=5 => ("Microsoft Defender Antivirus", "4.18.24050"),
        _ if r > 0 => KASPERSKY[3],
        x => KASPERSKY[(x % 3) as usize],
    };
    let stale = rng.random_range(0..100) < 3;
    let ago = if stale {
        rng.random_range(35..120)
    } else {
        rng.random_range(1..4)
    };
    let last_seen = date_before(2024, 7, 1, ago);
    let managed = if rng.random_range(0..100) < 3 {
        "false"
    } else {
        "true"
    };
    let mut tags = Vec::new();
    if r == 0 && rng.random_range(0..100) < 5 {
        tags.push("it");
    }
    if r == 0 && rng.random_range(0..100) < 4 {
        tags.push("vip");
    }
    if rng.random_range(0..100) < if r == 0 { 15 } else { 40 } {
        tags.push(c.data_tag);
    }
    if r == 1 && rng.random_range(0..100) < 20 {
        tags.push("internet-facing");
    }
    vec![
        c.name.to_string(),
        site.to_string(),
        hostname.to_string(),
        role.to_string(),
        os.to_string(),
        product.to_string(),
        version.to_string(),
        last_seen,
        managed.to_string(),
        tags.join(";"),
    ]
}

/// `inventory-dental-35.csv`.
pub(super) fn dental<W: Write>(opts: &DemoOptions, _: &[Entry], out: &mut Sink<W>) {
    fill(opts, 0, out);
}

/// `inventory-federal-contractor.csv`.
pub(super) fn federal<W: Write>(opts: &DemoOptions, _: &[Entry], out: &mut Sink<W>) {
    fill(opts, 1, out);
}

/// `inventory-msp-client-350.csv`.
pub(super) fn msp<W: Write>(opts: &DemoOptions, _: &[Entry], out: &mut Sink<W>) {
    fill(opts, 2, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the shipped profiles under `clients/`, one per entry of [`CLIENTS`].
    const PROFILES: [&str; 3] = ["dental-35", "federal-contractor", "msp-client-350"];

    /// Each inventory has the fleet of its shipped client profile.
    #[test]
    fn fleets_match_the_shipped_profiles() {
        for (c, name) in CLIENTS.iter().zip(PROFILES) {
            let f = crate::embedded::client_file(std::path::Path::new(name)).unwrap();
            let p = crate::client::parse(f.label, f.text).unwrap();
            let fleet = p.pricing.fleet;
            let want = [fleet.workstations, fleet.servers, fleet.domain_controllers];
            assert_eq!(c.fleet.map(|n| n as u64), want, "{name}");
        }
    }
}
