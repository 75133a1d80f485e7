//! Building blocks shared by every part of the demo dataset: the seeded random streams, the
//! distributions drawn from, number formatting, and civil dates (proleptic Gregorian, no time
//! zone), so no date crate is needed.

use crate::dataset::Date;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution, LogNormal, Normal, Poisson};

/// Which part of the dataset a random stream feeds.
#[derive(Clone, Copy)]
pub(super) enum Section {
    Labs = 1,
    Pilot = 2,
    Pricing = 3,
    Rmm = 4,
    Inventory = 5,
}

/// Stream index used for draws shared by all vendors of a section.
pub(super) const SHARED: u64 = 0xFF;

/// The generator of one section and one vendor (or [`SHARED`]): independent streams keep a
/// vendor's rows the same whatever other vendors are generated.
pub(super) fn rng_for(seed: u64, section: Section, index: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(((section as u64) << 32) | index);
    rng
}

/// A Poisson count with mean `lambda` (0 when `lambda` is not a valid mean).
pub(super) fn poisson(rng: &mut ChaCha8Rng, lambda: f64) -> u64 {
    Poisson::new(lambda).map_or(0, |d| d.sample(rng) as u64)
}

/// Successes out of `n` trials of chance `p` (clamped to 0..=1).
pub(super) fn binomial(rng: &mut ChaCha8Rng, n: u64, p: f64) -> u64 {
    Binomial::new(n, p.clamp(0.0, 1.0)).map_or(0, |d| d.sample(rng))
}

/// A normal draw (the mean itself when `sd` is not valid).
pub(super) fn normal(rng: &mut ChaCha8Rng, mean: f64, sd: f64) -> f64 {
    Normal::new(mean, sd).map_or(mean, |d| d.sample(rng))
}

/// A log-normal draw given by its median, so `sigma` only sets the spread.
pub(super) fn lognormal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    LogNormal::new(median.ln(), sigma).map_or(median, |d| d.sample(rng))
}

/// One decimal place.
pub(super) fn f1(x: f64) -> String {
    format!("{x:.1}")
}

/// Two decimal places.
pub(super) fn f2(x: f64) -> String {
    format!("{x:.2}")
}

/// An optional cell: empty when not observed.
pub(super) fn opt(value: Option<String>) -> String {
    value.unwrap_or_default()
}

/// `(year, month, day)` moved by `days`, as `YYYY-MM-DD` (the calendar arithmetic of
/// [`Date`]).
fn moved(year: i64, month: i64, day: i64, days: i64) -> String {
    let d = Date {
        year: year as i32,
        month: month as u32,
        day: day as u32,
    };
    d.plus(days).to_string()
}

/// The date `offset` days after `(year, month, day)`.
pub(super) fn date_after(year: i64, month: i64, day: i64, offset: usize) -> String {
    moved(year, month, day, offset as i64)
}

/// The date `offset` days before `(year, month, day)`.
pub(super) fn date_before(year: i64, month: i64, day: i64, offset: u32) -> String {
    moved(year, month, day, -i64::from(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        assert_eq!(date_after(2024, 8, 5, 0), "2024-08-05");
        assert_eq!(date_after(2024, 8, 5, 27), "2024-09-01");
        assert_eq!(date_after(2024, 8, 5, 208), "2025-03-01");
        assert_eq!(date_after(2024, 2, 28, 1), "2024-02-29");
        assert_eq!(date_after(2023, 12, 31, 1), "2024-01-01");
        assert_eq!(date_after(1969, 12, 31, 1), "1970-01-01");
        assert_eq!(date_before(2024, 7, 1, 1), "2024-06-30");
        assert_eq!(date_before(2024, 3, 1, 1), "2024-02-29");
        assert_eq!(date_before(2024, 1, 1, 1), "2023-12-31");
    }
}
