//! Honest mistakes a new user makes, each met with a message that says what happened and
//! how to fix it, instead of silence or a misleading result.

mod common;

use common::tiny;
use common::*;

/// Runs a command from an empty folder; (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    run_in(tempfile::tempdir().unwrap().path(), args)
}

/// `Pricing.csv`, `pilot results.CSV` and `pricng.csv` were skipped and `check` said all
/// was well; the price criterion then gave every vendor the same points.
#[test]
fn a_misnamed_evidence_file_is_an_error_with_the_right_name() {
    let dir = scratch_copy("tiny");
    let pricing = std::fs::read(repo("datasets/demo/pricing.csv")).unwrap();
    for name in ["Pricing.csv", "pilot results.CSV", "pricng.csv"] {
        std::fs::write(dir.path().join(name), &pricing).unwrap();
    }
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    let (code, _, err) = run(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    for (name, want) in [
        ("Pricing.csv", "pricing.csv"),
        ("pilot results.CSV", "pilot_results.csv"),
        ("pricng.csv", "pricing.csv"),
    ] {
        assert!(
            err.contains(&format!(
                "{name}: `{name}` is not an evidence file name, so it would be ignored; did you mean `{want}`?"
            )),
            "{name}: {err}"
        );
    }
    // A file unlike any evidence file is left alone.
    assert!(!err.contains("notes.csv"), "{err}");
    assert!(err.contains("3 problems found"), "{err}");
}

/// Lab rates are percentages and pilot rates ratios: `min = 95` on a pilot rate excluded
/// every vendor with no hint, `min = 0.99` on a lab rate passed every one silently.
#[test]
fn a_gate_threshold_on_the_other_scale_is_refused_with_the_fix() {
    for (metric, bound, want) in [
        (
            "pilot.detection_rate.lower95",
            "min = 95",
            "gate `g` has `min = 95`, but `pilot.detection_rate.lower95` is a ratio from 0 to 1\n  hint: did you mean `min = 0.95`?",
        ),
        (
            "tests.malware_protection_rate",
            "min = 0.99",
            "gate `g` has `min = 0.99`, but `tests.malware_protection_rate` is a percentage from 0 to 100\n  hint: did you mean `min = 99`?",
        ),
        (
            "pilot.detection_rate",
            "max = 150",
            "gate `g` has `max = 150`, but `pilot.detection_rate` is a ratio from 0 to 1",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let c = criteria_file(
            dir.path(),
            &format!("name = \"t\"\n[[gate]]\nid = \"g\"\nmetric = \"{metric}\"\n{bound}\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n"),
        );
        let (code, _, err) = run(&[
            "check",
            "--data",
            repo("datasets/demo").to_str().unwrap(),
            "--criteria",
            c.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(&format!("criteria.toml:4:10: {want}")), "{err}");
    }
    // A small maximum on a percentage is a real requirement (at most 1% CPU), not a slip.
    let dir = tempfile::tempdir().unwrap();
    let c = criteria_file(
        dir.path(),
        "name = \"t\"\n[[gate]]\nid = \"g\"\nmetric = \"pilot.cpu_overhead_pct\"\nmax = 3\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n",
    );
    let (code, _, err) = rank(&repo("datasets/demo"), &c, &[]);
    assert_eq!(code, 0, "{err}");
}

/// A rate's threshold may be written as a percentage in quotes (`"98.5%"`) whatever the
/// metric's scale: it excludes exactly the vendors the number on the metric's own scale
/// excludes, and says so in percent. On a metric that is not a rate it is refused.
#[test]
fn a_rate_threshold_may_be_written_as_a_percentage() {
    let gate = |metric: &str, bound: &str| {
        format!("name = \"t\"\n[[gate]]\nid = \"g\"\nmetric = \"{metric}\"\n{bound}\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n")
    };
    let excluded = |text: &str| {
        let dir = tempfile::tempdir().unwrap();
        let c = criteria_file(dir.path(), text);
        let (code, out, err) = rank(&repo("datasets/demo"), &c, &["--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let out: Vec<(String, String)> = v["vendors"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["excluded"] == true)
            .map(|e| {
                let why = e["reasons"][0]["reason"].as_str().unwrap();
                (e["vendor"].as_str().unwrap().to_string(), why.to_string())
            })
            .collect();
        out
    };
    for (metric, percent, number) in [
        (
            "pilot.detection_rate.lower95",
            "min = \"98.5%\"",
            "min = 0.985",
        ),
        (
            "tests.malware_protection_rate",
            "min = \" 99.5 % \"",
            "min = 99.5",
        ),
        ("pilot.detection_rate", "max = \"99%\"", "max = 0.99"),
    ] {
        let by_percent = excluded(&gate(metric, percent));
        let by_number = excluded(&gate(metric, number));
        assert!(
            !by_percent.is_empty(),
            "{metric}: the gate should exclude someone"
        );
        let ids = |x: &[(String, String)]| x.iter().map(|e| e.0.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&by_percent), ids(&by_number), "{metric}");
        for (_, why) in &by_percent {
            assert!(why.ends_with('%'), "{metric}: {why}");
        }
    }
    let why = &excluded(&gate("pilot.detection_rate.lower95", "min = \"98.5%\""))[0].1;
    assert!(
        why.ends_with("is 97.9667%, below the minimum 98.5%"),
        "{why}"
    );
    for (metric, bound, want) in [
        ("pilot.false_positives_per_endpoint_day", "max = \"5%\"", "gate `g` is written as a percentage, but `pilot.false_positives_per_endpoint_day` is not a rate"),
        ("pilot.detection_rate", "min = \"120%\"", "gate `g` has `min = \"120%\"`, but a rate lies from 0% to 100%"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let c = criteria_file(dir.path(), &gate(metric, bound));
        let (code, _, err) = rank(&repo("datasets/demo"), &c, &[]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(&format!("criteria.toml:4:10: {want}")), "{err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let c = criteria_file(
        dir.path(),
        &gate("pilot.detection_rate", "min = \"95 percent\""),
    );
    let (code, _, err) = rank(&repo("datasets/demo"), &c, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("criteria.toml:5:7: `95 percent` is not a number or a percentage"),
        "{err}"
    );
    assert!(
        !err.contains("has no requirement"),
        "one problem, not two: {err}"
    );
}

/// Prices all in EUR for a client quoting in USD blamed the criteria file ("remove the
/// criterion"); the message now says what differs and how to convert.
#[test]
fn a_currency_mismatch_says_which_currencies_and_how_to_convert() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for f in [
        "vendors.csv",
        "pricing.csv",
        "rmm_checks.csv",
        "test_scores.csv",
        "pilot_results.csv",
    ] {
        let text = std::fs::read_to_string(repo("datasets/demo").join(f)).unwrap();
        std::fs::write(data.join(f), text.replace(",USD,", ",EUR,")).unwrap();
    }
    let profile = dir.path().join("client.toml");
    let text = std::fs::read_to_string(repo("clients/dental-35.toml")).unwrap();
    std::fs::write(&profile, format!("currency = \"USD\"\n{text}")).unwrap();
    let (code, _, err) = run(&[
        "rank",
        "--data",
        data.to_str().unwrap(),
        "--client",
        profile.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "no vendor has a value for `pricing.cost_per_endpoint_month` (criterion `price`)"
        ),
        "{err}"
    );
    assert!(
        err.contains("hint: the prices are in EUR and the client quotes in USD: add fx_rates.csv to the dataset")
            && err.contains("or set `currency = \"EUR\"` in the client profile"),
        "{err}"
    );
    assert!(!err.contains("remove the criterion"), "{err}");
}

/// Messages in Rust's words ("expected f64", "File exists (os error 17)", "unknown field
/// `constraints`") become what happened and the fix.
#[test]
fn messages_say_what_happened_in_a_users_words() {
    let dir = tempfile::tempdir().unwrap();
    let quoted = criteria_file(
        dir.path(),
        &tiny::tiny_with(|t| t.replace("weight = 2", "weight = \"30\"")),
    );
    let tiny_data = fixture("tiny");
    let data = tiny_data.to_str().unwrap();
    let (code, _, err) = run(&[
        "check",
        "--data",
        data,
        "--criteria",
        quoted.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:16:10: `30` is in quotes, so it is text, not a number\n  hint: write the number without quotes: `30`"),
        "{err}"
    );
    let percent = criteria_file(
        dir.path(),
        &tiny::tiny_with(|t| t.replace("weight = 2", "weight = 30%")),
    );
    let (_, _, err) = run(&[
        "check",
        "--data",
        data,
        "--criteria",
        percent.to_str().unwrap(),
    ]);
    assert!(
        err.contains(
            "`30%` is not a number: TOML has no percent sign\n  hint: write the number alone, `30`"
        ),
        "{err}"
    );
    // A client profile given as the criteria file, and the other way round.
    let dental = repo("clients/dental-35.toml");
    let (_, _, err) = run(&["rank", "--criteria", dental.to_str().unwrap()]);
    assert!(
        err.contains("this is a client profile (it has `[fleet]`), not a criteria file\n  hint: pass it with --client"),
        "{err}"
    );
    let lab = repo("criteria/lab-only.toml");
    let (_, _, err) = run(&["rank", "--client", lab.to_str().unwrap()]);
    assert!(
        err.contains("this is a criteria file (it has `[[criterion]]`), not a client profile"),
        "{err}"
    );
    // A file given as --out.
    let file = dir.path().join("afile.txt");
    std::fs::write(&file, "x").unwrap();
    let (code, _, err) = run(&["report", "--out", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("it is a file, not a folder"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
    // A mistyped folder or file name gets the closest one that exists.
    let (_, _, err) = run(&["rank", "--data", repo("datasets/dmeo").to_str().unwrap()]);
    assert!(
        err.contains("did you mean `") && err.contains("datasets/demo`?"),
        "{err}"
    );
    let (_, _, err) = run(&[
        "rank",
        "--criteria",
        repo("criteria/msp_default.toml").to_str().unwrap(),
    ]);
    assert!(err.contains("criteria/msp-default.toml`?"), "{err}");
}

/// A file exported with a decimal comma gave one identical problem per row (83 of them);
/// now one per column, with the count and the fix.
#[test]
fn decimal_commas_are_one_problem_per_column() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::copy(repo("datasets/demo/vendors.csv"), data.join("vendors.csv")).unwrap();
    let text = std::fs::read_to_string(repo("datasets/demo/test_scores.csv")).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    let mut commas = 0;
    for l in lines {
        // The 7th column is `value`; no other cell of these rows holds a comma.
        let mut cells: Vec<String> = l.split(',').map(str::to_string).collect();
        if cells[6].contains('.') {
            cells[6] = format!("\"{}\"", cells[6].replace('.', ","));
            commas += 1;
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    assert!(commas > 10, "the fixture has decimals to break");
    std::fs::write(data.join("test_scores.csv"), out).unwrap();
    let (code, _, err) = run(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "written with a decimal comma (and {} more cells of this column)",
            commas - 1
        )),
        "{err}"
    );
    assert!(err.contains("hint: write decimals with a dot"), "{err}");
    assert!(err.contains("1 problem found"), "{err}");
}

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
