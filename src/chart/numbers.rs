//! The one precision rule for numbers printed on a chart (docs/charts.md, "Numbers"):
//! three significant digits counted on the largest number of a group, which then shares its
//! decimals with trailing zeros kept; tick labels drop their trailing zeros.

/// Decimals that give `v` three significant digits: none from 100 up, one from 10, two from
/// 1, and below 1 as many as three significant digits need (at most 6).
pub fn decimals(v: f64) -> usize {
    let a = v.abs();
    if !a.is_finite() || a == 0.0 || a >= 99.95 {
        0
    } else if a >= 9.995 {
        1
    } else if a >= 0.9995 {
        2
    } else {
        ((-a.log10()).floor() as usize + 3).min(6)
    }
}

/// The decimals of numbers read together (a column, a row of estimates): those that give
/// the largest of them three significant digits (see docs/charts.md, "Numbers").
pub fn group_decimals(values: &[f64]) -> usize {
    let largest = values
        .iter()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |m, v| m.max(v.abs()));
    decimals(largest)
}

/// `v` with `d` decimals, trailing zeros kept (numbers of one group line up); an exact zero
/// is "0", a minus is U+2212, and a value that is not finite is "n/a".
pub fn fmt_fixed(v: f64, d: usize) -> String {
    if !v.is_finite() {
        return "n/a".to_string();
    }
    if v == 0.0 {
        return "0".to_string();
    }
    let s = format!("{v:.d$}");
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s.replace('-', "−")
    }
}

/// A number alone (or a tick label on an axis): three significant digits, trailing zeros
/// dropped, since evenly spaced ticks already line up.
pub fn fmt_num(v: f64) -> String {
    let s = fmt_fixed(v, decimals(v));
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fmt_num_is_short() {
        assert_eq!(fmt_num(72.456), "72.5");
        assert_eq!(fmt_num(0.98123), "0.981");
        assert_eq!(fmt_num(0.0012345), "0.00123");
        assert_eq!(fmt_num(1234.0), "1234");
        assert_eq!(fmt_num(-0.0), "0");
        assert_eq!(fmt_num(-2.5), "−2.5");
        assert_eq!(fmt_num(f64::NAN), "n/a");
    }

    #[test]
    fn a_group_shares_the_decimals_of_its_largest_number() {
        let row = [98.9, 98.0, 99.4];
        let d = group_decimals(&row);
        assert_eq!(d, 1);
        assert_eq!(fmt_fixed(98.0, d), "98.0");
        let row = [0.00333, 0.000404, 0.012];
        let d = group_decimals(&row);
        assert_eq!(d, 4);
        assert_eq!(fmt_fixed(0.000404, d), "0.0004");
        assert_eq!(fmt_fixed(0.0, d), "0");
        assert_eq!(fmt_fixed(-0.00001, 2), "0.00");
        assert_eq!(fmt_fixed(-2.5, 2), "−2.50");
        assert_eq!(group_decimals(&[120.0, 3.0]), 0);
        assert_eq!(group_decimals(&[9.999]), 1);
        assert_eq!(group_decimals(&[f64::NAN]), 0);
    }
}
