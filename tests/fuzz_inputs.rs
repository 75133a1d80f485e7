//! Byte-level fuzzing of every reader a user's file reaches, driven by proptest: the
//! evidence files (through the real polars readers), the criteria file and the client
//! profile. Each run mutates seed files (the tiny fixture, the shipped criteria and
//! client files) with byte flips, inserted syntax, deleted, repeated and truncated runs,
//! and asserts that the reader returns a value or problems, never panics, and that every
//! problem names its file and a line inside it. The case count is bounded so the suite
//! stays fast (`PROPTEST_CASES` raises it for a longer run); failing cases proptest finds
//! are kept in `tests/fuzz_inputs.proptest-regressions` and replayed first on every run.
//! A separate property checks that any criterion id the criteria reader accepts names
//! files that stay inside the output folder.

mod common;

use std::path::Path;

use common::*;
use proptest::prelude::*;
use vendorscore::problem::{Location, Problem};

/// One edit of a file's bytes, at a position taken modulo the file's length.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Repeat(usize, usize),
    Truncate(usize),
}

/// Bytes that mean something to a CSV, TOML or UTF-8 reader.
fn syntax() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(vec![
            b"\"".to_vec(),
            b",".to_vec(),
            b"\n".to_vec(),
            b"\r".to_vec(),
            b"\r\n".to_vec(),
            b"=".to_vec(),
            b"[".to_vec(),
            b"]]".to_vec(),
            b"[[criterion]]\n".to_vec(),
            b"\xff".to_vec(),
            b"\xc3".to_vec(),
            b"\xef\xbb\xbf".to_vec(),
            b"\0".to_vec(),
            b"-1".to_vec(),
            b"1e308".to_vec(),
            b"NaN".to_vec(),
            b"4611686018427387904".to_vec(),
            b"../..".to_vec(),
            b"\x1b[31m".to_vec(),
            "\u{FFFE}".as_bytes().to_vec(),
        ]),
        prop::collection::vec(any::<u8>(), 1..8),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        4 => (any::<usize>(), syntax()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        2 => (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Repeat(i, n)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(seed: &[u8], edits: &[Mutation]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for m in edits {
        let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
        match m {
            Mutation::Flip(i, x) if !b.is_empty() => {
                let i = i % b.len();
                b[i] ^= x | 1;
            }
            Mutation::Flip(..) => {}
            Mutation::Insert(i, s) => {
                let i = at(*i, b.len());
                b.splice(i..i, s.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let i = at(*i, b.len());
                let end = (i + n).min(b.len());
                b.drain(i..end);
            }
            Mutation::Repeat(i, n) => {
                let i = at(*i, b.len());
                let end = (i + n).min(b.len());
                let copy = b[i..end].to_vec();
                b.splice(end..end, copy);
            }
            Mutation::Truncate(i) => b.truncate(at(*i, b.len())),
        }
    }
    b
}

/// Every problem names one of `files` (name, bytes as read) and, when it has a line, one
/// inside that file.
fn placed(problems: &[Problem], files: &[(&str, &[u8])]) -> Result<(), TestCaseError> {
    for p in problems {
        let file = files.iter().find(|(f, _)| p.file.ends_with(f));
        prop_assert!(file.is_some(), "problem in an unexpected file: {p}");
        let text = file.unwrap().1;
        let lines = text.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
        if let Location::Line { line, .. } = p.location {
            prop_assert!(line >= 1 && line <= lines, "line {line} of {lines}: {p}");
        }
        prop_assert!(!p.message.is_empty());
    }
    Ok(())
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// An evidence file, mutated, loads or is refused with problems in that file.
    #[test]
    fn evidence_files_never_panic(
        file in prop::sample::select(vec!["vendors.csv", "pilot_results.csv"]),
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let dir = scratch_copy("tiny");
        let bytes = mutate(&read(&format!("tests/fixtures/tiny/{file}")), &edits);
        std::fs::write(dir.path().join(file), &bytes).unwrap();
        let loaded = vendorscore::dataset::load(&vendorscore::dataset::Source::Dir(
            dir.path().to_path_buf(),
        ));
        if let Err(vendorscore::dataset::DatasetError::Invalid { problems }) = &loaded {
            let other = if file == "vendors.csv" { "pilot_results.csv" } else { "vendors.csv" };
            let other_bytes = read(&format!("tests/fixtures/tiny/{other}"));
            placed(problems, &[(file, &bytes), (other, &other_bytes)])?;
        }
    }

    /// The shipped evidence files of the other kinds, mutated the same way.
    #[test]
    fn other_evidence_files_never_panic(
        file in prop::sample::select(vec!["test_scores.csv", "pricing.csv", "rmm_checks.csv"]),
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/demo");
        for name in ["vendors.csv", file] {
            std::fs::copy(data.join(name), dir.path().join(name)).unwrap();
        }
        let bytes = mutate(&std::fs::read(data.join(file)).unwrap(), &edits);
        std::fs::write(dir.path().join(file), &bytes).unwrap();
        let loaded = vendorscore::dataset::load(&vendorscore::dataset::Source::Dir(
            dir.path().to_path_buf(),
        ));
        if let Err(vendorscore::dataset::DatasetError::Invalid { problems }) = &loaded {
            let vendors = std::fs::read(data.join("vendors.csv")).unwrap();
            placed(problems, &[(file, &bytes), ("vendors.csv", &vendors)])?;
        }
    }

    /// A criteria file, mutated, parses or is refused with problems placed in it.
    #[test]
    fn criteria_files_never_panic(
        seed in prop::sample::select(vec![
            "criteria/msp-default.toml",
            "criteria/ahp-example.toml",
            "tests/fixtures/criteria/tiny.toml",
        ]),
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let bytes = mutate(&read(seed), &edits);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Err(problems) = vendorscore::criteria::parse("c.toml", text) {
                placed(&problems, &[("c.toml", &bytes)])?;
            }
        }
    }

    /// A client profile, mutated, parses or is refused with problems placed in it.
    #[test]
    fn client_profiles_never_panic(
        seed in prop::sample::select(vec![
            "clients/dental-35.toml",
            "clients/federal-contractor.toml",
            "clients/msp-client-350.toml",
        ]),
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let bytes = mutate(&read(seed), &edits);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Err(problems) = vendorscore::client::parse("p.toml", text) {
                placed(&problems, &[("p.toml", &bytes)])?;
            }
        }
    }

    /// Any id the criteria reader accepts makes file names that stay inside the output
    /// folder: the sweep and forest charts are named after criterion ids.
    #[test]
    fn accepted_ids_name_files_inside_the_output_folder(
        id in prop_oneof![hostile(), "[A-Za-z0-9._/\\\\-]{1,70}"],
    ) {
        let text = String::from_utf8(read("tests/fixtures/criteria/tiny.toml"))
            .unwrap()
            .replace("id = \"cpu\"", &format!("id = {}", toml_string(&id)));
        if vendorscore::criteria::parse("c.toml", &text).is_ok() {
            for name in [format!("charts/sweep-{id}.svg"), format!("charts/forest-{id}.png")] {
                let path = Path::new(&name);
                prop_assert!(
                    path.components().count() == 2
                        && path.components().all(|c| matches!(c, std::path::Component::Normal(_))),
                    "accepted id {id:?} makes {name:?}"
                );
            }
        }
    }
}

/// 96 cases a property unless `PROPTEST_CASES` asks for more (a longer local run).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96)
}

/// `s` as a TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}
