//! The JSON Schema of `rank --format json` (docs/schema/rank.schema.json): the committed file
//! is the one derived from the types that write the JSON, and real output validates against
//! it: the demo data under every method, and a dataset with an excluded vendor and a
//! missing value.
//!
//! After changing the JSON, regenerate the file with
//! `VENDORSCORE_UPDATE_SCHEMA=1 cargo test --test schema`.

mod common;

use std::path::Path;

use common::{bin, criteria_file, fixture, repo, scratch_copy};
use serde_json::Value;

const SCHEMA: &str = "docs/schema/rank.schema.json";

#[test]
fn the_committed_schema_is_the_derived_one() {
    let derived = String::from_utf8(vendorscore::report::rank_schema()).unwrap();
    let path = repo(SCHEMA);
    if std::env::var_os("VENDORSCORE_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &derived).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == derived,
        "{SCHEMA} differs from the schema derived from the code; if the JSON changed on \
         purpose, regenerate it with `VENDORSCORE_UPDATE_SCHEMA=1 cargo test --test schema` \
         and say what changed in docs/output.md"
    );
}

/// The committed schema (the derived one while it is being regenerated).
fn schema() -> Value {
    let text = if std::env::var_os("VENDORSCORE_UPDATE_SCHEMA").is_some() {
        String::from_utf8(vendorscore::report::rank_schema()).unwrap()
    } else {
        std::fs::read_to_string(repo(SCHEMA)).unwrap()
    };
    serde_json::from_str(&text).unwrap()
}

/// What is wrong with `json` against `schema`, or with `schema` against the draft-07
/// meta-schema when `json` is `None`; empty when nothing is.
// The `let` ends the errors' borrow of `cfg` before `cfg` is dropped.
#[allow(clippy::let_and_return)]
fn problems(schema: &Value, json: Option<&Value>) -> Vec<String> {
    let cfg = jsonschema_valid::Config::from_schema(
        schema,
        Some(jsonschema_valid::schemas::Draft::Draft7),
    )
    .unwrap();
    let result = match json {
        Some(json) => cfg.validate(json),
        None => cfg.validate_schema(),
    };
    let found = match result {
        Ok(()) => Vec::new(),
        Err(errors) => errors.map(|e| e.to_string()).collect(),
    };
    found
}

/// Validates `rank --format json` with `args` against the schema; returns the output.
fn validate(schema: &Value, args: &[&str]) -> Value {
    let out = bin()
        .args(["rank", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = problems(schema, Some(&json));
    assert!(
        found.is_empty(),
        "{args:?}: output does not match {SCHEMA}:\n{}",
        found.join("\n")
    );
    json
}

#[test]
fn the_schema_is_a_valid_draft_7_schema() {
    let found = problems(&schema(), None);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn demo_output_of_every_method_matches_the_schema() {
    let schema = schema();
    for method in ["weighted-sum", "topsis", "vikor", "promethee2"] {
        let json = validate(&schema, &["--method", method]);
        assert_eq!(json["method"], method);
    }
    validate(&schema, &["--client", "federal-contractor"]);
    let ahp = repo("criteria/ahp-example.toml");
    validate(&schema, &["--criteria", ahp.to_str().unwrap()]);
}

/// The tiny fixture (`kaspersky` excluded by a gate) with a lab test that only `alpha` and
/// `bravo` took, scored under `missing = "worst"`: `charlie`'s value is missing.
fn with_a_missing_value(dir: &Path) -> std::path::PathBuf {
    std::fs::write(
        dir.join("test_scores.csv"),
        "lab,test,period_start,period_end,vendor,metric,value,unit,samples,source\n\
         Lab,Protection,2024-09,2024-09,alpha,malware_protection_rate,99.5,percent,500,test\n\
         Lab,Protection,2024-09,2024-09,bravo,malware_protection_rate,98.0,percent,500,test\n",
    )
    .unwrap();
    let tiny = std::fs::read_to_string(fixture("criteria/tiny.toml")).unwrap();
    let criteria = tiny
        .replace("missing = \"error\"", "missing = \"worst\"")
        // The weighted product needs values above 0: no false-positive criterion.
        .replace(
            "[[criterion]]\nid = \"fp\"\nmetric = \"pilot.false_positives_per_endpoint_day\"\ndirection = \"min\"\nweight = 1\n",
            "[[criterion]]\nid = \"lab\"\nmetric = \"tests.malware_protection_rate\"\ndirection = \"max\"\nweight = 1\n",
        );
    assert!(criteria.contains("id = \"lab\""), "{criteria}");
    criteria_file(dir, &criteria)
}

#[test]
fn output_with_an_excluded_vendor_and_a_missing_value_matches_the_schema() {
    let schema = schema();
    let data = scratch_copy("tiny");
    let criteria = with_a_missing_value(data.path());
    let args = [
        "--data",
        data.path().to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
    ];
    for method in [
        "weighted-sum",
        "weighted-product",
        "topsis",
        "vikor",
        "promethee2",
    ] {
        let mut all = args.to_vec();
        all.extend(["--method", method]);
        let json = validate(&schema, &all);
        let vendors = json["vendors"].as_array().unwrap();
        let charlie = vendors.iter().find(|v| v["vendor"] == "charlie").unwrap();
        assert!(charlie["values"]["lab"].is_null(), "{method}: {charlie}");
        let kaspersky = vendors.iter().find(|v| v["vendor"] == "kaspersky").unwrap();
        assert_eq!(kaspersky["excluded"], true, "{method}");
        assert!(kaspersky["rank"].is_null() && kaspersky["score"].is_null());
        assert_eq!(kaspersky["reasons"][0]["by"], "not-restricted");
    }
}

/// A document the schema must refuse: it is a contract, not a formality.
#[test]
fn the_schema_refuses_a_document_of_another_shape() {
    let schema = schema();
    let good = validate(&schema, &[]);
    let refused = |what: &str, change: &dyn Fn(&mut Value)| {
        let mut json = good.clone();
        change(&mut json);
        assert!(!problems(&schema, Some(&json)).is_empty(), "{what}");
    };
    refused("a rank that is not a number", &|j| {
        j["vendors"][0]["rank"] = Value::from("first")
    });
    refused("an unknown method", &|j| j["method"] = Value::from("dice"));
    refused("an unknown field in the method's outputs", &|j| {
        j["method_details"]["outputs"]["extra"] = Value::from(1)
    });
    refused("an unknown field in the weights", &|j| {
        j["weights"]["extra"] = Value::from(1)
    });
    refused("a missing field", &|j| {
        j.as_object_mut().unwrap().remove("criteria");
    });
    refused("a value that is not a number or null", &|j| {
        j["vendors"][0]["values"]["price"] = Value::from("cheap")
    });
}
