//! Prose lines that fit the terminal: a line longer than the width breaks at spaces, its
//! continuation indented two columns deeper than the line began. Lines of a drawn table
//! are left as they are: the table fitting has already made them as narrow as they go.

use super::width::{display_width, Width};

/// Characters a line of a drawn table starts with (the borders of `UTF8_BORDERS_ONLY`).
const TABLE_EDGES: [char; 5] = ['┌', '│', '╞', '├', '└'];

/// Every line of `text` wrapped to `width` at spaces; table lines and lines without a
/// space to break at stay whole. With [`Width::Unlimited`] the text is returned as is.
pub fn wrap_prose(text: &str, width: Width) -> String {
    let Some(limit) = width.limit() else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if display_width(body) <= limit || body.starts_with(TABLE_EDGES) {
            out.push_str(line);
        } else {
            out.push_str(&wrap_line(body, limit).join("\n"));
            out.push_str(end);
        }
    }
    out
}

/// One long line as lines of at most `limit` columns where spaces allow: words are
/// kept whole with the spaces between them, a break drops the spaces it falls on, and
/// continuation lines are indented two columns deeper than the first.
fn wrap_line(line: &str, limit: usize) -> Vec<String> {
    let indent_len = line.len() - line.trim_start_matches(' ').len();
    let continuation = format!("{}  ", &line[..indent_len]);
    let mut lines = Vec::new();
    let mut current = line[..indent_len].to_string();
    let mut has_word = false;
    let mut rest = &line[indent_len..];
    while let Some((gap, word, after)) = next_word(rest) {
        rest = after;
        let room = display_width(&current) + gap.len() + display_width(word);
        if has_word && room > limit {
            lines.push(std::mem::replace(&mut current, continuation.clone()));
            has_word = false;
        }
        if has_word {
            current.push_str(gap);
        }
        current.push_str(word);
        has_word = true;
    }
    lines.push(current);
    lines
}

/// The spaces before the next word, the word, and the rest; `None` when only spaces
/// are left.
fn next_word(s: &str) -> Option<(&str, &str, &str)> {
    let gap_len = s.len() - s.trim_start_matches(' ').len();
    let after_gap = &s[gap_len..];
    let word_len = after_gap.find(' ').unwrap_or(after_gap.len());
    if word_len == 0 {
        return None;
    }
    Some((
        &s[..gap_len],
        &after_gap[..word_len],
        &after_gap[word_len..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_break_at_spaces_with_a_deeper_indent() {
        let text = "  - one two three four five six\nshort\n";
        assert_eq!(
            wrap_prose(text, Width::Columns(14)),
            "  - one two\n    three four\n    five six\nshort\n"
        );
    }

    #[test]
    fn tables_words_too_long_and_unlimited_widths_stay_whole() {
        let table = "│ a long table line that does not wrap │\n";
        assert_eq!(wrap_prose(table, Width::Columns(10)), table);
        assert_eq!(
            wrap_prose("a supercalifragilistic b", Width::Columns(8)),
            "a\n  supercalifragilistic\n  b"
        );
        let long = "x ".repeat(100);
        assert_eq!(wrap_prose(&long, Width::Unlimited), long);
    }

    #[test]
    fn spaces_between_words_are_kept_where_the_line_does_not_break() {
        assert_eq!(
            wrap_prose("  total     $5.00 over 36 months", Width::Columns(20)),
            "  total     $5.00\n    over 36 months"
        );
    }

    #[test]
    fn wrapped_lines_fit_the_width() {
        let text = "On this evidence: `quillfort` ranks first, but the evidence cannot separate it from `ottermere` (90%).";
        for line in wrap_prose(text, Width::Columns(40)).lines() {
            assert!(display_width(line) <= 40, "{line}");
        }
    }
}
