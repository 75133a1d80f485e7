//! What ships with the binary: the demo data (reproducible, built in, runs from any
//! folder), the real lab dataset, every shipped criteria file, the metric docs and the
//! help text.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn demo_data_is_reproducible_and_ranks() {
    let dir = tempfile::tempdir().unwrap();
    let gen = |name: &str| {
        let out = dir.path().join(name);
        let res = bin()
            .args([
                "demo-data",
                "--seed",
                "7",
                "--vendors",
                "4",
                "--endpoints",
                "10",
                "--days",
                "20",
                "--out",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(
            res.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&res.stderr)
        );
        out
    };
    let (a, b) = (gen("a"), gen("b"));
    assert_eq!(snapshot_dir(&a), snapshot_dir(&b));
    let (code, out, err) = rank(
        &a,
        &repo("criteria/msp-default.toml"),
        &["--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let k = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["vendor"] == "kaspersky")
        .unwrap();
    assert_eq!(k["excluded"], true);
}

#[test]
fn demo_data_rejects_bad_options_as_usage() {
    let dir = tempfile::tempdir().unwrap();
    let res = bin()
        .args(["demo-data", "--vendors", "0", "--out"])
        .arg(dir.path().join("x"))
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(2));
    assert!(!dir.path().join("x").exists());
}

#[test]
fn default_report_runs_from_any_folder_on_built_in_data() {
    let cwd = tempfile::tempdir().unwrap();
    let res = bin()
        .current_dir(cwd.path())
        .arg("report")
        .output()
        .unwrap();
    assert_eq!(
        res.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let out = String::from_utf8_lossy(&res.stdout);
    assert!(out.contains("<built-in>/datasets/demo"), "{out}");
    assert!(cwd.path().join("out/ranking.json").is_file());
    assert!(out.contains("kaspersky: restricted"), "{out}");
}

#[test]
fn built_in_demo_matches_the_committed_folder() {
    for (name, bytes) in vendorscore::embedded::DEMO_FILES {
        assert_eq!(
            std::fs::read(repo("datasets/demo").join(name)).unwrap(),
            *bytes,
            "{name}"
        );
    }
}

#[test]
fn committed_demo_is_what_demo_data_generates() {
    // datasets/demo/README.md names the command that made it; the defaults reproduce it.
    let files = vendorscore::demo::generate(&vendorscore::demo::DemoOptions::default()).unwrap();
    for f in files {
        assert_eq!(
            std::fs::read(repo("datasets/demo").join(f.name)).unwrap(),
            f.bytes,
            "{}",
            f.name
        );
    }
}

/// Real AV-Comparatives data: Kaspersky is excluded by the restriction gate, and the
/// ranking follows the protection rate (false positives are 0 for every product).
#[test]
fn avc_2021_ranks_by_protection_and_excludes_kaspersky() {
    let (code, out, err) = rank(
        &repo("datasets/avc-2021-enterprise"),
        &repo("criteria/lab-only.toml"),
        &["--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let vendors = v["vendors"].as_array().unwrap();
    let ranked: Vec<&Value> = vendors.iter().filter(|x| x["excluded"] == false).collect();
    assert_eq!(ranked.len(), 18);
    let rates: Vec<f64> = ranked
        .iter()
        .map(|x| x["values"]["lab-protection"].as_f64().unwrap())
        .collect();
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    assert_eq!(rates[0], 99.9);
    // Equal rates share a rank: G Data, Microsoft and Sophos all scored 99.9.
    let top: Vec<&str> = ranked
        .iter()
        .filter(|x| x["rank"] == 1)
        .map(|x| x["vendor"].as_str().unwrap())
        .collect();
    assert_eq!(top, vec!["g-data", "microsoft", "sophos"]);
    let k = vendors.iter().find(|x| x["vendor"] == "kaspersky").unwrap();
    assert_eq!(k["excluded"], true);
    assert!(k["reasons"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("restricted (`dhs-bod-17-01`"));
}

#[test]
fn every_shipped_criteria_file_checks_clean_on_the_demo_data() {
    for name in [
        "msp-default",
        "budget-first",
        "federal-contractor",
        "ahp-example",
    ] {
        let out = bin()
            .arg("check")
            .arg("--data")
            .arg(repo("datasets/demo"))
            .arg("--criteria")
            .arg(repo(&format!("criteria/{name}.toml")))
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn every_fixed_metric_is_documented() {
    let doc = std::fs::read_to_string(repo("docs/metrics.md")).unwrap();
    for m in vendorscore::metrics::FIXED.iter() {
        assert!(
            doc.contains(&format!("`{}`", m.name)),
            "docs/metrics.md lacks `{}`",
            m.name
        );
    }
}

#[test]
fn help_shows_examples() {
    let out = bin().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("Examples:")
            && s.contains("vendorscore rank --data avc-2021-enterprise --criteria lab-only")
            && s.contains("vendorscore list"),
        "{s}"
    );
}

/// AV-Comparatives tested 1,016 samples per product: 99.9% and 99.8% are a sample or two
/// apart, so the evidence cannot separate the top products, while 98.2% (ESET) is
/// clearly behind 99.9%.
#[test]
fn avc_2021_leaders_are_tied_on_the_evidence() {
    let (code, out, err) = rank(
        &repo("datasets/avc-2021-enterprise"),
        &repo("criteria/lab-only.toml"),
        &["--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let check = &v["evidence_check"];
    assert_eq!(check["leader"], "g-data");
    let p = |id: &str| {
        check["vendors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["vendor"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(p("microsoft")["tied_with_leader"], true);
    assert_eq!(p("avast")["tied_with_leader"], true);
    assert_eq!(p("eset")["tied_with_leader"], false);
    assert!(p("eset")["p_leader_ahead"].as_f64().unwrap() > 0.99);
    // The same seed gives the same redraws.
    let (_, again, _) = rank(
        &repo("datasets/avc-2021-enterprise"),
        &repo("criteria/lab-only.toml"),
        &["--format", "json"],
    );
    assert_eq!(out, again);
}

/// Every file under datasets/, criteria/, clients/, msp/ and templates/ is built into the
/// binary, byte for byte, so each is found by name from any folder; a new shipped file must be added to
/// src/embedded.rs.
#[test]
fn every_shipped_file_is_built_in() {
    use vendorscore::embedded::{CLIENTS, CRITERIA, DATASETS, MAPPINGS, MSPS, PRODUCTS, TEMPLATES};
    for entry in std::fs::read_dir(repo("datasets")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_str().unwrap().to_string();
        let built = DATASETS
            .iter()
            .find(|d| d.name == name)
            .unwrap_or_else(|| panic!("datasets/{name} is not built in"));
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            let file = f.file_name().unwrap().to_str().unwrap();
            let bytes = std::fs::read(&f).unwrap();
            if file == "README.md" {
                assert_eq!(built.readme.as_bytes(), bytes, "datasets/{name}/README.md");
                continue;
            }
            let copy = built.files.iter().find(|(n, _)| *n == file);
            assert_eq!(
                copy.map(|c| c.1),
                Some(bytes.as_slice()),
                "datasets/{name}/{file}"
            );
        }
    }
    let products = std::slice::from_ref(&PRODUCTS);
    for (folder, built) in [
        ("criteria", CRITERIA),
        ("clients", CLIENTS),
        ("mappings", MAPPINGS),
        ("products", products),
        ("msp", MSPS),
    ] {
        for f in std::fs::read_dir(repo(folder)).unwrap() {
            let f = f.unwrap().path();
            let stem = f.file_stem().unwrap().to_str().unwrap();
            let copy = built.iter().find(|b| b.name == stem);
            assert_eq!(
                copy.map(|c| c.text),
                Some(std::fs::read_to_string(&f).unwrap().as_str()),
                "{folder}/{stem}.toml"
            );
        }
    }
    for f in std::fs::read_dir(repo("templates")).unwrap() {
        let f = f.unwrap().path();
        let name = f.file_name().unwrap().to_str().unwrap();
        let copy = TEMPLATES.iter().find(|(n, _)| *n == name);
        assert_eq!(
            copy.map(|c| c.1),
            Some(std::fs::read_to_string(&f).unwrap().as_str()),
            "templates/{name}"
        );
    }
}

/// From a folder without the repository, shipped files are found by name (with or
/// without their folder and extension), and `list` names them.
#[test]
fn shipped_files_are_found_by_name_from_anywhere() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(cwd.path(), &["list"]);
    assert_eq!(code, 0, "{err}");
    for name in [
        "avc-2021-enterprise",
        "lab-only",
        "dental-35",
        "northwind-it",
    ] {
        assert!(out.contains(&format!("  {name} ")), "{out}");
    }
    for args in [
        ["--data", "avc-2021-enterprise", "--criteria", "lab-only"],
        [
            "--data",
            "datasets/avc-2021-enterprise",
            "--criteria",
            "criteria/lab-only.toml",
        ],
    ] {
        let (code, out, err) = run_in(cwd.path(), &[&["rank"][..], &args[..]].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            out.starts_with(
                "Lab only (weighted-sum), dataset <built-in>/datasets/avc-2021-enterprise"
            ),
            "{out}"
        );
    }
    let (code, out, err) = run_in(cwd.path(), &["cost", "--client", "dental-35"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Cost for Harbor Dental (35 seats)"),
        "{out}"
    );
    // A folder of that name here comes first.
    std::fs::create_dir(cwd.path().join("demo")).unwrap();
    let (code, _, err) = run_in(cwd.path(), &["check", "--data", "demo"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("vendors"), "{err}");
}
