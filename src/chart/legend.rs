//! Legends and marks shared by the charts: vendor markers, dashed lines, legend keys, and
//! legends laid out in wrapping rows (under a title) or in a column (beside a plot).

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{fit, put, text, text_width, DrawResult, MARGIN, SMALL_SIZE};
use super::style::{self, Shape};

/// Draws a vendor marker of `size` pixels centred on `at`; hollow when `hollow`.
pub fn marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    shape: Shape,
    colour: RGBColor,
    size: i32,
    hollow: bool,
) -> DrawResult<DB> {
    let st = if hollow {
        colour.stroke_width(2)
    } else {
        colour.filled()
    };
    let (x, y) = at;
    match shape {
        Shape::Circle => root.draw(&Circle::new(at, size, st)),
        Shape::Square => root.draw(&Rectangle::new(
            [(x - size, y - size), (x + size, y + size)],
            st,
        )),
        Shape::Triangle => {
            let pts = vec![
                (x, y - size - 1),
                (x + size + 1, y + size),
                (x - size - 1, y + size),
            ];
            if hollow {
                let mut closed = pts.clone();
                closed.push(pts[0]);
                root.draw(&PathElement::new(closed, st))
            } else {
                root.draw(&Polygon::new(pts, st))
            }
        }
    }
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub enum Key {
    /// A filled box (bar segments, heat cells).
    Box(RGBColor),
    /// A line with the vendor's marker; dashed and hollow when excluded.
    Series(RGBColor, Shape, bool),
    /// A dashed line (reference lines).
    Dashed(RGBColor),
    /// A solid line (frontiers).
    Line(RGBColor),
}

/// Draws a legend entry's key in a 22 x 14 box whose left middle is `at`.
pub fn draw_key<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    key: Key,
    at: (i32, i32),
) -> DrawResult<DB> {
    let (x, y) = at;
    match key {
        Key::Box(c) => root.draw(&Rectangle::new(
            [(x + 2, y - 7), (x + 20, y + 7)],
            c.filled(),
        )),
        Key::Series(c, shape, excluded) => {
            if excluded {
                dashed_line(root, (x, y), (x + 22, y), c, 2)?;
            } else {
                root.draw(&PathElement::new(
                    vec![(x, y), (x + 22, y)],
                    c.stroke_width(2),
                ))?;
            }
            marker(root, (x + 11, y), shape, c, 4, excluded)
        }
        Key::Dashed(c) => dashed_line(root, (x, y), (x + 22, y), c, 2),
        Key::Line(c) => root.draw(&PathElement::new(
            vec![(x, y), (x + 22, y)],
            c.stroke_width(2),
        )),
    }
}

/// Draws a dashed straight line between two pixels.
pub fn dashed_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: (i32, i32),
    b: (i32, i32),
    colour: RGBColor,
    width: u32,
) -> DrawResult<DB> {
    root.draw(&DashedPathElement::new(
        vec![a, b],
        6,
        4,
        colour.stroke_width(width),
    ))
}

/// Height of one legend row.
pub const LEGEND_ROW: i32 = 22;

/// Lays legend entries left to right in rows inside `width` pixels from `at`: each entry's
/// position and shortened label, and the total height.
pub fn flow_layout(
    items: &[(Key, String)],
    at: (i32, i32),
    width: i32,
) -> (Vec<(i32, i32, Key, String)>, i32) {
    let (mut x, mut y) = at;
    let mut placed = Vec::with_capacity(items.len());
    for (key, label) in items {
        let label = fit(label, SMALL_SIZE, width - 30);
        let w = 26 + text_width(&label, SMALL_SIZE) + 18;
        if x > at.0 && x + w > at.0 + width {
            x = at.0;
            y += LEGEND_ROW;
        }
        placed.push((x, y, *key, label));
        x += w;
    }
    let h = if items.is_empty() {
        0
    } else {
        y - at.1 + LEGEND_ROW
    };
    (placed, h)
}

/// Draws entries laid out by [`flow_layout`].
pub fn flow_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[(Key, String)],
    at: (i32, i32),
    width: i32,
) -> DrawResult<DB> {
    let st = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
    for (x, y, key, label) in flow_layout(items, at, width).0 {
        draw_key(root, key, (x, y + LEGEND_ROW / 2))?;
        put(root, &label, (x + 26, y + LEGEND_ROW / 2), &st)?;
    }
    Ok(())
}

/// Draws legend entries one per row, top to bottom, from `at`; labels shortened to `width`.
/// Entries that would run into the last `notes` rows of the canvas (kept free for notes) are
/// summarised as "and N more". Returns the y below the last row.
pub fn column_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    heading: &str,
    items: &[(Key, String)],
    at: (i32, i32),
    width: i32,
    notes: i32,
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    const ROW: i32 = LEGEND_ROW;
    let (x, mut y) = at;
    let muted = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Left, VPos::Center);
    if !heading.is_empty() {
        put(
            root,
            &fit(heading, SMALL_SIZE, width),
            (x, y + ROW / 2),
            &muted,
        )?;
        y += ROW;
    }
    let room = ((root.dim_in_pixel().1 as i32 - MARGIN - notes * ROW - y) / ROW).max(1) as usize;
    let shown = if items.len() > room {
        room - 1
    } else {
        items.len()
    };
    let st = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
    for (key, label) in &items[..shown] {
        draw_key(root, *key, (x, y + ROW / 2))?;
        put(
            root,
            &fit(label, SMALL_SIZE, width - 28),
            (x + 28, y + ROW / 2),
            &st,
        )?;
        y += ROW;
    }
    if shown < items.len() {
        put(
            root,
            &format!("and {} more", items.len() - shown),
            (x + 28, y + ROW / 2),
            &muted,
        )?;
        y += ROW;
    }
    Ok(y)
}
