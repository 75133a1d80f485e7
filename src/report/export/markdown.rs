//! The Markdown exporter: tables (every Markdown table of every command goes through
//! [`table`]) and the report document (`report.md`: the same sections as the HTML page,
//! the charts linked from `charts/`).
//!
//! Text is plain text with code spans between backticks, as in the [`Doc`]. Text from the
//! data is escaped so that a Markdown viewer shows it as text, never as HTML, links or
//! table syntax: `<`, `>` and `&` become entities, Markdown punctuation (`|`, `` ` ``, `*`,
//! `_`, `[`, `]`, `#`, `!`, `~`, `\`) is backslash-escaped, newlines become spaces and other
//! control characters and Unicode noncharacters U+FFFD; text that starts a line also
//! loses what would start another block there ([`line`]). Inside a code span only `|` needs escaping (for tables).

use super::html::noncharacter;
use crate::report::doc::{spans, Block, Doc, Span, Table, Tone};

/// Escapes Markdown and inline-HTML syntax in plain text; newlines become spaces.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '\\' | '*' | '_' | '[' | ']' | '|' | '#' | '`' | '!' | '~' => {
                o.push('\\');
                o.push(ch);
            }
            '\n' | '\r' => o.push(' '),
            c if c.is_control() || noncharacter(c) => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

/// [`inline`] for text that starts a line (a paragraph, a list item, a heading): what
/// would start another block there is neutralised as well. A leading `-`, `+` or `=` (a
/// list item, a rule) and the `.` or `)` after leading digits (an ordered list) are
/// backslash-escaped; spaces and tabs at either end become character references (four
/// leading spaces would make a code block, trailing ones a line break), so the line
/// reads back as the text.
pub fn line(text: &str) -> String {
    let s = inline(text);
    let rest = s.trim_start_matches([' ', '\t']);
    let lead = &s[..s.len() - rest.len()];
    let body = rest.trim_end_matches([' ', '\t']);
    let trail = &rest[body.len()..];
    let refs = |ws: &str| ws.replace(' ', "&#32;").replace('\t', "&#9;");
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let body = if body.starts_with(['-', '+', '=']) {
        format!("\\{body}")
    } else if digits > 0 && body[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &body[..digits], &body[digits..])
    } else {
        body.to_string()
    };
    format!("{}{body}{}", refs(lead), refs(trail))
}

/// Text with its backtick spans kept as code spans (pipes escaped for table cells), the
/// rest escaped.
pub fn inline(text: &str) -> String {
    spans(text)
        .into_iter()
        .map(|s| match s {
            Span::Text(t) => escape(t),
            Span::Code(c) => format!(
                "`{}`",
                c.replace('|', "\\|")
                    .replace(['\n', '\r'], " ")
                    .replace(|ch: char| ch.is_control(), "\u{FFFD}")
            ),
        })
        .collect()
}

/// The table in Markdown: a header row, the alignment rule (numeric columns right-aligned),
/// one line per row; every cell through [`inline`].
pub fn table(t: &Table) -> String {
    let row = |cells: &[String]| {
        let parts: Vec<String> = cells.iter().map(|c| inline(c)).collect();
        format!("| {} |\n", parts.join(" | "))
    };
    let mut o = row(&t.header);
    let rule: Vec<&str> = t
        .numeric
        .iter()
        .map(|&n| if n { "---:" } else { "---" })
        .collect();
    o.push_str(&format!("|{}|\n", rule.join("|")));
    for r in &t.rows {
        o.push_str(&row(r));
    }
    o
}

/// A fenced code block of `text`, its fence longer than any run of backticks in the text
/// so that the text cannot close it.
pub fn code_block(lang: &str, text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat((longest + 1).max(3));
    let end = if text.ends_with('\n') { "" } else { "\n" };
    format!("{fence}{lang}\n{text}{end}{fence}\n")
}

/// Renders the report document as Markdown.
pub fn doc(d: &Doc) -> String {
    let mut o = format!("# {}\n\n{}\n", inline(&d.title), inline(&d.subtitle));
    for s in &d.sections {
        o.push_str(&format!("\n## {}\n", inline(&s.title)));
        for b in &s.blocks {
            o.push('\n');
            match b {
                Block::Paragraph(t) => o.push_str(&format!("{}\n", line(t))),
                Block::Callout(Tone::Good, t) => o.push_str(&format!("> **{}**\n", inline(t))),
                Block::Callout(Tone::Caution, t) => {
                    o.push_str(&format!("> **Caution:** {}\n", inline(t)))
                }
                Block::List(items) => {
                    for i in items {
                        o.push_str(&format!("- {}\n", line(i)));
                    }
                }
                Block::Table(t) => o.push_str(&table(t)),
                Block::Figure { chart, caption, .. } => o.push_str(&format!(
                    "![{}](charts/{chart}.svg)\n\n*{}* (also as [PNG](charts/{chart}.png))\n",
                    escape(caption),
                    inline(caption)
                )),
                Block::Heading(t) => o.push_str(&format!("### {}\n", line(t))),
            }
        }
    }
    if let Some(l) = d.fingerprint_line() {
        o.push_str(&format!("\n---\n\n{}\n", inline(&l)));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_data_is_inert() {
        assert_eq!(
            escape("<img src=x> *a* [l](u) |"),
            "&lt;img src=x&gt; \\*a\\* \\[l\\](u) \\|"
        );
        assert_eq!(inline("`a|b` and <b>"), "`a\\|b` and &lt;b&gt;");
        assert_eq!(
            inline("a & b `x\ny` odd ` tick"),
            "a &amp; b `x y` odd \\` tick"
        );
    }

    #[test]
    fn code_blocks_outfence_the_backticks_inside() {
        assert_eq!(code_block("text", "a\n"), "```text\na\n```\n");
        assert_eq!(code_block("", "x ```` y"), "`````\nx ```` y\n`````\n");
    }

    #[test]
    fn a_table_cell_cannot_break_the_table() {
        let mut t = Table::new(&["vendor", "score"], &[false, true]);
        t.rows.push(vec!["a|b\n<script>".into(), "`1|2`".into()]);
        assert_eq!(
            table(&t),
            "| vendor | score |\n|---|---:|\n| a\\|b &lt;script&gt; | `1\\|2` |\n"
        );
    }
}
