//! The summary's figures in words: the open conflicts as the notes count them, and how
//! the time went, stage by stage.

use ratatui::text::{Line, Span};

use crate::domain::Session;
use crate::domain::board::BoardEntry;
use crate::domain::tally::{Tally, TimeTally};
use crate::tui::chrome::short_label;
use crate::tui::theme::Theme;

/// "4 · 1 deal-breaker · 2 parked": the open conflicts as the notes count them, then the
/// others the list shows.
pub(super) fn open_count(board: &[BoardEntry]) -> String {
    let tally = Tally::of(board);
    let mut words = tally.open().to_string();
    if tally.deal_breakers() > 0 {
        let noun = if tally.deal_breakers() == 1 {
            "deal-breaker"
        } else {
            "deal-breakers"
        };
        words.push_str(&format!(" · {} {noun}", tally.deal_breakers()));
    }
    if tally.parked() > 0 {
        words.push_str(&format!(" · {} parked", tally.parked()));
    }
    words
}

/// Joins the words of one stage's figures: the wrap never breaks at a no-break space, so
/// "Vision 25 / 31 min" stays together on one row.
const NBSP: char = '\u{a0}';

/// "TIME planned / actual   Vision 25 / 31 min · Roles 20 / 18 min · … · total 100 / 110 min".
pub(super) fn time_line(session: &Session, theme: &Theme, compact: bool) -> Line<'static> {
    let time = TimeTally::of(session);
    // Narrow screens say "min" once and drop the spaces around the slash, which saves a
    // row at 80 columns.
    let (slash, unit, label) = if compact {
        ("/".to_string(), String::new(), "(min, planned/actual)   ")
    } else {
        (
            format!("{NBSP}/{NBSP}"),
            format!("{NBSP}min"),
            "planned / actual   ",
        )
    };
    let mut spans = vec![
        Span::styled("TIME ", theme.heading),
        Span::styled(label, theme.muted),
    ];
    for stage in time.stages {
        spans.push(Span::styled(
            format!("{}{NBSP}", short_label(stage.stage)),
            theme.muted,
        ));
        // A stage that was not held is out of the plan (see `TimeTally`), as in the notes.
        let Some(actual) = stage.actual else {
            spans.push(Span::styled("not held", theme.muted));
            spans.push(Span::styled(" · ", theme.muted));
            continue;
        };
        // Running over is worth seeing, but the numbers already say it; colour only
        // underlines it.
        let style = if actual > stage.timebox {
            theme.warn
        } else {
            theme.text
        };
        spans.push(Span::styled(
            format!("{}{slash}{actual}{unit}", stage.timebox),
            style,
        ));
        spans.push(Span::styled(" · ", theme.muted));
    }
    spans.push(Span::styled(format!("total{NBSP}"), theme.muted));
    spans.push(Span::styled(
        format!("{}{slash}{}{NBSP}min", time.planned, time.actual),
        theme.heading,
    ));
    Line::from(spans)
}
