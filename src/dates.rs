//! Calendar arithmetic on ISO dates ("2021-10-06"), shared by validation, sorting and the timeline,
//! and (in `phrase`, for the dataset checks only: not compiled for wasm) the reader of the
//! paper's own date phrases (`parse_paper_date`).

#[cfg(not(target_arch = "wasm32"))]
mod phrase;
#[cfg(not(target_arch = "wasm32"))]
pub use phrase::{parse_paper_date, parse_paper_date_in, PAPER_MONTH, PAPER_YEAR};

/// Days since 1970-01-01 for an ISO "YYYY-MM-DD" date, or None when it is not a real date.
pub fn day_number(iso: &str) -> Option<i32> {
    let mut parts = iso.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    // Four-digit years only: the arithmetic below stays far from overflow.
    if parts.next().is_some()
        || !(0..=9999).contains(&y)
        || !(1..=12).contains(&m)
        || d < 1
        || d > days_in_month(y, m)
    {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO date of a day number (inverse of [`day_number`]).
pub fn iso_date(days: i32) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The year of an ISO date.
pub fn year_of(iso: &str) -> Option<i32> {
    iso.get(..4)?.parse().ok()
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2021-10-06"), Some(18_906));
        assert_eq!(day_number("2020-02-30"), None);
        assert_eq!(
            day_number("2020-02-29").map(iso_date).as_deref(),
            Some("2020-02-29")
        );
    }

    #[test]
    fn round_trip_over_a_decade() {
        for d in day_number("2015-01-01").unwrap()..day_number("2026-12-31").unwrap() {
            assert_eq!(day_number(&iso_date(d)), Some(d));
        }
    }
}
