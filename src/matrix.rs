//! The decision matrix: the criteria resolved against the metrics once, into vendors x
//! criteria values with each criterion's unit, direction, weight and scoring settings,
//! and the uncertainty each value carries.
//!
//! `rank` resolves every vendor's values here ([`resolve`]: criteria and gate metrics),
//! applies the gates and the missing-value policy, and keeps the vendors that pass ([`Resolved::keep`]). Scoring,
//! the evidence check (`noise`), the sensitivity analysis and the report read the
//! [`DecisionMatrix`]; nothing after it looks a metric up by name again.

use rand::Rng;

use crate::criteria::Criteria;
use crate::decision::{Direction, Method, Normalisation, PreferenceFunction};
use crate::metrics::spread::Spread;
use crate::metrics::{Lookup, Metrics, Value};
use crate::score::error::ScoreError;
use crate::score::method::MethodOutput;

/// A criterion as the matrix, the scoring and the results carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionInfo {
    pub id: String,
    pub label: String,
    pub group: Option<String>,
    pub metric: String,
    pub direction: Direction,
    /// Effective weight, 0..=1.
    pub weight: f64,
    pub unit: String,
    /// PROMETHEE II's preference function.
    pub preference: PreferenceFunction,
    /// The weighted sum's normalisation.
    pub normalisation: Normalisation,
}

/// One vendor's value for one criterion, as resolved from the metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// `None`: not observed.
    pub value: Option<f64>,
    /// The value's uncertainty; `None`: taken as exact.
    pub spread: Option<Spread>,
    /// Why the value is missing, when the metrics can say.
    pub why_missing: Option<String>,
}

/// Every vendor of the dataset resolved against the criteria, before gates and the
/// missing-value policy choose which vendors are scored.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub method: Method,
    pub criteria: Vec<CriterionInfo>,
    /// Dataset vendors x criteria.
    pub cells: Vec<Vec<Cell>>,
    /// Per criterion: its metric comes from an evidence file the dataset does not have.
    pub absent: Vec<bool>,
    /// Dataset vendors x gates: each gate's metric value (`None`: no value).
    pub gate_values: Vec<Vec<Option<Value>>>,
}

/// Looks every criterion's and gate's metric up once for each of the dataset's `vendors`.
pub fn resolve(cr: &Criteria, metrics: &Metrics, vendors: usize) -> Resolved {
    let criteria = cr
        .criteria
        .iter()
        .map(|c| CriterionInfo {
            id: c.id.clone(),
            label: c.label.clone(),
            group: c.group.clone(),
            metric: c.metric.name.clone(),
            direction: c.direction,
            weight: c.weight,
            unit: metrics.unit(&c.metric.name),
            preference: c.preference,
            normalisation: c.normalisation,
        })
        .collect();
    let cells = (0..vendors)
        .map(|v| {
            cr.criteria
                .iter()
                .map(|c| {
                    let value = metrics.number(v, &c.metric);
                    Cell {
                        value,
                        spread: metrics.spread(v, &c.metric),
                        why_missing: value
                            .is_none()
                            .then(|| metrics.why_missing(v, &c.metric.name))
                            .flatten(),
                    }
                })
                .collect()
        })
        .collect();
    let absent = cr
        .criteria
        .iter()
        .map(|c| matches!(metrics.lookup(&c.metric.name), Lookup::AbsentFile(_)))
        .collect();
    Resolved {
        method: cr.method,
        criteria,
        cells,
        absent,
        gate_values: (0..vendors)
            .map(|v| crate::gates::values(&cr.gates, metrics, v))
            .collect(),
    }
}

impl Resolved {
    /// Whether any vendor has a value for criterion `c`.
    pub fn any_value(&self, c: usize) -> bool {
        self.cells.iter().any(|row| row[c].value.is_some())
    }

    /// The matrix of the vendors at `rows` (dataset indices), named `ids`.
    pub fn keep(&self, rows: &[usize], ids: Vec<String>) -> DecisionMatrix {
        let rows: Vec<&Vec<Cell>> = rows.iter().map(|&v| &self.cells[v]).collect();
        DecisionMatrix {
            method: self.method,
            vendors: ids,
            criteria: self.criteria.clone(),
            values: rows
                .iter()
                .map(|r| r.iter().map(|c| c.value).collect())
                .collect(),
            spreads: rows
                .iter()
                .map(|r| r.iter().map(|c| c.spread).collect())
                .collect(),
        }
    }
}

/// The vendors that are scored x the criteria: what every later stage reads.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMatrix {
    pub method: Method,
    /// The scored vendors' ids, in dataset order.
    pub vendors: Vec<String>,
    pub criteria: Vec<CriterionInfo>,
    /// Vendors x criteria; `None`: not observed (scored as worst).
    pub values: Vec<Vec<Option<f64>>>,
    /// Each value's uncertainty, like `values`; `None`: taken as exact.
    pub spreads: Vec<Vec<Option<Spread>>>,
}

impl DecisionMatrix {
    /// Each criterion's direction.
    pub fn directions(&self) -> Vec<Direction> {
        self.criteria.iter().map(|c| c.direction).collect()
    }

    /// Each criterion's effective weight.
    pub fn weights(&self) -> Vec<f64> {
        self.criteria.iter().map(|c| c.weight).collect()
    }

    /// Each criterion's PROMETHEE II preference function.
    pub fn preferences(&self) -> Vec<PreferenceFunction> {
        self.criteria.iter().map(|c| c.preference).collect()
    }

    /// Each criterion's weighted-sum normalisation.
    pub fn normalisations(&self) -> Vec<Normalisation> {
        self.criteria.iter().map(|c| c.normalisation).collect()
    }

    /// Sets the effective weights, one per criterion.
    pub fn set_weights(&mut self, weights: &[f64]) {
        for (c, w) in self.criteria.iter_mut().zip(weights) {
            c.weight = *w;
        }
    }

    /// The values with each missing one replaced by its column's worst present value.
    pub fn filled(&self) -> Vec<Vec<f64>> {
        crate::score::run::fill_worst(&self.values, &self.directions())
    }

    /// Whether any value carries an uncertainty that can be redrawn.
    pub fn is_uncertain(&self) -> bool {
        self.spreads.iter().flatten().any(Option::is_some)
    }

    /// Scores the matrix's own values with its method and weights.
    pub fn score(&self) -> Result<MethodOutput, ScoreError> {
        self.score_values(&self.values)
    }

    /// Scores other values of the same shape (a redraw of the evidence) with the
    /// matrix's method and weights.
    pub fn score_values(&self, values: &[Vec<Option<f64>>]) -> Result<MethodOutput, ScoreError> {
        crate::score::run::run(
            self.method,
            values,
            &self.directions(),
            &self.weights(),
            &self.preferences(),
            &self.normalisations(),
        )
    }

    /// One redraw of the evidence: every observed value that carries an uncertainty is
    /// drawn again from it, vendor by vendor and criterion by criterion (so the same
    /// random stream gives the same draws), and handed to `set(vendor, criterion, x)`.
    /// Missing values stay missing; exact ones are not drawn.
    pub fn redraw<R: Rng>(&self, rng: &mut R, mut set: impl FnMut(usize, usize, f64)) {
        for (v, row) in self.spreads.iter().enumerate() {
            for (c, s) in row.iter().enumerate() {
                if let (Some(s), Some(_)) = (s, self.values[v][c]) {
                    set(v, c, s.sample(rng));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn column(id: &str, direction: Direction, weight: f64) -> CriterionInfo {
        CriterionInfo {
            id: id.into(),
            label: id.into(),
            group: None,
            metric: format!("pilot.{id}"),
            direction,
            weight,
            unit: "ratio".into(),
            preference: PreferenceFunction::Usual,
            normalisation: Normalisation::MinMax,
        }
    }

    fn matrix() -> DecisionMatrix {
        DecisionMatrix {
            method: Method::WeightedSum,
            vendors: vec!["a".into(), "b".into(), "c".into()],
            criteria: vec![
                column("detection", Direction::Max, 0.75),
                column("price", Direction::Min, 0.25),
            ],
            values: vec![
                vec![Some(0.99), Some(5.0)],
                vec![Some(0.95), None],
                vec![None, Some(3.0)],
            ],
            spreads: vec![
                vec![
                    Some(Spread::Beta {
                        a: 99.0,
                        b: 1.0,
                        scale: 1.0,
                    }),
                    None,
                ],
                vec![
                    None,
                    Some(Spread::Gamma {
                        shape: 4.0,
                        rate: 1.0,
                    }),
                ],
                vec![
                    Some(Spread::Beta {
                        a: 9.0,
                        b: 1.0,
                        scale: 1.0,
                    }),
                    None,
                ],
            ],
        }
    }

    #[test]
    fn scores_by_the_weighted_sum_of_min_max_values() {
        let out = matrix().score().unwrap();
        // a: best detection (1) x 0.75 + worst price (0) x 0.25; b: worst detection and a
        // missing price (worst); c: missing detection (worst), best price.
        assert_eq!(out.scores, vec![75.0, 0.0, 25.0]);
        assert_eq!(out.ranks, vec![1, 3, 2]);
    }

    #[test]
    fn redraw_draws_only_observed_uncertain_values() {
        let m = matrix();
        let mut drawn = Vec::new();
        m.redraw(&mut ChaCha8Rng::seed_from_u64(1), |v, c, x| {
            drawn.push((v, c));
            assert!(x.is_finite());
        });
        // b's price has a spread but no value; c's detection is missing.
        assert_eq!(drawn, vec![(0, 0)]);
        let mut again = Vec::new();
        m.redraw(&mut ChaCha8Rng::seed_from_u64(1), |_, _, x| again.push(x));
        let mut once = Vec::new();
        m.redraw(&mut ChaCha8Rng::seed_from_u64(1), |_, _, x| once.push(x));
        assert_eq!(again, once, "the same seed gives the same draws");
    }

    #[test]
    fn filled_takes_each_column_worst() {
        assert_eq!(
            matrix().filled(),
            vec![vec![0.99, 5.0], vec![0.95, 5.0], vec![0.95, 3.0]]
        );
        assert!(matrix().is_uncertain());
    }
}
