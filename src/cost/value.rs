//! Value for money: which vendors no other beats on both score and cost (the Pareto
//! frontier), and points of score per unit of cost.

/// One vendor's score (0-100, higher better) and cost (lower better).
#[derive(Debug, Clone, PartialEq)]
pub struct ValuePoint {
    pub vendor: String,
    pub score: f64,
    pub cost: f64,
    /// score / cost; `None` when the cost is 0.
    pub score_per_cost: Option<f64>,
    /// No other vendor scores at least as high for at most the cost, better on one.
    pub efficient: bool,
    /// When not efficient: a vendor that dominates it.
    pub dominated_by: Option<String>,
}

/// Builds the value points and marks the Pareto-efficient ones.
pub fn frontier(points: &[(String, f64, f64)]) -> Vec<ValuePoint> {
    points
        .iter()
        .map(|(vendor, score, cost)| {
            let dominator = points.iter().find(|(other, s, c)| {
                other != vendor && s >= score && c <= cost && (s > score || c < cost)
            });
            ValuePoint {
                vendor: vendor.clone(),
                score: *score,
                cost: *cost,
                score_per_cost: (*cost > 0.0).then(|| score / cost),
                efficient: dominator.is_none(),
                dominated_by: dominator.map(|d| d.0.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frontier_keeps_the_undominated() {
        let pts = vec![
            ("a".to_string(), 80.0, 10.0), // best score
            ("b".to_string(), 60.0, 5.0),  // cheaper
            ("c".to_string(), 55.0, 6.0),  // dominated by b
            ("d".to_string(), 60.0, 5.0),  // ties b: neither dominates the other
        ];
        let v = frontier(&pts);
        let eff: Vec<bool> = v.iter().map(|p| p.efficient).collect();
        assert_eq!(eff, vec![true, true, false, true]);
        assert_eq!(v[2].dominated_by.as_deref(), Some("b"));
        assert_eq!(v[1].score_per_cost, Some(12.0));
    }
}
