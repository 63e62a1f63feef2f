//! Who of each partner has spoken: the facts, the verdict in words, the strip under a
//! column, the full coverage view, and its focus card.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::{Function, PartnerId, Session};
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width};

use super::super::{FocusCard, StageCtx, draw_lines};
use super::draw::Unseen;
use super::forms::position_of;
use super::list::{Column, draw_frame, hanging, pad};
use super::{
    FUNCTION_LABEL_WIDTH, LONG_STATUS_WIDTH, MAX_GRID_CELL, MIN_GRID_CELL, SHORT_LABEL_WIDTH,
    SHORT_STATUS_WIDTH, USUAL_VOICES,
};

/// Who of a partner has spoken: the functions heard, the functions in the room, and
/// how many interests each function gave.
pub(super) struct CoverageFacts {
    pub(super) disclosed: BTreeSet<Function>,
    pub(super) present: BTreeSet<Function>,
    counts: [usize; Function::ALL.len()],
    /// Whether the words may name the key that records who is in the room: only where
    /// the session can be changed.
    invite: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Voice {
    Heard,
    Silent,
    Absent,
}

impl CoverageFacts {
    pub(super) fn of(session: &Session, partner: PartnerId) -> CoverageFacts {
        let mut counts = [0; Function::ALL.len()];
        for interest in session.interests_of(partner) {
            counts[position_of(Function::ALL, &interest.function)] += 1;
        }
        CoverageFacts {
            disclosed: session.disclosed_functions(partner),
            present: session.present_functions(partner),
            counts,
            invite: true,
        }
    }

    /// The same facts as a view that may (`read_only` false) or may not change the
    /// session tells them.
    pub(super) fn seen_by(mut self, read_only: bool) -> CoverageFacts {
        self.invite = !read_only;
        self
    }

    pub(super) fn voice(&self, function: Function) -> Voice {
        if self.disclosed.contains(&function) {
            Voice::Heard
        } else if self.present.contains(&function) {
            Voice::Silent
        } else {
            Voice::Absent
        }
    }

    /// Functions in the room that have not put anything on the table.
    pub(super) fn silent(&self) -> impl Iterator<Item = Function> + '_ {
        self.present.difference(&self.disclosed).copied()
    }
}

/// How much the full coverage view can spell out in a column's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Words {
    Long,
    Short,
    Tight,
}

pub(super) fn voice_mark(voice: Voice) -> &'static str {
    match voice {
        Voice::Heard => "●",
        Voice::Silent => "○",
        Voice::Absent => "·",
    }
}

pub(super) fn voice_styles(theme: &Theme, voice: Voice) -> (Style, Style) {
    match voice {
        Voice::Heard => (theme.good, theme.text),
        Voice::Silent => (theme.warn, theme.warn),
        Voice::Absent => (theme.muted, theme.muted),
    }
}

/// One line on how much of the room has spoken: a mark, the sentence and its style.
pub(super) fn verdict(facts: &CoverageFacts, theme: &Theme) -> (&'static str, String, Style) {
    let in_room = facts.present.len();
    let heard = facts.present.intersection(&facts.disclosed).count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if in_room == 0 {
        let spoken = facts.disclosed.len();
        let key = if facts.invite { ": press p" } else { "" };
        let text = if spoken == 0 {
            format!("Nobody recorded in the room yet{key}")
        } else {
            let key = if facts.invite { " (p)" } else { "" };
            format!(
                "{spoken} function{} spoke; nobody recorded in the room{key}",
                plural(spoken)
            )
        };
        return ("·", text, theme.muted);
    }
    if heard == in_room {
        let text = if in_room == 1 {
            "The one function in the room has spoken".to_string()
        } else {
            format!("All {in_room} functions in the room have spoken")
        };
        return ("✓", text, theme.good);
    }
    let text = match (heard, in_room) {
        (0, 1) => "The one function in the room has not spoken yet".to_string(),
        (0, n) => format!("None of the {n} functions in the room has spoken yet"),
        (1, n) => format!("1 of {n} functions in the room has spoken"),
        (k, n) => format!("{k} of {n} functions in the room have spoken"),
    };
    ("○", text, theme.warn)
}

/// The gentle prompt when only the top of the partner has spoken.
pub(super) fn exec_only_prompt(facts: &CoverageFacts) -> Option<String> {
    if facts.disclosed.len() != 1 || !facts.disclosed.contains(&Function::Executive) {
        return None;
    }
    let waiting: Vec<&str> = facts.silent().map(Function::label).collect();
    let ask = if waiting.is_empty() {
        format!("{USUAL_VOICES}…")
    } else {
        waiting.join(", ")
    };
    Some(format!("Only the executive has spoken — ask {ask}"))
}

/// What is still missing, in words: the executive-only prompt, or who is silent.
pub(super) fn missing_line(facts: &CoverageFacts) -> Option<String> {
    if let Some(prompt) = exec_only_prompt(facts) {
        return Some(prompt);
    }
    let silent: Vec<&str> = facts.silent().map(Function::label).collect();
    if silent.is_empty() || facts.disclosed.is_empty() {
        // With nobody heard yet the verdict already says all of it.
        return None;
    }
    Some(format!("Not heard yet: {}", silent.join(", ")))
}

/// The verdict and the missing line, each in at most two rows.
pub(super) fn coverage_sentences(
    facts: &CoverageFacts,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let (mark, text, style) = verdict(facts, theme);
    let mut lines = hanging(mark, &text, style, width);
    if let Some(missing) = missing_line(facts) {
        lines.extend(hanging(" ", &missing, theme.warn, width));
    }
    lines
}

/// Columns and rows of the function grid in `width` cells: as few rows as fit, the
/// functions spread evenly over them.
pub(super) fn grid_shape(width: usize) -> (usize, usize, usize) {
    let n = Function::ALL.len();
    let fit = (width / MIN_GRID_CELL).clamp(1, n);
    let rows = n.div_ceil(fit);
    let per_row = n.div_ceil(rows);
    let cell = (width / per_row).clamp(1, MAX_GRID_CELL);
    (per_row, rows, cell)
}

/// Rows the strip under a column needs: rule, sentences and grid.
pub(super) fn strip_rows(facts: &CoverageFacts, theme: &Theme, width: usize) -> u16 {
    let sentences = coverage_sentences(facts, theme, width as u16).len();
    let (_, grid, _) = grid_shape(width);
    (1 + sentences + grid) as u16
}

/// Draws the sentences and the grid; returns how many functions had no room.
pub(super) fn draw_strip(
    buf: &mut Buffer,
    theme: &Theme,
    facts: &CoverageFacts,
    area: Rect,
) -> usize {
    let lines = coverage_sentences(facts, theme, area.width);
    draw_lines(buf, area, &lines);
    let used = (lines.len() as u16).min(area.height);
    let grid = Rect::new(area.x, area.y + used, area.width, area.height - used);
    draw_grid(buf, theme, facts, grid)
}

/// Every function as a mark and a short name, in a grid; returns how many functions had
/// no row left.
pub(super) fn draw_grid(
    buf: &mut Buffer,
    theme: &Theme,
    facts: &CoverageFacts,
    area: Rect,
) -> usize {
    if area.is_empty() {
        return Function::ALL.len();
    }
    let (per_row, _, cell) = grid_shape(usize::from(area.width));
    for (i, function) in Function::ALL.iter().enumerate() {
        let (row, col) = ((i / per_row) as u16, (i % per_row) as u16);
        if row >= area.height {
            return Function::ALL.len() - i;
        }
        let voice = facts.voice(*function);
        let (mark_style, name_style) = voice_styles(theme, voice);
        let name = truncate_to_width(function.short(), cell.saturating_sub(3));
        let line = Line::from(vec![
            Span::styled(format!("{} ", voice_mark(voice)), mark_style),
            Span::styled(name, name_style),
        ]);
        let x = area.x + col * cell as u16;
        if x < area.right() {
            buf.set_line(x, area.y + row, &line, area.right() - x);
        }
    }
    0
}

/// The full coverage view of one partner: the verdict, what is missing, and one row per
/// function with its mark and, in words, how it took part. Returns what had no room.
pub(super) fn draw_coverage_column(buf: &mut Buffer, ctx: &StageCtx, column: &Column) -> Unseen {
    let (session, theme) = (ctx.session, ctx.theme);
    let Some(partner) = session.partners.get(column.index) else {
        return Unseen::default();
    };
    let count = session.interests_of(partner.id).count();
    let inner = draw_frame(buf, theme, column, &partner.name, count);
    if inner.is_empty() {
        return Unseen {
            functions: Function::ALL.len(),
            ..Unseen::default()
        };
    }
    let content = pad(inner);
    let facts = CoverageFacts::of(session, partner.id).seen_by(ctx.read_only);
    let sentences = coverage_sentences(&facts, theme, content.width);
    draw_lines(buf, content, &sentences);
    let lines = sentences.len().saturating_sub(usize::from(content.height));
    let used = (sentences.len() as u16 + 1).min(content.height);
    let rest = Rect::new(
        content.x,
        content.y + used,
        content.width,
        content.height - used,
    );
    if usize::from(rest.height) < Function::ALL.len() {
        // Not enough rows for one function per row: the compact grid says the same.
        return Unseen {
            lines,
            functions: draw_grid(buf, theme, &facts, rest),
            ..Unseen::default()
        };
    }
    let width = usize::from(rest.width);
    // The long words when the column has room for them, then short status words, then
    // short function names too.
    let (words, label_width) = if width >= 2 + FUNCTION_LABEL_WIDTH + LONG_STATUS_WIDTH {
        (Words::Long, FUNCTION_LABEL_WIDTH)
    } else if width >= 2 + FUNCTION_LABEL_WIDTH + SHORT_STATUS_WIDTH {
        (Words::Short, FUNCTION_LABEL_WIDTH)
    } else {
        (Words::Tight, SHORT_LABEL_WIDTH)
    };
    for (row, function) in Function::ALL.iter().enumerate() {
        let voice = facts.voice(*function);
        let (mark_style, name_style) = voice_styles(theme, voice);
        let status = status_words(voice, facts.counts[row], words);
        let label = if words == Words::Tight {
            function.short()
        } else {
            function.label()
        };
        let gap = label_width.saturating_sub(display_width(label));
        let status_room = width.saturating_sub(2 + label_width);
        let line = Line::from(vec![
            Span::styled(format!("{} ", voice_mark(voice)), mark_style),
            Span::styled(
                format!(
                    "{}{}",
                    truncate_to_width(label, label_width),
                    " ".repeat(gap)
                ),
                name_style,
            ),
            Span::styled(truncate_to_width(&status, status_room), mark_style),
        ]);
        buf.set_line(rest.x, rest.y + row as u16, &line, rest.width);
    }
    Unseen {
        lines,
        ..Unseen::default()
    }
}

/// How a function took part, in as many words as `words` allows.
pub(super) fn status_words(voice: Voice, interests: usize, words: Words) -> String {
    match (voice, interests, words) {
        (Voice::Heard, 1, Words::Long) => "spoke · 1 interest".to_string(),
        (Voice::Heard, n, Words::Long) => format!("spoke · {n} interests"),
        (Voice::Heard, n, _) => format!("spoke · {n}"),
        (Voice::Silent, _, Words::Long) => "in the room, silent".to_string(),
        (Voice::Silent, _, _) => "silent".to_string(),
        (Voice::Absent, _, Words::Long) => "not in the room".to_string(),
        (Voice::Absent, _, _) => "not here".to_string(),
    }
}

/// The focus card of the coverage view: the verdict on who has spoken for the partner at
/// `index`, what is missing, and every function with its mark and, in words, its part.
pub(super) fn coverage_card(ctx: &StageCtx, index: usize, partner: PartnerId) -> FocusCard {
    let (session, theme) = (ctx.session, ctx.theme);
    let name = session.partner_name(partner);
    let facts = CoverageFacts::of(session, partner).seen_by(ctx.read_only);
    let (mark, verdict, style) = verdict(&facts, theme);
    let mut details = vec![Line::styled(format!("{mark} {verdict}"), style)];
    if let Some(missing) = missing_line(&facts) {
        details.push(Line::styled(format!("○ {missing}"), theme.warn));
    }
    details.push(Line::default());
    for (row, function) in Function::ALL.iter().enumerate() {
        let voice = facts.voice(*function);
        let (mark_style, name_style) = voice_styles(theme, voice);
        details.push(Line::from(vec![
            Span::styled(format!("{} ", voice_mark(voice)), mark_style),
            Span::styled(function.label(), name_style),
            Span::styled(" — ", theme.muted),
            Span::styled(
                status_words(voice, facts.counts[row], Words::Long),
                mark_style,
            ),
        ]));
    }
    FocusCard {
        kicker: format!("Who has spoken · {name}"),
        kicker_style: theme.partner(index),
        title: verdict,
        details,
    }
}

/// What the coverage marks mean, in as many words as `width` allows.
pub(super) fn legend_line(theme: &Theme, width: u16) -> Line<'static> {
    let full = [
        ("● ", "has spoken"),
        ("○ ", "in the room, not heard yet"),
        ("· ", "not in the room"),
    ];
    let short = [("● ", "spoke"), ("○ ", "silent"), ("· ", "not here")];
    let line = |words: [(&'static str, &'static str); 3], gap: &'static str| {
        let styles = [theme.good, theme.warn, theme.muted];
        let mut spans = Vec::with_capacity(6);
        for (i, ((mark, what), style)) in words.into_iter().zip(styles).enumerate() {
            let lead = if i == 0 {
                String::new()
            } else {
                gap.to_string()
            };
            spans.push(Span::styled(format!("{lead}{mark}"), style));
            spans.push(Span::styled(what, theme.muted));
        }
        Line::from(spans)
    };
    let wide = line(full, "    ");
    if wide.width() <= usize::from(width) {
        wide
    } else {
        line(short, "   ")
    }
}
