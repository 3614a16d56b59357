//! The texts a chart shows in the interface language: titles, descriptions, the value beside
//! each mark, and exact values for the data tables.

use super::{ChartId, ChartedFigure};
use crate::format;
use crate::i18n::{t, Key, Locale};
use crate::model::{MoneyKind, Unit};
use crate::view_state::MoneyView;

/// The chart's title in the interface language.
pub fn title(id: ChartId, money: MoneyView, locale: Locale) -> &'static str {
    t(
        locale,
        match (id, money) {
            (ChartId::Trends, _) => Key::ChartTrendsTitle,
            (ChartId::Money, MoneyView::Committed) => Key::ChartMoneyTitleCommitted,
            (ChartId::Money, MoneyView::Disbursed) => Key::ChartMoneyTitleDisbursed,
            (ChartId::Land, _) => Key::ChartLandTitle,
            (ChartId::People, _) => Key::ChartPeopleTitle,
        },
    )
}

/// How to read the chart (its accessible description, shown under the title).
pub fn description(id: ChartId, locale: Locale) -> &'static str {
    t(
        locale,
        match id {
            ChartId::Trends => Key::ChartTrendsDesc,
            ChartId::Money => Key::ChartMoneyDesc,
            ChartId::Land => Key::ChartLandDesc,
            ChartId::People => Key::ChartPeopleDesc,
        },
    )
}

/// The short word each money bar carries so no bar is read as the other kind.
pub fn money_word(kind: Option<MoneyKind>, locale: Locale) -> &'static str {
    match kind {
        Some(MoneyKind::Committed) => t(locale, Key::ChartMoneyCommittedShort),
        Some(MoneyKind::Disbursed) => t(locale, Key::ChartMoneyDisbursedShort),
        _ => "",
    }
}

/// A row's value as drawn: the paper's hedge, the number and unit, and the kind of money.
pub fn value_label(r: &ChartedFigure, locale: Locale) -> String {
    let base = format!(
        "{}{}",
        format::qualifier_in(locale, r.qualifier),
        format::value_with_unit_in(locale, r.value, r.unit)
    );
    match money_word(r.money, locale) {
        "" => base,
        w => format!("{base} · {w}"),
    }
}

/// The exact number with its unit in the given language, for data tables ("HK$19,500,000,000",
/// "19,500,000,000港元", "2.5公頃").
pub fn exact_in(locale: Locale, value: f64, unit: Unit) -> String {
    match (locale, unit) {
        (Locale::En, _) | (_, Unit::Count | Unit::Percent) => exact(value, unit),
        (_, Unit::Hkd) => format!("{}港元", format::group(value, 2)),
        _ => format::value_with_unit_in(locale, value, unit),
    }
}

/// The exact number with its unit, for data tables ("HK$19,500,000,000", "2.5 ha").
pub fn exact(value: f64, unit: Unit) -> String {
    let n = format::group(value, 2);
    match unit {
        Unit::Hkd => format!("HK${n}"),
        Unit::Hectares => format!("{n} ha"),
        Unit::SquareMetres => format!("{n} m²"),
        Unit::People => format!("{n} people"),
        Unit::Count => n,
        Unit::Percent => format!("{n}%"),
        Unit::Rank => format::ordinal(value as i64),
        Unit::Years => format!("{n} years"),
    }
}
