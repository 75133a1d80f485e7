//! The vendors of the demo dataset and `vendors.csv`: each vendor's "true" behaviour (the profile
//! that lab scores, pilot rows, prices and RMM results are drawn around), the roster that
//! `--vendors N` takes, and one `vendors.csv` row per vendor.

use std::io::Write;

use super::options::DemoOptions;
use super::sink::Sink;

/// Columns of `vendors.csv`.
pub(super) const HEADER: &str = "vendor,name,hq_country,restrictions,notes";

/// A vendor's true rates and levels. Lab scores, pilot rows, prices and RMM results are all
/// drawn around these, so the designed trade-offs show through the noise.
pub(super) struct Profile {
    pub(super) slug: &'static str,
    pub(super) name: &'static str,
    pub(super) hq: &'static str,
    /// The designed trade-off, in words (goes into `notes` and the README).
    pub(super) pitch: &'static str,
    /// Chance a malware sample is detected.
    pub(super) detection: f64,
    /// Chance a phishing simulation is blocked.
    pub(super) phishing: f64,
    /// False positives per endpoint-day.
    pub(super) fp: f64,
    /// Application breakages per endpoint-day.
    pub(super) breakage: f64,
    /// Tickets per endpoint-day, besides one per breakage.
    pub(super) tickets: f64,
    /// Chance the agent fails to install on an endpoint.
    pub(super) install_fail: f64,
    /// Mean CPU overhead (%), memory (MB), boot delay (s) and daily scan (min) on a workstation.
    pub(super) cpu: f64,
    pub(super) memory: f64,
    pub(super) boot: f64,
    pub(super) scan: f64,
    /// Mean telemetry coverage (%).
    pub(super) telemetry: f64,
    /// Median minutes to detect and to respond.
    pub(super) mttd: f64,
    pub(super) mttr: f64,
    /// Workstation seat price (USD per month) of the first tier of the cheapest edition.
    pub(super) price: f64,
    /// Number of editions sold (1 or 2).
    pub(super) editions: usize,
    /// Chance an RMM/PSA check passes, away from the vendor's certified platform.
    pub(super) integration: f64,
    /// The platform the vendor has a certified integration with.
    pub(super) home: &'static str,
}

/// The fictional vendors, in the order `--vendors N` takes them. The first five already cover the
/// main trade-offs: best detection but dear, cheapest but noisy, lightest agent but thin
/// integration, best integration, quietest but slow.
#[rustfmt::skip]
pub(super) const PROFILES: [Profile; 12] = [
    Profile { slug: "quillfort", name: "Quillfort Endpoint", hq: "US",
        pitch: "best detection and fastest response, but the dearest seats",
        detection: 0.997, phishing: 0.95, fp: 0.012, breakage: 0.004, tickets: 0.030, install_fail: 0.02,
        cpu: 6.5, memory: 420.0, boot: 9.0, scan: 32.0, telemetry: 98.5, mttd: 3.0, mttr: 25.0,
        price: 8.40, editions: 1, integration: 0.80, home: "connectwise-automate" },
    Profile { slug: "brindlewick", name: "Brindlewick EDR", hq: "US",
        pitch: "cheapest seats, but noisy: the most false positives, breakages and tickets",
        detection: 0.982, phishing: 0.86, fp: 0.028, breakage: 0.009, tickets: 0.048, install_fail: 0.04,
        cpu: 5.0, memory: 310.0, boot: 8.0, scan: 28.0, telemetry: 93.0, mttd: 9.0, mttr: 70.0,
        price: 3.10, editions: 2, integration: 0.65, home: "syncro" },
    Profile { slug: "larkspan", name: "Larkspan Secure", hq: "CA",
        pitch: "lightest agent on CPU, memory and boot, but thin RMM and PSA integration",
        detection: 0.986, phishing: 0.90, fp: 0.018, breakage: 0.003, tickets: 0.025, install_fail: 0.02,
        cpu: 2.2, memory: 160.0, boot: 3.0, scan: 18.0, telemetry: 95.5, mttd: 6.0, mttr: 55.0,
        price: 5.60, editions: 2, integration: 0.40, home: "ninjaone" },
    Profile { slug: "ottermere", name: "Ottermere XDR", hq: "DE",
        pitch: "best RMM and PSA integration and telemetry, average elsewhere, memory-hungry",
        detection: 0.991, phishing: 0.92, fp: 0.010, breakage: 0.005, tickets: 0.022, install_fail: 0.01,
        cpu: 5.5, memory: 480.0, boot: 10.0, scan: 35.0, telemetry: 99.5, mttd: 5.0, mttr: 40.0,
        price: 5.40, editions: 2, integration: 0.95, home: "datto-rmm" },
    Profile { slug: "cindervale", name: "Cindervale Endpoint", hq: "NL",
        pitch: "fewest false positives and breakages, but weak detection, slow scans and a slow boot",
        detection: 0.978, phishing: 0.88, fp: 0.0035, breakage: 0.001, tickets: 0.015, install_fail: 0.015,
        cpu: 7.5, memory: 380.0, boot: 16.0, scan: 52.0, telemetry: 96.0, mttd: 12.0, mttr: 90.0,
        price: 4.30, editions: 2, integration: 0.70, home: "n-able-n-central" },
    Profile { slug: "marrowgate", name: "Marrowgate Cloud AV", hq: "US",
        pitch: "low price and light, middling detection and noisy",
        detection: 0.984, phishing: 0.89, fp: 0.022, breakage: 0.006, tickets: 0.035, install_fail: 0.03,
        cpu: 4.0, memory: 300.0, boot: 7.0, scan: 25.0, telemetry: 94.0, mttd: 8.0, mttr: 60.0,
        price: 3.20, editions: 2, integration: 0.60, home: "atera" },
    Profile { slug: "tallowbrook", name: "Tallowbrook Endpoint", hq: "IE",
        pitch: "strong detection with very few false positives, but heavy on CPU and mid-priced",
        detection: 0.993, phishing: 0.93, fp: 0.004, breakage: 0.002, tickets: 0.018, install_fail: 0.02,
        cpu: 8.5, memory: 520.0, boot: 13.0, scan: 45.0, telemetry: 97.0, mttd: 4.0, mttr: 35.0,
        price: 6.30, editions: 1, integration: 0.75, home: "kaseya-vsa" },
    Profile { slug: "wrenhollow", name: "Wrenhollow XDR", hq: "US",
        pitch: "strong detection and the best phishing blocking, but dear and noisy",
        detection: 0.995, phishing: 0.97, fp: 0.020, breakage: 0.005, tickets: 0.030, install_fail: 0.025,
        cpu: 7.0, memory: 450.0, boot: 11.0, scan: 38.0, telemetry: 97.5, mttd: 3.5, mttr: 30.0,
        price: 7.40, editions: 1, integration: 0.70, home: "connectwise-psa" },
    Profile { slug: "ferncastle", name: "Ferncastle Secure", hq: "FR",
        pitch: "light and quiet, but weak detection for its price",
        detection: 0.980, phishing: 0.87, fp: 0.008, breakage: 0.002, tickets: 0.020, install_fail: 0.01,
        cpu: 3.2, memory: 210.0, boot: 5.0, scan: 22.0, telemetry: 96.5, mttd: 10.0, mttr: 80.0,
        price: 6.90, editions: 1, integration: 0.75, home: "ninjaone" },
    Profile { slug: "gildenmoor", name: "Gildenmoor EDR", hq: "SE",
        pitch: "light on CPU and cheap with fair detection, but noisy",
        detection: 0.988, phishing: 0.90, fp: 0.025, breakage: 0.007, tickets: 0.040, install_fail: 0.035,
        cpu: 3.0, memory: 260.0, boot: 6.0, scan: 24.0, telemetry: 95.0, mttd: 7.0, mttr: 65.0,
        price: 4.60, editions: 2, integration: 0.60, home: "datto-rmm" },
    Profile { slug: "pebblewhit", name: "Pebblewhit Endpoint", hq: "US",
        pitch: "the lowest price of all, but the weakest detection and the most install failures",
        detection: 0.975, phishing: 0.84, fp: 0.014, breakage: 0.006, tickets: 0.040, install_fail: 0.05,
        cpu: 4.5, memory: 280.0, boot: 8.0, scan: 30.0, telemetry: 92.0, mttd: 14.0, mttr: 100.0,
        price: 2.95, editions: 2, integration: 0.50, home: "atera" },
    Profile { slug: "thistlecombe", name: "Thistlecombe XDR", hq: "FI",
        pitch: "near-top detection and quiet, but the heaviest agent",
        detection: 0.996, phishing: 0.94, fp: 0.007, breakage: 0.003, tickets: 0.020, install_fail: 0.02,
        cpu: 9.5, memory: 640.0, boot: 18.0, scan: 55.0, telemetry: 98.0, mttd: 4.0, mttr: 30.0,
        price: 7.80, editions: 1, integration: 0.80, home: "kaseya-vsa" },
];

/// The incumbent. Its restrictions are real; its measured behaviour here is synthetic.
#[rustfmt::skip]
const KASPERSKY: Profile = Profile { slug: "kaspersky", name: "Kaspersky Endpoint Security", hq: "RU",
    pitch: "the incumbent: strong detection and a low price, but barred in the US",
    detection: 0.994, phishing: 0.93, fp: 0.006, breakage: 0.003, tickets: 0.020, install_fail: 0.01,
    cpu: 5.8, memory: 350.0, boot: 8.0, scan: 30.0, telemetry: 98.0, mttd: 4.0, mttr: 35.0,
    price: 3.90, editions: 2, integration: 0.80, home: "connectwise-automate" };

/// The incumbent's restriction ids, as in `vendors.csv`.
pub(super) const KASPERSKY_RESTRICTIONS: &str =
    "dhs-bod-17-01;fcc-covered-list;us-bis-2024;us-entity-list";
const KASPERSKY_NOTES: &str = "Incumbent. US sales prohibited from 2024-07-20 and updates from \
2024-09-29 under the Commerce BIS final determination of 2024-06-20; prices are historic";

/// Stream index of the incumbent, after the fictional vendors' 0..12.
const KASPERSKY_INDEX: u64 = 12;

/// A vendor taking part in the dataset, with the stream index of its random draws.
pub(super) struct Entry {
    pub(super) index: u64,
    pub(super) profile: &'static Profile,
}

impl Entry {
    pub(super) fn slug(&self) -> &'static str {
        self.profile.slug
    }

    pub(super) fn is_incumbent(&self) -> bool {
        self.index == KASPERSKY_INDEX
    }
}

/// The incumbent first, then the first `vendors` fictional vendors.
pub(super) fn roster(vendors: usize) -> Vec<Entry> {
    let incumbent = Entry {
        index: KASPERSKY_INDEX,
        profile: &KASPERSKY,
    };
    let fictional = PROFILES.iter().take(vendors).enumerate();
    std::iter::once(incumbent)
        .chain(fictional.map(|(i, profile)| Entry {
            index: i as u64,
            profile,
        }))
        .collect()
}

/// One row per vendor; the fictional ones say so in `notes`.
pub(super) fn vendor_rows<W: Write>(_: &DemoOptions, roster: &[Entry], out: &mut Sink<W>) {
    for e in roster {
        let p = e.profile;
        let (restrictions, notes) = if e.is_incumbent() {
            (
                KASPERSKY_RESTRICTIONS.to_string(),
                KASPERSKY_NOTES.to_string(),
            )
        } else {
            let notes = format!("Fictional vendor (synthetic demo data): {}", p.pitch);
            (String::new(), notes)
        };
        out.push([p.slug, p.name, p.hq, &restrictions, &notes]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::generate;
    use crate::demo::testkit::{opts, rows};
    use crate::demo::DemoFile;
    use std::collections::BTreeSet;

    #[test]
    fn adding_vendors_keeps_existing_vendor_rows() {
        let small = generate(&opts(7, 1, 6, 4)).unwrap();
        let large = generate(&opts(7, 5, 6, 4)).unwrap();
        let of = |files: &[DemoFile], name: &str, vendor: &str| -> Vec<_> {
            rows(files, name)
                .into_iter()
                .filter(|r| r["vendor"] == vendor)
                .collect()
        };
        for name in ["pilot_results.csv", "pricing.csv"] {
            for vendor in ["kaspersky", "quillfort"] {
                assert_eq!(
                    of(&small, name, vendor),
                    of(&large, name, vendor),
                    "{name} {vendor}"
                );
            }
        }
    }

    #[test]
    fn kaspersky_is_present_with_restrictions_and_slugs_are_unique() {
        let files = generate(&opts(1, 12, 1, 1)).unwrap();
        let vendors = rows(&files, "vendors.csv");
        assert_eq!(vendors.len(), 13);
        let slugs: BTreeSet<_> = vendors.iter().map(|r| r["vendor"].clone()).collect();
        assert_eq!(slugs.len(), vendors.len(), "duplicate slugs");
        let k = vendors
            .iter()
            .find(|r| r["vendor"] == "kaspersky")
            .expect("kaspersky");
        assert_eq!(
            k["restrictions"],
            "dhs-bod-17-01;fcc-covered-list;us-bis-2024;us-entity-list"
        );
        assert_eq!(k["hq_country"], "RU");
        for date in ["2024-07-20", "2024-09-29", "2024-06-20"] {
            assert!(k["notes"].contains(date), "notes lack {date}");
        }
        for r in vendors.iter().filter(|r| r["vendor"] != "kaspersky") {
            assert_eq!(r["restrictions"], "", "{}", r["vendor"]);
            let hq = &r["hq_country"];
            assert!(
                hq.len() == 2 && hq.chars().all(|c| c.is_ascii_uppercase()),
                "{hq}"
            );
            let slug = &r["vendor"];
            assert!(slug.chars().all(|c| c.is_ascii_lowercase()), "{slug}");
        }
        // Every other file names only known vendors.
        for name in [
            "test_scores.csv",
            "pilot_results.csv",
            "pricing.csv",
            "rmm_checks.csv",
        ] {
            assert!(
                rows(&files, name)
                    .iter()
                    .all(|r| slugs.contains(&r["vendor"])),
                "{name}"
            );
        }
    }

    #[test]
    fn fictional_names_avoid_real_product_words() {
        let banned = [
            "sentinel",
            "falcon",
            "defender",
            "shield",
            "guard",
            "sophos",
            "eset",
            "trend",
            "crowd",
            "bitdefender",
            "norton",
            "mcafee",
            "avast",
            "panda",
            "webroot",
            "cylance",
            "kaspersky",
            "malwarebytes",
            "huntress",
            "carbon",
            "cortex",
            "watch",
            "harmony",
        ];
        for p in &PROFILES {
            let text = format!("{} {}", p.slug, p.name).to_lowercase();
            for word in banned {
                assert!(!text.contains(word), "{} contains `{word}`", p.name);
            }
        }
    }

    #[test]
    fn no_vendor_dominates_on_the_core_trade_offs() {
        let all: Vec<&Profile> = PROFILES.iter().chain(std::iter::once(&KASPERSKY)).collect();
        let at_least_as_good = |a: &Profile, b: &Profile| {
            a.detection >= b.detection && a.fp <= b.fp && a.cpu <= b.cpu && a.price <= b.price
        };
        for a in &all {
            for b in &all {
                if a.slug != b.slug {
                    assert!(!at_least_as_good(a, b), "{} dominates {}", a.slug, b.slug);
                }
            }
        }
    }
}
