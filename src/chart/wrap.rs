//! Breaking a label into lines that fit a width, keeping every character: a label is
//! wrapped, never cut, wherever a chart must show it whole (tornado bars, heat-map headers,
//! excluded vendors' reasons); and the chart title, on two lines when narrow.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    fit, put, text, text_width, DrawResult, LABEL_SIZE, MARGIN, NARROW_WIDTH, TITLE_SIZE,
};

/// `s` broken into lines at most `max_px` wide at `size`: at spaces first, then after a
/// hyphen or slash, and only inside a word longer than a whole line. Joining the lines with
/// a space (after a break at a space) or nothing (after any other break) gives `s` back.
pub fn wrap(s: &str, size: f64, max_px: i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&joined, size) <= max_px {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = split_word(word, size, max_px);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws the chart title in the top band: on one line shortened to the canvas width, or in
/// the narrow layout at the label size on up to two lines (the SVG's `<title>` keeps it
/// whole).
pub fn draw_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
) -> DrawResult<DB> {
    let w = root.dim_in_pixel().0 as i32;
    if w > NARROW_WIDTH as i32 {
        let t = fit(title, TITLE_SIZE, w - 2 * MARGIN);
        return put(
            root,
            &t,
            (MARGIN, 12),
            &text(TITLE_SIZE, BLACK, HPos::Left, VPos::Top),
        );
    }
    let st = text(LABEL_SIZE, BLACK, HPos::Left, VPos::Top);
    let lines = wrap(title, LABEL_SIZE, w - 2 * MARGIN);
    let (y0, dy) = if lines.len() > 1 { (6, 19) } else { (14, 0) };
    for (k, line) in lines.iter().take(2).enumerate() {
        let line = if k == 1 && lines.len() > 2 {
            fit(&lines[1..].join(" "), LABEL_SIZE, w - 2 * MARGIN)
        } else {
            line.clone()
        };
        put(root, &line, (MARGIN, y0 + dy * k as i32), &st)?;
    }
    Ok(())
}

/// A word wider than `max_px` in pieces that fit: after a hyphen or slash when one is
/// near enough, else between characters.
fn split_word(word: &str, size: f64, max_px: i32) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest: Vec<char> = word.chars().collect();
    while text_width(&rest.iter().collect::<String>(), size) > max_px && rest.len() > 1 {
        // The longest prefix that fits (at least one character).
        let mut n = 1;
        while n < rest.len() && text_width(&rest[..=n].iter().collect::<String>(), size) <= max_px {
            n += 1;
        }
        let cut = rest[..n]
            .iter()
            .rposition(|&c| c == '-' || c == '/')
            .filter(|&i| i + 1 >= n / 2)
            .map_or(n, |i| i + 1);
        out.push(rest[..cut].iter().collect());
        rest.drain(..cut);
    }
    out.push(rest.into_iter().collect());
    out
}

/// Whether `lines` hold `label` in order, as consecutive entries wrapped by [`wrap`]: for
/// tests that check a label is shown whole.
#[cfg(test)]
pub fn holds(lines: &[String], label: &str) -> bool {
    (0..lines.len()).any(|start| {
        let mut got = String::new();
        for l in &lines[start..] {
            let next = if got.is_empty() {
                l.clone()
            } else if label[got.len()..].starts_with(&format!(" {l}")) {
                format!("{got} {l}")
            } else {
                format!("{got}{l}")
            };
            if !label.starts_with(&next) {
                return false;
            }
            got = next;
            if got == label {
                return true;
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::canvas::{ensure_font, SMALL_SIZE};

    #[test]
    fn wraps_at_spaces_and_keeps_every_character() {
        ensure_font().unwrap();
        let s = "False positives per endpoint-day over the whole pilot";
        let lines = wrap(s, SMALL_SIZE, 120);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, SMALL_SIZE) <= 120));
        assert_eq!(lines.join(" "), s);
        assert!(holds(&lines, s));
        assert_eq!(wrap("short", SMALL_SIZE, 120), vec!["short"]);
        assert_eq!(wrap("", SMALL_SIZE, 120), vec![""]);
    }

    #[test]
    fn long_words_break_after_a_hyphen_or_between_characters() {
        ensure_font().unwrap();
        let s = "Supercalifragilistic-expialidocious-endpoint-protection";
        let lines = wrap(s, SMALL_SIZE, 90);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(
            lines.iter().all(|l| text_width(l, SMALL_SIZE) <= 90),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), s);
        assert!(holds(&lines, s));
        assert!(!holds(
            &lines,
            "Supercalifragilistic-expialidocious-endpoint-protectionX"
        ));
    }
}
