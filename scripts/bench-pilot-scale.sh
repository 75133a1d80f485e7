#!/usr/bin/env bash
# Times loading a ~10.8-million-row pilot export from CSV and Parquet against polars
# reading the same files (ratios from one run), then the wall time and peak memory of
# `vendorscore check` and `vendorscore pilot` on each (GNU time). The dataset (~1.5 GB)
# goes to $PILOT_SCALE_DIR (default target/pilot-scale), generated once and reused.
#
# The binary comes from the test build (`cargo test --release --no-run`), not from
# `cargo build --release`: the two feature sets differ (dev-dependencies), and switching
# between them rebuilds polars for about ten minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PILOT_SCALE_DIR=${PILOT_SCALE_DIR:-target/pilot-scale}
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(lscpu | sed -n 's/^Model name: *//p')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo bench --bench pilot_scale
cargo test --release --no-run
for kind in csv parquet; do
  for cmd in check pilot; do
    /usr/bin/time -f "$cmd ($kind): %e s wall, %U s user, %S s system, %M KB peak" \
      target/release/vendorscore "$cmd" --data "$PILOT_SCALE_DIR/$kind" > /dev/null
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$PILOT_SCALE_DIR/csv/pilot_results.csv" "$PILOT_SCALE_DIR/parquet/pilot_results.parquet"
