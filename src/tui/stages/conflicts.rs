//! Stage 4, the conflict check: every conflict the room has named, open ones first and
//! the most severe on top, with a detail panel for the one under the cursor. The
//! moderator enters conflicts by hand for now; conflicts found by a detection rule are
//! shown the same way, with the rule's name beside them so the room knows where they
//! came from.

use std::cmp::Reverse;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph};

use crate::domain::{
    Change, Conflict, ConflictCategory, ConflictOrigin, ConflictStatus, PartnerId, Session,
    Severity,
};
use crate::tui::editor::EditorMode;
use crate::tui::form::{Form, OnSubmit};
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::theme::Theme;
use crate::tui::widgets::{KeyHelp, display_width, truncate_to_width, wrap_lines};

use super::text::one_line;
use super::{StageCtx, is_chord, take_top};

/// Every key of the conflict check, for the help overlay.
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "↑ ↓  j k",
        what: "select a conflict",
    },
    KeyHelp {
        keys: "Home End",
        what: "first / last conflict",
    },
    KeyHelp {
        keys: "a",
        what: "add a conflict",
    },
    KeyHelp {
        keys: "Enter",
        what: "edit the selected conflict",
    },
    KeyHelp {
        keys: "s",
        what: "settle: resolved, accepted risk, deal-breaker or reopen",
    },
    KeyHelp {
        keys: "d",
        what: "delete the selected conflict",
    },
];

/// The words and symbols that carry a severity, so it reads without colour.
pub fn severity_marker(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "!!! critical",
        Severity::High => "!! high",
        Severity::Medium => "! medium",
        Severity::Low => "· low",
    }
}

/// Cells the widest severity marker takes.
const MARKER_WIDTH: usize = 12;
/// Cells the widest category label ("account leadership") takes.
const CATEGORY_WIDTH: usize = 18;
/// Space between table columns: wide enough to read as separate columns from a distance.
const GAP: usize = 2;
/// Left margin of every row; the selected row shows its pointer here.
const GUTTER: usize = 2;
/// Below this width the detail panel goes under the list instead of beside it.
const SIDE_PANEL_MIN_WIDTH: u16 = 120;

const GONE: &str = "this conflict was removed meanwhile";
const EMPTY_STATE: &str = "No conflicts recorded. Check territory, product direction, account \
     leadership, IP ownership, pricing and margin sharing — press a to add one.";

#[derive(Debug, Default, Clone)]
pub struct ConflictsScreen {
    /// Position in the displayed order (not an id): after a conflict is settled it moves
    /// down among the settled ones and the cursor lands on the next open conflict, which
    /// is what the room wants to look at next.
    cursor: usize,
}

impl ConflictsScreen {
    /// Keys not handled globally. Return None when the key means nothing here.
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        if is_chord(&key) {
            return None;
        }
        let session = ctx.session;
        let order = display_order(session);
        let last = order.len().saturating_sub(1);
        self.cursor = self.cursor.min(last);
        let selected = order.get(self.cursor).map(|&i| &session.conflicts[i]);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.cursor = self.cursor.saturating_sub(1);
                None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.cursor = (self.cursor + 1).min(last);
                None
            }
            KeyCode::Home => {
                self.cursor = 0;
                None
            }
            KeyCode::End => {
                self.cursor = last;
                None
            }
            KeyCode::Char('a') => Some(Intent::Form(conflict_form(session, None))),
            KeyCode::Enter => selected.map(|c| Intent::Form(conflict_form(session, Some(c)))),
            KeyCode::Char('s') => selected.map(settle_confirm),
            KeyCode::Char('d') => selected.map(|c| {
                Intent::Confirm(Confirm::yes_no(
                    "Delete conflict",
                    format!(
                        "Delete the conflict {}? Undo (u) brings it back.",
                        quote(&c.description)
                    ),
                    Intent::Record(vec![Change::ConflictRemoved { id: c.id }]),
                ))
            }),
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
        let order = display_order(session);
        let (summary_row, rest) = take_top(area, 1);
        let rest = if rest.height > 6 {
            take_top(rest, 1).1
        } else {
            rest
        };
        if order.is_empty() {
            frame.render_widget(Paragraph::new(summary_line(session, theme)), summary_row);
            let lines = wrap_lines(
                &[Line::styled(EMPTY_STATE, theme.text)],
                rest.width.saturating_sub(GUTTER as u16),
            );
            let body = Rect::new(
                rest.x.saturating_add(GUTTER as u16),
                rest.y,
                rest.width,
                rest.height,
            )
            .intersection(rest);
            frame.render_widget(Paragraph::new(lines), body);
            return;
        }
        let cursor = self.cursor.min(order.len() - 1);
        let selected = &session.conflicts[order[cursor]];

        let (list_area, detail) = split_for_detail(rest);
        let window = render_list(frame, list_area, ctx, &order, cursor);
        match detail {
            Detail::Side(panel) => render_side_detail(frame, panel, session, theme, selected),
            Detail::Below(panel) => render_compact_detail(frame, panel, session, theme, selected),
            Detail::None => {}
        }

        // The counts on the left, and on the right how much of the list is out of view.
        let mut line = summary_line(session, theme);
        let mut hint = Vec::new();
        if window.0 > 0 {
            hint.push(format!("↑ {} more", window.0));
        }
        if window.1 < order.len() {
            hint.push(format!("↓ {} more", order.len() - window.1));
        }
        let hint = hint.join("  ");
        let room = usize::from(summary_row.width)
            .saturating_sub(line.width())
            .saturating_sub(GAP);
        if !hint.is_empty() && display_width(&hint) <= room {
            let pad = room - display_width(&hint) + GAP;
            line.spans.push(Span::raw(" ".repeat(pad)));
            line.spans.push(Span::styled(hint, theme.muted));
        }
        frame.render_widget(Paragraph::new(line), summary_row);
    }

    /// The 3–6 keys that matter most right now, for the footer.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("a", "add conflict"),
            ("Enter", "edit"),
            ("s", "settle"),
            ("d", "delete"),
            ("↑↓", "select"),
        ]
    }
}

// ---------------------------------------------------------------------------
// Order and wording

/// Which block of the list a status belongs to: open ones first, then the settled ones
/// with deal-breakers leading, because they block a plain "proceed".
fn status_rank(status: &ConflictStatus) -> u8 {
    match status {
        ConflictStatus::Open => 0,
        ConflictStatus::DealBreaker => 1,
        ConflictStatus::AcceptedRisk => 2,
        ConflictStatus::Resolved { .. } => 3,
    }
}

/// Positions in `session.conflicts`, in the order the list shows them.
fn display_order(session: &Session) -> Vec<usize> {
    let mut order: Vec<usize> = (0..session.conflicts.len()).collect();
    order.sort_by_key(|&i| {
        let c = &session.conflicts[i];
        (status_rank(&c.status), Reverse(c.severity), c.id)
    });
    order
}

/// User text as one quoted line, short enough for a dialog.
fn quote(text: &str) -> String {
    format!("'{}'", truncate_to_width(&one_line(text), 140))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 open (1 high) · 2 settled · 0 deal-breakers".
fn summary_line(session: &Session, theme: &Theme) -> Line<'static> {
    let mut open = 0;
    let mut critical = 0;
    let mut high = 0;
    let mut settled = 0;
    let mut breakers = 0;
    for c in &session.conflicts {
        match c.status {
            ConflictStatus::Open => {
                open += 1;
                match c.severity {
                    Severity::Critical => critical += 1,
                    Severity::High => high += 1,
                    _ => {}
                }
            }
            ConflictStatus::DealBreaker => breakers += 1,
            _ => settled += 1,
        }
    }
    let mut spans = vec![Span::styled(format!("{open} open"), theme.heading)];
    let mut serious = Vec::new();
    if critical > 0 {
        serious.push(format!("{critical} critical"));
    }
    if high > 0 {
        serious.push(format!("{high} high"));
    }
    if !serious.is_empty() {
        spans.push(Span::styled(
            format!(" ({})", serious.join(", ")),
            theme.bad,
        ));
    }
    spans.push(Span::styled(" · ", theme.muted));
    spans.push(Span::styled(format!("{settled} settled"), theme.text));
    spans.push(Span::styled(" · ", theme.muted));
    let breaker_style = if breakers > 0 { theme.bad } else { theme.text };
    spans.push(Span::styled(
        plural(breakers, "deal-breaker", "deal-breakers"),
        breaker_style,
    ));
    Line::from(spans)
}

/// The partners a conflict involves, each name in its partner's colour. `short` uses
/// each partner's first word where that still tells the partners apart.
fn partner_spans(
    session: &Session,
    theme: &Theme,
    partners: &[PartnerId],
    short: bool,
) -> Vec<Span<'static>> {
    if partners.is_empty() {
        return vec![Span::styled("no partner named", theme.muted)];
    }
    // With more than two partners, naming them all is noise; two names are clearer than
    // "all partners" when only two are in the room.
    if session.partners.len() > 2 && involves_everyone(session, partners) {
        return vec![Span::styled("all partners", theme.text)];
    }
    let first_word = |name: &str| name.split_whitespace().next().unwrap_or("").to_string();
    let joiner = if partners.len() == 2 { " & " } else { ", " };
    let mut spans = Vec::with_capacity(partners.len() * 2);
    for (n, id) in partners.iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled(joiner, theme.muted));
        }
        let style = session
            .partner_index(*id)
            .map_or(theme.muted, |i| theme.partner(i));
        let full = session.partner_name(*id);
        let word = first_word(&full);
        let unique = session
            .partners
            .iter()
            .filter(|p| first_word(&p.name).eq_ignore_ascii_case(&word))
            .count()
            == 1;
        let name = if short && unique && !word.is_empty() {
            word
        } else {
            full
        };
        spans.push(Span::styled(name, style));
    }
    spans
}

fn involves_everyone(session: &Session, partners: &[PartnerId]) -> bool {
    session.partners.iter().all(|p| partners.contains(&p.id))
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| display_width(&s.content)).sum()
}

/// The partners for a table cell of `width` cells: full names when they fit, else first
/// words, else "both partners" when it is everyone, else the full names cut short.
fn partner_cell(
    session: &Session,
    theme: &Theme,
    partners: &[PartnerId],
    width: usize,
) -> Vec<Span<'static>> {
    let full = partner_spans(session, theme, partners, false);
    if spans_width(&full) <= width {
        return full;
    }
    let short = partner_spans(session, theme, partners, true);
    if spans_width(&short) <= width {
        return short;
    }
    if involves_everyone(session, partners) {
        let words = if session.partners.len() == 2 {
            "both partners"
        } else {
            "all partners"
        };
        return vec![Span::styled(words, theme.text)];
    }
    full
}

/// The status as the list shows it, with the agreement after "resolved".
fn status_text(status: &ConflictStatus) -> String {
    match status {
        ConflictStatus::Resolved { agreement } => format!("resolved: {agreement}"),
        ConflictStatus::DealBreaker => "✖ deal-breaker".to_string(),
        other => other.label().to_string(),
    }
}

fn status_style(status: &ConflictStatus, theme: &Theme) -> Style {
    match status {
        ConflictStatus::Open => theme.text,
        ConflictStatus::DealBreaker => theme.bad,
        _ => theme.muted,
    }
}

// ---------------------------------------------------------------------------
// Dialogs

/// What "Partners involved" offers: everyone, then each pair, plus the conflict's own
/// set when it is none of those (a detected conflict may name one or three partners),
/// so editing never silently changes who is involved.
struct PartnerChoices {
    labels: Vec<String>,
    sets: Vec<Vec<PartnerId>>,
    selected: usize,
}

fn partner_choices(session: &Session, current: Option<&[PartnerId]>) -> PartnerChoices {
    let ids: Vec<PartnerId> = session.partners.iter().map(|p| p.id).collect();
    let mut labels = vec!["all partners".to_string()];
    let mut sets = vec![ids.clone()];
    if ids.len() > 2 {
        for (i, a) in session.partners.iter().enumerate() {
            for b in &session.partners[i + 1..] {
                labels.push(format!("{} & {}", a.name, b.name));
                sets.push(vec![a.id, b.id]);
            }
        }
    }
    let mut selected = 0;
    if let Some(current) = current {
        let mut wanted = current.to_vec();
        wanted.sort();
        let found = sets.iter().position(|set| {
            let mut set = set.clone();
            set.sort();
            set == wanted
        });
        match found {
            Some(i) => selected = i,
            None => {
                let names: Vec<String> = current.iter().map(|p| session.partner_name(*p)).collect();
                let label = if names.is_empty() {
                    "as recorded: no partner named".to_string()
                } else {
                    format!("as recorded: {}", names.join(", "))
                };
                labels.push(label);
                sets.push(current.to_vec());
                selected = sets.len() - 1;
            }
        }
    }
    PartnerChoices {
        labels,
        sets,
        selected,
    }
}

/// The add form (`existing` = None) or the edit form pre-filled with a conflict.
fn conflict_form(session: &Session, existing: Option<&Conflict>) -> Form {
    let choices = partner_choices(session, existing.map(|c| c.partners.as_slice()));
    let id = existing.map(|c| c.id);
    let sets = choices.sets;
    let on_submit: OnSubmit = Box::new(move |form, session| {
        let description = form.value(0);
        if description.is_empty() {
            return Err("describe the conflict in a few words".to_string());
        }
        let category = ConflictCategory::ALL
            .get(form.selected(1))
            .copied()
            .unwrap_or(ConflictCategory::Other);
        let severity = Severity::ALL
            .get(form.selected(2))
            .copied()
            .unwrap_or(Severity::Medium);
        let partners = sets.get(form.selected(3)).cloned().unwrap_or_default();
        let owner = form.value(4);
        let conflict = match id {
            None => Conflict {
                id: session.fresh_id(),
                origin: ConflictOrigin::Moderator,
                category,
                partners,
                items: Vec::new(),
                description,
                severity,
                status: ConflictStatus::Open,
                owner,
            },
            // Read the rest from the session as it is now, not as it was when the form
            // opened, so nothing else about the conflict is rolled back.
            Some(id) => {
                let old = session.conflict(id).ok_or_else(|| GONE.to_string())?;
                Conflict {
                    category,
                    partners,
                    description,
                    severity,
                    owner,
                    ..old.clone()
                }
            }
        };
        Ok(vec![match id {
            None => Change::ConflictAdded { conflict },
            Some(_) => Change::ConflictEdited { conflict },
        }])
    });
    let title = if existing.is_some() {
        "Edit conflict"
    } else {
        "New conflict"
    };
    let category = existing.map_or(ConflictCategory::Territory, |c| c.category);
    let severity = existing.map_or(Severity::Medium, |c| c.severity);
    let position_of = |all: &[ConflictCategory], c| all.iter().position(|x| *x == c).unwrap_or(0);
    Form::new(title, on_submit)
        .text(
            "Description",
            existing.map_or("", |c| c.description.as_str()),
        )
        .choice(
            "Category",
            ConflictCategory::ALL
                .iter()
                .map(|c| c.label().to_string())
                .collect(),
            position_of(ConflictCategory::ALL, category),
        )
        .choice(
            "Severity",
            Severity::ALL
                .iter()
                .map(|s| s.label().to_string())
                .collect(),
            Severity::ALL
                .iter()
                .position(|s| *s == severity)
                .unwrap_or(0),
        )
        .choice("Partners involved", choices.labels, choices.selected)
        .text("Owner", existing.map_or("", |c| c.owner.as_str()))
}

/// The conflict with a new status, as one recorded change.
fn with_status(conflict: &Conflict, status: ConflictStatus) -> Intent {
    Intent::Record(vec![Change::ConflictEdited {
        conflict: Conflict {
            status,
            ..conflict.clone()
        },
    }])
}

/// Asks for the agreement that resolves the conflict.
fn agreement_editor(conflict: &Conflict) -> Intent {
    let id = conflict.id;
    let initial = match &conflict.status {
        ConflictStatus::Resolved { agreement } => agreement.clone(),
        _ => String::new(),
    };
    Intent::Edit {
        title: format!(
            "What did the partners agree? {}",
            quote(&conflict.description)
        ),
        initial,
        mode: EditorMode::MultiLine,
        on_submit: Box::new(move |text, session| {
            let agreement = text.trim().to_string();
            if agreement.is_empty() {
                return Err("write down what the partners agreed".to_string());
            }
            let old = session.conflict(id).ok_or_else(|| GONE.to_string())?;
            Ok(vec![Change::ConflictEdited {
                conflict: Conflict {
                    status: ConflictStatus::Resolved { agreement },
                    ..old.clone()
                },
            }])
        }),
    }
}

/// Accepting a risk needs someone who watches it; asks for that person when nobody is
/// named yet.
fn accept_risk(conflict: &Conflict) -> Intent {
    if !conflict.owner.trim().is_empty() {
        return with_status(conflict, ConflictStatus::AcceptedRisk);
    }
    let id = conflict.id;
    Intent::Edit {
        title: format!("Who owns this risk? {}", quote(&conflict.description)),
        initial: String::new(),
        mode: EditorMode::SingleLine,
        on_submit: Box::new(move |text, session| {
            let owner = text.trim().to_string();
            if owner.is_empty() {
                return Err("name who keeps an eye on this risk".to_string());
            }
            let old = session.conflict(id).ok_or_else(|| GONE.to_string())?;
            Ok(vec![Change::ConflictEdited {
                conflict: Conflict {
                    status: ConflictStatus::AcceptedRisk,
                    owner,
                    ..old.clone()
                },
            }])
        }),
    }
}

/// The settle dialog. Choices that would change nothing are left out, except
/// "resolved", which also rewords an agreement already reached.
fn settle_confirm(conflict: &Conflict) -> Intent {
    let status = &conflict.status;
    let mut options = vec![ConfirmOption {
        key: 'r',
        label: "resolved (write down the agreement)".to_string(),
        then: agreement_editor(conflict),
    }];
    if *status != ConflictStatus::AcceptedRisk {
        options.push(ConfirmOption {
            key: 'k',
            label: "accepted risk".to_string(),
            then: accept_risk(conflict),
        });
    }
    if *status != ConflictStatus::DealBreaker {
        options.push(ConfirmOption {
            key: 'b',
            label: "deal-breaker".to_string(),
            then: with_status(conflict, ConflictStatus::DealBreaker),
        });
    }
    if !status.is_open() {
        options.push(ConfirmOption {
            key: 'o',
            label: "reopen".to_string(),
            then: with_status(conflict, ConflictStatus::Open),
        });
    }
    Intent::Confirm(Confirm {
        title: "Settle conflict".to_string(),
        lines: vec![
            quote(&conflict.description),
            format!(
                "{} · {} · now {}",
                severity_marker(conflict.severity),
                conflict.category,
                status.label()
            ),
            "How did the room settle it?".to_string(),
        ],
        options,
    })
}

// ---------------------------------------------------------------------------
// Layout

enum Detail {
    Side(Rect),
    Below(Rect),
    None,
}

/// Puts the detail panel beside the list on wide screens, under it on narrower ones, and
/// leaves it out when there is too little height for both to be readable.
fn split_for_detail(area: Rect) -> (Rect, Detail) {
    if area.width >= SIDE_PANEL_MIN_WIDTH {
        let panel_w = (area.width * 2 / 5).clamp(44, 72);
        let list_w = area.width.saturating_sub(panel_w + GAP as u16);
        let list = Rect::new(area.x, area.y, list_w, area.height);
        let panel = Rect::new(
            area.x.saturating_add(list_w + GAP as u16),
            area.y,
            panel_w,
            area.height,
        )
        .intersection(area);
        return (list, Detail::Side(panel));
    }
    if area.height < 12 {
        return (area, Detail::None);
    }
    let panel_h = (area.height * 2 / 5).clamp(5, 12);
    let list_h = area.height - panel_h;
    let list = Rect::new(area.x, area.y, area.width, list_h.saturating_sub(1));
    let panel = Rect::new(area.x, area.y + list_h, area.width, panel_h);
    (list, Detail::Below(panel))
}

/// Column widths of the list, in cells.
struct Columns {
    marker: usize,
    category: usize,
    partners: usize,
    status: usize,
    owner: usize,
    /// Where the description lines start: under the category column.
    desc_x: usize,
    desc_w: usize,
}

fn columns(width: usize) -> Columns {
    let marker = MARKER_WIDTH.min(width / 6);
    let category = CATEGORY_WIDTH.min(width / 4);
    let fixed = GUTTER + marker + GAP + category + GAP;
    let flexible = width.saturating_sub(fixed + 2 * GAP);
    let partners = flexible * 3 / 8;
    let status = flexible * 3 / 8;
    let owner = flexible.saturating_sub(partners + status);
    let desc_x = GUTTER + marker + GAP;
    Columns {
        marker,
        category,
        partners,
        status,
        owner,
        desc_x,
        desc_w: width.saturating_sub(desc_x),
    }
}

/// `spans` cut or padded to exactly `width` cells, ending in "…" when cut.
fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total = spans_width(&spans);
    let mut out = Vec::with_capacity(spans.len() + 1);
    if total <= width {
        out.extend(spans);
        if total < width {
            out.push(Span::raw(" ".repeat(width - total)));
        }
        return out;
    }
    let mut left = width;
    for span in spans {
        let w = display_width(&span.content);
        // Keep one cell for the ellipsis unless this span is cut anyway.
        if w < left {
            left -= w;
            out.push(span);
            continue;
        }
        let cut = truncate_to_width(&span.content, left);
        left = left.saturating_sub(display_width(&cut));
        out.push(Span::styled(cut, span.style));
        break;
    }
    if left > 0 {
        out.push(Span::raw(" ".repeat(left)));
    }
    out
}

/// Wraps `line` to `width` and keeps at most `max` rows, the last ending in "…" when
/// anything was left out.
fn wrap_at_most(line: Line<'_>, width: u16, max: usize) -> Vec<Line<'static>> {
    let mut rows = wrap_lines(&[line], width);
    if rows.len() > max {
        rows.truncate(max);
        if let Some(last) = rows.last_mut() {
            let mut spans = std::mem::take(&mut last.spans);
            let total = spans_width(&spans);
            if total < usize::from(width) {
                let style = spans.last().map_or(Style::default(), |s| s.style);
                spans.push(Span::styled("…", style));
            } else {
                // `fit` ends what it cuts with "…"; the padding after it is not needed.
                spans = fit(spans, usize::from(width));
                while spans.last().is_some_and(|s| s.content.trim().is_empty()) {
                    spans.pop();
                }
            }
            last.spans = spans;
        }
    }
    rows
}

// ---------------------------------------------------------------------------
// The list

/// The rows one conflict takes in the list: its table row and its description.
struct Card {
    head: Line<'static>,
    body: Vec<Line<'static>>,
}

impl Card {
    fn height(&self) -> usize {
        1 + self.body.len()
    }
}

fn card(
    ctx: &StageCtx,
    conflict: &Conflict,
    cols: &Columns,
    selected: bool,
    max_body: usize,
) -> Card {
    let theme = ctx.theme;
    let settled = !conflict.status.is_open();
    // Settled conflicts step back so the open ones carry the room's attention; a
    // deal-breaker keeps its warning because it still decides the verdict.
    let tone = |style: Style| if settled { theme.muted } else { style };
    let gap = || Span::raw(" ".repeat(GAP));

    let mut spans = Vec::with_capacity(16);
    spans.push(Span::raw(if selected { "▶ " } else { "  " }));
    spans.extend(fit(
        vec![Span::styled(
            severity_marker(conflict.severity),
            tone(theme.severity(conflict.severity)),
        )],
        cols.marker,
    ));
    spans.push(gap());
    spans.extend(fit(
        vec![Span::styled(conflict.category.label(), tone(theme.text))],
        cols.category,
    ));
    spans.push(gap());
    let names = partner_cell(ctx.session, theme, &conflict.partners, cols.partners);
    spans.extend(fit(names, cols.partners));
    spans.push(gap());
    let status_look = match conflict.status {
        ConflictStatus::DealBreaker => theme.bad,
        _ => tone(status_style(&conflict.status, theme)),
    };
    spans.extend(fit(
        vec![Span::styled(status_text(&conflict.status), status_look)],
        cols.status,
    ));
    spans.push(gap());
    let owner = if conflict.owner.trim().is_empty() {
        Span::styled("no owner", theme.muted)
    } else {
        Span::styled(conflict.owner.clone(), tone(theme.text))
    };
    spans.extend(fit(vec![owner], cols.owner));
    let mut head = Line::from(spans);
    if selected {
        // The whole row takes the selection style, so the focus is plain from the back
        // of the room; the pointer in the gutter says the same without colour.
        for span in &mut head.spans {
            span.style = theme.selected;
        }
    }

    let mut text = vec![Span::styled(conflict.description.clone(), tone(theme.text))];
    if let ConflictOrigin::Detected { rule, .. } = &conflict.origin {
        text.push(Span::styled(
            format!("  · found by rule {rule}"),
            theme.muted,
        ));
    }
    let indent = " ".repeat(cols.desc_x);
    let body = wrap_at_most(Line::from(text), cols.desc_w as u16, max_body)
        .into_iter()
        .map(|mut line| {
            line.spans.insert(0, Span::raw(indent.clone()));
            line
        })
        .collect();
    Card { head, body }
}

/// Picks the conflicts that fit in `height` rows around the cursor: as much context above
/// as below, and the rest of the room used when one side runs out. Returns the first
/// shown position and the one after the last.
fn window(
    height: usize,
    len: usize,
    cursor: usize,
    rows: &mut dyn FnMut(usize) -> usize,
) -> (usize, usize) {
    let mut first = cursor;
    let mut end = cursor + 1;
    let mut used = rows(cursor);
    while first > 0 {
        let h = rows(first - 1);
        if used + h > height / 2 {
            break;
        }
        used += h;
        first -= 1;
    }
    while end < len {
        let h = rows(end);
        if used + h > height {
            break;
        }
        used += h;
        end += 1;
    }
    while first > 0 {
        let h = rows(first - 1);
        if used + h > height {
            break;
        }
        used += h;
        first -= 1;
    }
    (first, end)
}

/// Draws the table and returns which part of the list is in view.
fn render_list(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    order: &[usize],
    cursor: usize,
) -> (usize, usize) {
    if area.is_empty() {
        return (0, 0);
    }
    let theme = ctx.theme;
    let conflicts = &ctx.session.conflicts;
    let cols = columns(usize::from(area.width));
    let show_header = area.height >= 8;
    let (header, body) = take_top(area, u16::from(show_header));
    if show_header {
        let cell = |text: &'static str, w| fit(vec![Span::styled(text, theme.muted)], w);
        let gap = || Span::raw(" ".repeat(GAP));
        let mut spans = vec![Span::raw(" ".repeat(GUTTER))];
        spans.extend(cell("SEVERITY", cols.marker));
        spans.push(gap());
        spans.extend(cell("CATEGORY", cols.category));
        spans.push(gap());
        spans.extend(cell("PARTNERS", cols.partners));
        spans.push(gap());
        spans.extend(cell("STATUS", cols.status));
        spans.push(gap());
        spans.extend(cell("OWNER", cols.owner));
        frame.render_widget(Paragraph::new(Line::from(spans)), header);
    }
    // Tall screens get a third description line and a blank line between conflicts.
    let max_body = if body.height >= 30 { 3 } else { 2 };
    let spacing = usize::from(body.height >= 16);
    let height = usize::from(body.height) + spacing;
    let make = |pos: usize| card(ctx, &conflicts[order[pos]], &cols, pos == cursor, max_body);
    // Cards are built once each: measuring them for the window is most of the work.
    let mut built: Vec<Option<Card>> = Vec::new();
    let base = cursor.saturating_sub(height);
    let mut rows = |pos: usize| {
        let slot = pos.saturating_sub(base);
        if built.len() <= slot {
            built.resize_with(slot + 1, || None);
        }
        built[slot].get_or_insert_with(|| make(pos)).height() + spacing
    };
    let (first, end) = window(height, order.len(), cursor, &mut rows);
    let mut lines: Vec<Line<'static>> = Vec::with_capacity(usize::from(body.height));
    for pos in first..end {
        let card = built
            .get_mut(pos.saturating_sub(base))
            .and_then(Option::take)
            .unwrap_or_else(|| make(pos));
        if pos > first && spacing > 0 {
            lines.push(Line::default());
        }
        lines.push(card.head);
        lines.extend(card.body);
    }
    frame.render_widget(Paragraph::new(lines).style(theme.text), body);
    (first, end)
}

// ---------------------------------------------------------------------------
// The detail panel

/// The status word and, for a resolved conflict, the agreement.
fn status_words(conflict: &Conflict) -> (&'static str, Option<&str>) {
    match &conflict.status {
        ConflictStatus::Resolved { agreement } => ("resolved", Some(agreement.as_str())),
        other => (other.label(), None),
    }
}

fn heading_line(theme: &Theme, conflict: &Conflict) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            severity_marker(conflict.severity),
            theme.severity(conflict.severity),
        ),
        Span::styled(" · ", theme.muted),
        Span::styled(conflict.category.label(), theme.heading),
    ])
}

fn owner_span(theme: &Theme, conflict: &Conflict) -> Span<'static> {
    if conflict.owner.trim().is_empty() {
        Span::styled("nobody named yet", theme.muted)
    } else {
        Span::styled(conflict.owner.clone(), theme.text)
    }
}

fn items_text(session: &Session, conflict: &Conflict) -> Vec<String> {
    conflict
        .items
        .iter()
        .map(|item| session.describe_item(item))
        .collect()
}

fn rule_line(theme: &Theme, conflict: &Conflict) -> Option<Line<'static>> {
    match &conflict.origin {
        ConflictOrigin::Detected { rule, .. } => {
            Some(Line::styled(format!("Found by rule {rule}"), theme.muted))
        }
        ConflictOrigin::Moderator => None,
    }
}

/// The full panel beside the list: every field under its own label.
fn render_side_detail(
    frame: &mut Frame,
    area: Rect,
    session: &Session,
    theme: &Theme,
    conflict: &Conflict,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
        .title(Span::styled(" Selected conflict ", theme.heading));
    let inner = block.inner(area).intersection(area);
    frame.render_widget(block, area);
    let width = inner.width;
    let label = |text: &'static str| Line::styled(text, theme.muted);
    let indented = |line: Line<'static>, lines: &mut Vec<Line<'static>>| {
        for mut row in wrap_lines(&[line], width.saturating_sub(2)) {
            row.spans.insert(0, Span::raw("  "));
            lines.push(row);
        }
    };

    let mut lines = Vec::new();
    lines.push(heading_line(theme, conflict));
    lines.extend(wrap_lines(
        &[Line::from(partner_spans(
            session,
            theme,
            &conflict.partners,
            false,
        ))],
        width,
    ));
    lines.push(Line::default());
    lines.extend(wrap_lines(
        &[Line::styled(conflict.description.clone(), theme.text)],
        width,
    ));
    if let Some(rule) = rule_line(theme, conflict) {
        lines.extend(wrap_lines(&[rule], width));
    }
    lines.push(Line::default());

    let (status, agreement) = status_words(conflict);
    lines.push(label("Status"));
    indented(
        Line::styled(
            status,
            status_style(&conflict.status, theme).patch(theme.heading),
        ),
        &mut lines,
    );
    if let Some(agreement) = agreement {
        lines.push(label("Agreement"));
        indented(Line::styled(agreement.to_string(), theme.text), &mut lines);
    }
    lines.push(label("Owner"));
    indented(Line::from(owner_span(theme, conflict)), &mut lines);
    lines.push(label("Items involved"));
    let items = items_text(session, conflict);
    if items.is_empty() {
        indented(Line::styled("none linked", theme.muted), &mut lines);
    }
    for item in items {
        indented(Line::styled(format!("• {item}"), theme.text), &mut lines);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The panel under the list on narrower screens: a rule with the heading, then the
/// description on the left and the outcome on the right, so it stays a few rows tall.
fn render_compact_detail(
    frame: &mut Frame,
    area: Rect,
    session: &Session,
    theme: &Theme,
    conflict: &Conflict,
) {
    let (rule_row, body) = take_top(area, 1);
    let mut spans = vec![Span::styled("── ", theme.border)];
    spans.extend(heading_line(theme, conflict).spans);
    spans.push(Span::raw(" "));
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let rest = usize::from(rule_row.width).saturating_sub(used);
    spans.push(Span::styled("─".repeat(rest), theme.border));
    frame.render_widget(Paragraph::new(Line::from(spans)), rule_row);

    let half = body.width.saturating_sub(GAP as u16) / 2;
    let left = Rect::new(body.x, body.y, half, body.height);
    let right = Rect::new(
        body.x.saturating_add(half + GAP as u16),
        body.y,
        body.width.saturating_sub(half + GAP as u16),
        body.height,
    )
    .intersection(body);

    let mut text = vec![Line::styled(conflict.description.clone(), theme.text)];
    if let Some(rule) = rule_line(theme, conflict) {
        text.push(rule);
    }
    frame.render_widget(Paragraph::new(wrap_lines(&text, left.width)), left);

    // Values wrap under themselves, not under their labels, so the labels stay a column.
    const LABEL_W: usize = 9;
    let width = right.width.saturating_sub(LABEL_W as u16);
    let mut facts: Vec<Line<'static>> = Vec::new();
    let mut fact = |label: &'static str, value: Vec<Span<'static>>| {
        for (n, mut row) in wrap_lines(&[Line::from(value)], width)
            .into_iter()
            .enumerate()
        {
            let head = if n == 0 { label } else { "" };
            row.spans
                .insert(0, Span::styled(format!("{head:<LABEL_W$}"), theme.muted));
            facts.push(row);
        }
    };
    let (status, agreement) = status_words(conflict);
    let status_look = status_style(&conflict.status, theme).patch(theme.heading);
    fact("Status", vec![Span::styled(status, status_look)]);
    if let Some(agreement) = agreement {
        fact(
            "Agreed",
            vec![Span::styled(agreement.to_string(), theme.text)],
        );
    }
    fact("Owner", vec![owner_span(theme, conflict)]);
    fact(
        "Partners",
        partner_cell(session, theme, &conflict.partners, usize::from(width)),
    );
    let items = items_text(session, conflict);
    if !items.is_empty() {
        fact("Items", vec![Span::styled(items.join("; "), theme.text)]);
    }
    frame.render_widget(Paragraph::new(facts), right);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{History, ItemId, ItemRef, NewPartner, PartnershipType, sample};
    use crate::tui::form::FieldKind;
    use crate::tui::stages::testing::{
        ctx, draw_stage, find, form, key, proceed, rows, set_text, submit_edit, time_frames,
    };
    use chrono::Utc;
    use ratatui::buffer::Buffer;

    /// A session with the most partners a session can have, named so their first words
    /// differ.
    fn eight_partners() -> History {
        let names = [
            "Acme Robotics",
            "Globex Integration",
            "Initech Vision",
            "Umbrella Systems",
            "Hooli Cloud",
            "Vandelay Imports",
            "Soylent Foods",
            "Wonka Industries",
        ];
        let partners = names
            .iter()
            .zip(1..)
            .map(|(name, id)| NewPartner {
                id: PartnerId(id),
                name: (*name).to_string(),
                brings: String::new(),
            })
            .collect();
        History::create(
            Utc::now(),
            Change::Created {
                title: "Eight-way consortium".to_string(),
                moderator: "Dana".to_string(),
                kind: PartnershipType::RdConsortium,
                partners,
                roles: Vec::new(),
            },
        )
        .expect("session")
    }

    fn record(history: &mut History, changes: Vec<Change>) {
        for change in changes {
            history.record(Utc::now(), change).expect("change applies");
        }
    }

    fn conflict(
        history: &History,
        description: &str,
        severity: Severity,
        status: ConflictStatus,
    ) -> Conflict {
        Conflict {
            id: history.session().fresh_id(),
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::Territory,
            partners: history.session().partners.iter().map(|p| p.id).collect(),
            items: Vec::new(),
            description: description.to_string(),
            severity,
            status,
            owner: String::new(),
        }
    }

    fn add(history: &mut History, conflict: Conflict) -> ItemId {
        let id = conflict.id;
        record(history, vec![Change::ConflictAdded { conflict }]);
        id
    }

    fn add_open(history: &mut History, description: &str, severity: Severity) -> ItemId {
        let c = conflict(history, description, severity, ConflictStatus::Open);
        add(history, c)
    }

    fn draw(screen: &ConflictsScreen, session: &Session, w: u16, h: u16) -> Buffer {
        draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    fn press(screen: &mut ConflictsScreen, session: &Session, code: KeyCode) -> Option<Intent> {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()))
    }

    fn option(intent: Option<Intent>, key: char) -> Intent {
        match intent {
            Some(Intent::Confirm(confirm)) => {
                confirm
                    .options
                    .into_iter()
                    .find(|o| o.key == key)
                    .unwrap_or_else(|| panic!("no option {key}"))
                    .then
            }
            _ => panic!("expected a confirmation"),
        }
    }

    fn option_keys(intent: &Option<Intent>) -> String {
        match intent {
            Some(Intent::Confirm(confirm)) => confirm.options.iter().map(|o| o.key).collect(),
            _ => panic!("expected a confirmation"),
        }
    }

    fn set_choice(form: &mut Form, field: usize, to: usize) {
        match &mut form.fields[field].kind {
            FieldKind::Choice { selected, .. } => *selected = to,
            FieldKind::Text(_) => panic!("field {field} is text"),
        }
    }

    fn choice_labels(form: &Form, field: usize) -> Vec<String> {
        match &form.fields[field].kind {
            FieldKind::Choice { options, .. } => options.clone(),
            FieldKind::Text(_) => panic!("field {field} is text"),
        }
    }

    #[test]
    fn sample_session_shows_counts_and_settled_conflicts_muted() {
        let history = proceed();
        let buf = draw(&ConflictsScreen::default(), history.session(), 80, 24);
        let text = rows(&buf).join("\n");
        assert!(
            rows(&buf)[0].starts_with("0 open · 3 settled · 0 deal-breakers"),
            "{text}"
        );
        assert!(text.contains("resolved: "), "{text}");
        assert!(text.contains("accepted risk"), "{text}");
        // The two resolved conflicts sit below the accepted risk, and look settled.
        let (y, x) = find(&buf, "!! high").expect("a high conflict is listed");
        assert_eq!(buf[(x, y)].style().fg, Theme::dark().muted.fg);
        // The first row is selected, with a pointer as well as the selection colour.
        let (y, x) = find(&buf, "▶ ").expect("a pointer");
        assert_eq!(buf[(x, y)].style().bg, Theme::dark().selected.bg);
        assert!(rows(&buf)[usize::from(y)].contains("! medium"));
    }

    #[test]
    fn open_conflicts_come_first_most_severe_on_top() {
        let mut history = proceed();
        add_open(&mut history, "Who sets the list price", Severity::Low);
        add_open(&mut history, "Both claim the Nordics", Severity::Critical);
        add_open(&mut history, "Roadmap say", Severity::High);
        let buf = draw(&ConflictsScreen::default(), history.session(), 160, 45);
        let text = rows(&buf).join("\n");
        assert!(
            rows(&buf)[0].starts_with("3 open (1 critical, 1 high) · 3 settled · 0 deal-breakers"),
            "{text}"
        );
        let row = |needle| find(&buf, needle).expect(needle).0;
        assert!(row("Both claim the Nordics") < row("Roadmap say"));
        assert!(row("Roadmap say") < row("Who sets the list price"));
        assert!(row("Who sets the list price") < row("Who owns connectors"));
        // Open conflicts are not muted; their severity has its own style.
        let (y, x) = find(&buf, "· low").expect("low");
        assert_eq!(
            buf[(x, y)].style().fg,
            Theme::dark().severity(Severity::Low).fg
        );
        let (y, x) = find(&buf, "!! high").expect("high");
        assert_eq!(buf[(x, y)].style().fg, Theme::dark().bad.fg);
    }

    #[test]
    fn detected_conflicts_show_their_rule_in_muted_text() {
        let mut history = proceed();
        let mut c = conflict(
            &history,
            "Two partners accountable for one role",
            Severity::High,
            ConflictStatus::Open,
        );
        c.origin = ConflictOrigin::Detected {
            rule: "double-accountable".to_string(),
            key: "role-4".to_string(),
        };
        c.category = ConflictCategory::Roles;
        add(&mut history, c);
        for (w, h) in [(80, 24), (160, 45)] {
            let buf = draw(&ConflictsScreen::default(), history.session(), w, h);
            let (y, x) =
                find(&buf, "double-accountable").unwrap_or_else(|| panic!("rule shown at {w}×{h}"));
            assert_eq!(buf[(x, y)].style().fg, Theme::dark().muted.fg);
        }
    }

    #[test]
    fn empty_session_says_what_to_check_and_how_to_add() {
        let history = sample::example_pass().expect("sample");
        let buf = draw(&ConflictsScreen::default(), history.session(), 80, 24);
        let text = rows(&buf).join(" ");
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("0 open · 0 settled · 0 deal-breakers"),
            "{words}"
        );
        assert!(
            words.contains(
                "No conflicts recorded. Check territory, product direction, account leadership, \
                 IP ownership, pricing and margin sharing — press a to add one."
            ),
            "{words}"
        );
        // Keys that need a conflict do nothing.
        let mut screen = ConflictsScreen::default();
        for code in [KeyCode::Enter, KeyCode::Char('s'), KeyCode::Char('d')] {
            assert!(press(&mut screen, history.session(), code).is_none());
        }
    }

    #[test]
    fn add_form_records_an_open_moderator_conflict() {
        let mut history = proceed();
        let mut screen = ConflictsScreen::default();
        let mut form = form(press(&mut screen, history.session(), KeyCode::Char('a')));
        assert_eq!(form.title, "New conflict");
        assert_eq!(
            (form.on_submit)(&form, history.session()),
            Err("describe the conflict in a few words".to_string())
        );
        assert_eq!(choice_labels(&form, 1).len(), ConflictCategory::ALL.len());
        assert_eq!(
            choice_labels(&form, 2),
            ["low", "medium", "high", "critical"]
        );
        assert_eq!(choice_labels(&form, 3), ["all partners"]);
        set_text(&mut form, 0, "Both want to run the Nordic accounts");
        set_choice(&mut form, 1, 2); // account leadership
        set_choice(&mut form, 2, 3); // critical
        set_text(&mut form, 4, "Helen Marsh");
        let fresh = history.session().fresh_id();
        let changes = (form.on_submit)(&form, history.session()).expect("valid");
        let expected = Conflict {
            id: fresh,
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::AccountLeadership,
            partners: vec![PartnerId(1), PartnerId(2)],
            items: Vec::new(),
            description: "Both want to run the Nordic accounts".to_string(),
            severity: Severity::Critical,
            status: ConflictStatus::Open,
            owner: "Helen Marsh".to_string(),
        };
        assert_eq!(
            changes,
            vec![Change::ConflictAdded {
                conflict: expected.clone()
            }]
        );
        record(&mut history, changes);
        assert_eq!(history.session().conflict(fresh), Some(&expected));
        // The new open conflict is listed first.
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(
            rows(&buf)[3].contains("!!! critical"),
            "{}",
            rows(&buf).join("\n")
        );
    }

    #[test]
    fn pairs_of_partners_are_offered_when_there_are_more_than_two() {
        let history = eight_partners();
        let mut screen = ConflictsScreen::default();
        let mut form = form(press(&mut screen, history.session(), KeyCode::Char('a')));
        let labels = choice_labels(&form, 3);
        assert_eq!(labels.len(), 1 + 28);
        assert_eq!(labels[1], "Acme Robotics & Globex Integration");
        let last = labels.len() - 1;
        assert_eq!(labels[last], "Soylent Foods & Wonka Industries");
        set_text(&mut form, 0, "Both sell cold storage");
        set_choice(&mut form, 3, last);
        let changes = (form.on_submit)(&form, history.session()).expect("valid");
        match &changes[..] {
            [Change::ConflictAdded { conflict }] => {
                assert_eq!(conflict.partners, vec![PartnerId(7), PartnerId(8)]);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn enter_edits_the_selected_conflict_and_keeps_its_identity() {
        let mut history = proceed();
        let mut screen = ConflictsScreen::default();
        // First in the list: the accepted risk (the two others are resolved).
        let mut form = form(press(&mut screen, history.session(), KeyCode::Enter));
        assert_eq!(form.title, "Edit conflict");
        assert_eq!(
            form.value(0),
            "A 30% discount cap leaves little room for a 35% services margin"
        );
        assert_eq!(form.selected(2), 1, "medium");
        assert_eq!(form.value(4), "Sam Reyes");
        let before = history
            .session()
            .conflicts
            .iter()
            .find(|c| c.status == ConflictStatus::AcceptedRisk)
            .cloned()
            .expect("accepted risk");
        set_text(&mut form, 0, "Discount cap and services margin collide");
        set_choice(&mut form, 2, 2);
        let changes = (form.on_submit)(&form, history.session()).expect("valid");
        let after = Conflict {
            description: "Discount cap and services margin collide".to_string(),
            severity: Severity::High,
            ..before.clone()
        };
        assert_eq!(
            changes,
            vec![Change::ConflictEdited {
                conflict: after.clone()
            }]
        );
        record(&mut history, changes);
        assert_eq!(history.session().conflict(before.id), Some(&after));
    }

    #[test]
    fn editing_a_detected_conflict_keeps_its_partners_and_origin() {
        let mut history = eight_partners();
        let mut c = conflict(
            &history,
            "Globex expects Acme to fill its gap",
            Severity::Medium,
            ConflictStatus::Open,
        );
        c.partners = vec![PartnerId(2)];
        c.origin = ConflictOrigin::Detected {
            rule: "hole-filled-by-partner".to_string(),
            key: "hole-9".to_string(),
        };
        let id = add(&mut history, c.clone());
        let mut screen = ConflictsScreen::default();
        let mut form = form(press(&mut screen, history.session(), KeyCode::Enter));
        let labels = choice_labels(&form, 3);
        assert_eq!(labels[form.selected(3)], "as recorded: Globex Integration");
        set_text(&mut form, 4, "Helen");
        let changes = (form.on_submit)(&form, history.session()).expect("valid");
        record(&mut history, changes);
        let now = history.session().conflict(id).expect("still there");
        assert_eq!(now.partners, vec![PartnerId(2)]);
        assert_eq!(now.origin, c.origin);
        assert_eq!(now.owner, "Helen");
    }

    #[test]
    fn settling_as_resolved_asks_for_the_agreement() {
        let mut history = proceed();
        let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
        let mut screen = ConflictsScreen::default();
        let settle = press(&mut screen, history.session(), KeyCode::Char('s'));
        // Reopening an open conflict would change nothing, so it is not offered.
        assert_eq!(option_keys(&settle), "rkb");
        let editor = option(settle, 'r');
        assert_eq!(
            submit_edit(
                option(
                    press(&mut screen, history.session(), KeyCode::Char('s')),
                    'r'
                ),
                "  ",
                history.session()
            ),
            Err("write down what the partners agreed".to_string())
        );
        let changes = submit_edit(
            editor,
            "Globex leads in the Nordics until 2028",
            history.session(),
        )
        .expect("valid");
        record(&mut history, changes);
        let c = history.session().conflict(id).expect("conflict");
        assert_eq!(
            c.status,
            ConflictStatus::Resolved {
                agreement: "Globex leads in the Nordics until 2028".to_string()
            }
        );
        assert_eq!(history.session().agreements().count(), 3);
        let buf = draw(&screen, history.session(), 160, 45);
        let text = rows(&buf).join("\n");
        assert!(text.contains("resolved: Globex le"), "{text}");
    }

    #[test]
    fn accepting_a_risk_without_an_owner_asks_who_owns_it() {
        let mut history = proceed();
        let id = add_open(
            &mut history,
            "Margins are thin in year one",
            Severity::Medium,
        );
        let mut screen = ConflictsScreen::default();
        let ask = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'k',
        );
        assert!(
            matches!(&ask, Intent::Edit { title, .. } if title.starts_with("Who owns this risk?"))
        );
        let changes = submit_edit(ask, "Sam Reyes", history.session()).expect("valid");
        record(&mut history, changes);
        let c = history.session().conflict(id).expect("conflict");
        assert_eq!(c.status, ConflictStatus::AcceptedRisk);
        assert_eq!(c.owner, "Sam Reyes");

        // With an owner named, accepting the risk is recorded straight away.
        let id = {
            let mut c = conflict(
                &history,
                "Delivery capacity is tight",
                Severity::Low,
                ConflictStatus::Open,
            );
            c.owner = "Jorge".to_string();
            add(&mut history, c)
        };
        let mut screen = ConflictsScreen::default();
        match option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'k',
        ) {
            Intent::Record(changes) => record(&mut history, changes),
            _ => panic!("expected a record"),
        }
        assert_eq!(
            history.session().conflict(id).map(|c| &c.status),
            Some(&ConflictStatus::AcceptedRisk)
        );
    }

    #[test]
    fn a_deal_breaker_is_counted_and_can_be_reopened() {
        let mut history = proceed();
        let id = add_open(&mut history, "Exclusivity in Germany", Severity::Critical);
        let mut screen = ConflictsScreen::default();
        match option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'b',
        ) {
            Intent::Record(changes) => record(&mut history, changes),
            _ => panic!("expected a record"),
        }
        assert!(history.session().has_deal_breaker());
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(
            rows(&buf)[0].starts_with("0 open · 3 settled · 1 deal-breaker"),
            "{}",
            rows(&buf)[0]
        );
        let (y, x) = find(&buf, "✖ deal-breaker").expect("marked");
        // Settled conflicts are muted, but a deal-breaker keeps its warning.
        assert_ne!(buf[(x, y)].style().fg, Theme::dark().muted.fg);

        let settle = press(&mut screen, history.session(), KeyCode::Char('s'));
        assert_eq!(option_keys(&settle), "rko");
        match option(settle, 'o') {
            Intent::Record(changes) => record(&mut history, changes),
            _ => panic!("expected a record"),
        }
        assert_eq!(
            history.session().conflict(id).map(|c| &c.status),
            Some(&ConflictStatus::Open)
        );
    }

    #[test]
    fn delete_asks_first_and_names_the_conflict() {
        let mut history = proceed();
        let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
        let mut screen = ConflictsScreen::default();
        let confirm = press(&mut screen, history.session(), KeyCode::Char('d'));
        match &confirm {
            Some(Intent::Confirm(c)) => {
                assert!(
                    c.lines[0].contains("'Both claim the Nordics'"),
                    "{:?}",
                    c.lines
                );
            }
            _ => panic!("expected a confirmation"),
        }
        match option(confirm, 'y') {
            Intent::Record(changes) => {
                assert_eq!(changes, vec![Change::ConflictRemoved { id }]);
                record(&mut history, changes);
            }
            _ => panic!("expected a record"),
        }
        assert!(history.session().conflict(id).is_none());
    }

    #[test]
    fn wide_screens_show_the_detail_beside_the_list_with_linked_items() {
        let mut history = proceed();
        let interest = history.session().interests[0].id;
        let role = history.session().roles[0].id;
        let mut c = conflict(
            &history,
            "Account leadership overlaps",
            Severity::High,
            ConflictStatus::Open,
        );
        c.items = vec![ItemRef::Interest(interest), ItemRef::Role(role)];
        c.owner = "Priya Raman".to_string();
        add(&mut history, c);
        let buf = draw(&ConflictsScreen::default(), history.session(), 160, 45);
        let text = rows(&buf).join("\n");
        let (panel_y, panel_x) = find(&buf, "Selected conflict").expect("panel");
        assert!(panel_x >= 90, "panel at column {panel_x}");
        let (y, x) = find(&buf, "• Northwind Analytics: 'Keep the direct").expect(&text);
        assert!(x > panel_x && y > panel_y);
        let role_name = &history.session().roles[0].name;
        assert!(text.contains(&format!("• role '{role_name}'")), "{text}");
        assert!(text.contains("Items involved"));
        // At 80 columns the detail goes under the list instead.
        let buf = draw(&ConflictsScreen::default(), history.session(), 80, 24);
        let (rule_y, _) = find(&buf, "── !! high · territory").expect("compact panel");
        let (list_y, _) = find(&buf, "▶ !! high").expect("selected row");
        assert!(rule_y > list_y);
        assert!(rows(&buf).join("\n").contains("Owner    Priya Raman"));
    }

    #[test]
    fn with_eight_partners_the_selected_conflict_names_them_in_their_colours() {
        let mut history = eight_partners();
        for n in 0..5 {
            add_open(
                &mut history,
                &format!("Everyone wants region {n}"),
                Severity::Low,
            );
        }
        let mut c = conflict(
            &history,
            "Soylent and Wonka both own the cold chain",
            Severity::Critical,
            ConflictStatus::Open,
        );
        c.partners = vec![PartnerId(7), PartnerId(8)];
        add(&mut history, c);
        let mut c = conflict(
            &history,
            "Acme and Globex both sell robots",
            Severity::High,
            ConflictStatus::Open,
        );
        c.partners = vec![PartnerId(1), PartnerId(2)];
        add(&mut history, c);
        let buf = draw(&ConflictsScreen::default(), history.session(), 80, 24);
        let text = rows(&buf).join("\n");
        assert!(text.contains("all partners"), "{text}");
        // Rows not selected show each partner in its colour.
        let (y, x) = find(&buf, "Acme & Globex").expect(&text);
        assert_eq!(buf[(x, y)].style().fg, Theme::dark().partner(0).fg);
        assert_eq!(buf[(x + 7, y)].style().fg, Theme::dark().partner(1).fg);
        // The critical one is first and selected; the compact panel names the partners.
        let theme = Theme::dark();
        // The row is selected, so its colours give way to the selection; the panel
        // below keeps them.
        let (y, x) = find(&buf, "Partners Soylent & Wonka").expect(&text);
        assert_eq!(buf[(x + 9, y)].style().fg, theme.partner(6).fg);
        assert_eq!(buf[(x + 19, y)].style().fg, theme.partner(7).fg);
        // Beside the list the panel has room for the full names.
        let buf = draw(&ConflictsScreen::default(), history.session(), 160, 45);
        let text = rows(&buf).join("\n");
        let (y, x) = find(&buf, "Soylent Foods & Wonka Industries").expect(&text);
        assert!(x > 90, "in the side panel");
        assert_eq!(buf[(x, y)].style().fg, theme.partner(6).fg);
        assert_eq!(buf[(x + 16, y)].style().fg, theme.partner(7).fg);
    }

    #[test]
    fn long_lists_scroll_to_keep_the_cursor_in_view() {
        let mut history = proceed();
        for n in 0..60 {
            add_open(
                &mut history,
                &format!("Conflict number {n:02}"),
                Severity::Medium,
            );
        }
        let mut screen = ConflictsScreen::default();
        press(&mut screen, history.session(), KeyCode::End);
        let buf = draw(&screen, history.session(), 80, 24);
        let text = rows(&buf).join("\n");
        // Settled conflicts come last; the last of them is the second resolved one.
        let (y, _) = find(&buf, "▶ !! high").expect(&text);
        assert!(
            rows(&buf)[usize::from(y) + 1].contains("Who owns connectors"),
            "{text}"
        );
        assert!(rows(&buf)[0].contains("↑ "), "{text}");
        assert!(!rows(&buf)[0].contains("↓ "), "{text}");
        for _ in 0..62 {
            press(&mut screen, history.session(), KeyCode::Char('k'));
        }
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(find(&buf, "▶ ! medium").is_some());
        assert!(rows(&buf).join("\n").contains("Conflict number 00"));
        assert!(rows(&buf)[0].contains("↓ "));
    }

    #[test]
    fn tiny_and_odd_sizes_never_panic() {
        let mut history = proceed();
        add_open(
            &mut history,
            "世界 wide text 👨‍👩‍👧 and a very long description that wraps",
            Severity::High,
        );
        let empty = sample::example_pass().expect("sample");
        let mut screen = ConflictsScreen::default();
        press(&mut screen, history.session(), KeyCode::End);
        for (w, h) in [
            (0, 0),
            (1, 1),
            (20, 5),
            (2, 30),
            (40, 10),
            (119, 12),
            (120, 6),
            (300, 80),
        ] {
            draw(&screen, history.session(), w, h);
            draw(&screen, empty.session(), w, h);
        }
        // A cursor left beyond the list by a deletion elsewhere is clamped.
        let mut far = ConflictsScreen { cursor: 500 };
        draw(&far, history.session(), 80, 24);
        assert!(press(&mut far, history.session(), KeyCode::Enter).is_some());
    }

    #[test]
    fn a_thousand_conflicts_render_quickly() {
        let mut history = proceed();
        let mut changes = Vec::new();
        let first = history.session().fresh_id().0;
        for n in 0..1000u32 {
            let mut c = conflict(
                &history,
                &format!("Conflict {n} about territory and pricing in the region"),
                Severity::ALL[(n % 4) as usize],
                ConflictStatus::Open,
            );
            c.id = ItemId(first + n);
            changes.push(Change::ConflictAdded { conflict: c });
        }
        record(&mut history, changes);
        let screen = ConflictsScreen { cursor: 500 };
        let (each, _) = time_frames(200, 50, history.session(), 10, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        // Generous for unoptimised test builds; a release build is far below 2 ms.
        assert!(each.as_millis() < 40, "{each:?} per frame");
    }

    #[test]
    fn footer_and_help_name_the_keys() {
        let keys: Vec<&str> = ConflictsScreen::default()
            .footer_keys()
            .iter()
            .map(|k| k.0)
            .collect();
        assert!(keys.len() >= 3 && keys.len() <= 6);
        for key in ["a", "Enter", "s", "d"] {
            assert!(keys.contains(&key));
            assert!(KEYS.iter().any(|k| k.keys.contains(key)));
        }
    }
}
