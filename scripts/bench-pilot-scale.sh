#!/usr/bin/env bash
# Times loading a ~10.8-million-row pilot export from CSV and Parquet against polars
# reading the same files (ratios from one run), then the peak memory of `vendorscore
# check` and `vendorscore pilot` on each (GNU time). Needs ~3 GB of disk under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PILOT_SCALE_DIR=${PILOT_SCALE_DIR:-target/pilot-scale}
cargo bench --bench pilot_scale
cargo build --release
for kind in csv parquet; do
  for cmd in check pilot; do
    /usr/bin/time -f "$cmd ($kind): %e s wall, %M KB peak" target/release/vendorscore "$cmd" --data "$PILOT_SCALE_DIR/$kind" > /dev/null
  done
done
ls -l "$PILOT_SCALE_DIR/csv/pilot_results.csv" "$PILOT_SCALE_DIR/parquet/pilot_results.parquet"
