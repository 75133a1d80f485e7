//! Synthetic demo dataset for `vendorscore demo-data`.
//!
//! Builds a complete evidence folder in the formats of DESIGN.md ("Evidence files"):
//! `vendors.csv`, `test_scores.csv`, `pilot_results.csv`, `pricing.csv`, `rmm_checks.csv` and a
//! `README.md` that says the data are synthetic. The replacement vendors are fictional and built
//! with deliberate trade-offs (see `PROFILES`), so that no vendor wins on everything; the
//! incumbent `kaspersky` carries its real US restrictions.
//!
//! Every draw comes from a ChaCha8 generator seeded with `seed_from_u64(seed)`, one stream per
//! file and vendor, so a seed gives the same bytes on every machine, and adding vendors leaves the
//! rows of the vendors already there unchanged. Files are returned as bytes; nothing is written.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution, LogNormal, Normal, Poisson};

/// Options of `vendorscore demo-data`.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Seed of every random draw: the same seed gives the same bytes.
    pub seed: u64,
    /// Number of fictional vendors (1 to 12), besides the incumbent `kaspersky`.
    pub vendors: usize,
    /// Pilot endpoints per vendor, the incumbent included.
    pub endpoints: usize,
    /// Pilot days; every endpoint has one row per day.
    pub days: usize,
}

impl Default for DemoOptions {
    fn default() -> Self {
        Self {
            seed: 42,
            vendors: 5,
            endpoints: 20,
            days: 30,
        }
    }
}

/// One generated file: its file name (e.g. "vendors.csv") and its bytes.
pub struct DemoFile {
    /// File name inside the dataset folder.
    pub name: &'static str,
    /// The whole file: UTF-8, LF line endings.
    pub bytes: Vec<u8>,
}

/// Why the demo dataset could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The number of fictional vendors is outside `1..=max`.
    #[error("vendors must be between 1 and {max}, got `{got}`")]
    Vendors { got: usize, max: usize },
    /// The number of endpoints per vendor is outside `1..=max`.
    #[error("endpoints must be between 1 and {max}, got `{got}`")]
    Endpoints { got: usize, max: usize },
    /// The number of pilot days is outside `1..=max`.
    #[error("days must be between 1 and {max}, got `{got}`")]
    Days { got: usize, max: usize },
    /// The pilot file would be unreasonably large.
    #[error(
        "the pilot would have `{rows}` rows, more than the limit of {max}; lower endpoints or days"
    )]
    TooManyRows { rows: usize, max: usize },
    /// A CSV record could not be written (should not happen when writing to memory).
    #[error("cannot write `{file}`")]
    Write {
        file: &'static str,
        #[source]
        source: csv::Error,
    },
}

/// Generates the synthetic demo dataset: vendors.csv, test_scores.csv, pilot_results.csv, pricing.csv, rmm_checks.csv, README.md
pub fn generate(opts: &DemoOptions) -> Result<Vec<DemoFile>, DemoError> {
    validate(opts)?;
    let roster = roster(opts.vendors);
    let tables: [(&'static str, &str, Fill); 5] = [
        ("vendors.csv", VENDORS_HEADER, vendor_rows),
        ("test_scores.csv", TEST_SCORES_HEADER, test_score_rows),
        ("pilot_results.csv", PILOT_HEADER, pilot_rows),
        ("pricing.csv", PRICING_HEADER, pricing_rows),
        ("rmm_checks.csv", RMM_HEADER, rmm_rows),
    ];
    let mut files = Vec::with_capacity(tables.len() + 1);
    let mut counts = Vec::with_capacity(tables.len());
    for (name, header, fill) in tables {
        let mut sink = Sink::new(header);
        fill(opts, &roster, &mut sink);
        let (bytes, rows) = sink.finish(name)?;
        counts.push((name, rows));
        files.push(DemoFile { name, bytes });
    }
    files.push(DemoFile {
        name: "README.md",
        bytes: readme(opts, &roster, &counts).into_bytes(),
    });
    Ok(files)
}

// ---------------------------------------------------------------------------------------------
// Options, headers, generators and formatting
// ---------------------------------------------------------------------------------------------

const MAX_ENDPOINTS: usize = 5_000;
const MAX_DAYS: usize = 366;
const MAX_PILOT_ROWS: usize = 1_000_000;

const VENDORS_HEADER: &str = "vendor,name,hq_country,restrictions,notes";
const TEST_SCORES_HEADER: &str =
    "lab,test,period_start,period_end,vendor,metric,value,unit,samples,source";
const PILOT_HEADER: &str = "vendor,client,endpoint,role,os,date,days,install_ok,\
cpu_overhead_pct,memory_mb,boot_delay_s,scan_minutes,malware_samples,malware_detected,\
phishing_sims,phishing_blocked,false_positives,mttd_minutes,mttr_minutes,app_breakages,tickets,\
telemetry_coverage_pct";
const PRICING_HEADER: &str = "vendor,sku,edition,applies_to,min_seats,max_seats,\
price_per_seat_month,currency,billing,term_months,min_commit_seats,setup_fee,addon";
const RMM_HEADER: &str = "vendor,platform,check,result,evidence,checked_on";

fn validate(opts: &DemoOptions) -> Result<(), DemoError> {
    if !(1..=PROFILES.len()).contains(&opts.vendors) {
        return Err(DemoError::Vendors {
            got: opts.vendors,
            max: PROFILES.len(),
        });
    }
    if !(1..=MAX_ENDPOINTS).contains(&opts.endpoints) {
        return Err(DemoError::Endpoints {
            got: opts.endpoints,
            max: MAX_ENDPOINTS,
        });
    }
    if !(1..=MAX_DAYS).contains(&opts.days) {
        return Err(DemoError::Days {
            got: opts.days,
            max: MAX_DAYS,
        });
    }
    let rows = (opts.vendors + 1) * opts.endpoints * opts.days;
    if rows > MAX_PILOT_ROWS {
        return Err(DemoError::TooManyRows {
            rows,
            max: MAX_PILOT_ROWS,
        });
    }
    Ok(())
}

/// Which part of the dataset a random stream feeds.
#[derive(Clone, Copy)]
enum Section {
    Labs = 1,
    Pilot = 2,
    Pricing = 3,
    Rmm = 4,
}

/// Stream index used for draws shared by all vendors of a section.
const SHARED: u64 = 0xFF;

/// The generator of one section and one vendor (or [`SHARED`]): independent streams keep a
/// vendor's rows the same whatever other vendors are generated.
fn rng_for(seed: u64, section: Section, index: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(((section as u64) << 32) | index);
    rng
}

fn poisson(rng: &mut ChaCha8Rng, lambda: f64) -> u64 {
    Poisson::new(lambda).map_or(0, |d| d.sample(rng) as u64)
}

fn binomial(rng: &mut ChaCha8Rng, n: u64, p: f64) -> u64 {
    Binomial::new(n, p.clamp(0.0, 1.0)).map_or(0, |d| d.sample(rng))
}

fn normal(rng: &mut ChaCha8Rng, mean: f64, sd: f64) -> f64 {
    Normal::new(mean, sd).map_or(mean, |d| d.sample(rng))
}

/// A log-normal draw given by its median, so `sigma` only sets the spread.
fn lognormal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    LogNormal::new(median.ln(), sigma).map_or(median, |d| d.sample(rng))
}

fn f1(x: f64) -> String {
    format!("{x:.1}")
}

fn f2(x: f64) -> String {
    format!("{x:.2}")
}

fn opt(value: Option<String>) -> String {
    value.unwrap_or_default()
}

/// Writes the rows of one table; every CSV file is filled by one of these.
type Fill = fn(&DemoOptions, &[Entry], &mut Sink);

/// A CSV file being written to memory, row by row, so even a large pilot is never held twice.
/// The first write error is kept and reported by [`Sink::finish`].
struct Sink {
    writer: csv::Writer<Vec<u8>>,
    rows: usize,
    error: Option<csv::Error>,
}

impl Sink {
    /// A file with `header` (comma-separated column names) as its first row.
    fn new(header: &str) -> Self {
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut sink = Sink {
            writer,
            rows: 0,
            error: None,
        };
        sink.error = sink.writer.write_record(header.split(',')).err();
        sink
    }

    fn push<I, T>(&mut self, row: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        if self.error.is_none() {
            match self.writer.write_record(row) {
                Ok(()) => self.rows += 1,
                Err(e) => self.error = Some(e),
            }
        }
    }

    /// The file's bytes and its number of data rows.
    fn finish(self, file: &'static str) -> Result<(Vec<u8>, usize), DemoError> {
        let fail = |source: csv::Error| DemoError::Write { file, source };
        if let Some(source) = self.error {
            return Err(fail(source));
        }
        let rows = self.rows;
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| fail(csv::Error::from(e.into_error())))?;
        Ok((bytes, rows))
    }
}

// ---------------------------------------------------------------------------------------------
// Dates (proleptic Gregorian, no time zone), so no date crate is needed
// ---------------------------------------------------------------------------------------------

/// Days since 1970-01-01 of a civil date (H. Hinnant, "chrono-Compatible Low-Level Date
/// Algorithms").
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `YYYY-MM-DD` of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The date `offset` days after `(year, month, day)`.
fn date_after(year: i64, month: i64, day: i64, offset: usize) -> String {
    civil_from_days(days_from_civil(year, month, day) + offset as i64)
}

// ---------------------------------------------------------------------------------------------
// Vendor profiles: the "true" behaviour the sampled evidence is drawn from
// ---------------------------------------------------------------------------------------------

/// A vendor's true rates and levels. Lab scores, pilot rows, prices and RMM results are all
/// drawn around these, so the designed trade-offs show through the noise.
struct Profile {
    slug: &'static str,
    name: &'static str,
    hq: &'static str,
    /// The designed trade-off, in words (goes into `notes` and the README).
    pitch: &'static str,
    /// Chance a malware sample is detected.
    detection: f64,
    /// Chance a phishing simulation is blocked.
    phishing: f64,
    /// False positives per endpoint-day.
    fp: f64,
    /// Application breakages per endpoint-day.
    breakage: f64,
    /// Tickets per endpoint-day, besides one per breakage.
    tickets: f64,
    /// Chance the agent fails to install on an endpoint.
    install_fail: f64,
    /// Mean CPU overhead (%), memory (MB), boot delay (s) and daily scan (min) on a workstation.
    cpu: f64,
    memory: f64,
    boot: f64,
    scan: f64,
    /// Mean telemetry coverage (%).
    telemetry: f64,
    /// Median minutes to detect and to respond.
    mttd: f64,
    mttr: f64,
    /// Workstation seat price (USD per month) of the first tier of the cheapest edition.
    price: f64,
    /// Number of editions sold (1 or 2).
    editions: usize,
    /// Chance an RMM/PSA check passes, away from the vendor's certified platform.
    integration: f64,
    /// The platform the vendor has a certified integration with.
    home: &'static str,
}

/// The fictional vendors, in the order `--vendors N` takes them. The first five already cover the
/// main trade-offs: best detection but dear, cheapest but noisy, lightest agent but thin
/// integration, best integration, quietest but slow.
#[rustfmt::skip]
const PROFILES: [Profile; 12] = [
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

const KASPERSKY_RESTRICTIONS: &str = "dhs-bod-17-01;fcc-covered-list;us-bis-2024;us-entity-list";
const KASPERSKY_NOTES: &str = "Incumbent. US sales prohibited from 2024-07-20 and updates from \
2024-09-29 under the Commerce BIS final determination of 2024-06-20; prices are historic";

/// Stream index of the incumbent, after the fictional vendors' 0..12.
const KASPERSKY_INDEX: u64 = 12;

/// A vendor taking part in the dataset, with the stream index of its random draws.
struct Entry {
    index: u64,
    profile: &'static Profile,
}

impl Entry {
    fn slug(&self) -> &'static str {
        self.profile.slug
    }

    fn is_incumbent(&self) -> bool {
        self.index == KASPERSKY_INDEX
    }
}

/// The incumbent first, then the first `vendors` fictional vendors.
fn roster(vendors: usize) -> Vec<Entry> {
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

fn vendor_rows(_: &DemoOptions, roster: &[Entry], out: &mut Sink) {
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

// ---------------------------------------------------------------------------------------------
// test_scores.csv: two fictional labs
// ---------------------------------------------------------------------------------------------

struct Lab {
    name: &'static str,
    test: &'static str,
    periods: &'static [(&'static str, &'static str)],
}

const LABS: [Lab; 2] = [
    Lab {
        name: "Demo Lab North",
        test: "Business Protection Test",
        periods: &[
            ("2024-09", "2024-09"),
            ("2025-03", "2025-03"),
            ("2025-09", "2025-09"),
        ],
    },
    Lab {
        name: "Demo Lab South",
        test: "Endpoint Protection and Performance Test",
        periods: &[("2025-01", "2025-02"), ("2025-07", "2025-08")],
    },
];

/// Chance that a vendor is missing from one lab's period (it did not enter that round).
const LAB_SKIP: f64 = 0.08;

fn test_score_rows(opts: &DemoOptions, roster: &[Entry], out: &mut Sink) {
    let seed = opts.seed;
    let mut shared = rng_for(seed, Section::Labs, SHARED);
    // One fictional vendor never entered one of the labs.
    let absent = (
        shared.random_range(1..roster.len()),
        shared.random_range(0..LABS.len()),
    );
    for (l, lab) in LABS.iter().enumerate() {
        for (t, &(start, end)) in lab.periods.iter().enumerate() {
            let samples = shared.random_range(500..=1200_u64);
            for (v, entry) in roster.iter().enumerate() {
                let stream = entry.index | ((l as u64) << 8) | ((t as u64) << 16);
                let mut rng = rng_for(seed, Section::Labs, stream);
                if (v, l) == absent || rng.random_bool(LAB_SKIP) {
                    continue;
                }
                let cells = lab_cells(&mut rng, entry.profile, samples);
                for (metric, value, unit, samples) in &cells {
                    let lead = [lab.name, lab.test, start, end, entry.slug(), metric];
                    out.push(
                        lead.into_iter()
                            .chain([&**value, unit, samples, "synthetic"]),
                    );
                }
            }
        }
    }
}

/// The three lab metrics of one vendor in one round: (metric, value, unit, samples).
fn lab_cells(
    rng: &mut ChaCha8Rng,
    p: &Profile,
    samples: u64,
) -> [(&'static str, String, &'static str, String); 3] {
    // Labs use harder samples than a pilot, but miss a little less than the field miss rate.
    let compromised = binomial(rng, samples, (1.0 - p.detection) * 0.9);
    let protection = (100.0 * (samples - compromised) as f64 / samples as f64).max(96.0);
    // AV-TEST convention: 6 points = no measurable slowdown; half-point steps.
    let performance = normal(rng, 6.0 - (p.cpu - 1.5) * 0.55, 0.3).clamp(0.0, 6.0);
    let performance = (performance * 2.0).round() / 2.0;
    let fps = poisson(rng, p.fp * 300.0).to_string();
    [
        (
            "malware_protection_rate",
            f1(protection),
            "percent",
            samples.to_string(),
        ),
        (
            "false_positives_business_software",
            fps,
            "count",
            String::new(),
        ),
        (
            "performance_impact_score",
            f1(performance),
            "score_0_6",
            String::new(),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// pilot_results.csv: one row per endpoint per day
// ---------------------------------------------------------------------------------------------

const CLIENTS: [&str; 3] = ["harbor-dental", "mesa-logistics", "pine-legal"];
const PILOT_START: (i64, i64, i64) = (2024, 8, 5);
/// Chance that an endpoint sends no gauge report on a day (agent offline, RMM gap).
const REPORT_GAP: f64 = 0.015;
/// Chance that the times to detect and respond of a detection were not recorded.
const TIMES_GAP: f64 = 0.03;

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Workstation,
    Server,
    DomainController,
}

impl Role {
    fn id(self) -> &'static str {
        match self {
            Role::Workstation => "workstation",
            Role::Server => "server",
            Role::DomainController => "domain_controller",
        }
    }

    fn short(self) -> &'static str {
        match self {
            Role::Workstation => "ws",
            Role::Server => "srv",
            Role::DomainController => "dc",
        }
    }
}

/// One pilot endpoint and its fixed traits.
struct Endpoint {
    id: String,
    client: &'static str,
    role: Role,
    os: &'static str,
    install_ok: bool,
    /// This machine's CPU overhead relative to the vendor's mean (hardware differs).
    cpu_factor: f64,
    memory_offset: f64,
    /// Day of the week phishing simulations arrive.
    phish_weekday: usize,
    /// Chance of a reboot on a day (boot delay is only observed then).
    reboot: f64,
}

fn pilot_rows(opts: &DemoOptions, roster: &[Entry], out: &mut Sink) {
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

/// What the RMM recorded for one endpoint on one day; `None` is "not observed".
#[derive(Default)]
struct DayObs {
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

fn observe_day(rng: &mut ChaCha8Rng, p: &Profile, ep: &Endpoint, day: usize) -> DayObs {
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
    fn record(&self, vendor: &str, ep: &Endpoint, date: String) -> Vec<String> {
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

// ---------------------------------------------------------------------------------------------
// pricing.csv: tiered seat prices, optional add-ons
// ---------------------------------------------------------------------------------------------

/// Tier layouts: (min_seats, max_seats or open, discount on the first tier's price).
const TIER_LAYOUTS: [&[(u32, Option<u32>, f64)]; 3] = [
    &[(1, Some(49), 0.0), (50, Some(249), 0.07), (250, None, 0.14)],
    &[(1, Some(99), 0.0), (100, None, 0.10)],
    &[
        (1, Some(24), 0.0),
        (25, Some(99), 0.05),
        (100, Some(499), 0.10),
        (500, None, 0.15),
    ],
];
const PRICE_FLOOR: f64 = 2.50;
const PRICE_CEILING: f64 = 12.00;
/// How much dearer a server seat is than a workstation seat.
const SERVER_UPLIFT: f64 = 1.4;

/// Billing terms of a SKU.
#[derive(Clone, Copy)]
struct Terms {
    billing: &'static str,
    term_months: u32,
    commit: u32,
    setup_fee: u32,
}

/// One priced SKU before it is cut into tier rows.
struct Sku {
    id: String,
    edition: &'static str,
    applies_to: &'static str,
    /// Price of the first tier, before clamping.
    price: f64,
    tiers: &'static [(u32, Option<u32>, f64)],
    terms: Terms,
    addon: &'static str,
}

fn pricing_rows(opts: &DemoOptions, roster: &[Entry], out: &mut Sink) {
    for entry in roster {
        let mut rng = rng_for(opts.seed, Section::Pricing, entry.index);
        for sku in vendor_skus(&mut rng, entry.profile) {
            sku_rows(entry.slug(), &sku, out);
        }
    }
}

/// A vendor's billing plan and the price factor it brings (monthly dearer, 3 years cheaper).
fn draw_terms(rng: &mut ChaCha8Rng) -> (Terms, f64) {
    let (billing, term_months, factor) = match rng.random_range(0..10) {
        0..=4 => ("annual", 12, 1.0),
        5 | 6 => ("annual", 36, 0.92),
        _ => ("monthly", 1, 1.10),
    };
    let commit = [0, 0, 0, 10, 25][rng.random_range(0..5)];
    let setup_fee = [0, 0, 0, 150, 250, 400][rng.random_range(0..6)];
    (
        Terms {
            billing,
            term_months,
            commit,
            setup_fee,
        },
        factor,
    )
}

/// Base SKUs: per edition either a workstation and a server SKU or one SKU for all.
fn vendor_skus(rng: &mut ChaCha8Rng, p: &Profile) -> Vec<Sku> {
    let tiers = TIER_LAYOUTS[rng.random_range(0..TIER_LAYOUTS.len())];
    let (terms, factor) = draw_terms(rng);
    let split = rng.random_bool(0.7);
    let jitter = rng.random_range(0.97..1.03);
    let editions: &[&'static str] = if p.editions == 2 {
        &["Core", "Advanced"]
    } else {
        &["Business"]
    };
    let kinds: &[(&str, &'static str, f64)] = if split {
        &[("ws", "workstation", 1.0), ("srv", "server", SERVER_UPLIFT)]
    } else {
        &[("all", "all", 1.15)]
    };
    let mut skus = Vec::new();
    for (e, &edition) in editions.iter().enumerate() {
        let ws = p.price * jitter * factor + 1.5 * e as f64;
        for &(short, applies_to, uplift) in kinds {
            skus.push(Sku {
                id: format!("{}-{}-{short}", p.slug, edition.to_lowercase()),
                edition,
                applies_to,
                price: ws * uplift,
                tiers,
                terms,
                addon: "",
            });
        }
    }
    let addon_terms = Terms {
        commit: 0,
        setup_fee: 0,
        ..terms
    };
    skus.extend(addon_skus(rng, p, addon_terms));
    skus
}

/// One or two optional extras, priced on their own.
fn addon_skus(rng: &mut ChaCha8Rng, p: &Profile, terms: Terms) -> Vec<Sku> {
    let mdr = Sku {
        id: format!("{}-mdr", p.slug),
        edition: "Managed Detection and Response",
        applies_to: "all",
        price: rng.random_range(4.0..6.0),
        tiers: TIER_LAYOUTS[1],
        terms: Terms {
            setup_fee: [0, 300][rng.random_range(0..2)],
            ..terms
        },
        addon: "mdr",
    };
    let patching = Sku {
        id: format!("{}-patching", p.slug),
        edition: "Patch Management",
        applies_to: "all",
        price: rng.random_range(2.5..3.2),
        tiers: &[(1, None, 0.0)],
        terms,
        addon: "patching",
    };
    match rng.random_range(0..3) {
        0 => vec![mdr],
        1 => vec![patching],
        _ => vec![mdr, patching],
    }
}

/// One row per tier band of a SKU.
fn sku_rows(vendor: &str, sku: &Sku, out: &mut Sink) {
    // Keep the first tier high enough that the deepest discount stays above the floor.
    let deepest = sku.tiers.iter().map(|t| t.2).fold(0.0, f64::max);
    let base = sku
        .price
        .clamp(PRICE_FLOOR / (1.0 - deepest), PRICE_CEILING);
    let t = &sku.terms;
    let terms = [
        t.billing.to_string(),
        t.term_months.to_string(),
        t.commit.to_string(),
    ];
    for &(min, max, discount) in sku.tiers {
        let price = (base * (1.0 - discount)).clamp(PRICE_FLOOR, PRICE_CEILING);
        let (min, max) = (min.to_string(), opt(max.map(|m| m.to_string())));
        let band = [
            vendor,
            &sku.id,
            sku.edition,
            sku.applies_to,
            &min,
            &max,
            &f2(price),
            "USD",
        ];
        let rest = [
            &terms[0],
            &terms[1],
            &terms[2],
            &t.setup_fee.to_string(),
            sku.addon,
        ];
        out.push(band.into_iter().chain(rest));
    }
}

// ---------------------------------------------------------------------------------------------
// rmm_checks.csv: integration checks per platform
// ---------------------------------------------------------------------------------------------

/// (platform id, display name, the checks that apply to it)
type Platform = (&'static str, &'static str, &'static [&'static str]);

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

fn rmm_rows(opts: &DemoOptions, roster: &[Entry], out: &mut Sink) {
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

// ---------------------------------------------------------------------------------------------
// README.md
// ---------------------------------------------------------------------------------------------

/// (restriction id, date, event, source) from shared/data/regulatory-timeline.csv.
const TIMELINE: [(&str, &str, &str, &str); 6] = [
    ("dhs-bod-17-01", "2017-09-13",
     "DHS Binding Operational Directive 17-01: federal agencies to identify Kaspersky products within 30 days and begin removal within 90 days",
     "https://www.cisa.gov/news-events/directives/bod-17-01-removal-kaspersky-branded-products"),
    ("fcc-covered-list", "2022-03-25", "FCC adds AO Kaspersky Lab to the Covered List",
     "FCC Covered List update (reported by Reuters 2022-03-25)"),
    ("us-bis-2024", "2024-06-20",
     "Commerce BIS Final Determination prohibits Kaspersky software transactions in the US (published 89 FR 52434 on 2024-06-24)",
     "https://regulations.justia.com/regulations/fedreg/2024/06/24/2024-13532.html"),
    ("us-entity-list", "2024-06-24",
     "AO Kaspersky Lab, OOO Kaspersky Group and Kaspersky Labs Limited added to the Commerce Entity List",
     "BIS press release (reported by strtrade.com)"),
    ("us-bis-2024", "2024-07-20", "New sales and agreements with US persons prohibited",
     "https://www.thompsonhinesmartrade.com/2024/06/bis-and-ofac-imposed-new-prohibitions-against-kasperskys-entities-and-operations/"),
    ("us-bis-2024", "2024-09-29", "Software updates, signature updates and resale or integration prohibited",
     "https://www.thompsonhinesmartrade.com/2024/06/bis-and-ofac-imposed-new-prohibitions-against-kasperskys-entities-and-operations/"),
];

/// What each file holds, for the README's file list.
fn describe(file: &str) -> &'static str {
    match file {
        "vendors.csv" => "the vendors, one row each",
        "test_scores.csv" => {
            "results from two fictional labs, `Demo Lab North` and `Demo Lab South`"
        }
        "pilot_results.csv" => "one row per pilot endpoint per day",
        "pricing.csv" => {
            "seat prices in USD per month, by tier band; add-on rows are optional extras"
        }
        _ => "RMM and PSA integration checks, one row per vendor, platform and check",
    }
}

const README_INTRO: &str = "\
# Demo dataset (SYNTHETIC)

Every number in this folder is SYNTHETIC: made up by a random generator, not measured. It was \
made by

    {command}

and the same command gives the same bytes on any machine. It exists to show and test \
vendorscore; do not use it to choose a product.

## Vendors

The replacement vendors are fictional: their names, countries, lab results, pilot observations, \
prices and integrations are invented, and any likeness to a real product or company is \
unintended. Each was given a trade-off so that none wins on everything.

| vendor | name | hq | designed trade-off |
| --- | --- | --- | --- |
";

fn readme(opts: &DemoOptions, roster: &[Entry], counts: &[(&str, usize)]) -> String {
    use std::fmt::Write as _;
    let command = format!(
        "vendorscore demo-data --seed {} --vendors {} --endpoints {} --days {}",
        opts.seed, opts.vendors, opts.endpoints, opts.days
    );
    let mut md = README_INTRO.replace("{command}", &command);
    // Writing to a String cannot fail, so the results of writeln! are ignored.
    for p in roster.iter().map(|e| e.profile) {
        let _ = writeln!(md, "| `{}` | {} | {} | {} |", p.slug, p.name, p.hq, p.pitch);
    }
    let _ = writeln!(
        md,
        "\nThe incumbent `kaspersky` is real and so are its restrictions \
         (`{KASPERSKY_RESTRICTIONS}`), which come from these events:\n\n\
         | restriction | date | event | source |\n| --- | --- | --- | --- |"
    );
    for (id, date, event, source) in TIMELINE {
        let _ = writeln!(md, "| `{id}` | {date} | {event} | {source} |");
    }
    md.push_str(
        "\nIts lab scores, pilot rows, prices (as if historic) and integration checks are as \
         synthetic as everyone else's.\n\n## Files\n\n| file | rows | what |\n| --- | --- | --- |\n",
    );
    for (file, rows) in counts {
        let _ = writeln!(md, "| `{file}` | {rows} | {} |", describe(file));
    }
    md.push_str("\nRows are data rows, without the header.\n\n## Conventions\n\n");
    md.push_str(CONVENTIONS);
    md
}

const CONVENTIONS: &str = "\
- An empty cell means not observed, never zero. `mttd_minutes` and `mttr_minutes` are filled only \
on rows with a detection; `boot_delay_s` only on days the endpoint rebooted; an endpoint whose \
install failed (`install_ok` = `false`) has no agent measures, only breakages and tickets; a day \
without an agent report has no gauges.
- `performance_impact_score` follows the AV-TEST convention: 0 to 6 points, higher is lighter \
(6 = no measurable slowdown).
- `malware_protection_rate` is a percent of `samples` lab test cases.
- Prices are USD per seat per month; an empty `max_seats` is an open band. Rows with an `addon` \
are optional extras, not part of the base price.
- Platforms whose product has no ticketing have no `psa-ticketing` check, and only PSA-capable \
platforms have `billing-sync`; a PSA alone has no `deploy`, `policy-sync`, `alerting` or \
`remove-incumbent` check.
";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn opts(seed: u64, vendors: usize, endpoints: usize, days: usize) -> DemoOptions {
        DemoOptions {
            seed,
            vendors,
            endpoints,
            days,
        }
    }

    fn file<'a>(files: &'a [DemoFile], name: &str) -> &'a [u8] {
        &files
            .iter()
            .find(|f| f.name == name)
            .expect("file generated")
            .bytes
    }

    /// The data rows of a CSV file as maps from column name to value.
    fn rows(files: &[DemoFile], name: &str) -> Vec<BTreeMap<String, String>> {
        let mut reader = csv::Reader::from_reader(file(files, name));
        let header = reader.headers().expect("header").clone();
        reader
            .records()
            .map(|r| {
                let r = r.expect("valid record");
                assert_eq!(r.len(), header.len(), "{name}: ragged row");
                header
                    .iter()
                    .zip(r.iter())
                    .map(|(h, v)| (h.to_string(), v.to_string()))
                    .collect()
            })
            .collect()
    }

    fn num(row: &BTreeMap<String, String>, col: &str) -> Option<f64> {
        let v = &row[col];
        (!v.is_empty()).then(|| {
            v.parse()
                .unwrap_or_else(|_| panic!("{col}: `{v}` not a number"))
        })
    }

    fn count(row: &BTreeMap<String, String>, col: &str) -> Option<u64> {
        let v = &row[col];
        (!v.is_empty()).then(|| {
            v.parse()
                .unwrap_or_else(|_| panic!("{col}: `{v}` not a count"))
        })
    }

    #[test]
    fn same_seed_gives_identical_bytes() {
        let a = generate(&DemoOptions::default()).unwrap();
        let b = generate(&DemoOptions::default()).unwrap();
        assert_eq!(a.len(), 6);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.name, y.name);
            assert!(x.bytes == y.bytes, "{} differs between two runs", x.name);
        }
    }

    #[test]
    fn different_seed_gives_different_pilot() {
        let a = generate(&opts(42, 5, 20, 30)).unwrap();
        let b = generate(&opts(43, 5, 20, 30)).unwrap();
        assert_ne!(file(&a, "pilot_results.csv"), file(&b, "pilot_results.csv"));
    }

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
    fn every_file_has_exactly_its_header_and_lf_endings() {
        let files = generate(&DemoOptions::default()).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.name).collect();
        let expected_names = [
            "vendors.csv",
            "test_scores.csv",
            "pilot_results.csv",
            "pricing.csv",
            "rmm_checks.csv",
            "README.md",
        ];
        assert_eq!(names, expected_names);
        let headers = [
            ("vendors.csv", "vendor,name,hq_country,restrictions,notes"),
            ("test_scores.csv", "lab,test,period_start,period_end,vendor,metric,value,unit,samples,source"),
            ("pilot_results.csv", "vendor,client,endpoint,role,os,date,days,install_ok,cpu_overhead_pct,memory_mb,boot_delay_s,scan_minutes,malware_samples,malware_detected,phishing_sims,phishing_blocked,false_positives,mttd_minutes,mttr_minutes,app_breakages,tickets,telemetry_coverage_pct"),
            ("pricing.csv", "vendor,sku,edition,applies_to,min_seats,max_seats,price_per_seat_month,currency,billing,term_months,min_commit_seats,setup_fee,addon"),
            ("rmm_checks.csv", "vendor,platform,check,result,evidence,checked_on"),
        ];
        for (name, header) in headers {
            let text = std::str::from_utf8(file(&files, name)).unwrap();
            assert_eq!(text.lines().next(), Some(header), "{name}");
            assert!(!text.contains('\r'), "{name} has CR");
            assert!(text.ends_with('\n'), "{name} lacks a final LF");
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            for field in reader
                .records()
                .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
            {
                let plain = field.chars().all(|c| c.is_ascii_digit() || c == '.');
                assert!(
                    field.parse::<f64>().is_err() || plain,
                    "{name}: number `{field}`"
                );
            }
            assert!(rows(&files, name).len() > 1, "{name} has no data");
        }
    }

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

    #[test]
    fn bad_options_are_rejected() {
        let cases = [
            opts(1, 0, 1, 1),
            opts(1, 13, 1, 1),
            opts(1, 1, 0, 1),
            opts(1, 1, 1, 0),
        ];
        for o in cases {
            let err = generate(&o)
                .err()
                .unwrap_or_else(|| panic!("{o:?} accepted"));
            let msg = err.to_string();
            assert!(msg.contains('`') && !msg.ends_with('.'), "{msg}");
            assert!(msg.chars().next().unwrap().is_lowercase(), "{msg}");
        }
        assert!(matches!(
            generate(&opts(1, 0, 1, 1)),
            Err(DemoError::Vendors { got: 0, .. })
        ));
        assert!(matches!(
            generate(&opts(1, 13, 1, 1)),
            Err(DemoError::Vendors { got: 13, .. })
        ));
        assert!(matches!(
            generate(&opts(1, 1, 0, 1)),
            Err(DemoError::Endpoints { got: 0, .. })
        ));
        assert!(matches!(
            generate(&opts(1, 1, 1, 0)),
            Err(DemoError::Days { got: 0, .. })
        ));
        assert!(matches!(
            generate(&opts(1, 12, 5000, 366)),
            Err(DemoError::TooManyRows { .. })
        ));
        assert!(generate(&opts(1, 12, 1, 1)).is_ok());
    }

    #[test]
    fn pricing_bands_are_contiguous_and_sane() {
        for seed in 0..20 {
            let files = generate(&opts(seed, 12, 1, 1)).unwrap();
            let mut bands = BTreeMap::<Vec<String>, Vec<(u64, Option<u64>)>>::new();
            let mut addons = BTreeMap::<String, usize>::new();
            for r in rows(&files, "pricing.csv") {
                let key = ["vendor", "sku", "edition", "applies_to", "addon"].map(|c| r[c].clone());
                bands
                    .entry(key.to_vec())
                    .or_default()
                    .push((count(&r, "min_seats").unwrap(), count(&r, "max_seats")));
                let price = num(&r, "price_per_seat_month").unwrap();
                assert!((2.5..=12.0).contains(&price), "{r:?}");
                assert_eq!(r["currency"], "USD");
                let terms = (r["billing"].as_str(), r["term_months"].as_str());
                assert!(
                    matches!(terms, ("annual", "12" | "36") | ("monthly", "1")),
                    "{r:?}"
                );
                assert!(["workstation", "server", "all"].contains(&r["applies_to"].as_str()));
                if !r["addon"].is_empty() {
                    *addons.entry(r["vendor"].clone()).or_default() += 1;
                }
            }
            for (key, mut tiers) in bands {
                tiers.sort();
                assert_eq!(tiers[0].0, 1, "{key:?} does not start at 1 seat");
                for pair in tiers.windows(2) {
                    let max = pair[0]
                        .1
                        .unwrap_or_else(|| panic!("{key:?}: open band not last"));
                    assert!(
                        pair[0].0 <= max && pair[1].0 == max + 1,
                        "{key:?}: {tiers:?}"
                    );
                }
                assert_eq!(tiers.last().unwrap().1, None, "{key:?}: last band not open");
            }
            assert_eq!(addons.len(), 13, "every vendor has an add-on");
        }
    }

    #[test]
    fn server_seats_cost_more_than_workstation_seats() {
        let files = generate(&opts(9, 12, 1, 1)).unwrap();
        let mut first_tier = BTreeMap::new();
        for r in rows(&files, "pricing.csv")
            .iter()
            .filter(|r| r["min_seats"] == "1")
        {
            let key = (
                r["vendor"].clone(),
                r["edition"].clone(),
                r["applies_to"].clone(),
            );
            first_tier.insert(key, num(r, "price_per_seat_month").unwrap());
        }
        for ((vendor, edition, applies_to), price) in &first_tier {
            if applies_to == "server" {
                let ws = first_tier[&(vendor.clone(), edition.clone(), "workstation".to_string())];
                assert!(*price > ws, "{vendor} {edition}");
            }
        }
    }

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

    #[test]
    fn lab_scores_cover_vendors_and_stay_in_range() {
        let files = generate(&opts(42, 5, 1, 1)).unwrap();
        let vendors: BTreeSet<_> = rows(&files, "vendors.csv")
            .iter()
            .map(|r| r["vendor"].clone())
            .collect();
        let mut tested = BTreeSet::new();
        for r in rows(&files, "test_scores.csv") {
            let value = num(&r, "value").unwrap();
            match (r["metric"].as_str(), r["unit"].as_str()) {
                ("malware_protection_rate", "percent") => {
                    assert!((96.0..=100.0).contains(&value));
                    assert!((500..=1200).contains(&count(&r, "samples").unwrap()));
                }
                ("false_positives_business_software", "count") => {
                    assert!(count(&r, "samples").is_none())
                }
                ("performance_impact_score", "score_0_6") => assert!((0.0..=6.0).contains(&value)),
                other => panic!("unexpected metric {other:?}"),
            }
            assert_eq!(r["source"], "synthetic");
            tested.insert((r["lab"].clone(), r["vendor"].clone()));
        }
        let missing: Vec<_> = LABS
            .iter()
            .flat_map(|lab| {
                vendors
                    .iter()
                    .map(move |v| (lab.name.to_string(), v.clone()))
            })
            .filter(|pair| !tested.contains(pair))
            .collect();
        assert_eq!(
            missing.len(),
            1,
            "exactly one vendor skips one lab: {missing:?}"
        );
        assert_ne!(missing[0].1, "kaspersky");
    }

    #[test]
    fn readme_states_synthetic_command_and_row_counts() {
        let files = generate(&opts(8, 3, 4, 5)).unwrap();
        let readme = std::str::from_utf8(file(&files, "README.md")).unwrap();
        assert!(readme.contains("SYNTHETIC"));
        assert!(
            readme.contains("vendorscore demo-data --seed 8 --vendors 3 --endpoints 4 --days 5")
        );
        for f in files.iter().filter(|f| f.name.ends_with(".csv")) {
            let n = rows(&files, f.name).len();
            assert!(
                readme.contains(&format!("| `{}` | {n} |", f.name)),
                "{} {n}",
                f.name
            );
        }
        for (_, date, _, source) in TIMELINE {
            assert!(readme.contains(date) && readme.contains(source));
        }
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

    #[test]
    fn dates_are_civil() {
        assert_eq!(date_after(2024, 8, 5, 0), "2024-08-05");
        assert_eq!(date_after(2024, 8, 5, 27), "2024-09-01");
        assert_eq!(date_after(2024, 8, 5, 208), "2025-03-01");
        assert_eq!(date_after(2024, 2, 28, 1), "2024-02-29");
        assert_eq!(date_after(2023, 12, 31, 1), "2024-01-01");
        assert_eq!(civil_from_days(0), "1970-01-01");
    }
}
