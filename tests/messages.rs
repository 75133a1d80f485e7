//! Golden stderr: the whole message a user sees for each honest mistake a new user makes
//! (the gate on the wrong scale, text where a number goes, a misnamed file, prices in
//! another currency, a misspelt path ...), kept as a snapshot so that a change of wording,
//! a lost hint or a second, noisy problem shows up in review.
//!
//! Each case runs the binary from a scratch folder holding the case's files and passes
//! relative paths, so the messages carry no machine path.

mod common;

use common::{repo, run_in};

/// Writes `files` (name, text) into a scratch folder, runs `args` there and returns the
/// exit code and stderr as one text.
fn stderr_of(files: &[(&str, String)], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let (code, _, err) = run_in(dir.path(), args);
    format!("exit {code}\n{err}")
}

fn shipped(rel: &str) -> String {
    std::fs::read_to_string(repo(rel)).unwrap()
}

/// A criteria file of one gate (`bound` on `metric`) and one criterion.
fn gate(metric: &str, bound: &str) -> (&'static str, String) {
    (
        "criteria.toml",
        format!("name = \"t\"\n\n[[gate]]\nid = \"g\"\nmetric = \"{metric}\"\n{bound}\n\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n"),
    )
}

/// The demo dataset's files under `data/`, each passed through `edit(name, text)`.
fn demo_data(edit: impl Fn(&str, String) -> String) -> Vec<(String, String)> {
    [
        "vendors.csv",
        "pricing.csv",
        "rmm_checks.csv",
        "test_scores.csv",
        "pilot_results.csv",
    ]
    .iter()
    .map(|f| {
        let text = shipped(&format!("datasets/demo/{f}"));
        (format!("data/{f}"), edit(f, text))
    })
    .collect()
}

fn owned(files: &[(String, String)]) -> Vec<(&str, String)> {
    files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect()
}

#[test]
fn a_gate_on_the_other_scale() {
    for (name, metric, bound) in [
        (
            "gate_95_on_a_ratio",
            "pilot.detection_rate.lower95",
            "min = 95",
        ),
        (
            "gate_0_99_on_a_percentage",
            "tests.malware_protection_rate",
            "min = 0.99",
        ),
        ("gate_150_on_a_ratio", "pilot.detection_rate", "max = 150"),
        (
            "gate_percent_on_a_count",
            "pilot.false_positives_per_endpoint_day",
            "max = \"5%\"",
        ),
        (
            "gate_percent_over_100",
            "pilot.detection_rate",
            "min = \"120%\"",
        ),
        (
            "gate_percent_and_number",
            "pilot.detection_rate",
            "min = \"90%\"\nmax = 1",
        ),
        ("gate_percent_unquoted", "pilot.detection_rate", "min = 95%"),
        (
            "gate_bound_is_words",
            "pilot.detection_rate",
            "min = \"high\"",
        ),
    ] {
        let err = stderr_of(
            &[gate(metric, bound)],
            &["check", "--criteria", "criteria.toml"],
        );
        insta::assert_snapshot!(name, err);
    }
}

#[test]
fn text_where_a_number_goes() {
    let tiny = shipped("tests/fixtures/criteria/tiny.toml");
    for (name, from, to) in [
        ("weight_in_quotes", "weight = 2", "weight = \"30\""),
        ("weight_with_percent", "weight = 2", "weight = 30%"),
        ("weight_with_decimal_comma", "weight = 2", "weight = 2,5"),
    ] {
        assert!(tiny.contains(from));
        let files = [("criteria.toml", tiny.replacen(from, to, 1))];
        let err = stderr_of(&files, &["check", "--criteria", "criteria.toml"]);
        insta::assert_snapshot!(name, err);
    }
    let dental = shipped("clients/dental-35.toml");
    let line = dental
        .lines()
        .find(|l| l.starts_with("workstations = "))
        .unwrap();
    let count = line.trim_start_matches("workstations = ");
    let files = [(
        "client.toml",
        dental.replacen(line, &format!("workstations = \"{count}\""), 1),
    )];
    let err = stderr_of(&files, &["rank", "--client", "client.toml"]);
    insta::assert_snapshot!("count_in_quotes", err);
}

#[test]
fn the_wrong_kind_of_file() {
    let dental = ("dental.toml", shipped("clients/dental-35.toml"));
    let err = stderr_of(&[dental], &["rank", "--criteria", "dental.toml"]);
    insta::assert_snapshot!("client_profile_as_criteria", err);
    let lab = ("lab.toml", shipped("criteria/lab-only.toml"));
    let err = stderr_of(&[lab], &["rank", "--client", "lab.toml"]);
    insta::assert_snapshot!("criteria_file_as_client", err);
    let err = stderr_of(
        &[("afile.txt", "x".into())],
        &["report", "--out", "afile.txt"],
    );
    insta::assert_snapshot!("out_is_a_file", err);
}

#[test]
fn a_misspelt_name() {
    let data = demo_data(|_, t| t);
    let err = stderr_of(&owned(&data), &["rank", "--data", "dta"]);
    insta::assert_snapshot!("data_folder_misspelt", err);
    let files = [(
        "criteria/msp-default.toml",
        shipped("criteria/msp-default.toml"),
    )];
    let err = stderr_of(&files, &["rank", "--criteria", "criteria/msp_default.toml"]);
    insta::assert_snapshot!("criteria_file_misspelt", err);
    let err = stderr_of(&[], &["rank", "--client", "dental35"]);
    insta::assert_snapshot!("client_name_misspelt", err);
    let files = [gate("pilot.detection_rte", "min = 0.9")];
    let err = stderr_of(&files, &["check", "--criteria", "criteria.toml"]);
    insta::assert_snapshot!("metric_misspelt", err);
}

#[test]
fn evidence_files_that_would_be_ignored_or_misread() {
    let mut data = demo_data(|_, t| t);
    let pricing = data
        .iter()
        .position(|(n, _)| n == "data/pricing.csv")
        .unwrap();
    data[pricing].0 = "data/Pricing.csv".into();
    data.push(("data/pilot results.CSV".into(), "a,b\n".into()));
    let err = stderr_of(&owned(&data), &["check", "--data", "data"]);
    insta::assert_snapshot!("misnamed_evidence_files", err);

    let no_pricing: Vec<_> = demo_data(|_, t| t)
        .into_iter()
        .filter(|(n, _)| n != "data/pricing.csv")
        .collect();
    let err = stderr_of(&owned(&no_pricing), &["rank", "--data", "data"]);
    insta::assert_snapshot!("criterion_without_data", err);

    let commas = demo_data(|name, text| {
        if name != "test_scores.csv" {
            return text;
        }
        let mut lines = text.lines();
        let mut out = format!("{}\n", lines.next().unwrap());
        for l in lines {
            let mut cells: Vec<String> = l.split(',').map(str::to_string).collect();
            cells[6] = format!("\"{}\"", cells[6].replace('.', ","));
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    });
    let err = stderr_of(&owned(&commas), &["check", "--data", "data"]);
    insta::assert_snapshot!("decimal_commas", err);
}

#[test]
fn prices_in_another_currency() {
    let mut files = demo_data(|_, t| t.replace(",USD,", ",EUR,"));
    files.push((
        "client.toml".into(),
        format!("currency = \"USD\"\n{}", shipped("clients/dental-35.toml")),
    ));
    let err = stderr_of(
        &owned(&files),
        &["rank", "--data", "data", "--client", "client.toml"],
    );
    insta::assert_snapshot!("currency_mismatch", err);
}

#[test]
fn another_method_puts_another_vendor_first() {
    let err = stderr_of(&[], &["rank", "--method", "topsis"]);
    insta::assert_snapshot!("method_disagreement", err);
}
