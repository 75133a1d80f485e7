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
