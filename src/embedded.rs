//! Every shipped dataset, criteria file, client profile, inventory column mapping,
//! product list, the migration plan's checklist, MSP profile and proposal template, built
//! into the binary so that
//! each is found by name from any folder (`--data avc-2021-enterprise`, `--criteria
//! lab-only`, `--client dental-35`) and `vendorscore report` works anywhere.
//!
//! A name resolves to a file or folder on disk first; only a name that is not on disk
//! resolves to the built-in copy. `tests/shipped.rs` checks that every file under
//! `datasets/`, `criteria/` and `clients/` is built in.

use std::path::{Path, PathBuf};

use crate::criteria::{self, Criteria, CriteriaError};
use crate::dataset::Source;

/// How built-in files are named in messages.
pub const DEMO_LABEL: &str = "<built-in>/datasets/demo";

/// A built-in dataset: its name, how its files are shown, its README and its files.
pub struct BuiltInDataset {
    pub name: &'static str,
    pub label: &'static str,
    pub readme: &'static str,
    pub files: &'static [(&'static str, &'static [u8])],
}

/// A built-in TOML file (a criteria file or a client profile): its name, how it is
/// shown, and its text.
pub struct BuiltInFile {
    pub name: &'static str,
    pub label: &'static str,
    pub text: &'static str,
}

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
    (
        "inventory-dental-35.csv",
        include_bytes!("../datasets/demo/inventory-dental-35.csv"),
    ),
    (
        "inventory-federal-contractor.csv",
        include_bytes!("../datasets/demo/inventory-federal-contractor.csv"),
    ),
    (
        "inventory-msp-client-350.csv",
        include_bytes!("../datasets/demo/inventory-msp-client-350.csv"),
    ),
];

/// Every shipped dataset.
pub static DATASETS: &[BuiltInDataset] = &[
    BuiltInDataset {
        name: "demo",
        label: DEMO_LABEL,
        readme: include_str!("../datasets/demo/README.md"),
        files: DEMO_FILES,
    },
    BuiltInDataset {
        name: "avc-2021-enterprise",
        label: "<built-in>/datasets/avc-2021-enterprise",
        readme: include_str!("../datasets/avc-2021-enterprise/README.md"),
        files: &[
            (
                "vendors.csv",
                include_bytes!("../datasets/avc-2021-enterprise/vendors.csv"),
            ),
            (
                "test_scores.csv",
                include_bytes!("../datasets/avc-2021-enterprise/test_scores.csv"),
            ),
        ],
    },
];

/// A built-in TOML file of `folder` named `name`.
macro_rules! built_in {
    ($folder:literal, $name:literal) => {
        BuiltInFile {
            name: $name,
            label: concat!("<built-in>/", $folder, "/", $name, ".toml"),
            text: include_str!(concat!("../", $folder, "/", $name, ".toml")),
        }
    };
}

/// Every shipped criteria file.
pub static CRITERIA: &[BuiltInFile] = &[
    built_in!("criteria", "msp-default"),
    built_in!("criteria", "lab-only"),
    built_in!("criteria", "budget-first"),
    built_in!("criteria", "federal-contractor"),
    built_in!("criteria", "ahp-example"),
];

/// Every shipped client profile.
pub static CLIENTS: &[BuiltInFile] = &[
    built_in!("clients", "dental-35"),
    built_in!("clients", "msp-client-350"),
    built_in!("clients", "federal-contractor"),
];

/// Every shipped MSP profile (`--msp`, docs/proposal.md); the first is the default.
pub static MSPS: &[BuiltInFile] = &[built_in!("msp", "northwind-it")];

/// The proposal's templates (`templates/`, overridable with `--template DIR`): file
/// name and text.
pub static TEMPLATES: &[(&str, &str)] = &[
    ("proposal.html", include_str!("../templates/proposal.html")),
    ("proposal.md", include_str!("../templates/proposal.md")),
];

/// Every shipped column mapping of an RMM's device export (`vendorscore plan --mapping`).
pub static MAPPINGS: &[BuiltInFile] = &[
    built_in!("mappings", "ninjaone"),
    built_in!("mappings", "datto-rmm"),
    built_in!("mappings", "connectwise-automate"),
];

/// The Kaspersky product names `vendorscore plan` looks for.
pub static PRODUCTS: BuiltInFile = built_in!("products", "kaspersky");

/// The migration plan's checklist: compensating controls and the fallback.
pub static CONTROLS: BuiltInFile = built_in!("controls", "migration");

/// The built-in entry `given` names, when `given` is not on disk as what it would be (a
/// folder for a dataset, a file otherwise: a folder `out/dental-35` does not hide the
/// profile `dental-35`): its last part is the name (with `ext` stripped), and any folder
/// before it is the shipped folder `folder` (`datasets/avc-2021-enterprise` or
/// `avc-2021-enterprise`).
fn by_name<'a, T>(
    given: &Path,
    folder: &str,
    ext: &str,
    all: &'a [T],
    name: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let on_disk = if ext.is_empty() {
        given.is_dir()
    } else {
        given.is_file()
    };
    if on_disk {
        return None;
    }
    let last = given.file_name()?.to_str()?;
    let stem = last.strip_suffix(ext).unwrap_or(last);
    let parent_ok = match given.parent() {
        None => true,
        Some(p) if p.as_os_str().is_empty() => true,
        Some(p) => p.file_name().is_some_and(|f| f == folder),
    };
    parent_ok
        .then(|| all.iter().find(|e| name(e) == stem))
        .flatten()
}

/// The built-in dataset `given` names, if it is not a folder on disk.
pub fn dataset(given: &Path) -> Option<&'static BuiltInDataset> {
    by_name(given, "datasets", "", DATASETS, |d| d.name)
}

/// The built-in criteria file `given` names, if it is not a file on disk.
pub fn criteria_file(given: &Path) -> Option<&'static BuiltInFile> {
    by_name(given, "criteria", ".toml", CRITERIA, |f| f.name)
}

/// The built-in client profile `given` names, if it is not a file on disk.
pub fn client_file(given: &Path) -> Option<&'static BuiltInFile> {
    by_name(given, "clients", ".toml", CLIENTS, |f| f.name)
}

/// The built-in MSP profile `given` names, if it is not a file on disk.
pub fn msp_file(given: &Path) -> Option<&'static BuiltInFile> {
    by_name(given, "msp", ".toml", MSPS, |f| f.name)
}

/// `criteria/msp-default.toml`.
pub const DEFAULT_CRITERIA: &str = include_str!("../criteria/msp-default.toml");

const DEFAULT_DATA_DIR: &str = "datasets/demo";
const DEFAULT_CRITERIA_FILE: &str = "criteria/msp-default.toml";

/// The dataset to load: the folder given (or the built-in dataset it names, when no such
/// folder exists), else `datasets/demo` when it exists here, else the built-in copy.
pub fn data_source(given: Option<&Path>) -> Source {
    match given {
        Some(p) => match dataset(p) {
            Some(d) => Source::Embedded {
                label: d.label,
                files: d.files,
            },
            None => Source::Dir(p.to_path_buf()),
        },
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
/// `criteria/msp-default.toml` when it exists here; `None` for a built-in copy.
pub fn criteria_path(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(p) if criteria_file(p).is_some() => None,
        Some(p) => Some(p.to_path_buf()),
        None => Some(PathBuf::from(DEFAULT_CRITERIA_FILE)).filter(|p| p.is_file()),
    }
}

/// The built-in criteria file a run reads when [`criteria_path`] is `None`: the one
/// `given` names, else the default; (how it is shown, its text).
pub fn built_in_criteria(given: Option<&Path>) -> (&'static str, &'static str) {
    given.and_then(criteria_file).map_or(
        ("<built-in>/criteria/msp-default.toml", DEFAULT_CRITERIA),
        |f| (f.label, f.text),
    )
}

/// The criteria: the file given (or the built-in file it names, when no such file
/// exists), else `criteria/msp-default.toml` when it exists here, else the built-in copy.
pub fn load_criteria(given: Option<&Path>) -> Result<Criteria, CriteriaError> {
    match criteria_path(given) {
        Some(p) => criteria::load(&p),
        None => {
            let (label, text) = built_in_criteria(given);
            criteria::parse(label, text).map_err(|problems| CriteriaError::Invalid { problems })
        }
    }
}
