//! Tests of chart building, drawing and CSV on small hand-made charts.

use super::axes::ticks;
use super::text_layout::{text_width, wrap};
use super::*;
use crate::i18n::Locale;
use crate::model::{MoneyKind, Qualifier, Unit};
use crate::view_state::MoneyView;

fn r(group: &str, label: &str, value: f64, unit: Unit) -> ChartedFigure {
    ChartedFigure {
        figure: format!("f-{label}"),
        item: None,
        group: group.into(),
        label: label.into(),
        measure: format!("measure of {label}"),
        value,
        unit,
        qualifier: Some(Qualifier::About),
        text: format!("{value}"),
        period: None,
        money: None,
        paragraph: "p3".into(),
        year: None,
    }
}

fn chart(id: ChartId, rows: Vec<ChartedFigure>) -> Chart {
    Chart {
        id,
        money: MoneyView::Committed,
        rows,
        sources: vec![SourceLink {
            paragraph: "p3".into(),
            label: "para 3".into(),
        }],
        notes: vec![],
    }
}

#[test]
fn bars_contain_every_label_and_value() {
    let mut a = r(
        "(1) Research",
        "Innovation and Technology Fund",
        19.5e9,
        Unit::Hkd,
    );
    a.money = Some(MoneyKind::Committed);
    let mut b = r("(4) Enterprises", "Cyberport", 2e8, Unit::Hkd);
    b.money = Some(MoneyKind::Committed);
    let c = chart(ChartId::Money, vec![a, b]);
    let svg = render(&c, 1200, Locale::En, false).markup;
    for s in [
        "Innovation and Technology Fund",
        "Cyberport",
        "(1) Research",
        "(4) Enterprises",
        "around HK$19.5 billion · injected/allocated",
        "around HK$200 million · injected/allocated",
        "HK$ billion",
    ] {
        assert!(svg.contains(s), "missing {s:?} in\n{svg}");
    }
    assert_eq!(svg.matches("fill=\"#00594F\"").count(), 2, "two bars");
}

#[test]
fn hostile_text_is_escaped() {
    let bad = "<img src=x onerror=alert(1)>";
    let c = chart(ChartId::Land, vec![r("", bad, 5.0, Unit::Hectares)]);
    for export in [false, true] {
        let svg = render(&c, 800, Locale::En, export).markup;
        assert!(!svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{svg}");
    }
    let csv = csv(&chart(
        ChartId::Land,
        vec![r("", "=HYPERLINK(\"x\")", 1.0, Unit::Count)],
    ));
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{csv}");
}

#[test]
fn trend_marks_two_points_and_a_labelled_dashed_connector() {
    let mut a = r("Start-ups", "2014", 1070.0, Unit::Count);
    a.year = Some(2014);
    let mut b = r("Start-ups", "2021", 3800.0, Unit::Count);
    b.year = Some(2021);
    let svg = render(&chart(ChartId::Trends, vec![a, b]), 1200, Locale::En, false).markup;
    // Two data points plus the legend's sample dot; no solid polyline between years.
    assert_eq!(svg.matches("<circle").count(), 3);
    assert!(!svg.contains("<polyline"));
    assert!(
        svg.matches("<line").count() > 10,
        "dashes are short segments"
    );
    for s in [
        "Start-ups",
        "2014",
        "2021",
        "around 1,070",
        "around 3,800",
        "Dashed line",
    ] {
        assert!(svg.contains(s), "missing {s:?}");
    }
}

#[test]
fn every_language_charts_the_same_figures() {
    let en = crate::zh::tests::data();
    for locale in [Locale::ZhHant, Locale::ZhHans] {
        let zh = crate::zh::tests::bundled(&en, locale).localize(&en);
        for id in ChartId::ALL {
            for money in [MoneyView::Committed, MoneyView::Disbursed] {
                let figures = |c: Chart| c.rows.into_iter().map(|r| r.figure).collect::<Vec<_>>();
                let english = figures(build(id, &en, &|_| true, money));
                let chinese = figures(build_in(id, (&zh, &en, locale), &|_| true, money));
                assert!(!english.is_empty(), "{id:?}");
                assert_eq!(english, chinese, "{id:?} {money:?} {locale:?}");
            }
        }
    }
}

#[test]
fn chinese_axes_count_in_yi_and_wan_with_matching_ticks() {
    let mut a = r("(1) 研究", "創新及科技基金", 19.5e9, Unit::Hkd);
    a.money = Some(MoneyKind::Committed);
    a.qualifier = Some(Qualifier::About);
    let c = chart(ChartId::Money, vec![a]);
    let svg = render(&c, 1200, Locale::ZhHant, false).markup;
    for s in ["億港元", "約195億港元 · 注資／撥款", ">\n200\n<"] {
        assert!(svg.contains(s), "missing {s:?} in\n{svg}");
    }
    assert!(!svg.contains("billion") && !svg.contains("十億"));
    let people = chart(
        ChartId::People,
        vec![
            r("", "安心出行", 5.4e6, Unit::Count),
            r("", "STEM", 40.0, Unit::People),
        ],
    );
    let svg = render(&people, 1200, Locale::ZhHans, false).markup;
    assert!(svg.contains("540万") && svg.contains("40人"), "{svg}");
    assert!(svg.contains(">\n100万\n<"), "ticks in 万: {svg}");
    assert!(!svg.contains("million"));
}

#[test]
fn log_scale_keeps_small_counts_readable_and_says_so() {
    let c = chart(
        ChartId::People,
        vec![
            r("", "LeaveHomeSafe", 5.4e6, Unit::Count),
            r("", "Global STEM", 40.0, Unit::People),
        ],
    );
    let svg = render(&c, 375, Locale::En, false).markup;
    assert!(svg.contains("log scale"));
    assert!(svg.contains("around 5.4 million") && svg.contains("around 40 people"));
    // Decades from 10 to 10 million; at 375 px every other one is labelled.
    assert!(svg.contains(">\n10\n<") || svg.contains(">\n100\n<"));
    let cx: Vec<i32> = svg
        .match_indices("<circle cx=\"")
        .map(|(i, m)| {
            svg[i + m.len()..]
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(cx.len(), 2);
    assert!(cx[0] > cx[1] + 200, "the small count sits far left: {cx:?}");
}

#[test]
fn export_carries_title_and_source() {
    let c = chart(ChartId::Land, vec![r("", "Site", 2.5, Unit::Hectares)]);
    let svg = render(&c, 600, Locale::En, true);
    assert!(svg.markup.starts_with("<svg"));
    assert!(svg.markup.contains("<title>Land for I&amp;T"));
    assert!(svg.markup.contains("para 3"));
    assert!(svg.markup.contains(&format!("height=\"{}\"", svg.height)));
    assert!(svg.markup.trim_end().ends_with("</svg>"));
}

#[test]
fn empty_chart_says_so() {
    let svg = render(&chart(ChartId::Land, vec![]), 600, Locale::En, false).markup;
    assert!(svg.contains("No figures"));
}

#[test]
fn ticks_are_round_and_cover_the_maximum() {
    assert_eq!(ticks(19.5, 4), vec![0.0, 5.0, 10.0, 15.0, 20.0]);
    assert_eq!(ticks(540.0, 5), vec![0.0, 200.0, 400.0, 600.0]);
    assert_eq!(ticks(3800.0, 3), vec![0.0, 2000.0, 4000.0]);
    assert_eq!(ticks(0.0, 3), vec![0.0, 1.0]);
}

#[test]
fn wrapping_respects_width_and_line_count() {
    let lines = wrap("one two three four five six seven eight", 14.0, 90.0, 2);
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with('…'));
    assert!(lines.iter().all(|l| text_width(l, 14.0) <= 90.0));
    assert_eq!(wrap("短句子", 14.0, 200.0, 1), vec!["短句子"]);
    // 1.12 em a character (with the text-spacing allowance): three to a 40 px line.
    assert_eq!(wrap("一二三四五六七八九十", 10.0, 40.0, 9).len(), 4);
}

#[test]
fn csv_quotes_and_lists_every_row() {
    let mut a = r("", "a, b", 16.7e9, Unit::Hkd);
    a.text = "$16.7 billion".into();
    let out = csv(&chart(
        ChartId::Trends,
        vec![a, r("", "c", 3.0, Unit::Count)],
    ));
    let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("\u{feff}chart,figure,"));
    assert_eq!(
        lines[1],
        "trends,f-a, b,,\"a, b\",\"measure of a, b\",16700000000,hkd,about,$16.7 billion,,,p3"
            .replace("f-a, b", "\"f-a, b\"")
    );
}

#[test]
fn exact_values_for_tables() {
    assert_eq!(exact(19.5e9, Unit::Hkd), "HK$19,500,000,000");
    assert_eq!(exact(2.5, Unit::Hectares), "2.5 ha");
    assert_eq!(exact(44_600.0, Unit::People), "44,600 people");
}
