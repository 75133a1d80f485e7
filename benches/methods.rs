//! Benchmarks of the decision methods on a seeded synthetic decision matrix.
//!
//! 100,000 alternatives x 20 criteria for every method except PROMETHEE II, which
//! compares every pair (O(m² n)) and runs at 2,000 x 20 (about 40 million preference
//! evaluations). Run with `cargo bench --bench methods`; the README quotes the figures.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use vendorscore::decision::{Direction, PreferenceFunction, DEFAULT_V};
use vendorscore::score::method::{TopsisNormalisation, WpmNormalisation};
use vendorscore::score::promethee::promethee_ii;
use vendorscore::score::topsis::topsis;
use vendorscore::score::vikor::vikor;
use vendorscore::score::weighted_sum;
use vendorscore::score::weights::objective::{critic, entropy};
use vendorscore::score::wpm::weighted_product;

const CRITERIA: usize = 20;

/// xorshift64*: a small seeded generator, so the matrix is the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `rows` x 20 values in [1, 1000), alternating benefit and cost criteria, and weights
/// 1..=20 normalised.
fn problem(rows: usize, seed: u64) -> (Vec<Vec<f64>>, Vec<Direction>, Vec<f64>) {
    let mut rng = XorShift(seed);
    let matrix = (0..rows)
        .map(|_| {
            (0..CRITERIA)
                .map(|_| 1.0 + 999.0 * rng.next_f64())
                .collect()
        })
        .collect();
    let directions = (0..CRITERIA)
        .map(|j| {
            if j % 2 == 0 {
                Direction::Max
            } else {
                Direction::Min
            }
        })
        .collect();
    let total = (CRITERIA * (CRITERIA + 1) / 2) as f64;
    let weights = (1..=CRITERIA).map(|w| w as f64 / total).collect();
    (matrix, directions, weights)
}

fn methods(c: &mut Criterion) {
    let (m, d, w) = problem(100_000, 0x5EED_2024);
    let wrapped: Vec<Vec<Option<f64>>> = m
        .iter()
        .map(|r| r.iter().map(|&x| Some(x)).collect())
        .collect();
    let mut g = c.benchmark_group("100k x 20");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("topsis (vector)", |b| {
        b.iter(|| topsis(black_box(&m), &d, &w, TopsisNormalisation::Vector).unwrap())
    });
    g.bench_function("topsis (min-max)", |b| {
        b.iter(|| topsis(black_box(&m), &d, &w, TopsisNormalisation::MinMax).unwrap())
    });
    g.bench_function("vikor", |b| {
        b.iter(|| vikor(black_box(&m), &d, &w, DEFAULT_V).unwrap())
    });
    g.bench_function("weighted product", |b| {
        b.iter(|| weighted_product(black_box(&m), &d, &w, WpmNormalisation::Max).unwrap())
    });
    g.bench_function("weighted sum", |b| {
        b.iter(|| weighted_sum(black_box(&wrapped), &d, &w))
    });
    g.bench_function("entropy weights", |b| {
        b.iter(|| entropy(black_box(&m)).unwrap())
    });
    g.bench_function("critic weights", |b| {
        b.iter(|| critic(black_box(&m), &d).unwrap())
    });
    g.finish();

    let (m, d, w) = problem(2_000, 0x5EED_2025);
    let f: Vec<PreferenceFunction> = (0..CRITERIA)
        .map(|j| match j % 3 {
            0 => PreferenceFunction::Usual,
            1 => PreferenceFunction::Linear { q: 10.0, p: 200.0 },
            _ => PreferenceFunction::Gaussian { s: 150.0 },
        })
        .collect();
    let mut g = c.benchmark_group("2k x 20");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("promethee ii", |b| {
        b.iter(|| promethee_ii(black_box(&m), &d, &w, &f).unwrap())
    });
    g.finish();
}

criterion_group!(benches, methods);
criterion_main!(benches);
