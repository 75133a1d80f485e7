//! Weights and normalisation a criteria file asks for but the data or the file cannot
//! give: each refused with exit code 1 and the line and column of the key at fault.
//! The tiny fixture is described in tests/weights.rs.

mod common;

use common::tiny::*;
use common::*;

/// Objective weights that cannot be computed (every ranked vendor has two endpoints, so
/// the only column is constant) are an error at `objective`, not NaN.
#[test]
fn objective_weights_of_constant_data_are_refused() {
    let text = "name = \"t\"\n[weights]\nobjective = \"entropy\"\nblend = 0\n[[gate]]\nid = \"g\"\nmetric = \"vendor.restrictions\"\nrule = \"empty\"\n[[criterion]]\nid = \"endpoints\"\nmetric = \"pilot.endpoints\"\ndirection = \"max\"\nweight = 1\n";
    refused(
        text,
        "3:13",
        "entropy weights cannot be computed from the 3 ranked vendors: entropy weights: every criterion is constant",
    );
}

#[test]
fn ahp_bad_inputs_name_line_and_column() {
    refused(
        &AHP3.replace("[0.2, 0.5, 1]", "[0.2, 3, 1]"),
        "9:43",
        "the matrix is not reciprocal: `fp` over `cpu` (row 2, column 3) is `2`, but `cpu` over `fp` (row 3, column 2) is `3`",
    );
    refused(
        &AHP3.replace("[0.2, 0.5, 1]", "[-0.2, 0.5, 1]"),
        "9:38",
        "the comparison of `cpu` with `detection` is `-0.2`, expected a number > 0",
    );
    refused(
        &AHP3.replace(", [0.2, 0.5, 1]", ""),
        "9:10",
        "the matrix has 2 rows, expected 3, one per criterion (`detection`, `fp`, `cpu`)",
    );
    refused(
        &AHP3.replace("[1, 3, 5]", "[1, 3]"),
        "9:11",
        "row 1 (`detection`) of the matrix has 2 entries, expected 3",
    );
    refused(
        &AHP3.replace("\"fp\", \"cpu\"]", "\"fp\", \"cpux\"]"),
        "8:29",
        "`cpux` is not a criterion id",
    );
    refused(
        &AHP3.replace("direction = \"max\"", "direction = \"max\"\nweight = 2"),
        "14:10",
        "criterion `detection` has a `weight`, but the weights come from the AHP matrix",
    );
    refused(
        &AHP3.replace("[weights]", "[group.all]\nweight = 1\n[weights]"),
        "6:1",
        "AHP weights compare criteria directly, but the file has groups (`all`)",
    );
}

#[test]
fn blend_and_normalisation_bad_inputs() {
    let blend = |keys: &str| tiny_with(|t| format!("{t}\n[weights]\n{keys}\n"));
    refused(
        &blend("objective = \"entropy\"\nblend = 1.5"),
        "32:9",
        "`blend` is `1.5`",
    );
    refused(
        &blend("objective = \"entropie\"\nblend = 0.5"),
        "31:13",
        "unknown objective weights `entropie`",
    );
    refused(
        &blend("method = \"entropy\""),
        "31:10",
        "unknown weights method `entropy`",
    );
    refused(
        &tiny_with(|t| {
            t.replace(
                "method = \"weighted-sum\"",
                "method = \"topsis\"\nnormalisation = \"sum\"",
            )
        }),
        "5:17",
        "`normalisation` applies to method `weighted-sum` only, not `topsis`",
    );
    refused(
        &tiny_with(|t| t.replace("id = \"cpu\"", "id = \"cpu\"\nnormalisation = { best = 6, worst = 2 }")),
        "26:17",
        "the value function of criterion `cpu` says higher is better (best `6`, worst `2`), but its direction is `min`",
    );
    refused(
        &tiny_with(|t| {
            t.replace(
                "missing = \"error\"",
                "missing = \"error\"\nnormalisation = \"minmax\"",
            )
        }),
        "6:17",
        "unknown normalisation `minmax`",
    );
}

/// The weighted product refuses a 0 (bravo has no false positives) and names the vendor
/// and the criterion, at the criterion's metric.
#[test]
fn weighted_product_errors_name_vendor_and_criterion() {
    let (code, _, err) = rank(
        &fixture("tiny"),
        &fixture("criteria/tiny.toml"),
        &["--method", "weighted-product"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("tiny.toml:20:10: method `weighted-product` cannot score these vendors: the weighted product needs values > 0: vendor `bravo` has `0` on criterion `fp`"),
        "{err}"
    );
}

/// A client profile cannot override one weight of an AHP matrix.
#[test]
fn client_weight_override_of_ahp_weights_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria_file(dir.path(), AHP3);
    let client = dir.path().join("client.toml");
    std::fs::write(
        &client,
        "name = \"c\"\n[fleet]\nworkstations = 10\n[weights]\ncpu = 5\n",
    )
    .unwrap();
    let out = bin()
        .arg("rank")
        .arg("--data")
        .arg(fixture("tiny"))
        .arg("--criteria")
        .arg(&c)
        .arg("--client")
        .arg(&client)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("client.toml:5:7:") && err.contains("takes its weights from an AHP matrix"),
        "{err}"
    );
}
