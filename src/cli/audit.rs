//! The arguments of the commands that prove and compare runs: `verify` and `diff`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::decision::Method;

/// `vendorscore verify`
#[derive(Debug, Args)]
#[command(
    after_help = "Run it from the folder the report was made in, since the manifest keeps the inputs' paths as they were given:\n  vendorscore report --client dental-35 --out out\n  vendorscore verify out\n\nExit codes: 0 verified; 1 the report does not verify (each changed input and differing output named), or the rerun failed; 2 the folder holds no manifest.json."
)]
pub struct VerifyArgs {
    /// A folder `vendorscore report` wrote (it holds manifest.json)
    #[arg(value_name = "OUT")]
    pub dir: PathBuf,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Md,
    Json,
}

/// `vendorscore diff`
#[derive(Debug, Args)]
#[command(
    after_help = "OLD and NEW are each a folder `vendorscore report` wrote (its manifest.json gives the inputs, which must be unchanged since) or a dataset folder (or a built-in dataset's name), ranked with --criteria, --client, --method and --seed. docs/analysts.md has the keys rows are matched by and the order of the replay.\n\nExamples:\n  vendorscore diff demo demo --old-criteria lab-only                 what the default criteria change against lab-only\n  vendorscore diff demo demo --old-criteria lab-only --all --format md   everything, as Markdown\n\nWith your own data (one folder a round) or two report folders:\n  vendorscore diff data/2024-09 data/2024-10 --client dental-35\n  vendorscore diff out-july out-august\n\nExit codes: 0 compared (whether or not anything changed); 1 a run cannot be read or ranked, or a report's input changed since; 2 bad usage."
)]
pub struct DiffArgs {
    /// The earlier run: a report folder, a dataset folder or a built-in dataset's name
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later run, the same kinds
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Criteria file (or a built-in one's name) for dataset folders; the old run's too unless --old-criteria [default: criteria/msp-default.toml]
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    /// Criteria file of the old run, when it differs from the new run's
    #[arg(long, value_name = "FILE")]
    pub old_criteria: Option<PathBuf>,
    /// Client profile (a file, or a shipped profile's name) both dataset folders are ranked for
    #[arg(long, value_name = "FILE|NAME")]
    pub client: Option<PathBuf>,
    /// Rank both dataset folders with this method instead of the criteria file's
    #[arg(long, value_enum)]
    pub method: Option<Method>,
    /// Seed of the evidence redraws for dataset folders
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// SMAA iterations behind each dataset folder's robustness verdict (0 skips it; a report folder uses its own)
    #[arg(long, default_value_t = 20_000)]
    pub samples: u64,
    /// Show everything: unchanged files, weights and vendors, and the changes that moved no rank
    #[arg(long)]
    pub all: bool,
    /// Output format (JSON always holds everything)
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
}
