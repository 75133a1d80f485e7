//! The PNG drawing backend: plotters' bitmap backend with its own text rasteriser.
//!
//! Plotters 0.3.7 draws `ab_glyph` text without each glyph's side bearing, so letters collide
//! ("Tend Vsion" for "Trend Vision"). This wrapper delegates every shape to `BitMapBackend` and
//! draws text itself with `ab_glyph`, placing each outline where the font says. Advances and
//! kerning are the ones plotters uses to measure text, so layouts computed with
//! [`super::canvas::text_width`] hold. Vertical anchors follow the SVG backend's: top puts the
//! capitals' tops at the anchor, centre centres the capitals, bottom puts the descenders there.
//!
//! The backend draws at a whole-number pixel density: the charts lay out in logical pixels
//! (the SVG's), and every coordinate, stroke width, radius and font size is multiplied by
//! the density on the way to the bitmap, so a 900 x 520 chart makes an 1800 x 1040 PNG at
//! density 2 with the same picture.

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
    /// Logical size: what the charts lay out in.
    size: (u32, u32),
    /// Bitmap pixels per logical pixel.
    density: u32,
}

/// A drawing style with its stroke width multiplied by the pixel density.
struct Scaled<'s, S>(&'s S, u32);

impl<S: BackendStyle> BackendStyle for Scaled<'_, S> {
    fn color(&self) -> BackendColor {
        self.0.color()
    }

    fn stroke_width(&self) -> u32 {
        self.0.stroke_width() * self.1
    }
}

impl<'a> RasterBackend<'a> {
    /// Draws a chart laid out at logical `size` into `buf` (`w * h * 3 * density²` bytes,
    /// RGB) at `density` bitmap pixels per logical pixel, with `font` for every text.
    pub fn new(buf: &'a mut [u8], size: (u32, u32), font: FontRef<'static>, density: u32) -> Self {
        let density = density.max(1);
        Self {
            inner: BitMapBackend::with_buffer(buf, (size.0 * density, size.1 * density)),
            font,
            size,
            density,
        }
    }

    /// A logical point in bitmap pixels.
    fn at(&self, p: BackendCoord) -> BackendCoord {
        let d = self.density as i32;
        (p.0 * d, p.1 * d)
    }

    /// The last bitmap pixel of the logical pixel `p`.
    fn last(&self, p: BackendCoord) -> BackendCoord {
        let d = self.density as i32;
        (p.0 * d + d - 1, p.1 * d + d - 1)
    }
}

impl DrawingBackend for RasterBackend<'_> {
    type ErrorType = BitmapError;

    fn get_size(&self) -> (u32, u32) {
        self.size
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
        if self.density == 1 {
            return self.inner.draw_pixel(point, color);
        }
        let (a, b) = (self.at(point), self.last(point));
        self.inner.draw_rect(a, b, &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (from, to) = (self.at(from), self.at(to));
        self.inner.draw_line(from, to, &Scaled(style, self.density))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (a, b) = if fill {
            (self.at(upper_left), self.last(bottom_right))
        } else {
            (self.at(upper_left), self.at(bottom_right))
        };
        self.inner
            .draw_rect(a, b, &Scaled(style, self.density), fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let d = self.density as i32;
        let path: Vec<BackendCoord> = path.into_iter().map(|p| (p.0 * d, p.1 * d)).collect();
        self.inner.draw_path(path, &Scaled(style, self.density))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let center = self.at(center);
        self.inner.draw_circle(
            center,
            radius * self.density,
            &Scaled(style, self.density),
            fill,
        )
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let d = self.density as i32;
        let vert: Vec<BackendCoord> = vert.into_iter().map(|p| (p.0 * d, p.1 * d)).collect();
        self.inner.fill_polygon(vert, &Scaled(style, self.density))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let pos = self.at(pos);
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
        let size = (style.size() * f64::from(self.density)) as f32;
        let pos = self.at(pos);
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
        let (w, h) = (self.size.0 * self.density, self.size.1 * self.density);
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
