//! One function per subcommand: glue between the CLI, the library and stdout.
//!
//! Each returns the text for stdout; `main` prints it and maps errors to exit codes.

mod check;
mod demo_data;
mod rank;
mod report;

use crate::cli::{Cli, Command, InputArgs};
use crate::cost::Fleet;
use crate::criteria::Criteria;
use crate::dataset::{self, Dataset};
use crate::embedded;
use crate::Error;

/// What a command produced: text for stdout, notes for stderr.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Error> {
    match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Rank(a) => rank::run(&a),
        Command::Report(a) => report::run(&a),
        Command::DemoData(a) => demo_data::run(&a),
    }
}

/// Loads the dataset and the criteria, reporting the problems of both at once.
fn load_inputs(input: &InputArgs) -> Result<(Dataset, Criteria), Error> {
    let ds = dataset::load(&embedded::data_source(input.data.as_deref()));
    let cr = embedded::load_criteria(input.criteria.as_deref());
    match (ds, cr) {
        (Ok(d), Ok(c)) => Ok((d, c)),
        (
            Err(dataset::DatasetError::Invalid { mut problems }),
            Err(crate::criteria::CriteriaError::Invalid { problems: more }),
        ) => {
            problems.extend(more);
            Err(dataset::DatasetError::Invalid { problems }.into())
        }
        (Err(e), _) => Err(e.into()),
        (_, Err(e)) => Err(e.into()),
    }
}

/// The fleet priced for `pricing.*` metrics (client profiles come later).
fn fleet() -> Fleet {
    Fleet::DEFAULT
}

/// Warnings as stderr lines.
fn warnings(w: &[String]) -> String {
    w.iter().map(|w| format!("warning: {w}\n")).collect()
}
