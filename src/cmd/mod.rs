//! One function per subcommand: glue between the CLI, the library and stdout.
//!
//! Each returns the text for stdout; `main` prints it and maps errors to exit codes.

mod check;
mod client_plan;
mod compare;
mod cost;
mod demo_data;
mod diff;
mod list;
mod manifest;
mod pilot;
mod plan;
mod plan_progress;
mod proposal;
mod rank;
mod report;
mod sensitivity;
mod verify;

use crate::cli::{Cli, Command, InputArgs, OutputFormat};
use crate::client::{self, Profile};
use crate::cost::PricingContext;
use crate::criteria::Criteria;
use crate::dataset::{self, Dataset};
use crate::embedded;
use crate::problem::Problem;
use crate::rank::Ranking;
use crate::report::export::terminal::{wrap_prose, Width};
use crate::report::Render;
use crate::Error;

/// What a command produced: text for stdout, notes for stderr.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Error> {
    let width = output_width(cli.wide);
    match cli.command {
        Command::Check(a) => check::run(&a, width),
        Command::Rank(a) => rank::run(&a, width),
        Command::Report(a) => report::run(&a, width),
        Command::Cost(a) => cost::run(&a, width),
        Command::Pilot(a) => pilot::run(&a, width),
        Command::CompareMethods(a) => compare::run(&a, width),
        Command::Sensitivity(a) => sensitivity::run(&a, width),
        Command::Plan(a) => plan::run(&a, width),
        Command::Proposal(a) => proposal::run(&a),
        Command::DemoData(a) => demo_data::run(&a),
        Command::Verify(a) => verify::run(&a, width),
        Command::Diff(a) => diff::run(&a, width),
        Command::List => list::run(),
    }
}

/// The columns a table may take when nothing else says: output to a file or a pipe,
/// with no `COLUMNS`.
const DEFAULT_WIDTH: usize = 100;

/// How wide the terminal output of this run may be (docs/output.md): every column with
/// `--wide`; else `COLUMNS` when it holds a positive number; else the terminal's width
/// when stdout is a terminal; else [`DEFAULT_WIDTH`]. Tests and scripts get the same
/// output whatever terminal they run in.
fn output_width(wide: bool) -> Width {
    if wide {
        return Width::Unlimited;
    }
    let columns = std::env::var("COLUMNS").ok();
    let from_env = columns.and_then(|c| c.trim().parse::<usize>().ok().filter(|&n| n > 0));
    // comfy-table asks the terminal for its size only when stdout is one.
    let terminal = || comfy_table::Table::new().width().map(usize::from);
    Width::Columns(from_env.or_else(terminal).unwrap_or(DEFAULT_WIDTH))
}

/// A result in the `--format` asked for: the one place a format meets its exporter. The
/// terminal view is fitted to `width`, its prose wrapped.
fn render(result: &dyn Render, format: OutputFormat, width: Width) -> Vec<u8> {
    match format {
        OutputFormat::Table => wrap_prose(&result.terminal(width), width).into_bytes(),
        OutputFormat::Md => result.markdown().into_bytes(),
        OutputFormat::Csv => result.csv(),
        OutputFormat::Json => result.json(),
    }
}

/// Everything a command ranks with.
struct Inputs {
    dataset: Dataset,
    criteria: Criteria,
    pricing: PricingContext,
    client: Option<Profile>,
    seed: u64,
}

/// The files on disk a run reads: every file of the data folder, the criteria file and
/// the client profile, found as loading finds them (built-in copies are not files).
/// Outputs are checked against them ([`crate::output::refuse_inputs`]).
fn input_files(input: &InputArgs) -> Vec<std::path::PathBuf> {
    let mut out: Vec<std::path::PathBuf> = match embedded::data_source(input.data.as_deref()) {
        dataset::Source::Dir(dir) => std::fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default(),
        dataset::Source::Embedded { .. } => Vec::new(),
    };
    out.extend(embedded::criteria_path(input.criteria.as_deref()));
    out.extend(input.client.as_deref().and_then(client::find));
    out
}

/// Loads the dataset, the criteria and the client profile, reporting the problems of
/// all three at once, and applies the profile to the criteria.
fn load_inputs(input: &InputArgs) -> Result<Inputs, Error> {
    let ds = dataset::load(&embedded::data_source(input.data.as_deref()));
    let cr = embedded::load_criteria(input.criteria.as_deref());
    let profile = input.client.as_deref().map(client::load).transpose();
    let mut problems = Vec::new();
    let mut first_error = None;
    let ds = keep(ds, &mut problems, &mut first_error);
    let cr = keep(cr, &mut problems, &mut first_error);
    let profile = keep(profile, &mut problems, &mut first_error);
    if let Some(e) = first_error {
        return Err(e);
    }
    let (Some(dataset), Some(mut criteria), Some(client)) = (ds, cr, profile) else {
        return Err(dataset::DatasetError::Invalid { problems }.into());
    };
    if let Some(m) = input.method {
        // Keep the file's VIKOR v when it already uses VIKOR.
        if m.name() != criteria.method.name() {
            criteria.file_method = Some(criteria.method);
            criteria.method = m;
        }
    }
    if let Some(p) = &client {
        p.apply(&mut criteria)
            .map_err(|problems| client::ClientError::Invalid { problems })?;
    }
    let pricing = client
        .as_ref()
        .map_or_else(PricingContext::default, |p| p.pricing.clone());
    let mut inputs = Inputs {
        dataset,
        criteria,
        pricing,
        client,
        seed: input.seed,
    };
    // With an inventory, the migration labour is the plan's devices (cost::labour).
    if inputs.client.is_some() && inputs.pricing.migration.is_some() {
        let o = client_plan::PlanOptions::profile_only(input);
        let planned = client_plan::planned_devices(&o, &inputs)?;
        if let Some(m) = &mut inputs.pricing.migration {
            m.planned = planned;
        }
    }
    Ok(inputs)
}

impl Inputs {
    /// Runs the ranking pipeline on these inputs.
    fn rank(&self) -> Result<Ranking, Error> {
        let mut r = crate::rank::rank(&self.dataset, &self.criteria, &self.pricing, self.seed)?;
        r.client = self.client.as_ref().map(|c| c.name.clone());
        Ok(r)
    }
}

/// Keeps a loaded value; collects "invalid" problems so all files are reported together,
/// and remembers the first other error (a missing file) to report alone.
fn keep<T, E: Into<Error>>(
    r: Result<T, E>,
    problems: &mut Vec<Problem>,
    first: &mut Option<Error>,
) -> Option<T> {
    match r.map_err(Into::into) {
        Ok(v) => Some(v),
        Err(Error::Dataset(dataset::DatasetError::Invalid { problems: p }))
        | Err(Error::Criteria(crate::criteria::CriteriaError::Invalid { problems: p }))
        | Err(Error::Client(client::ClientError::Invalid { problems: p })) => {
            problems.extend(p);
            None
        }
        Err(e) => {
            first.get_or_insert(e);
            None
        }
    }
}

/// Progress on stderr for the longer steps, shown only when stderr is a terminal.
struct Progress {
    tty: bool,
}

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal;
        Progress {
            tty: std::io::stderr().is_terminal(),
        }
    }

    /// A step starting, on its own line.
    fn step(&self, what: &str) {
        if self.tty {
            eprintln!("{what}");
        }
    }

    /// A counter for `total` iterations that rewrites one line as the percentage grows;
    /// `done()` ends the line.
    fn counter<'a>(&'a self, label: &'a str, total: u64) -> impl Fn(u64) + Sync + 'a {
        let shown = std::sync::atomic::AtomicU64::new(0);
        move |done: u64| {
            let pct = done * 100 / total.max(1);
            if self.tty && pct > shown.swap(pct, std::sync::atomic::Ordering::Relaxed) {
                use std::io::Write;
                eprint!("\r{label}: {pct}% of {total} iterations");
                let _ = std::io::stderr().flush();
            }
        }
    }

    /// Ends a counter's line.
    fn done(&self) {
        if self.tty {
            eprintln!();
        }
    }
}

/// Warnings as stderr lines.
/// A ranking's notes for stderr: a disagreement between methods, then its warnings.
fn warnings(r: &Ranking) -> String {
    r.disagreement
        .iter()
        .chain(&r.warnings)
        .map(|w| format!("warning: {w}\n"))
        .collect()
}
