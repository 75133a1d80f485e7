//! The full report as a plain document: sections of paragraphs, lists, tables and figures.
//! `report::full` fills it; `export::html` and `export::markdown` render the same document, so
//! the HTML page and `report.md` always say the same things in the same order.
//!
//! Text is plain text; a span between backticks is code (a vendor or criterion id), as in
//! the rest of the outputs. Renderers escape everything, so no text from the data is ever
//! markup.

/// A whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub title: String,
    /// One line under the title: dataset, criteria, client.
    pub subtitle: String,
    pub sections: Vec<Section>,
    /// The inputs' fingerprint (manifest.json), shown at the foot.
    pub fingerprint: Option<String>,
}

impl Doc {
    /// The line at the foot of the document naming the inputs' fingerprint, if known.
    pub fn fingerprint_line(&self) -> Option<String> {
        self.fingerprint.as_ref().map(|f| {
            format!("Inputs fingerprint `{f}`: manifest.json lists each input file with its SHA-256, and when this report was made.")
        })
    }
}

/// A titled section; `id` is its anchor in the HTML page.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// How a callout reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The recommendation.
    Good,
    /// A reason for care.
    Caution,
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    /// A highlighted paragraph (the bottom line, a warning).
    Callout(Tone, String),
    List(Vec<String>),
    Table(Table),
    /// A chart: the file stem under `charts/`, its caption, and its SVG for inlining in
    /// the wide layout and in the narrow one (for a phone).
    Figure {
        chart: String,
        caption: String,
        svg: String,
        narrow: String,
    },
    /// A smaller subheading inside a section.
    Heading(String),
}

/// A table for people: text cells, with right-aligned numeric columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    /// Right-align this column (numbers).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with the given header; `numeric` marks the right-aligned columns.
    pub fn new(header: &[&str], numeric: &[bool]) -> Table {
        debug_assert_eq!(header.len(), numeric.len());
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            numeric: numeric.to_vec(),
            rows: Vec::new(),
        }
    }
}

/// A run of text: plain or code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Code(&'a str),
}

/// Splits text on backticks into plain and code spans; an unmatched backtick stays text.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        if open > 0 {
            out.push(Span::Text(&rest[..open]));
        }
        out.push(Span::Code(&rest[open + 1..open + 1 + len]));
        rest = &rest[open + len + 2..];
    }
    if !rest.is_empty() {
        out.push(Span::Text(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_split_code_from_text() {
        assert_eq!(
            spans("`a` beats `b`."),
            vec![
                Span::Code("a"),
                Span::Text(" beats "),
                Span::Code("b"),
                Span::Text(".")
            ]
        );
        assert_eq!(spans("no code"), vec![Span::Text("no code")]);
        assert_eq!(spans("odd ` tick"), vec![Span::Text("odd ` tick")]);
        assert_eq!(spans(""), Vec::<Span>::new());
    }
}
