//! Command-line types (clap derive); one Args struct per subcommand, no logic.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::decision::Method;

mod audit;
pub use audit::{DiffArgs, DiffFormat, VerifyArgs};

const EXAMPLES: &str = "\
Examples:
  vendorscore rank                                   rank the built-in demo data
  vendorscore rank --format md > ranking.md          the same as Markdown
  vendorscore rank --format xlsx --out scorecard.xlsx  a workbook whose formulas recompute the ranking
  vendorscore check --data demo                      validate a dataset, report every problem
  vendorscore list                                   the built-in datasets, criteria files and client profiles
  vendorscore rank --data avc-2021-enterprise --criteria lab-only
  vendorscore report --out out/                      write report.html, report.md, charts and tables
  vendorscore compare-methods                        does the winner depend on the method?
  vendorscore rank --method topsis                   rank with another method than the file's
  vendorscore cost --client dental-35 --explain      what each vendor costs that client, line by line
  vendorscore rank --client federal-contractor       rank for one client's fleet and constraints
  vendorscore rank --wide                            every column, however wide the table
  vendorscore plan --client msp-client-350           dated migration waves and the deadline check
  vendorscore diff demo demo --old-criteria lab-only  what changes when the criteria file does
  vendorscore demo-data --seed 7 --out my-demo       make a synthetic dataset to play with

Every example runs from any folder: the shipped datasets, criteria files and client
profiles are built in and found by name (a dataset folder or a file of that name here
comes first).

Exit codes: 0 success, 1 bad data or criteria, 2 bad usage.";

/// Rank endpoint-security vendors for an MSP's Kaspersky replacement: load pilot results,
/// lab scores, pricing and RMM/PSA checks, apply a weighted criteria file, and explain
/// the ranking.
#[derive(Debug, Parser)]
#[command(name = "vendorscore", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Show every column of every table, however wide; without it, tables fit the
    /// terminal (`COLUMNS` when set, else the terminal's width, else 100 columns)
    #[arg(long, global = true)]
    pub wide: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset and a criteria file; report every problem, exit 0 when clean
    Check(InputArgs),
    /// Rank the vendors and print the table (or CSV, JSON, Markdown)
    Rank(RankArgs),
    /// Write the full report into --out: report.html, report.md, charts and tables
    Report(ReportArgs),
    /// Rank with every method side by side: ranks, scores, a consensus and the agreement
    CompareMethods(CompareArgs),
    /// Is the winner robust? Weight sweeps, break-even weights and SMAA rank acceptability
    Sensitivity(SensitivityArgs),
    /// Pilot statistics: each metric with 95% intervals, pairwise tests, ties, go/no-go;
    /// `pilot plan` sizes a pilot
    Pilot(PilotArgs),
    /// Price each vendor for a fleet (a client's with --client): line items, TCO, value for money
    Cost(CostArgs),
    /// Plan the migration off Kaspersky from a device inventory: waves, dates, the deadline check
    Plan(MigrationPlanArgs),
    /// Write a client proposal (HTML, Markdown, PDF) with sell prices, options and the timeline
    Proposal(ProposalArgs),
    /// Write a synthetic, seeded demo dataset of fictional vendors (plus the incumbent)
    DemoData(DemoArgs),
    /// Is a report folder still what its inputs make? Reruns the command its manifest.json
    /// records and compares every input and output by SHA-256; exit 0 when identical
    Verify(VerifyArgs),
    /// What changed between two runs (report folders or dataset folders): inputs row by
    /// row, weights, gates, ranks, and which change moved which rank
    Diff(DiffArgs),
    /// List the built-in datasets, criteria files, client profiles and MSP profiles, by the
    /// names --data, --criteria, --client and --msp take
    List,
}

/// Where the evidence and the criteria come from.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Dataset folder, or a built-in dataset's name (`vendorscore list`) [default: datasets/demo, or the built-in demo data when that folder is absent]
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Criteria file (TOML), or a built-in one's name [default: criteria/msp-default.toml, or the built-in copy]
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    /// Client profile (TOML file, or a name: under clients/ or built in): prices that client's fleet,
    /// adds its constraints as gates and applies its weight overrides
    #[arg(long, value_name = "FILE|NAME")]
    pub client: Option<PathBuf>,
    /// Scoring method, instead of the criteria file's
    #[arg(long, value_enum)]
    pub method: Option<Method>,
    /// Seed of every random draw (redraws of the evidence, bootstraps); the same seed
    /// gives the same output
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

/// Output formats of `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Csv,
    Json,
    Md,
}

/// Output formats of `rank`: those of every command, and a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    Table,
    Csv,
    Json,
    Md,
    /// A scorecard workbook (.xlsx) whose formulas recompute the ranking; needs --out
    Xlsx,
}

/// `vendorscore rank`
#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = RankFormat::Table)]
    pub format: RankFormat,
    /// The file to write (with --format xlsx, which is not printed)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `vendorscore cost`
#[derive(Debug, Args)]
pub struct CostArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print every line item behind each vendor's price
    #[arg(long)]
    pub explain: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// Breakdowns of `pilot`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Breakdown {
    All,
    Role,
    Client,
}

/// `vendorscore pilot`
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PilotArgs {
    #[command(subcommand)]
    pub command: Option<PilotCommand>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Break the metrics down by endpoint role or by client
    #[arg(long, value_enum, default_value_t = Breakdown::All)]
    pub by: Breakdown,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// Subcommands of `pilot`.
#[derive(Debug, Subcommand)]
pub enum PilotCommand {
    /// How many samples (or endpoint-days) a pilot needs to detect a difference
    Plan(PlanArgs),
}

/// What `pilot plan` sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanMetric {
    /// A proportion: detection or phishing block rate (samples per vendor)
    Detection,
    /// Events per endpoint-day: false positives, breakages, tickets (endpoint-days per vendor)
    FalsePositives,
}

/// `vendorscore pilot plan`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  vendorscore pilot plan --baseline 0.99 --difference 0.005 --power 0.8\n  vendorscore pilot plan --metric false-positives --baseline 0.01 --difference 0.005"
)]
pub struct PlanArgs {
    /// What is compared
    #[arg(long, value_enum, default_value_t = PlanMetric::Detection)]
    pub metric: PlanMetric,
    /// The rate of the reference vendor (a proportion, or events per endpoint-day)
    #[arg(long)]
    pub baseline: f64,
    /// The difference worth detecting (added to the baseline)
    #[arg(long, allow_negative_numbers = true)]
    pub difference: f64,
    /// The chance of detecting a real difference of that size
    #[arg(long, default_value_t = 0.8)]
    pub power: f64,
    /// Two-sided significance level
    #[arg(long, default_value_t = 0.05)]
    pub alpha: f64,
    /// Malware samples per endpoint-day, to turn samples into endpoint-days [default: as observed in --data]
    #[arg(long)]
    pub samples_per_endpoint_day: Option<f64>,
    /// Dataset whose pilot gives the samples per endpoint-day
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// `vendorscore compare-methods`
#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// `vendorscore sensitivity`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  vendorscore sensitivity\n  vendorscore sensitivity --samples 1000000 --with-evidence --out out/sensitivity"
)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// SMAA iterations (weights drawn uniformly over all weightings)
    #[arg(long, default_value_t = 100_000)]
    pub samples: u64,
    /// Steps of each one-at-a-time weight sweep
    #[arg(long, default_value_t = 20)]
    pub steps: usize,
    /// Also redraw the evidence (pilot rates, counts, gauges, lab rates) in every iteration
    #[arg(long)]
    pub with_evidence: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Also write sensitivity.json and the tables as CSV into this folder
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `vendorscore report`
#[derive(Debug, Args)]
#[command(
    after_help = "Writes report.html (one self-contained page), report.md, scorecard.xlsx, ranking.csv|json|md, charts/*.svg|png and tables/*.csv|json|parquet.\n\nExamples:\n  vendorscore report\n  vendorscore report --data datasets/demo --client clients/dental-35.toml --out out/dental\n  vendorscore report --method topsis --samples 100000"
)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Folder for the report files (created when absent; existing files of the same name are replaced)
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// SMAA iterations behind the robustness verdict (weights and evidence redrawn; 0 skips it)
    #[arg(long, default_value_t = 20_000)]
    pub samples: u64,
}

/// `vendorscore proposal`
#[derive(Debug, Args)]
#[command(
    after_help = "Writes proposal.html (one self-contained page, printable on Letter and A4) and proposal.md; with --pdf also proposal.pdf, printed by a headless Chromium (`chromium`, `chromium-browser` or `google-chrome` on PATH). Sell prices come from the MSP profile (--msp; the built-in demo profile of a fictional company otherwise). docs/proposal.md has the msp.toml format, the rounding and the template values.\n\nExamples:\n  vendorscore proposal --client dental-35 --out out/proposal-dental\n  vendorscore proposal --client msp-client-350 --msp northwind-it --date 2024-07-01 --out out/proposal-mesa"
)]
pub struct ProposalArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The device inventory (CSV or Parquet) for the timeline [default: the client's inventory in the dataset, else the timeline follows later]
    #[arg(long, value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    /// MSP profile (msp.toml, or a built-in profile's name) with the company, markups and terms [default: the built-in demo profile]
    #[arg(long, value_name = "FILE|NAME")]
    pub msp: Option<PathBuf>,
    /// Folder of templates replacing the built-in proposal.html and/or proposal.md
    #[arg(long, value_name = "DIR")]
    pub template: Option<PathBuf>,
    /// The proposal's date, YYYY-MM-DD; the quote is valid from it [default: the plan's start in the client profile]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Also print proposal.pdf through a headless Chromium
    #[arg(long)]
    pub pdf: bool,
    /// Folder for the proposal files (created when absent)
    #[arg(long, value_name = "DIR", default_value = "out/proposal")]
    pub out: PathBuf,
}

/// `vendorscore demo-data`
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Random seed; the same seed gives byte-identical files
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Number of fictional vendors (1-12), besides the incumbent `kaspersky`
    #[arg(long, default_value_t = 5)]
    pub vendors: usize,
    /// Pilot endpoints per vendor
    #[arg(long, default_value_t = 20)]
    pub endpoints: usize,
    /// Pilot days (one row per endpoint per day)
    #[arg(long, default_value_t = 30)]
    pub days: usize,
    /// Folder to write the dataset into: new, empty, or an earlier demo dataset
    #[arg(long, value_name = "DIR", default_value = "out/demo-data")]
    pub out: PathBuf,
    /// Write into a folder that holds other files, replacing any of the same names
    #[arg(long)]
    pub force: bool,
}

/// `vendorscore plan`
#[derive(Debug, Args)]
#[command(
    after_help = "Without --inventory, the client's inventory is `inventory-<client>.csv` in the dataset folder (the built-in demo data has one for each shipped client). The plan's settings come from the client profile's `[plan]` table; the options below override them. docs/plan.md has the format, the rules and the arithmetic.\n\nExamples:\n  vendorscore plan --client msp-client-350\n  vendorscore plan --client dental-35 --technicians 2 --order blast-radius-first --format md\n  vendorscore plan --client federal-contractor --start 2024-08-01 --out out/plan"
)]
pub struct MigrationPlanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The device inventory (CSV or Parquet): the generic format, or an RMM export read through --mapping
    #[arg(long, value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    /// Column mapping of the export: a TOML file, or `ninjaone`, `datto-rmm`, `connectwise-automate` [default: the profile's `mapping`, else the generic format]
    #[arg(long, value_name = "FILE|NAME")]
    pub mapping: Option<PathBuf>,
    /// More Kaspersky product names to recognise (a TOML file like products/kaspersky.toml)
    #[arg(long, value_name = "FILE")]
    pub products: Option<PathBuf>,
    /// The replacement vendor (its id in the dataset), for the hours per device by its RMM deploy check [default: the ranking's winner]
    #[arg(long, value_name = "ID")]
    pub vendor: Option<String>,
    /// First day of the migration, YYYY-MM-DD [default: the profile's `start`, else today]
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Technicians working at once [default: the profile's, else 1]
    #[arg(long)]
    pub technicians: Option<u32>,
    /// Days of monitoring after each wave [default: the profile's, else 14]
    #[arg(long)]
    pub soak_days: Option<u32>,
    /// Order of the waves after the pilot [default: the profile's, else risk-first]
    #[arg(long, value_enum)]
    pub order: Option<crate::plan::Order>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Also write devices.csv (one row a device: wave, date, window, steps) and the Gantt
    /// chart (gantt.svg, gantt.png) into this folder
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A later export of the same devices (same format and mapping): report progress against the plan
    #[arg(long, value_name = "FILE", conflicts_with = "out")]
    pub progress: Option<PathBuf>,
    /// The date of the progress report, YYYY-MM-DD [default: the latest `last_seen` in the later export]
    #[arg(long, value_name = "DATE", requires = "progress")]
    pub as_of: Option<String>,
}
