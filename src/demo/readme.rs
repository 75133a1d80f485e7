//! The dataset's `README.md`: says the data are synthetic and how they were made, lists the
//! vendors with their designed trade-offs, the incumbent's real restrictions with sources, each
//! file with its row count, and the conventions of the cells.

use super::options::DemoOptions;
use super::profiles::{Entry, KASPERSKY_RESTRICTIONS};

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
        "rmm_checks.csv" => {
            "RMM and PSA integration checks, one row per vendor, platform and check"
        }
        _ => "a device inventory of the shipped client profile of that name (its fleet), for `vendorscore plan`",
    }
}

/// The README up to the vendor table; `{command}` is replaced by the command that made it.
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

/// The README of a dataset with the given options, vendors and `(file, data rows)` counts.
pub(super) fn readme(opts: &DemoOptions, roster: &[Entry], counts: &[(&str, usize)]) -> String {
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

/// The last section of the README: how to read the cells.
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
    use crate::demo::generate;
    use crate::demo::testkit::{file, opts, rows};

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
}
