//! The report document as Markdown (`report.md`): the same sections as the HTML page, with
//! the charts linked from `charts/`. Text from the data is escaped so that a Markdown viewer
//! shows it as text, never as HTML or links.

use super::doc::{spans, Block, Doc, Span, Tone};

/// Escapes Markdown and inline-HTML syntax in plain text; newlines become spaces.
fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '\\' | '*' | '_' | '[' | ']' | '|' | '#' | '`' | '!' => {
                o.push('\\');
                o.push(ch);
            }
            '\n' | '\r' => o.push(' '),
            c if c.is_control() => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

/// Text with its backtick spans kept as code spans (pipes escaped for table cells).
fn inline(text: &str) -> String {
    spans(text)
        .into_iter()
        .map(|s| match s {
            Span::Text(t) => escape(t),
            Span::Code(c) => format!("`{}`", c.replace('|', "\\|").replace(['\n', '\r'], " ")),
        })
        .collect()
}

/// Renders the document as Markdown.
pub fn markdown(d: &Doc) -> String {
    let mut o = format!("# {}\n\n{}\n", inline(&d.title), inline(&d.subtitle));
    for s in &d.sections {
        o.push_str(&format!("\n## {}\n", inline(&s.title)));
        for b in &s.blocks {
            o.push('\n');
            match b {
                Block::Paragraph(t) => o.push_str(&format!("{}\n", inline(t))),
                Block::Callout(Tone::Good, t) => o.push_str(&format!("> **{}**\n", inline(t))),
                Block::Callout(Tone::Caution, t) => {
                    o.push_str(&format!("> **Caution:** {}\n", inline(t)))
                }
                Block::List(items) => {
                    for i in items {
                        o.push_str(&format!("- {}\n", inline(i)));
                    }
                }
                Block::Table(t) => {
                    let row = |cells: &[String]| {
                        let parts: Vec<String> = cells.iter().map(|c| inline(c)).collect();
                        format!("| {} |\n", parts.join(" | "))
                    };
                    o.push_str(&row(&t.header));
                    let rule: Vec<&str> = t
                        .numeric
                        .iter()
                        .map(|&n| if n { "---:" } else { "---" })
                        .collect();
                    o.push_str(&format!("|{}|\n", rule.join("|")));
                    for r in &t.rows {
                        o.push_str(&row(r));
                    }
                }
                Block::Figure { chart, caption, .. } => o.push_str(&format!(
                    "![{}](charts/{chart}.svg)\n\n*{}* (also as [PNG](charts/{chart}.png))\n",
                    escape(caption),
                    inline(caption)
                )),
                Block::Heading(t) => o.push_str(&format!("### {}\n", inline(t))),
            }
        }
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
    }
}
