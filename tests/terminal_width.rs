//! The terminal tables fit the width they are given: every command with a table output,
//! at 100 columns, has no line wider than 100 display columns (snapshots pin what they
//! show); `--wide` brings back the columns left out; amounts carry their currency; and
//! excluded vendors come after the ranked ones.

mod common;

use common::bin;
use unicode_width::UnicodeWidthStr;

/// Runs the binary on the built-in data from an empty folder with `COLUMNS` set to
/// `columns` (removed when `None`); returns stdout, failing on a non-zero exit.
fn run(args: &[&str], columns: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = bin();
    cmd.current_dir(dir.path()).args(args);
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// The widest line of `text` in terminal columns (box-drawing characters count 1).
fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The output of `args` at 100 columns, checked to fit and pinned by a snapshot.
fn fits_100(name: &str, args: &[&str]) {
    let text = run(args, Some("100"));
    let wide = text.lines().find(|l| l.width() > 100);
    assert!(wide.is_none(), "{args:?}: a line wider than 100:\n{wide:?}");
    insta::assert_snapshot!(name, text);
}

#[test]
fn rank_fits_100_columns() {
    fits_100("rank_100", &["rank"]);
}

#[test]
fn rank_for_a_client_fits_100_columns() {
    fits_100("rank_client_100", &["rank", "--client", "dental-35"]);
}

#[test]
fn cost_fits_100_columns() {
    fits_100("cost_client_100", &["cost", "--client", "dental-35"]);
}

#[test]
fn cost_explained_fits_100_columns() {
    fits_100(
        "cost_client_explain_100",
        &["cost", "--client", "dental-35", "--explain"],
    );
}

#[test]
fn pilot_fits_100_columns() {
    fits_100("pilot_100", &["pilot"]);
}

#[test]
fn check_fits_100_columns() {
    fits_100("check_100", &["check"]);
}

#[test]
fn compare_methods_fits_100_columns() {
    fits_100("compare_methods_100", &["compare-methods"]);
}

#[test]
fn sensitivity_fits_100_columns() {
    fits_100("sensitivity_100", &["sensitivity", "--samples", "20000"]);
}

/// The header lines of the tables in `text` (the lines between a table's top border
/// and the rule under its header).
fn header_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_header = false;
    for line in text.lines() {
        if line.starts_with('┌') {
            in_header = true;
        } else if line.starts_with('╞') {
            in_header = false;
        } else if in_header {
            out.push(line);
        }
    }
    out
}

#[test]
fn wide_shows_the_columns_that_100_columns_leave_out() {
    for (args, column) in [
        (&["cost", "--client", "dental-35"][..], "subscriptions"),
        (&["rank"][..], "phishing"),
        (&["pilot"][..], " n "),
    ] {
        let narrow = run(args, Some("100"));
        assert!(
            !header_lines(&narrow).iter().any(|l| l.contains(column)),
            "{args:?} at 100 columns shows `{column}`:\n{narrow}"
        );
        let words = narrow.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("(`--wide` shows all)"), "{narrow}");
        for wide in [
            run(&[args, &["--wide"]].concat(), Some("100")),
            run(&[&["--wide"], args].concat(), None),
        ] {
            assert!(
                header_lines(&wide).iter().any(|l| l.contains(column)),
                "{args:?} --wide leaves out `{column}`:\n{wide}"
            );
            assert!(!wide.contains("Not shown at"), "{wide}");
            assert!(widest(&wide) > 100, "{args:?} --wide is no wider:\n{wide}");
        }
    }
}

#[test]
fn without_columns_output_takes_100_columns_and_columns_sets_the_width() {
    assert_eq!(run(&["rank"], None), run(&["rank"], Some("100")));
    let narrow = run(&["cost", "--client", "dental-35"], Some("72"));
    assert!(widest(&narrow) <= 72, "{narrow}");
    assert!(narrow.contains("$14,722.45"), "{narrow}");
    assert_eq!(run(&["rank"], Some("not a number")), run(&["rank"], None));
}

#[test]
fn terminal_amounts_have_a_currency_and_other_formats_plain_numbers() {
    let table = run(&["cost", "--client", "dental-35", "--explain"], None);
    for amount in ["$14,722.45", "$336.70", "$11.68", "35 x $9.62 x 36 months"] {
        assert!(table.contains(amount), "no `{amount}` in:\n{table}");
    }
    let rank = run(&["rank"], None);
    assert!(rank.contains("$9.08"), "{rank}");
    for format in ["md", "csv", "json"] {
        let text = run(
            &[
                "cost",
                "--client",
                "dental-35",
                "--explain",
                "--format",
                format,
            ],
            None,
        );
        assert!(!text.contains('$'), "--format {format}:\n{text}");
        assert!(text.contains("14722.4"), "--format {format}:\n{text}");
    }
}

/// The line numbers of `text` where each of `vendors` is first named at the start of a
/// table row (terminal or Markdown) or a list line.
fn first_lines(text: &str, vendors: &[&str]) -> Vec<usize> {
    vendors
        .iter()
        .map(|v| {
            text.lines()
                .position(|l| {
                    // A terminal row (`│ x `), a list line (`x:`, `- **x**:`) or a Markdown
                    // row (`| x |`, `` | `x` | ``).
                    let l = l.trim_start_matches(['│', '|', ' ', '`', '-', '*']);
                    [" ", ":", "`", "*"]
                        .iter()
                        .any(|end| l.starts_with(&format!("{v}{end}")))
                })
                .unwrap_or_else(|| panic!("`{v}` not found in:\n{text}"))
        })
        .collect()
}

#[test]
fn excluded_vendors_come_after_the_ranked_ones_in_every_table() {
    let ranked = [
        "quillfort",
        "ottermere",
        "larkspan",
        "brindlewick",
        "cindervale",
    ];
    for args in [
        &["rank"][..],
        &["rank", "--client", "dental-35"],
        &["cost", "--client", "dental-35"],
        &["pilot"],
        &["pilot", "--format", "md"],
        &["rank", "--format", "md"],
    ] {
        let text = run(args, None);
        let excluded = first_lines(&text, &["kaspersky"])[0];
        let last_ranked = *first_lines(&text, &ranked).iter().max().unwrap();
        assert!(
            excluded > last_ranked,
            "{args:?}: `kaspersky` before a ranked vendor:\n{text}"
        );
    }
    let pilot = run(&["pilot"], None);
    let go_list = &pilot[pilot.find("Go/no-go").unwrap()..];
    assert!(go_list.trim_end().contains("kaspersky: NO-GO"), "{go_list}");
    assert!(
        go_list.find("kaspersky").unwrap() > go_list.find("cindervale").unwrap(),
        "{go_list}"
    );
}
