//! The incident times (MTTD, MTTR) of the pilot, per (vendor, client, role).
//!
//! The fast path's row checks walk every batch of rows that polars reads, and hand each
//! batch's vendor, client, role and times to a [`TimeSink`], which files the times under
//! their group. Collecting them as per-endpoint lists inside the aggregation and
//! regrouping afterwards cost more time and memory. The sink counts the rows it saw, and
//! the caller checks that count against the rows aggregated, so a batch seen twice or not
//! at all cannot go unnoticed.
//!
//! The values are kept as they are, not counted by value: a daily export has nearly as
//! many distinct times as incidents, so counting them (a hash over float keys) cost more
//! than it saved. Each group's values are sorted, so the result does not depend on the
//! order in which polars handed the rows over, and later steps (medians, order-statistic
//! intervals, rank tests) find them in order.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use polars::prelude::*;

use crate::dataset::types::Role;
use crate::dataset::vendors::VendorIndex;

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

/// A group as the file spells it: vendor, client, role (untrimmed).
type RawKey = (String, String, Option<String>);

/// The sort keys of a group's MTTD values, then of its MTTR values.
type Lists = [Vec<u64>; 2];

/// Receives batches of pilot rows and files their incident times by group.
#[derive(Default)]
pub struct TimeSink {
    groups: Mutex<HashMap<RawKey, Lists>>,
    rows: AtomicU64,
}

impl TimeSink {
    /// The key columns a batch brings, in this order.
    pub const KEYS: [&'static str; 3] = ["vendor", "client", "role"];

    /// Files the times of one batch: its [`Self::KEYS`] columns and its MTTD and MTTR
    /// (as `Float64`; missing times are skipped).
    pub fn take(&self, keys: &[Column], times: [&Column; 2]) -> PolarsResult<()> {
        let text =
            |c: &Column| -> PolarsResult<StringChunked> { Ok(c.str()?.rechunk().into_owned()) };
        let keys = [text(&keys[0])?, text(&keys[1])?, text(&keys[2])?];
        let keys = keys.each_ref().map(Text::new);
        let number =
            |c: &Column| -> PolarsResult<Float64Chunked> { Ok(c.f64()?.rechunk().into_owned()) };
        let times = [number(times[0])?, number(times[1])?];
        let height = times[0].len();
        let times = times.each_ref().map(|c| c.downcast_as_array());
        // Rows of one group mostly come together: look a group up only when it changes.
        let mut local: Vec<([Option<&str>; 3], Lists)> = Vec::new();
        let mut run: Option<(usize, usize)> = None;
        for i in 0..height {
            let [d, r] = times.map(|a| a.get(i));
            if d.is_none() && r.is_none() {
                continue;
            }
            let slot = match run {
                Some((first, slot)) if keys.iter().all(|k| k.same(first, i)) => slot,
                _ => {
                    let key = keys.each_ref().map(|k| k.values.get(i));
                    let slot = local
                        .iter()
                        .position(|(k, _)| *k == key)
                        .unwrap_or_else(|| {
                            local.push((key, Lists::default()));
                            local.len() - 1
                        });
                    run = Some((i, slot));
                    slot
                }
            };
            for (list, x) in local[slot].1.iter_mut().zip([d, r]) {
                list.extend(x.map(sort_key));
            }
        }
        let mut groups = self
            .groups
            .lock()
            .map_err(|_| polars_err!(ComputeError: "the incident times were left half-filed"))?;
        for ([v, c, r], [d, t]) in local {
            let key = (
                v.unwrap_or_default().to_string(),
                c.unwrap_or_default().to_string(),
                r.map(str::to_string),
            );
            let slot = groups.entry(key).or_default();
            slot[0].extend(d);
            slot[1].extend(t);
        }
        self.rows.fetch_add(height as u64, Ordering::Relaxed);
        Ok(())
    }

    /// The groups, in (vendor, client, role) order, each list sorted; keys are read as
    /// the cell checks read them (trimmed). `rows` is how many rows the aggregation
    /// counted: the sink must have seen each of them once.
    pub fn finish(&self, index: &VendorIndex, rows: u64) -> Result<Vec<TimeGroup>, String> {
        let seen = self.rows.load(Ordering::Relaxed);
        if seen != rows {
            return Err(format!(
                "the incident times came from {seen} rows, the aggregation from {rows}"
            ));
        }
        let mut merged: BTreeMap<(usize, String, Option<Role>), Lists> = BTreeMap::new();
        let mut groups = self
            .groups
            .lock()
            .map_err(|_| "the incident times were left half-filed".to_string())?;
        let groups = std::mem::take(&mut *groups);
        for ((v, c, r), [d, t]) in groups {
            let vendor = *index
                .get(v.trim())
                .ok_or_else(|| format!("unknown vendor `{}`", v.trim()))?;
            let role = r.as_deref().map(str::trim).and_then(Role::from_name);
            let slot = merged
                .entry((vendor, c.trim().to_string(), role))
                .or_default();
            slot[0].extend(d);
            slot[1].extend(t);
        }
        let (keys, mut lists): (Vec<_>, Vec<Lists>) = merged.into_iter().unzip();
        sort_on_two_threads(lists.iter_mut().flatten().collect(), |l| l.sort_unstable());
        Ok(keys
            .into_iter()
            .zip(lists)
            .map(|((vendor, client, role), [d, r])| TimeGroup {
                vendor,
                client,
                role,
                mttd: d.into_iter().map(f64::from_bits).collect(),
                mttr: r.into_iter().map(f64::from_bits).collect(),
            })
            .collect())
    }
}

/// A batch's text column, in one chunk.
struct Text<'a> {
    values: &'a <StringType as PolarsDataType>::Array,
    /// The same chunk as an arrow array, for its validity; `None` when no value is missing.
    nullable: Option<&'a ArrayRef>,
}

impl<'a> Text<'a> {
    fn new(c: &'a StringChunked) -> Self {
        Text {
            values: c.downcast_as_array(),
            nullable: (c.null_count() > 0).then(|| &c.chunks()[0]),
        }
    }

    /// Whether rows `i` and `j` hold the same value: equal views are the same text (the
    /// common case for rows of one group), else the texts are compared.
    fn same(&self, i: usize, j: usize) -> bool {
        if let Some(a) = self.nullable {
            if !a.is_valid(i) || !a.is_valid(j) {
                return a.is_valid(i) == a.is_valid(j);
            }
        }
        let (x, y) = (self.values.views()[i], self.values.views()[j]);
        x == y
            || (x.length == y.length
                && x.prefix == y.prefix
                && self.values.value(i) == self.values.value(j))
    }
}

/// A time as a sort key: times are checked to be finite and not negative, whose bit
/// patterns sort like the numbers (`-0.0` counts as `0.0`).
fn sort_key(x: f64) -> u64 {
    (x + 0.0).to_bits()
}

/// Sorts lists with `sort` on two threads, each given about half the values (the
/// longest lists first, each to the thread with less so far).
pub fn sort_on_two_threads<T: Send>(
    mut lists: Vec<&mut Vec<T>>,
    sort: impl Fn(&mut Vec<T>) + Sync,
) {
    lists.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let (mut size_a, mut size_b) = (0, 0);
    for l in lists {
        if size_a <= size_b {
            size_a += l.len();
            a.push(l);
        } else {
            size_b += l.len();
            b.push(l);
        }
    }
    let sort_all = |lists: Vec<&mut Vec<T>>| lists.into_iter().for_each(&sort);
    std::thread::scope(|s| {
        s.spawn(|| sort_all(a));
        sort_all(b);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str, v: &[Option<&str>]) -> Column {
        Column::new(name.into(), v)
    }

    fn times(name: &str, v: &[Option<f64>]) -> Column {
        Column::new(name.into(), v)
    }

    /// Groups that alternate, equal long texts stored apart (views that differ), missing
    /// roles beside given ones, and rows without a time.
    #[test]
    fn files_times_by_group_in_any_order() {
        let client = "a-client-name-longer-than-twelve-bytes";
        let keys = [
            text(
                "vendor",
                &[Some("a"), Some("a"), Some("b"), Some("a"), Some("a")],
            ),
            text("client", &[Some(client); 5]),
            text(
                "role",
                &[Some("server"), None, Some("server"), Some("server"), None],
            ),
        ];
        let mttd = times("mttd", &[Some(3.0), Some(1.0), Some(9.0), Some(2.0), None]);
        let mttr = times("mttr", &[None, Some(5.0), None, Some(-0.0), None]);
        let sink = TimeSink::default();
        sink.take(&keys, [&mttd, &mttr]).unwrap();
        sink.take(&keys[..], [&mttd, &mttr]).unwrap();
        let index: VendorIndex = [("a".to_string(), 0), ("b".to_string(), 1)].into();
        let got: Vec<_> = sink
            .finish(&index, 10)
            .unwrap()
            .into_iter()
            .map(|g| (g.vendor, g.role, g.mttd, g.mttr))
            .collect();
        let server = Some(Role::Server);
        assert_eq!(
            got,
            vec![
                (0, None, vec![1.0, 1.0], vec![5.0, 5.0]),
                (0, server, vec![2.0, 2.0, 3.0, 3.0], vec![0.0, 0.0]),
                (1, server, vec![9.0, 9.0], vec![]),
            ]
        );
    }

    /// Texts of one length and prefix differ in their tail; a missing value equals only
    /// a missing value.
    #[test]
    fn same_compares_whole_texts_and_missing_values() {
        let long = "a-client-name-longer-than-twelve-bytes";
        let other = "a-client-name-longer-than-twelve-bytez";
        let c = StringChunked::from_iter([Some(long), Some(long), Some(other), None, None]);
        let t = Text::new(&c);
        assert!(t.same(0, 1) && t.same(3, 4));
        assert!(!t.same(1, 2) && !t.same(2, 3) && !t.same(0, 4));
    }

    /// A batch seen twice, or a vendor the dataset does not know, is an error.
    #[test]
    fn rows_must_match_the_aggregation() {
        let keys = [
            text("vendor", &[Some("a")]),
            text("client", &[Some("c")]),
            text("role", &[None]),
        ];
        let t = times("t", &[Some(1.0)]);
        let sink = TimeSink::default();
        sink.take(&keys, [&t, &t]).unwrap();
        sink.take(&keys, [&t, &t]).unwrap();
        let index: VendorIndex = [("a".to_string(), 0)].into();
        let err = sink.finish(&index, 1).unwrap_err();
        assert!(err.contains("2 rows") && err.contains("from 1"), "{err}");
        let sink = TimeSink::default();
        sink.take(&keys, [&t, &t]).unwrap();
        let err = sink.finish(&VendorIndex::new(), 1).unwrap_err();
        assert_eq!(err, "unknown vendor `a`");
    }
}
