//! What the two heat maps share (rank acceptability and the criterion profile): the
//! single-hue colour ramp, a shaded cell with its value written in it, row labels wrapped
//! to their column, and the colour key, upright beside the grid or lying under it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{put, text, text_width, DrawResult, SMALL_SIZE};
use super::style;
use super::wrap::wrap;

/// ColorBrewer "Blues", light to dark: one hue, readable in grey and by colour-blind readers.
const BLUES: [RGBColor; 9] = [
    RGBColor(0xF7, 0xFB, 0xFF),
    RGBColor(0xDE, 0xEB, 0xF7),
    RGBColor(0xC6, 0xDB, 0xEF),
    RGBColor(0x9E, 0xCA, 0xE1),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x42, 0x92, 0xC6),
    RGBColor(0x21, 0x71, 0xB5),
    RGBColor(0x08, 0x51, 0x9C),
    RGBColor(0x08, 0x30, 0x6B),
];
/// Fill of a cell without a value.
pub const MISSING: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
/// Height of one line of text in a cell or a wrapped label.
pub const LINE: i32 = 17;

/// Shade of `a` (0..=1) on the Blues ramp, or on a grey ramp for excluded vendors.
pub fn shade(a: f64, excluded: bool) -> RGBColor {
    let t = a.clamp(0.0, 1.0) * (BLUES.len() - 1) as f64;
    let i = (t.floor() as usize).min(BLUES.len() - 2);
    let f = t - i as f64;
    let (p, q) = (BLUES[i], BLUES[i + 1]);
    let mix = |x: u8, y: u8| (f64::from(x) + f * (f64::from(y) - f64::from(x))).round() as u8;
    let c = RGBColor(mix(p.0, q.0), mix(p.1, q.1), mix(p.2, q.2));
    if excluded {
        let g = (style::luminance(c).powf(1.0 / 2.2) * 255.0).round() as u8;
        RGBColor(g, g, g)
    } else {
        c
    }
}

/// A cell: its top-left corner and size in pixels.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

/// Fills `cell` with `fill` and writes `value` in its middle at `size` when it fits (past
/// about 30 columns the shade alone carries the value).
pub fn draw_cell<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cell: Cell,
    fill: RGBColor,
    value: &str,
    size: f64,
) -> DrawResult<DB> {
    let (x1, y1) = (cell.x + cell.w, cell.y + cell.h);
    root.draw(&Rectangle::new([(cell.x, cell.y), (x1, y1)], fill.filled()))?;
    root.draw(&Rectangle::new(
        [(cell.x, cell.y), (x1, y1)],
        WHITE.stroke_width(1),
    ))?;
    if text_width(value, size) <= cell.w - 2 {
        let st = text(size, style::text_on(fill), HPos::Center, VPos::Center);
        put(root, value, (cell.x + cell.w / 2, cell.y + cell.h / 2), &st)?;
    }
    Ok(())
}

/// Draws `lines` one under another, centred on `yc` as a block, right-aligned at `x` (or
/// left-aligned when `left`).
pub fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: &[String],
    (x, yc): (i32, i32),
    colour: RGBColor,
    left: bool,
) -> DrawResult<DB> {
    let h = if left { HPos::Left } else { HPos::Right };
    let st = text(SMALL_SIZE, colour, h, VPos::Center);
    let y0 = yc - (lines.len() as i32 - 1) * LINE / 2;
    for (k, l) in lines.iter().enumerate() {
        put(root, l, (x, y0 + k as i32 * LINE), &st)?;
    }
    Ok(())
}

/// The lines of every label wrapped to `width`, and the most lines any label takes.
pub fn wrap_all(labels: &[String], width: i32) -> (Vec<Vec<String>>, usize) {
    let wrapped: Vec<Vec<String>> = labels.iter().map(|l| wrap(l, SMALL_SIZE, width)).collect();
    let most = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    (wrapped, most)
}

/// Width a label column needs: the widest label, at most `cap`.
pub fn label_width(labels: &[String], cap: i32) -> i32 {
    labels
        .iter()
        .map(|l| text_width(l, SMALL_SIZE))
        .max()
        .unwrap_or(0)
        .min(cap)
}

/// An upright colour key from `marks[0]` (bottom, 0) to the last mark (top, 1), at `x`
/// between `top` and `bottom`.
pub fn key_upright<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    x: i32,
    (top, bottom): (i32, i32),
    marks: &[(f64, &str)],
) -> DrawResult<DB> {
    let bottom = bottom.max(top + 60);
    let span = (bottom - top).max(1);
    // 4-pixel bands: smooth to the eye, and few elements in the SVG.
    for y in (top..bottom).step_by(4) {
        let a = f64::from(bottom - y - 2) / f64::from(span);
        root.draw(&Rectangle::new(
            [(x, y), (x + 16, (y + 4).min(bottom))],
            shade(a, false).filled(),
        ))?;
    }
    root.draw(&Rectangle::new(
        [(x, top), (x + 16, bottom)],
        RGBColor(0x88, 0x88, 0x88).stroke_width(1),
    ))?;
    let st = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
    for &(a, label) in marks {
        let y = bottom - (a * f64::from(span)) as i32;
        root.draw(&PathElement::new(
            vec![(x + 16, y), (x + 20, y)],
            BLACK.stroke_width(1),
        ))?;
        put(root, label, (x + 24, y), &st)?;
    }
    Ok(())
}

/// Height of [`key_lying`].
pub const KEY_LYING_H: i32 = 44;

/// A lying colour key from 0 (left) to 1 (right), `width` wide from `(x, y)`, its marks
/// written under it.
pub fn key_lying<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    width: i32,
    marks: &[(f64, &str)],
) -> DrawResult<DB> {
    let width = width.max(60);
    for dx in (0..width).step_by(4) {
        let a = f64::from(dx + 2) / f64::from(width);
        root.draw(&Rectangle::new(
            [(x + dx, y), ((x + dx + 4).min(x + width), y + 14)],
            shade(a, false).filled(),
        ))?;
    }
    root.draw(&Rectangle::new(
        [(x, y), (x + width, y + 14)],
        RGBColor(0x88, 0x88, 0x88).stroke_width(1),
    ))?;
    for &(a, label) in marks {
        let mx = x + (a * f64::from(width)) as i32;
        root.draw(&PathElement::new(
            vec![(mx, y + 14), (mx, y + 18)],
            BLACK.stroke_width(1),
        ))?;
        let lw = text_width(label, SMALL_SIZE);
        let lx = mx.clamp(x + lw / 2, x + width - lw / 2);
        put(
            root,
            label,
            (lx, y + 22),
            &text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top),
        )?;
    }
    Ok(())
}
