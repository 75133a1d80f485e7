//! `manifest.json`: what a report was made from and what it wrote, so that a run can be
//! proven and repeated. The tool's version, the command line, the seed, each input file
//! (the path as given, its size, SHA-256 and rows), the effective weights, and each output
//! file's size and SHA-256.
//!
//! The date and time of the run live here only: every other output stays byte-identical
//! for the same inputs and seed. The inputs' fingerprint (the first 12 hex digits of a
//! SHA-256 over the inputs' names and hashes) is the same for the same inputs, wherever
//! and whenever they run; the report's footer shows it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::dataset::Date;

/// The manifest's file name in the output folder.
pub const FILE: &str = "manifest.json";

/// An input file of the run.
pub struct Input<'a> {
    /// `dataset`, `criteria` or `client`.
    pub role: &'static str,
    /// The path as given, or the built-in name (`<built-in>/datasets/demo/vendors.csv`).
    pub path: String,
    pub bytes: &'a [u8],
    /// Data rows, when the file is a table.
    pub rows: Option<u64>,
}

/// The manifest of one run.
#[derive(Serialize)]
pub struct Manifest {
    pub tool: &'static str,
    pub version: &'static str,
    /// When the run wrote its files, UTC, ISO 8601 to the second.
    pub created: String,
    /// The arguments after the program name.
    pub command: Vec<String>,
    pub seed: u64,
    /// SHA-256 over the inputs' roles, file names and hashes, first 12 hex digits.
    pub fingerprint: String,
    pub inputs: Vec<InputEntry>,
    /// Effective weight of each criterion, by id, in criteria order.
    pub weights: Vec<Weight>,
    pub outputs: Vec<OutputEntry>,
}

#[derive(Serialize)]
pub struct InputEntry {
    pub role: &'static str,
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
}

#[derive(Serialize)]
pub struct Weight {
    pub criterion: String,
    pub weight: f64,
}

#[derive(Serialize)]
pub struct OutputEntry {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// A manifest read back (by `verify`, and by a rerun into the same folder): the parts
/// that are compared; other fields are ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct Recorded {
    #[serde(default)]
    pub command: Vec<String>,
    #[serde(default)]
    pub fingerprint: String,
    #[serde(default)]
    pub inputs: Vec<RecordedInput>,
    pub outputs: Vec<RecordedOutput>,
}

/// An input file as a manifest lists it.
#[derive(Debug, Clone, Deserialize)]
pub struct RecordedInput {
    pub role: String,
    pub path: String,
    pub sha256: String,
}

/// An output file as a manifest lists it.
#[derive(Debug, Clone, Deserialize)]
pub struct RecordedOutput {
    pub path: String,
    pub sha256: String,
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The inputs' fingerprint: 12 hex digits that change when any input's role, file name
/// or content changes. The folder a file was read from does not count, so the same
/// files give the same fingerprint on every machine.
pub fn fingerprint(inputs: &[Input]) -> String {
    let mut all = Sha256::new();
    for i in inputs {
        let name = i.path.rsplit(['/', '\\']).next().unwrap_or(&i.path);
        all.update(format!("{}\t{}\t{}\n", i.role, name, sha256(i.bytes)));
    }
    all.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Manifest {
    /// The manifest of a run that read `inputs` and writes `outputs` (name, bytes),
    /// created at `unix_seconds`.
    pub fn new(
        command: Vec<String>,
        seed: u64,
        inputs: &[Input],
        weights: Vec<Weight>,
        outputs: &[(String, Vec<u8>)],
        unix_seconds: u64,
    ) -> Self {
        Manifest {
            tool: "vendorscore",
            version: env!("CARGO_PKG_VERSION"),
            created: iso_utc(unix_seconds),
            command,
            seed,
            fingerprint: fingerprint(inputs),
            inputs: inputs
                .iter()
                .map(|i| InputEntry {
                    role: i.role,
                    path: i.path.clone(),
                    bytes: i.bytes.len() as u64,
                    sha256: sha256(i.bytes),
                    rows: i.rows,
                })
                .collect(),
            weights,
            outputs: outputs
                .iter()
                .map(|(name, bytes)| OutputEntry {
                    path: name.clone(),
                    bytes: bytes.len() as u64,
                    sha256: sha256(bytes),
                })
                .collect(),
        }
    }

    /// The manifest as pretty JSON with a final newline.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("a manifest serialises");
        out.push(b'\n');
        out
    }
}

/// Seconds since 1970-01-01 UTC as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso_utc(unix_seconds: u64) -> String {
    let day = Date::from_days((unix_seconds / 86_400) as i64);
    let secs = unix_seconds % 86_400;
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_published_test_vectors() {
        // FIPS 180-2, appendix B.1 and the empty message.
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn dates_are_utc_civil_dates() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        // `date -u -d @951782400` and @1727568000 (a leap day; the 2024 update cut-off).
        assert_eq!(iso_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_utc(1_727_568_000 + 3_661), "2024-09-29T01:01:01Z");
        assert_eq!(iso_utc(4_102_444_799), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn the_fingerprint_follows_content_name_and_role_not_the_folder() {
        let a = Input {
            role: "dataset",
            path: "d/vendors.csv".into(),
            bytes: b"id\n",
            rows: Some(0),
        };
        let base = fingerprint(std::slice::from_ref(&a));
        assert_eq!(base.len(), 12);
        assert_eq!(base, fingerprint(std::slice::from_ref(&a)));
        let changed = [
            Input {
                bytes: b"id\nx\n",
                ..a
            },
            Input {
                path: "d/pricing.csv".into(),
                bytes: b"id\n",
                role: "dataset",
                rows: None,
            },
            Input {
                role: "criteria",
                path: "d/vendors.csv".into(),
                bytes: b"id\n",
                rows: None,
            },
        ];
        for c in changed {
            assert_ne!(base, fingerprint(&[c]));
        }
        for moved in ["e/vendors.csv", "vendors.csv", "C:\\data\\vendors.csv"] {
            let m = Input {
                path: moved.into(),
                bytes: b"id\n",
                role: "dataset",
                rows: None,
            };
            assert_eq!(base, fingerprint(&[m]), "{moved}");
        }
    }
}
