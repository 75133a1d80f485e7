//! How wide terminal output may be, and how wide a piece of text is on screen.

use unicode_width::UnicodeWidthStr;

/// The width the terminal output of a command may take. `cmd` decides it once per run
/// (`--wide`, `COLUMNS`, the terminal, or 100; docs/output.md) and every table and
/// paragraph of that run follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// At most this many columns: tables leave out or wrap columns, prose wraps at spaces.
    Columns(usize),
    /// `--wide`: every column of every table, lines as long as they come.
    Unlimited,
}

impl Width {
    /// The width when there is a limit.
    pub fn limit(self) -> Option<usize> {
        match self {
            Width::Columns(n) => Some(n),
            Width::Unlimited => None,
        }
    }
}

/// The columns a line takes on a terminal: East Asian wide characters count 2, combining
/// marks 0, and a table's box-drawing characters 1.
pub fn display_width(line: &str) -> usize {
    line.width()
}

/// The widest line of a text, in terminal columns.
pub fn widest_line(text: &str) -> usize {
    text.lines().map(display_width).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice_and_box_characters_once() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("│ x ╞═╡"), 7);
        assert_eq!(widest_line("ab\nabcd\n"), 4);
        assert_eq!(Width::Columns(80).limit(), Some(80));
        assert_eq!(Width::Unlimited.limit(), None);
    }
}
