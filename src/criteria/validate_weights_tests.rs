//! `[weights]` and `normalisation` as parsed from criteria text: the AHP weights, the
//! blend, the normalisation choices, and each problem with its line and column.

use super::validate_weights::{entry, reciprocal};
use super::{parse, Criteria, Objective};
use crate::decision::{Normalisation, ValueFunction};

const CRITERIA: &str = "[[criterion]]\nid = \"a\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\n[[criterion]]\nid = \"b\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\n[[criterion]]\nid = \"c\"\nmetric = \"pilot.memory_mb\"\ndirection = \"min\"\n";

fn with_weights(weights: &str) -> Result<Criteria, Vec<String>> {
    parse(
        "c.toml",
        &format!("name = \"t\"\n[weights]\n{weights}\n{CRITERIA}"),
    )
    .map_err(|ps| ps.iter().map(|p| p.to_string()).collect())
}

/// The classic three-criterion matrix [[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]]: weights
/// 0.648, 0.230, 0.122, λmax 3.004, CR 0.003 (RI(3) = 0.58), with the reciprocals written
/// as a string, a decimal and an integer-valued float.
#[test]
fn ahp_weights_from_the_file() {
    let cr = with_weights(
        "method = \"ahp\"\norder = [\"a\", \"b\", \"c\"]\nmatrix = [[1, 3, 5], [\"1/3\", 1, 2.0], [0.2, \"1 / 2\", 1]]",
    )
    .unwrap();
    let w: Vec<f64> = cr.criteria.iter().map(|c| c.weight).collect();
    for (g, e) in w.iter().zip([0.648, 0.230, 0.122]) {
        assert!((g - e).abs() < 5e-4, "{w:?}");
    }
    let ahp = cr.weighting.ahp.unwrap();
    assert!((ahp.result.lambda_max - 3.004).abs() < 5e-4);
    assert!((ahp.result.consistency_ratio - 0.003).abs() < 5e-4);
    assert_eq!(cr.criteria[1].raw_weight, cr.criteria[1].weight);
    // `order` may list the criteria in any order; the weights follow the ids.
    let cr = with_weights(
        "method = \"ahp\"\norder = [\"c\", \"b\", \"a\"]\nmatrix = [[1, \"1/2\", \"1/5\"], [2, 1, \"1/3\"], [5, 3, 1]]",
    )
    .unwrap();
    assert!((cr.criteria[0].weight - 0.648).abs() < 5e-4);
    // The eigenvector the output carries is in criteria order too, not the matrix's.
    let ahp = cr.weighting.ahp.unwrap();
    assert_eq!(ahp.order, ["c", "b", "a"]);
    let file_order: Vec<f64> = cr.criteria.iter().map(|c| c.weight).collect();
    assert_eq!(ahp.result.weights, file_order);
}

#[test]
fn ahp_problems_name_the_cell() {
    let e = with_weights("method = \"ahp\"\nmatrix = [[1, 3, 5], [\"1/3\", 1, 2], [0.2, 2, 1]]")
        .unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("c.toml:4:43: the matrix is not reciprocal: `b` over `c` (row 2, column 3) is `2`, but `c` over `b` (row 3, column 2) is `2`"), "{e:?}");
    assert!(e[0].contains("expected `1/2` here"), "{e:?}");
    let e = with_weights("method = \"ahp\"\nmatrix = [[1, 0, 5], [\"1/3\", 1, 2], [0.2, 0.5, 1]]")
        .unwrap_err();
    assert!(
        e[0].starts_with(
            "c.toml:4:15: the comparison of `a` with `b` is `0`, expected a number > 0"
        ),
        "{e:?}"
    );
    let e = with_weights("method = \"ahp\"\nmatrix = [[1, 3], [\"1/3\", 1]]").unwrap_err();
    assert!(
        e[0].starts_with(
            "c.toml:4:10: the matrix has 2 rows, expected 3, one per criterion (`a`, `b`, `c`)"
        ),
        "{e:?}"
    );
    let e = with_weights("method = \"ahp\"\norder = [\"a\", \"b\", \"d\"]\nmatrix = [[1]]")
        .unwrap_err();
    assert!(
        e[0].starts_with("c.toml:4:20: `d` is not a criterion id"),
        "{e:?}"
    );
    let e =
        with_weights("method = \"ahp\"\norder = [\"a\", \"b\"]\nmatrix = [[1, 3], [\"1/3\", 1]]")
            .unwrap_err();
    assert!(
        e[0].starts_with("c.toml:4:9: `order` lists 2 criteria, expected 3: `c` missing"),
        "{e:?}"
    );
    let e = with_weights("method = \"ahp\"").unwrap_err();
    assert!(
        e[0].starts_with("c.toml:3:10: AHP weights need a pairwise comparison `matrix`"),
        "{e:?}"
    );
    let e = with_weights("matrix = [[1]]").unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.starts_with("c.toml:3:10: `matrix` applies to AHP weights only")),
        "{e:?}"
    );
    let e =
        with_weights("method = \"ahp\"\nmatrix = [[1, 3, 5], [\"1/3\", 1, true], [0.2, 0.5, 1]]")
            .unwrap_err();
    assert!(
        e[0].contains("the comparison of `b` with `c` is `true`, expected a number or a fraction"),
        "{e:?}"
    );
}

#[test]
fn blend_needs_both_keys_and_a_share() {
    let cr = with_weights("objective = \"critic\"\nblend = 0.25").unwrap_err();
    // Direct weights are required when the file has no AHP matrix.
    assert!(cr.iter().all(|p| p.contains("has no `weight`")), "{cr:?}");
    let ok = parse(
        "c.toml",
        "name = \"t\"\n[weights]\nobjective = \"critic\"\nblend = 0.25\n[[criterion]]\nid = \"a\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n",
    )
    .unwrap();
    let b = ok.weighting.blend.unwrap();
    assert_eq!((b.objective, b.alpha), (Objective::Critic, 0.25));
    assert_eq!((b.pos.line, b.pos.column), (3, 13));
    let e = with_weights("objective = \"entropy\"").unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.starts_with("c.toml:3:13: `objective` needs `blend`")),
        "{e:?}"
    );
    let e = with_weights("blend = 0.5").unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.starts_with("c.toml:3:9: `blend` needs objective weights")),
        "{e:?}"
    );
    let e = with_weights("objective = \"entropy\"\nblend = -0.1").unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.starts_with("c.toml:4:9: `blend` is `-0.1`")),
        "{e:?}"
    );
    let e = with_weights("method = \"critic\"").unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.contains("unknown weights method `critic`")
                && p.contains("objective = \\\"critic\\\"")
                || p.contains("objective = \"critic\"")),
        "{e:?}"
    );
}

#[test]
fn normalisation_for_the_file_and_per_criterion() {
    let text = "name = \"t\"\nnormalisation = \"vector\"\n[[criterion]]\nid = \"a\"\nmetric = \"pilot.detection_rate\"\ndirection = \"max\"\nweight = 1\n[[criterion]]\nid = \"b\"\nmetric = \"pilot.cpu_overhead_pct\"\ndirection = \"min\"\nweight = 1\nnormalisation = { best = 2, worst = 6 }\n";
    let cr = parse("c.toml", text).unwrap();
    assert_eq!(cr.criteria[0].normalisation, Normalisation::Vector);
    assert_eq!(
        cr.criteria[1].normalisation,
        Normalisation::ValueFunction(ValueFunction::new(2.0, 6.0).unwrap())
    );
    let bad = |from: &str, to: &str| -> Vec<String> {
        parse("c.toml", &text.replace(from, to))
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect()
    };
    let e = bad("best = 2, worst = 6", "best = 6, worst = 2");
    assert!(e[0].starts_with("c.toml:13:17: the value function of criterion `b` says higher is better (best `6`, worst `2`), but its direction is `min`"), "{e:?}");
    let e = bad("best = 2, worst = 6", "best = 2, worst = 2");
    assert!(e[0].contains("has best `2` and worst `2`"), "{e:?}");
    let e = bad("\"vector\"", "\"vectors\"");
    assert!(
        e[0].starts_with("c.toml:2:17: unknown normalisation `vectors`"),
        "{e:?}"
    );
    let e = bad("{ best = 2, worst = 6 }", "3");
    assert!(
        e[0].starts_with("c.toml:13:17: normalisation of criterion `b` is `3`"),
        "{e:?}"
    );
    let e = bad("name = \"t\"\n", "name = \"t\"\nmethod = \"vikor\"\n");
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].starts_with(
            "c.toml:3:17: `normalisation` applies to method `weighted-sum` only, not `vikor`"
        ),
        "{e:?}"
    );
}

#[test]
fn entries_and_reciprocals_in_words() {
    let s = |x: &str| toml::Value::String(x.into());
    assert_eq!(entry(&s("1/3")), Some(1.0 / 3.0));
    assert_eq!(entry(&s(" 4 ")), Some(4.0));
    assert_eq!(entry(&s("a/3")), None);
    assert_eq!(entry(&toml::Value::Integer(7)), Some(7.0));
    assert_eq!(reciprocal(3.0), "1/3");
    assert_eq!(reciprocal(0.25), "4");
    assert_eq!(reciprocal(1.5), "0.6667");
}
