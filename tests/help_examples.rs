//! Every example that `--help` shows runs and exits 0 from an empty folder: the shipped
//! datasets, criteria files and client profiles are built in and found by name.

mod common;

use common::*;

/// The help text of `vendorscore <args> --help`.
fn help(args: &[&str]) -> String {
    let out = bin().args(args).arg("--help").output().unwrap();
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands listed under `Commands:` in the top-level help.
fn subcommands(top: &str) -> Vec<String> {
    top.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// The example command lines of a help text: the `vendorscore ...` lines after an
/// `Examples:` heading, without the description that follows two spaces, and without
/// a shell redirection (the test reads stdout itself).
fn examples(help: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut in_examples = false;
    for line in help.lines() {
        if line.starts_with("Examples:") {
            in_examples = true;
            continue;
        }
        if !line.starts_with(' ') {
            in_examples = false;
        }
        let text = line.trim_start();
        if in_examples && text.starts_with("vendorscore ") {
            let command = text.split("  ").next().unwrap();
            let command = command.split(" > ").next().unwrap();
            out.push(
                command
                    .split_whitespace()
                    .skip(1)
                    .map(String::from)
                    .collect(),
            );
        }
    }
    out
}

#[test]
fn the_parser_finds_grouped_examples() {
    let text = "About\n\nExamples:\n  vendorscore rank                  rank it\n  vendorscore rank --format md > r.md   as md\n\nExit codes: 0\n  vendorscore not-an-example\n";
    assert_eq!(
        examples(text),
        vec![
            vec!["rank".to_string()],
            vec!["rank".into(), "--format".into(), "md".into()]
        ]
    );
}

#[test]
fn every_help_example_runs() {
    let top = help(&[]);
    let mut all = examples(&top);
    let subs = subcommands(&top);
    assert!(subs.len() >= 8, "{subs:?}");
    for sub in &subs {
        all.extend(examples(&help(&[sub])));
    }
    all.extend(examples(&help(&["pilot", "plan"])));
    assert!(all.len() >= 15, "found only {} examples", all.len());
    for args in all {
        let dir = tempfile::tempdir().unwrap();
        let out = bin().current_dir(dir.path()).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "`vendorscore {}` exited {:?}: {err}",
            args.join(" "),
            out.status.code()
        );
        let wrote = std::fs::read_dir(dir.path()).unwrap().count() > 0;
        assert!(
            !out.stdout.is_empty() || wrote,
            "`vendorscore {}` printed and wrote nothing",
            args.join(" ")
        );
    }
}
