//! Palettes and text cleaning shared by every chart, and (from `numbers`) the number
//! formatting.
//!
//! Vendor colours come from the Okabe-Ito palette (safe for the common colour-vision
//! deficiencies), criterion colours from Paul Tol's "muted" palette, so a criterion segment is
//! never mistaken for a vendor. Excluded vendors are grey.

use plotters::style::RGBColor;

use super::data::VendorStyle;
use super::error::ChartError;

pub use super::numbers::{decimals, fmt_fixed, fmt_num, group_decimals};

/// Vendor palette (Okabe & Ito 2008), ordered so that the first vendors get the strongest
/// colours; yellow, the weakest on white, comes last.
pub const VENDOR_PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x00, 0x00), // black
    RGBColor(0xF0, 0xE4, 0x42), // yellow
];

/// Criterion palette: Paul Tol's "muted" colours, ordered so that neighbouring segments
/// alternate dark and light, then his "light" colours for criteria 10 to 17. Past 17 the colours
/// repeat; the legend order still tells them apart.
pub const CRITERION_PALETTE: [RGBColor; 17] = [
    RGBColor(0x33, 0x22, 0x88), // indigo
    RGBColor(0xDD, 0xCC, 0x77), // sand
    RGBColor(0x11, 0x77, 0x33), // green
    RGBColor(0x88, 0xCC, 0xEE), // cyan
    RGBColor(0x88, 0x22, 0x55), // wine
    RGBColor(0x44, 0xAA, 0x99), // teal
    RGBColor(0xCC, 0x66, 0x77), // rose
    RGBColor(0x99, 0x99, 0x33), // olive
    RGBColor(0xAA, 0x44, 0x99), // purple
    RGBColor(0x77, 0xAA, 0xDD), // light blue
    RGBColor(0xEE, 0x88, 0x66), // orange
    RGBColor(0x44, 0xBB, 0x99), // mint
    RGBColor(0xEE, 0xDD, 0x88), // light yellow
    RGBColor(0x99, 0xDD, 0xFF), // light cyan
    RGBColor(0xFF, 0xAA, 0xBB), // pink
    RGBColor(0xBB, 0xCC, 0x33), // pear
    RGBColor(0xAA, 0xAA, 0x00), // olive
];

/// Colour of excluded vendors.
pub const EXCLUDED: RGBColor = RGBColor(0x9A, 0x9A, 0x9A);
/// Colour of secondary text (notes, excluded lists).
pub const MUTED_TEXT: RGBColor = RGBColor(0x4D, 0x4D, 0x4D);
/// Colour of grid lines.
pub const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);

/// Longest vendor label, in characters, before it is cut with an ellipsis.
pub const MAX_LABEL_CHARS: usize = 28;

/// Marker shape of a vendor: the palette repeats past its length with a new shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Filled circle (first pass through the palette).
    Circle,
    /// Filled triangle (second pass).
    Triangle,
    /// Filled square (third pass).
    Square,
}

/// Colour of a vendor: grey when excluded, else its palette entry.
pub fn vendor_colour(v: &VendorStyle) -> RGBColor {
    if v.excluded {
        EXCLUDED
    } else {
        VENDOR_PALETTE[v.colour % VENDOR_PALETTE.len()]
    }
}

/// Marker shape of a vendor.
pub fn vendor_shape(v: &VendorStyle) -> Shape {
    match (v.colour / VENDOR_PALETTE.len()) % 3 {
        0 => Shape::Circle,
        1 => Shape::Triangle,
        _ => Shape::Square,
    }
}

/// A colour as CSS hex (`#0072B2`), for HTML beside the charts.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Colour of the criterion at position `i`.
pub fn criterion_colour(i: usize) -> RGBColor {
    CRITERION_PALETTE[i % CRITERION_PALETTE.len()]
}

/// Display label of a vendor: cleaned, shortened, with " (excluded)" when excluded.
pub fn vendor_label(v: &VendorStyle) -> String {
    let base = shorten(&clean(&v.label), MAX_LABEL_CHARS);
    let base = if base.is_empty() {
        shorten(&clean(&v.id), MAX_LABEL_CHARS)
    } else {
        base
    };
    if v.excluded {
        format!("{base} (excluded)")
    } else {
        base
    }
}

/// Replaces control characters (which XML 1.0 forbids) with spaces and trims the result.
pub fn clean(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    out.trim().to_string()
}

/// Cuts `s` to at most `max` characters, ending with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let out: String = s.chars().take(max.saturating_sub(1)).collect();
    // Never "……" when an already shortened label is shortened again.
    let mut out = out.trim_end().trim_end_matches('…').trim_end().to_string();
    out.push('…');
    out
}

/// Relative luminance (sRGB, WCAG 2) of a colour, 0 for black to 1 for white.
pub fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// Black or white, whichever reads better on `background`.
pub fn text_on(background: RGBColor) -> RGBColor {
    if luminance(background) > 0.35 {
        RGBColor(0, 0, 0)
    } else {
        RGBColor(255, 255, 255)
    }
}

/// Finds the style of `id` in `vendors`.
pub fn find_vendor<'a>(
    chart: &'static str,
    vendors: &'a [VendorStyle],
    id: &str,
) -> Result<&'a VendorStyle, ChartError> {
    vendors
        .iter()
        .find(|v| v.id == id)
        .ok_or_else(|| ChartError::UnknownVendor {
            chart,
            vendor: id.to_string(),
        })
}

/// Checks that `value` is finite.
pub fn finite(
    chart: &'static str,
    item: &str,
    what: &'static str,
    value: f64,
) -> Result<f64, ChartError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ChartError::Value {
            chart,
            item: item.to_string(),
            what,
            value,
            rule: "expected a finite number",
        })
    }
}

/// Checks that `value` is finite and within `0..=1`.
pub fn unit_interval(
    chart: &'static str,
    item: &str,
    what: &'static str,
    value: f64,
) -> Result<f64, ChartError> {
    if value.is_finite() && (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(ChartError::Value {
            chart,
            item: item.to_string(),
            what,
            value,
            rule: "expected a number from 0 to 1",
        })
    }
}

/// Checks that a list of `what` for `item` has `expected` entries.
pub fn check_len(
    chart: &'static str,
    item: &str,
    what: &'static str,
    expected: usize,
    found: usize,
) -> Result<(), ChartError> {
    if expected == found {
        Ok(())
    } else {
        Err(ChartError::Length {
            chart,
            item: item.to_string(),
            what,
            expected,
            found,
        })
    }
}

/// The cleaned title, or `default()` when it is blank.
pub fn title_or(title: &str, default: impl FnOnce() -> String) -> String {
    let t = clean(title);
    if t.is_empty() {
        default()
    } else {
        t
    }
}

/// The cleaned label, or the cleaned id when the label is blank.
pub fn label_or_id(label: &str, id: &str) -> String {
    let l = clean(label);
    if l.is_empty() {
        clean(id)
    } else {
        l
    }
}

/// `"{name} ({unit})"`, or the name alone when the unit is blank.
pub fn with_unit(name: &str, unit: &str) -> String {
    let unit = clean(unit);
    if unit.is_empty() {
        clean(name)
    } else {
        format!("{} ({unit})", clean(name))
    }
}

/// A value range padded by `pad` of its width on each side; a zero-width range is widened.
pub fn padded(min: f64, max: f64, pad: f64) -> (f64, f64) {
    let width = max - min;
    if width.abs() < 1e-12 {
        let d = (min.abs() * 0.1)
            .max(1e-3)
            .max(if min.abs() >= 1.0 { 1.0 } else { 0.0 });
        return (min - d, max + d);
    }
    (min - width * pad, max + width * pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_with_ellipsis() {
        assert_eq!(shorten("abc", 28), "abc");
        let long = "A very long vendor name that goes on and on";
        let s = shorten(long, 28);
        assert_eq!(s.chars().count(), 28);
        assert!(s.ends_with('…'));
        let again = shorten(&format!("{s} (excluded)"), 30);
        assert!(!again.contains("……"), "{again}");
    }

    #[test]
    fn clean_removes_control_characters() {
        assert_eq!(clean("a\u{1}b\nc\t"), "a b c");
    }

    #[test]
    fn palette_repeats_with_new_shape() {
        let v = |c| VendorStyle {
            id: "a".into(),
            label: "A".into(),
            colour: c,
            excluded: false,
        };
        assert_eq!(vendor_colour(&v(0)), vendor_colour(&v(8)));
        assert_ne!(vendor_shape(&v(0)), vendor_shape(&v(8)));
        let mut x = v(0);
        x.excluded = true;
        assert_eq!(vendor_colour(&x), EXCLUDED);
        assert_eq!(vendor_label(&x), "A (excluded)");
        assert_eq!(hex(vendor_colour(&v(0))), "#0072B2");
    }

    #[test]
    fn padded_widens_zero_ranges() {
        let (a, b) = padded(5.0, 5.0, 0.05);
        assert!(a < 5.0 && b > 5.0);
        let (a, b) = padded(0.0, 0.0, 0.05);
        assert!(a < 0.0 && b > 0.0);
    }
}
