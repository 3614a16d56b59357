//! The charts built from the bundled dataset: the right figures in each chart, filters applied,
//! and every label and value in the drawn SVG.

use it_policy_explorer::charts::{build, csv, exact, render, value_label, Chart, ChartId};
use it_policy_explorer::i18n::Locale;
use it_policy_explorer::model::{Dataset, MoneyKind, Unit};
use it_policy_explorer::view_state::MoneyView;

const DATASET: &str = include_str!("../public/data/policy-2021.json");

fn dataset() -> Dataset {
    Dataset::from_json(DATASET).expect("the bundled dataset loads")
}

fn all(id: ChartId, data: &Dataset, money: MoneyView) -> Chart {
    build(id, data, &|_| true, money)
}

#[test]
fn trends_are_the_four_statistics_of_paragraph_3_with_two_years_each() {
    let data = dataset();
    let c = all(ChartId::Trends, &data, MoneyView::Committed);
    let mut groups: Vec<&str> = c.rows.iter().map(|r| r.group.as_str()).collect();
    groups.dedup();
    assert_eq!(groups.len(), 4, "{groups:?}");
    assert_eq!(c.rows.len(), 8);
    for r in &c.rows {
        let f = data.figure(&r.figure).unwrap();
        assert_eq!(
            (r.value, r.unit, r.paragraph.as_str()),
            (f.value, f.unit, "p3")
        );
        assert!(r.year.is_some_and(|y| (2014..=2021).contains(&y)), "{r:?}");
        assert!(
            r.qualifier.is_some(),
            "the paper hedges every p3 figure: {r:?}"
        );
    }
    let years: Vec<i32> = c.rows.iter().filter_map(|r| r.year).collect();
    assert_eq!(years, [2014, 2019, 2014, 2021, 2014, 2019, 2014, 2020]);
    assert_eq!(c.sources.len(), 1);
    assert_eq!(c.sources[0].label, "para 3");
    assert_eq!(c.notes.len(), 1);
    assert!(c.notes[0].quote.contains("satisfactory growth"));
}

#[test]
fn money_shows_one_kind_of_annex_amount_at_a_time() {
    let data = dataset();
    for (view, kind) in [
        (MoneyView::Committed, MoneyKind::Committed),
        (MoneyView::Disbursed, MoneyKind::Disbursed),
    ] {
        let c = all(ChartId::Money, &data, view);
        let expected = data
            .figures
            .iter()
            .filter(|f| f.money == Some(kind) && f.source.paragraph.starts_with('a'))
            .count();
        assert_eq!(c.rows.len(), expected, "{view:?}");
        assert!(c
            .rows
            .iter()
            .all(|r| r.money == Some(kind) && r.unit == Unit::Hkd));
        // Sorted within each area; areas by their largest amount.
        let mut firsts: Vec<f64> = Vec::new();
        for pair in c.rows.windows(2) {
            if pair[0].group == pair[1].group {
                assert!(pair[0].value >= pair[1].value, "{pair:?}");
            }
        }
        let mut last = "";
        for r in &c.rows {
            if r.group != last {
                firsts.push(r.value);
                last = &r.group;
            }
        }
        assert!(firsts.windows(2).all(|w| w[0] >= w[1]), "{firsts:?}");
        assert!(c.sources.iter().all(|s| s.label.starts_with("Annex (")));
    }
    let c = all(ChartId::Money, &data, MoneyView::Committed);
    assert_eq!(c.rows[0].value, 19.5e9);
    assert!(c.rows[0].group.starts_with("(1) "));
}

#[test]
fn land_lists_the_sites_by_area() {
    let c = all(ChartId::Land, &dataset(), MoneyView::Committed);
    let got: Vec<(&str, f64)> = c.rows.iter().map(|r| (r.label.as_str(), r.value)).collect();
    assert_eq!(
        got,
        [
            ("Co-operation Zone", 540.0),
            ("San Tin Technopole", 240.0),
            ("Ma Liu Shui", 88.0),
            ("HKU Pokfulam site", 4.0),
            ("CUHK Medical Centre", 2.5),
        ]
    );
}

#[test]
fn people_include_users_downloads_interns_and_talents_once_each() {
    let c = all(ChartId::People, &dataset(), MoneyView::Committed);
    for (measure, value) in [
        ("Residents registered for “iAM Smart”", 860_000.0),
        ("LeaveHomeSafe downloads", 5.4e6),
        ("Interns trained under the STEM Internship Scheme", 4000.0),
        ("Research talents recruited", 5000.0),
        ("Visa / entry permits approved", 257.0),
    ] {
        assert!(
            c.rows
                .iter()
                .any(|r| r.measure == measure && r.value == value),
            "missing {measure}"
        );
    }
    let scholars = c
        .rows
        .iter()
        .filter(|r| r.measure.starts_with("Scholars supported"))
        .count();
    assert_eq!(scholars, 1, "a figure repeated in the Annex shows once");
    assert!(c.rows.windows(2).all(|w| w[0].value >= w[1].value));
    assert!(c.rows.iter().all(|r| r.item.is_some()));
}

#[test]
fn filters_remove_other_areas_but_keep_context_statistics() {
    let data = dataset();
    let only_a1 = |id: &str| data.item(id).is_some_and(|i| i.area == "a1");
    let money = build(ChartId::Money, &data, &only_a1, MoneyView::Committed);
    assert!(!money.rows.is_empty());
    assert!(money.rows.iter().all(|r| r.group.starts_with("(1) ")));
    assert_eq!(money.sources.len(), 1);
    let land = build(ChartId::Land, &data, &only_a1, MoneyView::Committed);
    assert!(land.rows.is_empty());
    let trends = build(ChartId::Trends, &data, &|_| false, MoneyView::Committed);
    assert_eq!(
        trends.rows.len(),
        8,
        "paragraph 3's statistics have no item and always show"
    );
}

#[test]
fn every_chart_draws_each_label_and_value() {
    let data = dataset();
    for id in ChartId::ALL {
        for view in [MoneyView::Committed, MoneyView::Disbursed] {
            let c = all(id, &data, view);
            let svg = render(&c, 1200, Locale::En, false).markup;
            let escaped = |s: &str| {
                s.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
                    .replace('\'', "&apos;")
            };
            for r in &c.rows {
                assert!(
                    svg.contains(&escaped(&value_label(r, Locale::En))),
                    "{id:?}: {r:?}"
                );
                if id != ChartId::Trends {
                    // Labels may be cut to two lines with "…"; their start is always there.
                    let start: String = r.label.chars().take(12).collect();
                    assert!(svg.contains(&escaped(&start)), "{id:?}: {}", r.label);
                }
            }
            // Narrow screens still draw a valid picture.
            let narrow = render(&c, 320, Locale::ZhHant, true);
            assert!(narrow.markup.ends_with("</svg>\n") && narrow.width == 320);
            let table = csv(&c);
            assert_eq!(table.lines().count(), c.rows.len() + 1);
        }
    }
}

#[test]
fn exact_values_round_trip_the_dataset() {
    for f in &dataset().figures {
        let shown = exact(f.value, f.unit);
        if f.unit == Unit::Rank {
            continue;
        }
        let digits: String = shown
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        assert_eq!(digits.parse::<f64>().unwrap(), f.value, "{shown}");
    }
}
