//! Evidence -> one value per vendor per metric, named `source.name` (see docs/metrics.md).
//!
//! `Metrics::compute` aggregates every file once; `value` then answers a criterion's or a
//! gate's question, applying the `aggregate` of `tests.*` metrics. `lookup` tells whether a
//! name is known, comes from a file the dataset lacks, or is unknown (with close names).

mod catalog;
mod pilot;
pub mod spread;

use std::collections::{BTreeMap, BTreeSet};

pub use catalog::{fixed, label, MetricDef, Value, FIXED, WITH_INTERVAL};
pub use pilot::median;

use crate::cost::{self, PricingContext};
use crate::criteria::{Aggregate, MetricRef};
use crate::dataset::{Dataset, Date};

/// What a metric name refers to in a dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// Computed from a file the dataset has.
    Known,
    /// Valid, but its file (`vendors`, `pilot_results`, ...) is not in the dataset.
    AbsentFile(&'static str),
    /// Not a metric of this dataset.
    Unknown,
}

/// A lab result: period end, value, samples.
type LabResult = (Date, f64, Option<u64>);

/// Every metric of every vendor of a dataset.
pub struct Metrics {
    vendors: usize,
    present: BTreeSet<&'static str>,
    values: BTreeMap<String, Vec<Option<Value>>>,
    /// `tests.<metric>`: per vendor, (period end, value) of every lab result.
    tests: BTreeMap<String, Vec<Vec<LabResult>>>,
    /// How uncertain each pilot metric is, per vendor.
    spreads: BTreeMap<String, Vec<Option<spread::Spread>>>,
    units: BTreeMap<String, String>,
    /// Each vendor's quote for the fleet, or why it has none.
    pub quotes: Vec<Result<cost::Quote, String>>,
}

impl Metrics {
    /// Aggregates the dataset, pricing the fleet and contract of `pricing`.
    pub fn compute(ds: &Dataset, pricing: &PricingContext) -> Metrics {
        let n = ds.vendors.len();
        let mut m = Metrics {
            vendors: n,
            present: BTreeSet::from(["vendors"]),
            values: BTreeMap::new(),
            tests: BTreeMap::new(),
            spreads: BTreeMap::new(),
            units: BTreeMap::new(),
            quotes: vec![Err("no pricing file".to_string()); n],
        };
        m.values.insert(
            "vendor.restrictions".into(),
            ds.vendors
                .iter()
                .map(|v| v.restrictions.clone().map(Value::List))
                .collect(),
        );
        m.values.insert(
            "vendor.hq_country".into(),
            ds.vendors
                .iter()
                .map(|v| v.hq_country.clone().map(Value::Text))
                .collect(),
        );
        if let Some(rows) = &ds.test_scores {
            m.present.insert("test_scores");
            for r in rows {
                let name = format!("tests.{}", r.metric);
                m.units.insert(name.clone(), r.unit.clone());
                m.tests.entry(name).or_insert_with(|| vec![Vec::new(); n])[r.vendor].push((
                    r.period_end,
                    r.value,
                    r.samples,
                ));
            }
        }
        if let Some(rows) = &ds.pilot {
            m.present.insert("pilot_results");
            pilot::add(
                &rows.endpoints,
                &rows.times,
                n,
                &mut m.values,
                &mut m.spreads,
            );
        }
        if let Some(rows) = &ds.rmm {
            m.present.insert("rmm_checks");
            rmm(rows, n, &mut m.values);
        }
        if let Some(rows) = &ds.pricing {
            m.present.insert("pricing");
            let target = pricing
                .currency
                .clone()
                .or_else(|| rows.first().map(|r| r.currency.clone()))
                .unwrap_or_default();
            let currency = cost::Currency {
                target: &target,
                fx: ds.fx.as_ref(),
            };
            m.quotes = (0..n)
                .map(|v| {
                    let deploy = pricing.rmm.as_ref().and_then(|r| {
                        m.number(
                            v,
                            &MetricRef {
                                name: format!("rmm.{r}.deploy"),
                                aggregate: Aggregate::Mean,
                            },
                        )
                    });
                    cost::quote(rows, v, pricing, deploy, currency)
                })
                .collect();
            let col = |f: &dyn Fn(&cost::Quote) -> f64| {
                m.quotes
                    .iter()
                    .map(|q| q.as_ref().ok().map(|q| Value::Number(f(q))))
                    .collect::<Vec<_>>()
            };
            let cols = [
                (
                    "pricing.cost_per_endpoint_month",
                    col(&|q| q.per_endpoint_month()),
                    "per endpoint-month",
                ),
                (
                    "pricing.fleet_cost_month",
                    col(&|q| q.monthly()),
                    "per month",
                ),
                ("pricing.tco", col(&|q| q.tco()), "over the horizon"),
                ("pricing.migration_cost", col(&|q| q.migration()), "one-off"),
            ];
            let currency = m.quotes.iter().flatten().next().map(|q| q.currency.clone());
            for (name, values, unit) in cols {
                m.values.insert(name.into(), values);
                if let Some(c) = &currency {
                    m.units.insert(name.into(), format!("{c} {unit}"));
                }
            }
        }
        m
    }

    /// Whether `name` is a metric of this dataset.
    pub fn lookup(&self, name: &str) -> Lookup {
        if self.values.contains_key(name) || self.tests.contains_key(name) {
            return Lookup::Known;
        }
        if let Some(def) = fixed(name) {
            return if self.present.contains(def.file) {
                Lookup::Known
            } else {
                Lookup::AbsentFile(def.file)
            };
        }
        let absent = |prefix: &str, file: &'static str| {
            name.starts_with(prefix) && !self.present.contains(file)
        };
        if absent("tests.", "test_scores") {
            return Lookup::AbsentFile("test_scores");
        }
        if absent("rmm.", "rmm_checks") {
            return Lookup::AbsentFile("rmm_checks");
        }
        Lookup::Unknown
    }

    /// Every metric name of this dataset, sorted, for hints.
    pub fn names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .values
            .keys()
            .chain(self.tests.keys())
            .map(String::as_str)
            .collect();
        v.extend(FIXED.iter().map(|d| d.name));
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The unit of a metric, as shown in tables.
    pub fn unit(&self, name: &str) -> String {
        if let Some(u) = self.units.get(name) {
            return u.clone();
        }
        if let Some(def) = fixed(name) {
            return def.unit.to_string();
        }
        if name.starts_with("rmm.") {
            return "score 0-1".into();
        }
        String::new()
    }

    /// The value of `metric` for vendor `v`; `None` when not observed.
    pub fn value(&self, v: usize, metric: &MetricRef) -> Option<Value> {
        if v >= self.vendors {
            return None;
        }
        if let Some(per_vendor) = self.tests.get(&metric.name) {
            let obs: Vec<(Date, f64)> = per_vendor[v].iter().map(|o| (o.0, o.1)).collect();
            return aggregate(&obs, metric.aggregate).map(Value::Number);
        }
        self.values.get(&metric.name)?[v].clone()
    }

    /// Why vendor `v` has no value for `name`, when the evidence says more than "not observed".
    pub fn why_missing(&self, v: usize, name: &str) -> Option<String> {
        match self.quotes.get(v) {
            Some(Err(why)) if name.starts_with("pricing.") && self.present.contains("pricing") => {
                Some(format!("no price for this fleet: {why}"))
            }
            _ => None,
        }
    }

    /// How uncertain vendor `v`'s value of `metric` is; `None` when it is taken as exact.
    pub fn spread(&self, v: usize, metric: &MetricRef) -> Option<spread::Spread> {
        if let Some(per_vendor) = self.tests.get(&metric.name) {
            let obs = &per_vendor[v];
            let last = obs.iter().map(|o| o.0).max()?;
            let used: Vec<(f64, u64)> = match metric.aggregate {
                Aggregate::Mean => obs.iter().map(|o| (o.1, o.2.unwrap_or(0))).collect(),
                Aggregate::Latest => obs
                    .iter()
                    .filter(|o| o.0 == last)
                    .map(|o| (o.1, o.2.unwrap_or(0)))
                    .collect(),
                Aggregate::Min => return None,
            };
            return spread::lab_mean(&used, self.units.get(&metric.name)?);
        }
        self.spreads.get(&metric.name)?.get(v).copied().flatten()
    }

    /// The value as a number, when it is one.
    pub fn number(&self, v: usize, metric: &MetricRef) -> Option<f64> {
        match self.value(v, metric)? {
            Value::Number(x) => Some(x),
            _ => None,
        }
    }
}

/// Mean, latest period (mean of its results) or minimum of lab results.
fn aggregate(obs: &[(Date, f64)], how: Aggregate) -> Option<f64> {
    if obs.is_empty() {
        return None;
    }
    let mean = |xs: &mut dyn Iterator<Item = f64>| {
        let (s, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
        s / n as f64
    };
    Some(match how {
        Aggregate::Mean => mean(&mut obs.iter().map(|o| o.1)),
        Aggregate::Min => obs.iter().map(|o| o.1).fold(f64::INFINITY, f64::min),
        Aggregate::Latest => {
            let last = obs.iter().map(|o| o.0).max()?;
            mean(&mut obs.iter().filter(|o| o.0 == last).map(|o| o.1))
        }
    })
}

/// `rmm.<platform>.<check>`, `rmm.<check>` (best platform), `rmm.coverage`, `rmm.platforms`,
/// `rmm.checks_passed`. A re-check replaces an earlier one (latest `checked_on` wins).
fn rmm(
    rows: &[crate::dataset::RmmCheck],
    n: usize,
    out: &mut BTreeMap<String, Vec<Option<Value>>>,
) {
    type Key<'a> = (usize, &'a str, &'a str);
    let mut latest: BTreeMap<Key, (Option<Date>, Option<f64>)> = BTreeMap::new();
    for r in rows {
        let e = latest
            .entry((r.vendor, &r.platform, &r.check))
            .or_insert((r.checked_on, r.result.score()));
        if r.checked_on >= e.0 {
            *e = (r.checked_on, r.result.score());
        }
    }
    let pairs: BTreeSet<(&str, &str)> = latest.keys().map(|k| (k.1, k.2)).collect();
    let mut tested = vec![false; n];
    for (&(v, p, c), &(_, score)) in &latest {
        tested[v] = true;
        let col = out
            .entry(format!("rmm.{p}.{c}"))
            .or_insert_with(|| vec![None; n]);
        col[v] = score.map(Value::Number);
        let best = out
            .entry(format!("rmm.{c}"))
            .or_insert_with(|| vec![None; n]);
        if let Some(s) = score {
            let prev = match best[v] {
                Some(Value::Number(x)) => x,
                _ => f64::NEG_INFINITY,
            };
            best[v] = Some(Value::Number(prev.max(s)));
        }
    }
    let total = |v: usize| {
        latest
            .iter()
            .filter(|(k, _)| k.0 == v)
            .filter_map(|(_, s)| s.1)
            .sum::<f64>()
    };
    let coverage = (0..n)
        .map(|v| tested[v].then(|| Value::Number(total(v) / pairs.len() as f64)))
        .collect();
    out.insert("rmm.coverage".into(), coverage);
    let count = |v: usize, f: &dyn Fn(&(&str, &str), f64) -> bool| {
        let hits: BTreeSet<_> = latest
            .iter()
            .filter(|(k, s)| k.0 == v && s.1.is_some_and(|x| f(&(k.1, k.2), x)))
            .map(|(k, _)| (k.1, k.2))
            .collect();
        hits
    };
    let platforms = (0..n)
        .map(|v| {
            tested[v].then(|| {
                let ps: BTreeSet<&str> = count(v, &|_, s| s > 0.0).iter().map(|k| k.0).collect();
                Value::Number(ps.len() as f64)
            })
        })
        .collect();
    out.insert("rmm.platforms".into(), platforms);
    let passed = (0..n)
        .map(|v| tested[v].then(|| Value::Number(count(v, &|_, s| s >= 1.0).len() as f64)))
        .collect();
    out.insert("rmm.checks_passed".into(), passed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_date;

    #[test]
    fn aggregates_lab_results() {
        let d = |s| parse_date(s, true).unwrap();
        let obs = [
            (d("2021-03"), 99.0),
            (d("2021-09"), 97.0),
            (d("2021-09"), 98.0),
            (d("2020-09"), 100.0),
        ];
        assert_eq!(aggregate(&obs, Aggregate::Mean), Some(98.5));
        assert_eq!(aggregate(&obs, Aggregate::Latest), Some(97.5));
        assert_eq!(aggregate(&obs, Aggregate::Min), Some(97.0));
        assert_eq!(aggregate(&[], Aggregate::Mean), None);
    }
}
