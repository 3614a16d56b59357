//! Property tests: arbitrary datasets and URL states through every pure module (load checks,
//! charts, timeline layout, map geometry, filters, formatting, view state). Nothing may panic,
//! output stays bounded, and every coordinate drawn is a finite number.
//!
//! The generators are all in `gen` below. They build each record with a struct literal (no
//! `..Default::default()`), so a new field of the model does not compile until it is covered.

use it_policy_explorer::charts::{self, ChartId};
use it_policy_explorer::check::{self, Rule};
use it_policy_explorer::filter::{facet_counts, matching_figures, select, SearchIndex};
use it_policy_explorer::geo::{self, MarkerIn, Viewport};
use it_policy_explorer::i18n::Locale;
use it_policy_explorer::model::Dataset;
use it_policy_explorer::timeline::{self, MarkSet, TimeWindow};
use it_policy_explorer::view_state::{self, MoneyView, ViewState};
use it_policy_explorer::{format, model};
use proptest::prelude::*;

mod gen {
    //! Every generator of the property tests. A dataset is made from a vector of random words
    //! (so proptest can shrink it) read by [`Pick`]: structurally sound (ids unique and safe,
    //! references resolving) but with hostile values: numbers NaN, infinite, negative or huge;
    //! dates in year 0 or 9999, reversed or not dates; positions off the globe; hostile text.
    use super::*;
    use it_policy_explorer::model::*;

    pub struct Pick<'a> {
        words: &'a [u32],
        at: usize,
    }

    impl Pick<'_> {
        fn next(&mut self) -> u32 {
            let w = self.words.get(self.at % self.words.len().max(1)).copied();
            self.at += 1;
            w.unwrap_or(0)
                .wrapping_mul(2_654_435_761)
                .rotate_left(self.at as u32 % 32)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() as usize) % n.max(1)
        }
        fn one<T: Clone>(&mut self, of: &[T]) -> T {
            of[self.below(of.len())].clone()
        }
        /// Up to two ids of `of` (none if it is empty).
        fn some(&mut self, of: &[String]) -> Vec<String> {
            let n = if of.is_empty() { 0 } else { self.below(3) };
            (0..n).map(|_| self.one(of)).collect()
        }
        fn chance(&mut self, in_ten: u32) -> bool {
            self.next() % 10 < in_ten
        }
        pub fn text(&mut self) -> String {
            self.one(&[
                "",
                "Science Park",
                "<script>alert(1)</script>",
                "\"quoted\" & 'single'",
                "=SUM(A1)",
                "\ttab\rreturn",
                "前海深港現代服務業合作區",
                "a very long label that goes on and on and on and on and on and on and on",
                "e\u{301}\u{200b}\u{feff}",
                "2021",
            ])
            .to_string()
        }
        pub fn number(&mut self) -> f64 {
            match self.below(12) {
                0 => f64::NAN,
                1 => f64::INFINITY,
                2 => f64::NEG_INFINITY,
                3 => -1e18,
                4 => 1e308,
                5 => 0.0,
                6 => 5e-324,
                7 => -1.0,
                _ => f64::from(self.next() % 100_000) * 1000.0,
            }
        }
        pub fn date(&mut self) -> String {
            match self.below(8) {
                0 => "0000-01-01".into(),
                1 => "9999-12-31".into(),
                2 => "not a date".into(),
                3 => "2021-02-30".into(),
                4 => "-2000000000-01-01".into(),
                _ => format!(
                    "{}-{:02}-{:02}",
                    2000 + self.below(30),
                    1 + self.below(12),
                    1 + self.below(28)
                ),
            }
        }
        pub fn coordinate(&mut self, lo: f64, hi: f64) -> f64 {
            match self.below(7) {
                0 => 1e308,
                1 => -91.0,
                2 => 999.0,
                3 => f64::NAN,
                _ => lo + (hi - lo) * f64::from(self.next() % 1000) / 1000.0,
            }
        }
        fn source(&mut self, paragraphs: &[String]) -> SourceRef {
            SourceRef {
                paragraph: self.one(paragraphs),
                quote: self.text(),
            }
        }
    }

    /// A structurally sound dataset with hostile values.
    pub fn dataset(words: &[u32]) -> Dataset {
        let mut p = Pick { words, at: 0 };
        let paragraphs: Vec<Paragraph> = ["p3", "p8", "a1-1", "a2-1", "fn1"]
            .iter()
            .map(|id| Paragraph {
                id: id.to_string(),
                kind: if id.starts_with('a') {
                    ParagraphKind::AnnexRow
                } else {
                    ParagraphKind::Body
                },
                label: id.to_string(),
                heading: None,
                area: None,
                text: p.text(),
            })
            .collect();
        let pids: Vec<String> = paragraphs.iter().map(|x| x.id.clone()).collect();
        let n_areas = 1 + p.below(3);
        let policy_areas: Vec<PolicyArea> = (0..n_areas)
            .map(|i| PolicyArea {
                id: format!("a{i}"),
                kind: p.one(&[AreaKind::Theme, AreaKind::AnnexArea]),
                number: Some(i as u8),
                name: p.text(),
                source: p.source(&pids),
            })
            .collect();
        let organisations: Vec<Organisation> = (0..p.below(3))
            .map(|i| Organisation {
                id: format!("o{i}"),
                name: p.text(),
                abbreviation: p.chance(5).then(|| p.text()),
                source: p.source(&pids),
            })
            .collect();
        let sites: Vec<Site> = (0..p.below(6))
            .map(|i| Site {
                id: format!("s{i}"),
                name: p.text(),
                short_name: p.text(),
                district: p.text(),
                lat: p.coordinate(22.15, 22.55),
                lon: p.coordinate(113.85, 114.4),
                position: p.one(&[PositionPrecision::Surveyed, PositionPrecision::Approximate]),
                position_source: p.text(),
                area_ha: p.chance(5).then(|| p.number()),
                cross_border: p.chance(2),
                source: p.source(&pids),
            })
            .collect();
        let sids: Vec<String> = sites.iter().map(|s| s.id.clone()).collect();
        let oids: Vec<String> = organisations.iter().map(|o| o.id.clone()).collect();
        let items: Vec<Initiative> = (0..1 + p.below(8))
            .map(|i| Initiative {
                id: format!("i{i}"),
                kind: p.one(&ItemKind::ALL),
                title: p.text(),
                summary: p.text(),
                area: format!("a{}", p.below(n_areas)),
                status: p.one(&Status::ALL),
                status_quote: p.text(),
                organisations: p.some(&oids),
                sites: p.some(&sids),
                source: p.source(&pids),
            })
            .collect();
        let iids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
        let units = [
            Unit::Hkd,
            Unit::Hectares,
            Unit::SquareMetres,
            Unit::People,
            Unit::Count,
            Unit::Percent,
            Unit::Rank,
            Unit::Years,
        ];
        let figures: Vec<Figure> = (0..p.below(12))
            .map(|i| Figure {
                id: format!("f{i}"),
                item: p.chance(8).then(|| p.one(&iids)),
                value: p.number(),
                text: p.text(),
                unit: p.one(&units),
                scale: p.chance(3).then(|| p.text()),
                qualifier: p
                    .chance(5)
                    .then(|| p.one(&[Qualifier::About, Qualifier::Over, Qualifier::AtMost])),
                period: p.chance(3).then(|| p.text()),
                measure: p.text(),
                money: p.chance(7).then(|| {
                    p.one(&[
                        MoneyKind::Committed,
                        MoneyKind::Disbursed,
                        MoneyKind::Attracted,
                        MoneyKind::Other,
                    ])
                }),
                site: (p.chance(4) && !sids.is_empty()).then(|| p.one(&sids)),
                source: p.source(&pids),
            })
            .collect();
        let fids: Vec<String> = figures.iter().map(|f| f.id.clone()).collect();
        let precisions = [
            Precision::Day,
            Precision::Month,
            Precision::Year,
            Precision::Range,
            Precision::FinancialYear,
        ];
        let milestones: Vec<Milestone> = (0..p.below(12))
            .map(|i| Milestone {
                id: format!("m{i}"),
                item: p.one(&iids),
                event: p.one(&[
                    EventKind::Announced,
                    EventKind::Completed,
                    EventKind::Reported,
                ]),
                label: p.text(),
                date: PaperDate {
                    text: p.text(),
                    precision: p.one(&precisions),
                    start: p.date(),
                    end: p.date(),
                },
                source: p.source(&pids),
            })
            .collect();
        let series: Vec<Series> = if fids.is_empty() {
            Vec::new()
        } else {
            (0..p.below(3))
                .map(|i| Series {
                    id: format!("r{i}"),
                    title: p.text(),
                    unit: p.one(&units),
                    points: (0..p.below(4))
                        .map(|_| SeriesPoint {
                            label: p
                                .one(&["2014", "2021", "0", "-2147483648", "2147483647", "World"])
                                .into(),
                            figure: p.one(&fids),
                        })
                        .collect(),
                    note: p.source(&pids),
                })
                .collect()
        };
        Dataset {
            schema_version: SCHEMA_VERSION,
            document: Document {
                title: p.text(),
                bureau: p.text(),
                offices: vec![p.text()],
                date_text: p.text(),
                date: "2021-10".into(),
                as_of: "2021-10-06".into(),
                dataset_version: "1.0.0".into(),
                source_file: p.text(),
                source_sha256: p.text(),
                removed_headers: Vec::new(),
            },
            paragraphs,
            policy_areas,
            items,
            figures,
            milestones,
            series,
            sites,
            organisations,
        }
    }

    /// A URL query string: known and unknown parameters, valid and hostile values, repeats.
    pub fn query() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "view", "lang", "q", "area", "kind", "status", "site", "org", "from", "to", "sort",
            "item", "para", "place", "zoom", "tl", "fold", "money", "bogus", "", "%zz",
        ]);
        let value = prop_oneof![
            prop::sample::select(vec![
                "charts",
                "map",
                "zh-hant",
                "a0,a1",
                "new",
                "planned",
                "s0",
                "2021",
                "1900",
                "9999",
                "amount",
                "i0",
                "p3",
                "2020-01,2022-06",
                "2020-13,1-1",
                "axis",
                "disbursed",
                "%E5%89%8D",
                "%",
                "+",
                ",,,",
                "i0,i0,i0",
            ])
            .prop_map(String::from),
            "\\PC{0,30}",
            (1usize..400).prop_map(|n| "x".repeat(n)),
        ];
        prop::collection::vec((key, value), 0..12).prop_map(|pairs| {
            let parts: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("?{}", parts.join("&"))
        })
    }

    pub fn words() -> impl Strategy<Value = Vec<u32>> {
        prop::collection::vec(any::<u32>(), 1..300)
    }
}

/// Every number in `markup` (SVG attributes and path data) is finite and within `limit`.
fn assert_finite_coordinates(markup: &str, limit: f64) {
    let mut rest = markup;
    while let Some(at) = rest.find("=\"") {
        let context = &rest[at.saturating_sub(60)..at];
        rest = &rest[at + 2..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        assert!(
            !value.contains("NaN") && !value.contains("inf"),
            "{context}=\"{value}\""
        );
        // Only attributes that are numbers or path data (not text, not colours).
        if value
            .chars()
            .all(|c| c.is_ascii_digit() || " .,-MLAZHVCmlazhvc".contains(c))
        {
            for n in value
                .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .filter_map(|n| n.parse::<f64>().ok())
            {
                assert!(
                    n.is_finite() && n.abs() <= limit,
                    "coordinate {n} in {context}=\"{value}\""
                );
            }
        }
        rest = &rest[end..];
    }
}

/// Every pure view of `data` under `state`: no panic, bounded output, finite coordinates.
fn draw_everything(data: &Dataset, state: &ViewState) {
    let index = SearchIndex::new(std::sync::Arc::new(data.clone()));
    let selection = select(data, &index, state);
    assert!(selection.len() <= data.items.len());
    let counts = facet_counts(data, &index, state);
    assert!(
        counts.years.len() <= 111,
        "{} year options",
        counts.years.len()
    );
    assert!(matching_figures(data, &index, state).len() <= data.figures.len());

    let selected: Vec<&str> = selection
        .iter()
        .map(|&i| data.items[i].id.as_str())
        .collect();
    for id in ChartId::ALL {
        for money in [MoneyView::Committed, MoneyView::Disbursed] {
            let chart = charts::build(id, data, &|i| selected.contains(&i), money);
            for width in [120, 375, 1280] {
                for export in [false, true] {
                    let svg = charts::render(&chart, width, Locale::En, export);
                    assert!(
                        svg.markup.len() < 100_000 + 20_000 * chart.rows.len(),
                        "{id:?} markup of {} bytes",
                        svg.markup.len()
                    );
                    assert_finite_coordinates(&svg.markup, 1e6);
                }
            }
            assert!(charts::csv(&chart).len() < 10_000 + 2_000 * chart.rows.len());
        }
    }

    let src = MarkSet::new(data, &selection);
    let window = src.default_window(None);
    for width in [0.0, 320.0, 1200.0] {
        let view = TimeWindow::new(window, width);
        let layout = src.layout(&view, &[true]);
        let labels = src.labels(&layout, &view, &[]);
        assert!(labels.len() <= data.milestones.len());
        for p in layout.marks() {
            assert!(p.x.is_finite() && p.w.is_finite(), "{p:?}");
        }
        let ticks = timeline::ticks(window, &view);
        assert!(ticks.len() <= 100, "{} ticks", ticks.len());
        assert!(ticks.iter().all(|t| t.x.is_finite()));
    }
    let zoomed = timeline::zoom(window, 0.5, 0.5);
    assert!(zoomed.0 <= zoomed.1);

    let markers: Vec<MarkerIn> = data
        .sites
        .iter()
        .map(|s| MarkerIn {
            at: geo::project(s.lat, s.lon),
            r: geo::marker_radius(s.area_ha),
            label_w: 60.0,
        })
        .collect();
    let placed = geo::layout(&markers, &Viewport::FULL, (800.0, 600.0), 16.0);
    assert_eq!(placed.len(), markers.len());
    let (lines, dots) = geo::leader_path(placed.iter());
    let circles: String = markers
        .iter()
        .zip(&data.sites)
        .map(|(m, s)| geo::circle_path(m.at, geo::area_radius_units(s.area_ha.unwrap_or(1.0))))
        .collect();
    for path in [lines, dots, circles] {
        assert_finite_coordinates(&format!("d=\"{path}\""), 1e7);
    }
    for f in &data.figures {
        assert!(
            format::figure(f).chars().count() < 600,
            "{}",
            format::figure(f)
        );
        assert!(format::value_with_unit(f.value, f.unit).chars().count() < 600);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Drawing code is defensive on its own: even unchecked values draw bounded and finite.
    #[test]
    fn unchecked_datasets_draw_without_panic(words in gen::words(), query in gen::query()) {
        let data = gen::dataset(&words);
        let (mut state, _) = ViewState::parse(&query);
        state.retain_known(&data);
        draw_everything(&data, &state);
    }

    /// The load checks keep the structure and leave out exactly the records with bad values;
    /// what passes checks clean a second time.
    #[test]
    fn checks_drop_bad_values_and_keep_the_rest(words in gen::words(), query in gen::query()) {
        let data = gen::dataset(&words);
        let bad_values = data.figures.iter().filter(|f| {
            let (lo, hi) = check::value_range(f.unit);
            !(f.value.is_finite() && (lo..=hi).contains(&f.value))
        }).count()
            + data.milestones.iter().filter(|m| !check::date_ok(&m.date)).count()
            + data.sites.iter().filter(|s| {
                !check::in_area(s.lat, s.lon)
                    || s.area_ha.is_some_and(|a| !(a.is_finite() && a > 0.0 && a <= check::MAX_SITE_HA))
            }).count();
        let checked = check::check(data.clone()).expect("sound structure is not refused");
        prop_assert_eq!(checked.dropped.len(), bad_values);
        prop_assert_eq!(checked.data.items.len(), data.items.len());
        let again = check::check(checked.data.clone()).expect("still sound");
        prop_assert!(again.dropped.is_empty(), "{:?}", again.dropped);
        prop_assert_eq!(&again.data, &checked.data);
        let (mut state, _) = ViewState::parse(&query);
        state.retain_known(&checked.data);
        draw_everything(&checked.data, &state);
    }

    /// A structural fault (unsafe or repeated id, a reference to nothing) refuses the file,
    /// naming the record and the rule.
    #[test]
    fn structural_faults_refuse_the_dataset(words in gen::words(), fault in 0usize..4) {
        let mut data = gen::dataset(&words);
        let rule = match fault {
            0 => { data.items[0].id = "a\"b".into(); Rule::UnsafeId }
            1 => { data.items.push(data.items[0].clone()); Rule::DuplicateId }
            2 => { data.items[0].area = "nowhere".into(); Rule::DanglingReference }
            _ => { data.items[0].source.paragraph = "x".repeat(10_000); Rule::DanglingReference }
        };
        let problem = check::check(data).expect_err("refused");
        prop_assert_eq!(problem.rule, rule);
        prop_assert!(problem.to_string().len() < 300);
    }

    /// URL states: parsing never fails, notices stay short and few, and writing is canonical.
    #[test]
    fn any_query_parses_to_a_canonical_bounded_state(query in gen::query(), words in gen::words()) {
        let (state, notices) = ViewState::parse(&query);
        for n in &notices {
            prop_assert!(n.param.chars().count() <= view_state::NOTICE_VALUE_CHARS + 1);
            prop_assert!(n.value.chars().count() <= view_state::NOTICE_VALUE_CHARS + 1);
        }
        let (shown, more) = view_state::capped(&notices);
        prop_assert!(shown.len() <= view_state::MAX_NOTICES);
        prop_assert_eq!(shown.len() + more, notices.len());
        prop_assert!(state.q.chars().count() <= view_state::MAX_SEARCH);
        let written = state.to_query();
        let (again, renotices) = ViewState::parse(&written);
        prop_assert!(renotices.is_empty(), "{:?} from {}", renotices, written);
        prop_assert_eq!(&again, &state);
        let data = gen::dataset(&words);
        let mut known = state.clone();
        known.retain_known(&data);
        prop_assert!(known.areas.iter().all(|a| data.area(a).is_some()));
    }

    /// Number formatting: any f64, short output.
    #[test]
    fn any_number_formats_briefly(v in prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1e18),
        Just(1e308),
    ]) {
        prop_assert!(format::group(v, 2).chars().count() < 500);
        prop_assert!(format::hkd(v).chars().count() < 500);
        prop_assert!(format::compact(v).chars().count() < 500);
        for unit in [model::Unit::Hkd, model::Unit::Percent, model::Unit::Rank] {
            prop_assert!(format::value_with_unit(v, unit).chars().count() < 500);
        }
    }
}

/// Issue #16, item 1: a negative trend value (unchecked) drew a dashed line of 2x10^9 px.
#[test]
fn a_huge_negative_trend_value_draws_quickly_and_small() {
    let text = std::fs::read_to_string("public/data/policy-2021.json").unwrap();
    for v in [-1e18, -1e15, 1e300, f64::NEG_INFINITY] {
        let mut data = Dataset::from_json(&text).unwrap();
        data.figures
            .iter_mut()
            .find(|f| f.id == "f-p3-1")
            .unwrap()
            .value = v;
        let started = std::time::Instant::now();
        let chart = charts::build(ChartId::Trends, &data, &|_| true, MoneyView::Committed);
        let svg = charts::render(&chart, 1280, Locale::En, false);
        assert!(
            started.elapsed().as_millis() < 1000,
            "{v}: {:?}",
            started.elapsed()
        );
        assert!(
            svg.markup.len() < 200_000,
            "{v}: {} bytes",
            svg.markup.len()
        );
        assert_finite_coordinates(&svg.markup, 1e5);
    }
}
