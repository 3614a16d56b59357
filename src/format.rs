//! Number formatting for people: amounts, areas, counts, with the paper's hedges.

use crate::model::{Figure, Qualifier, Unit};

/// Groups thousands with a thin comma ("44,600"); keeps up to `decimals` places, trimming zeros.
pub fn group(value: f64, decimals: usize) -> String {
    let neg = value < 0.0;
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s, String::new()),
    };
    let mut out = String::new();
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
    if neg {
        out.insert(0, '-');
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
