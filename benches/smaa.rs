//! SMAA-2 benchmark: 12 vendors x 15 criteria, weighted sum, weights uniform on the simplex,
//! 1,000,000 iterations, without and with data uncertainty (5 rates drawn from Beta
//! posteriors, 3 counts per exposure from Gamma posteriors, 4 lab scores from a normal
//! around the mean with its standard error, 3 prices fixed). Plain `fn main`, no harness.
//!
//! `cargo bench --bench smaa` runs both cases at 1,000,000 iterations on all cores.
//! `cargo bench --bench smaa -- <samples> <fixed|data|both> [threads]` runs one case, e.g.
//! under `/usr/bin/time -v` to compare peak memory at 100,000 and 1,000,000 iterations.

use std::hint::black_box;
use std::time::Instant;

use rand_distr::{Beta, Distribution, Gamma, Normal};
use vendorscore::decision::Direction;
use vendorscore::decision::WeightSpec;
use vendorscore::sensitivity::smaa::{smaa, SmaaOptions, SmaaProblem, SmaaRng};
use vendorscore::sensitivity::WeightedSumScorer;

const VENDORS: usize = 12;
const CRITERIA: usize = 15;

/// xorshift64*: the synthetic problem is the same on every run.
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

/// One criterion's evidence for one vendor and how to draw it.
enum Evidence {
    Rate(Beta<f64>),
    PerExposure(Gamma<f64>),
    Score(Normal<f64>),
    Fixed(f64),
}

impl Evidence {
    fn draw(&self, rng: &mut SmaaRng) -> f64 {
        match self {
            Evidence::Rate(d) => d.sample(rng),
            Evidence::PerExposure(d) => d.sample(rng),
            Evidence::Score(d) => d.sample(rng),
            Evidence::Fixed(x) => *x,
        }
    }
}

fn problem() -> (Vec<Vec<f64>>, Vec<Direction>, Vec<Vec<Evidence>>) {
    let mut rng = XorShift(0x5EED_2024);
    let mut matrix = vec![vec![0.0; CRITERIA]; VENDORS];
    let mut evidence = Vec::with_capacity(VENDORS);
    for row in matrix.iter_mut() {
        let mut ev = Vec::with_capacity(CRITERIA);
        for (c, x) in row.iter_mut().enumerate() {
            let e = match c {
                0..=4 => {
                    // A rate: 200..1200 samples, 90..99.9% detected (Beta(x + 1, n - x + 1)).
                    let n = (200.0 + 1000.0 * rng.next_f64()).round();
                    let hits = (n * (0.90 + 0.099 * rng.next_f64())).round();
                    *x = hits / n;
                    Evidence::Rate(Beta::new(hits + 1.0, n - hits + 1.0).unwrap())
                }
                5..=7 => {
                    // Events per endpoint-day: 2..40 events over 500..5000 endpoint-days.
                    let k = (2.0 + 38.0 * rng.next_f64()).round();
                    let exposure = 500.0 + 4500.0 * rng.next_f64();
                    *x = k / exposure;
                    Evidence::PerExposure(Gamma::new(k + 0.5, 1.0 / exposure).unwrap())
                }
                8..=11 => {
                    let mean = 4.0 + 2.0 * rng.next_f64();
                    *x = mean;
                    Evidence::Score(Normal::new(mean, 0.1 + 0.2 * rng.next_f64()).unwrap())
                }
                _ => {
                    *x = 2.0 + 6.0 * rng.next_f64();
                    Evidence::Fixed(*x)
                }
            };
            ev.push(e);
        }
        evidence.push(ev);
    }
    let directions = (0..CRITERIA)
        .map(|c| {
            if (5..=7).contains(&c) || c >= 12 {
                Direction::Min
            } else {
                Direction::Max
            }
        })
        .collect();
    (matrix, directions, evidence)
}

fn run(samples: u64, with_data: bool, threads: usize) {
    let (matrix, directions, evidence) = problem();
    let scorer = WeightedSumScorer { directions };
    let weights = WeightSpec::uniform();
    let draw = |rng: &mut SmaaRng, m: &mut [Vec<f64>]| {
        for (row, ev) in m.iter_mut().zip(&evidence) {
            for (x, e) in row.iter_mut().zip(ev) {
                *x = e.draw(rng);
            }
        }
    };
    let problem = SmaaProblem {
        scorer: &scorer,
        matrix: &matrix,
        weights: &weights,
        data: if with_data { Some(&draw) } else { None },
    };
    let mut options = SmaaOptions::new(samples, 20_240_720);
    options.threads = threads;
    let start = Instant::now();
    let result = smaa(&problem, &options, &|_| {}).expect("smaa runs");
    let secs = start.elapsed().as_secs_f64();
    let best = (0..VENDORS)
        .max_by(|&a, &b| result.acceptability[a][0].total_cmp(&result.acceptability[b][0]))
        .unwrap();
    println!(
        "{} samples, {}, {} thread(s): {:.3} s ({:.0} ns/sample); vendor {best} first in {:.4} +/- {:.4}",
        samples,
        if with_data { "with data uncertainty (incl. confidence pass)" } else { "fixed data" },
        if threads == 0 { "all".to_string() } else { threads.to_string() },
        secs,
        secs * 1e9 / options.total_work(with_data) as f64,
        result.acceptability[best][0],
        result.acceptability_se[best][0],
    );
    black_box(result);
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let samples = args
        .first()
        .map_or(1_000_000, |s| s.parse().expect("samples"));
    let threads = args.get(2).map_or(0, |s| s.parse().expect("threads"));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("SMAA-2 benchmark: {VENDORS} vendors x {CRITERIA} criteria, weighted sum, {cores} core(s) available");
    match args.get(1).map(String::as_str).unwrap_or("both") {
        "fixed" => run(samples, false, threads),
        "data" => run(samples, true, threads),
        _ => {
            run(samples, false, threads);
            run(samples, true, threads);
        }
    }
}
