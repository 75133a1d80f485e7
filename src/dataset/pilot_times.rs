//! The incident times (MTTD, MTTR) of the pilot, gathered per (vendor, client, role)
//! from the per-endpoint lists that the one aggregation pass collects.
//!
//! The values are kept as they are, not counted by value: a daily export has nearly as
//! many distinct times as incidents, so counting them (a hash over float keys) cost more
//! than it saved. Each group's values are sorted, so the result does not depend on the
//! order in which polars handed the rows over, and later steps (medians, order-statistic
//! intervals, rank tests) find them in order.

use std::collections::HashMap;

use polars::prelude::*;

use super::pilot_frame::EndpointAgg;
use super::types::Role;

/// The incident times of one (vendor, client, role): the rows that report each time,
/// each list sorted ascending (the two are not paired row by row).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeGroup {
    pub vendor: usize,
    pub client: String,
    pub role: Option<Role>,
    pub mttd: Vec<f64>,
    pub mttr: Vec<f64>,
}

/// A group's key: vendor, client, role.
type Key<'a> = (usize, &'a str, Option<Role>);

/// Groups the per-endpoint time lists: `endpoints[i]` is the endpoint of row `i` of the
/// `mttd` and `mttr` list columns (NaN or null where a row lacks the time). Groups come
/// out in (vendor, client, role) order.
pub fn gather(
    endpoints: &[EndpointAgg],
    mttd: &Column,
    mttr: &Column,
) -> PolarsResult<Vec<TimeGroup>> {
    let (mttd, mttr) = (Lists::new(mttd)?, Lists::new(mttr)?);
    polars_ensure!(
        mttd.len() == endpoints.len() && mttr.len() == endpoints.len(),
        ComputeError: "times lists do not match the endpoints"
    );
    let mut index: HashMap<Key, usize> = HashMap::new();
    // Per group: the sort keys of its MTTD values, then of its MTTR values.
    let mut lists: Vec<[Vec<u64>; 2]> = Vec::new();
    for (i, e) in endpoints.iter().enumerate() {
        let (d, r) = (mttd.row(i)?, mttr.row(i)?);
        if d.is_empty() && r.is_empty() {
            continue;
        }
        let slot = *index
            .entry((e.vendor, e.client.as_str(), e.role))
            .or_insert_with(|| {
                lists.push(Default::default());
                lists.len() - 1
            });
        for (list, values) in lists[slot].iter_mut().zip([d, r]) {
            list.extend(values.iter().map(|v| key(*v)).filter(|k| *k != 0));
        }
    }
    let mut keys: Vec<(Key, usize)> = index.into_iter().collect();
    keys.sort_unstable();
    sort_all(&mut lists);
    Ok(keys
        .into_iter()
        .filter_map(|((vendor, client, role), slot)| {
            // An endpoint whose rows report no time still yields a list (of nulls).
            let [d, r] = std::mem::take(&mut lists[slot]);
            (!d.is_empty() || !r.is_empty()).then(|| TimeGroup {
                vendor,
                client: client.to_string(),
                role,
                mttd: d.into_iter().filter_map(value).collect(),
                mttr: r.into_iter().filter_map(value).collect(),
            })
        })
        .collect())
}

/// A time as a sort key: 0 when missing (NaN), else above 0 in the order of the values
/// (times are checked to be finite and not negative, whose bit patterns sort like the
/// numbers; `-0.0` counts as `0.0`).
fn key(x: f64) -> u64 {
    if x.is_nan() {
        0
    } else {
        (x + 0.0).to_bits() + 1
    }
}

/// The time a sort key stands for.
fn value(k: u64) -> Option<f64> {
    (k != 0).then(|| f64::from_bits(k - 1))
}

/// Sorts every group's lists, the groups shared between two threads.
fn sort_all(groups: &mut [[Vec<u64>; 2]]) {
    let sort = |g: &mut [[Vec<u64>; 2]]| g.iter_mut().flatten().for_each(|l| l.sort_unstable());
    // Split at half the values, so both threads get about the same work.
    let total: usize = groups.iter().flatten().map(Vec::len).sum();
    let mut seen = 0;
    let mid = groups
        .iter()
        .position(|g| {
            seen += g[0].len() + g[1].len();
            seen * 2 >= total
        })
        .map_or(groups.len(), |i| i + 1);
    let (a, b) = groups.split_at_mut(mid);
    std::thread::scope(|s| {
        s.spawn(|| sort(a));
        sort(b);
    });
}

/// The rows of a list column of floats, nulls read as NaN.
struct Lists {
    offsets: Vec<usize>,
    valid: Vec<bool>,
    values: Float64Chunked,
}

impl Lists {
    fn new(c: &Column) -> PolarsResult<Self> {
        let ca = c.list()?.rechunk();
        let arr = ca.downcast_as_array();
        let values = ca
            .get_inner()
            .cast(&DataType::Float64)?
            .f64()?
            .fill_null_with_values(f64::NAN)?
            .rechunk()
            .into_owned();
        Ok(Lists {
            offsets: arr.offsets().iter().map(|o| *o as usize).collect(),
            // A null row (a group without rows) reads as empty.
            valid: match arr.validity() {
                Some(v) => v.iter().collect(),
                None => vec![true; arr.offsets().len_proxy()],
            },
            values,
        })
    }

    fn row(&self, i: usize) -> PolarsResult<&[f64]> {
        Ok(if self.valid[i] {
            &self.values.cont_slice()?[self.offsets[i]..self.offsets[i + 1]]
        } else {
            &[]
        })
    }

    fn len(&self) -> usize {
        self.offsets.len() - 1
    }
}
