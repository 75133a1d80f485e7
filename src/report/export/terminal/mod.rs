//! The terminal exporter: a [`Table`] drawn with box borders, numeric columns right-aligned,
//! one style for every command, fitted to the terminal's width (`fit.rs`, `width.rs`); prose
//! wrapped to the same width (`wrap.rs`); amounts of money with their currency
//! (`money.rs`); and the cleaning of everything the binary prints ([`clean`]).
//!
//! [`Table`]: crate::report::doc::Table

mod fit;
mod money;
mod width;
mod wrap;

use std::borrow::Cow;

pub use fit::{fitted_table, table, Fit};
pub use money::money;
pub use width::{display_width, widest_line, Width};
pub use wrap::wrap_prose;

/// Text as a terminal may show it: control characters that a terminal would act on (ESC
/// and OSC sequences that recolour, retitle or clear it, a bare carriage return that
/// overwrites a line, C1 controls) and the bidirectional overrides that reorder what is
/// shown become U+FFFD; newlines and tabs stay. The binary applies it to everything it
/// prints, output and errors alike, so text from the data never reaches the terminal raw.
pub fn clean(s: &str) -> Cow<'_, str> {
    let unsafe_at = |i: usize, c: char| match c {
        '\n' | '\t' => false,
        '\r' => !s[i + 1..].starts_with('\n'),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    };
    if !s.char_indices().any(|(i, c)| unsafe_at(i, c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.char_indices()
            .map(|(i, c)| if unsafe_at(i, c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_sequences_are_shown_not_run() {
        assert_eq!(
            clean("Evil\x1b]0;pwned\x07\x1b[31mRED"),
            "Evil\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[31mRED"
        );
        assert_eq!(clean("a\rb\r\nc\td\n"), "a\u{FFFD}b\r\nc\td\n");
        assert_eq!(
            clean("\u{9b}2J \u{202E}gpj.exe"),
            "\u{FFFD}2J \u{FFFD}gpj.exe"
        );
        assert!(matches!(clean("plain text, ünïcode\n"), Cow::Borrowed(_)));
    }
}
