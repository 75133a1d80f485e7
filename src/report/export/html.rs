//! The report as one self-contained HTML page: inline CSS and inline SVG charts, no script,
//! no external request (a Content-Security-Policy forbids any), readable on a phone and
//! printable to PDF. Every text from the data is escaped.
//!
//! Each chart is inlined twice, in its wide and its narrow layout, and a media query shows
//! one: the narrow one on a screen too small for the wide one's text, the wide one
//! elsewhere and in print. A table wider than the page scrolls sideways in its box, with a
//! shadow on the side that has more and a "scroll" cue on narrow screens.

use crate::report::doc::{spans, Block, Doc, Span, Table, Tone};

/// The page's style sheet: one column that narrows on a phone, tables that scroll sideways
/// rather than overflow, and print rules that keep figures and table rows whole.
const CSS: &str = r#"
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6473; --line: #d9dde3; --good: #1f7a4d; --caution: #a35f00; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 "DejaVu Sans", Verdana, "Segoe UI", Roboto, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-top: 0.5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
p, li { overflow-wrap: anywhere; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
nav ol { margin: 0; padding-left: 1.25rem; columns: 2 12rem; color: var(--muted); }
nav a { color: inherit; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: #f1f3f6; padding: 0 0.2em; border-radius: 3px; }
.callout { border-left: 5px solid var(--good); background: #eef7f2; padding: 0.75rem 1rem; margin: 0.75rem 0; font-size: 1.05rem; }
.callout.caution { border-left-color: var(--caution); background: #fdf4e6; }
.table { overflow-x: auto; margin: 0.75rem 0; background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left / 2.5rem 100% no-repeat local, linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right / 2.5rem 100% no-repeat local, radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.22), rgba(0,0,0,0)) left / 0.9rem 100% no-repeat scroll, radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.22), rgba(0,0,0,0)) right / 0.9rem 100% no-repeat scroll; }
.scroll-cue { display: none; color: var(--muted); font-size: 0.8rem; text-align: right; margin: 0.75rem 0 -0.6rem; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f6f7f9; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); }
figure svg.wide { max-width: 900px; }
figure svg.narrow { display: none; max-width: 480px; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.3rem; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 2rem; }
@media (max-width: 40rem) { body { font-size: 15px; } main { padding: 0.75rem; } .scroll-cue { display: block; } }
@media screen and (max-width: 52rem) { figure svg.wide { display: none; } figure svg.narrow { display: block; } }
@media print {
  @page { margin: 15mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, .callout, tr { break-inside: avoid; }
  .table { overflow: visible; background: none; }
  .scroll-cue { display: none; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => o.push('\u{FFFD}'),
            c if noncharacter(c) => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

/// Unicode's noncharacters (U+FDD0..U+FDEF and the last two code points of every plane),
/// which HTML parsers report as errors and XML refuses in an inline SVG.
pub(super) fn noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// Text with its backtick spans as `<code>`, all escaped.
fn inline(text: &str) -> String {
    spans(text)
        .into_iter()
        .map(|s| match s {
            Span::Text(t) => escape(t),
            Span::Code(c) => format!("<code>{}</code>", escape(c)),
        })
        .collect()
}

fn table(t: &Table) -> String {
    let class = |i: usize| {
        if t.numeric.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    let mut o = String::new();
    if t.header.len() > 3 {
        o.push_str("<p class=\"scroll-cue\" aria-hidden=\"true\">scroll sideways for more →</p>\n");
    }
    o.push_str("<div class=\"table\"><table>\n<thead><tr>");
    for (i, h) in t.header.iter().enumerate() {
        o.push_str(&format!("<th scope=\"col\"{}>{}</th>", class(i), inline(h)));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        o.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            o.push_str(&format!("<td{}>{}</td>", class(i), inline(c)));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody></table></div>\n");
    o
}

/// An SVG chart for inlining: without its XML prolog, in the class of its layout
/// (`wide` or `narrow`), labelled for screen readers.
fn inline_svg(svg: &str, caption: &str, class: &str) -> String {
    let body = match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    };
    body.replacen(
        "<svg ",
        &format!(
            "<svg class=\"{class}\" role=\"img\" aria-label=\"{}\" ",
            escape(caption)
        ),
        1,
    )
}

fn block(b: &Block) -> String {
    match b {
        Block::Paragraph(t) => format!("<p>{}</p>\n", inline(t)),
        Block::Callout(tone, t) => {
            let class = match tone {
                Tone::Good => "callout",
                Tone::Caution => "callout caution",
            };
            format!("<p class=\"{class}\">{}</p>\n", inline(t))
        }
        Block::List(items) => {
            let mut o = String::from("<ul>\n");
            for i in items {
                o.push_str(&format!("<li>{}</li>\n", inline(i)));
            }
            o.push_str("</ul>\n");
            o
        }
        Block::Table(t) => table(t),
        Block::Figure {
            chart,
            caption,
            svg,
            narrow,
        } => format!(
            "<figure id=\"chart-{}\">\n{}\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
            escape(chart),
            inline_svg(svg, caption, "wide"),
            inline_svg(narrow, caption, "narrow"),
            inline(caption)
        ),
        Block::Heading(t) => format!("<h3>{}</h3>\n", inline(t)),
    }
}

/// Renders the document as a standalone HTML page.
pub fn html(d: &Doc) -> String {
    let mut o =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    o.push_str(&format!("<title>{}</title>\n", escape(&d.title)));
    o.push_str(&format!("<style>{CSS}</style>\n</head>\n<body>\n<main>\n"));
    o.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n",
        inline(&d.title),
        inline(&d.subtitle)
    ));
    o.push_str("<nav aria-label=\"Contents\"><ol>\n");
    for s in &d.sections {
        o.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            s.id,
            escape(&s.title)
        ));
    }
    o.push_str("</ol></nav>\n");
    for s in &d.sections {
        o.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            s.id,
            inline(&s.title)
        ));
        for b in &s.blocks {
            o.push_str(&block(b));
        }
        o.push_str("</section>\n");
    }
    let fingerprint = d
        .fingerprint_line()
        .map_or(String::new(), |l| format!(" {}", inline(&l)));
    o.push_str(&format!(
        "<footer>Made by vendorscore {}. Charts are also in the <code>charts/</code> folder as SVG and PNG; the tables are in <code>tables/</code> as CSV, JSON and Parquet.{fingerprint}</footer>\n",
        env!("CARGO_PKG_VERSION")
    ));
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::doc::Section;

    #[test]
    fn data_text_is_escaped_everywhere() {
        let evil = "<script>alert(1)</script> & \"q\" 'a'";
        let mut t = Table::new(&[evil], &[false]);
        t.rows.push(vec![format!("`{evil}`")]);
        let d = Doc {
            title: evil.into(),
            subtitle: evil.into(),
            fingerprint: Some(evil.into()),
            sections: vec![Section {
                id: "s",
                title: evil.into(),
                blocks: vec![
                    Block::Paragraph(evil.into()),
                    Block::Callout(Tone::Caution, evil.into()),
                    Block::List(vec![evil.into()]),
                    Block::Table(t),
                    Block::Heading(evil.into()),
                ],
            }],
        };
        let page = html(&d);
        assert!(!page.contains("<script"), "{page}");
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;")
        );
        assert!(page.contains("<code>&lt;script&gt;"));
    }

    #[test]
    fn control_characters_do_not_reach_the_page() {
        assert_eq!(escape("a\u{0007}b\nc"), "a\u{FFFD}b\nc");
        assert_eq!(
            escape("x\u{FFFE}\u{FDD0}\u{1FFFF}y\u{FFFD}"),
            "x\u{FFFD}\u{FFFD}\u{FFFD}y\u{FFFD}"
        );
    }

    #[test]
    fn svg_is_inlined_without_prolog_and_labelled() {
        let svg = "<?xml version=\"1.0\"?>\n<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\"></svg>";
        let out = inline_svg(svg, "a \"b\"", "wide");
        assert!(out
            .starts_with("<svg class=\"wide\" role=\"img\" aria-label=\"a &quot;b&quot;\" width"));
    }
}
