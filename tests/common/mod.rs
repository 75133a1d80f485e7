//! Helpers shared by the integration tests: the real binary, fixture paths, scratch copies.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use proptest::prelude::*;

pub mod browser;
pub mod libreoffice;
pub mod tiny;

/// The `vendorscore` binary, run from an empty scratch folder unless a test says otherwise.
/// `COLUMNS` is removed, so terminal tables take the default 100 columns whatever the
/// shell running the tests exports.
pub fn bin() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("vendorscore"));
    cmd.env_remove("COLUMNS");
    cmd
}

/// A path under tests/fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A path under the repository root.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A scratch copy of a fixture dataset, to break one file at a time.
pub fn scratch_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixture(name)).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

/// Runs `rank` on a dataset and criteria file; returns (exit code, stdout, stderr).
pub fn rank(data: &Path, criteria: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = bin()
        .arg("rank")
        .arg("--data")
        .arg(data)
        .arg("--criteria")
        .arg(criteria)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the binary with `args` from the folder `cwd`: (exit code, stdout, stderr); a
/// panic is a failure whatever the test expects.
pub fn run_in(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin().current_dir(cwd).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}

/// Writes a criteria file into a scratch folder and returns its path.
pub fn criteria_file(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("criteria.toml");
    std::fs::write(&p, text).unwrap();
    p
}

/// Every file of a folder with its bytes, sorted, to prove inputs are untouched.
pub fn snapshot_dir(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Text as hostile as a data file can make it: markup of every format, controls, line
/// ends, Unicode noncharacters and bidi overrides, among any other characters.
pub fn hostile() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '<',
        '>',
        '&',
        '"',
        '\'',
        '`',
        '*',
        '_',
        '[',
        ']',
        '|',
        '#',
        '!',
        '~',
        '\\',
        '-',
        '+',
        '=',
        '.',
        ')',
        '(',
        '1',
        '9',
        ' ',
        ' ',
        '\t',
        '\n',
        '\r',
        ';',
        ':',
        '/',
        '@',
        '\u{0}',
        '\u{1b}',
        '\u{7}',
        '\u{85}',
        '\u{a0}',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{FDD0}',
        '\u{202E}',
        '\u{1F600}',
    ]);
    prop::collection::vec(
        prop_oneof![3 => special, 1 => any::<char>(), 2 => prop::char::range('a', 'z')],
        0..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Unicode's noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
pub fn noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}
