//! Focus mode: the selected item of a stage alone on the screen, large, so the room can
//! read it from the back while they discuss it. Each stage says what its selected item
//! is (a `FocusCard`); this file only lays the card out.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::tui::big_title::{self, BigLayout};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap_lines;

use super::{FitReport, FocusCard, draw_lines, take_top};

/// Cells left free on each side: the card is read from afar, and text pressed
/// against the edge of a projected image is the first to be lost to keystoning.
const MARGIN: u16 = 4;

/// At most this many lines of large letters; a longer title is set in ordinary type.
const MAX_BIG_LINES: usize = 3;

/// How the card's title is set.
enum TitleSet {
    Big(BigLayout),
    Plain(Vec<Line<'static>>),
}

impl TitleSet {
    fn height(&self) -> u16 {
        match self {
            TitleSet::Big(layout) => layout.height(),
            TitleSet::Plain(lines) => u16::try_from(lines.len()).unwrap_or(u16::MAX),
        }
    }
}

/// Draws `card` into `area`. The title is in large letters when it fits with all the
/// details below it (full-size letters on screens of 60 rows or more); otherwise in
/// bold ordinary type. Detail lines that still do not fit are reported to `fit`.
pub fn render_focus(
    frame: &mut Frame,
    area: Rect,
    card: &FocusCard,
    theme: &Theme,
    screen_height: u16,
    fit: &FitReport,
) {
    let area = area.intersection(frame.area());
    let inner = Rect {
        x: area.x + MARGIN.min(area.width / 4),
        width: area.width.saturating_sub(2 * MARGIN.min(area.width / 4)),
        ..area
    };
    if inner.is_empty() {
        return;
    }
    let details = wrap_lines(&card.details, inner.width);
    let details_h = u16::try_from(details.len()).unwrap_or(u16::MAX);
    // Kicker, a blank row, the title, a blank row, the details.
    let fixed = 1 + 1 + 1;
    let max_letter = if screen_height >= 60 { 8 } else { 4 };
    let room_for_title = inner.height.saturating_sub(fixed).saturating_sub(details_h);
    let title = match big_title::fit(
        &card.title,
        inner.width,
        room_for_title,
        MAX_BIG_LINES,
        max_letter,
    ) {
        Some(layout) => TitleSet::Big(layout),
        None => TitleSet::Plain(wrap_lines(
            &[Line::from(Span::styled(
                card.title.clone(),
                theme.heading.add_modifier(Modifier::BOLD),
            ))],
            inner.width,
        )),
    };

    // Centre the block vertically when it is shorter than the screen: a card floating
    // in the middle reads as "this one thing", not as a list with one entry.
    let total = fixed + title.height() + details_h;
    let top_pad = inner.height.saturating_sub(total) / 2;
    let (_, rest) = take_top(inner, top_pad);

    let (kicker_row, rest) = take_top(rest, 1);
    draw_lines(
        frame.buffer_mut(),
        kicker_row,
        &[Line::from(Span::styled(
            card.kicker.clone(),
            card.kicker_style.add_modifier(Modifier::BOLD),
        ))],
    );
    let (_, rest) = take_top(rest, 1);
    let (title_area, rest) = take_top(rest, title.height());
    match &title {
        TitleSet::Big(layout) => big_title::render(
            frame.buffer_mut(),
            title_area,
            layout,
            theme.heading,
            Alignment::Left,
        ),
        TitleSet::Plain(lines) => draw_lines(frame.buffer_mut(), title_area, lines),
    }
    let (_, rest) = take_top(rest, 1);
    draw_lines(frame.buffer_mut(), rest, &details);
    let shown = usize::from(rest.height).min(details.len());
    fit.hide(details.len() - shown, "lines of this item", "");
}

#[cfg(test)]
mod tests {
    use ratatui::style::Style;

    use super::*;
    use crate::tui::widgets::testing::{draw_buffer, text_rows};

    fn card(title: &str, details: usize) -> FocusCard {
        FocusCard {
            kicker: "Interest · Globex Integration".into(),
            kicker_style: Style::default(),
            title: title.into(),
            details: (1..=details)
                .map(|i| Line::from(format!("Detail line {i}")))
                .collect(),
        }
    }

    fn draw(card: &FocusCard, w: u16, h: u16) -> (String, FitReport) {
        let theme = Theme::dark();
        let fit = FitReport::default();
        let buffer = draw_buffer(w, h, |frame| {
            render_focus(frame, frame.area(), card, &theme, h, &fit)
        });
        (text_rows(&buffer).join("\n"), fit)
    }

    #[test]
    fn a_short_title_is_drawn_large_with_every_detail() {
        let (text, fit) = draw(&card("Own EMEA accounts", 3), 160, 40);
        assert!(text.contains("Interest · Globex Integration"));
        assert!(text.contains('█'), "large letters expected:\n{text}");
        assert!(
            !text.contains("Own EMEA accounts"),
            "not in ordinary type too"
        );
        for i in 1..=3 {
            assert!(text.contains(&format!("Detail line {i}")));
        }
        assert!(fit.summary().is_none());
    }

    #[test]
    fn a_long_or_foreign_title_stays_in_ordinary_type() {
        let long = "Northwind keeps the lead on every enterprise account in EMEA, including \
                    the ones Globex brought in through its own channel in the last two years";
        let (text, _) = draw(&card(long, 2), 80, 20);
        assert!(!text.contains('█'));
        assert!(text.contains("Northwind keeps the lead"));
        let (text, _) = draw(&card("Zürich office", 2), 160, 40);
        assert!(text.contains("Zürich office"));
    }

    #[test]
    fn details_that_do_not_fit_are_reported() {
        let (text, fit) = draw(&card("Pricing", 30), 80, 12);
        assert!(text.contains("Detail line 1"));
        let hidden = fit.hidden();
        assert_eq!(hidden.len(), 1);
        // 12 rows: kicker, blank, one row of title, blank, 8 detail rows.
        assert_eq!(hidden[0].count, 30 - 8);
        assert_eq!(hidden[0].noun, "lines of this item");
        assert_eq!(
            fit.summary().as_deref(),
            Some("Not shown: 22 lines of this item · a larger window shows them")
        );
    }

    #[test]
    fn survives_any_size() {
        let card = card("Own EMEA accounts", 5);
        for (w, h) in [(0, 0), (1, 1), (5, 3), (9, 40), (200, 2)] {
            let _ = draw(&card, w, h);
        }
    }
}
