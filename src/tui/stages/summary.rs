//! Stage 5, the summary: the room's verdict, the agreements it reached, what is still
//! open, who does what next, and how the time went. It is what the partners read
//! together at the end, so the verdict comes first and is the largest thing on the wall.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph};

use crate::domain::board::{self, BoardEntry};
use crate::domain::tally::{Tally, TimeTally};
use crate::domain::verdict::{blocking_deal_breakers, verdict_block};
use crate::domain::{ActionItem, Change, ConflictStatus, GateDecision, Session, Verdict};
use crate::tui::chrome::short_label;
use crate::tui::editor::EditorMode;
use crate::tui::form::{Form, OnSubmit};
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::theme::Theme;
use crate::tui::widgets::{KeyHelp, display_width, fit_to_width, truncate_to_width, wrap_lines};

use super::conflicts::{readiness_line, readiness_rows, severity_marker};
use super::text::{one_line, wrap_text};
use super::{
    CHANGED_MARK, FocusCard, StageCtx, changed_style, is_chord, mark_changed, scroll_offset,
    take_top,
};
use crate::domain::timeline::Changed;

/// Every key of the summary, for the help overlay.
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "v",
        what: "record the verdict",
    },
    KeyHelp {
        keys: "↑ ↓  j k",
        what: "move between the verdict and the action items",
    },
    KeyHelp {
        keys: "Tab",
        what: "switch between the verdict and the action items",
    },
    KeyHelp {
        keys: "Enter",
        what: "change the verdict, or edit the selected action item",
    },
    KeyHelp {
        keys: "a",
        what: "add an action item",
    },
    KeyHelp {
        keys: "d",
        what: "delete the selected action item",
    },
    KeyHelp {
        keys: "Home End",
        what: "first / last action item",
    },
    KeyHelp {
        keys: "e",
        what: "export the notes (Markdown and HTML, beside the session file)",
    },
];

const DATE_FORMAT: &str = "%Y-%m-%d";
const DATE_ERROR: &str = "due date must look like 2026-12-01";
const GONE: &str = "this action item was removed meanwhile";
/// Below this width the lists stack; at or above it agreements and open conflicts sit
/// beside the action items.
const TWO_COLUMN_MIN_WIDTH: u16 = 120;
/// Cells for the owner and due-date columns of the action items.
const OWNER_WIDTH: usize = 20;
const DUE_WIDTH: usize = 10;
/// Said after a due date that has passed.
const OVERDUE: &str = " overdue";
const GAP: usize = 2;
/// Deal-breakers the verdict dialog names one by one; the rest are counted.
const MAX_NAMED_DEAL_BREAKERS: usize = 3;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Focus {
    #[default]
    Verdict,
    Actions,
}

#[derive(Debug, Default, Clone)]
pub struct SummaryScreen {
    focus: Focus,
    /// Position in `session.actions`.
    cursor: usize,
}

impl SummaryScreen {
    /// Keys not handled globally. Return None when the key means nothing here.
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        if is_chord(&key) {
            return None;
        }
        let session = ctx.session;
        let count = session.actions.len();
        let last = count.saturating_sub(1);
        self.cursor = self.cursor.min(last);
        if count == 0 {
            self.focus = Focus::Verdict;
        }
        let selected = match self.focus {
            Focus::Actions => session.actions.get(self.cursor),
            Focus::Verdict => None,
        };
        match key.code {
            KeyCode::Char('v') => Some(verdict_confirm(session, ctx.board)),
            KeyCode::Char('a') => Some(Intent::Form(action_form(None))),
            KeyCode::Enter => match selected {
                Some(action) => Some(Intent::Form(action_form(Some(action)))),
                None => Some(verdict_confirm(session, ctx.board)),
            },
            KeyCode::Char('d') => selected.map(|action| {
                Intent::Confirm(Confirm::yes_no(
                    "Delete action item",
                    format!(
                        "Delete the action item {}? Undo (u) brings it back.",
                        quote(&action.text)
                    ),
                    Intent::Record(vec![Change::ActionRemoved { id: action.id }]),
                ))
            }),
            KeyCode::Up | KeyCode::Char('k') => {
                match self.focus {
                    // Above the first action item is the verdict.
                    Focus::Actions if self.cursor == 0 => self.focus = Focus::Verdict,
                    Focus::Actions => self.cursor -= 1,
                    Focus::Verdict => {}
                }
                None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                match self.focus {
                    Focus::Verdict if count > 0 => {
                        self.focus = Focus::Actions;
                        self.cursor = 0;
                    }
                    Focus::Actions => self.cursor = (self.cursor + 1).min(last),
                    Focus::Verdict => {}
                }
                None
            }
            KeyCode::Tab | KeyCode::BackTab => {
                self.focus = match self.focus {
                    Focus::Verdict if count > 0 => Focus::Actions,
                    _ => Focus::Verdict,
                };
                None
            }
            KeyCode::Home if count > 0 => {
                self.focus = Focus::Actions;
                self.cursor = 0;
                None
            }
            KeyCode::End if count > 0 => {
                self.focus = Focus::Actions;
                self.cursor = last;
                None
            }
            _ => None,
        }
    }

    /// Draw the stage body into `area` (header/footer/status are drawn by the app).
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let session = ctx.session;
        let theme = ctx.theme;
        let focus = if session.actions.is_empty() {
            Focus::Verdict
        } else {
            self.focus
        };

        // The time line sits at the bottom; the verdict takes what it needs at the top;
        // the lists share what is left.
        let compact = area.width < TWO_COLUMN_MIN_WIDTH;
        let time = wrap_lines(&[time_line(session, theme, compact)], area.width);
        let time_h = if area.height >= 10 {
            time.len().min(3) as u16
        } else {
            0
        };
        let above_time = Rect::new(
            area.x,
            area.y,
            area.width,
            area.height.saturating_sub(time_h + u16::from(time_h > 0)),
        );
        let time_area = Rect::new(
            area.x,
            area.bottom().saturating_sub(time_h),
            area.width,
            time_h,
        )
        .intersection(area);
        // Cut text in the summary has no key that scrolls it: the verdict's focus card
        // carries the note, the readiness and the time whole.
        ctx.fit.hide(
            time.len().saturating_sub(usize::from(time_area.height)),
            "lines of detail",
            "z",
        );
        frame.render_widget(Paragraph::new(time), time_area);

        let mut verdict_lines = verdict_body(session, theme, above_time.width.saturating_sub(6));
        // Room for the verdict word and one line of its note at the least, and never
        // more than half the screen; the blank line under the verdict goes first.
        let cap = usize::from((above_time.height / 2).max(4));
        if verdict_lines.len() + 2 > cap
            && let Some(blank) = verdict_lines.iter().position(|l| l.width() == 0)
        {
            verdict_lines.remove(blank);
        }
        let verdict_h = (verdict_lines.len() as u16 + 2)
            .min(cap as u16)
            .min(above_time.height);
        let (verdict_area, rest) = take_top(above_time, verdict_h);
        // The box takes a row above and below its text.
        let verdict_rows = usize::from(verdict_area.height.saturating_sub(2));
        ctx.fit.hide(
            verdict_lines.len().saturating_sub(verdict_rows),
            "lines of detail",
            "z",
        );
        render_verdict(
            frame,
            verdict_area,
            theme,
            verdict_lines,
            (
                focus == Focus::Verdict,
                ctx.highlight == Some(&Changed::Verdict),
            ),
        );
        // How far the room came with its conflicts, right under the verdict it explains.
        // After a pass at the gate there was no conflict check to measure.
        let passed = matches!(ctx.session.gate, Some(GateDecision::TakeAPass { .. }));
        let rest = if passed {
            rest
        } else {
            let ready = readiness_rows(ctx.board, theme, rest.width);
            let room = if rest.height >= 4 { 2 } else { 0 };
            let (rows, below) = take_top(rest, ready.len().min(room) as u16);
            ctx.fit.hide(
                ready.len().saturating_sub(usize::from(rows.height)),
                "lines of detail",
                "z",
            );
            frame.render_widget(Paragraph::new(ready), rows);
            below
        };
        let lists = if rest.height > 12 {
            take_top(rest, 1).1
        } else {
            rest
        };

        let cursor = self.cursor.min(session.actions.len().saturating_sub(1));
        let action_cursor = (focus == Focus::Actions).then_some(cursor);
        if lists.width >= TWO_COLUMN_MIN_WIDTH {
            let left_w = lists.width.saturating_sub(GAP as u16 * 2) / 2;
            let left = Rect::new(lists.x, lists.y, left_w, lists.height);
            let right_x = lists.x.saturating_add(left_w + GAP as u16 * 2);
            let right = Rect::new(
                right_x,
                lists.y,
                lists.right().saturating_sub(right_x),
                lists.height,
            )
            .intersection(lists);
            let sections = [Section::Agreements, Section::Conflicts];
            render_sections(frame, left, ctx, &sections, None);
            render_sections(frame, right, ctx, &[Section::Actions], action_cursor);
        } else {
            let sections = [Section::Agreements, Section::Conflicts, Section::Actions];
            render_sections(frame, lists, ctx, &sections, action_cursor);
        }
    }

    /// The item under the cursor for focus mode: the selected action item, or the
    /// verdict. The summary always has a verdict to show, if only "No verdict yet" and
    /// what comes before it, so this is never `None`.
    pub fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let actions = &ctx.session.actions;
        match self.focus {
            Focus::Actions if !actions.is_empty() => {
                let cursor = self.cursor.min(actions.len() - 1);
                action_card(ctx, cursor)
            }
            _ => Some(verdict_card(ctx)),
        }
    }

    /// The 3–6 keys that matter most right now, for the footer.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        match self.focus {
            Focus::Verdict => vec![
                ("v", "verdict"),
                ("a", "add action item"),
                ("e", "export notes"),
                ("↓", "action items"),
            ],
            Focus::Actions => vec![
                ("Enter", "edit action item"),
                ("a", "add action item"),
                ("d", "delete"),
                ("v", "verdict"),
            ],
        }
    }
}

// ---------------------------------------------------------------------------
// Dialogs

/// User text as one quoted line, short enough for a dialog.
fn quote(text: &str) -> String {
    format!("'{}'", truncate_to_width(&one_line(text), 60))
}

/// Reads a typed due date: empty for none, otherwise `YYYY-MM-DD`.
fn parse_due(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, DATE_FORMAT)
        .map(Some)
        .map_err(|_| DATE_ERROR.to_string())
}

/// The add form (`existing` = None) or the edit form pre-filled with an action item.
fn action_form(existing: Option<&ActionItem>) -> Form {
    let id = existing.map(|a| a.id);
    let on_submit: OnSubmit = Box::new(move |form, session| {
        let text = form.value(0);
        if text.is_empty() {
            return Err("say what needs to be done".to_string());
        }
        let owner = form.value(1);
        let due = parse_due(&form.value(2))?;
        Ok(vec![match id {
            None => Change::ActionAdded {
                action: ActionItem {
                    id: session.fresh_id(),
                    text,
                    owner,
                    due,
                },
            },
            Some(id) => {
                if session.action(id).is_none() {
                    return Err(GONE.to_string());
                }
                Change::ActionEdited {
                    action: ActionItem {
                        id,
                        text,
                        owner,
                        due,
                    },
                }
            }
        }])
    });
    let title = if existing.is_some() {
        "Edit action item"
    } else {
        "New action item"
    };
    let due = existing
        .and_then(|a| a.due)
        .map(|d| d.format(DATE_FORMAT).to_string())
        .unwrap_or_default();
    Form::new(title, on_submit)
        .text(
            "What needs to be done",
            existing.map_or("", |a| a.text.as_str()),
        )
        .text("Owner", existing.map_or("", |a| a.owner.as_str()))
        .text("Due date (YYYY-MM-DD, or leave empty)", &due)
}

/// Asks for the text that goes with a verdict (the conditions, or the reason for a pass).
fn verdict_note_editor(session: &Session, verdict: Verdict) -> Intent {
    let (title, error) = match verdict {
        Verdict::TakeAPass => (
            "Why do the partners take a pass?",
            "a pass needs a reason, in the room's words",
        ),
        _ => (
            "On what conditions do the partners proceed?",
            "name the conditions the partners set",
        ),
    };
    let initial = if session.verdict == Some(verdict) {
        session.verdict_note.clone()
    } else {
        String::new()
    };
    Intent::Edit {
        title: title.to_string(),
        initial,
        mode: EditorMode::MultiLine,
        on_submit: Box::new(move |text, _| {
            let note = text.trim().to_string();
            if note.is_empty() {
                return Err(error.to_string());
            }
            Ok(vec![Change::VerdictSet {
                verdict: Some(verdict),
                note,
            }])
        }),
    }
}

/// The verdict dialog. A choice the session does not allow stays listed, marked, and
/// explains itself when chosen, so the room learns why rather than seeing it vanish.
fn verdict_confirm(session: &Session, board: &[BoardEntry]) -> Intent {
    let mut lines = vec!["What does the room decide?".to_string()];
    if let Some(current) = session.verdict {
        lines.push(format!("Recorded now: {current}."));
    }
    // The deal-breakers by name, so the room sees what stands in the way of a plain
    // proceed, entered or detected alike.
    let breakers = blocking_deal_breakers(board);
    for entry in breakers.iter().take(MAX_NAMED_DEAL_BREAKERS) {
        lines.push(format!("✖ Deal-breaker: {}", quote(&entry.description)));
    }
    if breakers.len() > MAX_NAMED_DEAL_BREAKERS {
        lines.push(format!(
            "  … and {} more (see the conflict check)",
            breakers.len() - MAX_NAMED_DEAL_BREAKERS
        ));
    }
    // One line per reason: when the gate is undecided every choice shares it.
    let mut reasons: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for verdict in Verdict::ALL {
        if let Some(why) = verdict_block(session, *verdict) {
            match reasons.iter_mut().find(|(w, _)| *w == why) {
                Some((_, labels)) => labels.push(verdict.label()),
                None => reasons.push((why, vec![verdict.label()])),
            }
        }
    }
    for (why, labels) in &reasons {
        lines.push(format!("Not available ({}): {why}.", labels.join(", ")));
    }
    let keys = [
        (Verdict::Proceed, 'p'),
        (Verdict::ProceedWithConditions, 'c'),
        (Verdict::TakeAPass, 'x'),
    ];
    let options = keys
        .iter()
        .map(|&(verdict, key)| {
            let blocked = verdict_block(session, verdict);
            let label = match blocked {
                Some(_) => format!("{} (not available)", verdict.label()),
                None => verdict.label().to_string(),
            };
            let then = match (blocked, verdict) {
                (Some(why), _) => Intent::Status(format!("Cannot {}: {why}.", verdict.label())),
                (None, Verdict::Proceed) => Intent::Record(vec![Change::VerdictSet {
                    verdict: Some(Verdict::Proceed),
                    note: String::new(),
                }]),
                (None, verdict) => verdict_note_editor(session, verdict),
            };
            ConfirmOption { key, label, then }
        })
        .collect();
    Intent::Confirm(Confirm {
        title: "Verdict".to_string(),
        lines,
        options,
    })
}

// ---------------------------------------------------------------------------
// The verdict

fn verdict_word(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Proceed) => "Proceed",
        Some(Verdict::ProceedWithConditions) => "Proceed with conditions",
        Some(Verdict::TakeAPass) => "Take a pass",
        None => "No verdict yet",
    }
}

/// A pass is a sound outcome, so it is shown in the calm accent colour, never as an
/// error.
fn verdict_style(verdict: Option<Verdict>, theme: &Theme) -> Style {
    match verdict {
        Some(Verdict::Proceed) => theme.good.add_modifier(Modifier::BOLD),
        Some(Verdict::ProceedWithConditions) => theme.warn.add_modifier(Modifier::BOLD),
        Some(Verdict::TakeAPass) => theme.accent,
        None => theme.muted,
    }
}

/// The lines inside the verdict box, centred and wrapped to `width`.
fn verdict_body(session: &Session, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let verdict = session.verdict;
    let mut lines =
        vec![Line::styled(verdict_word(verdict), verdict_style(verdict, theme)).centered()];
    if let Some((text, style)) = verdict_text(session, theme) {
        lines.push(Line::default());
        lines.push(Line::styled(text, style).centered());
    }
    wrap_lines(&lines, width)
}

/// What goes with the verdict: its conditions or reason, or what the room does next.
fn verdict_text(session: &Session, theme: &Theme) -> Option<(String, Style)> {
    let verdict = session.verdict;
    let note = session.verdict_note.trim();
    match (verdict, &session.gate) {
        (Some(Verdict::TakeAPass), Some(GateDecision::TakeAPass { reason })) => {
            let reason = if note.is_empty() { reason.trim() } else { note };
            let reason = reason.trim_end_matches('.');
            Some((
                format!(
                    "The partners took a pass at the vision gate: {reason}. Learning early \
                     that the vision is not shared is a good outcome."
                ),
                theme.text,
            ))
        }
        (Some(Verdict::ProceedWithConditions), _) => {
            Some((format!("Conditions: {note}"), theme.text))
        }
        (Some(Verdict::TakeAPass), _) if !note.is_empty() => {
            Some((format!("Reason: {note}"), theme.text))
        }
        (Some(_), _) if !note.is_empty() => Some((note.to_string(), theme.text)),
        (Some(_), _) => None,
        (None, None) => Some((
            "The vision gate has not been decided yet; the verdict comes after it.".to_string(),
            theme.muted,
        )),
        (None, Some(_)) => Some((
            "Press v to record the room's verdict: proceed, proceed with conditions, or take \
             a pass."
                .to_string(),
            theme.muted,
        )),
    }
}

/// The verdict for focus mode, with everything the summary says around it: the note
/// in full, how far the conflict check came, and how the time went.
fn verdict_card(ctx: &StageCtx) -> FocusCard {
    let (session, theme) = (ctx.session, ctx.theme);
    let mut details = Vec::new();
    if let Some((text, style)) = verdict_text(session, theme) {
        details.push(Line::styled(text, style));
    }
    details.push(Line::default());
    if !matches!(session.gate, Some(GateDecision::TakeAPass { .. })) {
        details.push(readiness_line(ctx.board, theme));
    }
    details.push(time_line(session, theme, false));
    FocusCard {
        kicker: format!("Verdict · {}", one_line(&session.title)),
        kicker_style: theme.heading,
        title: verdict_word(session.verdict).to_string(),
        details,
    }
}

/// Action item `index` for focus mode: what is to be done, by whom and by when.
fn action_card(ctx: &StageCtx, index: usize) -> Option<FocusCard> {
    let theme = ctx.theme;
    let actions = &ctx.session.actions;
    let action = actions.get(index)?;
    let owner = if action.owner.trim().is_empty() {
        Span::styled("nobody named yet", theme.muted)
    } else {
        Span::styled(one_line(&action.owner), theme.text)
    };
    let due = match action.due {
        Some(d) if ctx.is_overdue(action) => {
            Span::styled(format!("{} (overdue)", d.format(DATE_FORMAT)), theme.bad)
        }
        Some(d) => Span::styled(d.format(DATE_FORMAT).to_string(), theme.text),
        None => Span::styled("no date set", theme.muted),
    };
    Some(FocusCard {
        kicker: format!("Action item {} of {}", index + 1, actions.len()),
        kicker_style: theme.accent,
        title: one_line(&action.text),
        details: vec![
            Line::from(vec![Span::styled("Owner: ", theme.muted), owner]),
            Line::from(vec![Span::styled("Due: ", theme.muted), due]),
        ],
    })
}

fn render_verdict(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    lines: Vec<Line<'static>>,
    (focused, marked): (bool, bool),
) {
    if area.is_empty() {
        return;
    }
    // The focus shows in the title's style and in a pointer, so it reads without colour.
    // A verdict a replayed event just recorded carries the mark, even under the cursor.
    let mark = if marked {
        format!("{CHANGED_MARK} ")
    } else {
        String::new()
    };
    let title = match (focused, marked) {
        (true, _) => Span::styled(format!(" ▶ {mark}VERDICT "), theme.selected),
        (false, true) => Span::styled(format!(" {mark}VERDICT "), changed_style(theme)),
        (false, false) => Span::styled(" VERDICT ", theme.heading),
    };
    let border = match (focused, marked) {
        (_, true) => changed_style(theme),
        (true, false) => theme.focus_border,
        (false, false) => theme.border,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(border)
        .padding(Padding::horizontal(2))
        .title(title);
    let inner = block.inner(area).intersection(area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}

// ---------------------------------------------------------------------------
// The lists

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Agreements,
    Conflicts,
    Actions,
}

/// What the room still has to live with: deal-breakers first (they decide the verdict),
/// then open conflicts, most severe first, then the parked ones.
fn unsettled(board: &[BoardEntry]) -> Vec<&BoardEntry> {
    let rank = |status: &ConflictStatus| match status {
        ConflictStatus::DealBreaker => 0,
        ConflictStatus::Open => 1,
        _ => 2,
    };
    let mut list: Vec<(usize, &BoardEntry)> = board
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(
                e.status,
                ConflictStatus::Open | ConflictStatus::DealBreaker | ConflictStatus::Parked
            )
        })
        .collect();
    list.sort_by_key(|(i, e)| (rank(&e.status), std::cmp::Reverse(e.severity), *i));
    list.into_iter().map(|(_, e)| e).collect()
}

fn section_len(ctx: &StageCtx, section: Section) -> usize {
    match section {
        Section::Agreements => board::agreements(ctx.board).count(),
        Section::Conflicts => ctx
            .board
            .iter()
            .filter(|e| {
                matches!(
                    e.status,
                    ConflictStatus::Open | ConflictStatus::DealBreaker | ConflictStatus::Parked
                )
            })
            .count(),
        Section::Actions => ctx.session.actions.len(),
    }
}

/// Shares `rows` between sections that want `needs` rows each: one each first, then a
/// row at a time in turn, so no section is starved while another shows everything.
fn share(rows: usize, needs: &[usize]) -> Vec<usize> {
    let mut given = vec![0; needs.len()];
    let mut left = rows;
    loop {
        let mut gave = false;
        for (g, need) in given.iter_mut().zip(needs) {
            if left > 0 && *g < *need {
                *g += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            return given;
        }
    }
}

/// One agreement or unsettled conflict: a marker, the category and the text, in columns
/// that line up across both sections.
struct Entry {
    marker: &'static str,
    marker_style: Style,
    category: &'static str,
    text: String,
}

struct EntryColumns {
    marker: usize,
    category: usize,
    text: usize,
}

impl EntryColumns {
    fn new(width: usize) -> EntryColumns {
        let marker = 14.min(width / 5);
        let category = 18.min(width / 4);
        EntryColumns {
            marker,
            category,
            text: width.saturating_sub(2 + marker + GAP + category + GAP),
        }
    }

    /// Cells before the text column.
    fn indent(&self) -> usize {
        2 + self.marker + GAP + self.category + GAP
    }
}

/// The first `max` entries of a section (none for the action items, which scroll).
fn entries(ctx: &StageCtx, section: Section, max: usize) -> Vec<Entry> {
    let theme = ctx.theme;
    match section {
        Section::Agreements => board::agreements(ctx.board)
            .take(max)
            .map(|(e, agreement)| Entry {
                marker: "✔ agreed",
                marker_style: theme.good,
                category: e.category.label(),
                text: one_line(agreement),
            })
            .collect(),
        Section::Conflicts => unsettled(ctx.board)
            .into_iter()
            .take(max)
            .map(|e| {
                let (marker, marker_style) = match e.status {
                    ConflictStatus::DealBreaker => ("✖ deal-breaker", theme.bad),
                    ConflictStatus::Parked => ("parked", theme.muted),
                    _ => (severity_marker(e.severity), theme.severity(e.severity)),
                };
                Entry {
                    marker,
                    marker_style,
                    category: e.category.label(),
                    text: one_line(&e.description),
                }
            })
            .collect(),
        Section::Actions => Vec::new(),
    }
}

/// An entry as one row cut to fit, or wrapped with its text kept in its column.
fn entry_lines(
    entry: &Entry,
    cols: &EntryColumns,
    theme: &Theme,
    wrap: bool,
) -> Vec<Line<'static>> {
    let gap = || Span::raw(" ".repeat(GAP));
    let head = vec![
        Span::raw("  "),
        cell(entry.marker, cols.marker, entry.marker_style),
        gap(),
        cell(entry.category, cols.category, theme.muted),
        gap(),
    ];
    if !wrap || cols.text == 0 {
        let mut spans = head;
        spans.push(cell(&entry.text, cols.text, theme.text));
        return vec![Line::from(spans)];
    }
    let rows = wrap_lines(
        &[Line::styled(entry.text.clone(), theme.text)],
        cols.text as u16,
    );
    let mut head = Some(head);
    rows.into_iter()
        .map(|row| {
            let mut spans = head
                .take()
                .unwrap_or_else(|| vec![Span::raw(" ".repeat(cols.indent()))]);
            spans.extend(row.spans);
            Line::from(spans)
        })
        .collect()
}

/// A section ready to draw: what it holds and how many rows it would like.
struct Prepared {
    section: Section,
    len: usize,
    entries: Vec<Entry>,
    /// Each entry wrapped in full; used when the section gets all the rows it asks for.
    wrapped: Vec<Vec<Line<'static>>>,
    /// Rows for one row per entry (what every section gets first).
    need: usize,
    /// Rows for every entry in full.
    need_wrapped: usize,
}

fn prepare(ctx: &StageCtx, section: Section, width: usize, max: usize) -> Prepared {
    let len = section_len(ctx, section);
    let entries = entries(ctx, section, max);
    let cols = EntryColumns::new(width);
    let wrapped: Vec<Vec<Line<'static>>> = entries
        .iter()
        .map(|e| entry_lines(e, &cols, ctx.theme, true))
        .collect();
    // An empty section still needs its one line saying so.
    let need = len.clamp(1, max.max(1));
    let need_wrapped = match section {
        Section::Actions => need,
        _ if len == 0 => 1,
        _ => wrapped.iter().map(Vec::len).sum::<usize>() + usize::from(len > entries.len()),
    };
    Prepared {
        section,
        len,
        entries,
        wrapped,
        need,
        need_wrapped,
    }
}

/// Draws the given sections one under another, each with its heading.
fn render_sections(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    sections: &[Section],
    action_cursor: Option<usize>,
) {
    if area.is_empty() || sections.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    let prepared: Vec<Prepared> = sections
        .iter()
        .map(|s| prepare(ctx, *s, width, usize::from(area.height)))
        .collect();
    let n = sections.len();
    let needs: Vec<usize> = prepared.iter().map(|p| p.need).collect();
    // A heading per section, and a blank line between sections when the content still
    // has room: content matters more than air.
    let headings = n;
    let total: usize = needs.iter().sum();
    let spacing = if usize::from(area.height) >= headings + (n - 1) + total.min(n * 4) {
        n - 1
    } else {
        0
    };
    let rows = usize::from(area.height).saturating_sub(headings + spacing);
    let mut given = share(rows, &needs);
    // Rows left over once every entry has its row let a list show its texts in full,
    // but only when all of them fit: half a list wrapped would look broken.
    let mut left = rows.saturating_sub(given.iter().sum());
    for (g, p) in given.iter_mut().zip(&prepared) {
        let extra = p.need_wrapped.saturating_sub(*g);
        if *g >= p.need && extra <= left {
            *g += extra;
            left -= extra;
        }
    }
    let mut y = area.y;
    for (prepared, given) in prepared.into_iter().zip(given) {
        let h = given as u16 + 1;
        let rect = Rect::new(area.x, y, area.width, h).intersection(area);
        render_section(frame, rect, ctx, prepared, action_cursor);
        y = y.saturating_add(h + u16::from(spacing > 0));
    }
}

fn render_section(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    prepared: Prepared,
    action_cursor: Option<usize>,
) {
    let len = prepared.len;
    // What does not fit is named in the footer. The action items scroll here; the
    // agreements and open conflicts are listed whole in the conflict check.
    let (noun, keys) = match prepared.section {
        Section::Agreements => ("agreements", "PgUp"),
        Section::Conflicts => ("conflicts", "PgUp"),
        Section::Actions => ("action items", "↑↓"),
    };
    if area.is_empty() {
        ctx.fit.hide(len, noun, keys);
        return;
    }
    let theme = ctx.theme;
    let title = match prepared.section {
        Section::Agreements => "AGREEMENTS",
        Section::Conflicts => "OPEN CONFLICTS",
        Section::Actions => "ACTION ITEMS",
    };
    let (head, body) = take_top(area, 1);
    // The list of open conflicts also holds the deal-breakers and the parked ones; the
    // heading counts them apart, as the notes do, so that "open" means one number.
    let count = match prepared.section {
        Section::Conflicts => format!("  {}", open_count(ctx.board)),
        _ => format!("  {len}"),
    };
    let heading = Line::from(vec![
        Span::styled(title, theme.heading),
        Span::styled(count, theme.muted),
    ]);
    frame.render_widget(Paragraph::new(heading), head);
    let rows = usize::from(body.height);
    if rows == 0 {
        ctx.fit.hide(len, noun, keys);
        return;
    }
    let width = usize::from(body.width);
    let empty = match prepared.section {
        Section::Agreements => {
            "  No agreements yet: they come from conflicts resolved in the conflict check."
        }
        Section::Conflicts if ctx.board.is_empty() => "  None found or entered.",
        Section::Conflicts => "  None: every conflict was settled.",
        Section::Actions => "  No action items yet — press a to add one.",
    };
    let lines = if len == 0 {
        vec![Line::styled(empty, theme.muted)]
    } else if prepared.section == Section::Actions {
        let (lines, cut) = action_lines(ctx, width, rows, action_cursor);
        ctx.fit.hide(len.saturating_sub(lines.len()), noun, keys);
        // An action item's text is cut to its row; focus mode shows the selected one.
        ctx.fit.hide(cut, "lines of detail", "z");
        lines
    } else {
        let cut_noun = match prepared.section {
            Section::Agreements => "lines of agreements",
            _ => "lines of conflicts",
        };
        let more = |shown: usize| {
            Line::styled(
                format!(
                    "  … {} more (see the conflict check)",
                    len.saturating_sub(shown)
                ),
                theme.muted,
            )
        };
        if rows >= prepared.need_wrapped {
            let shown = prepared.wrapped.len();
            ctx.fit.hide(len.saturating_sub(shown), noun, keys);
            let mut lines: Vec<Line<'static>> = prepared.wrapped.into_iter().flatten().collect();
            if len > shown {
                lines.push(more(shown));
            }
            lines
        } else {
            // Not enough room for the full texts: one row each, cut to fit, and a line
            // saying how many did not fit. With a single row, one real entry says more
            // than "… 2 more"; the heading has the count.
            let cols = EntryColumns::new(width);
            let shown = if len > rows && rows > 1 {
                rows - 1
            } else {
                rows
            };
            let mut lines: Vec<Line<'static>> = prepared
                .entries
                .iter()
                .take(shown)
                .flat_map(|e| entry_lines(e, &cols, theme, false))
                .collect();
            if len > shown && rows > 1 {
                lines.push(more(shown));
            }
            ctx.fit.hide(len.saturating_sub(shown), noun, keys);
            // Each shown entry keeps one row of the rows its text wraps to.
            let cut = prepared
                .wrapped
                .iter()
                .take(shown)
                .map(|rows| rows.len().saturating_sub(1))
                .sum();
            ctx.fit.hide(cut, cut_noun, keys);
            lines
        }
    };
    frame.render_widget(Paragraph::new(lines), body);
}

/// `text` cut or padded to exactly `width` cells.
fn cell(text: &str, width: usize, style: Style) -> Span<'static> {
    Span::styled(fit_to_width(text, width), style)
}

/// The rows of the action items in view, and how many rows of their texts were cut to
/// fit one row each.
fn action_lines(
    ctx: &StageCtx,
    width: usize,
    rows: usize,
    cursor: Option<usize>,
) -> (Vec<Line<'static>>, usize) {
    let theme = ctx.theme;
    let actions = &ctx.session.actions;
    if actions.is_empty() {
        let line = Line::styled("  No action items yet — press a to add one.", theme.muted);
        return (vec![line], 0);
    }
    // The owner column is as wide as the longest owner, so the text gets the rest.
    let longest_owner = actions
        .iter()
        .map(|a| display_width(a.owner.trim()))
        .max()
        .unwrap_or(0)
        .max(display_width("no owner"));
    let owner_w = longest_owner.min(OWNER_WIDTH).min(width / 4);
    // An overdue date says so beside it, which takes a wider column.
    let due_w = if actions.iter().any(|a| ctx.is_overdue(a)) {
        (DUE_WIDTH + OVERDUE.len()).min(width / 4)
    } else {
        DUE_WIDTH.min(width / 6)
    };
    let text_w = width.saturating_sub(2 + GAP + owner_w + GAP + due_w);
    let first = scroll_offset(cursor.unwrap_or(0), actions.len(), rows);
    let mut cut = 0;
    let lines = actions
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, action)| {
            let text = one_line(&action.text);
            // Wrapped only when it does not fit, to count what the cell leaves out.
            if display_width(&text) > text_w {
                cut += wrap_text(&text, text_w as u16).len().saturating_sub(1);
            }
            let selected = cursor == Some(i);
            let (owner, owner_style) = if action.owner.trim().is_empty() {
                ("no owner".to_string(), theme.muted)
            } else {
                (action.owner.clone(), theme.text)
            };
            let (due, due_style) = match action.due {
                Some(d) if ctx.is_overdue(action) => {
                    (format!("{}{OVERDUE}", d.format(DATE_FORMAT)), theme.bad)
                }
                Some(d) => (d.format(DATE_FORMAT).to_string(), theme.text),
                None => ("no date".to_string(), theme.muted),
            };
            let mut line = Line::from(vec![
                Span::raw(if selected { "▶ " } else { "  " }),
                cell(&text, text_w, theme.text),
                Span::raw(" ".repeat(GAP)),
                cell(&owner, owner_w, owner_style),
                Span::raw(" ".repeat(GAP)),
                cell(&due, due_w, due_style),
            ]);
            let changed = ctx.highlight == Some(&Changed::Action(action.id));
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
            line
        })
        .collect();
    (lines, cut)
}

// ---------------------------------------------------------------------------
// Time

/// "4 · 1 deal-breaker · 2 parked": the open conflicts as the notes count them, then the
/// others the list shows.
fn open_count(board: &[BoardEntry]) -> String {
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
fn time_line(session: &Session, theme: &Theme, compact: bool) -> Line<'static> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Conflict, ConflictCategory, ConflictOrigin, History, ItemId, Severity, sample,
    };
    use crate::tui::stages::testing::{
        ctx, draw_stage, find, form, key, proceed, rows, set_text, submit_edit,
    };
    use chrono::Utc;
    use ratatui::buffer::Buffer;

    fn pass() -> History {
        sample::example_pass().expect("the sample session builds")
    }

    fn record(history: &mut History, changes: Vec<Change>) {
        for change in changes {
            history.record(Utc::now(), change).expect("change applies");
        }
    }

    fn add_conflict(
        history: &mut History,
        description: &str,
        severity: Severity,
        status: ConflictStatus,
    ) {
        let conflict = Conflict {
            id: history.session().fresh_id(),
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::Territory,
            partners: Vec::new(),
            items: Vec::new(),
            description: description.to_string(),
            severity,
            status,
            owner: String::new(),
        };
        record(history, vec![Change::ConflictAdded { conflict }]);
    }

    fn draw(screen: &SummaryScreen, session: &Session, w: u16, h: u16) -> Buffer {
        draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    /// All text on the screen with runs of spaces (and wrapping) folded to one space.
    fn words(buf: &Buffer) -> String {
        rows(buf)
            .iter()
            .map(|r| r.trim_matches(|c| c == '│' || c == ' '))
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn press(screen: &mut SummaryScreen, session: &Session, code: KeyCode) -> Option<Intent> {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()))
    }

    fn confirm(intent: Option<Intent>) -> Confirm {
        match intent {
            Some(Intent::Confirm(confirm)) => confirm,
            _ => panic!("expected a confirmation"),
        }
    }

    fn option(confirm: Confirm, key: char) -> (String, Intent) {
        let o = confirm
            .options
            .into_iter()
            .find(|o| o.key == key)
            .unwrap_or_else(|| panic!("no option {key}"));
        (o.label, o.then)
    }

    #[test]
    fn the_sample_summary_reads_top_to_bottom_in_an_80x24_terminal() {
        let history = proceed();
        // An 80×24 terminal leaves the stage body about 80×19.
        let buf = draw(&SummaryScreen::default(), history.session(), 80, 19);
        let all = rows(&buf).join("\n");
        let text = words(&buf);
        let row = |needle: &str| {
            find(&buf, needle)
                .unwrap_or_else(|| panic!("{needle}\n{all}"))
                .0
        };
        assert!(row("VERDICT") < row("Proceed with conditions"));
        assert!(text.contains(
            "Conditions: Pilot with two customers before any wider roll-out; revisit margins after the pilot."
        ), "{text}");
        // Under the verdict, how far the room came with its conflicts.
        let entries = board::board(history.session());
        let ready = readiness_line(&entries, &Theme::dark()).to_string();
        assert!(row("Proceed with conditions") < row("Readiness "));
        assert_eq!(rows(&buf)[usize::from(row("Readiness "))].trim_end(), ready);
        // Agreements come from the board: the detected conflicts the room resolved too.
        let agreements: Vec<&str> = board::agreements(&entries).map(|(_, a)| a).collect();
        let first_agreement: String = agreements[0].chars().take(20).collect();
        let open = unsettled(&entries);
        let agreed_heading = format!("AGREEMENTS  {}", agreements.len());
        let open_heading = format!("OPEN CONFLICTS  {}", open_count(&entries));
        let first_open = severity_marker(open[0].severity);
        assert!(row("Readiness ") < row(&agreed_heading));
        assert!(row(&agreed_heading) < row(&first_agreement));
        assert!(row(&first_agreement) < row(&open_heading));
        assert!(row(&open_heading) < row(first_open));
        assert!(row(first_open) < row("ACTION ITEMS  3"));
        let (y, x) = find(&buf, "Tom Okafor").expect(&all);
        assert!(rows(&buf)[usize::from(y)].contains("Draft the named-account list"));
        assert!(rows(&buf)[usize::from(y)].ends_with("2026-11-26"), "{all}");
        assert!(x > 40, "owner in its own column");
        assert!(row("Tom Okafor") < row("TIME"));
        // Vision took 26 minutes against a 25-minute timebox.
        assert!(text.contains("Vision 25/26 · Roles 20/25"), "{text}");
        // The verdict is centred in its box.
        let (_, x) = find(&buf, "Proceed with conditions").expect("verdict");
        assert!(x > 20, "centred, not at the left edge");
    }

    #[test]
    fn wide_screens_put_action_items_beside_agreements_and_spell_out_time() {
        let history = proceed();
        let buf = draw(&SummaryScreen::default(), history.session(), 160, 45);
        let (ay, ax) = find(&buf, "AGREEMENTS").expect("agreements");
        let (iy, ix) = find(&buf, "ACTION ITEMS").expect("actions");
        assert_eq!(ay, iy);
        assert!(ix > ax + 60);
        let (ty, _) = find(&buf, "TIME").expect("time");
        assert_eq!(ty, 44);
        // With room to spare, agreements are shown in full, wrapped in their column.
        let text = words(&buf);
        assert!(
            text.contains(
                "Generic connectors go into Northwind's product with Globex credited; \
                 customer-specific code stays with Globex."
            ),
            "{text}"
        );
        assert!(
            words(&buf).contains("Vision 25 / 26 min · Roles 20 / 25 min"),
            "{}",
            words(&buf)
        );
    }

    #[test]
    fn a_pass_at_the_gate_is_shown_calmly_with_its_reason() {
        let history = pass();
        let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
        let text = words(&buf);
        assert!(text.contains("Take a pass"), "{text}");
        assert!(
            text.contains(
                "The partners took a pass at the vision gate: Acme wants an exclusive embedded \
                 feature; Initech's strategy is to stay brand-neutral. Better to learn this now. \
                 Learning early that the vision is not shared is a good outcome."
            ),
            "{text}"
        );
        // A pass is not an error: no alarm colour on it.
        let (y, x) = find(&buf, "Take a pass").expect("verdict");
        let theme = Theme::dark();
        assert_eq!(buf[(x, y)].style().fg, theme.accent.fg);
        assert_ne!(buf[(x, y)].style().fg, theme.bad.fg);
        assert!(text.contains("Revisit in a year"));
    }

    #[test]
    fn without_a_verdict_the_screen_says_how_to_record_one() {
        let mut history = proceed();
        record(
            &mut history,
            vec![Change::VerdictSet {
                verdict: None,
                note: String::new(),
            }],
        );
        let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
        let text = words(&buf);
        assert!(text.contains("No verdict yet"), "{text}");
        assert!(
            text.contains("Press v to record the room's verdict"),
            "{text}"
        );
    }

    #[test]
    fn open_conflicts_and_deal_breakers_are_listed_and_marked() {
        let mut history = proceed();
        add_conflict(
            &mut history,
            "Roadmap say for MES connectors",
            Severity::High,
            ConflictStatus::Open,
        );
        add_conflict(
            &mut history,
            "Exclusivity in Germany",
            Severity::Low,
            ConflictStatus::DealBreaker,
        );
        let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
        let all = rows(&buf).join("\n");
        // The heading counts the open ones apart from the deal-breaker and the parked one.
        assert!(
            all.contains(&format!(
                "OPEN CONFLICTS  {}",
                open_count(&board::board(history.session()))
            )),
            "{all}"
        );
        let (dy, dx) = find(&buf, "✖ deal-breaker").expect(&all);
        let (hy, _) = find(&buf, "!! high").expect(&all);
        assert!(dy < hy, "deal-breakers lead");
        assert!(rows(&buf)[usize::from(dy)].contains("Exclusivity in Germany"));
        assert!(rows(&buf)[usize::from(hy)].contains("Roadmap say for MES connectors"));
        assert_eq!(buf[(dx, dy)].style().fg, Theme::dark().bad.fg);
    }

    #[test]
    fn parked_conflicts_are_listed_as_parked_after_the_open_ones() {
        let history = proceed();
        let buf = draw(&SummaryScreen::default(), history.session(), 160, 45);
        let all = rows(&buf).join("\n");
        let (py, px) = find(&buf, "  parked   ").expect(&all);
        assert!(
            rows(&buf)[usize::from(py)].contains("Nobody is accountable for"),
            "{all}"
        );
        assert_eq!(buf[(px + 2, py)].style().fg, Theme::dark().muted.fg);
        let (ly, _) = find(&buf, "· low").expect(&all);
        assert!(ly < py, "open ones first");
        let ready = readiness_line(&board::board(history.session()), &Theme::dark()).to_string();
        assert!(all.contains(&ready), "{all}");
    }

    #[test]
    fn a_detected_deal_breaker_is_named_and_blocks_plain_proceed() {
        let mut history = proceed();
        let finding = crate::domain::board::board(history.session())
            .into_iter()
            .find(|e| e.is_detected() && e.status == ConflictStatus::Open)
            .expect("an open detected conflict");
        let crate::domain::board::Source::Detected { key, .. } = finding.source.clone() else {
            panic!("detected");
        };
        record(
            &mut history,
            vec![Change::FindingSettled {
                key,
                status: ConflictStatus::DealBreaker,
                owner: String::new(),
            }],
        );
        let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
        let all = rows(&buf).join("\n");
        assert!(all.contains("✖ 1 deal-breaker"), "{all}");
        let (dy, _) = find(&buf, "✖ deal-breaker").expect(&all);
        assert!(
            rows(&buf)[usize::from(dy)].contains("Globex Integration wants"),
            "{all}"
        );

        let mut screen = SummaryScreen::default();
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
        assert!(
            dialog
                .lines
                .iter()
                .any(|l| l.starts_with("✖ Deal-breaker: 'Globex Integration wants")),
            "{:?}",
            dialog.lines
        );
        assert!(
            dialog.lines.iter().any(|l| l
                == "Not available (proceed): a deal-breaker is on the table: proceed with \
                    conditions or take a pass."),
            "{:?}",
            dialog.lines
        );
        match option(dialog, 'p').1 {
            Intent::Status(text) => assert!(text.contains("deal-breaker"), "{text}"),
            _ => panic!("expected a status message"),
        }
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
        assert!(matches!(option(dialog, 'c').1, Intent::Edit { .. }));
    }

    #[test]
    fn with_nothing_on_the_board_the_lists_say_so() {
        let history = crate::tui::stages::testing::fresh(2);
        let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
        let text = words(&buf);
        assert!(
            text.contains("Readiness 100% · open: none · 0 settled"),
            "{text}"
        );
        assert!(
            text.contains("OPEN CONFLICTS 0 None found or entered."),
            "{text}"
        );
    }

    #[test]
    fn a_deal_breaker_blocks_plain_proceed_and_says_why() {
        let mut history = proceed();
        add_conflict(
            &mut history,
            "Exclusivity in Germany",
            Severity::High,
            ConflictStatus::DealBreaker,
        );
        let mut screen = SummaryScreen::default();
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
        let keys: String = dialog.options.iter().map(|o| o.key).collect();
        assert_eq!(keys, "pcx");
        assert!(
            dialog.lines.iter().any(|l| l.contains("deal-breaker")),
            "{:?}",
            dialog.lines
        );
        let (label, then) = option(dialog, 'p');
        assert_eq!(label, "proceed (not available)");
        match then {
            Intent::Status(text) => {
                assert!(text.contains("deal-breaker"), "{text}");
                assert!(
                    text.contains("proceed with conditions or take a pass"),
                    "{text}"
                );
            }
            _ => panic!("expected a status message"),
        }
        // With conditions is still possible, and asks for them.
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Enter));
        let (label, editor) = option(dialog, 'c');
        assert_eq!(label, "proceed with conditions");
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Enter));
        let (_, again) = option(dialog, 'c');
        assert_eq!(
            submit_edit(again, " ", history.session()),
            Err("name the conditions the partners set".to_string())
        );
        let changes =
            submit_edit(editor, "Germany stays open to both", history.session()).expect("valid");
        assert_eq!(
            changes,
            vec![Change::VerdictSet {
                verdict: Some(Verdict::ProceedWithConditions),
                note: "Germany stays open to both".to_string()
            }]
        );
        record(&mut history, changes);
        assert_eq!(history.session().verdict_note, "Germany stays open to both");
    }

    #[test]
    fn proceed_and_pass_are_recorded_from_the_dialog() {
        let mut history = proceed();
        let mut screen = SummaryScreen::default();
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
        assert!(
            dialog
                .lines
                .iter()
                .any(|l| l.contains("proceed with conditions"))
        );
        match option(dialog, 'p').1 {
            Intent::Record(changes) => {
                assert_eq!(
                    changes,
                    vec![Change::VerdictSet {
                        verdict: Some(Verdict::Proceed),
                        note: String::new()
                    }]
                );
                record(&mut history, changes);
            }
            _ => panic!("expected a record"),
        }
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(words(&buf).contains("Proceed"));
        assert!(!words(&buf).contains("Proceed with conditions"));

        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
        let (_, editor) = option(dialog, 'x');
        assert!(matches!(&editor, Intent::Edit { initial, .. } if initial.is_empty()));
        let changes = submit_edit(editor, "Margins do not work", history.session()).expect("valid");
        record(&mut history, changes);
        assert_eq!(history.session().verdict, Some(Verdict::TakeAPass));
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(
            words(&buf).contains("Reason: Margins do not work"),
            "{}",
            words(&buf)
        );
    }

    #[test]
    fn after_a_pass_at_the_gate_only_the_pass_can_be_chosen() {
        let history = pass();
        let mut screen = SummaryScreen::default();
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
        match option(dialog, 'c').1 {
            Intent::Status(text) => assert!(text.contains("reopen the gate"), "{text}"),
            _ => panic!("expected a status message"),
        }
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
        // The reason already recorded is offered for rewording.
        let (_, editor) = option(dialog, 'x');
        assert!(
            matches!(&editor, Intent::Edit { initial, .. } if initial.starts_with("Acme wants"))
        );
    }

    #[test]
    fn arrows_move_from_the_verdict_into_the_action_items_and_back() {
        let history = proceed();
        let session = history.session();
        let mut screen = SummaryScreen::default();
        assert_eq!(screen.footer_keys()[0], ("v", "verdict"));
        assert!(press(&mut screen, session, KeyCode::Down).is_none());
        let buf = draw(&screen, session, 80, 24);
        let (y, x) = find(&buf, "▶ Draft the named-account list").expect("selected");
        assert_eq!(buf[(x, y)].style().bg, Theme::dark().selected.bg);
        assert!(find(&buf, "▶ VERDICT").is_none());
        assert_eq!(screen.footer_keys()[0], ("Enter", "edit action item"));
        press(&mut screen, session, KeyCode::Char('j'));
        press(&mut screen, session, KeyCode::Char('j'));
        press(&mut screen, session, KeyCode::Char('j'));
        let buf = draw(&screen, session, 80, 24);
        assert!(find(&buf, "▶ Pick two pilot customers").is_some());
        press(&mut screen, session, KeyCode::Home);
        press(&mut screen, session, KeyCode::Up);
        let buf = draw(&screen, session, 80, 24);
        assert!(find(&buf, "▶ VERDICT").is_some());
        press(&mut screen, session, KeyCode::Tab);
        assert!(matches!(
            press(&mut screen, session, KeyCode::Enter),
            Some(Intent::Form(_))
        ));
        press(&mut screen, session, KeyCode::BackTab);
        assert!(matches!(
            press(&mut screen, session, KeyCode::Enter),
            Some(Intent::Confirm(_))
        ));
        // On the verdict, `d` has nothing to delete.
        assert!(press(&mut screen, session, KeyCode::Char('d')).is_none());
    }

    #[test]
    fn adding_an_action_item_checks_the_due_date() {
        let mut history = proceed();
        let mut screen = SummaryScreen::default();
        let mut form = form(press(&mut screen, history.session(), KeyCode::Char('a')));
        assert_eq!(form.title, "New action item");
        set_text(&mut form, 0, "Send the pilot price model");
        set_text(&mut form, 1, "Sam Reyes");
        set_text(&mut form, 2, "3 December");
        assert_eq!(
            (form.on_submit)(&form, history.session()),
            Err("due date must look like 2026-12-01".to_string())
        );
        set_text(&mut form, 2, "2026-12-01");
        let fresh = history.session().fresh_id();
        let changes = (form.on_submit)(&form, history.session()).expect("valid");
        let expected = ActionItem {
            id: fresh,
            text: "Send the pilot price model".to_string(),
            owner: "Sam Reyes".to_string(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1),
        };
        assert_eq!(
            changes,
            vec![Change::ActionAdded {
                action: expected.clone()
            }]
        );
        record(&mut history, changes);
        assert_eq!(history.session().action(fresh), Some(&expected));
        // No date is fine too.
        set_text(&mut form, 2, "");
        match &(form.on_submit)(&form, history.session()).expect("valid")[..] {
            [Change::ActionAdded { action }] => assert_eq!(action.due, None),
            other => panic!("unexpected {other:?}"),
        }
        set_text(&mut form, 0, "");
        assert!((form.on_submit)(&form, history.session()).is_err());
    }

    #[test]
    fn enter_edits_the_selected_action_item() {
        let mut history = proceed();
        let mut screen = SummaryScreen::default();
        for _ in 0..3 {
            press(&mut screen, history.session(), KeyCode::Down);
        }
        let mut form = form(press(&mut screen, history.session(), KeyCode::Enter));
        assert_eq!(form.title, "Edit action item");
        assert_eq!(form.value(0), "Pick two pilot customers");
        assert_eq!(form.value(1), "Helen Marsh");
        assert_eq!(form.value(2), "2026-12-10");
        let id = history.session().actions[2].id;
        set_text(&mut form, 2, "2026-12-17");
        let changes = (form.on_submit)(&form, history.session()).expect("valid");
        assert_eq!(
            changes,
            vec![Change::ActionEdited {
                action: ActionItem {
                    id,
                    text: "Pick two pilot customers".to_string(),
                    owner: "Helen Marsh".to_string(),
                    due: NaiveDate::from_ymd_opt(2026, 12, 17),
                }
            }]
        );
        record(&mut history, changes);
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(rows(&buf).join("\n").contains("2026-12-17"));
    }

    #[test]
    fn delete_asks_first_and_names_the_action_item() {
        let mut history = proceed();
        let mut screen = SummaryScreen::default();
        press(&mut screen, history.session(), KeyCode::Down);
        press(&mut screen, history.session(), KeyCode::Down);
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('d')));
        assert!(
            dialog.lines[0].contains("'Propose a pilot price model"),
            "{:?}",
            dialog.lines
        );
        let id = history.session().actions[1].id;
        match option(dialog, 'y').1 {
            Intent::Record(changes) => {
                assert_eq!(changes, vec![Change::ActionRemoved { id }]);
                record(&mut history, changes);
            }
            _ => panic!("expected a record"),
        }
        assert_eq!(history.session().actions.len(), 2);
        // The cursor stays in range after the list shrank.
        press(&mut screen, history.session(), KeyCode::Down);
        press(&mut screen, history.session(), KeyCode::Down);
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(find(&buf, "▶ Pick two pilot customers").is_some());
    }

    #[test]
    fn empty_action_list_says_how_to_add_one() {
        let mut history = proceed();
        let ids: Vec<ItemId> = history.session().actions.iter().map(|a| a.id).collect();
        record(
            &mut history,
            ids.into_iter()
                .map(|id| Change::ActionRemoved { id })
                .collect(),
        );
        let mut screen = SummaryScreen::default();
        assert!(press(&mut screen, history.session(), KeyCode::Down).is_none());
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(words(&buf).contains("No action items yet — press a to add one."));
        assert!(
            find(&buf, "▶ VERDICT").is_some(),
            "focus stays on the verdict"
        );
    }

    #[test]
    fn long_action_lists_scroll_to_the_cursor() {
        let mut history = proceed();
        let first = history.session().fresh_id().0;
        let changes = (0..200)
            .map(|n| Change::ActionAdded {
                action: ActionItem {
                    id: ItemId(first + n),
                    text: format!("Follow-up number {n:03}"),
                    owner: String::new(),
                    due: None,
                },
            })
            .collect();
        record(&mut history, changes);
        let mut screen = SummaryScreen::default();
        press(&mut screen, history.session(), KeyCode::End);
        let buf = draw(&screen, history.session(), 80, 24);
        let all = rows(&buf).join("\n");
        assert!(find(&buf, "▶ Follow-up number 199").is_some(), "{all}");
        assert!(all.contains("no owner") && all.contains("no date"));
    }

    #[test]
    fn tiny_and_odd_sizes_never_panic() {
        let mut busy = proceed();
        add_conflict(
            &mut busy,
            "世界 wide 👨‍👩‍👧 text",
            Severity::Critical,
            ConflictStatus::DealBreaker,
        );
        let mut screen = SummaryScreen::default();
        press(&mut screen, busy.session(), KeyCode::End);
        for history in [busy, pass()] {
            for (w, h) in [
                (0, 0),
                (1, 1),
                (20, 5),
                (3, 40),
                (40, 10),
                (119, 9),
                (120, 12),
                (300, 80),
            ] {
                draw(&screen, history.session(), w, h);
                draw(&SummaryScreen::default(), history.session(), w, h);
            }
        }
    }

    #[test]
    fn a_large_session_renders_its_lists_cut_to_fit() {
        let mut history = proceed();
        let first = history.session().fresh_id().0;
        let mut changes: Vec<Change> = (0..1000)
            .map(|n| Change::ActionAdded {
                action: ActionItem {
                    id: ItemId(first + n),
                    text: format!("Follow-up number {n}"),
                    owner: "Someone".to_string(),
                    due: None,
                },
            })
            .collect();
        for n in 0..1000 {
            changes.push(Change::ConflictAdded {
                conflict: Conflict {
                    id: ItemId(first + 1000 + n),
                    origin: ConflictOrigin::Moderator,
                    category: ConflictCategory::Pricing,
                    partners: Vec::new(),
                    items: Vec::new(),
                    description: format!("Conflict {n}"),
                    severity: Severity::ALL[(n % 4) as usize],
                    status: if n % 2 == 0 {
                        ConflictStatus::Open
                    } else {
                        ConflictStatus::Resolved {
                            agreement: format!("Agreement {n}"),
                        }
                    },
                    owner: String::new(),
                },
            });
        }
        record(&mut history, changes);
        let screen = SummaryScreen {
            focus: Focus::Actions,
            cursor: 500,
        };
        let unsettled_now = unsettled(&board::board(history.session())).len();
        assert!(unsettled_now > 500);
        // No timing here (the benches measure); only that the big lists are cut to fit
        // and the selected action item is in view.
        for (w, h) in [(80, 24), (200, 50)] {
            let buf = draw(&screen, history.session(), w, h);
            let all = rows(&buf).join("\n");
            assert!(find(&buf, "▶ Follow-up number 497").is_some(), "{all}");
            assert!(
                all.contains(&format!(
                    "OPEN CONFLICTS  {}",
                    open_count(&board::board(history.session()))
                )),
                "{all}"
            );
            assert!(all.contains("more (see the conflict check)"), "{all}");
        }
    }

    #[test]
    fn help_lists_every_key_the_footer_mentions() {
        for focus in [Focus::Verdict, Focus::Actions] {
            let screen = SummaryScreen { focus, cursor: 0 };
            for (key, _) in screen.footer_keys() {
                let key = if key == "↓" { "↑ ↓" } else { key };
                assert!(KEYS.iter().any(|k| k.keys.contains(key)), "{key}");
            }
        }
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::domain::History;
    use crate::tui::stages::Hidden;
    use crate::tui::stages::testing::{self, at, card_lines, ctx, fresh, key, proceed, reported};

    /// Draws the screen; returns its rows and what it reported as not shown.
    fn draw_fit(
        screen: &SummaryScreen,
        session: &Session,
        w: u16,
        h: u16,
    ) -> (Vec<String>, Vec<Hidden>) {
        testing::draw_fit(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    fn press(screen: &mut SummaryScreen, session: &Session, code: KeyCode) {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()));
    }

    fn card_of(screen: &SummaryScreen, session: &Session) -> Option<FocusCard> {
        screen.focus_card(&ctx(session, &Theme::dark()))
    }

    /// The sample with 24 more action items, each due on a day: the first half short,
    /// the second half far too long for one row.
    fn busy() -> History {
        let mut history = proceed();
        for n in 0..24 {
            let text = if n < 12 {
                format!("Task {n}")
            } else {
                format!(
                    "Task {n}: write down who calls which customer first, who prices the \
                     joint offer and who signs it, then send it round before the next meeting"
                )
            };
            let action = ActionItem {
                id: history.session().fresh_id(),
                text,
                owner: "Dana".to_string(),
                due: NaiveDate::from_ymd_opt(2026, 12, 1),
            };
            history
                .record(at(), Change::ActionAdded { action })
                .expect("the action item is added");
        }
        history
    }

    /// Action items on the screen: only their rows carry a due date.
    fn actions_on_screen(rows: &[String]) -> usize {
        rows.iter()
            .filter(|r| r.contains("2026-") || r.contains("no date"))
            .count()
    }

    #[test]
    fn a_busy_summary_reports_the_entries_it_leaves_out() {
        let history = busy();
        let session = history.session();
        let theme = Theme::dark();
        let board = ctx(session, &theme).board;
        let mut screen = SummaryScreen::default();
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let text = rows.join("\n");
        let actions = session.actions.len();
        let shown = actions_on_screen(&rows);
        assert!(shown > 0, "{text}");
        assert_eq!(
            reported(&hidden, "action items"),
            Some((actions - shown, "↑↓")),
            "{text}"
        );
        let agreements = board::agreements(board).count();
        let agreed = rows.iter().filter(|r| r.contains("✔ agreed")).count();
        assert_eq!(
            reported(&hidden, "agreements"),
            Some((agreements - agreed, "PgUp")),
            "{text}"
        );
        let short = reported(&hidden, "lines of detail");

        // At the end of the list the long texts are in view, and cut.
        press(&mut screen, session, KeyCode::End);
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        assert_eq!(
            reported(&hidden, "action items"),
            Some((actions - actions_on_screen(&rows), "↑↓"))
        );
        let long = reported(&hidden, "lines of detail");
        assert!(long > short, "{long:?} {short:?}\n{}", rows.join("\n"));
    }

    #[test]
    fn a_small_summary_on_a_large_screen_reports_nothing() {
        let history = fresh(2);
        let (rows, hidden) = draw_fit(&SummaryScreen::default(), history.session(), 200, 50);
        assert_eq!(hidden, Vec::new(), "{}", rows.join("\n"));
        let history = proceed();
        let (rows, hidden) = draw_fit(&SummaryScreen::default(), history.session(), 200, 50);
        assert_eq!(hidden, Vec::new(), "{}", rows.join("\n"));
    }

    #[test]
    fn the_focus_card_is_the_verdict_then_the_selected_action_item() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::dark();
        let mut screen = SummaryScreen::default();
        let card = card_of(&screen, session).expect("the verdict");
        assert_eq!(card.title, "Proceed with conditions");
        assert_eq!(card.kicker, format!("Verdict · {}", session.title));
        assert_eq!(card.kicker_style, theme.heading);
        let details = card_lines(&card);
        assert_eq!(
            details[0],
            "Conditions: Pilot with two customers before any wider roll-out; revisit margins \
             after the pilot."
        );
        assert!(details[2].starts_with("Readiness "), "{details:?}");
        assert!(details[3].starts_with("TIME "), "{details:?}");

        press(&mut screen, session, KeyCode::Down);
        let card = card_of(&screen, session).expect("an action item");
        assert_eq!(
            card.title,
            "Draft the named-account list for the rules of engagement"
        );
        assert_eq!(card.kicker, "Action item 1 of 3");
        assert_eq!(card_lines(&card), ["Owner: Tom Okafor", "Due: 2026-11-26"]);

        press(&mut screen, session, KeyCode::Down);
        let card = card_of(&screen, session).expect("an action item");
        assert_eq!(card.kicker, "Action item 2 of 3");
        assert!(card.title.starts_with("Propose a pilot price model"));
    }

    #[test]
    fn an_empty_summary_still_has_its_verdict_to_show() {
        // Nothing decided yet: the card says so and what comes first, as the box does.
        let history = fresh(2);
        let card = card_of(&SummaryScreen::default(), history.session()).expect("a card");
        assert_eq!(card.title, "No verdict yet");
        assert_eq!(
            card_lines(&card)[0],
            "The vision gate has not been decided yet; the verdict comes after it."
        );
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;
    use crate::domain::timeline::Changed;
    use crate::tui::stages::testing::{draw_highlighted, marked_rows, proceed};

    fn marked(changed: &Changed) -> Vec<String> {
        let history = proceed();
        let screen = SummaryScreen::default();
        let buf = draw_highlighted(160, 45, history.session(), changed, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        marked_rows(&buf)
    }

    #[test]
    fn the_verdict_or_action_a_replayed_event_changed_is_marked() {
        let history = proceed();
        let action = &history.session().actions[1];
        let rows = marked(&Changed::Action(action.id));
        assert_eq!(rows.len(), 1, "{rows:?}");
        let start: String = action.text.chars().take(8).collect();
        assert!(rows[0].contains(&format!("● {start}")), "{rows:?}");

        // The verdict is under the cursor: the mark shows in the title all the same.
        let history = proceed();
        let screen = SummaryScreen::default();
        let buf = draw_highlighted(160, 45, history.session(), &Changed::Verdict, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        let text = crate::tui::stages::testing::rows(&buf).join("\n");
        assert!(text.contains("▶ ● VERDICT"), "{text}");
        assert!(marked(&Changed::Gate).is_empty());
    }
}
