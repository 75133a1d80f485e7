//! The report on a phone and on a desktop, in a real browser (Debian's Chromium, headless):
//! at 390 CSS px every chart shows its narrow layout and every text in it renders at 10 CSS
//! px or more; at 1,200 px the wide layout shows. A wide table shows its scroll cue on the
//! phone only.
//!
//! The test opens a copy of `report.html` without its Content-Security-Policy and with a
//! small script that measures each visible chart text (its font size times the scale its
//! SVG is drawn at) and writes the readings into the page, read back with `--dump-dom`.
//! Headless Chromium will not make a window narrower than 500 px, so the copy is shown in
//! a frame of the width under test (`srcdoc`, so the script may write to the outer page);
//! the frame is the page's viewport, for its media queries too. A
//! negative control forces the wide charts onto the phone, as the report showed them
//! before it had a narrow layout, and must fail the check.
//!
//! Without Chromium the tests say so and pass, unless `VENDORSCORE_REQUIRE_BROWSER` is set.

mod common;

use std::path::Path;

use common::browser::{chromium, demo_report, open};

/// The measuring script, run in the page inside the frame: one line per reading, in the
/// outer page's `<pre id="readings">`.
const MEASURE: &str = r#"<script>
const lines = [];
let texts = 0, small = 0, least = 1e9;
for (const svg of document.querySelectorAll('figure svg')) {
  if (getComputedStyle(svg).display === 'none') continue;
  lines.push('visible ' + svg.getAttribute('class'));
  for (const t of svg.querySelectorAll('text')) {
    if (!t.textContent.trim()) continue;
    const m = t.getScreenCTM();
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    texts++;
    least = Math.min(least, px);
    if (px < 10) { small++; if (small <= 5) lines.push('tiny ' + px.toFixed(2) + ' ' + t.textContent.trim()); }
  }
}
const cues = [...document.querySelectorAll('.scroll-cue')].filter(c => getComputedStyle(c).display !== 'none').length;
lines.push('texts ' + texts, 'small ' + small, 'least ' + least.toFixed(2), 'cues ' + cues);
parent.document.getElementById('readings').textContent = lines.join('\n');
</script>"#;

/// What the script read at one window width.
#[derive(Debug)]
struct Readings {
    /// The class of each visible chart (`wide` or `narrow`).
    visible: Vec<String>,
    texts: usize,
    small: usize,
    least: f64,
    cues: usize,
    lines: Vec<String>,
}

/// `page` with its CSP removed, `extra_css` added and the script at its end.
fn measuring_copy(page: &str, extra_css: &str) -> String {
    let page: String = page
        .lines()
        .filter(|l| !l.contains("Content-Security-Policy"))
        .collect::<Vec<_>>()
        .join("\n");
    page.replacen(
        "</head>",
        &format!("<style>{extra_css}</style>\n</head>"),
        1,
    )
    .replacen("</body>", &format!("{MEASURE}\n</body>"), 1)
}

/// Opens `page` in a frame `width` CSS px wide and parses the readings.
fn measure(browser: &Path, dir: &Path, page: &str, width: u32) -> Readings {
    let framed = format!(
        "<!DOCTYPE html><meta charset=\"utf-8\"><title>frame</title><pre id=\"readings\"></pre>\
         <iframe style=\"border:0\" width=\"{width}\" height=\"2000\" srcdoc=\"{}\"></iframe>",
        page.replace('&', "&amp;").replace('"', "&quot;")
    );
    let file = dir.join(format!("framed-{width}.html"));
    std::fs::write(&file, framed).unwrap();
    let run = open(
        browser,
        &file,
        &["--dump-dom".into(), "--window-size=1400,2200".into()],
    );
    let text = run
        .stdout
        .split("<pre id=\"readings\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .expect("the page wrote its readings")
        .to_string();
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let value = |key: &str| -> f64 {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(&format!("{key} ")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no `{key}` in {lines:?}"))
    };
    Readings {
        visible: lines
            .iter()
            .filter_map(|l| l.strip_prefix("visible "))
            .map(str::to_string)
            .collect(),
        texts: value("texts") as usize,
        small: value("small") as usize,
        least: value("least"),
        cues: value("cues") as usize,
        lines,
    }
}

#[test]
fn charts_are_legible_on_a_phone_and_wide_on_a_desktop() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    demo_report(dir.path());
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    let figures = html.matches("<figure").count();
    assert!(figures >= 8, "{figures} figures");
    assert!(
        html.contains("<figure id=\"chart-gantt\">"),
        "the Gantt chart"
    );
    let page = measuring_copy(&html, "");

    let phone = measure(&browser, dir.path(), &page, 390);
    assert_eq!(phone.visible.len(), figures, "{phone:?}");
    assert!(phone.visible.iter().all(|c| c == "narrow"), "{phone:?}");
    assert!(phone.texts > 200, "{phone:?}");
    assert_eq!(
        phone.small, 0,
        "text under 10 CSS px on a phone: {:?}",
        phone.lines
    );
    assert!(phone.least >= 10.0, "{phone:?}");
    eprintln!("phone: smallest chart text {:.2} CSS px", phone.least);
    assert!(phone.cues > 0, "no scroll cue on the phone: {phone:?}");

    let desktop = measure(&browser, dir.path(), &page, 1200);
    assert_eq!(desktop.visible.len(), figures, "{desktop:?}");
    assert!(desktop.visible.iter().all(|c| c == "wide"), "{desktop:?}");
    assert_eq!(desktop.small, 0, "{:?}", desktop.lines);
    assert_eq!(desktop.cues, 0, "a scroll cue on the desktop: {desktop:?}");
}

/// The check can fail: the wide charts forced onto the phone, scaled down to its width,
/// as the report drew them before it had a narrow layout.
#[test]
fn the_phone_check_catches_scaled_down_desktop_charts() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    demo_report(dir.path());
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    let force_wide = "figure svg.wide { display: block !important; } figure svg.narrow { display: none !important; }";
    let page = measuring_copy(&html, force_wide);
    let phone = measure(&browser, dir.path(), &page, 390);
    assert!(phone.visible.iter().all(|c| c == "wide"), "{phone:?}");
    assert!(phone.small > 100, "{phone:?}");
    assert!(phone.least < 8.0, "{phone:?}");
    eprintln!(
        "wide charts on a phone: smallest text {:.2} CSS px",
        phone.least
    );
}
