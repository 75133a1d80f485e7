//! Benchmark (not a test): loading a large pilot export, against polars reading the same
//! file, from CSV and from Parquet. Run by scripts/bench-pilot-scale.sh, which also
//! measures peak memory; see the README for figures.
//!
//! The dataset (default: 20,000 endpoints x 90 days x 6 vendors, about 10.8 million rows)
//! is generated once into `target/pilot-scale/` (or `$PILOT_SCALE_DIR`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use polars::prelude::*;
use vendorscore::dataset::{load, Source};
use vendorscore::demo::{write_to_dir, DemoOptions};

fn main() {
    let root = std::env::var("PILOT_SCALE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("target/pilot-scale"));
    let endpoints = std::env::var("PILOT_SCALE_ENDPOINTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let csv_dir = root.join("csv");
    let parquet_dir = root.join("parquet");
    if !csv_dir.join("pilot_results.csv").is_file() {
        let t = Instant::now();
        write_to_dir(
            &DemoOptions {
                seed: 1,
                vendors: 5,
                endpoints,
                days: 90,
            },
            &csv_dir,
            true,
        )
        .expect("generate");
        println!(
            "generated {} in {:.1} s",
            csv_dir.display(),
            t.elapsed().as_secs_f64()
        );
    }
    if !parquet_dir.join("pilot_results.parquet").is_file() {
        to_parquet(&csv_dir, &parquet_dir);
    }
    let csv = csv_dir.join("pilot_results.csv");
    let size = std::fs::metadata(&csv).expect("csv").len();
    println!("pilot_results.csv: {:.2} GB", size as f64 / 1e9);
    let reference_csv = time(|| {
        let df = CsvReadOptions::default()
            .with_has_header(true)
            .try_into_reader_with_file_path(Some(csv.clone()))
            .unwrap()
            .finish()
            .unwrap();
        df.height()
    });
    let ours_csv = time(|| {
        load(&Source::Dir(csv_dir.clone()))
            .unwrap()
            .pilot
            .unwrap()
            .rows as usize
    });
    let pq = parquet_dir.join("pilot_results.parquet");
    let reference_pq = time(|| {
        ParquetReader::new(std::fs::File::open(&pq).unwrap())
            .finish()
            .unwrap()
            .height()
    });
    let ours_pq = time(|| {
        load(&Source::Dir(parquet_dir.clone()))
            .unwrap()
            .pilot
            .unwrap()
            .rows as usize
    });
    println!(
        "CSV:     polars read {reference_csv:.2} s, vendorscore load {ours_csv:.2} s, ratio {:.2}",
        ours_csv / reference_csv
    );
    println!(
        "Parquet: polars read {reference_pq:.2} s, vendorscore load {ours_pq:.2} s, ratio {:.2}",
        ours_pq / reference_pq
    );
}

/// Seconds for one run of `f` (one run: these are long, and the ratio is taken in the same process).
fn time(f: impl FnOnce() -> usize) -> f64 {
    let t = Instant::now();
    let rows = f();
    let s = t.elapsed().as_secs_f64();
    println!("  {rows} rows in {s:.2} s");
    s
}

fn to_parquet(csv_dir: &Path, parquet_dir: &Path) {
    std::fs::create_dir_all(parquet_dir).expect("mkdir");
    for entry in std::fs::read_dir(csv_dir).expect("read dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "pilot_results.csv" {
            let lf = LazyCsvReader::new(PlRefPath::try_from_path(&path).unwrap())
                .with_has_header(true)
                .finish()
                .unwrap();
            let mut df = lf.collect().unwrap();
            let mut f = std::fs::File::create(parquet_dir.join("pilot_results.parquet")).unwrap();
            ParquetWriter::new(&mut f).finish(&mut df).unwrap();
        } else if name.ends_with(".csv") {
            std::fs::copy(&path, parquet_dir.join(&name)).unwrap();
        }
    }
}
