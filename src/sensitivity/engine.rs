//! The reproducible parallel Monte Carlo loop behind SMAA.
//!
//! `total` samples are split into chunks of [`CHUNK`] samples (the last one shorter). Chunk
//! `c` of pass `p` draws from its own generator, `ChaCha8Rng::seed_from_u64(seed)` switched to
//! stream `p · 2^48 + c`, so what a chunk computes depends only on (seed, pass, chunk). Chunks
//! run in rounds of [`ROUND`] chunks on `std::thread::scope` workers that take the next chunk
//! from an atomic counter; after each round the chunk accumulators are merged in chunk order.
//! Floating-point sums are therefore added in the same order whatever the number of threads,
//! and the result is byte-identical for 1, 2 or 64 threads. At most `ROUND` accumulators exist
//! at once, so memory does not grow with the sample count; fewer when they are large (a
//! vendors x ranks table each), so that a round's accumulators take at most about
//! [`ROUND_BYTES`] (but never fewer than one per worker). A round's size changes nothing in
//! the result: the accumulators are merged in chunk order either way.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::SensitivityError;

/// Samples per chunk.
pub(crate) const CHUNK: u64 = 4096;
/// Chunks per round (merged in order after each round).
pub(crate) const ROUND: usize = 64;
/// About the most memory a round's accumulators take, in bytes.
pub(crate) const ROUND_BYTES: usize = 128 << 20;
/// Chunks addressable per pass (streams `p · 2^48 + c`).
pub(crate) const MAX_CHUNKS: u64 = 1 << 48;

/// The work of one chunk: `(scratch, generator, samples, accumulator)`.
pub(crate) type ChunkWork<'a, S, A> =
    dyn Fn(&mut S, &mut ChaCha8Rng, u64, &mut A) -> Result<(), SensitivityError> + Sync + 'a;

/// Accumulated per chunk and merged in chunk order.
pub(crate) trait Accumulator: Send {
    fn merge(&mut self, other: &Self);

    /// The memory it holds, in bytes (about), to size the rounds.
    fn bytes(&self) -> usize {
        0
    }
}

/// Chunks per round: [`ROUND`], or fewer when accumulators of `bytes` each would take more
/// than [`ROUND_BYTES`], but at least one per worker.
pub(crate) fn round_size(bytes: usize, workers: usize) -> usize {
    (ROUND_BYTES / bytes.max(1)).clamp(workers.clamp(1, ROUND), ROUND)
}

/// The generator of chunk `chunk` of pass `pass`.
pub(crate) fn chunk_rng(seed: u64, pass: u64, chunk: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream((pass << 48) | chunk);
    rng
}

/// The worker count: `threads`, or the available parallelism when 0.
pub(crate) fn worker_count(threads: usize) -> usize {
    if threads > 0 {
        threads
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// Runs `total` samples of `pass` and returns the merged accumulator.
///
/// `scratch` makes a worker's reusable buffers; `work(scratch, rng, count, acc)` runs `count`
/// samples of one chunk into a fresh accumulator from `fresh`. `done` is the shared progress
/// counter; `progress` receives its value after every chunk (under a lock, so the values it
/// sees never decrease).
#[allow(clippy::too_many_arguments)]
pub(crate) fn run<A, S>(
    total: u64,
    seed: u64,
    pass: u64,
    threads: usize,
    done: &Mutex<u64>,
    progress: &(dyn Fn(u64) + Sync),
    fresh: &(dyn Fn() -> A + Sync),
    scratch: &(dyn Fn() -> S + Sync),
    work: &ChunkWork<S, A>,
) -> Result<A, SensitivityError>
where
    A: Accumulator,
{
    let chunks = total.div_ceil(CHUNK);
    let mut merged = fresh();
    let workers = worker_count(threads);
    let round = round_size(merged.bytes(), workers) as u64;
    let run_chunk = |s: &mut S, c: u64| -> Result<A, SensitivityError> {
        let count = CHUNK.min(total - c * CHUNK);
        let mut acc = fresh();
        work(s, &mut chunk_rng(seed, pass, c), count, &mut acc)?;
        let mut d = done.lock().unwrap_or_else(|e| e.into_inner());
        *d += count;
        progress(*d);
        Ok(acc)
    };
    let mut first = 0u64;
    while first < chunks {
        let in_round = (chunks - first).min(round) as usize;
        let slots: Vec<Mutex<Option<Result<A, SensitivityError>>>> =
            (0..in_round).map(|_| Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        let worker = || {
            let mut s = scratch();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= in_round {
                    break;
                }
                let r = run_chunk(&mut s, first + i as u64);
                let failed = r.is_err();
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                if failed {
                    // Stop this round early; the error is reported in chunk order below.
                    next.store(in_round, Ordering::Relaxed);
                }
            }
        };
        let spawn = workers.min(in_round);
        if spawn <= 1 {
            worker();
        } else {
            std::thread::scope(|scope| {
                for _ in 0..spawn {
                    scope.spawn(worker);
                }
            });
        }
        for slot in slots {
            match slot.into_inner().unwrap_or_else(|e| e.into_inner()) {
                Some(Ok(acc)) => merged.merge(&acc),
                Some(Err(e)) => return Err(e),
                // A chunk skipped after another failed; the failure comes first or later.
                None => continue,
            }
        }
        first += in_round as u64;
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    struct Sum(f64, u64);

    impl Accumulator for Sum {
        fn merge(&mut self, o: &Self) {
            self.0 += o.0;
            self.1 += o.1;
        }
    }

    /// Sums of uniform draws (order-sensitive in floating point) over 2 rounds and a short
    /// last chunk: the same bits for 1, 2, 3 and 8 threads; progress ends at the total.
    fn total(threads: usize, seed: u64) -> (u64, u64, u64) {
        let n = (ROUND as u64 + 5) * CHUNK + 77;
        let done = Mutex::new(0);
        let last = Mutex::new(0);
        let work = |_: &mut (), rng: &mut ChaCha8Rng, count: u64, acc: &mut Sum| {
            for _ in 0..count {
                acc.0 += rng.random::<f64>() * 1e3;
                acc.1 += 1;
            }
            Ok(())
        };
        let progress = |d: u64| *last.lock().unwrap() = d;
        let s = run(
            n,
            seed,
            0,
            threads,
            &done,
            &progress,
            &|| Sum(0.0, 0),
            &|| (),
            &work,
        )
        .unwrap();
        let seen = *last.lock().unwrap();
        (s.0.to_bits(), s.1, seen)
    }

    #[test]
    fn rounds_merge_in_chunk_order_whatever_the_threads() {
        let one = total(1, 3);
        assert_eq!(one.1, (ROUND as u64 + 5) * CHUNK + 77);
        assert_eq!(one.2, one.1);
        for threads in [2, 3, 8] {
            assert_eq!(one, total(threads, 3), "{threads} threads");
        }
        assert_ne!(one.0, total(2, 4).0);
    }

    #[test]
    fn large_accumulators_make_small_rounds() {
        assert_eq!(round_size(0, 2), ROUND);
        assert_eq!(round_size(1 << 20, 2), ROUND);
        // 2,000 vendors: a 2,000 x 2,000 table of f64 (32 MB) per chunk.
        assert_eq!(round_size(32 << 20, 2), 4);
        assert_eq!(round_size(1 << 30, 2), 2);
        assert_eq!(round_size(1 << 30, 1), 1);
        assert_eq!(round_size(1 << 30, 500), ROUND);
    }

    /// Big accumulators (small rounds) add up to the same bits as small ones.
    #[test]
    fn round_size_changes_nothing() {
        struct Big(Sum);
        impl Accumulator for Big {
            fn merge(&mut self, o: &Self) {
                self.0.merge(&o.0)
            }
            fn bytes(&self) -> usize {
                ROUND_BYTES / 3
            }
        }
        let n = 20 * CHUNK + 5;
        let work = |_: &mut (), rng: &mut ChaCha8Rng, count: u64, acc: &mut Sum| {
            for _ in 0..count {
                acc.0 += rng.random::<f64>() * 1e3;
                acc.1 += 1;
            }
            Ok(())
        };
        let big_work = |s: &mut (), rng: &mut ChaCha8Rng, count: u64, acc: &mut Big| {
            work(s, rng, count, &mut acc.0)
        };
        let done = Mutex::new(0);
        let small = run(n, 7, 0, 2, &done, &|_| {}, &|| Sum(0.0, 0), &|| (), &work).unwrap();
        let done = Mutex::new(0);
        let big = run(
            n,
            7,
            0,
            2,
            &done,
            &|_| {},
            &|| Big(Sum(0.0, 0)),
            &|| (),
            &big_work,
        )
        .unwrap();
        assert_eq!((small.0.to_bits(), small.1), (big.0 .0.to_bits(), big.0 .1));
    }

    #[test]
    fn a_failing_chunk_is_reported() {
        let done = Mutex::new(0);
        let work = |_: &mut (), _: &mut ChaCha8Rng, _: u64, _: &mut Sum| {
            Err(SensitivityError::ZeroSamples)
        };
        let r = run(
            10 * CHUNK,
            1,
            0,
            2,
            &done,
            &|_| {},
            &|| Sum(0.0, 0),
            &|| (),
            &work,
        );
        assert!(matches!(r, Err(SensitivityError::ZeroSamples)));
    }

    #[test]
    fn streams_differ_by_chunk_and_pass() {
        let a: u64 = chunk_rng(1, 0, 0).random();
        assert_eq!(a, chunk_rng(1, 0, 0).random::<u64>());
        assert_ne!(a, chunk_rng(1, 0, 1).random::<u64>());
        assert_ne!(a, chunk_rng(1, 1, 0).random::<u64>());
        assert_ne!(a, chunk_rng(2, 0, 0).random::<u64>());
    }
}
