//! Any text, escaped by the rule of the format it is written in, reads back through that
//! format's own parser as the same visible text (docs/security.md, "Escaping"): CSV through
//! the csv crate, SVG through an XML parser, Markdown through a CommonMark parser. HTML is
//! read back by a real browser in tests/browser.rs.
//!
//! "The same" allows only what each rule documents: characters a format cannot carry
//! become U+FFFD, Markdown shows a newline as a space, and a CSV text cell a spreadsheet
//! would run as a formula starts with `'`.

mod common;

use common::{hostile, noncharacter};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser};
use vendorscore::chart::escape_xml;
use vendorscore::report::doc::Table;
use vendorscore::report::export::{csv, markdown};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A CSV cell reads back as written, a formula-like text cell with its `'`.
    #[test]
    fn csv_cells_read_back(texts in prop::collection::vec(hostile(), 1..4)) {
        let mut t = Table::new(&["text"], &[false]);
        for s in &texts {
            t.rows.push(vec![s.clone()]);
        }
        let bytes = csv::table(&t);
        let mut r = ::csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let back: Vec<String> = r.records().map(|rec| rec.unwrap()[0].to_string()).collect();
        let want: Vec<String> = texts
            .iter()
            .map(|s| {
                if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    format!("'{s}")
                } else {
                    s.clone()
                }
            })
            .collect();
        prop_assert_eq!(back, want);
    }

    /// SVG text and attribute values read back through an XML parser; characters XML
    /// does not allow are U+FFFD.
    #[test]
    fn svg_text_reads_back(s in hostile()) {
        let e = escape_xml(&s);
        let doc = format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><text a=\"{e}\">{e}</text></svg>");
        let parsed = roxmltree::Document::parse(&doc);
        prop_assert!(parsed.is_ok(), "{:?} -> {:?}", s, doc);
        let parsed = parsed.unwrap();
        let text = parsed.descendants().find(|n| n.has_tag_name("text")).unwrap();
        let want: String = s
            .chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => c,
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
                c => c,
            })
            .collect();
        prop_assert_eq!(text.text().unwrap_or(""), want.as_str());
        prop_assert_eq!(text.attribute("a").unwrap(), want.as_str());
    }

    /// Markdown text in the middle of a line, and a line that is only the text (a
    /// paragraph, where a leading `-` or four spaces would start another block), parse as
    /// one paragraph of the same text.
    #[test]
    fn markdown_text_reads_back(s in hostile()) {
        let want: String = s
            .chars()
            .map(|c| match c {
                '\n' | '\r' => ' ',
                c if c.is_control() || noncharacter(c) => '\u{FFFD}',
                c => c,
            })
            .collect();
        let mid = format!("x{}x\n", markdown::escape(&s));
        prop_assert_eq!(paragraph_text(&mid), format!("x{want}x"), "{:?}", mid);
        if !s.contains('`') {
            // Backticks in a document's own text mark code; data never reaches `line` raw.
            let own = format!("{}\n", markdown::line(&s));
            prop_assert_eq!(paragraph_text(&own), want, "{:?}", own);
        }
    }
}

/// The text of a Markdown document that must be at most one paragraph, or a description
/// of the first other block it holds.
fn paragraph_text(md: &str) -> String {
    let mut text = String::new();
    for e in Parser::new(md) {
        match e {
            Event::Start(pulldown_cmark::Tag::Paragraph)
            | Event::End(pulldown_cmark::TagEnd::Paragraph) => {}
            Event::Text(t) => text.push_str(&t),
            other => return format!("not one paragraph of text: {other:?}"),
        }
    }
    text
}
