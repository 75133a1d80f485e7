//! What a new user reads in the results, said plainly: the bottom line names a cheaper vendor
//! the evidence cannot separate, a method that changes the winner says so, labels carry
//! their units, the client is named, excluded vendors come last, no amount prints as -0.

mod common;

use common::*;

/// For the dental client the report recommended the 14,722 USD vendor though the evidence
/// cannot separate it from the 6,560 USD one, without a word about the cheaper one.
#[test]
fn the_bottom_line_names_a_cheaper_vendor_the_evidence_cannot_separate() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(
        cwd.path(),
        &["report", "--client", "dental-35", "--out", "out"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(cwd.path().join("out/report.md")).unwrap();
    let bottom = md.split("## Ranking").next().unwrap();
    assert!(
        bottom.contains("The evidence cannot separate `quillfort` from `brindlewick`, which costs less: 6,560 against 14,722 USD over 36 months"),
        "{bottom}"
    );
}

/// `rank --method topsis` (a --help example) put another vendor first without a word;
/// rank and the report now say that the file's method disagrees, and where to look.
#[test]
fn another_method_that_changes_the_winner_says_so() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(cwd.path(), &["rank", "--method", "topsis"]);
    assert_eq!(code, 0, "{err}");
    let line = "with `topsis`, `cindervale` ranks first, but the criteria file's method `weighted-sum` puts `quillfort` first: the methods disagree on this data (see `vendorscore compare-methods` and docs/methods.md)";
    assert!(err.contains(&format!("warning: {line}")), "{err}");
    let (code, _, err) = run_in(
        cwd.path(),
        &["report", "--method", "topsis", "--out", "out"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(cwd.path().join("out/report.md")).unwrap();
    let bottom = md.split("## Ranking").next().unwrap();
    assert!(
        bottom.contains("> **Caution:** With `topsis`, `cindervale` ranks first"),
        "{bottom}"
    );
    // The file's own method, given again, is no disagreement.
    let (_, _, err) = run_in(cwd.path(), &["rank", "--method", "weighted-sum"]);
    assert!(!err.contains("disagree"), "{err}");
}

/// The report labelled a value "(ratio)" and printed it as 99.56%, and doubled units
/// ("CPU overhead (%) (percent)"); each label now names the unit its values are shown in.
#[test]
fn evidence_labels_name_the_unit_shown_once() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(cwd.path(), &["report", "--out", "out"]);
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(cwd.path().join("out/report.md")).unwrap();
    for want in [
        "| Pilot detection rate (%) | higher | 99.56% |",
        "| Lab protection rate (%) | higher | 99.82% |",
        "| CPU overhead (%) | lower | 6.14% |",
        "| Cost per endpoint-month (USD) | lower | 9.08 |",
    ] {
        assert!(md.contains(want), "missing {want:?}");
    }
    for gone in ["(ratio)", "(percent)", "(%) (", "(USD per endpoint-month)"] {
        assert!(!md.contains(gone), "{gone:?} in the report");
    }
    // The pilot table names metrics in words, with the unit of a mean; the internal ids
    // (`cpu_overhead_pct`) stay in the criteria table, in backticks.
    let pilot = md
        .split("### Pilot")
        .nth(1)
        .unwrap()
        .split("### ")
        .next()
        .unwrap();
    let rows: Vec<&str> = pilot.lines().filter(|l| l.starts_with("| `")).collect();
    assert!(rows.len() >= 10, "{pilot}");
    for row in &rows {
        assert!(!row.contains("\\_"), "an internal metric id in {row}");
    }
    assert!(
        rows.iter()
            .any(|r| r.contains("| CPU overhead (%) | 6.14 |")),
        "{pilot}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("| Detection rate | 99.56% |")),
        "{pilot}"
    );
}

/// `rank --client X` ranked for that client's fleet without naming it.
#[test]
fn a_ranking_for_a_client_names_the_client() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(cwd.path(), &["rank", "--client", "dental-35"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "MSP default (weighted-sum), dataset <built-in>/datasets/demo, for Harbor Dental (35 seats)\n"
        ),
        "{out}"
    );
}

/// The cost table listed the excluded incumbent first (dataset order); ranked vendors now
/// come first, in rank order, and excluded ones after.
#[test]
fn the_cost_table_lists_excluded_vendors_last() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(
        cwd.path(),
        &["cost", "--client", "dental-35", "--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    let vendors: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    assert_eq!(vendors.first(), Some(&"quillfort"), "{out}");
    assert_eq!(vendors.last(), Some(&"kaspersky"), "{out}");
}

/// A vendor without setup fees showed `-0.0000` (an empty f64 sum is -0.0).
#[test]
fn no_amount_prints_as_negative_zero() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(
        cwd.path(),
        &["cost", "--client", "dental-35", "--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("-0.0"), "{out}");
}

/// A report written into a folder named after its client left that folder hiding the
/// built-in profile: `plan --client msp-client-350` then said "not found, did you mean
/// `msp-client-350`?". A folder is not a profile, a criteria file or an MSP profile (nor
/// a file a dataset), so it no longer hides the built-in one of that name.
#[test]
fn a_folder_named_like_a_built_in_file_does_not_hide_it() {
    let cwd = tempfile::tempdir().unwrap();
    for name in ["msp-client-350", "lab-only", "northwind-it"] {
        std::fs::create_dir(cwd.path().join(name)).unwrap();
    }
    std::fs::write(cwd.path().join("demo"), "not a dataset").unwrap();
    let runs: [&[&str]; 3] = [
        &["plan", "--client", "msp-client-350"],
        &["rank", "--criteria", "lab-only", "--data", "demo"],
        &[
            "proposal",
            "--client",
            "dental-35",
            "--msp",
            "northwind-it",
            "--out",
            "p",
        ],
    ];
    for args in runs {
        let (code, out, err) = run_in(cwd.path(), args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(!out.is_empty() || cwd.path().join("p").is_dir(), "{args:?}");
    }
}
