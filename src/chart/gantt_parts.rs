//! The parts of the Gantt chart drawn row by row: a wave's bar (work, soak, work past the
//! deadline), the time axis with its dates, and the devices kept out of the waves.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{Bar, Frame, Gantt, LATE, SOAK, SOAK_HALF, WORK, WORK_HALF};
use crate::chart::canvas::SMALL_SIZE;
use crate::chart::canvas::{self, put, text, text_width, DrawResult, Layout, LABEL_SIZE, MARGIN};
use crate::chart::cells::{self, LINE};
use crate::chart::style;

impl Gantt {
    /// One wave's bar centred on `yc`: the work days, the soak after them, and the work
    /// on or after the deadline in vermillion.
    pub(super) fn draw_bar<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
        b: &Bar,
        yc: i32,
    ) -> DrawResult<DB> {
        let (xa, xb) = (f.x(b.first as f64), f.x((b.last + 1) as f64));
        let xs = f.x((b.soak_until + 1) as f64);
        if xs > xb {
            root.draw(&Rectangle::new(
                [(xb, yc - SOAK_HALF), (xs, yc + SOAK_HALF)],
                SOAK.filled(),
            ))?;
        }
        root.draw(&Rectangle::new(
            [(xa, yc - WORK_HALF), (xb.max(xa + 2), yc + WORK_HALF)],
            WORK.filled(),
        ))?;
        if b.last >= self.deadline {
            let xl = f.x(self.deadline.max(b.first) as f64);
            root.draw(&Rectangle::new(
                [(xl, yc - WORK_HALF), (xb.max(xl + 2), yc + WORK_HALF)],
                LATE.filled(),
            ))?;
        }
        Ok(())
    }

    /// The time axis under the rows: its line, the ticks with their dates, its description.
    pub(super) fn draw_axis<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
        ticks: &[(i32, String)],
    ) -> DrawResult<DB> {
        let w = root.dim_in_pixel().0 as i32;
        let y = f.bottom();
        root.draw(&PathElement::new(
            vec![(f.x0, y), (f.x1, y)],
            BLACK.stroke_width(1),
        ))?;
        let st = text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top);
        for (x, label) in ticks {
            root.draw(&PathElement::new(
                vec![(*x, y), (*x, y + 5)],
                BLACK.stroke_width(1),
            ))?;
            let half = text_width(label, SMALL_SIZE) / 2;
            put(
                root,
                label,
                ((*x).clamp(MARGIN + half, w - MARGIN - half), y + 8),
                &st,
            )?;
        }
        let desc = canvas::fit(&self.axis, LABEL_SIZE, f.x1 - f.x0);
        put(
            root,
            &desc,
            ((f.x0 + f.x1) / 2, y + 30),
            &text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top),
        )
    }

    /// The devices kept out of the waves, under the axis: a heading, then each group's
    /// label and count with the reason beside it (wide) or under it (narrow).
    pub(super) fn draw_apart<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
        mut y: i32,
        layout: Layout,
    ) -> DrawResult<DB> {
        if f.apart.is_empty() {
            return Ok(());
        }
        let st = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Left, VPos::Center);
        put(root, "Not in the waves:", (MARGIN, y + LINE / 2), &st)?;
        y += LINE + 8;
        for (label, reason, h) in &f.apart {
            if layout.narrow() {
                let lines: Vec<String> = label.iter().chain(reason).cloned().collect();
                let yc = y + (lines.len() as i32 * LINE) / 2;
                cells::draw_lines(root, &lines, (MARGIN, yc), style::MUTED_TEXT, true)?;
            } else {
                let yc = y + (h - 8) / 2;
                cells::draw_lines(root, label, (MARGIN, yc), style::MUTED_TEXT, true)?;
                cells::draw_lines(root, reason, (f.x0, yc), style::MUTED_TEXT, true)?;
            }
            y += h;
        }
        Ok(())
    }
}
