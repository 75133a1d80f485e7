//! Bad criteria files: every problem exits with code 1 and names the file, the line and
//! the column, with a hint; a policy the file chooses for missing values is followed.

mod common;

use common::tiny::*;
use common::*;

#[test]
fn unknown_toml_key() {
    let (code, err) = with_criteria("name = \"x\"\n\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\nwieght = 2\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:8:1: unknown field `wieght`"),
        "{err}"
    );
}

#[test]
fn negative_weight() {
    let (code, err) = with_criteria("name = \"x\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = -1\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:6:10: criterion `d` weight is `-1`"),
        "{err}"
    );
}

#[test]
fn all_weights_zero() {
    let (code, err) = with_criteria("name = \"x\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 0\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:6:10: all criterion weights are zero"),
        "{err}"
    );
}

#[test]
fn group_whose_criteria_weigh_nothing() {
    let text = "name = \"x\"\n[group.a]\nweight = 1\n[group.b]\nweight = 1\n[[criterion]]\nid = \"d\"\ngroup = \"a\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n[[criterion]]\nid = \"c\"\ngroup = \"b\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 0\n";
    let (code, err) = with_criteria(text);
    assert_eq!(code, 1);
    assert!(
        err.contains("the criteria of group `b` all have weight 0"),
        "{err}"
    );
}

#[test]
fn unknown_metric_lists_close_names() {
    let (code, err) = with_criteria("name = \"x\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detecton_rate\"\ndirection = \"max\"\nweight = 1\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:4:10: unknown metric `pilot.detecton_rate`"),
        "{err}"
    );
    assert!(err.contains("did you mean `pilot.detection_rate`"), "{err}");
}

#[test]
fn unknown_method_and_direction_are_named() {
    let (code, err) = with_criteria("name = \"x\"\nmethod = \"topsys\"\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"up\"\nweight = 1\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("criteria.toml:2:10: unknown method `topsys`")
            && err.contains("did you mean `topsis`"),
        "{err}"
    );
    assert!(
        err.contains("criteria.toml:6:13: unknown direction `up`"),
        "{err}"
    );
}

#[test]
fn gate_that_excludes_every_vendor() {
    let (code, err) = with_criteria("name = \"x\"\n[[gate]]\nid = \"impossible\"\nmetric = \"pilot.detection_rate.lower95\"\nmin = 0.99\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 1\n");
    assert_eq!(code, 1);
    assert!(err.contains("every vendor is excluded"), "{err}");
    assert!(
        err.contains("alpha: `pilot.detection_rate.lower95` is 0.964"),
        "{err}"
    );
    assert!(err.contains("below the minimum 0.99"), "{err}");
}

#[test]
fn criterion_whose_metric_no_vendor_has() {
    let dir = scratch_copy("tiny");
    let text = std::fs::read_to_string(dir.path().join("pilot_results.csv")).unwrap();
    // Blank every telemetry cell (the last column).
    let cut: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.to_string()
            } else {
                format!("{},", l.rsplit_once(',').unwrap().0)
            }
        })
        .collect();
    std::fs::write(dir.path().join("pilot_results.csv"), cut.join("\n") + "\n").unwrap();
    let c = criteria_file(dir.path(), "name = \"x\"\n[[criterion]]\nid = \"t\"\nmetric = \"pilot.telemetry_coverage_pct\"\ndirection = \"max\"\nweight = 1\n");
    let (code, _, err) = rank(dir.path(), &c, &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "criteria.toml:4:10: no vendor has a value for `pilot.telemetry_coverage_pct`"
        ),
        "{err}"
    );
}

#[test]
fn metric_from_an_absent_file_follows_the_missing_policy() {
    let strict = "name = \"x\"\nmissing = \"error\"\n[[criterion]]\nid = \"p\"\nmetric = \"tests.malware_protection_rate\"\ndirection = \"max\"\nweight = 1\n[[criterion]]\nid = \"d\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n";
    let (code, err) = with_criteria(strict);
    assert_eq!(code, 1);
    assert!(
        err.contains("comes from `test_scores`, which the dataset does not have"),
        "{err}"
    );
    let (code, err) = with_criteria(&strict.replace("\"error\"", "\"worst\""));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: criterion `p` has no data"), "{err}");
}

#[test]
fn missing_value_policies() {
    let dir = scratch_copy("tiny");
    // bravo has no CPU reading.
    let text = std::fs::read_to_string(dir.path().join("pilot_results.csv"))
        .unwrap()
        .replace(
            "bravo,acme,bravo-1,workstation,windows-11,,10,true,5,",
            "bravo,acme,bravo-1,workstation,windows-11,,10,true,,",
        )
        .replace(
            "bravo,acme,bravo-2,workstation,windows-11,,10,true,5,",
            "bravo,acme,bravo-2,workstation,windows-11,,10,true,,",
        );
    std::fs::write(dir.path().join("pilot_results.csv"), text).unwrap();
    let base = "name = \"x\"\nmissing = \"POLICY\"\n[[criterion]]\nid = \"cpu\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 1\n";
    let run = |policy: &str| {
        let c = criteria_file(dir.path(), &base.replace("POLICY", policy));
        rank(dir.path(), &c, &["--format", "json"])
    };
    let (code, _, err) = run("error");
    assert_eq!(code, 1);
    assert!(
        err.contains("vendor `bravo` has no value for `pilot.cpu_overhead_pct`"),
        "{err}"
    );
    let (code, out, _) = run("exclude-vendor");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bravo = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["vendor"] == "bravo")
        .unwrap()
        .clone();
    assert_eq!(bravo["excluded"], true);
    let (code, out, _) = run("worst");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bravo = v["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["vendor"] == "bravo")
        .unwrap()
        .clone();
    assert_eq!(bravo["score"], 0.0);
}

/// Ids name output files, so they keep to one character set (docs/criteria.md): a bad one
/// is refused at its line and column; the usual spellings pass.
#[test]
fn ids_keep_to_letters_digits_dashes_and_underscores() {
    let tiny = std::fs::read_to_string(fixture("criteria/tiny.toml")).unwrap();
    let long = "a".repeat(65);
    for bad in [
        "",
        "-lead",
        "a b",
        "a/b",
        "..",
        "x.y",
        "naïve",
        long.as_str(),
    ] {
        let (code, err) = with_criteria(&tiny.replace("id = \"fp\"", &format!("id = \"{bad}\"")));
        assert_eq!(code, 1, "{bad}: {err}");
        assert!(err.contains("is not a valid id"), "{bad}: {err}");
        assert!(err.contains("criteria.toml:19:6:"), "{bad}: {err}");
    }
    let (code, err) =
        with_criteria(&tiny.replace("id = \"not-restricted\"", "id = \"not restricted\""));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("gate id `not restricted` is not a valid id"),
        "{err}"
    );
    for good in ["false_positives", "FP-2", "9lives"] {
        let (code, err) = with_criteria(&tiny.replace("id = \"fp\"", &format!("id = \"{good}\"")));
        assert_eq!(code, 0, "{good}: {err}");
    }
}
