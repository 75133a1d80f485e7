//! `proposal.html` in a real browser, as tests/browser.rs opens the report: no request,
//! no console message, screenshots at desktop and phone widths, and the PDF `--pdf`
//! prints, read back with poppler-utils (`pdfinfo`, `pdftotext`). Without Chromium or
//! poppler-utils the test says so and passes, unless `VENDORSCORE_REQUIRE_BROWSER` is set.

mod common;

use std::path::Path;

use common::bin;
use common::browser::{chromium, open};

/// Runs `proposal` from `cwd`; returns (code, stderr).
fn proposal(cwd: &Path, args: &[&str]) -> (i32, String) {
    let res = bin()
        .current_dir(cwd)
        .arg("proposal")
        .args(args)
        .output()
        .unwrap();
    (
        res.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&res.stderr).into_owned(),
    )
}

/// The page in Chromium: no request, no console message, screenshots at desktop and phone
/// widths (left in the target folder to look at), and the PDF `--pdf` prints: 2 to 5
/// Letter pages holding the title, the prices and the sign-off.
#[test]
fn the_page_opens_and_prints_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = proposal(
        dir.path(),
        &["--client", "dental-35", "--pdf", "--out", "p"],
    );
    assert_eq!(code, 0, "{err}");
    let page = dir.path().join("p/proposal.html");
    let run = open(&browser, &page, &["--dump-dom".into()]);
    assert!(run.page_requests.is_empty(), "{:?}", run.page_requests);
    assert!(run.console.is_empty(), "console: {:?}", run.console);
    assert!(run.stdout.contains("Your options"));
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&shots).unwrap();
    for (name, size) in [("desktop", "1280,2400"), ("phone", "390,2400")] {
        let png = shots.join(format!("proposal-{name}.png"));
        let _ = std::fs::remove_file(&png);
        let run = open(
            &browser,
            &page,
            &[
                format!("--screenshot={}", png.display()),
                format!("--window-size={size}"),
            ],
        );
        assert!(run.console.is_empty(), "console: {:?}", run.console);
        let bytes = std::fs::read(&png).unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
            "{name}: {} bytes",
            bytes.len()
        );
    }
    let pdf = dir.path().join("p/proposal.pdf");
    let Some(info) = poppler("pdfinfo", &pdf) else {
        return;
    };
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap();
    assert!((2..=5).contains(&pages), "{pages} pages");
    let text = poppler("pdftotext", &pdf).unwrap();
    for want in [
        "Replacing Kaspersky at Harbor Dental",
        "$19,451.50",
        "Recommended",
        "Signature",
        "July 31, 2024",
    ] {
        assert!(text.contains(want), "`{want}` missing from the PDF text");
    }
}

/// Runs a poppler-utils tool on a PDF (`pdftotext` writes to stdout); `None` with a note
/// when it is not installed, unless the browser tests are required.
fn poppler(tool: &str, pdf: &Path) -> Option<String> {
    let mut cmd = std::process::Command::new(tool);
    if tool == "pdftotext" {
        cmd.arg("-layout");
    }
    cmd.arg(pdf);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    match cmd.output() {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        _ => {
            assert!(
                std::env::var_os("VENDORSCORE_REQUIRE_BROWSER").is_none(),
                "VENDORSCORE_REQUIRE_BROWSER is set but `{tool}` failed (apt-get install poppler-utils)"
            );
            eprintln!("skipped: `{tool}` is not installed (apt-get install poppler-utils)");
            None
        }
    }
}

/// The same page on A4 paper (the `@page` size a browser's print dialog sets in most of
/// the world): 2 to 5 A4 pages, every section there, the options table whole on one page.
#[test]
fn the_page_prints_on_a4() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = proposal(dir.path(), &["--client", "dental-35", "--out", "p"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.path().join("p/proposal.html")).unwrap();
    assert!(
        html.contains("@page { size: auto;"),
        "the page sets its own paper size"
    );
    let a4 = dir.path().join("p/proposal-a4.html");
    std::fs::write(
        &a4,
        html.replace("@page { size: auto;", "@page { size: A4;"),
    )
    .unwrap();
    let pdf = dir.path().join("p/proposal-a4.pdf");
    open(
        &browser,
        &a4,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    let Some(info) = poppler("pdfinfo", &pdf) else {
        return;
    };
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap();
    assert!((2..=5).contains(&pages), "{pages} pages");
    let text = poppler("pdftotext", &pdf).unwrap();
    for want in ["Your options", "Timeline", "Keeping you safe", "Signature"] {
        assert!(text.contains(want), "`{want}` missing from the A4 PDF");
    }
    // pdftotext separates pages with a form feed: the options table's header and its last
    // row are on the same page.
    let page_of = |s: &str| {
        let at = text.find(s).unwrap_or_else(|| panic!("`{s}` missing"));
        text[..at].matches('\u{c}').count()
    };
    assert_eq!(
        page_of("What you get"),
        page_of("$8,491.50"),
        "the options table is cut by a page break"
    );
}
