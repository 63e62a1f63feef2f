//! Dates, durations, counts and shades as the page words them.

use chrono::NaiveDate;

use crate::domain::Severity;

/// At most `max` characters of `text` on one line, for chart labels, which cannot wrap.
/// The full text goes in the chart's `<title>` tooltip.
pub(super) fn clip(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

pub(super) fn short_date(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// "1 h 05 min", "25 min".
pub(super) fn duration(mins: u64) -> String {
    if mins >= 60 {
        format!("{} h {:02} min", mins / 60, mins % 60)
    } else {
        format!("{mins} min")
    }
}

/// The CSS class that carries a severity's shade.
pub(super) fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Low => "sev-low",
        Severity::Medium => "sev-medium",
        Severity::High => "sev-high",
        Severity::Critical => "sev-critical",
    }
}
