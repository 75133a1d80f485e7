//! The `vendorscore` binary: parse the command line, run, print, map errors to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use vendorscore::report::export::terminal::clean;
use vendorscore::{cli::Cli, cmd};

fn main() -> ExitCode {
    // clap exits with 2 on usage errors and 0 for --help/--version.
    let cli = Cli::parse();
    // Everything printed passes `clean`: text from the data may hold terminal sequences.
    match cmd::run(cli) {
        Ok(out) => {
            eprint!("{}", clean(&out.stderr));
            let mut stdout = std::io::stdout().lock();
            let bytes = match std::str::from_utf8(&out.stdout) {
                Ok(text) => clean(text).into_owned().into_bytes(),
                Err(_) => out.stdout,
            };
            // A closed pipe (e.g. `| head`) is not an error worth a message.
            let _ = stdout.write_all(&bytes).and_then(|_| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", clean(&e.to_string()));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
