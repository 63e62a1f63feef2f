//! The session's glossary, opened over the conflict list with `G`: the accounts, places
//! and products the room named, each with its other names, so the conflict rules know
//! them however the partners put it. The list only reads the session; adding, editing
//! and removing go through the record like every other change (`glossary_form`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::timeline::Changed;
use crate::domain::{GlossaryEntry, GlossaryKind, ItemId, Session};
use crate::tui::intent::Intent;
use crate::tui::widgets::{display_width, fit_to_width, truncate_to_width, wrap_lines};

use super::glossary_form::{edit_form, kind_choice, remove_confirm};
use super::{GAP, GUTTER};
use crate::tui::stages::{
    CHANGED_MARK, FocusCard, StageCtx, draw_lines, mark_changed, scroll_offset, take_top,
};

/// Cells the widest kind ("account", "product") takes.
const KIND_WIDTH: usize = 7;
/// The name column is at most this wide, so the other names keep room.
const NAME_MAX: usize = 32;

const ABOUT: &str = "Accounts, places and products the conflict rules should know by every \
     name the partners use.";
const EMPTY: &str = "Nothing named yet.";
const EMPTY_ADD: &str = "Press a to add an account, a place or a product.";

/// What a key in the glossary can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryAction {
    /// Ask which kind of entry, then its form.
    Add,
    /// The selected entry's form.
    Edit,
    /// Remove the selected entry (after a yes).
    Remove,
    Down,
    Up,
    First,
    Last,
    /// Back to the conflict list.
    Back,
}

/// The glossary's cursor: a place in the list, and the entry it was on, so that an
/// entry added above it or removed elsewhere leaves it where it was.
#[derive(Debug, Default, Clone)]
pub(super) struct GlossaryView {
    cursor: usize,
    pinned: Option<ItemId>,
}

impl GlossaryView {
    pub(super) fn applies(&self, action: GlossaryAction, ctx: &StageCtx) -> bool {
        use GlossaryAction::*;
        let len = ctx.session.glossary.len();
        match action {
            Add | Back => true,
            Edit | Remove | First | Last => len > 0,
            Down | Up => len > 1,
        }
    }

    /// Carries out `action`; `Back` is the screen's to do, as it owns the focus.
    pub(super) fn perform(&mut self, action: GlossaryAction, ctx: &StageCtx) -> Option<Intent> {
        let session = ctx.session;
        let last = session.glossary.len().saturating_sub(1);
        let pos = self.position(session);
        match action {
            GlossaryAction::Down => self.select(session, (pos + 1).min(last)),
            GlossaryAction::Up => self.select(session, pos.saturating_sub(1)),
            GlossaryAction::First => self.select(session, 0),
            GlossaryAction::Last => self.select(session, last),
            // The new entry's id is the record's to give; `follow` puts the cursor on it.
            GlossaryAction::Add => return Some(kind_choice(session)),
            GlossaryAction::Edit => return self.selected(session).map(|e| edit_form(session, e)),
            GlossaryAction::Remove => return self.selected(session).map(remove_confirm),
            GlossaryAction::Back => {}
        }
        None
    }

    /// An entry added, edited or brought back by undo goes under the cursor; a removed
    /// one leaves the cursor at its place, on the entry that moved up into it.
    pub(super) fn follow(&mut self, changed: &Changed, session: &Session) {
        let Changed::Glossary(id) = changed else {
            return;
        };
        if let Some(pos) = session.glossary.iter().position(|g| g.id == *id) {
            self.select(session, pos);
        }
    }

    pub(super) fn selected<'s>(&self, session: &'s Session) -> Option<&'s GlossaryEntry> {
        session.glossary.get(self.position(session))
    }

    /// The cursor's place: where the pinned entry is now, or the old place kept within
    /// the list when that entry is gone.
    fn position(&self, session: &Session) -> usize {
        let entries = &session.glossary;
        if let Some(id) = self.pinned
            && let Some(pos) = entries.iter().position(|g| g.id == id)
        {
            return pos;
        }
        self.cursor.min(entries.len().saturating_sub(1))
    }

    fn select(&mut self, session: &Session, pos: usize) {
        self.cursor = pos;
        self.pinned = session.glossary.get(pos).map(|g| g.id);
    }

    /// The selected entry alone, for focus mode.
    pub(super) fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let session = ctx.session;
        let entry = self.selected(session)?;
        let theme = ctx.theme;
        let fact = |name: &'static str, value: String| {
            Line::from(vec![
                Span::styled(name, theme.muted),
                Span::styled(value, theme.text),
            ])
        };
        let mut details = Vec::new();
        if !entry.aliases.is_empty() {
            details.push(fact("Also called: ", entry.aliases.join(", ")));
        }
        details.push(fact("Where or whose: ", place_or_owner(session, entry)));
        details.push(Line::styled(
            format!(
                "{} of {} in the glossary",
                self.position(session) + 1,
                session.glossary.len()
            ),
            theme.muted,
        ));
        Some(FocusCard {
            kicker: format!("Glossary · {}", entry.kind.label()),
            kicker_style: theme.heading,
            title: entry.name.clone(),
            details,
        })
    }

    /// The heading, a line on what the glossary is for, and the entries scrolled to the
    /// cursor, in `area`.
    pub(super) fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let theme = ctx.theme;
        let entries = &ctx.session.glossary;
        let (title, rest) = take_top(area, 1);
        let about = wrap_lines(&[Line::styled(ABOUT, theme.muted)], area.width);
        let (about_area, rest) = take_top(rest, about.len().min(2) as u16);
        let (_, list) = take_top(rest, 1);
        draw_lines(frame.buffer_mut(), about_area, &about);
        if entries.is_empty() {
            draw_lines(frame.buffer_mut(), title, &[heading(ctx, 0, "")]);
            let text = if ctx.read_only {
                EMPTY.to_string()
            } else {
                format!("{EMPTY} {EMPTY_ADD}")
            };
            let lines = wrap_lines(&[Line::styled(text, theme.text)], list.width);
            draw_lines(frame.buffer_mut(), list, &lines);
            return;
        }
        let rows = usize::from(list.height);
        let pos = self.position(ctx.session);
        let first = scroll_offset(pos, entries.len(), rows);
        let end = (first + rows).min(entries.len());
        let mut hint = Vec::new();
        if first > 0 {
            hint.push(format!("↑ {first} more"));
        }
        if end < entries.len() {
            hint.push(format!("↓ {} more", entries.len() - end));
        }
        draw_lines(
            frame.buffer_mut(),
            title,
            &[heading(ctx, entries.len(), &hint.join("  "))],
        );
        let width = usize::from(list.width);
        let (lines, cut): (Vec<Line>, Vec<bool>) = (first..end)
            .map(|i| entry_line(ctx, &entries[i], i == pos, width))
            .unzip();
        draw_lines(frame.buffer_mut(), list, &lines);
        ctx.fit
            .hide(first + entries.len() - end, "glossary entries", "↑↓");
        // A long name or many other names are cut to one row; focus mode shows them all.
        let cut = cut.into_iter().filter(|c| *c).count();
        ctx.fit.hide(cut, "glossary entries cut short", "z");
    }
}

fn heading(ctx: &StageCtx, count: usize, hint: &str) -> Line<'static> {
    let theme = ctx.theme;
    let mut spans = vec![
        Span::styled("GLOSSARY", theme.heading),
        Span::styled(format!("  {count}"), theme.muted),
        Span::styled("   Esc ", theme.key),
        Span::styled("back to conflicts", theme.muted),
    ];
    if !hint.is_empty() {
        spans.push(Span::styled(format!("   {hint}"), theme.muted));
    }
    Line::from(spans)
}

/// Where a place lies or whose a product is; what an account is.
fn place_or_owner(session: &Session, entry: &GlossaryEntry) -> String {
    match &entry.kind {
        GlossaryKind::Account => "a customer account".to_string(),
        GlossaryKind::Place { within } if within.is_empty() => "a place".to_string(),
        GlossaryKind::Place { within } => format!("in {}", within.join(", ")),
        GlossaryKind::Product { partner } => format!("of {}", session.partner_name(*partner)),
    }
}

/// One entry's row, and whether anything of it was cut to fit.
fn entry_line(
    ctx: &StageCtx,
    entry: &GlossaryEntry,
    selected: bool,
    width: usize,
) -> (Line<'static>, bool) {
    let theme = ctx.theme;
    let session = ctx.session;
    let name_w = NAME_MAX.min(width / 3);
    let rest_w = width.saturating_sub(GUTTER + KIND_WIDTH + GAP + name_w + GAP);
    let owner_style = match entry.kind {
        GlossaryKind::Product { partner } => session
            .partner_index(partner)
            .map_or(theme.text, |i| theme.partner(i)),
        _ => theme.text,
    };
    // Where or whose in its colour, then the other names, cut together to the room left.
    let mut parts = Vec::new();
    if !matches!(entry.kind, GlossaryKind::Account) {
        parts.push((place_or_owner(session, entry), owner_style));
    }
    if !entry.aliases.is_empty() {
        let sep = if parts.is_empty() { "" } else { " · " };
        parts.push((
            format!("{sep}also {}", entry.aliases.join(", ")),
            theme.muted,
        ));
    }
    let mut rest = Vec::new();
    let mut used = 0;
    let mut cut = display_width(&entry.name) > name_w;
    for (text, style) in parts {
        let room = rest_w.saturating_sub(used);
        cut |= display_width(&text) > room;
        let text = truncate_to_width(&text, room);
        used += display_width(&text);
        rest.push(Span::styled(text, style));
    }
    let mut spans = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(fit_to_width(entry.kind.label(), KIND_WIDTH), theme.muted),
        Span::raw(" ".repeat(GAP)),
        Span::styled(fit_to_width(&entry.name, name_w), theme.text),
        Span::raw(" ".repeat(GAP)),
    ];
    spans.extend(rest);
    let mut line = Line::from(spans);
    let changed = ctx.highlight == Some(&Changed::Glossary(entry.id));
    if selected {
        for span in &mut line.spans {
            span.style = theme.selected;
        }
        if changed {
            line.spans[0].content = format!("{CHANGED_MARK} ").into();
        }
    } else if changed {
        mark_changed(&mut line, theme);
    }
    (line, cut)
}
