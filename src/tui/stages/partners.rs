//! Who is in the room: the partners side by side, what each brings, and the people
//! representing it with their function. Reached with `p` from any stage; it is not a
//! stage itself, so leaving it returns to the stage on the wall.
//!
//! Functions matter later: disclosure coverage counts which functions of each partner
//! put interests on the table, so a representative's function is asked for every time.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::change::{MAX_PARTNERS, same_name};
use crate::domain::{Change, Function, Partner, PartnerId, Representative, Session};
use crate::tui::editor::EditorMode;
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, Intent};
use crate::tui::theme::Theme;
use crate::tui::widgets::{KeyHelp, display_width, truncate_to_width};

use super::columns::{
    FOCUS_GUTTER, column_row, partner_columns, render_more_hints, render_separator,
};
use super::text::{clip_rows, one_line, wrap_text};
use super::{
    FocusCard, StageCtx, draw_lines, is_chord, mark_changed, scroll_offset, take_bottom, take_top,
};
use crate::domain::timeline::Changed;

/// Every key of the partners screen, for the help overlay.
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "← →  h l",
        what: "move between partners",
    },
    KeyHelp {
        keys: "↑ ↓  j k",
        what: "move between name, what it brings and representatives",
    },
    KeyHelp {
        keys: "Enter",
        what: "edit the name, what it brings, or a representative",
    },
    KeyHelp {
        keys: "a",
        what: "add a representative to this partner",
    },
    KeyHelp {
        keys: "d",
        what: "remove the representative under the cursor",
    },
    KeyHelp {
        keys: "A",
        what: "add a partner",
    },
    KeyHelp {
        keys: "D",
        what: "remove this partner (only while nothing is recorded for it)",
    },
    KeyHelp {
        keys: "Esc",
        what: "back to the stage",
    },
];

/// Heading of the screen; the way back is part of it because this screen is a detour.
const HINT: &str = "Who is in the room — Esc or p to go back";

/// 26 cells fit three partners side by side at 80 columns, and a name with a function.
const MIN_COLUMN_WIDTH: u16 = 26;

/// What a partner brings is one line by nature; on a narrow column it may wrap, but it
/// never takes more than this many rows from the representatives.
const MAX_BRINGS_ROWS: usize = 3;

/// Cells taken from a column's width by the focus gutter (two) and a right margin (one).
const COLUMN_CHROME: usize = FOCUS_GUTTER + 1;

/// Cursor state of the partners screen. Row 0 is the partner's name, row 1 what it
/// brings, rows 2.. its representatives in order.
#[derive(Debug, Default, Clone)]
pub struct PartnersScreen {
    partner: usize,
    row: usize,
}

/// What the cursor is on, resolved against the session as it is now.
enum Target<'s> {
    Name(&'s Partner),
    Brings(&'s Partner),
    Representative(&'s Partner, &'s Representative),
}

impl PartnersScreen {
    /// Pulls the cursor back inside the session, which may have lost partners or
    /// representatives since the last key.
    fn clamp(&mut self, session: &Session) {
        self.partner = self.partner.min(session.partners.len().saturating_sub(1));
        let rows = session
            .partners
            .get(self.partner)
            .map_or(1, |p| 2 + p.representatives.len());
        self.row = self.row.min(rows - 1);
    }

    fn target<'s>(&self, session: &'s Session) -> Option<Target<'s>> {
        let partner = session.partners.get(self.partner)?;
        Some(match self.row {
            0 => Target::Name(partner),
            1 => Target::Brings(partner),
            n => Target::Representative(partner, partner.representatives.get(n - 2)?),
        })
    }

    /// Keys not handled globally. Cursor moves return `None`: they change only this
    /// screen's state, and the app redraws after every key anyway.
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        if is_chord(&key) {
            return None;
        }
        let session = ctx.session;
        self.clamp(session);
        match key.code {
            KeyCode::Left | KeyCode::Char('h') => {
                self.partner = self.partner.saturating_sub(1);
                self.clamp(session);
                None
            }
            KeyCode::Right | KeyCode::Char('l') => {
                self.partner += 1;
                self.clamp(session);
                None
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.row = self.row.saturating_sub(1);
                None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.row += 1;
                self.clamp(session);
                None
            }
            KeyCode::Esc => Some(Intent::GoTo(session.current)),
            KeyCode::Enter => match self.target(session)? {
                Target::Name(partner) => Some(rename(partner)),
                Target::Brings(partner) => Some(edit_brings(partner)),
                Target::Representative(partner, rep) => Some(edit_representative(partner, rep)),
            },
            KeyCode::Char('a') => {
                let partner = session.partners.get(self.partner)?;
                Some(add_representative(partner))
            }
            KeyCode::Char('d') => match self.target(session)? {
                Target::Representative(partner, rep) => Some(remove_representative(partner, rep)),
                _ => Some(Intent::Status(
                    "d removes a representative: move down to one first (D removes the partner)"
                        .to_string(),
                )),
            },
            KeyCode::Char('A') => Some(add_partner(session)),
            KeyCode::Char('D') => {
                let partner = session.partners.get(self.partner)?;
                Some(remove_partner(partner))
            }
            _ => None,
        }
    }

    /// The keys that matter most for the item under the cursor.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        match self.row {
            0 => vec![
                ("Enter", "rename"),
                ("a", "add representative"),
                ("A", "add partner"),
                ("D", "remove partner"),
                ("Esc", "back"),
            ],
            1 => vec![
                ("Enter", "edit what it brings"),
                ("a", "add representative"),
                ("A", "add partner"),
                ("Esc", "back"),
            ],
            _ => vec![
                ("Enter", "edit"),
                ("d", "remove"),
                ("a", "add representative"),
                ("A", "add partner"),
                ("Esc", "back"),
            ],
        }
    }

    /// The item under the cursor for focus mode: the partner (on its name or what it
    /// brings) with everyone representing it, or the representative under the cursor.
    /// `None` only when the session has no partners.
    pub fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let session = ctx.session;
        let mut cursor = self.clone();
        cursor.clamp(session);
        let index = cursor.partner;
        Some(match cursor.target(session)? {
            Target::Name(partner) => partner_card(partner, index, false, session, ctx.theme),
            Target::Brings(partner) => partner_card(partner, index, true, session, ctx.theme),
            Target::Representative(partner, rep) => {
                representative_card(partner, index, rep, ctx.theme)
            }
        })
    }

    /// Draws the hint line on top and one column per partner below it.
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let session = ctx.session;
        let theme = ctx.theme;
        let roomy = area.height >= 14;

        let (hint_row, rest) = take_top(area, 1);
        render_hint(frame, hint_row, session, theme);
        let (_, rest) = take_top(rest, u16::from(roomy));

        let count = session.partners.len();
        let focus = self.partner.min(count.saturating_sub(1));
        let window = partner_columns(rest, count, focus, MIN_COLUMN_WIDTH);
        let hidden = window.hidden_left + window.hidden_right > 0;
        let (columns_area, more_row) = if hidden {
            take_bottom(rest, 1)
        } else {
            (rest, Rect::default())
        };

        let columns: Vec<(usize, Rect, &Partner, Vec<String>)> = window
            .columns
            .iter()
            .filter_map(|(index, rect)| {
                let partner = session.partners.get(*index)?;
                let area = Rect {
                    height: columns_area.height,
                    ..*rect
                }
                .intersection(columns_area);
                let width = usize::from(area.width).saturating_sub(COLUMN_CHROME);
                let brings = if partner.brings.trim().is_empty() {
                    Vec::new()
                } else {
                    wrap_text(&partner.brings, u16::try_from(width).unwrap_or(0))
                };
                Some((*index, area, partner, brings))
            })
            .collect();
        // One row count for every visible column, so "Representatives" sits on the same
        // row everywhere and the lists can be compared across.
        let brings_rows = columns
            .iter()
            .map(|(_, _, _, rows)| rows.len().max(1))
            .max()
            .unwrap_or(1)
            .min(MAX_BRINGS_ROWS);
        let mut previous_rows = 0;
        let mut shown_partners = 0;
        let (mut brings_hidden, mut reps_hidden, mut names_cut) = (0, 0, 0);
        // Another partner's column shows the top of its list: reaching the rest means
        // moving into that column first.
        let (mut reps_elsewhere, mut brings_elsewhere) = (false, false);
        for (n, (index, area, partner, brings)) in columns.into_iter().enumerate() {
            let column = Column {
                partner,
                index,
                area,
                cursor: (index == focus).then_some(self.row),
                brings,
                brings_rows,
                roomy,
                highlight: ctx.highlight,
            };
            let (rows, fit) = column.render(frame, theme);
            if let Some(fit) = fit {
                shown_partners += 1;
                brings_hidden += fit.brings;
                names_cut += fit.names_cut;
                reps_hidden += fit.representatives;
                reps_elsewhere |= index != focus && fit.representatives > 0;
                brings_elsewhere |= index != focus && fit.brings > 0;
            }
            if n > 0 {
                // The separator runs as far as the longer of its two neighbours, so a
                // tall screen shows no long empty rails.
                let height = previous_rows.max(rows);
                render_separator(frame, area, height, columns_area, theme);
            }
            previous_rows = rows;
        }
        // Counted from the columns drawn: a screen too short for any column hides every
        // partner, although the window laid them out.
        ctx.fit
            .hide(count.saturating_sub(shown_partners), "partners", "←→");
        let reps_keys = if reps_elsewhere {
            "↑↓ ←→"
        } else {
            "↑↓"
        };
        ctx.fit.hide(reps_hidden, "representatives", reps_keys);
        // No key scrolls what a partner brings; focus mode shows it whole, for the
        // partner under the cursor.
        let brings_keys = if brings_elsewhere { "←→ z" } else { "z" };
        ctx.fit
            .hide(brings_hidden, "lines of what partners bring", brings_keys);
        // Focus mode shows the partner or the person under the cursor in full.
        ctx.fit.hide(names_cut, "names cut short", "↑↓ ←→ z");
        if hidden {
            render_more_hints(
                frame,
                more_row,
                window.hidden_left,
                window.hidden_right,
                theme,
            );
        }
    }
}

fn render_hint(frame: &mut Frame, row: Rect, session: &Session, theme: &Theme) {
    if row.is_empty() {
        return;
    }
    let width = usize::from(row.width);
    frame.render_widget(
        Paragraph::new(Span::styled(truncate_to_width(HINT, width), theme.muted)),
        row,
    );
    let count = format!(
        "{} partners · at most {MAX_PARTNERS}",
        session.partners.len()
    );
    // The count is a side note: it only appears when it cannot crowd the hint.
    if display_width(HINT) + display_width(&count) + 4 <= width {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(count, theme.muted)).right_aligned()),
            row,
        );
    }
}

/// One visible partner column.
struct Column<'s> {
    partner: &'s Partner,
    index: usize,
    area: Rect,
    /// The cursor's row when the cursor is in this column.
    cursor: Option<usize>,
    /// What the partner brings, wrapped to the column (empty when not said).
    brings: Vec<String>,
    /// Rows every visible column gives to what the partner brings.
    brings_rows: usize,
    roomy: bool,
    /// What a replayed event just changed, marked when it is this partner or one of its
    /// representatives.
    highlight: Option<&'s Changed>,
}

/// What one drawn column could not show.
struct ColumnFit {
    /// Rows of what the partner brings, cut by the row limit or the column's bottom.
    brings: usize,
    representatives: usize,
    /// The partner's name and representatives in view that were cut to the width.
    names_cut: usize,
}

impl Column<'_> {
    /// Draws the column; returns how many rows it filled and what did not fit, or no
    /// fit at all when the column had no room to be drawn.
    fn render(&self, frame: &mut Frame, theme: &Theme) -> (u16, Option<ColumnFit>) {
        let area = self.area;
        if area.is_empty() {
            return (0, None);
        }
        let width = usize::from(area.width);
        let text_width = width.saturating_sub(COLUMN_CHROME);
        let colour = theme.partner(self.index);
        let focused = |row: usize| self.cursor == Some(row);
        let mut lines: Vec<Line> = Vec::with_capacity(usize::from(area.height));

        let mut names_cut = usize::from(display_width(&self.partner.name) > text_width);
        let mut name = column_row(
            &[(&self.partner.name, colour)],
            text_width,
            focused(0),
            theme,
        );
        if !focused(0) && self.highlight == Some(&Changed::Partner(self.partner.id)) {
            mark_changed(&mut name, theme);
        }
        lines.push(name);
        lines.push(Line::from(Span::styled(
            format!("  {}", "─".repeat(text_width)),
            colour,
        )));
        if self.roomy {
            lines.push(Line::default());
        }

        lines.push(column_row(
            &[("What it brings", theme.muted)],
            text_width,
            focused(1),
            theme,
        ));
        if self.brings.is_empty() {
            let hint = if focused(1) {
                "not said yet — press Enter"
            } else {
                "not said yet"
            };
            lines.push(column_row(&[(hint, theme.muted)], text_width, false, theme));
        }
        // What the partner brings starts here; rows below the column's bottom are lost.
        let brings_on_screen = self
            .brings
            .len()
            .min(self.brings_rows)
            .min(usize::from(area.height).saturating_sub(lines.len()));
        if !self.brings.is_empty() {
            for row in clip_rows(self.brings.clone(), self.brings_rows, text_width) {
                lines.push(column_row(&[(&row, theme.text)], text_width, false, theme));
            }
        }
        let used = self.brings.len().clamp(1, self.brings_rows);
        lines.extend(std::iter::repeat_n(
            Line::default(),
            self.brings_rows - used,
        ));
        lines.push(Line::default());

        let reps = &self.partner.representatives;
        let room = usize::from(area.height).saturating_sub(lines.len() + 1);
        let cursor = self.cursor.and_then(|r| r.checked_sub(2)).unwrap_or(0);
        let first = scroll_offset(cursor, reps.len(), room);
        let shown = reps.len().saturating_sub(first).min(room);
        // The heading says which part of a long list is showing, so nobody wonders
        // whether someone is missing.
        let heading = if shown < reps.len() {
            format!(
                "Representatives {}–{} of {}",
                first + 1,
                first + shown,
                reps.len()
            )
        } else {
            format!("Representatives ({})", reps.len())
        };
        lines.push(column_row(
            &[(&heading, theme.muted)],
            text_width,
            false,
            theme,
        ));
        if reps.is_empty() {
            let text = "No representatives yet — press a to add one";
            let wrapped = wrap_text(text, u16::try_from(text_width).unwrap_or(0));
            for row in clip_rows(wrapped, room.max(1), text_width) {
                lines.push(column_row(&[(&row, theme.muted)], text_width, false, theme));
            }
        }
        for (i, rep) in reps.iter().enumerate().skip(first).take(shown) {
            let function = format!(" — {}", rep.function);
            let parts = [
                (rep.name.as_str(), theme.text),
                (function.as_str(), theme.muted),
            ];
            names_cut +=
                usize::from(display_width(&rep.name) + display_width(&function) > text_width);
            let mut line = column_row(&parts, text_width, focused(i + 2), theme);
            let changed = Changed::Representative {
                partner: self.partner.id,
                id: rep.id,
            };
            if !focused(i + 2) && self.highlight == Some(&changed) {
                mark_changed(&mut line, theme);
            }
            lines.push(line);
        }
        let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        draw_lines(frame.buffer_mut(), area, &lines);
        let fit = ColumnFit {
            brings: self.brings.len() - brings_on_screen,
            representatives: reps.len() - shown,
            names_cut,
        };
        (rows, Some(fit))
    }
}

/// What a partner brings as lines for a focus card: the partner's own line breaks kept,
/// or a muted "not said yet".
fn brings_lines(partner: &Partner, theme: &Theme) -> Vec<Line<'static>> {
    let lines: Vec<Line<'static>> = partner
        .brings
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Line::styled(format!("  {l}"), theme.text))
        .collect();
    if lines.is_empty() {
        vec![Line::styled("  not said yet", theme.muted)]
    } else {
        lines
    }
}

/// A partner as focus mode shows it: what it brings and every representative with their
/// function. `on_brings` marks what it brings as the cursor's row.
fn partner_card(
    partner: &Partner,
    index: usize,
    on_brings: bool,
    session: &Session,
    theme: &Theme,
) -> FocusCard {
    let reps = &partner.representatives;
    let mut details = Vec::with_capacity(reps.len() + 6);
    let mark = if on_brings { "▸ " } else { "  " };
    details.push(Line::from(vec![
        Span::styled(mark, theme.accent),
        Span::styled("What it brings", theme.muted),
    ]));
    details.extend(brings_lines(partner, theme));
    details.push(Line::default());
    details.push(Line::styled(
        format!("  Representatives ({})", reps.len()),
        theme.muted,
    ));
    if reps.is_empty() {
        details.push(Line::styled("  None yet — press a to add one", theme.muted));
    }
    for rep in reps {
        details.push(Line::from(vec![
            Span::styled(format!("  {}", rep.name), theme.text),
            Span::styled(format!(" — {}", rep.function), theme.muted),
        ]));
    }
    FocusCard {
        kicker: format!("Partner {} of {}", index + 1, session.partners.len()),
        kicker_style: theme.partner(index),
        title: one_line(&partner.name),
        details,
    }
}

/// A representative as focus mode shows them: their function (which disclosure
/// coverage counts later) and the partner they speak for.
fn representative_card(
    partner: &Partner,
    index: usize,
    rep: &Representative,
    theme: &Theme,
) -> FocusCard {
    let colour = theme.partner(index);
    let mut details = vec![
        Line::from(vec![
            Span::styled("Function: ", theme.muted),
            Span::styled(rep.function.label(), theme.text),
        ]),
        Line::from(vec![
            Span::styled("Represents ", theme.muted),
            Span::styled(partner.name.clone(), colour),
            Span::styled(
                match partner.representatives.len() {
                    1 => ", its only representative".to_string(),
                    n => format!(", one of {n} representatives"),
                },
                theme.muted,
            ),
        ]),
        Line::default(),
        Line::from(vec![
            Span::styled("What ", theme.muted),
            Span::styled(partner.name.clone(), colour),
            Span::styled(" brings", theme.muted),
        ]),
    ];
    details.extend(brings_lines(partner, theme));
    FocusCard {
        kicker: format!("Representative · {}", one_line(&partner.name)),
        kicker_style: colour,
        title: one_line(&rep.name),
        details,
    }
}

fn function_labels() -> Vec<String> {
    Function::ALL
        .iter()
        .map(|f| f.label().to_string())
        .collect()
}

fn function_at(index: usize) -> Function {
    Function::ALL.get(index).copied().unwrap_or(Function::Other)
}

fn function_index(function: Function) -> usize {
    Function::ALL
        .iter()
        .position(|f| *f == function)
        .unwrap_or(0)
}

/// Refuses a partner name that is empty or already taken (as the domain compares names),
/// so the form or
/// editor stays open with the reason instead of failing after it closes.
fn check_name(session: &Session, name: &str, except: Option<PartnerId>) -> Result<(), String> {
    if name.is_empty() {
        return Err("A partner needs a name".to_string());
    }
    let taken = session
        .partners
        .iter()
        .any(|p| Some(p.id) != except && same_name(&p.name, name));
    if taken {
        return Err(format!("There is already a partner called '{name}'"));
    }
    Ok(())
}

fn rename(partner: &Partner) -> Intent {
    let id = partner.id;
    Intent::Edit {
        title: format!("Rename {}", partner.name),
        initial: partner.name.clone(),
        mode: EditorMode::SingleLine,
        on_submit: Box::new(move |text: String, session: &Session| {
            let name = text.trim().to_string();
            if session.partner(id).is_some_and(|p| p.name == name) {
                return Ok(Vec::new());
            }
            check_name(session, &name, Some(id))?;
            Ok(vec![Change::PartnerRenamed { partner: id, name }])
        }),
    }
}

fn edit_brings(partner: &Partner) -> Intent {
    let id = partner.id;
    Intent::Edit {
        title: format!("What {} brings to the table", partner.name),
        initial: partner.brings.clone(),
        mode: EditorMode::SingleLine,
        on_submit: Box::new(move |text: String, session: &Session| {
            let text = text.trim().to_string();
            if session.partner(id).is_some_and(|p| p.brings == text) {
                return Ok(Vec::new());
            }
            Ok(vec![Change::BringsSet { partner: id, text }])
        }),
    }
}

fn add_representative(partner: &Partner) -> Intent {
    let id = partner.id;
    let form = Form::new(
        format!("New representative of {}", partner.name),
        Box::new(move |form: &Form, session: &Session| {
            let name = form.value(0);
            if name.is_empty() {
                return Err("A representative needs a name".to_string());
            }
            let representative = Representative {
                id: session.fresh_id(),
                name,
                function: function_at(form.selected(1)),
            };
            Ok(vec![Change::RepresentativeAdded {
                partner: id,
                representative,
            }])
        }),
    )
    .text("Name", "")
    .choice("Function", function_labels(), 0);
    Intent::Form(form)
}

/// There is no "representative edited" change, so an edit is recorded as the old entry
/// removed and a new one added, in one step so that one undo takes both back.
fn edit_representative(partner: &Partner, rep: &Representative) -> Intent {
    let (partner_id, rep_id) = (partner.id, rep.id);
    let form = Form::new(
        format!("Representative of {}", partner.name),
        Box::new(move |form: &Form, session: &Session| {
            let name = form.value(0);
            if name.is_empty() {
                return Err("A representative needs a name".to_string());
            }
            let function = function_at(form.selected(1));
            let old = session
                .partner(partner_id)
                .and_then(|p| p.representatives.iter().find(|r| r.id == rep_id))
                .ok_or("This representative is no longer in the session")?;
            if old.name == name && old.function == function {
                return Ok(Vec::new());
            }
            Ok(vec![Change::RepresentativeEdited {
                partner: partner_id,
                representative: Representative {
                    id: rep_id,
                    name,
                    function,
                },
            }])
        }),
    )
    .text("Name", &rep.name)
    .choice("Function", function_labels(), function_index(rep.function));
    Intent::Form(form)
}

fn remove_representative(partner: &Partner, rep: &Representative) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Remove representative",
        format!(
            "Remove {} ({}) from {}?",
            rep.name, rep.function, partner.name
        ),
        Intent::Record(vec![Change::RepresentativeRemoved {
            partner: partner.id,
            id: rep.id,
        }]),
    ))
}

fn add_partner(session: &Session) -> Intent {
    let count = session.partners.len();
    if count >= MAX_PARTNERS {
        return Intent::Status(format!(
            "A session can have at most {MAX_PARTNERS} partners, and this one has {count}"
        ));
    }
    let form = Form::new(
        "Add a partner",
        Box::new(|form: &Form, session: &Session| {
            if session.partners.len() >= MAX_PARTNERS {
                return Err(format!(
                    "A session can have at most {MAX_PARTNERS} partners"
                ));
            }
            let name = form.value(0);
            check_name(session, &name, None)?;
            Ok(vec![Change::PartnerAdded {
                partner: session.fresh_partner_id(),
                name,
                brings: form.value(1),
            }])
        }),
    )
    .text("Name", "")
    .text("What it brings", "");
    Intent::Form(form)
}

fn remove_partner(partner: &Partner) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Remove partner",
        format!(
            "Remove {} from the session? This is only possible while nothing has been recorded for it.",
            partner.name
        ),
        Intent::Record(vec![Change::PartnerRemoved {
            partner: partner.id,
        }]),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ApplyError, History, Stage};
    use crate::tui::stages::testing::{at, ctx, draw_stage, form, fresh, proceed, rows};
    use ratatui::buffer::Buffer;
    use ratatui::crossterm::event::KeyModifiers;

    const NORTHWIND: PartnerId = PartnerId(1);
    const GLOBEX: PartnerId = PartnerId(2);

    fn record(history: &mut History, changes: Vec<Change>) -> Result<(), ApplyError> {
        for change in changes {
            history.record(at(), change)?;
        }
        Ok(())
    }

    fn draw(screen: &PartnersScreen, session: &Session, w: u16, h: u16) -> (Vec<String>, Buffer) {
        let buf = draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx));
        (rows(&buf), buf)
    }

    fn key(code: KeyCode) -> KeyEvent {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        KeyEvent::new(code, modifiers)
    }

    fn press(screen: &mut PartnersScreen, session: &Session, code: KeyCode) -> Option<Intent> {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()))
    }

    fn moves(screen: &mut PartnersScreen, session: &Session, codes: &[KeyCode]) {
        for code in codes {
            assert!(
                press(screen, session, *code).is_none(),
                "{code:?} is a move"
            );
        }
    }

    fn type_into(form: &mut Form, text: &str) {
        for c in text.chars() {
            form.handle_key(key(KeyCode::Char(c)));
        }
    }

    fn confirm_yes(intent: Option<Intent>) -> (Confirm, Vec<Change>) {
        let Some(Intent::Confirm(mut confirm)) = intent else {
            panic!("expected a confirmation")
        };
        let yes = confirm.options.remove(0);
        assert_eq!(yes.key, 'y');
        let Intent::Record(changes) = yes.then else {
            panic!("yes should record changes")
        };
        (confirm, changes)
    }

    fn find(screen: &[String], needle: &str) -> Option<(usize, usize)> {
        screen
            .iter()
            .enumerate()
            .find_map(|(y, row)| row.find(needle).map(|b| (y, row[..b].chars().count())))
    }

    #[test]
    fn shows_partners_side_by_side_with_their_people() {
        let history = proceed();
        let (screen, buf) = draw(&PartnersScreen::default(), history.session(), 80, 24);
        let text = screen.join("\n");
        assert!(screen[0].starts_with(HINT), "{text}");
        assert!(screen[0].contains("2 partners · at most 8"), "{text}");
        let (ny, nx) = find(&screen, "Northwind Analytics").unwrap();
        let (gy, gx) = find(&screen, "Globex Integration").unwrap();
        assert_eq!(ny, gy);
        assert!(gx > nx + 20);
        // The focused name is marked and highlighted; the other is in its colour.
        assert!(screen[ny].contains("▸ Northwind Analytics"), "{text}");
        let theme = Theme::dark();
        assert_eq!(
            buf[(u16::try_from(gx).unwrap(), u16::try_from(gy).unwrap())].fg,
            theme.partner(1).fg.unwrap()
        );
        for needle in [
            "What it brings",
            "Real-time analytics platform",
            "Representatives (4)",
            "Priya Raman — executive",
            "Sam Reyes — finance",
        ] {
            assert!(text.contains(needle), "{needle} missing:\n{text}");
        }
        let (py, px) = find(&screen, "Jorge Vidal").unwrap();
        assert!(py > ny && px >= gx, "{text}");
    }

    #[test]
    fn empty_partner_says_what_to_do() {
        let history = fresh(2);
        let (screen, _) = draw(&PartnersScreen::default(), history.session(), 80, 24);
        let text = screen.join("\n");
        assert!(text.contains("not said yet"), "{text}");
        assert!(text.contains("No representatives yet"), "{text}");
        assert!(text.contains("add one"), "{text}");
    }

    #[test]
    fn enter_renames_and_refuses_a_taken_name() {
        let history = proceed();
        let session = history.session();
        let mut screen = PartnersScreen::default();
        moves(&mut screen, session, &[KeyCode::Right]);
        let Some(Intent::Edit {
            initial, on_submit, ..
        }) = press(&mut screen, session, KeyCode::Enter)
        else {
            panic!("expected an editor")
        };
        assert_eq!(initial, "Globex Integration");
        assert!(on_submit("northwind analytics".into(), session).is_err());
        let Some(Intent::Edit { on_submit, .. }) = press(&mut screen, session, KeyCode::Enter)
        else {
            panic!("expected an editor")
        };
        assert_eq!(
            on_submit(" Globex ".into(), session).unwrap(),
            vec![Change::PartnerRenamed {
                partner: GLOBEX,
                name: "Globex".into()
            }]
        );
    }

    #[test]
    fn enter_on_brings_edits_it() {
        let history = proceed();
        let session = history.session();
        let mut screen = PartnersScreen::default();
        moves(&mut screen, session, &[KeyCode::Down]);
        let Some(Intent::Edit {
            initial, on_submit, ..
        }) = press(&mut screen, session, KeyCode::Enter)
        else {
            panic!("expected an editor")
        };
        assert!(initial.starts_with("Real-time analytics"));
        assert_eq!(
            on_submit("Analytics for lines".into(), session).unwrap(),
            vec![Change::BringsSet {
                partner: NORTHWIND,
                text: "Analytics for lines".into()
            }]
        );
    }

    #[test]
    fn editing_a_representative_replaces_it_in_one_step() {
        let mut history = proceed();
        let session = history.session().clone();
        let mut screen = PartnersScreen::default();
        moves(
            &mut screen,
            &session,
            &[KeyCode::Down, KeyCode::Down, KeyCode::Down],
        );
        let mut form = form(press(&mut screen, &session, KeyCode::Enter));
        assert_eq!(form.value(0), "Tom Okafor");
        assert_eq!(function_at(form.selected(1)), Function::Sales);
        // Unchanged: nothing to record.
        assert!((form.on_submit)(&form, &session).unwrap().is_empty());
        form.handle_key(key(KeyCode::Tab));
        form.handle_key(key(KeyCode::Right));
        let changes = (form.on_submit)(&form, &session).unwrap();
        let id = session.partners[0].representatives[1].id;
        assert_eq!(
            changes,
            vec![Change::RepresentativeEdited {
                partner: NORTHWIND,
                representative: Representative {
                    id,
                    name: "Tom Okafor".into(),
                    function: Function::Marketing
                }
            }]
        );
        record(&mut history, changes).unwrap();
        // The corrected person keeps their id and their place in the list.
        let reps = &history.session().partners[0].representatives;
        assert_eq!(reps[1].id, id);
        assert_eq!(reps[1].function, Function::Marketing);
    }

    #[test]
    fn a_adds_a_representative_with_a_fresh_id() {
        let mut history = proceed();
        let session = history.session().clone();
        let mut screen = PartnersScreen::default();
        moves(&mut screen, &session, &[KeyCode::Right]);
        let mut form = form(press(&mut screen, &session, KeyCode::Char('a')));
        assert!(form.title.contains("Globex Integration"));
        assert!((form.on_submit)(&form, &session).is_err());
        type_into(&mut form, "Ana Costa");
        form.handle_key(key(KeyCode::Tab));
        type_into(&mut form, "c");
        let changes = (form.on_submit)(&form, &session).unwrap();
        assert_eq!(
            changes,
            vec![Change::RepresentativeAdded {
                partner: GLOBEX,
                representative: Representative {
                    id: session.fresh_id(),
                    name: "Ana Costa".into(),
                    function: Function::Channel
                }
            }]
        );
        record(&mut history, changes).unwrap();
        let (screen_rows, _) = draw(&screen, history.session(), 80, 24);
        assert!(screen_rows.join("\n").contains("Ana Costa — channel"));
    }

    #[test]
    fn d_asks_before_removing_the_named_representative() {
        let mut history = proceed();
        let session = history.session().clone();
        let mut screen = PartnersScreen::default();
        assert!(matches!(
            press(&mut screen, &session, KeyCode::Char('d')),
            Some(Intent::Status(_))
        ));
        moves(
            &mut screen,
            &session,
            &[KeyCode::Char('l'), KeyCode::Char('j'), KeyCode::Char('j')],
        );
        let (confirm, changes) = confirm_yes(press(&mut screen, &session, KeyCode::Char('d')));
        assert!(
            confirm.lines[0].contains("Helen Marsh"),
            "{:?}",
            confirm.lines
        );
        assert!(confirm.lines[0].contains("Globex Integration"));
        let helen = session.partners[1].representatives[0].id;
        assert_eq!(
            changes,
            vec![Change::RepresentativeRemoved {
                partner: GLOBEX,
                id: helen
            }]
        );
        record(&mut history, changes).unwrap();
        assert_eq!(history.session().partners[1].representatives.len(), 3);
    }

    #[test]
    fn shift_a_adds_a_partner_up_to_eight() {
        let mut history = proceed();
        let session = history.session().clone();
        let mut screen = PartnersScreen::default();
        let mut form = form(press(&mut screen, &session, KeyCode::Char('A')));
        type_into(&mut form, "globex integration");
        assert!(
            (form.on_submit)(&form, &session)
                .unwrap_err()
                .contains("already")
        );
        let mut form = self::form(press(&mut screen, &session, KeyCode::Char('A')));
        type_into(&mut form, "Initech");
        form.handle_key(key(KeyCode::Tab));
        type_into(&mut form, "Funding");
        let changes = (form.on_submit)(&form, &session).unwrap();
        assert_eq!(
            changes,
            vec![Change::PartnerAdded {
                partner: PartnerId(3),
                name: "Initech".into(),
                brings: "Funding".into()
            }]
        );
        record(&mut history, changes).unwrap();
        assert_eq!(history.session().partners.len(), 3);

        let full = fresh(8);
        let refused = press(&mut screen, full.session(), KeyCode::Char('A'));
        let Some(Intent::Status(message)) = refused else {
            panic!("expected a refusal")
        };
        assert!(message.contains("at most 8"), "{message}");
    }

    #[test]
    fn shift_d_removes_only_an_unused_partner() {
        let history = proceed();
        let session = history.session().clone();
        let mut screen = PartnersScreen::default();
        let (confirm, changes) = confirm_yes(press(&mut screen, &session, KeyCode::Char('D')));
        assert!(confirm.lines[0].contains("Northwind Analytics"));
        let mut used = history.clone();
        assert!(matches!(
            record(&mut used, changes),
            Err(ApplyError::PartnerInUse(_))
        ));

        let mut three = fresh(3);
        let mut screen = PartnersScreen::default();
        moves(
            &mut screen,
            three.session(),
            &[KeyCode::Right, KeyCode::Right],
        );
        let (_, changes) = confirm_yes(press(
            &mut screen,
            &three.session().clone(),
            KeyCode::Char('D'),
        ));
        assert_eq!(
            changes,
            vec![Change::PartnerRemoved {
                partner: PartnerId(3)
            }]
        );
        record(&mut three, changes).unwrap();
        assert_eq!(three.session().partners.len(), 2);
        // The cursor follows the session: it now sits on the last partner left.
        let (rows, _) = draw(&screen, three.session(), 80, 24);
        assert!(rows.join("\n").contains("▸ Globex Integration"));
    }

    #[test]
    fn esc_goes_back_to_the_stage_on_the_wall() {
        let history = proceed();
        let mut screen = PartnersScreen::default();
        assert!(matches!(
            press(&mut screen, history.session(), KeyCode::Esc),
            Some(Intent::GoTo(Stage::Summary))
        ));
    }

    #[test]
    fn a_long_list_scrolls_to_keep_the_cursor_visible() {
        let mut history = fresh(2);
        let changes: Vec<Change> = (0..40)
            .map(|i| Change::RepresentativeAdded {
                partner: NORTHWIND,
                representative: Representative {
                    id: crate::domain::ItemId(100 + i),
                    name: format!("Person {i}"),
                    function: Function::Sales,
                },
            })
            .collect();
        record(&mut history, changes).unwrap();
        let mut screen = PartnersScreen::default();
        for _ in 0..32 {
            moves(&mut screen, history.session(), &[KeyCode::Down]);
        }
        let (rows, _) = draw(&screen, history.session(), 80, 24);
        let text = rows.join("\n");
        assert!(text.contains("▸ Person 30 — sales"), "{text}");
        assert!(!text.contains("Person 0 "), "{text}");
        assert!(text.contains("of 40"), "{text}");
    }

    #[test]
    fn eight_partners_keep_the_focused_one_in_view() {
        let history = fresh(8);
        let mut screen = PartnersScreen::default();
        for _ in 0..10 {
            moves(&mut screen, history.session(), &[KeyCode::Right]);
        }
        let (rows, _) = draw(&screen, history.session(), 80, 24);
        let text = rows.join("\n");
        assert!(text.contains("▸ Cyberdyne Systems"), "{text}");
        assert!(text.contains("◀ 5 more"), "{text}");
        assert!(!text.contains("Northwind"), "{text}");
    }

    #[test]
    fn renders_at_any_size_without_panicking() {
        let history = proceed();
        let eight = fresh(8);
        let mut screen = PartnersScreen::default();
        moves(
            &mut screen,
            history.session(),
            &[KeyCode::Right, KeyCode::Down, KeyCode::Down],
        );
        for (w, h) in [
            (0, 0),
            (1, 1),
            (2, 2),
            (20, 5),
            (30, 8),
            (80, 24),
            (160, 45),
            (200, 50),
        ] {
            draw(&screen, history.session(), w, h);
            draw(&screen, eight.session(), w, h);
        }
    }

    #[test]
    fn footer_follows_the_cursor() {
        let history = proceed();
        let mut screen = PartnersScreen::default();
        assert_eq!(screen.footer_keys()[0], ("Enter", "rename"));
        moves(
            &mut screen,
            history.session(),
            &[KeyCode::Down, KeyCode::Down],
        );
        assert!(screen.footer_keys().contains(&("d", "remove")));
        assert!(KEYS.iter().any(|k| k.keys == "D"));
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;
    use crate::domain::timeline::Changed;
    use crate::tui::stages::testing::{draw_highlighted, marked_rows, proceed};

    fn marked(changed: &Changed) -> Vec<String> {
        let history = proceed();
        let screen = PartnersScreen::default();
        let buf = draw_highlighted(120, 30, history.session(), changed, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        marked_rows(&buf)
    }

    #[test]
    fn the_partner_or_representative_a_replayed_event_changed_is_marked() {
        let history = proceed();
        let globex = &history.session().partners[1];
        let rows = marked(&Changed::Partner(globex.id));
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].contains(&format!("● {}", globex.name)), "{rows:?}");

        let rep = &globex.representatives[0];
        let rows = marked(&Changed::Representative {
            partner: globex.id,
            id: rep.id,
        });
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].contains(&format!("● {}", rep.name)), "{rows:?}");
        assert!(marked(&Changed::Verdict).is_empty());
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::domain::{History, ItemId};
    use crate::tui::stages::Hidden;
    use crate::tui::stages::testing::{self, at, ctx, fresh, key, proceed, reported};

    const NORTHWIND: PartnerId = PartnerId(1);
    const GLOBEX: PartnerId = PartnerId(2);

    fn draw_fit(
        screen: &PartnersScreen,
        session: &Session,
        w: u16,
        h: u16,
    ) -> (Vec<String>, Vec<Hidden>) {
        testing::draw_fit(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    fn press(screen: &mut PartnersScreen, session: &Session, code: KeyCode) {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()));
    }

    /// Screen rows that show `needle` followed by a number.
    fn shown(rows: &[String], needle: &str) -> usize {
        rows.iter()
            .filter(|r| {
                r.split(needle)
                    .nth(1)
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            })
            .count()
    }

    /// Forty people for Northwind, and five lines of what Globex brings.
    fn crowded() -> History {
        let mut history = fresh(2);
        let mut changes: Vec<Change> = (0..40)
            .map(|i| Change::RepresentativeAdded {
                partner: NORTHWIND,
                representative: Representative {
                    id: ItemId(100 + i),
                    name: format!("Person {i}"),
                    function: Function::Sales,
                },
            })
            .collect();
        changes.push(Change::BringsSet {
            partner: GLOBEX,
            text: (1..=5)
                .map(|i| format!("Brings {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        });
        for change in changes {
            history.record(at(), change).unwrap();
        }
        history
    }

    #[test]
    fn a_small_screen_reports_representatives_and_what_partners_bring() {
        let history = crowded();
        let session = history.session();
        let mut screen = PartnersScreen::default();
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let text = rows.join("\n");
        let people = shown(&rows, "Person ");
        assert!(people > 0 && people < 40, "{text}");
        assert_eq!(
            reported(&hidden, "representatives"),
            Some((40 - people, "↑↓"))
        );
        assert!(
            text.contains(&format!("Representatives 1–{people} of 40")),
            "{text}"
        );
        let brings = shown(&rows, "Brings ");
        assert_eq!(brings, MAX_BRINGS_ROWS, "{text}");
        // Globex is not under the cursor: move there, then focus mode shows it whole.
        assert_eq!(
            reported(&hidden, "lines of what partners bring"),
            Some((5 - brings, "←→ z"))
        );
        assert_eq!(reported(&hidden, "partners"), None);

        // At the end of the list the hidden people are above, not below: as many.
        for _ in 0..45 {
            press(&mut screen, session, KeyCode::Down);
        }
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("▸ Person 39 — sales"), "{text}");
        assert!(
            text.contains(&format!("Representatives {}–40 of 40", 41 - people)),
            "{text}"
        );
        assert_eq!(
            reported(&hidden, "representatives"),
            Some((40 - people, "↑↓"))
        );

        // From Globex's column Northwind's list is back at its top, one move away.
        press(&mut screen, session, KeyCode::Right);
        let (_, hidden) = draw_fit(&screen, session, 80, 19);
        assert_eq!(
            reported(&hidden, "representatives"),
            Some((40 - people, "↑↓ ←→"))
        );
        assert_eq!(
            reported(&hidden, "lines of what partners bring"),
            Some((5 - brings, "z"))
        );
    }

    #[test]
    fn partners_beyond_the_edges_are_reported() {
        let history = fresh(8);
        let session = history.session();
        let (rows, hidden) = draw_fit(&PartnersScreen::default(), session, 80, 19);
        let text = rows.join("\n");
        let names = session
            .partners
            .iter()
            .filter(|p| text.contains(&p.name))
            .count();
        assert_eq!(reported(&hidden, "partners"), Some((8 - names, "←→")));
        assert!(text.contains(&format!("{} more ▶", 8 - names)), "{text}");
    }

    #[test]
    fn names_cut_at_the_column_edge_are_reported() {
        let mut history = fresh(3);
        let long = "Bartholomew Featherstonehaugh-Cholmondeley";
        history
            .record(
                at(),
                Change::RepresentativeAdded {
                    partner: GLOBEX,
                    representative: Representative {
                        id: ItemId(100),
                        name: long.into(),
                        function: Function::Legal,
                    },
                },
            )
            .unwrap();
        let (rows, hidden) = draw_fit(&PartnersScreen::default(), history.session(), 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("Bartholomew"), "{text}");
        assert!(!text.contains(long), "{text}");
        assert_eq!(reported(&hidden, "names cut short"), Some((1, "↑↓ ←→ z")));
    }

    #[test]
    fn nothing_is_reported_when_everything_fits() {
        let history = proceed();
        let (_, hidden) = draw_fit(&PartnersScreen::default(), history.session(), 160, 45);
        assert!(hidden.is_empty(), "{hidden:?}");
    }

    fn card(screen: &PartnersScreen, session: &Session) -> Option<FocusCard> {
        screen.focus_card(&ctx(session, &Theme::dark()))
    }

    fn details(card: &FocusCard) -> Vec<String> {
        card.details.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_card_is_the_partner_or_the_representative_under_the_cursor() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::dark();
        let mut screen = PartnersScreen::default();
        let north = card(&screen, session).expect("a card");
        assert_eq!(north.title, "Northwind Analytics");
        assert_eq!(north.kicker, "Partner 1 of 2");
        assert_eq!(north.kicker_style, theme.partner(0));
        let lines = details(&north);
        assert_eq!(lines[0], "  What it brings");
        assert_eq!(
            lines[1],
            "  Real-time analytics platform for manufacturing lines"
        );
        assert!(lines.contains(&"  Representatives (4)".to_string()));
        assert!(lines.contains(&"  Priya Raman — executive".to_string()));
        assert!(lines.contains(&"  Marco Silva — legal".to_string()));

        press(&mut screen, session, KeyCode::Down);
        let brings = card(&screen, session).expect("a card");
        assert_eq!(details(&brings)[0], "▸ What it brings");

        press(&mut screen, session, KeyCode::Down);
        let priya = card(&screen, session).expect("a card");
        assert_eq!(priya.title, "Priya Raman");
        assert_eq!(priya.kicker, "Representative · Northwind Analytics");
        let lines = details(&priya);
        assert_eq!(lines[0], "Function: executive");
        assert_eq!(
            lines[1],
            "Represents Northwind Analytics, one of 4 representatives"
        );

        press(&mut screen, session, KeyCode::Right);
        let helen = card(&screen, session).expect("a card");
        assert_eq!(helen.title, "Helen Marsh");
        assert_eq!(helen.kicker_style, theme.partner(1));
        assert!(
            details(&helen)
                .iter()
                .any(|l| l.contains("MES and shop-floor"))
        );
    }

    #[test]
    fn a_partner_with_nobody_yet_still_has_a_card_and_no_partners_none() {
        let history = fresh(2);
        let mut session = history.session().clone();
        let lines = details(&card(&PartnersScreen::default(), &session).expect("a card"));
        assert!(lines.contains(&"  not said yet".to_string()), "{lines:?}");
        assert!(lines.contains(&"  Representatives (0)".to_string()));
        session.partners.clear();
        assert!(card(&PartnersScreen::default(), &session).is_none());
    }
}
