//! Checks `[weights]` (an AHP pairwise matrix, objective weights to blend in) and
//! `[sensitivity]` (weight ranges and orderings for SMAA) of a criteria file, each
//! problem at its line and column.

use toml::Spanned;

use super::context::Ctx;
use super::raw::Pos;
use super::raw::{RawCriteria, RawWeights};
use super::validated::Criterion;
use super::weighting::{AhpWeights, Blend, Objective, Weighting};
use crate::decision::WeightSpec;
use crate::problem::{suggest, Problem};
use crate::score::weights::ahp::{self, Ahp, CONSISTENCY_RATIO_LIMIT, RECIPROCAL_TOLERANCE};
use crate::sensitivity::WeightSampler;

const WEIGHT_METHODS: [&str; 2] = ["direct", "ahp"];

/// Whether the file takes its weights from an AHP matrix (`[weights] method = "ahp"`).
pub(super) fn uses_ahp(raw: &RawCriteria) -> bool {
    raw.weights
        .as_ref()
        .and_then(|w| w.get_ref().method.as_ref())
        .is_some_and(|m| m.get_ref() == "ahp")
}

/// `[weights]`: computes AHP weights into `criteria` (raw and effective weight) and
/// returns where the weights come from.
pub(super) fn weighting(cx: &mut Ctx, raw: &RawCriteria, criteria: &mut [Criterion]) -> Weighting {
    let Some(table) = &raw.weights else {
        return Weighting::default();
    };
    let w = table.get_ref();
    let method = match &w.method {
        None => "direct",
        Some(m) if Objective::NAMES.contains(&m.get_ref().as_str()) => {
            cx.at(m, format!("unknown weights method `{}`", m.get_ref()), Some(format!("`method` is `direct` or `ahp`; blend in {} weights with `objective = \"{}\"` and `blend`, the share of the file's weights (`blend = 0` uses the objective weights alone)", m.get_ref(), m.get_ref())));
            "direct"
        }
        Some(m) => cx
            .pick(m, "weights method", &WEIGHT_METHODS)
            .unwrap_or("direct"),
    };
    let ahp = if method == "ahp" {
        ahp_weights(cx, raw, w, criteria)
    } else {
        let hint = || Some("set `method = \"ahp\"` in `[weights]`, or remove it".to_string());
        if let Some(s) = &w.order {
            cx.at(s, "`order` applies to AHP weights only".into(), hint());
        }
        if let Some(s) = &w.matrix {
            cx.at(s, "`matrix` applies to AHP weights only".into(), hint());
        }
        if let Some(s) = &w.allow_inconsistent {
            cx.at(
                s,
                "`allow_inconsistent` applies to AHP weights only".into(),
                hint(),
            );
        }
        None
    };
    let blend = match (&w.objective, &w.blend) {
        (Some(o), Some(b)) => {
            let objective = match cx.pick(o, "objective weights", &Objective::NAMES) {
                Some("critic") => Objective::Critic,
                _ => Objective::Entropy,
            };
            let alpha = *b.get_ref();
            if !(0.0..=1.0).contains(&alpha) {
                cx.at(b, format!("`blend` is `{alpha}`"), Some("the share of the file's weights, from 0 (objective weights alone) to 1 (the file's alone)".into()));
            }
            Some(Blend {
                objective,
                alpha,
                pos: cx.pos(o.span().start),
            })
        }
        (Some(o), None) => {
            cx.at(o, "`objective` needs `blend`, the share of the file's weights".into(), Some("`blend = 0.5` mixes the two half and half; `blend = 0` uses the objective weights alone".into()));
            None
        }
        (None, Some(b)) => {
            cx.at(
                b,
                "`blend` needs objective weights to blend with".into(),
                Some("add `objective = \"entropy\"` or `objective = \"critic\"`".into()),
            );
            None
        }
        (None, None) => None,
    };
    Weighting { ahp, blend }
}

/// The AHP matrix: order, shape, entries, reciprocity, then the eigenvector and Saaty's
/// consistency rule.
fn ahp_weights(
    cx: &mut Ctx,
    raw: &RawCriteria,
    w: &RawWeights,
    criteria: &mut [Criterion],
) -> Option<AhpWeights> {
    let method = w.method.as_ref().expect("method is ahp");
    if let Some((id, g)) = raw.group.iter().next() {
        cx.at(
            g,
            format!("AHP weights compare criteria directly, but the file has groups (`{id}`)"),
            Some("remove the `[group.*]` tables and `group` keys, or use direct weights".into()),
        );
        return None;
    }
    let Some(matrix) = &w.matrix else {
        cx.at(method, "AHP weights need a pairwise comparison `matrix`".into(), Some("add `matrix = [[1, 3], [\"1/3\", 1]]`: row i, column j says how many times criterion i matters more than j".into()));
        return None;
    };
    let ids: Vec<String> = criteria.iter().map(|c| c.id.clone()).collect();
    let order: Vec<String> = match &w.order {
        None => ids.clone(),
        Some(order) => {
            let mut seen = Vec::new();
            for id in order.get_ref() {
                let name = id.get_ref();
                if !ids.contains(name) {
                    cx.at(
                        id,
                        format!("`{name}` is not a criterion id"),
                        suggest(name, ids.iter().map(String::as_str)),
                    );
                } else if seen.contains(name) {
                    cx.at(
                        id,
                        format!("`{name}` is listed twice in `order`"),
                        Some("list every criterion once".into()),
                    );
                } else {
                    seen.push(name.clone());
                }
            }
            let absent: Vec<&str> = ids
                .iter()
                .filter(|i| !seen.contains(i))
                .map(String::as_str)
                .collect();
            if !absent.is_empty() && seen.len() == order.get_ref().len() {
                cx.at(
                    order,
                    format!(
                        "`order` lists {} criteria, expected {}: {} missing",
                        seen.len(),
                        ids.len(),
                        crate::problem::backticks(&absent)
                    ),
                    Some("list every criterion once, in the order of the matrix's rows".into()),
                );
            }
            order
                .get_ref()
                .iter()
                .map(|s| s.get_ref().clone())
                .collect()
        }
    };
    let n = order.len();
    let before = cx.problems.len();
    let rows = matrix.get_ref();
    if rows.len() != n {
        cx.at(
            matrix,
            format!(
                "the matrix has {} rows, expected {n}, one per criterion ({})",
                rows.len(),
                crate::problem::backticks(&order.iter().map(String::as_str).collect::<Vec<_>>())
            ),
            Some("row i, column j says how many times criterion i matters more than j".into()),
        );
    }
    for (i, row) in rows.iter().enumerate() {
        if row.get_ref().len() != n {
            let who = order
                .get(i)
                .map_or(String::new(), |id| format!(" (`{id}`)"));
            cx.at(
                row,
                format!(
                    "row {}{who} of the matrix has {} entries, expected {n}",
                    i + 1,
                    row.get_ref().len()
                ),
                Some("the matrix is square: one entry per criterion in each row".into()),
            );
        }
    }
    if cx.problems.len() > before {
        return None;
    }
    let mut a = vec![vec![1.0; n]; n];
    for (i, row) in rows.iter().enumerate() {
        for (j, cell) in row.get_ref().iter().enumerate() {
            let (ri, cj) = (&order[i], &order[j]);
            match entry(cell.get_ref()) {
                Some(x) if x.is_finite() && x > 0.0 => a[i][j] = x,
                Some(x) => cx.at(cell, format!("the comparison of `{ri}` with `{cj}` is `{x}`, expected a number > 0"), Some("Saaty's scale: 1 (equal) to 9 (extreme), and 1/3, 1/5, ... when the column's criterion matters more".into())),
                None => cx.at(cell, format!("the comparison of `{ri}` with `{cj}` is `{}`, expected a number or a fraction such as \"1/3\"", cell.get_ref()), Some("write a number (3, 0.5) or a fraction in quotes (\"1/3\")".into())),
            }
        }
    }
    if cx.problems.len() > before {
        return None;
    }
    for i in 0..n {
        if (a[i][i] - 1.0).abs() > RECIPROCAL_TOLERANCE {
            cx.at(
                &rows[i].get_ref()[i],
                format!(
                    "the comparison of `{}` with itself is `{}`, expected 1",
                    order[i], a[i][i]
                ),
                Some("the diagonal of the matrix is 1".into()),
            );
        }
        for j in i + 1..n {
            if (a[i][j] * a[j][i] - 1.0).abs() > RECIPROCAL_TOLERANCE {
                cx.at(&rows[j].get_ref()[i], format!("the matrix is not reciprocal: `{}` over `{}` (row {}, column {}) is `{}`, but `{}` over `{}` (row {}, column {}) is `{}`", order[i], order[j], i + 1, j + 1, a[i][j], order[j], order[i], j + 1, i + 1, a[j][i]), Some(format!("expected `{}` here, the reciprocal of `{}` (within {:.0}%)", reciprocal(a[i][j]), a[i][j], 100.0 * RECIPROCAL_TOLERANCE)));
            }
        }
    }
    if cx.problems.len() > before {
        return None;
    }
    let result = match ahp::ahp(&a) {
        Ok(r) => r,
        Err(e) => {
            cx.at(matrix, format!("AHP weights cannot be computed: {e}"), None);
            return None;
        }
    };
    let allow = w.allow_inconsistent.as_ref().is_some_and(|s| *s.get_ref());
    if !result.is_consistent() && !allow {
        cx.at(matrix, format!("the pairwise comparisons are inconsistent: consistency ratio {:.3} is above {CONSISTENCY_RATIO_LIMIT:.2} (λmax {:.3}, CI {:.3}, RI({n}) {:.2})", result.consistency_ratio, result.lambda_max, result.consistency_index, result.random_index), Some(format!("revise the judgements ({}), or set `allow_inconsistent = true` in `[weights]` to rank with them anyway", furthest(&a, &result, &order))));
    }
    let mut result = result;
    let by_id = |id: &str| order.iter().position(|o| o == id);
    // The eigenvector in criteria order, as every other per-criterion array of the output
    // (the matrix's rows may list the criteria in another order).
    result.weights = criteria
        .iter()
        .map(|c| by_id(&c.id).map_or(0.0, |k| result.weights[k]))
        .collect();
    for (c, w) in criteria.iter_mut().zip(&result.weights) {
        c.raw_weight = *w;
        c.weight = *w;
    }
    Some(AhpWeights {
        order,
        result,
        allow_inconsistent: allow,
    })
}

/// A matrix entry: a number, or a string holding a number or a fraction `a/b`.
pub(super) fn entry(v: &toml::Value) -> Option<f64> {
    match v {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) => Some(*f),
        toml::Value::String(s) => match s.split_once('/') {
            Some((a, b)) => Some(a.trim().parse::<f64>().ok()? / b.trim().parse::<f64>().ok()?),
            None => s.trim().parse().ok(),
        },
        _ => None,
    }
}

/// 1/x as a user would write it: `1/3` for 3, `3` for 1/3, else a decimal.
pub(super) fn reciprocal(x: f64) -> String {
    if x >= 1.0 && (x - x.round()).abs() < 1e-9 {
        format!("1/{}", x.round())
    } else if (1.0 / x - (1.0 / x).round()).abs() < 1e-6 {
        format!("{}", (1.0 / x).round())
    } else {
        format!("{:.4}", 1.0 / x)
    }
}

/// The judgement furthest from what the weights imply (a_ij against w_i / w_j), in words.
fn furthest(a: &[Vec<f64>], r: &Ahp, order: &[String]) -> String {
    let mut best = (0, 1, 0.0);
    for (i, row) in a.iter().enumerate() {
        for (j, &x) in row.iter().enumerate() {
            let ratio = (x * r.weights[j] / r.weights[i]).ln().abs();
            if i != j && x >= 1.0 && ratio > best.2 {
                best = (i, j, ratio);
            }
        }
    }
    let (i, j, _) = best;
    format!(
        "the judgement furthest from the weights is `{}` over `{}` = {}, where the weights imply {:.2}",
        order[i],
        order[j],
        a[i][j],
        r.weights[i] / r.weights[j]
    )
}

/// `[sensitivity]` ranges and orderings, by criterion id; feasibility is checked here too
/// (the same check SMAA makes before sampling).
pub(super) fn sensitivity(
    cx: &mut Ctx,
    raw: &RawCriteria,
    criteria: &[Criterion],
) -> (WeightSpec, Option<Pos>) {
    let mut spec = WeightSpec::uniform();
    let Some(s) = &raw.sensitivity else {
        return (spec, None);
    };
    let pos = cx.pos(s.span().start);
    let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    let index = |cx: &mut Ctx, id: &str, at: &Spanned<Vec<String>>| -> Option<usize> {
        let i = ids.iter().position(|x| *x == id);
        if i.is_none() {
            cx.at(
                at,
                format!("`{id}` is not a criterion id"),
                suggest(id, ids.iter().copied()),
            );
        }
        i
    };
    let s = s.get_ref();
    if !s.ranges.is_empty() {
        spec.ranges = vec![None; criteria.len()];
    }
    for (id, r) in &s.ranges {
        let Some(i) = ids.iter().position(|x| x == id) else {
            cx.at(
                r,
                format!("`{id}` is not a criterion id"),
                suggest(id, ids.iter().copied()),
            );
            continue;
        };
        match r.get_ref().as_slice() {
            [lo, hi] if lo > hi => cx.at(
                r,
                format!("range of `{id}` has its lower bound {lo} above its upper bound {hi}"),
                Some("write `[low, high]`".into()),
            ),
            [lo, hi] if *lo < 0.0 || *hi > 1.0 => cx.at(
                r,
                format!("range of `{id}` is outside 0 to 1"),
                Some("ranges are shares of the total weight, e.g. `[0.1, 0.4]`".into()),
            ),
            [lo, hi] => spec.ranges[i] = Some((*lo, *hi)),
            _ => cx.at(
                r,
                format!("range of `{id}` needs two numbers"),
                Some("write `[low, high]`, e.g. `[0.1, 0.4]`".into()),
            ),
        }
    }
    for chain in &s.order {
        let members: Vec<usize> = chain
            .get_ref()
            .iter()
            .filter_map(|id| index(cx, id, chain))
            .collect();
        if members.len() == chain.get_ref().len() {
            spec.orderings.push(members);
        }
    }
    if cx.problems.is_empty() {
        if let Err(e) = WeightSampler::new(&spec, criteria.len()) {
            let mut p = Problem::at(
                cx.file,
                pos.location(),
                format!("the `[sensitivity]` weights cannot be sampled: {e}"),
            );
            p.hint = Some(
                "widen the ranges or relax the ordering so some weighting satisfies them all"
                    .into(),
            );
            cx.problems.push(p);
        }
    }
    (spec, Some(pos))
}
