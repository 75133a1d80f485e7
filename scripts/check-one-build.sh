#!/usr/bin/env bash
# Fails when `cargo build` and `cargo test` would resolve different features of a crate
# they share (a dev-dependency turning on a feature of, say, regex-automata), which
# makes cargo compile polars and everything above that crate twice.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$(rustc -vV | sed -n 's/^host: //p')
features() {
  # One line per crate: name, version and its resolved features.
  cargo tree --locked --target "$target" --prefix none -f '{p} {f}' "$@" \
    | sed 's/ (\*)$//; s/ (proc-macro)//' | sort -u
}
build=$(features -e normal,build)
test=$(features)
# Crates of the build whose features differ once the dev-dependencies are added.
differ=$(comm -23 <(echo "$build") <(echo "$test"))
if [ -n "$differ" ]; then
  echo "these crates get other features under cargo test than under cargo build:"
  echo "$differ"
  echo "hint: name the missing features in [dependencies] (see the note on regex-automata in Cargo.toml)"
  exit 1
fi
echo "one build: cargo build and cargo test resolve the same features"
