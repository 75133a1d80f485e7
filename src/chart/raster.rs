//! The PNG drawing backend: plotters' bitmap backend with its own text rasteriser.
//!
//! Plotters 0.3.7 draws `ab_glyph` text without each glyph's side bearing, so letters collide
//! ("Tend Vsion" for "Trend Vision"). This wrapper delegates every shape to `BitMapBackend` and
//! draws text itself with `ab_glyph`, placing each outline where the font says. Advances and
//! kerning are the ones plotters uses to measure text, so layouts computed with
//! [`super::canvas::text_width`] hold. Vertical anchors follow the SVG backend's: top puts the
//! capitals' tops at the anchor, centre centres the capitals, bottom puts the descenders there.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use plotters::backend::BitMapBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

type BitmapError = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

/// A bitmap backend drawing RGB pixels into a caller's buffer, with correct glyph placement.
pub struct RasterBackend<'a> {
    inner: BitMapBackend<'a>,
    font: FontRef<'static>,
}

impl<'a> RasterBackend<'a> {
    /// Draws into `buf` (`w * h * 3` bytes, RGB) with `font` for every text.
    pub fn new(buf: &'a mut [u8], size: (u32, u32), font: FontRef<'static>) -> Self {
        Self {
            inner: BitMapBackend::with_buffer(buf, size),
            font,
        }
    }
}

impl DrawingBackend for RasterBackend<'_> {
    type ErrorType = BitmapError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let colour = style.color();
        if colour.alpha == 0.0 || text.is_empty() {
            return Ok(());
        }
        let size = style.size() as f32;
        let font = self.font.as_scaled(PxScale::from(size));
        // Lay the glyphs on a baseline at y = 0, starting at x = 0.
        let mut caret = 0f32;
        let mut prev = None;
        let mut glyphs = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                caret += font.kern(p, id);
            }
            glyphs.push(id.with_scale_and_position(PxScale::from(size), point(caret, 0.0)));
            caret += font.h_advance(id);
            prev = Some(id);
        }
        let width = caret;
        // em as the SVG backend writes it (font-size = size / 1.24); DejaVu's capitals are 0.73 em.
        let em = size / 1.24;
        let cap = 0.73 * em;
        let dx = match style.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => cap,
            VPos::Center => cap / 2.0,
            VPos::Bottom => font.descent(),
        };
        let trans = style.transform();
        let (w, h) = self.inner.get_size();
        for g in glyphs {
            let Some(outline) = self.font.outline_glyph(g) else {
                continue;
            };
            let b = outline.px_bounds();
            let inner = &mut self.inner;
            let mut result = Ok(());
            outline.draw(|gx, gy, coverage| {
                if result.is_err() || coverage <= 0.0 {
                    return;
                }
                let x = (b.min.x + gx as f32 + dx).floor() as i32;
                let y = (b.min.y + gy as f32 + baseline).floor() as i32;
                let (x, y) = trans.transform(x, y);
                let (x, y) = (pos.0 + x, pos.1 + y);
                if x >= 0 && y >= 0 && x < w as i32 && y < h as i32 {
                    let c = BackendColor {
                        alpha: colour.alpha * f64::from(coverage.min(1.0)),
                        rgb: colour.rgb,
                    };
                    result = inner.draw_pixel((x, y), c);
                }
            });
            result?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::canvas::{ensure_font, text, text_width, SMALL_SIZE, TITLE_SIZE};
    use plotters::prelude::*;

    /// Ink bounding box (x0, y0, x1, y1) of non-white pixels.
    fn ink(buf: &[u8], w: usize) -> (usize, usize, usize, usize) {
        let mut b = (usize::MAX, usize::MAX, 0, 0);
        for (i, px) in buf.chunks(3).enumerate() {
            if px.iter().any(|&c| c < 200) {
                let (x, y) = (i % w, i / w);
                b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
            }
        }
        b
    }

    #[test]
    fn text_stays_in_its_measured_box() {
        ensure_font().unwrap();
        let font =
            FontRef::try_from_slice(include_bytes!("../../assets/fonts/DejaVuSans.ttf")).unwrap();
        for (s, size) in [
            ("Trend Vision One", SMALL_SIZE),
            ("ESET PROTECT Complete", SMALL_SIZE),
            ("Wyjątek & ÄÖÜ", TITLE_SIZE),
        ] {
            let (w, h) = (400usize, 60usize);
            let mut buf = vec![255u8; w * h * 3];
            {
                let root = RasterBackend::new(&mut buf, (w as u32, h as u32), font.clone())
                    .into_drawing_area();
                let st = text(size, BLACK, HPos::Left, VPos::Center);
                root.draw(&Text::new(s.to_string(), (20, 30), st)).unwrap();
                root.present().unwrap();
            }
            let (x0, y0, x1, y1) = ink(&buf, w);
            let tw = text_width(s, size) as usize;
            assert!(
                x0 >= 19 && x1 <= 20 + tw + 1,
                "{s}: ink {x0}..{x1} vs width {tw}"
            );
            // Centred vertically on the capitals: ink roughly symmetric around y = 30.
            assert!(
                y0 < 30 && y1 > 30 && y0 >= 30 - size as usize && y1 <= 30 + size as usize,
                "{s}: {y0}..{y1}"
            );
        }
    }
}
