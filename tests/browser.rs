//! `report.html` opened in a real browser: Debian's Chromium, headless, as CI installs it.
//!
//! Three things are checked, each with a negative control page proving the check can fail:
//! - no request leaves the file: Chromium's NetLog lists every URL request; a request a page
//!   started carries the page's origin as `initiator` (`null` for a file), while the
//!   browser's own background requests say `not an origin`;
//! - no console message (the report has no script, so any message is an error, such as a
//!   Content-Security-Policy violation);
//! - the page rendered: the DOM holds the bottom line, a screenshot at desktop and phone
//!   widths is a real, non-blank PNG, and printing to PDF works.
//!
//! Without Chromium the tests say so and pass, unless `VENDORSCORE_REQUIRE_BROWSER` is set,
//! as `.ci/run` sets it, so CI cannot skip them.

mod common;

use std::path::Path;

use common::bin;
use common::browser::{chromium, demo_report, open};

#[test]
fn report_loads_with_no_request_and_no_console_message() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    demo_report(dir.path());
    let page = dir.path().join("report.html");
    let run = open(&browser, &page, &["--dump-dom".into()]);
    assert!(
        run.page_requests.is_empty(),
        "requests left the file: {:?}",
        run.page_requests
    );
    assert!(run.console.is_empty(), "console: {:?}", run.console);
    assert!(
        run.stdout.contains("Bottom line"),
        "DOM: {}",
        &run.stdout[..run.stdout.len().min(500)]
    );
    assert!(run.stdout.contains("Recommendation:"));
    assert!(
        run.stdout.matches("<svg").count() >= 8,
        "inline charts missing"
    );
}

#[test]
fn report_renders_on_desktop_and_phone_and_prints() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    demo_report(dir.path());
    let page = dir.path().join("report.html");
    // Screenshots land in the target folder for a person to look at.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&shots).unwrap();
    for (name, size) in [("desktop", "1280,2400"), ("phone", "390,2400")] {
        let png = shots.join(format!("report-{name}.png"));
        let _ = std::fs::remove_file(&png);
        let run = open(
            &browser,
            &page,
            &[
                format!("--screenshot={}", png.display()),
                format!("--window-size={size}"),
            ],
        );
        assert!(run.console.is_empty(), "{name}: {:?}", run.console);
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
        let mut reader = decoder.read_info().expect("a PNG screenshot");
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let width: u32 = size.split(',').next().unwrap().parse().unwrap();
        assert_eq!(info.width, width, "{name}");
        let pixels = &buf[..info.buffer_size()];
        let distinct: std::collections::HashSet<&[u8]> =
            pixels.chunks(info.color_type.samples()).collect();
        assert!(
            distinct.len() > 50,
            "{name}: screenshot looks blank ({} colours)",
            distinct.len()
        );
    }
    let pdf = shots.join("report.pdf");
    let _ = std::fs::remove_file(&pdf);
    let run = open(
        &browser,
        &page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    assert!(run.console.is_empty(), "print: {:?}", run.console);
    let bytes = std::fs::read(&pdf).expect("a PDF");
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 20_000,
        "PDF of {} bytes",
        bytes.len()
    );
}

/// The checks above must be able to fail: a page that fetches a stylesheet and an image,
/// a page whose Content-Security-Policy blocks an image, and a page that logs an error.
#[test]
fn the_browser_checks_catch_requests_and_console_messages() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, html: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, html).unwrap();
        p
    };
    let fetching = write(
        "fetching.html",
        "<!DOCTYPE html><title>x</title><link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=Roboto\"><img src=\"http://example.com/x.png\">",
    );
    let run = open(&browser, &fetching, &["--dump-dom".into()]);
    assert!(
        run.page_requests
            .iter()
            .any(|u| u.contains("fonts.googleapis.com"))
            && run.page_requests.iter().any(|u| u.contains("example.com")),
        "{:?}",
        run.page_requests
    );
    let blocked = write(
        "blocked.html",
        "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><title>x</title><img src=\"http://example.com/x.png\">",
    );
    let run = open(&browser, &blocked, &["--dump-dom".into()]);
    assert!(run.page_requests.is_empty(), "{:?}", run.page_requests);
    assert!(
        run.console
            .iter()
            .any(|l| l.contains("Content Security Policy")),
        "{:?}",
        run.console
    );
    let noisy = write(
        "noisy.html",
        "<!DOCTYPE html><title>x</title><script>console.error('boom')</script>",
    );
    let run = open(&browser, &noisy, &["--dump-dom".into()]);
    assert!(
        run.console.iter().any(|l| l.contains("boom")),
        "{:?}",
        run.console
    );
}

/// A vendor named like a script shows as text in the page, in a real browser.
#[test]
fn a_script_in_a_vendor_name_stays_text_in_the_browser() {
    let Some(browser) = chromium() else { return };
    let data = common::scratch_copy("tiny");
    let vendors = data.path().join("vendors.csv");
    let text = std::fs::read_to_string(&vendors).unwrap();
    let first_name = text
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .nth(1)
        .unwrap()
        .to_string();
    std::fs::write(
        &vendors,
        text.replacen(
            &first_name,
            "<script>console.error('pwned')</script><img src=x onerror=alert(1)>",
            1,
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let res = bin()
        .arg("report")
        .arg("--data")
        .arg(data.path())
        .arg("--criteria")
        .arg(common::fixture("criteria/tiny.toml"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let page = out.path().join("report.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "unescaped markup in the page"
    );
    let run = open(&browser, &page, &["--dump-dom".into()]);
    assert!(run.console.is_empty(), "{:?}", run.console);
    assert!(run.page_requests.is_empty(), "{:?}", run.page_requests);
    assert!(run
        .stdout
        .contains("&lt;script&gt;console.error('pwned')&lt;/script&gt;"));
}

/// Any text escaped by the HTML rule, as element content and as an attribute value, reads
/// back in the browser's DOM as the same text (controls and noncharacters as U+FFFD), and
/// adds no element. A script in the test page (the report has none) lists the code points
/// it sees.
#[test]
fn escaped_text_reads_back_in_the_browser_as_the_same_text() {
    use proptest::strategy::{Strategy, ValueTree};
    use vendorscore::report::export::html::escape;
    let Some(browser) = chromium() else { return };
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let texts: Vec<String> = (0..400)
        .map(|_| common::hostile().new_tree(&mut runner).unwrap().current())
        .collect();
    let mut page = String::from("<!doctype html><meta charset=\"utf-8\"><title>t</title><body>");
    for t in &texts {
        page.push_str(&format!("<p title=\"{0}\">{0}</p>\n", escape(t)));
    }
    page.push_str(
        "<pre id=\"out\"></pre><script>
const hex = s => Array.from(s).map(c => c.codePointAt(0).toString(16)).join(' ');
const lines = [document.body.querySelectorAll('*').length];
for (const p of document.querySelectorAll('p')) lines.push(hex(p.textContent) + '|' + hex(p.title));
document.getElementById('out').textContent = lines.join('\\n');
</script>",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("escaped.html");
    std::fs::write(&file, page).unwrap();
    let run = open(&browser, &file, &["--dump-dom".into()]);
    let out = run
        .stdout
        .split("<pre id=\"out\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .expect("the page wrote its readings");
    let mut lines = out.lines();
    let elements: usize = lines.next().unwrap().parse().unwrap();
    assert_eq!(elements, texts.len() + 2, "an escaped text made an element");
    let decode = |h: &str| -> String {
        h.split(' ')
            .filter(|x| !x.is_empty())
            .map(|x| char::from_u32(u32::from_str_radix(x, 16).unwrap()).unwrap())
            .collect()
    };
    let lines: Vec<&str> = lines.collect();
    assert_eq!(lines.len(), texts.len());
    for (t, line) in texts.iter().zip(lines) {
        let want: String = t
            .chars()
            .map(|c| match c {
                '\n' | '\t' => c,
                c if c.is_control() || common::noncharacter(c) => '\u{FFFD}',
                c => c,
            })
            .collect();
        let (text, title) = line.split_once('|').unwrap();
        assert_eq!(decode(text), want, "{t:?}");
        assert_eq!(decode(title), want, "{t:?} as an attribute");
    }
}
