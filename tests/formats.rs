//! Every command's Markdown and CSV go through one exporter per format: text from the data
//! (a vendor name, a criterion label, a criteria title) can neither break a Markdown table
//! nor reach a Markdown viewer as HTML, and CSV text cells never start a formula.

mod common;

use std::path::Path;

use common::{bin, criteria_file, scratch_copy};

const EVIL: &str = "a|b <script>alert(1)</script> & `tick";

/// The tiny fixture with `EVIL` in a vendor's name, and criteria with it in a label and
/// the title.
fn evil_inputs() -> (tempfile::TempDir, std::path::PathBuf) {
    let data = scratch_copy("tiny");
    let vendors = data.path().join("vendors.csv");
    let text = std::fs::read_to_string(&vendors).unwrap();
    std::fs::write(
        &vendors,
        text.replacen("Alpha EDR", &format!("\"=1+1 {EVIL}\""), 1),
    )
    .unwrap();
    let tiny = std::fs::read_to_string(common::fixture("criteria/tiny.toml")).unwrap();
    let escaped = EVIL.replace('\\', "\\\\").replace('"', "\\\"");
    let criteria = tiny
        .replacen("name = \"Tiny\"", &format!("name = \"Tiny {escaped}\""), 1)
        .replacen(
            "id = \"detection\"",
            &format!("id = \"detection\"\nlabel = \"Detection {escaped}\""),
            1,
        );
    let path = criteria_file(data.path(), &criteria);
    (data, path)
}

fn run(data: &Path, criteria: &Path, args: &[&str]) -> String {
    let out = bin()
        .args(args)
        .arg("--data")
        .arg(data)
        .arg("--criteria")
        .arg(criteria)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// The `|` that separate cells: those not escaped with a backslash.
fn separators(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
    }
    n
}

/// Every table row has as many cells as its header, and no markup from the data is live.
fn assert_inert(what: &str, md: &str) {
    assert!(!md.contains("<script"), "{what}: raw HTML\n{md}");
    let mut header = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = *header.get_or_insert(separators(line));
            assert_eq!(
                separators(line),
                n,
                "{what}: a cell broke its table: {line}"
            );
        } else {
            header = None;
        }
    }
}

#[test]
fn markdown_of_every_command_keeps_data_text_inert() {
    let (data, criteria) = evil_inputs();
    let (d, c) = (data.path(), criteria.as_path());
    let rank = run(d, c, &["rank", "--format", "md"]);
    assert_inert("rank", &rank);
    assert!(
        rank.contains("Detection a\\|b &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\`tick"),
        "{rank}"
    );
    for args in [
        &["compare-methods", "--format", "md"][..],
        &["pilot", "--format", "md"],
        &["sensitivity", "--samples", "200", "--format", "md"],
    ] {
        assert_inert(args[0], &run(d, c, args));
    }
}

#[test]
fn csv_text_cells_never_start_a_formula() {
    let (data, criteria) = evil_inputs();
    let csv_text = run(data.path(), &criteria, &["rank", "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv_text.as_bytes());
    let names: Vec<String> = rows.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert!(names.contains(&format!("'=1+1 {EVIL}")), "{names:?}");
}
