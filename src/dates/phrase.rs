//! The paper's date phrases ("mid-2022", "2021/22 school year", "from 2018 to 2022") read into
//! a precision and a span of days. Used by the dataset checks (`validate`) and the tests only:
//! the app reads the dataset's dates, never phrases, so this is not compiled for wasm.

use super::{day_number, days_in_month, MONTH_NAMES};
use crate::model::Precision;

/// The year the paper was issued: its relative phrases ("this year", "next year") count from it.
pub const PAPER_YEAR: i32 = 2021;
/// The month the paper was issued (October): "up to now" ends with it.
pub const PAPER_MONTH: u32 = 10;

fn month_number(name: &str) -> Option<u32> {
    MONTH_NAMES
        .iter()
        .position(|m| *m == name)
        .map(|i| i as u32 + 1)
}

fn iso(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn four_digit_year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Reads one of the paper's date phrases, relative to the paper's year ([`PAPER_YEAR`]).
/// See [`parse_paper_date_in`] for the phrases and the conventions.
pub fn parse_paper_date(text: &str) -> Option<(Precision, String, String)> {
    parse_paper_date_in(text, PAPER_YEAR, PAPER_MONTH)
}

/// Reads a date phrase of a policy paper issued in `paper_year`/`paper_month` and returns its
/// precision and the inclusive span of ISO days it stands for. Conventions (DATA.md):
///
/// - "1 April 2018": that day ([`Precision::Day`]).
/// - "early-/mid-/end-July 2021": days 1-10 / 11-20 / 21-last ([`Precision::PartOfMonth`]).
/// - "July 2021", "June this year": the whole month.
/// - "early 2020" = January-March, "mid-2022" / "the middle of next year" = May-August,
///   "end-2024" = October-December ([`Precision::PartOfYear`]).
/// - "2019": the calendar year.
/// - "2021/22 school year": 1 September 2021 - 31 August 2022.
/// - "2021-22", "2019/20": the government financial year, 1 April 2021 - 31 March 2022.
/// - "from A to B": from the start of A to the end of B; "from A up to now" ends with the
///   paper's month ([`Precision::Range`]).
///
/// "this year" is the paper's year and "next year" the one after; a leading "the" is ignored.
pub fn parse_paper_date_in(
    text: &str,
    paper_year: i32,
    paper_month: u32,
) -> Option<(Precision, String, String)> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix("from ").or_else(|| t.strip_prefix("From ")) {
        if let Some(a) = rest.strip_suffix(" up to now") {
            let (_, start, _) = parse_paper_date_in(a, paper_year, paper_month)?;
            let end = iso(
                paper_year,
                paper_month,
                days_in_month(paper_year, paper_month),
            );
            return Some((Precision::Range, start, end));
        }
        let (a, b) = rest.split_once(" to ")?;
        let (_, start, _) = parse_paper_date_in(a, paper_year, paper_month)?;
        let (_, _, end) = parse_paper_date_in(b, paper_year, paper_month)?;
        if day_number(&start)? > day_number(&end)? {
            return None;
        }
        return Some((Precision::Range, start, end));
    }
    let t = t.strip_prefix("the ").unwrap_or(t);
    let t = t
        .replace("this year", &paper_year.to_string())
        .replace("next year", &(paper_year + 1).to_string());
    let words: Vec<&str> = t.split(' ').collect();
    match words.as_slice() {
        // "1 April 2018"
        [d, m, y] if d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()) => {
            let (y, m, d) = (four_digit_year(y)?, month_number(m)?, d.parse().ok()?);
            let day = iso(y, m, d);
            day_number(&day)?;
            Some((Precision::Day, day.clone(), day))
        }
        // "middle of 2022", "end of 2024", "early 2020"
        ["middle", "of", y] => part_of_year("mid", four_digit_year(y)?),
        ["end", "of", y] => part_of_year("end", four_digit_year(y)?),
        ["early", y] => part_of_year("early", four_digit_year(y)?),
        // "2021/22 school year"
        [fy, "school", "year"] => {
            let y = two_year_span(fy, '/')?;
            Some((Precision::SchoolYear, iso(y, 9, 1), iso(y + 1, 8, 31)))
        }
        // "mid-September 2021", "end-July 2021", "July 2021"
        [m, y] => {
            let y = four_digit_year(y)?;
            if let Some((part, month)) = m.split_once('-') {
                let month = month_number(month)?;
                let (a, b) = match part {
                    "early" => (1, 10),
                    "mid" => (11, 20),
                    "end" => (21, days_in_month(y, month)),
                    _ => return None,
                };
                Some((Precision::PartOfMonth, iso(y, month, a), iso(y, month, b)))
            } else {
                let month = month_number(m)?;
                Some((
                    Precision::Month,
                    iso(y, month, 1),
                    iso(y, month, days_in_month(y, month)),
                ))
            }
        }
        [one] => {
            // "mid-2022", "end-2024"
            if let Some((part, y)) = one.split_once('-') {
                if let Some(y) = four_digit_year(y) {
                    return part_of_year(part, y);
                }
            }
            if let Some(y) = four_digit_year(one) {
                return Some((Precision::Year, iso(y, 1, 1), iso(y, 12, 31)));
            }
            // "2021-22", "2019/20"
            let y = two_year_span(one, '-').or_else(|| two_year_span(one, '/'))?;
            Some((Precision::FinancialYear, iso(y, 4, 1), iso(y + 1, 3, 31)))
        }
        _ => None,
    }
}

fn part_of_year(part: &str, y: i32) -> Option<(Precision, String, String)> {
    let (a, b) = match part {
        "early" => (1, 3),
        "mid" => (5, 8),
        "end" => (10, 12),
        _ => return None,
    };
    Some((
        Precision::PartOfYear,
        iso(y, a, 1),
        iso(y, b, days_in_month(y, b)),
    ))
}

/// "2021/22" or "2021-22" (consecutive years) -> 2021.
fn two_year_span(s: &str, sep: char) -> Option<i32> {
    let (a, b) = s.split_once(sep)?;
    let y = four_digit_year(a)?;
    if b.len() != 2 || !b.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let next: i32 = b.parse().ok()?;
    ((y + 1).rem_euclid(100) == next).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Precision, String, String) {
        parse_paper_date(text).unwrap_or_else(|| panic!("cannot parse {text:?}"))
    }

    fn span(p: Precision, a: &str, b: &str) -> (Precision, String, String) {
        (p, a.to_string(), b.to_string())
    }

    #[test]
    fn paper_date_phrases() {
        use Precision::*;
        let cases = [
            ("1 April 2018", span(Day, "2018-04-01", "2018-04-01")),
            ("July 2021", span(Month, "2021-07-01", "2021-07-31")),
            ("February 2020", span(Month, "2020-02-01", "2020-02-29")),
            (
                "mid-September 2021",
                span(PartOfMonth, "2021-09-11", "2021-09-20"),
            ),
            (
                "end-July 2021",
                span(PartOfMonth, "2021-07-21", "2021-07-31"),
            ),
            (
                "end-August 2021",
                span(PartOfMonth, "2021-08-21", "2021-08-31"),
            ),
            ("mid-2022", span(PartOfYear, "2022-05-01", "2022-08-31")),
            ("end-2024", span(PartOfYear, "2024-10-01", "2024-12-31")),
            ("early 2020", span(PartOfYear, "2020-01-01", "2020-03-31")),
            (
                "the middle of next year",
                span(PartOfYear, "2022-05-01", "2022-08-31"),
            ),
            ("June this year", span(Month, "2021-06-01", "2021-06-30")),
            ("2019", span(Year, "2019-01-01", "2019-12-31")),
            (
                "2021/22 school year",
                span(SchoolYear, "2021-09-01", "2022-08-31"),
            ),
            ("2021-22", span(FinancialYear, "2021-04-01", "2022-03-31")),
            ("2019/20", span(FinancialYear, "2019-04-01", "2020-03-31")),
            ("from 2018 to 2022", span(Range, "2018-01-01", "2022-12-31")),
            (
                "from 18 May 2020 to 31 October 2020",
                span(Range, "2020-05-18", "2020-10-31"),
            ),
            (
                "from 2018-19 to 2020-21",
                span(Range, "2018-04-01", "2021-03-31"),
            ),
            (
                "From July 2017 up to now",
                span(Range, "2017-07-01", "2021-10-31"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parsed(text), want, "{text}");
        }
    }

    #[test]
    fn nonsense_dates_are_refused() {
        for text in [
            "",
            "soon",
            "31 February 2020",
            "Julember 2021",
            "mid-Foo 2021",
            "2021/23",
            "2021-2",
            "late-2020",
            "from 2022 to 2018",
            "from 2018",
            "the year 2020",
        ] {
            assert_eq!(parse_paper_date(text), None, "{text:?}");
        }
    }
}
