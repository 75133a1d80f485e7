//! Amounts of money as the terminal tables show them: a currency symbol and thousands
//! separators (`$14,627.45`, `€1,234.00`, `CHF 980.00`). CSV, JSON and Markdown keep
//! plain numbers; this is for people reading a terminal.

/// The symbol of a currency that has one everyone reads the same way (the English
/// symbols of the Unicode CLDR); `None` for the others, which show their ISO code.
fn symbol(code: &str) -> Option<&'static str> {
    Some(match code.trim().to_ascii_uppercase().as_str() {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        _ => return None,
    })
}

/// Digits of a whole number in groups of three: `1234567` → `1,234,567`.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// An amount in `currency` (an ISO 4217 code) to the cent, for a terminal table: the
/// symbol before the amount when the currency has one (`$14,627.45`, `-$5.00`), else the
/// code and a space (`CHF 1,234.00`, `CHF -5.00`); thousands separated by commas. An
/// amount that rounds to zero shows no sign; a missing or infinite one shows `n/a`.
pub fn money(amount: f64, currency: &str) -> String {
    if !amount.is_finite() {
        return "n/a".into();
    }
    let cents = format!("{:.2}", amount.abs());
    let (whole, fraction) = cents.split_once('.').unwrap_or((&cents, "00"));
    let sign = if amount < 0.0 && cents.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        "-"
    } else {
        ""
    };
    let number = format!("{}.{fraction}", group_thousands(whole));
    match symbol(currency) {
        Some(s) => format!("{sign}{s}{number}"),
        None if currency.trim().is_empty() => format!("{sign}{number}"),
        None => format!("{} {sign}{number}", currency.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn symbols_and_thousands_separators() {
        assert_eq!(money(14627.45, "USD"), "$14,627.45");
        assert_eq!(money(1234.0, "EUR"), "€1,234.00");
        assert_eq!(money(999.999, "GBP"), "£1,000.00");
        assert_eq!(money(12.5, "usd"), "$12.50");
        assert_eq!(money(100.0, "CAD"), "CA$100.00");
    }

    #[test]
    fn negatives_put_the_sign_before_the_symbol() {
        assert_eq!(money(-5.0, "USD"), "-$5.00");
        assert_eq!(money(-1234567.891, "EUR"), "-€1,234,567.89");
        assert_eq!(money(-980.0, "CHF"), "CHF -980.00");
    }

    #[test]
    fn zero_has_no_sign() {
        assert_eq!(money(0.0, "USD"), "$0.00");
        assert_eq!(money(-0.0, "USD"), "$0.00");
        assert_eq!(money(-0.004, "USD"), "$0.00");
        assert_eq!(money(0.005, "EUR"), "€0.01");
    }

    #[test]
    fn large_values_group_every_three_digits() {
        assert_eq!(money(1_000.0, "USD"), "$1,000.00");
        assert_eq!(money(100_000.0, "USD"), "$100,000.00");
        assert_eq!(money(1_234_567_890.12, "USD"), "$1,234,567,890.12");
        assert_eq!(money(999.0, "USD"), "$999.00");
    }

    #[test]
    fn currencies_without_a_symbol_show_their_code() {
        assert_eq!(money(1234.5, "CHF"), "CHF 1,234.50");
        assert_eq!(money(42.0, "SEK"), "SEK 42.00");
        assert_eq!(money(7.0, ""), "7.00");
        assert_eq!(money(f64::NAN, "USD"), "n/a");
    }
}
