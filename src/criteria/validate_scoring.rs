//! Checks each criterion's scoring choices in a criteria file: the weighted sum's
//! `normalisation` (a name or a value function) and PROMETHEE II's preference function,
//! each problem at its line and column.

use toml::Spanned;

use super::context::Ctx;
use super::raw::RawCriteria;
use super::validated::Criterion;
use crate::decision::{Direction, Method, Normalisation, PreferenceFunction, ValueFunction};
use crate::problem::{backticks, suggest};

/// The weighted sum's `normalisation`, for the file and per criterion; refused with a
/// method that normalises by its own definition.
pub(super) fn normalisations(
    cx: &mut Ctx,
    raw: &RawCriteria,
    criteria: &mut [Criterion],
    method: Method,
) {
    let own = |m: Method| {
        match m {
        Method::WeightedSum => None,
        Method::WeightedProduct => Some("the weighted product compares ratios (x / max, min / x) by definition"),
        Method::Topsis => Some("TOPSIS uses vector normalisation by definition"),
        Method::Vikor { .. } => Some("VIKOR scales each criterion by its best and worst values by definition"),
        Method::Promethee2 => Some("PROMETHEE II compares differences in the metric's own units; set `preference` thresholds instead"),
    }
    };
    let refuse = |cx: &mut Ctx, at: &dyn Fn(&mut Ctx, String, Option<String>)| {
        if let Some(why) = own(method) {
            at(
                cx,
                format!(
                    "`normalisation` applies to method `weighted-sum` only, not `{}`",
                    method.name()
                ),
                Some(format!(
                    "{why}; remove it, or set `method = \"weighted-sum\"` (docs/methods.md)"
                )),
            );
        }
    };
    let mut default = Normalisation::MinMax;
    if let Some(s) = &raw.normalisation {
        refuse(cx, &|cx, m, h| cx.at(s, m, h));
        if let Some(name) = cx.pick(s, "normalisation", &Normalisation::NAMES) {
            default = Normalisation::from_name(name).unwrap_or_default();
        }
    }
    for (rc, c) in raw.criterion.iter().zip(criteria.iter_mut()) {
        c.normalisation = default;
        let Some(s) = &rc.get_ref().normalisation else {
            continue;
        };
        refuse(cx, &|cx, m, h| cx.at(s, m, h));
        if let Some(n) = criterion_normalisation(cx, s, c) {
            c.normalisation = n;
        }
    }
}

/// A criterion's `normalisation`: a name, or a value function `{ best, worst }` whose
/// direction agrees with the criterion's.
fn criterion_normalisation(
    cx: &mut Ctx,
    s: &Spanned<toml::Value>,
    c: &Criterion,
) -> Option<Normalisation> {
    let shape = "a name (`min-max`, `vector`, `max`, `sum`) or a value function such as `{ best = 3, worst = 9 }`";
    match s.get_ref() {
        toml::Value::String(name) => {
            let found = Normalisation::from_name(name);
            if found.is_none() {
                let hint = suggest(name, Normalisation::NAMES.iter().copied())
                    .unwrap_or_else(|| format!("expected {shape}"));
                cx.at(s, format!("unknown normalisation `{name}`"), Some(hint));
            }
            found
        }
        toml::Value::Table(t) => {
            let mut get = |key: &str| match t.get(key) {
                Some(toml::Value::Integer(i)) => Some(*i as f64),
                Some(toml::Value::Float(f)) => Some(*f),
                _ => {
                    cx.at(
                        s,
                        format!(
                            "value function of criterion `{}` needs `{key}` as a number",
                            c.id
                        ),
                        Some(format!("expected {shape}")),
                    );
                    None
                }
            };
            let (best, worst) = (get("best"), get("worst"));
            if let Some(k) = t.keys().find(|k| *k != "best" && *k != "worst") {
                cx.at(
                    s,
                    format!(
                        "unknown key `{k}` in the value function of criterion `{}`",
                        c.id
                    ),
                    Some("a value function takes `best` (worth 1) and `worst` (worth 0)".into()),
                );
            }
            let f = match ValueFunction::new(best?, worst?) {
                Ok(f) => f,
                Err(_) => {
                    cx.at(
                        s,
                        format!(
                            "value function of criterion `{}` has best `{}` and worst `{}`",
                            c.id, best?, worst?
                        ),
                        Some(
                            "`best` (worth 1) and `worst` (worth 0) must be finite and different"
                                .into(),
                        ),
                    );
                    return None;
                }
            };
            if f.direction() != c.direction {
                let says = if f.direction() == Direction::Max {
                    "higher"
                } else {
                    "lower"
                };
                cx.at(s, format!("the value function of criterion `{}` says {says} is better (best `{}`, worst `{}`), but its direction is `{}`", c.id, f.best(), f.worst(), c.direction.name()), Some("swap `best` and `worst`, or change `direction`".into()));
                return None;
            }
            Some(Normalisation::ValueFunction(f))
        }
        other => {
            cx.at(
                s,
                format!("normalisation of criterion `{}` is `{other}`", c.id),
                Some(format!("expected {shape}")),
            );
            None
        }
    }
}

/// PROMETHEE II preference functions: `preference` with `q`, `p`, `s` as the function
/// takes them; refused with any other method.
pub(super) fn preferences(
    cx: &mut Ctx,
    raw: &RawCriteria,
    criteria: &mut [Criterion],
    method: Method,
) {
    const FUNCTIONS: [&str; 6] = ["usual", "u-shape", "v-shape", "level", "linear", "gaussian"];
    for (rc, c) in raw.criterion.iter().zip(criteria.iter_mut()) {
        let rc = rc.get_ref();
        let Some(pref) = &rc.preference else {
            for (key, v) in [("q", &rc.q), ("p", &rc.p), ("s", &rc.s)] {
                if let Some(v) = v {
                    cx.at(v, format!("`{key}` needs a `preference` function (criterion `{}`)", c.id), Some("add `preference = \"linear\"` (or another PROMETHEE II function), or remove it".into()));
                }
            }
            continue;
        };
        if method != Method::Promethee2 {
            cx.at(
                pref,
                format!(
                    "`preference` applies to method `promethee2` only, not `{}`",
                    method.name()
                ),
                Some("remove it, or set `method = \"promethee2\"`".into()),
            );
            continue;
        }
        let Some(name) = cx.pick(pref, "preference function", &FUNCTIONS) else {
            continue;
        };
        let get = |v: &Option<Spanned<f64>>| v.as_ref().map(|s| *s.get_ref());
        let (q, p, s) = (get(&rc.q), get(&rc.p), get(&rc.s));
        let wants: &[&str] = match name {
            "usual" => &[],
            "u-shape" => &["q"],
            "v-shape" => &["p"],
            "level" | "linear" => &["q", "p"],
            _ => &["s"],
        };
        for (key, v) in [("q", &rc.q), ("p", &rc.p), ("s", &rc.s)] {
            match v {
                Some(v) if !wants.contains(&key) => cx.at(
                    v,
                    format!("preference `{name}` takes no `{key}`"),
                    Some(if wants.is_empty() {
                        "it takes no thresholds".to_string()
                    } else {
                        format!("it takes {}", backticks(wants))
                    }),
                ),
                None if wants.contains(&key) => cx.at(
                    pref,
                    format!("preference `{name}` needs `{key}` (criterion `{}`)", c.id),
                    Some(format!("give {}", backticks(wants))),
                ),
                _ => {}
            }
        }
        if let (Some(q), Some(p), Some(span)) = (q, p, &rc.q) {
            if q > p {
                cx.at(
                    span,
                    format!("`q` {q} is above `p` {p}"),
                    Some(
                        "the indifference threshold q must not exceed the preference threshold p"
                            .into(),
                    ),
                );
            }
        }
        for (key, v) in [("q", &rc.q), ("p", &rc.p), ("s", &rc.s)] {
            if let Some(v) = v {
                let x = *v.get_ref();
                if !x.is_finite() || x < 0.0 || (key != "q" && x == 0.0) {
                    cx.at(
                        v,
                        format!("`{key}` is `{x}`"),
                        Some(
                            if key == "q" {
                                "expected a number >= 0"
                            } else {
                                "expected a number > 0"
                            }
                            .into(),
                        ),
                    );
                }
            }
        }
        let (q, p, s) = (q.unwrap_or(0.0), p.unwrap_or(1.0), s.unwrap_or(1.0));
        c.preference = match name {
            "usual" => PreferenceFunction::Usual,
            "u-shape" => PreferenceFunction::UShape { q },
            "v-shape" => PreferenceFunction::VShape { p },
            "level" => PreferenceFunction::Level { q, p },
            "linear" => PreferenceFunction::Linear { q, p },
            _ => PreferenceFunction::Gaussian { s },
        };
    }
}
