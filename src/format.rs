//! Number and date formatting for people: amounts, areas, counts, with the paper's hedges, in
//! each interface language. English keeps the paper's style ("around HK$26.3 billion"); Chinese
//! counts in 萬 and 億 and writes dates with 年月日 ("約263億港元", "2022年年中").

use crate::i18n::Locale;
use crate::model::{Figure, PaperDate, Precision, Qualifier, Unit};
use crate::zh_code::for_locale;

/// Groups thousands with a thin comma ("44,600"); keeps up to `decimals` places, trimming zeros.
pub fn group(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return if value.is_nan() {
            "NaN"
        } else if value < 0.0 {
            "-inf"
        } else {
            "inf"
        }
        .into();
    }
    let (int, frac) = fixed(value.abs(), decimals);
    let mut out = String::new();
    if value < 0.0 && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    }
    out
}

/// A finite `value` (not negative) rounded to `decimals` places as `format!("{:.*}")` rounds
/// (from its exact decimal expansion, ties to even): its whole digits, and its fraction's digits
/// without trailing zeros. Not `format!` itself: the first screen then has no float formatting,
/// and core's (about 14 KB in the wasm) comes only with the views that draw numbers (README
/// "Size and speed").
fn fixed(value: f64, decimals: usize) -> (String, String) {
    let Digits {
        mut int,
        mut frac,
        next,
        later,
    } = leading_digits(value, decimals);
    let last_odd = frac.last().or(int.last()).is_some_and(|d| d % 2 == 1);
    let up = match next {
        6.. => true,
        5 => later || last_odd,
        _ => false,
    };
    if up {
        let mut carry = true;
        for d in frac.iter_mut().rev().chain(int.iter_mut().rev()) {
            *d = (*d + 1) % 10;
            carry = *d == 0;
            if !carry {
                break;
            }
        }
        if carry {
            int.insert(0, 1);
        }
    }
    while frac.last() == Some(&0) {
        frac.pop();
    }
    let text = |digits: &[u8]| digits.iter().map(|d| char::from(b'0' + d)).collect();
    (text(&int), text(&frac))
}

/// A finite, non-negative `value` as mantissa times a power of two.
fn binary_parts(value: f64) -> (u64, i64) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let stored = bits & ((1 << 52) - 1);
    match biased {
        0 => (stored, -1074),
        _ => (stored | (1 << 52), biased - 1075),
    }
}

/// What rounding a value to some places needs of its exact decimal expansion.
struct Digits {
    /// The whole digits (at least one), most significant first.
    int: Vec<u8>,
    /// The fraction's digits up to the places kept.
    frac: Vec<u8>,
    /// The digit after them.
    next: u8,
    /// Whether any digit after `next` is not zero.
    later: bool,
}

/// [`Digits`] of a finite, non-negative `value` rounded to `decimals` places. For the values the
/// app shows (from 1/256 to 2^64) in 64-bit integer arithmetic, digit by digit: the full
/// expansion ([`exact_digits`], hundreds of digits multiplied out) cost the start-up's search
/// index about as much as folding all its text (issue #17).
fn leading_digits(value: f64, decimals: usize) -> Digits {
    let (mantissa, exponent) = binary_parts(value);
    let digits_of = |n: u64| n.to_string().bytes().map(|b| b - b'0').collect::<Vec<u8>>();
    if (0..=11).contains(&exponent) {
        // A whole number below 2^64.
        let int = digits_of(mantissa << exponent);
        return Digits {
            int,
            frac: vec![0; decimals],
            next: 0,
            later: false,
        };
    }
    if (-60..0).contains(&exponent) {
        // The fraction is rest / 2^shift; each digit is the whole part of ten times it
        // (below 2^64).
        let shift = (-exponent) as u32;
        let mask = (1u64 << shift) - 1;
        let mut rest = mantissa & mask;
        let mut digit = || {
            rest *= 10;
            let d = (rest >> shift) as u8;
            rest &= mask;
            d
        };
        let frac: Vec<u8> = (0..decimals).map(|_| digit()).collect();
        let next = digit();
        return Digits {
            int: digits_of(mantissa >> shift),
            frac,
            next,
            later: rest != 0,
        };
    }
    let (int, mut all) = exact_digits(value);
    all.resize(all.len().max(decimals + 1), 0);
    let later = all[decimals + 1..].iter().any(|&d| d > 0);
    let next = all[decimals];
    all.truncate(decimals);
    Digits {
        int,
        frac: all,
        next,
        later,
    }
}

/// The exact decimal expansion of a finite, non-negative `value` (mantissa times a power of
/// two): whole digits (at least one) and fraction digits, most significant first.
fn exact_digits(value: f64) -> (Vec<u8>, Vec<u8>) {
    let (mantissa, exponent) = binary_parts(value);
    // Little-endian digits of mantissa * 2^exponent, or of mantissa * 5^-exponent, which is the
    // value times 10^-exponent.
    let mut digits: Vec<u8> = mantissa
        .to_string()
        .bytes()
        .rev()
        .map(|b| b - b'0')
        .collect();
    let (factor, times) = if exponent >= 0 {
        (2, exponent)
    } else {
        (5, -exponent)
    };
    for _ in 0..times {
        let mut carry = 0;
        for d in &mut digits {
            let v = *d * factor + carry;
            *d = v % 10;
            carry = v / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    let places = if exponent >= 0 { 0 } else { -exponent as usize };
    digits.resize(digits.len().max(places + 1), 0);
    let frac: Vec<u8> = digits[..places].iter().rev().copied().collect();
    let int: Vec<u8> = digits[places..].iter().rev().copied().collect();
    let lead = int.iter().position(|&d| d != 0).unwrap_or(int.len() - 1);
    (int[lead..].to_vec(), frac)
}

/// A short amount: "HK$19.5 billion", "HK$500,000", "HK$1.418 billion".
pub fn hkd(value: f64) -> String {
    let (scaled, word) = if value.abs() >= 1e9 {
        (value / 1e9, " billion")
    } else if value.abs() >= 1e6 {
        (value / 1e6, " million")
    } else {
        (value, "")
    };
    format!("HK${}{word}", group(scaled, 3))
}

/// A value with its unit, as the app shows it (not the paper's spelling; see `Figure::text`).
pub fn value_with_unit(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Hkd => hkd(value),
        Unit::Hectares => format!("{} ha", group(value, 2)),
        Unit::SquareMetres => format!("{} m²", group(value, 0)),
        Unit::People => format!("{} people", compact(value)),
        Unit::Count => compact(value),
        Unit::Percent => format!("{}%", group(value, 1)),
        Unit::Rank => ordinal(value as i64),
        Unit::Years => format!("{} years", group(value, 1)),
    }
}

/// Large counts in words ("7.1 million"), smaller ones grouped ("44,600").
pub fn compact(value: f64) -> String {
    if value.abs() >= 1e6 {
        format!("{} million", group(value / 1e6, 2))
    } else {
        group(value, 2)
    }
}

pub fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The paper's hedge as a word placed before the number ("around", "over", "up to").
pub fn qualifier_word(q: Option<Qualifier>) -> &'static str {
    match q {
        Some(Qualifier::About) => "around ",
        Some(Qualifier::Over) => "over ",
        Some(Qualifier::AtMost) => "up to ",
        None => "",
    }
}

/// A figure as the app states it: hedge, value and unit ("around HK$26.3 billion").
pub fn figure(f: &Figure) -> String {
    format!(
        "{}{}",
        qualifier_word(f.qualifier),
        value_with_unit(f.value, f.unit)
    )
}

/// Chooses the Traditional or the Simplified form of a Chinese word.
#[derive(Clone, Copy)]
struct Hans(bool);

impl Hans {
    /// The script of a Chinese locale.
    fn of(locale: Locale) -> Hans {
        Hans(locale == Locale::ZhHans)
    }
    fn pick(self, hant: &'static str, hans: &'static str) -> &'static str {
        if self.0 {
            hans
        } else {
            hant
        }
    }
}

/// A number counted in 萬 (10^4) and 億 (10^8) from `min` up, as Chinese writes large numbers:
/// 19.5e9 -> "195億", 5.69e7 -> "5,690萬", 500 000 -> "50萬".
fn zh_large(value: f64, min: f64, hans: Hans) -> String {
    let a = value.abs();
    if a >= 1e8 {
        format!("{}{}", group(value / 1e8, 4), hans.pick("億", "亿"))
    } else if a >= min {
        format!("{}{}", group(value / 1e4, 4), hans.pick("萬", "万"))
    } else {
        group(value, 2)
    }
}

/// Counts of people and things are written in 萬 from 10萬 up ("86萬人"); smaller ones are
/// grouped ("44,600人").
const ZH_WAN_FROM: f64 = 1e5;

/// An amount in Hong Kong dollars: "195億港元", "50萬港元".
fn zh_hkd(value: f64, hans: Hans) -> String {
    format!("{}港元", zh_large(value, 1e4, hans))
}

/// A value with its unit in the given language ("HK$19.5 billion", "195億港元").
pub fn value_with_unit_in(locale: Locale, value: f64, unit: Unit) -> String {
    match for_locale(locale) {
        Some(zh) => (zh.value_with_unit)(locale, value, unit),
        None => value_with_unit(value, unit),
    }
}

/// [`value_with_unit_in`] in Chinese (through `zh_code` only, as every `zh_` function here).
pub(crate) fn zh_value_with_unit(locale: Locale, value: f64, unit: Unit) -> String {
    let h = Hans::of(locale);
    match unit {
        Unit::Hkd => zh_hkd(value, h),
        Unit::Hectares => format!("{}{}", group(value, 2), h.pick("公頃", "公顷")),
        Unit::SquareMetres => format!("{}平方米", group(value, 0)),
        Unit::People => format!("{}人", zh_large(value, ZH_WAN_FROM, h)),
        Unit::Count => zh_large(value, ZH_WAN_FROM, h),
        Unit::Percent => format!("{}%", group(value, 1)),
        Unit::Rank => format!("第{}位", value as i64),
        Unit::Years => format!("{}年", group(value, 1)),
    }
}

/// Large counts in the given language ("7.1 million", "710萬"): chart ticks and compact labels.
pub fn compact_in(locale: Locale, value: f64) -> String {
    match for_locale(locale) {
        Some(zh) => (zh.compact)(locale, value),
        None => compact(value),
    }
}

pub(crate) fn zh_compact(locale: Locale, value: f64) -> String {
    zh_large(value, ZH_WAN_FROM, Hans::of(locale))
}

/// The paper's hedge placed before the number, in the given language: "around " / "約",
/// "over " / "逾", "up to " / "最多".
pub fn qualifier_in(locale: Locale, q: Option<Qualifier>) -> &'static str {
    match for_locale(locale) {
        Some(zh) => (zh.qualifier)(locale, q),
        None => qualifier_word(q),
    }
}

pub(crate) fn zh_qualifier(locale: Locale, q: Option<Qualifier>) -> &'static str {
    match q {
        Some(Qualifier::About) => Hans::of(locale).pick("約", "约"),
        Some(Qualifier::Over) => "逾",
        Some(Qualifier::AtMost) => "最多",
        None => "",
    }
}

/// A figure as the app states it in the given language ("around HK$26.3 billion",
/// "約263億港元"). A ranking "up to" a place is a top band: "top 100" / "前100名".
pub fn figure_in(locale: Locale, f: &Figure) -> String {
    match for_locale(locale) {
        Some(zh) => (zh.figure)(locale, f),
        None => figure(f),
    }
}

pub(crate) fn zh_figure(locale: Locale, f: &Figure) -> String {
    match (f.unit, f.qualifier) {
        (Unit::Rank, Some(Qualifier::AtMost)) => format!("前{}名", f.value as i64),
        _ => format!(
            "{}{}",
            zh_qualifier(locale, f.qualifier),
            zh_value_with_unit(locale, f.value, f.unit)
        ),
    }
}

/// Every way a Chinese reader may type an amount, for search: the correct 億/萬 form ("263億")
/// and, for amounts of a billion or more, the English number of billions with 億 ("26.3億"),
/// a common slip. Traditional characters: search folds Simplified to them.
pub fn hkd_search_forms(value: f64) -> Vec<String> {
    let hant = Hans(false);
    let mut forms = vec![zh_large(value, 1e4, hant), zh_hkd(value, hant)];
    if value.abs() >= 1e9 {
        forms.push(format!("{}億", group(value / 1e9, 3)));
    }
    forms
}

/// Chinese parts of a year: 年初, 年中, 年底 from the months a [`Precision::PartOfYear`] spans.
fn part_of_year(start_month: u32) -> &'static str {
    match start_month {
        1..=3 => "年初",
        4..=8 => "年中",
        _ => "年底",
    }
}

/// (year, month, day) of an ISO date.
fn ymd(iso: &str) -> Option<(i32, u32, u32)> {
    let mut parts = iso.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

/// A day in Chinese at the finest grain its span allows: a whole year "2018年", whole months
/// "2017年7月", else the day "2020年5月18日".
fn zh_day(iso: &str, whole_year: bool, whole_month: bool) -> String {
    match ymd(iso) {
        Some((y, _, _)) if whole_year => format!("{y}年"),
        Some((y, m, _)) if whole_month => format!("{y}年{m}月"),
        Some((y, m, d)) => format!("{y}年{m}月{d}日"),
        None => iso.to_string(),
    }
}

/// An ISO day as the language writes it: unchanged in English ("2021-10-06"), "2021年10月6日"
/// in Chinese.
pub fn day_in(locale: Locale, iso: &str) -> String {
    match (locale, ymd(iso)) {
        (Locale::En, _) | (_, None) => iso.to_string(),
        (_, Some((y, m, d))) => format!("{y}年{m}月{d}日"),
    }
}

/// A month "YYYY-MM" (a timeline tick) as the language writes it: unchanged in English,
/// "2021年4月" in Chinese. Anything else (a year) is returned as it is.
pub fn month_in(locale: Locale, ym: &str) -> String {
    let parsed = ym.split_once('-').and_then(|(y, m)| {
        let m: u32 = m.parse().ok()?;
        (y.len() == 4 && (1..=12).contains(&m)).then_some((y, m))
    });
    match (locale, parsed) {
        (Locale::En, _) | (_, None) => ym.to_string(),
        (_, Some((y, m))) => format!("{y}年{m}月"),
    }
}

/// A timeline tick: a year as it is; a month as [`month_in`], except that Chinese names the
/// year only on the first tick and in January ("2019年12月", "2020年1月", "2月"), so month ticks
/// stay as short as the English "2020-02".
pub fn tick_in(locale: Locale, label: &str, first: bool) -> String {
    let full = month_in(locale, label);
    match full.split_once('年') {
        Some((_, month)) if !first && locale != Locale::En && month != "1月" => month.to_string(),
        _ => full,
    }
}

/// A span of months: "2017-01 – 2025-12", "2017年1月至2025年12月".
pub fn month_span_in(locale: Locale, from: &str, to: &str) -> String {
    match locale {
        Locale::En => format!("{from} – {to}"),
        _ => format!("{}至{}", month_in(locale, from), month_in(locale, to)),
    }
}

/// A date of the paper in the given language. English keeps the paper's own words ("mid-2022");
/// Chinese is written from the date's precision and span: 2021年10月6日, 2022年年中,
/// 2024年年底, 2017年7月至今, 2020/21學年, 2021-22年度.
pub fn date_in(locale: Locale, date: &PaperDate) -> String {
    match for_locale(locale) {
        Some(zh) => (zh.date)(locale, date),
        None => date.text.clone(),
    }
}

pub(crate) fn zh_date(locale: Locale, date: &PaperDate) -> String {
    let h = Hans::of(locale);
    let (Some((y, m, d)), Some((y2, m2, d2))) = (ymd(&date.start), ymd(&date.end)) else {
        return date.text.clone();
    };
    let last = crate::dates::days_in_month(y2, m2);
    match date.precision {
        Precision::Day => format!("{y}年{m}月{d}日"),
        Precision::PartOfMonth => {
            let part = match d {
                1..=10 => "上旬",
                11..=20 => "中旬",
                _ => "下旬",
            };
            format!("{y}年{m}月{part}")
        }
        Precision::Month => format!("{y}年{m}月"),
        Precision::PartOfYear => format!("{y}年{}", part_of_year(m)),
        Precision::Year => format!("{y}年"),
        Precision::SchoolYear => format!("{y}/{:02}{}", (y + 1) % 100, h.pick("學年", "学年")),
        Precision::FinancialYear => format!("{y}-{:02}年度", (y + 1) % 100),
        Precision::Range => {
            let whole_years = m == 1 && d == 1 && m2 == 12 && d2 == 31;
            let whole_months = d == 1 && d2 == last;
            let from = zh_day(&date.start, whole_years, whole_months);
            let up_to_now = date.text.to_ascii_lowercase().ends_with("up to now");
            if up_to_now {
                format!("{from}至今")
            } else {
                let to = zh_day(&date.end, whole_years, whole_months);
                format!("{from}至{to}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer rounding of `group` gives what `format!("{:.*}")` gives, for every figure of
    /// the paper at every precision the app shows, and for large and tiny values.
    #[test]
    fn grouping_matches_the_standard_formatter() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/policy-2021.json"
        ))
        .unwrap();
        let data = crate::model::Dataset::from_json(&text).unwrap();
        let mut values: Vec<f64> = data
            .figures
            .iter()
            .flat_map(|f| {
                [
                    f.value,
                    f.value / 1e9,
                    f.value / 1e8,
                    f.value / 1e6,
                    f.value / 1e4,
                ]
            })
            .collect();
        values.extend([
            0.0,
            0.5,
            1.5,
            2.675,
            1e15,
            123_456_789_012.345,
            1e22,
            1.7976931348623157e308,
            5e-324,
        ]);
        for v in values {
            for decimals in 0..=4 {
                let std = format!("{:.*}", decimals, v.abs());
                let (int, frac) = std.split_once('.').unwrap_or((&std, ""));
                let frac = frac.trim_end_matches('0');
                assert_eq!(
                    fixed(v.abs(), decimals),
                    (int.to_string(), frac.to_string()),
                    "{v} to {decimals}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Any finite value, at every precision the app uses: the digit-by-digit rounding
        /// gives what the standard formatter gives.
        #[test]
        fn rounding_matches_the_standard_formatter(bits in proptest::prelude::any::<u64>(), decimals in 0usize..=4) {
            let v = f64::from_bits(bits).abs();
            proptest::prop_assume!(v.is_finite());
            let std = format!("{:.*}", decimals, v);
            let (int, frac) = std.split_once('.').unwrap_or((&std, ""));
            proptest::prop_assert_eq!(fixed(v, decimals), (int.to_string(), frac.trim_end_matches('0').to_string()));
        }

        /// Values of the size the paper's figures have (from a thousandth to 10^15).
        #[test]
        fn rounding_matches_for_figures(v in 0.001f64..1e15, decimals in 0usize..=4) {
            let std = format!("{:.*}", decimals, v);
            let (int, frac) = std.split_once('.').unwrap_or((&std, ""));
            proptest::prop_assert_eq!(fixed(v, decimals), (int.to_string(), frac.trim_end_matches('0').to_string()));
        }
    }

    #[test]
    fn grouping() {
        assert_eq!(group(44_600.0, 0), "44,600");
        assert_eq!(group(1_070.0, 2), "1,070");
        assert_eq!(group(2.5, 2), "2.5");
        assert_eq!(group(100.0, 2), "100");
        assert_eq!(group(-1234.5, 1), "-1,234.5");
    }

    #[test]
    fn money() {
        assert_eq!(hkd(19.5e9), "HK$19.5 billion");
        assert_eq!(hkd(1.418e9), "HK$1.418 billion");
        assert_eq!(hkd(31.3e6), "HK$31.3 million");
        assert_eq!(hkd(500_000.0), "HK$500,000");
    }

    #[test]
    fn units_and_ordinals() {
        assert_eq!(value_with_unit(240.0, Unit::Hectares), "240 ha");
        assert_eq!(value_with_unit(7.1e6, Unit::Count), "7.1 million");
        assert_eq!(value_with_unit(75.0, Unit::Percent), "75%");
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(23), "23rd");
    }

    fn fig(value: f64, unit: Unit, qualifier: Option<Qualifier>) -> Figure {
        Figure {
            id: "f".into(),
            item: None,
            value,
            text: String::new(),
            unit,
            scale: None,
            qualifier,
            period: None,
            measure: String::new(),
            money: None,
            site: None,
            source: crate::model::SourceRef {
                paragraph: "p1".into(),
                quote: String::new(),
            },
        }
    }

    #[test]
    fn chinese_amounts_count_in_wan_and_yi() {
        let hant = |v, u, q| figure_in(Locale::ZhHant, &fig(v, u, q));
        let hans = |v, u, q| figure_in(Locale::ZhHans, &fig(v, u, q));
        use Qualifier::*;
        assert_eq!(hant(19.5e9, Unit::Hkd, None), "195億港元");
        assert_eq!(hant(3.21e9, Unit::Hkd, Some(About)), "約32.1億港元");
        assert_eq!(hant(26.3e9, Unit::Hkd, Some(About)), "約263億港元");
        assert_eq!(hant(1.418e9, Unit::Hkd, None), "14.18億港元");
        assert_eq!(hant(500_000.0, Unit::Hkd, Some(AtMost)), "最多50萬港元");
        assert_eq!(hant(31.3e6, Unit::Hkd, Some(Over)), "逾3,130萬港元");
        assert_eq!(hant(5_000.0, Unit::Hkd, None), "5,000港元");
        assert_eq!(hans(19.5e9, Unit::Hkd, Some(About)), "约195亿港元");
        assert_eq!(hans(500_000.0, Unit::Hkd, Some(AtMost)), "最多50万港元");
    }

    #[test]
    fn chinese_units_hedges_and_ranks() {
        use Qualifier::*;
        let hant = |v, u, q| figure_in(Locale::ZhHant, &fig(v, u, q));
        assert_eq!(hant(240.0, Unit::Hectares, Some(About)), "約240公頃");
        assert_eq!(
            figure_in(Locale::ZhHans, &fig(240.0, Unit::Hectares, Some(About))),
            "约240公顷"
        );
        assert_eq!(hant(56.9e6, Unit::Count, Some(Over)), "逾5,690萬");
        assert_eq!(hant(44_600.0, Unit::Count, None), "44,600");
        assert_eq!(hant(860_000.0, Unit::People, Some(Over)), "逾86萬人");
        assert_eq!(hant(7.1e6, Unit::People, None), "710萬人");
        assert_eq!(hant(1_000.0, Unit::People, Some(Over)), "逾1,000人");
        assert_eq!(hant(1.0, Unit::Rank, None), "第1位");
        assert_eq!(hant(100.0, Unit::Rank, Some(AtMost)), "前100名");
        assert_eq!(hant(75.0, Unit::Percent, Some(Over)), "逾75%");
        assert_eq!(hant(3.0, Unit::Years, None), "3年");
        assert_eq!(
            hant(5_000.0, Unit::SquareMetres, Some(About)),
            "約5,000平方米"
        );
        assert_eq!(compact_in(Locale::ZhHans, 2e7), "2,000万");
        assert_eq!(compact_in(Locale::ZhHant, 1e8), "1億");
    }

    #[test]
    fn english_hedges_and_forms_are_unchanged() {
        use Qualifier::*;
        let en = |v, u, q| figure_in(Locale::En, &fig(v, u, q));
        assert_eq!(en(26.3e9, Unit::Hkd, Some(About)), "around HK$26.3 billion");
        assert_eq!(en(31.3e6, Unit::Hkd, Some(Over)), "over HK$31.3 million");
        assert_eq!(en(500_000.0, Unit::Hkd, Some(AtMost)), "up to HK$500,000");
        assert_eq!(en(240.0, Unit::Hectares, Some(About)), "around 240 ha");
        assert_eq!(en(1.0, Unit::Rank, None), "1st");
    }

    #[test]
    fn amounts_are_searchable_as_chinese_readers_type_them() {
        let forms = hkd_search_forms(26.3e9);
        assert!(forms.contains(&"263億".to_string()), "{forms:?}");
        assert!(forms.contains(&"26.3億".to_string()), "{forms:?}");
        assert!(hkd_search_forms(500_000.0).contains(&"50萬港元".to_string()));
    }

    fn date(text: &str) -> PaperDate {
        let (precision, start, end) = crate::dates::parse_paper_date(text).expect(text);
        PaperDate {
            text: text.into(),
            precision,
            start,
            end,
        }
    }

    #[test]
    fn months_of_the_timeline() {
        assert_eq!(month_in(Locale::ZhHant, "2021-04"), "2021年4月");
        assert_eq!(month_in(Locale::ZhHans, "2021"), "2021");
        assert_eq!(month_in(Locale::En, "2021-04"), "2021-04");
        assert_eq!(
            month_span_in(Locale::ZhHant, "2017-01", "2025-12"),
            "2017年1月至2025年12月"
        );
        assert_eq!(
            month_span_in(Locale::En, "2017-01", "2025-12"),
            "2017-01 – 2025-12"
        );
    }

    #[test]
    fn chinese_dates_follow_each_precision() {
        let cases = [
            ("6 October 2021", "2021年10月6日", "2021年10月6日"),
            ("mid-September 2021", "2021年9月中旬", "2021年9月中旬"),
            ("end-July 2021", "2021年7月下旬", "2021年7月下旬"),
            ("July 2021", "2021年7月", "2021年7月"),
            ("mid-2022", "2022年年中", "2022年年中"),
            ("the middle of next year", "2022年年中", "2022年年中"),
            ("end-2024", "2024年年底", "2024年年底"),
            ("early 2020", "2020年年初", "2020年年初"),
            ("2019", "2019年", "2019年"),
            ("2020/21 school year", "2020/21學年", "2020/21学年"),
            ("2021-22", "2021-22年度", "2021-22年度"),
            ("From July 2017 up to now", "2017年7月至今", "2017年7月至今"),
            ("from 2018 to 2022", "2018年至2022年", "2018年至2022年"),
            (
                "from 18 May 2020 to 31 October 2020",
                "2020年5月18日至2020年10月31日",
                "2020年5月18日至2020年10月31日",
            ),
        ];
        for (text, hant, hans) in cases {
            let d = date(text);
            assert_eq!(date_in(Locale::ZhHant, &d), hant, "{text}");
            assert_eq!(date_in(Locale::ZhHans, &d), hans, "{text}");
            assert_eq!(
                date_in(Locale::En, &d),
                text,
                "English keeps the paper's words"
            );
        }
    }
}
