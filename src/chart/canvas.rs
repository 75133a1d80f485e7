//! Rendering machinery shared by the charts: the embedded font, the two layouts (wide for a
//! desktop page, slides and files; narrow for a phone), one drawing pass per backend (SVG
//! text and an in-memory RGB bitmap at twice the pixel density, encoded as PNG), and the text
//! and title helpers that keep every label inside the canvas.

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

use super::error::ChartError;
use super::raster::RasterBackend;
use super::style;
use super::Chart;

/// The embedded font (DejaVu Sans 2.37, Bitstream Vera licence; see assets/fonts/).
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The family name the font is registered under and every chart asks for.
const FAMILY: &str = "sans-serif";
/// What the SVG asks the viewer for: DejaVu Sans when installed, else a font of similar width.
const SVG_FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

/// Default canvas width in pixels.
pub const WIDTH: u32 = 900;
/// Width of the narrow layout: at a phone's 390 CSS px, about 365 px are left for a figure,
/// so its text shows at 0.96 of its size, the smallest (11.3 px) at 10.8 CSS px.
pub const NARROW_WIDTH: u32 = 380;
/// Bitmap pixels per chart pixel in the PNG: sharp on a slide or a high-density screen.
pub const PNG_DENSITY: u32 = 2;
/// Default (and minimum) canvas height in pixels.
pub const HEIGHT: u32 = 520;
/// Space above the plot reserved for the title.
pub const TITLE_H: i32 = 44;
/// Outer margin in pixels.
pub const MARGIN: i32 = 14;

/// Text sizes (plotters font sizes, about 1.2 times the pixel height of a capital).
pub const TITLE_SIZE: f64 = 22.0;
/// Axis descriptions and legends.
pub const LABEL_SIZE: f64 = 16.0;
/// Tick labels and notes.
pub const SMALL_SIZE: f64 = 14.0;

/// The two layouts of every chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// 900 px wide: the files, the Markdown report and the HTML page on a wide screen.
    Wide,
    /// 380 px wide and taller, same text sizes: the HTML page on a phone.
    Narrow,
}

impl Layout {
    /// Canvas width of the layout.
    pub fn width(self) -> u32 {
        match self {
            Layout::Wide => WIDTH,
            Layout::Narrow => NARROW_WIDTH,
        }
    }

    /// Whether this is the narrow layout.
    pub fn narrow(self) -> bool {
        self == Layout::Narrow
    }
}

/// Result of a drawing pass on backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A validated chart, ready to draw on any backend.
pub trait Plot {
    /// Chart name used in errors.
    const NAME: &'static str;
    /// The title drawn at the top and stored in the SVG's `<title>`.
    fn title(&self) -> &str;
    /// Canvas size in pixels of a layout.
    fn size(&self, layout: Layout) -> (u32, u32) {
        (layout.width(), HEIGHT)
    }
    /// Draws the whole chart on `root` (already filled white) in a layout.
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB>;
}

/// Registers the embedded font once per process.
pub fn ensure_font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    if *REGISTERED.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT).is_ok()) {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

/// Draws `plot` three times: the wide layout as SVG and as PNG, the narrow one as SVG.
pub fn render<P: Plot>(plot: &P) -> Result<Chart, ChartError> {
    ensure_font()?;
    let (w, h) = plot.size(Layout::Wide);
    let svg = draw_svg(plot, Layout::Wide)?;
    let narrow = draw_svg(plot, Layout::Narrow)?;
    let (d, draw_err) = (PNG_DENSITY, err::<P>);
    let mut rgb = vec![255u8; (w * d) as usize * (h * d) as usize * 3];
    {
        let font = ab_glyph::FontRef::try_from_slice(FONT).map_err(|_| ChartError::Font)?;
        let root = RasterBackend::new(&mut rgb, (w, h), font, d).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        plot.draw(&root, Layout::Wide).map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    let png = encode_png(&rgb, w * d, h * d).map_err(|source| ChartError::Png {
        chart: P::NAME,
        source,
    })?;
    let (narrow_width, narrow_height) = plot.size(Layout::Narrow);
    Ok(Chart {
        svg,
        png,
        width: w,
        height: h,
        narrow,
        narrow_width,
        narrow_height,
    })
}

/// A drawing error of chart `P`.
fn err<P: Plot>(e: impl ToString) -> ChartError {
    ChartError::Draw {
        chart: P::NAME,
        message: e.to_string(),
    }
}

/// The finished SVG of `plot` in `layout`.
fn draw_svg<P: Plot>(plot: &P, layout: Layout) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, plot.size(layout)).into_drawing_area();
        root.fill(&WHITE).map_err(err::<P>)?;
        plot.draw(&root, layout).map_err(err::<P>)?;
        root.present().map_err(err::<P>)?;
    }
    Ok(finish_svg(svg, plot.title()))
}

/// Encodes an RGB buffer as an 8-bit PNG in memory.
fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header()?;
        writer.write_image_data(rgb)?;
        writer.finish()?;
    }
    Ok(out)
}

/// Adds an accessible `<title>` and a font stack to the SVG plotters wrote. Plotters already
/// escapes text and attribute values; the title is escaped here.
fn finish_svg(svg: String, title: &str) -> String {
    // Attribute values below are written by the backend; text from the data cannot match them
    // because plotters escapes its quotes.
    // Plotters escapes markup but passes any character through: one that XML does not
    // allow (U+FFFE in a vendor's name) would make the file unreadable.
    let svg: String = if svg.chars().all(xml_char) {
        svg
    } else {
        svg.chars()
            .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
            .collect()
    };
    let svg = svg
        .replace(
            &format!("font-family=\"{FAMILY}\""),
            &format!("font-family=\"{SVG_FAMILY}\""),
        )
        .replace("dy=\"0.5ex\"", "dy=\"0.36em\"");
    match svg
        .find("<svg")
        .and_then(|s| svg[s..].find('>').map(|e| s + e + 1))
    {
        Some(at) => format!(
            "{}\n<title>{}</title>{}",
            &svg[..at],
            escape_xml(title),
            &svg[at..]
        ),
        None => svg,
    }
}

/// Escapes text for XML content and attribute values, so a parser reads back the same
/// text; a character XML 1.0 does not allow becomes U+FFFD.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // As references, so a parser neither normalises line ends nor, in an
            // attribute, turns them into spaces.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production): tab, newline,
/// carriage return, and U+0020 to U+10FFFF except the surrogates and U+FFFE, U+FFFF.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A text style in the embedded font.
pub fn text(size: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal),
        color: colour.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Width in pixels of `s` at `size` in the embedded font (call after [`ensure_font`]).
pub fn text_width(s: &str, size: f64) -> i32 {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)
        .box_size(s)
        .map(|(w, _)| w as i32)
        .unwrap_or((s.chars().count() as f64 * size * 0.6) as i32)
}

/// `s` shortened with an ellipsis until it is at most `max_px` wide.
pub fn fit(s: &str, size: f64, max_px: i32) -> String {
    let mut n = s.chars().count();
    let mut out = s.to_string();
    while n > 1 && text_width(&out, size) > max_px {
        n -= 1;
        out = style::shorten(s, n);
    }
    out
}

/// Draws `s` at pixel `at` with the given style.
pub fn put<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    st: &TextStyle,
) -> DrawResult<DB> {
    root.draw(&Text::new(s.to_string(), at, st.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ab_glyph::FontRef;

    #[test]
    fn characters_xml_forbids_become_replacement_characters() {
        assert_eq!(
            escape_xml("a\u{FFFE}b\u{1}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(escape_xml("tab\tnewline\n😀"), "tab&#9;newline&#10;😀");
        let svg = finish_svg(
            "<svg x=\"1\"><text>Bad\u{FFFE}Char</text></svg>".into(),
            "t",
        );
        assert!(
            svg.contains("Bad\u{FFFD}Char") && !svg.contains('\u{FFFE}'),
            "{svg}"
        );
    }

    #[test]
    fn escape_xml_escapes_markup() {
        assert_eq!(
            escape_xml("<a href='x'>&\"</a>"),
            "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;"
        );
    }

    #[test]
    fn finish_svg_adds_escaped_title() {
        let svg = "<svg width=\"1\" height=\"1\">\n<text font-family=\"sans-serif\">x</text></svg>"
            .to_string();
        let out = finish_svg(svg, "a < b");
        assert!(out.contains("<title>a &lt; b</title>"));
        assert!(out.contains(SVG_FAMILY));
    }

    #[test]
    fn font_registers_once() {
        assert!(ensure_font().is_ok());
        assert!(ensure_font().is_ok());
    }

    // The bitmap backend draws text where `text_width` measured it (raster.rs).
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
                let root = RasterBackend::new(&mut buf, (w as u32, h as u32), font.clone(), 1)
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
