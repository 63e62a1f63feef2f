//! Drawing a sealed round: while open, its question and who has answered; once
//! revealed, the answers side by side, partner by partner.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::rounds::{
    Answer, Labelling, Revealed, Round, RoundKind, RoundState, Seal, SeatCount, mean_tenths,
};
use crate::domain::{PartnerId, Session};
use crate::tui::big_title;
use crate::tui::stages::text::{clip_rows, wrap_text};
use crate::tui::theme::Theme;

use super::super::{StageCtx, draw_lines};

/// "4:12", or "1:02:09" past an hour.
fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

fn labelling_words(labelling: Labelling) -> &'static str {
    match labelling {
        Labelling::ByPartner => "answers shown by partner",
        Labelling::ByPerson => "answers shown by person",
        Labelling::Anonymous => "answers anonymous within each partner",
    }
}

/// The partner's place among the session's partners, for its colour.
fn partner_index(session: &Session, partner: PartnerId) -> usize {
    session
        .partners
        .iter()
        .position(|p| p.id == partner)
        .unwrap_or(0)
}

/// Draws `round` into `area`; revealed answers start `scroll` rows down their columns.
/// Returns how far they could scroll, so the keys stop where the answers end.
pub(super) fn round(
    frame: &mut Frame,
    area: Rect,
    round: &Round,
    scroll: usize,
    ctx: &StageCtx,
) -> usize {
    let theme = ctx.theme;
    let width = area.width.saturating_sub(2).max(1);
    let inner = Rect {
        x: area.x + 1,
        width,
        ..area
    };
    let state = match round.state {
        RoundState::Open => "open",
        RoundState::Revealed => "revealed",
        RoundState::Cancelled => "cancelled",
    };
    let mut kicker = format!(
        "Sealed round · {} · {} · {state}",
        round.spec.kind.label(),
        labelling_words(round.spec.labelling)
    );
    if let Some(seconds) = ctx.now.and_then(|now| round.seconds_open(now)) {
        kicker.push_str(&format!(" {}", clock(seconds)));
    }
    let question = clip_rows(wrap_text(&round.spec.prompt, width), 3, usize::from(width));
    let question_rows = u16::try_from(question.len()).unwrap_or(3);
    let [kicker_area, question_area, _, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(question_rows),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Span::styled(kicker, theme.muted)),
        kicker_area,
    );
    let question: Vec<Line> = question
        .into_iter()
        .map(|row| Line::styled(row, theme.heading.add_modifier(Modifier::BOLD)))
        .collect();
    draw_lines(frame.buffer_mut(), question_area, &question);
    match round.state {
        RoundState::Open => {
            counts(frame, rest, round, ctx);
            0
        }
        RoundState::Revealed | RoundState::Cancelled => answers(frame, rest, round, scroll, ctx),
    }
}

/// Who has answered, partner by partner, and never what.
fn counts(frame: &mut Frame, area: Rect, round: &Round, ctx: &StageCtx) {
    let (session, theme) = (ctx.session, ctx.theme);
    // Counted once per frame: each count looks through every seal.
    let counts = round.counts();
    let name_width = counts
        .iter()
        .map(|c| crate::tui::widgets::display_width(&session.partner_name(c.partner)))
        .max()
        .unwrap_or(0)
        .min(24);
    let sealed = match round.seals.len() {
        1 => "1 answer sealed".to_string(),
        n => format!("{n} answers sealed"),
    };
    let footer = Line::styled(
        format!("{sealed}: nobody sees an answer until the reveal."),
        theme.muted,
    );
    // Who is still to answer helps the moderator pass the laptop on; where the
    // answers will be anonymous the names stay off the wall altogether. When the
    // names do not fit, the counts alone are shown, and the footer says so.
    let named = round.spec.labelling != Labelling::Anonymous;
    let build = |with_people: bool| {
        let mut lines = Vec::new();
        for &count in &counts {
            lines.push(count_line(session, count, name_width, theme));
            if with_people {
                let people: Vec<(&str, bool)> = round
                    .spec
                    .seats
                    .iter()
                    .filter(|s| s.partner == count.partner)
                    .map(|seat| (seat.person.as_str(), round.has_sealed(seat)))
                    .collect();
                lines.extend(people_rows(
                    &people,
                    name_width + 4,
                    usize::from(area.width),
                    theme,
                ));
            }
            lines.push(Line::raw(""));
        }
        lines.push(footer.clone());
        lines
    };
    let mut lines = build(named);
    if named && lines.len() > usize::from(area.height) {
        lines = build(false);
        ctx.fit.hide(round.spec.seats.len(), "names of people", "");
    }
    if lines.len() > usize::from(area.height) {
        // Blank rows between partners go first.
        lines.retain(|l| !l.spans.is_empty());
    }
    let area = big_total(frame, area, round, lines.len(), theme);
    draw_lines(frame.buffer_mut(), area, &lines);
}

/// How many of everyone have answered, in large letters above the counts when the
/// screen has the rows to spare: the one figure the room watches while a round is open.
/// Returns the space left under it.
fn big_total(frame: &mut Frame, area: Rect, round: &Round, needed: usize, theme: &Theme) -> Rect {
    let people = round.spec.seats.len();
    let answered = people - round.missing().len();
    let spare = area
        .height
        .saturating_sub(u16::try_from(needed).unwrap_or(u16::MAX));
    // The letters and a blank row under them.
    let Some(layout) = big_title::fit(
        &format!("{answered} of {people}"),
        area.width,
        spare.saturating_sub(1),
        1,
        8,
    ) else {
        return area;
    };
    let [big, _, rest] = Layout::vertical([
        Constraint::Length(layout.height()),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    big_title::render(
        frame.buffer_mut(),
        big,
        &layout,
        theme.heading,
        ratatui::layout::Alignment::Left,
    );
    rest
}

/// The people of one partner with their marks ("✓ Anna   · Ben"), in rows under the
/// count, indented by `indent`; a name is never split between rows.
fn people_rows(
    people: &[(&str, bool)],
    indent: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(indent).max(1);
    let mut rows = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (person, sealed) in people {
        let name = crate::tui::widgets::truncate_to_width(person, room.saturating_sub(2));
        let cells = 2 + crate::tui::widgets::display_width(&name) + 3;
        if used > 0 && used + cells > room + 3 {
            rows.push(std::mem::take(&mut row));
            used = 0;
        }
        let (mark, style) = if *sealed {
            ("✓ ", theme.good)
        } else {
            ("· ", theme.muted)
        };
        row.push(Span::styled(mark, style));
        row.push(Span::styled(format!("{name}   "), theme.text));
        used += cells;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows.into_iter()
        .map(|spans| {
            let mut line = vec![Span::raw(" ".repeat(indent))];
            line.extend(spans);
            Line::from(line)
        })
        .collect()
}

/// "Northwind   2 of 3 ✓", the mark once everyone of that partner has answered.
fn count_line(session: &Session, count: SeatCount, width: usize, theme: &Theme) -> Line<'static> {
    let name = crate::tui::widgets::fit_to_width(&session.partner_name(count.partner), width);
    let done = count.sealed >= count.expected;
    let style = theme
        .partner(partner_index(session, count.partner))
        .add_modifier(Modifier::BOLD);
    Line::from(vec![
        Span::styled(format!("{name}    "), style),
        Span::styled(
            format!("{} of {}", count.sealed, count.expected),
            theme.heading,
        ),
        Span::styled(if done { "  ✓ all answered" } else { "" }, theme.good),
    ])
}

/// The revealed answers, one column per partner.
fn answers(frame: &mut Frame, area: Rect, round: &Round, scroll: usize, ctx: &StageCtx) -> usize {
    let (session, theme) = (ctx.session, ctx.theme);
    let partners: Vec<PartnerId> = round.counts().iter().map(|c| c.partner).collect();
    if round.state == RoundState::Cancelled || partners.is_empty() {
        let line = Line::styled("The round was cancelled; no answer was shown.", theme.muted);
        frame.render_widget(Paragraph::new(line), area);
        return 0;
    }
    // Whose each answer is, looked up once rather than per answer and column.
    let mut seals: Vec<&Seal> = round.seals.iter().collect();
    seals.sort_unstable_by_key(|s| s.number);
    let seal_of = |number: u32| {
        seals
            .binary_search_by_key(&number, |s| s.number)
            .ok()
            .map(|at| seals[at])
    };
    let mut furthest = 0;
    let columns = Layout::horizontal(partners.iter().map(|_| Constraint::Fill(1)))
        .spacing(2)
        .split(area);
    for (partner, column) in partners.iter().zip(columns.iter()) {
        let width = column.width.max(1);
        let style = theme
            .partner(partner_index(session, *partner))
            .add_modifier(Modifier::BOLD);
        let mine: Vec<&Revealed> = round
            .revealed
            .iter()
            .filter(|r| seal_of(r.number).is_some_and(|s| s.partner == *partner))
            .collect();
        // The partner's name and its summary stay put; the answers under them scroll.
        let mut head = vec![Line::styled(session.partner_name(*partner), style)];
        if let Some(summary) = score_summary(round.spec.kind, &mine) {
            head.push(Line::styled(summary, theme.heading));
        }
        if mine.is_empty() {
            head.push(Line::styled("no answer", theme.muted));
        }
        // Scrolled by whole answers, and only the answers on show are laid out: a
        // round of 640 answers draws as fast as one of ten.
        furthest = furthest.max(mine.len().saturating_sub(1));
        let start = scroll.min(mine.len().saturating_sub(1));
        let mut shown = 0;
        for revealed in &mine[start..] {
            let Some(seal) = seal_of(revealed.number) else {
                continue;
            };
            let by = round.spec.labelling.signature(seal);
            let lines = answer_lines(revealed, by, width, theme);
            let left = usize::from(column.height).saturating_sub(head.len());
            if shown > 0 && lines.len() > left {
                break;
            }
            head.extend(lines.into_iter().take(left));
            shown += 1;
        }
        ctx.fit.hide(start, "answers", "↑↓");
        ctx.fit.hide(mine.len() - start - shown, "answers", "↑↓");
        draw_lines(frame.buffer_mut(), *column, &head);
    }
    furthest
}

/// "mean 3.5 · 2 answers" over the scores of one partner.
fn score_summary(kind: RoundKind, mine: &[&Revealed]) -> Option<String> {
    kind.score_range()?;
    let scores: Vec<u8> = mine
        .iter()
        .filter_map(|r| match r.answer {
            Answer::Score(s) => Some(s),
            _ => None,
        })
        .collect();
    let tenths = mean_tenths(&scores)?;
    let count = match scores.len() {
        1 => "1 answer".to_string(),
        n => format!("{n} answers"),
    };
    Some(format!("mean {}.{} · {count}", tenths / 10, tenths % 10))
}

/// The rows of one revealed answer in a column `width` cells wide.
fn answer_lines(revealed: &Revealed, by: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let by = if by.is_empty() {
        String::new()
    } else {
        format!(" — {by}")
    };
    let text_width = width.saturating_sub(2).max(1);
    let (body, note, style): (String, String, Style) = match &revealed.answer {
        Answer::Interest {
            statement, weight, ..
        } => (statement.clone(), weight.label().to_string(), theme.text),
        Answer::Text(text) => (text.clone(), String::new(), theme.text),
        Answer::Score(score) => (
            format!("{score} {}", "■".repeat(usize::from(*score))),
            String::new(),
            theme.heading,
        ),
    };
    let mut rows = clip_rows(wrap_text(&body, text_width), 4, usize::from(text_width));
    let mut lines = Vec::with_capacity(rows.len() + 1);
    let first = if rows.is_empty() {
        String::new()
    } else {
        rows.remove(0)
    };
    lines.push(Line::from(vec![
        Span::styled("• ", theme.muted),
        Span::styled(first, style),
    ]));
    lines.extend(
        rows.into_iter()
            .map(|row| Line::from(vec![Span::raw("  "), Span::styled(row, style)])),
    );
    let tail = format!("{note}{by}");
    if !tail.trim().is_empty() {
        lines.push(Line::styled(
            format!("  {}", tail.trim_start_matches(" — ")),
            theme.muted,
        ));
    }
    lines
}
