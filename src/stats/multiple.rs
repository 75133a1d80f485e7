//! Multiple comparisons: Holm's step-down adjustment and a symmetric matrix of pairwise
//! p-values between vendors.
//!
//! Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J. Statist.
//! 6:65-70. With the p-values sorted ascending, `p_(i)` becomes
//! `min(1, max_{j <= i} (m - j + 1) p_(j))`, exactly R's `p.adjust(p, method = "holm")`.
//! It controls the family-wise error rate under any dependence between the tests.

use super::common::StatsError;

/// Holm-adjusted p-values, in the input order.
pub fn holm(p_values: &[f64]) -> Result<Vec<f64>, StatsError> {
    if let Some(bad) = p_values.iter().find(|p| !(0.0..=1.0).contains(*p)) {
        return Err(StatsError::PValue(*bad));
    }
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    // A stable sort keeps equal p-values in input order, like R's `order`.
    order.sort_by(|&i, &j| p_values[i].total_cmp(&p_values[j]));
    let mut adjusted = vec![0.0; m];
    let mut running = 0.0f64;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max((m - rank) as f64 * p_values[i]);
        adjusted[i] = running.min(1.0);
    }
    Ok(adjusted)
}

/// A symmetric matrix of p-values between `n` vendors; the diagonal is 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairwise {
    n: usize,
    values: Vec<f64>,
}

impl Pairwise {
    /// A matrix for `n` vendors with every p-value 1 (no evidence of any difference).
    pub fn new(n: usize) -> Self {
        Self {
            n,
            values: vec![1.0; n * n],
        }
    }

    /// Number of vendors.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether there are no vendors.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The p-value between vendors `i` and `j`.
    ///
    /// # Panics
    /// When `i` or `j` is not below [`Pairwise::len`].
    pub fn get(&self, i: usize, j: usize) -> f64 {
        assert!(i < self.n && j < self.n, "vendor index out of range");
        self.values[i * self.n + j]
    }

    /// Set the p-value between `i` and `j` (both orders); `i == j` is ignored.
    pub fn set(&mut self, i: usize, j: usize, p: f64) -> Result<(), StatsError> {
        if !(0.0..=1.0).contains(&p) {
            return Err(StatsError::PValue(p));
        }
        if i >= self.n || j >= self.n {
            return Err(StatsError::VendorIndex {
                index: i.max(j),
                len: self.n,
            });
        }
        if i != j {
            self.values[i * self.n + j] = p;
            self.values[j * self.n + i] = p;
        }
        Ok(())
    }

    /// The pairs `(i, j)` with `i < j`, in row order: the family Holm adjusts over.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (0..self.n).flat_map(move |i| (i + 1..self.n).map(move |j| (i, j)))
    }

    /// Holm adjustment over all `n (n - 1) / 2` pairs of this matrix.
    pub fn holm(&self) -> Pairwise {
        let pairs: Vec<(usize, usize)> = self.pairs().collect();
        let raw: Vec<f64> = pairs.iter().map(|&(i, j)| self.get(i, j)).collect();
        let adjusted = holm(&raw).expect("matrix entries are checked on insertion");
        let mut out = Pairwise::new(self.n);
        for (&(i, j), p) in pairs.iter().zip(adjusted) {
            out.values[i * self.n + j] = p;
            out.values[j * self.n + i] = p;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// R multtest `mt.rawp2adjp(rawp, "Holm")` reference values as pinned by statsmodels'
    /// test suite (`statsmodels/stats/tests/test_multi.py`, `res_multtest1`, column Holm),
    /// which equal R's `p.adjust(p, "holm")`.
    #[test]
    #[allow(clippy::excessive_precision)] // values copied verbatim from the reference
    fn holm_matches_r_multtest_reference() {
        let raw = [
            0.838541367553,
            0.642193923795,
            0.680845947633,
            0.967833824309,
            0.71626938238,
            0.177096952723,
            5.23656777208e-05,
            0.0202732688798,
            0.00028140506198,
            0.0149877310796,
        ];
        let expected = [
            1.0,
            1.0,
            1.0,
            1.0,
            1.0,
            1.0,
            5.2365677720800005e-04,
            1.4191288215860001e-01,
            2.5326455578199999e-03,
            1.1990184863680001e-01,
        ];
        let adj = holm(&raw).unwrap();
        for (a, e) in adj.iter().zip(expected) {
            assert!((a - e).abs() < 1e-15, "{adj:?}");
        }
    }

    /// statsmodels `res_multtest3` (R multtest): raw 0.001..0.005, 0.05..0.09 ->
    /// Holm 0.01, 0.018, 0.024, 0.028, 0.03, 0.25 (x5): the step-down maximum carries 0.25.
    #[test]
    fn holm_step_down_keeps_monotone() {
        let raw = [
            0.001, 0.002, 0.003, 0.004, 0.005, 0.05, 0.06, 0.07, 0.08, 0.09,
        ];
        let expected = [
            0.01, 0.018, 0.024, 0.028, 0.03, 0.25, 0.25, 0.25, 0.25, 0.25,
        ];
        let adj = holm(&raw).unwrap();
        for (a, e) in adj.iter().zip(expected) {
            assert!((a - e).abs() < 1e-15, "{adj:?}");
        }
    }

    #[test]
    fn holm_edge_cases() {
        assert_eq!(holm(&[]).unwrap(), Vec::<f64>::new());
        assert_eq!(holm(&[0.3]).unwrap(), vec![0.3]);
        assert!(matches!(holm(&[f64::NAN]), Err(StatsError::PValue(p)) if p.is_nan()));
        assert!(holm(&[1.5]).is_err());
    }

    #[test]
    fn pairwise_adjusts_the_upper_triangle() {
        let mut m = Pairwise::new(3);
        m.set(0, 1, 0.01).unwrap();
        m.set(0, 2, 0.04).unwrap();
        m.set(1, 2, 0.03).unwrap();
        let h = m.holm();
        assert!((h.get(0, 1) - 0.03).abs() < 1e-15);
        assert!((h.get(2, 1) - 0.06).abs() < 1e-15);
        assert!((h.get(0, 2) - 0.06).abs() < 1e-15);
        assert_eq!(h.get(1, 1), 1.0);
        assert!(m.set(0, 3, 0.5).is_err() && m.set(0, 1, -0.1).is_err());
    }

    proptest! {
        /// Adjusted p-values are >= raw, <= 1, and keep the order of the raw p-values.
        #[test]
        fn holm_is_monotone_and_not_below_raw(raw in proptest::collection::vec(0.0f64..=1.0, 0..40)) {
            let adj = holm(&raw).unwrap();
            for i in 0..raw.len() {
                prop_assert!(adj[i] >= raw[i] && adj[i] <= 1.0);
                for j in 0..raw.len() {
                    if raw[i] <= raw[j] {
                        prop_assert!(adj[i] <= adj[j], "{raw:?} -> {adj:?}");
                    }
                }
            }
        }
    }
}
