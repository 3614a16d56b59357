//! The chart's data as CSV, written by the app's one CSV writer (`export::CsvWriter`).

use super::Chart;
use crate::export::{money_str, qualifier_str, unit_str, CsvWriter};

/// The chart's data as CSV (UTF-8 with a byte-order mark, so spreadsheets read the quotes
/// right), written by the app's one CSV writer.
pub fn csv(chart: &Chart) -> String {
    let mut w = CsvWriter::new(true);
    w.row([
        "chart",
        "figure",
        "group",
        "label",
        "measure",
        "value",
        "unit",
        "qualifier",
        "paper_text",
        "period",
        "money_kind",
        "source_paragraph",
    ]);
    for r in &chart.rows {
        let value = format!("{}", r.value);
        w.row([
            chart.id.as_str(),
            &r.figure,
            &r.group,
            &r.label,
            &r.measure,
            &value,
            unit_str(r.unit),
            qualifier_str(r.qualifier),
            &r.text,
            r.period.as_deref().unwrap_or(""),
            money_str(r.money),
            &r.paragraph,
        ]);
    }
    w.finish()
}
