//! The demo dataset and the default criteria file, built into the binary so that
//! `vendorscore rank` and `vendorscore report` work from any folder.

use std::path::{Path, PathBuf};

use crate::criteria::{self, Criteria, CriteriaError};
use crate::dataset::Source;

/// How built-in files are named in messages.
pub const DEMO_LABEL: &str = "<built-in>/datasets/demo";

/// The files of `datasets/demo`.
pub static DEMO_FILES: &[(&str, &[u8])] = &[
    (
        "vendors.csv",
        include_bytes!("../datasets/demo/vendors.csv"),
    ),
    (
        "test_scores.csv",
        include_bytes!("../datasets/demo/test_scores.csv"),
    ),
    (
        "pilot_results.csv",
        include_bytes!("../datasets/demo/pilot_results.csv"),
    ),
    (
        "pricing.csv",
        include_bytes!("../datasets/demo/pricing.csv"),
    ),
    (
        "rmm_checks.csv",
        include_bytes!("../datasets/demo/rmm_checks.csv"),
    ),
];

/// `criteria/msp-default.toml`.
pub const DEFAULT_CRITERIA: &str = include_str!("../criteria/msp-default.toml");

const DEFAULT_DATA_DIR: &str = "datasets/demo";
const DEFAULT_CRITERIA_FILE: &str = "criteria/msp-default.toml";

/// The dataset to load: the folder given, else `datasets/demo` when it exists here,
/// else the built-in copy.
pub fn data_source(given: Option<&Path>) -> Source {
    match given {
        Some(p) => Source::Dir(p.to_path_buf()),
        None if Path::new(DEFAULT_DATA_DIR).is_dir() => {
            Source::Dir(PathBuf::from(DEFAULT_DATA_DIR))
        }
        None => Source::Embedded {
            label: DEMO_LABEL,
            files: DEMO_FILES,
        },
    }
}

/// The criteria file on disk a run reads: the file given, else
/// `criteria/msp-default.toml` when it exists here; `None` for the built-in copy.
pub fn criteria_path(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(p) => Some(p.to_path_buf()),
        None => Some(PathBuf::from(DEFAULT_CRITERIA_FILE)).filter(|p| p.is_file()),
    }
}

/// The criteria: the file given, else `criteria/msp-default.toml` when it exists here,
/// else the built-in copy.
pub fn load_criteria(given: Option<&Path>) -> Result<Criteria, CriteriaError> {
    match criteria_path(given) {
        Some(p) => criteria::load(&p),
        None => criteria::parse("<built-in>/criteria/msp-default.toml", DEFAULT_CRITERIA)
            .map_err(|problems| CriteriaError::Invalid { problems }),
    }
}
