//! Dates in evidence files: `YYYY-MM-DD`, or a month `YYYY-MM` where a file allows it,
//! checked against the calendar; and day arithmetic on them (days since 1970-01-01 and
//! back, the day of the week) for calendars such as a migration plan's.

/// A calendar date, or a month when `day` is 0 (`YYYY-MM`). Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.day == 0 {
            write!(f, "{:04}-{:02}", self.year, self.month)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), H. Hinnant's `days_from_civil`
    /// ("chrono-Compatible Low-Level Date Algorithms"). A month (`day` 0) counts as its
    /// first day.
    pub fn days(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day.max(1)));
        let y = i64::from(self.year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, Hinnant's `civil_from_days`.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year as i32,
            month: month as u32,
            day: day as u32,
        }
    }

    /// The day of the week, 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn plus(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }
}

/// Whether `s` is a real day written `YYYY-MM-DD`: `parse_date(s, false).is_some()`
/// without splitting, for checking every row of a large pilot.
pub fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digit = |i: usize| u32::from(b[i].wrapping_sub(b'0'));
    if [0, 1, 2, 3, 5, 6, 8, 9].iter().any(|&i| digit(i) > 9) {
        return false;
    }
    let year = (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) as i32;
    let (month, day) = (digit(5) * 10 + digit(6), digit(8) * 10 + digit(9));
    (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses `YYYY-MM-DD`, or `YYYY-MM` when `month_ok`.
pub fn parse_date(s: &str, month_ok: bool) -> Option<Date> {
    // No allocation: the pilot's fast path checks every row's date with this.
    let mut parts = s.split('-');
    let num = |p: Option<&str>, len: usize| -> Option<u32> {
        let p = p?;
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    let (year, month) = (num(parts.next(), 4)? as i32, num(parts.next(), 2)?);
    if !(1..=12).contains(&month) {
        return None;
    }
    let day = match (parts.next(), parts.next()) {
        (None, _) if month_ok => None,
        (Some(d), None) => Some(num(Some(d), 2)?),
        _ => return None,
    };
    match day {
        Some(d) if !(1..=days_in_month(year, month)).contains(&d) => None,
        _ => Some(Date {
            year,
            month,
            day: day.unwrap_or(0),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The row check's day test agrees with the date parser, on dates and on noise.
        #[test]
        fn is_day_agrees_with_parse_date(s in "[0-9]{4}-[0-3][0-9]-[0-3][0-9]|.{0,11}") {
            proptest::prop_assert_eq!(is_day(&s), parse_date(&s, false).is_some(), "{}", s);
        }
    }

    #[test]
    fn day_counts_follow_the_calendar() {
        let d = |s: &str| parse_date(s, false).unwrap();
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2000-03-01").days(), 11_017);
        assert_eq!(d("2024-09-29").days() - d("2024-07-01").days(), 90);
        assert_eq!(Date::from_days(d("2024-02-28").days() + 1), d("2024-02-29"));
        assert_eq!(d("2023-12-31").plus(1), d("2024-01-01"));
        assert_eq!(d("1969-12-31").days(), -1);
        // 2024-07-01 was a Monday, 2024-09-29 a Sunday, 1970-01-01 a Thursday.
        assert_eq!(d("2024-07-01").weekday(), 0);
        assert_eq!(d("2024-09-29").weekday(), 6);
        assert_eq!(d("1970-01-01").weekday(), 3);
    }

    proptest::proptest! {
        /// Every day count of years 1 to 9999 maps to a real date and back.
        #[test]
        fn days_round_trip(n in -719_162i64..2_932_897) {
            let date = Date::from_days(n);
            proptest::prop_assert!(is_day(&date.to_string()));
            proptest::prop_assert_eq!(date.days(), n);
        }
    }

    #[test]
    fn dates_check_calendar() {
        assert_eq!(
            parse_date("2024-02-29", false),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2023-02-29", false), None);
        for bad in [
            "2024-01-00",
            "2024-00-10",
            "2024-1-10",
            "2024-01-10-1",
            "24-01-10",
            "2024-01",
            "2024/01/10",
            "",
        ] {
            assert_eq!(parse_date(bad, false), None, "{bad}");
            assert!(!is_day(bad), "{bad}");
        }
        for good in ["2024-02-29", "2000-02-29", "1999-12-31", "2024-01-01"] {
            assert!(is_day(good) && parse_date(good, false).is_some(), "{good}");
        }
        for bad in [
            "1900-02-29",
            "2023-02-29",
            "2024-04-31",
            "2024-1a-01",
            "2024_01_01",
        ] {
            assert!(!is_day(bad) && parse_date(bad, false).is_none(), "{bad}");
        }
        assert_eq!(
            parse_date("2021-09", true),
            Some(Date {
                year: 2021,
                month: 9,
                day: 0
            })
        );
        assert_eq!(parse_date("2021-09", false), None);
        assert_eq!(parse_date("2021-13-01", false), None);
        assert_eq!(parse_date("21-01-01", false), None);
        assert!(parse_date("2021-09", true) < parse_date("2021-09-01", true));
    }
}
