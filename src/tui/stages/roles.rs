//! Stage 2, the role split. Two panes share the wall:
//!
//! - **Roles**: a RACI table, one row per role and one letter column per partner, with a
//!   check column that says in words what is wrong with a row (nobody accountable, two
//!   accountable, nobody responsible). The room fills it in cell by cell.
//! - **Holes**: per partner, the gaps in its *own* business and who is to fill each one.
//!   The method's central warning lives here: a partner that expects *another partner* to
//!   fill its own hole is holding the classic mistaken belief, so those holes are flagged
//!   in words, not only in colour.
//!
//! The screen keeps only its cursor. Positions are clamped against the session every time
//! they are used, because the session can change under the cursor (undo, another pane).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::describe::filler_label;
use crate::domain::{Change, Hole, HoleFiller, ItemId, PartnerId, Raci, Role, Session};
use crate::tui::editor::EditorMode;
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, Intent};
use crate::tui::theme::Theme;
use crate::tui::widgets::{KeyHelp, display_width, truncate_to_width, wrap_lines};

use super::columns::partner_columns;
use super::text::one_line;
use super::{CHANGED_MARK, FocusCard, StageCtx, changed_style, is_chord, scroll_offset, take_top};
use crate::domain::timeline::Changed;

/// Every key of this screen, for the help overlay.
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "Tab / Shift-Tab",
        what: "switch between the roles table and the holes",
    },
    KeyHelp {
        keys: "↑ ↓ ← → or h j k l",
        what: "move the cursor",
    },
    KeyHelp {
        keys: "Home / End",
        what: "first / last role or hole",
    },
    KeyHelp {
        keys: "Enter (on a role name)",
        what: "rename the role",
    },
    KeyHelp {
        keys: "Enter / Space (on a letter)",
        what: "cycle the letter: R → A → C → I → blank",
    },
    KeyHelp {
        keys: "r  A  c  i",
        what: "set Responsible / Accountable / Consulted / Informed",
    },
    KeyHelp {
        keys: "x / Backspace / Delete",
        what: "clear the letter",
    },
    KeyHelp {
        keys: "a",
        what: "add a role, or a hole for the focused partner",
    },
    KeyHelp {
        keys: "d",
        what: "delete the role or hole (asks first)",
    },
    KeyHelp {
        keys: "Enter (on a hole)",
        what: "reword the hole",
    },
    KeyHelp {
        keys: "Space (on a hole)",
        what: "change who fills the hole",
    },
];

/// Which half of the screen the keys act on.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Pane {
    #[default]
    Roles,
    Holes,
}

/// Cursor state of the role-split screen.
#[derive(Debug, Default, Clone)]
pub struct RolesScreen {
    pane: Pane,
    /// Row in the roles table.
    role: usize,
    /// Column in the roles table: 0 is the role name, `i + 1` is partner `i`'s letter.
    column: usize,
    /// Partner column of the holes pane (position in `session.partners`).
    hole_partner: usize,
    /// Row within that partner's holes.
    hole: usize,
}

impl RolesScreen {
    /// Keys not handled globally. Cursor moves change the screen and return `None`, like
    /// keys that mean nothing here: neither needs the app to do anything.
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        if is_chord(&key) {
            return None;
        }
        let session = ctx.session;
        *self = self.clamped(session);
        if matches!(key.code, KeyCode::Tab | KeyCode::BackTab) {
            self.pane = match self.pane {
                Pane::Roles => Pane::Holes,
                Pane::Holes => Pane::Roles,
            };
            return None;
        }
        match self.pane {
            Pane::Roles => self.roles_key(key.code, session),
            Pane::Holes => self.holes_key(key.code, session),
        }
    }

    /// The keys that matter most right now, for the footer.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        match (self.pane, self.column) {
            (Pane::Roles, 0) => vec![
                ("Enter", "rename"),
                ("a", "add role"),
                ("d", "delete role"),
                ("→", "letters"),
                ("Tab", "holes"),
            ],
            (Pane::Roles, _) => vec![
                ("Enter", "cycle letter"),
                ("r A c i", "set letter"),
                ("x", "clear"),
                ("a", "add role"),
                ("d", "delete role"),
                ("Tab", "holes"),
            ],
            (Pane::Holes, _) => vec![
                ("a", "add hole"),
                ("Enter", "reword"),
                ("Space", "who fills it"),
                ("d", "delete hole"),
                ("Tab", "roles"),
            ],
        }
    }

    /// The item under the cursor for focus mode: in the roles table the role with every
    /// partner's letter spelled out and its check; in the holes pane the hole with who
    /// fills it. `None` when the pane's list is empty.
    pub fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let s = ctx.session;
        let cur = self.clamped(s);
        match cur.pane {
            Pane::Roles => {
                let role = s.roles.get(cur.role)?;
                Some(role_card(s, role, cur.role, cur.column, ctx.theme))
            }
            Pane::Holes => {
                let owner = s.partners.get(cur.hole_partner)?;
                let hole = s.holes_of(owner.id).nth(cur.hole)?;
                Some(hole_card(s, hole, cur.hole_partner, cur.hole, ctx.theme))
            }
        }
    }

    /// Draws both panes into `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let cur = self.clamped(ctx.session);
        let (roles_area, holes_area) = split_panes(area, ctx.session);
        let buf = frame.buffer_mut();
        cur.render_roles(buf, roles_area, ctx);
        cur.render_holes(buf, holes_area, ctx);
    }

    /// A copy of the cursor with every position inside what the session holds now.
    fn clamped(&self, s: &Session) -> RolesScreen {
        let mut c = self.clone();
        c.role = c.role.min(s.roles.len().saturating_sub(1));
        c.column = c.column.min(s.partners.len());
        c.hole_partner = c.hole_partner.min(s.partners.len().saturating_sub(1));
        let holes = s
            .partners
            .get(c.hole_partner)
            .map_or(0, |p| s.holes_of(p.id).count());
        c.hole = c.hole.min(holes.saturating_sub(1));
        c
    }

    // -----------------------------------------------------------------------------------
    // Keys

    fn roles_key(&mut self, code: KeyCode, s: &Session) -> Option<Intent> {
        let last_row = s.roles.len().saturating_sub(1);
        let role = s.roles.get(self.role);
        // The partner whose letter is under the cursor, if the cursor is on a letter.
        let partner = self
            .column
            .checked_sub(1)
            .and_then(|i| s.partners.get(i))
            .map(|p| p.id);
        match code {
            KeyCode::Up | KeyCode::Char('k') => self.role = self.role.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.role = (self.role + 1).min(last_row),
            KeyCode::Left | KeyCode::Char('h') => self.column = self.column.saturating_sub(1),
            KeyCode::Right | KeyCode::Char('l') => {
                self.column = (self.column + 1).min(s.partners.len());
            }
            KeyCode::Home => self.role = 0,
            KeyCode::End => self.role = last_row,
            KeyCode::Char('a') => return Some(add_role()),
            KeyCode::Char('d') => return role.map(delete_role),
            KeyCode::Enter if partner.is_none() => return role.map(rename_role),
            KeyCode::Enter | KeyCode::Char(' ') => {
                let (role, partner) = (role?, partner?);
                let current = role.raci.get(&partner).copied();
                return Some(set_letter(role.id, partner, Raci::cycle(current)));
            }
            KeyCode::Char(c @ ('r' | 'R' | 'A' | 'c' | 'C' | 'i' | 'I')) => {
                let letter = match c {
                    'r' | 'R' => Raci::Responsible,
                    'A' => Raci::Accountable,
                    'c' | 'C' => Raci::Consulted,
                    _ => Raci::Informed,
                };
                return self.letter_key(role?, partner, Some(letter));
            }
            KeyCode::Char('x') | KeyCode::Backspace | KeyCode::Delete => {
                return self.letter_key(role?, partner, None);
            }
            _ => {}
        }
        None
    }

    /// Sets a letter directly. Nothing is recorded when the cell already says it, so the
    /// decision log does not fill with changes that changed nothing.
    fn letter_key(
        &self,
        role: &Role,
        partner: Option<PartnerId>,
        letter: Option<Raci>,
    ) -> Option<Intent> {
        let Some(partner) = partner else {
            return Some(Intent::Status(
                "Move right onto a partner's column to change a letter".to_string(),
            ));
        };
        if role.raci.get(&partner).copied() == letter {
            return None;
        }
        Some(set_letter(role.id, partner, letter))
    }

    fn holes_key(&mut self, code: KeyCode, s: &Session) -> Option<Intent> {
        let owner = s.partners.get(self.hole_partner)?;
        let hole = s.holes_of(owner.id).nth(self.hole);
        let last_row = s.holes_of(owner.id).count().saturating_sub(1);
        match code {
            KeyCode::Up | KeyCode::Char('k') => self.hole = self.hole.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.hole = (self.hole + 1).min(last_row),
            KeyCode::Left | KeyCode::Char('h') => {
                self.hole_partner = self.hole_partner.saturating_sub(1);
            }
            KeyCode::Right | KeyCode::Char('l') => {
                self.hole_partner = (self.hole_partner + 1).min(s.partners.len().saturating_sub(1));
            }
            KeyCode::Home => self.hole = 0,
            KeyCode::End => self.hole = last_row,
            KeyCode::Char('a') => return Some(add_hole(s, owner.id)),
            KeyCode::Enter => return hole.map(|h| edit_hole(s, h)),
            KeyCode::Char(' ') => {
                let hole = hole?;
                let next = next_filler(s, hole.owner, hole.filled_by);
                return Some(Intent::Record(vec![Change::HoleFillerSet {
                    id: hole.id,
                    filled_by: next,
                }]));
            }
            KeyCode::Char('d') => return hole.map(|h| delete_hole(s, h)),
            _ => {}
        }
        None
    }

    // -----------------------------------------------------------------------------------
    // Drawing

    fn render_roles(&self, buf: &mut Buffer, area: Rect, ctx: &StageCtx) {
        let s = ctx.session;
        let theme = ctx.theme;
        let focused = self.pane == Pane::Roles;
        let (title_row, body) = take_top(area, 1);
        let summary = roles_summary(s, theme);
        draw_title(
            buf,
            title_row,
            "Roles — who is Responsible, Accountable, Consulted, Informed",
            focused,
            &summary,
            theme,
        );
        let (header, rows) = take_top(body, 1);
        // The arrows act on the holes while that pane has the keys.
        let (role_keys, partner_keys, name_keys) = if focused {
            ("↑↓", "←→", "↑↓ z")
        } else {
            ("Tab ↑↓", "Tab ←→", "Tab ↑↓ z")
        };
        if header.is_empty() {
            ctx.fit.hide(s.roles.len(), "roles", role_keys);
            return;
        }
        if s.roles.is_empty() {
            put(
                buf,
                header,
                header.x.saturating_add(MARGIN),
                header.y,
                "No roles yet — press a to add one",
                header.width,
                theme.muted,
            );
            return;
        }
        let table = table_layout(header, s, self.column.saturating_sub(1));
        let visible = usize::from(rows.height);
        let offset = scroll_offset(self.role, s.roles.len(), visible);
        table.draw_header(buf, header, s, offset, visible, theme);
        let mut cut = 0;
        for (i, role) in s.roles.iter().enumerate().skip(offset).take(visible) {
            let y = rows
                .y
                .saturating_add(u16::try_from(i - offset).unwrap_or(u16::MAX));
            let row = Rect::new(rows.x, y, rows.width, 1).intersection(rows);
            let cursor = (focused && i == self.role).then_some(self.column);
            cut += usize::from(table.draw_row(buf, row, (s, role), cursor, ctx.highlight, theme));
        }
        let shown = s.roles.len().saturating_sub(offset).min(visible);
        ctx.fit.hide(s.roles.len() - shown, "roles", role_keys);
        // Partners whose letter columns slid out of the table.
        ctx.fit.hide(
            s.partners.len().saturating_sub(table.shown),
            "partners",
            partner_keys,
        );
        ctx.fit.hide(cut, "role names cut short", name_keys);
    }

    fn render_holes(&self, buf: &mut Buffer, area: Rect, ctx: &StageCtx) {
        let s = ctx.session;
        let theme = ctx.theme;
        let changed_hole = match ctx.highlight {
            Some(Changed::Hole(id)) => Some(*id),
            _ => None,
        };
        let focused = self.pane == Pane::Holes;
        // A blank row keeps the two panes apart, when there is a row to spare.
        let area = if area.height > 3 {
            take_top(area, 1).1
        } else {
            area
        };
        let (title_row, body) = take_top(area, 1);
        // Shifted one cell so that, with each column's own one-cell inset, hole text lines
        // up with the role names above.
        let body = Rect::new(
            body.x.saturating_add(MARGIN - 1),
            body.y,
            body.width.saturating_sub(MARGIN - 1),
            body.height,
        )
        .intersection(body);
        let window = partner_columns(body, s.partners.len(), self.hole_partner, HOLE_COLUMN_MIN);

        let mut right = Vec::with_capacity(3);
        let misplaced = s
            .holes
            .iter()
            .filter(|h| matches!(h.filled_by, HoleFiller::Partner(_)))
            .count();
        if misplaced > 0 {
            let text = match misplaced {
                1 => "⚠ 1 hole expects another partner".to_string(),
                n => format!("⚠ {n} holes expect another partner"),
            };
            right.push((text, theme.warn));
        }
        if window.hidden_left > 0 {
            right.push((format!("◀ {} more", window.hidden_left), theme.accent));
        }
        if window.hidden_right > 0 {
            right.push((format!("{} more ▶", window.hidden_right), theme.accent));
        }
        draw_title(
            buf,
            title_row,
            "Holes — gaps each partner must own",
            focused,
            &right,
            theme,
        );

        let mut used = 0;
        let (mut shown, mut cut) = (0, 0);
        // Another partner's column shows the top of its list: reaching the rest means
        // moving into that column first.
        let mut elsewhere = false;
        for &(index, rect) in &window.columns {
            let Some(partner) = s.partners.get(index) else {
                continue;
            };
            let column_focused = focused && index == self.hole_partner;
            let inner = Rect::new(
                rect.x.saturating_add(1),
                rect.y,
                rect.width.saturating_sub(2),
                rect.height,
            )
            .intersection(body);
            let cursor = column_focused.then_some(self.hole);
            let (rows, fit) = draw_hole_column(
                buf,
                inner,
                s,
                index,
                partner.id,
                (cursor, changed_hole),
                column_focused,
                theme,
            );
            used = used.max(rows);
            shown += fit.shown;
            cut += fit.cut;
            elsewhere |= index != self.hole_partner && fit.shown < fit.total;
        }
        // Holes of partners whose columns slid away count as hidden too. The domain
        // removes a partner only once nothing refers to it, so every hole has a column.
        let hidden = s.holes.len().saturating_sub(shown);
        let keys = match (
            focused,
            elsewhere || window.columns.len() < s.partners.len(),
        ) {
            (true, false) => "↑↓",
            (true, true) => "↑↓ ←→",
            (false, false) => "Tab ↑↓",
            (false, true) => "Tab ↑↓ ←→",
        };
        ctx.fit.hide(hidden, "holes", keys);
        let cut_keys = if focused {
            "↑↓ ←→ z"
        } else {
            "Tab ↑↓ ←→ z"
        };
        ctx.fit.hide(cut, "holes cut short", cut_keys);
        // A thin rule between columns reads as "separate businesses" from across a room;
        // it stops where the holes do, so an empty pane stays quiet.
        let last = window.columns.last().map(|c| c.0);
        for &(index, rect) in &window.columns {
            if Some(index) == last {
                break;
            }
            for y in rect.top()..rect.top().saturating_add(used).min(rect.bottom()) {
                put(buf, body, rect.right(), y, "│", 1, theme.border);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Focus cards

/// A role as focus mode shows it: each partner's letter in words, the partner under the
/// cursor marked, and what the check says about the row.
fn role_card(s: &Session, role: &Role, row: usize, column: usize, theme: &Theme) -> FocusCard {
    let mut details = Vec::with_capacity(s.partners.len() + 2);
    for (index, partner) in s.partners.iter().enumerate() {
        let letter = role.raci.get(&partner.id).copied();
        let mark = if column == index + 1 { "▸ " } else { "  " };
        let (glyph, style) = match letter {
            Some(Raci::Accountable) => (Raci::Accountable.letter(), theme.heading),
            Some(Raci::Responsible) => (Raci::Responsible.letter(), theme.text),
            Some(other) => (other.letter(), theme.muted),
            None => ('·', theme.muted),
        };
        let words = letter.map_or_else(
            || " — no letter".to_string(),
            |l| format!(" — {}", l.label()),
        );
        details.push(Line::from(vec![
            Span::styled(mark, theme.accent),
            Span::styled(format!("{glyph}  "), style),
            Span::styled(partner.name.clone(), theme.partner(index)),
            Span::styled(
                words,
                if letter.is_some() {
                    theme.text
                } else {
                    theme.muted
                },
            ),
        ]));
    }
    details.push(Line::default());
    let (check, problem) = role_check(role, true);
    details.push(if problem {
        Line::styled(format!("⚠ {check}"), theme.warn)
    } else {
        Line::styled(
            "✔ one partner accountable, and someone responsible",
            theme.good,
        )
    });
    FocusCard {
        kicker: format!("Role {} of {} · RACI", row + 1, s.roles.len()),
        kicker_style: theme.accent,
        title: one_line(&role.name),
        details,
    }
}

/// A hole as focus mode shows it: whose business it is in, and who fills it, with the
/// method's warning spelled out when another partner is expected to.
fn hole_card(s: &Session, hole: &Hole, index: usize, row: usize, theme: &Theme) -> FocusCard {
    let owner = s.partner_name(hole.owner);
    let count = s.holes_of(hole.owner).count();
    let style = match hole.filled_by {
        HoleFiller::Itself => theme.good,
        HoleFiller::Partner(_) => theme.warn,
        HoleFiller::ThirdParty | HoleFiller::Unresolved => theme.muted,
    };
    let mut details = vec![Line::styled(
        filler_words(s, hole.filled_by, usize::MAX),
        style,
    )];
    if matches!(hole.filled_by, HoleFiller::Partner(_)) {
        details.push(Line::default());
        details.push(Line::styled(
            format!(
                "A hole in {owner}'s own business is {owner}'s to fill: counting on another partner to fill it is the classic mistaken belief."
            ),
            theme.muted,
        ));
    }
    FocusCard {
        kicker: format!("Hole {} of {count} in {owner}'s business", row + 1),
        kicker_style: theme.partner(index),
        title: one_line(&hole.text),
        details,
    }
}

// ---------------------------------------------------------------------------------------
// Intents

fn set_letter(role: ItemId, partner: PartnerId, letter: Option<Raci>) -> Intent {
    Intent::Record(vec![Change::RaciSet {
        role,
        partner,
        letter,
    }])
}

/// Checks a role name typed by the moderator: two rows with the same name would leave the
/// room unsure which one it is filling in.
fn check_role_name(
    text: &str,
    session: &Session,
    except: Option<ItemId>,
) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("A role needs a name".to_string());
    }
    let taken = session
        .roles
        .iter()
        .any(|r| Some(r.id) != except && r.name.trim().eq_ignore_ascii_case(name));
    if taken {
        return Err(format!("There is already a role called '{name}'"));
    }
    Ok(name.to_string())
}

fn add_role() -> Intent {
    Intent::Edit {
        title: "New role".to_string(),
        initial: String::new(),
        mode: EditorMode::SingleLine,
        on_submit: Box::new(|text, session| {
            let name = check_role_name(&text, session, None)?;
            Ok(vec![Change::RoleAdded {
                role: Role {
                    id: session.fresh_id(),
                    name,
                    raci: Default::default(),
                },
            }])
        }),
    }
}

fn rename_role(role: &Role) -> Intent {
    let id = role.id;
    Intent::Edit {
        title: "Rename role".to_string(),
        initial: role.name.clone(),
        mode: EditorMode::SingleLine,
        on_submit: Box::new(move |text, session| {
            let Some(current) = session.role(id) else {
                return Err("That role was removed in the meantime".to_string());
            };
            let name = check_role_name(&text, session, Some(id))?;
            if name == current.name {
                return Ok(Vec::new());
            }
            Ok(vec![Change::RoleRenamed { id, name }])
        }),
    }
}

fn delete_role(role: &Role) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Delete role",
        format!("Delete the role '{}' and its letters?", role.name),
        Intent::Record(vec![Change::RoleRemoved { id: role.id }]),
    ))
}

/// Who may fill a hole of `owner`, in the order the form offers and Space cycles: the
/// partner itself first (the healthy answer), then every other partner, then outsiders.
fn filler_options(s: &Session, owner: PartnerId) -> Vec<HoleFiller> {
    let mut options = Vec::with_capacity(s.partners.len() + 2);
    options.push(HoleFiller::Itself);
    options.extend(
        s.partners
            .iter()
            .filter(|p| p.id != owner)
            .map(|p| HoleFiller::Partner(p.id)),
    );
    options.push(HoleFiller::ThirdParty);
    options.push(HoleFiller::Unresolved);
    options
}

fn next_filler(s: &Session, owner: PartnerId, current: HoleFiller) -> HoleFiller {
    let options = filler_options(s, owner);
    // A filler that is no longer offered (its partner left) starts the cycle again.
    let next = options
        .iter()
        .position(|f| *f == current)
        .map_or(0, |i| (i + 1) % options.len());
    options.get(next).copied().unwrap_or(HoleFiller::Itself)
}

fn add_hole(s: &Session, owner: PartnerId) -> Intent {
    let options = filler_options(s, owner);
    let labels = options.iter().map(|f| filler_label(s, *f)).collect();
    let name = s.partner_name(owner);
    let form = Form::new(
        format!("New hole in {name}'s business"),
        Box::new(move |form: &Form, session: &Session| {
            let text = form.value(0);
            if text.is_empty() {
                return Err("Say what is missing".to_string());
            }
            if session.partner(owner).is_none() {
                return Err("That partner has left the session".to_string());
            }
            let filled_by = options
                .get(form.selected(1))
                .copied()
                .unwrap_or(HoleFiller::Unresolved);
            if let HoleFiller::Partner(p) = filled_by
                && session.partner(p).is_none()
            {
                return Err("That partner has left the session; choose again".to_string());
            }
            Ok(vec![Change::HoleAdded {
                hole: Hole {
                    id: session.fresh_id(),
                    owner,
                    text,
                    filled_by,
                },
            }])
        }),
    )
    .text("What is missing", "")
    .choice("Filled by", labels, 0);
    Intent::Form(form)
}

fn edit_hole(s: &Session, hole: &Hole) -> Intent {
    let id = hole.id;
    Intent::Edit {
        title: format!("Hole in {}'s business", s.partner_name(hole.owner)),
        initial: hole.text.clone(),
        mode: EditorMode::SingleLine,
        on_submit: Box::new(move |text, session| {
            let Some(current) = session.hole(id) else {
                return Err("That hole was removed in the meantime".to_string());
            };
            let text = text.trim();
            if text.is_empty() {
                return Err("Say what is missing, or delete the hole with d".to_string());
            }
            if text == current.text {
                return Ok(Vec::new());
            }
            Ok(vec![Change::HoleEdited {
                id,
                text: text.to_string(),
            }])
        }),
    }
}

fn delete_hole(s: &Session, hole: &Hole) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Delete hole",
        format!(
            "Delete {}'s hole '{}'?",
            s.partner_name(hole.owner),
            hole.text
        ),
        Intent::Record(vec![Change::HoleRemoved { id: hole.id }]),
    ))
}

// ---------------------------------------------------------------------------------------
// Layout

/// Cells left of the table for the cursor marker.
const MARGIN: u16 = 2;
/// Space between table columns.
const GAP: u16 = 2;
/// The check column: wide enough for its longest short verdict, "no A, no R".
const CHECK_WIDTH: u16 = 10;
/// The check column in full words, used when the table has room to spare: read from the
/// back of a room, "nobody accountable" needs no legend.
const CHECK_WIDTH_WORDS: u16 = 38;
/// Room for "◀ 7" / "7 ▶" beside partner columns that slide.
const GUTTER: u16 = 5;
const LETTER_MIN: u16 = 7;
const LETTER_MAX: u16 = 20;
/// While letter columns slide they stay narrow, so that as many partners as possible show.
const LETTER_SLIDING: u16 = 10;
const NAME_MIN: u16 = 16;
const NAME_MAX: u16 = 48;
/// Narrowest holes column: a hole's words need room to be read.
const HOLE_COLUMN_MIN: u16 = 26;

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Splits the body between the panes. The roles table is the main work of the stage and
/// gets up to three fifths; either pane gives the other what it does not need.
fn split_panes(area: Rect, s: &Session) -> (Rect, Rect) {
    let h = usize::from(area.height);
    let roles_need = 2 + s.roles.len().max(1);
    let most_holes = s
        .partners
        .iter()
        .map(|p| s.holes_of(p.id).count())
        .max()
        .unwrap_or(0)
        .max(1);
    // Separator, title, partner names, then two rows per hole.
    let holes_need = 3 + most_holes * 2;
    let share = h * 3 / 5;
    let roles_h = roles_need
        .min(share.max(h.saturating_sub(holes_need)))
        .min(h);
    take_top(area, to_u16(roles_h))
}

/// Display width of the widest of `names`, or `cap` if any reaches it. Measuring every
/// name is the costliest part of drawing a long table, so it is skipped where the answer
/// is already known: a name is never wider than its length in bytes (a double-width
/// character takes at least three), and printable ASCII is exactly one cell a byte.
fn longest_name<'a>(names: impl Iterator<Item = &'a str>, cap: usize) -> usize {
    let mut longest = 0;
    for name in names {
        if name.len() <= longest {
            continue;
        }
        let width = if name.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            name.len()
        } else {
            display_width(name)
        };
        longest = longest.max(width);
        if longest >= cap {
            return cap;
        }
    }
    longest
}

/// Where each column of the roles table goes, for the current width and cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Table {
    name_x: u16,
    name_width: u16,
    /// Left edge of the gutter before the letters, when letters slide.
    left_gutter: Option<u16>,
    letters_x: u16,
    letter_width: u16,
    /// First partner shown and how many are shown.
    first: usize,
    shown: usize,
    right_gutter: Option<u16>,
    check_x: u16,
    /// Whether the check column says its verdicts in full words.
    words: bool,
}

/// Lays the table out in `row` (any row of the table; only x and width matter). The name
/// column gives way first, then the letter columns narrow, and only then do they slide
/// so that partner `focus` stays in view.
fn table_layout(row: Rect, s: &Session, focus: usize) -> Table {
    let n = s.partners.len();
    let avail = usize::from(row.width.saturating_sub(MARGIN + GAP + CHECK_WIDTH));
    let longest_role = longest_name(
        s.roles.iter().map(|r| r.name.as_str()),
        usize::from(NAME_MAX),
    );
    let name_want = longest_role.clamp(usize::from(NAME_MIN), usize::from(NAME_MAX));
    let name_min = usize::from(NAME_MIN).min((avail / 3).max(1));
    let longest_partner = s
        .partners
        .iter()
        .map(|p| display_width(&p.name))
        .max()
        .unwrap_or(0);
    let letter_want = longest_partner.clamp(usize::from(LETTER_MIN), usize::from(LETTER_MAX));
    let gap = usize::from(GAP);

    let letter_min = usize::from(LETTER_MIN);
    let per_letter = |width: usize| n * (width + gap);
    let (name_width, letter_width, first, shown, sliding) =
        if name_want + per_letter(letter_want) <= avail {
            (name_want, letter_want, 0, n, false)
        } else if let Some(width) = (avail.saturating_sub(name_want) / n.max(1))
            .checked_sub(gap)
            .filter(|w| *w >= letter_min)
        {
            // Role names are what the room reads; partner names can shorten to a first word.
            (avail - per_letter(width), width, 0, n, false)
        } else if name_min + per_letter(letter_min) <= avail {
            (avail - per_letter(letter_min), letter_min, 0, n, false)
        } else {
            let width = letter_want.min(usize::from(LETTER_SLIDING));
            // Sliding is the crowded case: the role names, which say which row the room is
            // on, keep a fair share before as many partners as fit are shown.
            let name_min = name_min.max((avail * 2 / 5).min(name_want));
            let room = avail.saturating_sub(name_min + 2 * usize::from(GUTTER));
            let shown = (room / (width + gap)).clamp(1, n.max(1)).min(n);
            let focus = focus.min(n.saturating_sub(1));
            let first = focus.saturating_sub(shown.saturating_sub(1)).min(n - shown);
            let name_width = avail
                .saturating_sub(2 * usize::from(GUTTER) + shown * (width + gap))
                .clamp(1, name_want);
            (name_width, width, first, shown, true)
        };
    let used = name_width
        + shown * (letter_width + gap)
        + if sliding { 2 * usize::from(GUTTER) } else { 0 };
    let words = avail.saturating_sub(used) >= usize::from(CHECK_WIDTH_WORDS - CHECK_WIDTH);
    let name_x = row.x.saturating_add(MARGIN);
    let mut x = name_x
        .saturating_add(to_u16(name_width))
        .saturating_add(GAP);
    let left_gutter = sliding.then_some(x);
    if sliding {
        x = x.saturating_add(GUTTER);
    }
    let letters_x = x;
    x = x.saturating_add(to_u16(shown * (letter_width + gap)));
    let right_gutter = sliding.then_some(x);
    if sliding {
        x = x.saturating_add(GUTTER);
    }
    Table {
        name_x,
        name_width: to_u16(name_width),
        left_gutter,
        letters_x,
        letter_width: to_u16(letter_width),
        first,
        shown,
        right_gutter,
        check_x: x,
        words,
    }
}

impl Table {
    fn check_width(&self) -> u16 {
        if self.words {
            CHECK_WIDTH_WORDS
        } else {
            CHECK_WIDTH
        }
    }

    fn letter_x(&self, slot: usize) -> u16 {
        self.letters_x
            .saturating_add(to_u16(slot).saturating_mul(self.letter_width.saturating_add(GAP)))
    }

    fn draw_header(
        &self,
        buf: &mut Buffer,
        row: Rect,
        s: &Session,
        offset: usize,
        visible: usize,
        theme: &Theme,
    ) {
        let y = row.y;
        let total = s.roles.len();
        // Which rows are in view, when not all are and the column has room to say so.
        let range = format!(
            "Role  {}–{} of {total}",
            offset + 1,
            (offset + visible).min(total)
        );
        let label = if total > visible && display_width(&range) <= usize::from(self.name_width) {
            range
        } else {
            "Role".to_string()
        };
        let label = truncate_to_width(&label, usize::from(self.name_width));
        put(
            buf,
            row,
            self.name_x,
            y,
            &label,
            self.name_width,
            theme.muted,
        );
        for slot in 0..self.shown {
            let index = self.first + slot;
            let label = partner_label(s, index, usize::from(self.letter_width));
            let x = centred_x(
                self.letter_x(slot),
                self.letter_width,
                display_width(&label),
            );
            put(
                buf,
                row,
                x,
                y,
                &label,
                self.letter_width,
                theme.partner(index),
            );
        }
        if let (Some(x), true) = (self.left_gutter, self.first > 0) {
            let hint = format!("◀ {}", self.first);
            put(buf, row, x, y, &hint, GUTTER, theme.accent);
        }
        let right = s.partners.len().saturating_sub(self.first + self.shown);
        if let (Some(x), true) = (self.right_gutter, right > 0) {
            let hint = format!("{right} ▶");
            put(buf, row, x, y, &hint, GUTTER, theme.accent);
        }
        put(
            buf,
            row,
            self.check_x,
            y,
            "Check",
            self.check_width(),
            theme.muted,
        );
    }

    /// One role. `cursor` is the cursor's column when the cursor is on this row.
    /// Returns true when the role's name was cut to fit its column.
    fn draw_row(
        &self,
        buf: &mut Buffer,
        row: Rect,
        (s, role): (&Session, &Role),
        cursor: Option<usize>,
        changed: Option<&Changed>,
        theme: &Theme,
    ) -> bool {
        let y = row.y;
        // What the replayed event just changed: the role itself, or one of its cells.
        let role_changed = changed == Some(&Changed::Role(role.id));
        let cell_changed = match changed {
            Some(Changed::Raci { role: r, partner }) if *r == role.id => Some(*partner),
            _ => None,
        };
        if cursor.is_some() {
            put(buf, row, row.x, y, "▸", 1, theme.accent);
        } else if role_changed || cell_changed.is_some() {
            put(buf, row, row.x, y, CHANGED_MARK, 1, changed_style(theme));
        }
        let name_style = if cursor == Some(0) {
            fill(buf, row, self.name_x, y, self.name_width, theme.selected);
            theme.selected
        } else if role_changed {
            changed_style(theme)
        } else {
            theme.text
        };
        let name = truncate_to_width(&role.name, usize::from(self.name_width));
        put(buf, row, self.name_x, y, &name, self.name_width, name_style);
        let name_cut = name != role.name;

        for slot in 0..self.shown {
            let index = self.first + slot;
            let Some(partner) = s.partners.get(index) else {
                continue;
            };
            let x = self.letter_x(slot);
            let letter = role.raci.get(&partner.id).copied();
            let mut style = match letter {
                Some(Raci::Accountable) => theme.heading,
                Some(Raci::Responsible) => theme.text,
                Some(_) => theme.muted,
                None => theme.border,
            };
            if cursor == Some(index + 1) {
                fill(buf, row, x, y, self.letter_width, theme.selected);
                style = theme.selected;
            } else if cell_changed == Some(partner.id) {
                style = changed_style(theme);
            }
            let mut glyph = [0u8; 4];
            let glyph: &str = match letter {
                Some(l) => l.letter().encode_utf8(&mut glyph),
                None => "·",
            };
            put(
                buf,
                row,
                centred_x(x, self.letter_width, 1),
                y,
                glyph,
                1,
                style,
            );
        }

        let (check, problem) = role_check(role, self.words);
        let style = if problem { theme.warn } else { theme.good };
        put(
            buf,
            row,
            self.check_x,
            y,
            check.as_str(),
            self.check_width(),
            style,
        );
        name_cut
    }
}

/// What is wrong with a role, in the check column's words (short or `full`), and whether
/// anything is.
fn role_check(role: &Role, full: bool) -> (String, bool) {
    let (mut accountable, mut responsible) = (0usize, 0usize);
    for letter in role.raci.values() {
        match letter {
            Raci::Accountable => accountable += 1,
            Raci::Responsible => responsible += 1,
            _ => {}
        }
    }
    let a = match (accountable, full) {
        (1, _) => None,
        (0, false) => Some("no A".to_string()),
        (0, true) => Some("nobody accountable".to_string()),
        (n, false) => Some(format!("{n}×A")),
        (n, true) => Some(format!("{n} accountable")),
    };
    let r = (responsible == 0).then_some(if full { "nobody responsible" } else { "no R" });
    match (a, r) {
        (None, None) => (if full { "✔ ok" } else { "✔" }.to_string(), false),
        (Some(a), None) => (a, true),
        (None, Some(r)) => (r.to_string(), true),
        (Some(a), Some(r)) => (format!("{a}, {r}"), true),
    }
}

/// The summary on the roles title: how many rows still need the room's attention.
fn roles_summary(s: &Session, theme: &Theme) -> Vec<(String, Style)> {
    if s.roles.is_empty() {
        return Vec::new();
    }
    let open = s.roles.iter().filter(|r| role_check(r, false).1).count();
    let text = match open {
        0 => "✔ every role has one A and an R".to_string(),
        1 => "1 role to settle".to_string(),
        n => format!("{n} roles to settle"),
    };
    let style = if open == 0 { theme.good } else { theme.warn };
    vec![(text, style)]
}

/// A partner's name for a column `width` cells wide: in full if it fits, else its first
/// word when that is enough to tell it from the others, else cut.
fn partner_label(s: &Session, index: usize, width: usize) -> String {
    let Some(partner) = s.partners.get(index) else {
        return String::new();
    };
    let name = partner.name.trim();
    if display_width(name) <= width {
        return name.to_string();
    }
    let first = name.split_whitespace().next().unwrap_or(name);
    let unique = s
        .partners
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .all(|(_, p)| p.name.split_whitespace().next() != Some(first));
    if unique && display_width(first) <= width {
        return first.to_string();
    }
    truncate_to_width(name, width)
}

/// What one partner's holes column showed.
#[derive(Debug, Default)]
struct HoleFit {
    /// The partner's holes, and how many of them are in view.
    total: usize,
    shown: usize,
    /// Holes in view whose words or filler were cut to the column's width.
    cut: usize,
}

/// Draws one partner's holes in `area`: name on top, then each hole on two rows, its
/// words and who fills it. Returns the number of rows drawn and what fit.
#[allow(clippy::too_many_arguments)]
fn draw_hole_column(
    buf: &mut Buffer,
    area: Rect,
    s: &Session,
    index: usize,
    owner: PartnerId,
    (cursor, changed): (Option<usize>, Option<ItemId>),
    focused: bool,
    theme: &Theme,
) -> (u16, HoleFit) {
    let holes: Vec<&Hole> = s.holes_of(owner).collect();
    let mut fit = HoleFit {
        total: holes.len(),
        ..HoleFit::default()
    };
    if area.is_empty() {
        return (0, fit);
    }
    let (header, list) = take_top(area, 1);
    let width = usize::from(area.width);
    // The focused column is marked by a word-free symbol as well as the cursor, so an
    // empty column still shows where `a` will add.
    let marker = if focused { "▶ " } else { "" };
    let item_gap = usize::from(list.height >= 9);
    let per_item = 2 + item_gap;
    let visible = (usize::from(list.height) + item_gap) / per_item;
    let offset = cursor.map_or(0, |c| scroll_offset(c, holes.len(), visible));

    let count = match holes.len() {
        0 => String::new(),
        n if n > visible && visible > 0 => {
            format!("{}–{} of {n}", offset + 1, (offset + visible).min(n))
        }
        1 => "1 hole".to_string(),
        n => format!("{n} holes"),
    };
    let count_w = display_width(&count);
    let name_room =
        width.saturating_sub(display_width(marker) + if count_w > 0 { count_w + 2 } else { 0 });
    let name = truncate_to_width(&s.partner_name(owner), name_room.max(1));
    let mut x = put(
        buf,
        area,
        header.x,
        header.y,
        marker,
        header.width,
        theme.accent,
    );
    x = put(
        buf,
        area,
        x,
        header.y,
        &name,
        header.width,
        theme.partner(index),
    );
    if count_w > 0 && display_width(marker) + display_width(&name) + 2 + count_w <= width {
        let cx = header.right().saturating_sub(to_u16(count_w));
        put(
            buf,
            area,
            cx.max(x),
            header.y,
            &count,
            header.width,
            theme.muted,
        );
    }

    if holes.is_empty() {
        let text = format!(
            "No holes named for {} — press a to add one",
            s.partner_name(owner)
        );
        let lines = wrap_lines(&[Line::styled(text, theme.muted)], list.width);
        let shown = lines.len().min(usize::from(list.height));
        for (i, line) in lines.iter().take(shown).enumerate() {
            buf.set_line(list.x, list.y.saturating_add(to_u16(i)), line, list.width);
        }
        return (to_u16(1 + shown), fit);
    }
    let text_room = width.saturating_sub(2);
    for (slot, (i, hole)) in holes
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let y = list.y.saturating_add(to_u16(slot * per_item));
        let selected = cursor == Some(i);
        let (text_style, filler_style) = if selected {
            fill(buf, list, list.x, y, list.width, theme.selected);
            fill(
                buf,
                list,
                list.x,
                y.saturating_add(1),
                list.width,
                theme.selected,
            );
            (theme.selected, theme.selected)
        } else {
            let filler_style = match hole.filled_by {
                HoleFiller::Itself => theme.good,
                HoleFiller::Partner(_) => theme.warn,
                HoleFiller::ThirdParty | HoleFiller::Unresolved => theme.muted,
            };
            (theme.text, filler_style)
        };
        // The hole the replayed event just changed: marked, in the changed style.
        let marked = !selected && changed == Some(hole.id);
        let (bullet, text_style) = if marked {
            ("● ", changed_style(theme))
        } else {
            ("• ", text_style)
        };
        let x = put(buf, list, list.x, y, bullet, 2, text_style);
        let text = truncate_to_width(&hole.text, text_room);
        put(buf, list, x, y, &text, list.width, text_style);
        let filler = filler_words(s, hole.filled_by, text_room);
        let shown_filler = truncate_to_width(&filler, text_room);
        put(
            buf,
            list,
            list.x.saturating_add(2),
            y.saturating_add(1),
            &shown_filler,
            list.width,
            filler_style,
        );
        fit.cut += usize::from(text != hole.text || shown_filler != filler);
    }
    let items = holes.len().saturating_sub(offset).min(visible);
    fit.shown = items;
    let rows = to_u16(1 + (items * per_item).saturating_sub(item_gap)).min(area.height);
    (rows, fit)
}

/// Who fills a hole, in words with a symbol, so the warning does not rest on colour. A
/// partner's name shortens to its first word rather than cutting the warning short.
fn filler_words(s: &Session, filler: HoleFiller, width: usize) -> String {
    match filler {
        HoleFiller::Partner(p) => {
            let frame = display_width("⚠ expects  to fill this");
            let name = match s.partner_index(p) {
                Some(index) => partner_label(s, index, width.saturating_sub(frame).max(1)),
                None => s.partner_name(p),
            };
            format!("⚠ expects {name} to fill this")
        }
        HoleFiller::Itself => format!("✔ filled by {}", filler_label(s, filler)),
        HoleFiller::ThirdParty => format!("→ filled by {}", filler_label(s, filler)),
        HoleFiller::Unresolved => format!("? filled by {}", filler_label(s, filler)),
    }
}

// ---------------------------------------------------------------------------------------
// Drawing helpers

/// Writes `text` at (`x`, `y`) within `clip`, at most `width` cells; returns the x after
/// it. Anything outside `clip` is skipped, so callers can lay out without bounds checks.
fn put(buf: &mut Buffer, clip: Rect, x: u16, y: u16, text: &str, width: u16, style: Style) -> u16 {
    let clip = clip.intersection(buf.area);
    if y < clip.top() || y >= clip.bottom() || x < clip.left() || x >= clip.right() {
        return x;
    }
    let room = clip.right().saturating_sub(x).min(width);
    buf.set_stringn(x, y, text, usize::from(room), style).0
}

/// Paints `width` cells from (`x`, `y`) with `style`, within `clip`.
fn fill(buf: &mut Buffer, clip: Rect, x: u16, y: u16, width: u16, style: Style) {
    let rect = Rect::new(x, y, width, 1).intersection(clip);
    buf.set_style(rect, style);
}

fn centred_x(x: u16, width: u16, text_width: usize) -> u16 {
    x.saturating_add(width.saturating_sub(to_u16(text_width)) / 2)
}

/// A pane's title row: a marker and the title on the left (the marker, not only the
/// colour, says which pane the keys act on), and notes on the right when they fit.
fn draw_title(
    buf: &mut Buffer,
    row: Rect,
    title: &str,
    focused: bool,
    notes: &[(String, Style)],
    theme: &Theme,
) {
    if row.is_empty() {
        return;
    }
    let (marker, style) = if focused {
        ("▶ ", theme.accent)
    } else {
        ("  ", theme.muted)
    };
    let x = put(buf, row, row.x, row.y, marker, row.width, theme.accent);
    let room = usize::from(row.right().saturating_sub(x));
    let title = truncate_to_width(title, room);
    let end = put(buf, row, x, row.y, &title, row.width, style);
    // Notes are dropped from the front (the most expendable come first) until the rest fits.
    const SEP: &str = "   ";
    let free = usize::from(row.right().saturating_sub(end));
    for skip in 0..notes.len() {
        let shown = &notes[skip..];
        let need: usize = shown.iter().map(|(t, _)| display_width(t)).sum::<usize>()
            + display_width(SEP) * shown.len();
        if need <= free {
            let mut nx = row
                .right()
                .saturating_sub(to_u16(need))
                .saturating_add(to_u16(display_width(SEP)));
            for (i, (text, style)) in shown.iter().enumerate() {
                if i > 0 {
                    nx = put(buf, row, nx, row.y, SEP, row.width, theme.muted);
                }
                nx = put(buf, row, nx, row.y, text, row.width, *style);
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {

    use chrono::{TimeZone, Utc};
    use ratatui::buffer::Buffer;
    use ratatui::crossterm::event::KeyModifiers;

    use super::*;
    use crate::domain::templates::template_roles;
    use crate::domain::{History, NewPartner, PartnershipType, sample};
    use crate::tui::form::FieldKind;
    use crate::tui::intent::OnText;
    use crate::tui::stages::testing::{ctx, draw_stage, key, proceed, recorded, rows};
    use crate::tui::widgets::testing::test_terminal;

    const NORTHWIND: PartnerId = PartnerId(1);
    const GLOBEX: PartnerId = PartnerId(2);

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 12, 12, 0, 0)
            .single()
            .expect("valid time")
    }

    fn press(screen: &mut RolesScreen, session: &Session, code: KeyCode) -> Option<Intent> {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()))
    }

    /// Draws the screen as the app would: an 80×24 terminal whose body starts below a
    /// two-row header and leaves three rows for footer and status.
    fn draw(screen: &RolesScreen, session: &Session, width: u16, height: u16) -> Buffer {
        draw_stage(width, height, session, |f, ctx| {
            let full = f.area();
            let body =
                Rect::new(0, 2, full.width, full.height.saturating_sub(5)).intersection(full);
            screen.render(f, body, ctx);
        })
    }

    fn row_with<'a>(rows: &'a [String], needle: &str) -> (usize, &'a String) {
        rows.iter()
            .enumerate()
            .find(|(_, r)| r.contains(needle))
            .unwrap_or_else(|| panic!("no row contains {needle:?}:\n{}", rows.join("\n")))
    }

    /// Column (in cells) where `needle` starts in `row`.
    fn col_of(row: &str, needle: &str) -> usize {
        let byte = row
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {row:?}"));
        row[..byte].chars().count()
    }

    fn record(history: &mut History, changes: Vec<Change>) {
        for change in changes {
            history.record(now(), change).expect("change applies");
        }
    }

    fn submit_text(
        intent: Option<Intent>,
        text: &str,
        session: &Session,
    ) -> (String, Result<Vec<Change>, String>) {
        match intent {
            Some(Intent::Edit {
                initial, on_submit, ..
            }) => {
                let on_submit: OnText = on_submit;
                (initial, on_submit(text.to_string(), session))
            }
            _ => panic!("expected an editor"),
        }
    }

    fn confirm_yes(intent: Option<Intent>) -> (String, Vec<Change>) {
        match intent {
            Some(Intent::Confirm(confirm)) => {
                let question = confirm.lines.join(" ");
                let yes = confirm
                    .options
                    .into_iter()
                    .find(|o| o.key == 'y')
                    .expect("a yes option");
                match yes.then {
                    Intent::Record(changes) => (question, changes),
                    _ => panic!("yes should record"),
                }
            }
            _ => panic!("expected a confirmation"),
        }
    }

    fn role_id(session: &Session, name: &str) -> ItemId {
        session
            .roles
            .iter()
            .find(|r| r.name == name)
            .expect("role exists")
            .id
    }

    fn role_index(session: &Session, name: &str) -> usize {
        session
            .roles
            .iter()
            .position(|r| r.name == name)
            .expect("role exists")
    }

    /// A session with eight partners, each with a hole, and a few letters set.
    pub(super) fn eight_partners() -> History {
        let names = [
            "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell",
        ];
        let partners = names
            .iter()
            .zip(1u32..)
            .map(|(name, id)| NewPartner {
                id: PartnerId(id),
                name: format!("{name} Corp"),
                brings: String::new(),
            })
            .collect();
        let kind = PartnershipType::AllianceMember;
        let created = Change::Created {
            title: "Eight".into(),
            moderator: String::new(),
            roles: template_roles(&kind, 1),
            kind,
            partners,
        };
        let mut history = History::create(now(), created).expect("created");
        let role = history.session().roles[0].id;
        for id in 1..=8 {
            let hole = Hole {
                id: history.session().fresh_id(),
                owner: PartnerId(id),
                text: format!("Gap number {id}"),
                filled_by: HoleFiller::Itself,
            };
            record(
                &mut history,
                vec![
                    Change::HoleAdded { hole },
                    Change::RaciSet {
                        role,
                        partner: PartnerId(id),
                        letter: Some(Raci::Informed),
                    },
                ],
            );
        }
        history
    }

    #[test]
    fn table_shows_each_partners_letter_under_its_name_and_the_check_in_words() {
        let history = proceed();
        let s = history.session();
        let rows = rows(&draw(&RolesScreen::default(), s, 80, 24));
        let (title_y, title) = row_with(&rows, "Roles — who is Responsible");
        assert!(
            title.starts_with("▶ "),
            "the focused pane is marked: {title:?}"
        );
        let header = &rows[title_y + 1];
        assert!(
            header.contains("Role") && header.contains("Check"),
            "{header:?}"
        );
        let north = col_of(header, "Northwind");
        let globex = col_of(header, "Globex");
        assert!(north < globex);

        // Implementation: Northwind consulted, Globex accountable, nobody responsible.
        let (_, row) = row_with(&rows, "Implementation and integration");
        let cells: Vec<char> = row.chars().collect();
        let letter_near = |start: usize| {
            cells[start.saturating_sub(2)..start + 10]
                .iter()
                .copied()
                .find(|c| "RACI·".contains(*c))
        };
        assert_eq!(letter_near(north), Some('C'), "{row:?}\n{header:?}");
        assert_eq!(letter_near(globex), Some('A'), "{row:?}\n{header:?}");
        assert!(row.contains("no R"), "{row:?}");
        // Both accountable and nobody responsible: both problems named.
        // Solution architecture is settled: Globex answers for it, Northwind does it.
        assert!(
            row_with(&rows, "Solution architecture")
                .1
                .trim_end()
                .ends_with('✔')
        );
        assert!(row_with(&rows, "Executive sponsorship").1.contains("no A"));
        // The longest role name is not cut at 80 columns.
        row_with(&rows, "Escalation to product engineering");
        // The count of open rows joins the title where the width allows.
        let wide = super::tests::rows(&draw(&RolesScreen::default(), s, 120, 30));
        assert!(
            row_with(&wide, "Roles — who")
                .1
                .contains("4 roles to settle")
        );
    }

    #[test]
    fn a_settled_role_gets_a_tick() {
        let mut history = proceed();
        let role = role_id(history.session(), "Solution architecture");
        record(
            &mut history,
            vec![Change::RaciSet {
                role,
                partner: NORTHWIND,
                letter: Some(Raci::Responsible),
            }],
        );
        let s = history.session();
        let narrow = rows(&draw(&RolesScreen::default(), s, 80, 24));
        assert!(
            row_with(&narrow, "Solution architecture")
                .1
                .trim_end()
                .ends_with('✔')
        );
        // With room to spare the check column speaks in full words.
        let wide = rows(&draw(&RolesScreen::default(), s, 160, 45));
        assert!(
            row_with(&wide, "Solution architecture")
                .1
                .trim_end()
                .ends_with("✔ ok")
        );
        assert!(
            row_with(&wide, "Executive sponsorship")
                .1
                .contains("nobody accountable")
        );
        assert!(
            row_with(&wide, "Roles — who")
                .1
                .contains("4 roles to settle")
        );
    }

    #[test]
    fn holes_show_who_fills_them_and_flag_the_mistaken_belief() {
        let history = proceed();
        let rows = rows(&draw(&RolesScreen::default(), history.session(), 80, 24));
        let (title_y, title) = row_with(&rows, "Holes — gaps each partner must own");
        assert!(
            title.starts_with("  "),
            "unfocused pane carries no marker: {title:?}"
        );
        assert!(
            title.contains("⚠ 1 hole expects another partner"),
            "{title:?}"
        );
        let names = &rows[title_y + 1];
        assert!(
            col_of(names, "Northwind") < col_of(names, "Globex"),
            "{names:?}"
        );
        assert!(names.contains("2 holes"), "{names:?}");

        let (y, _) = row_with(&rows, "• Delivery capacity outside Germany");
        // Too long for the column with the full name, so the first word stands in.
        assert!(
            rows[y + 1].contains("⚠ expects Globex to fill this"),
            "{}",
            rows[y + 1]
        );
        let (y, _) = row_with(&rows, "• Sales coverage in the Nordics");
        assert!(rows[y + 1].contains("✔ filled by itself"));
        let (y, _) = row_with(&rows, "• Certified analytics engineers");
        assert!(rows[y + 1].contains("→ filled by a third party"));
        let (y, _) = row_with(&rows, "• A repeatable analytics offer");
        assert!(rows[y + 1].contains("? filled by nobody yet"));
    }

    #[test]
    fn the_warning_is_drawn_in_the_warning_style() {
        let history = proceed();
        let buf = draw(&RolesScreen::default(), history.session(), 80, 24);
        let rows = rows(&buf);
        let (y, row) = row_with(&rows, "⚠ expects Globex");
        let x = col_of(row, "⚠ expects");
        let theme = Theme::dark();
        assert_eq!(
            buf[(to_u16(x + 3), to_u16(y))].fg,
            theme.warn.fg.expect("warn colour")
        );
    }

    #[test]
    fn an_empty_partner_says_how_to_add_a_hole() {
        let history = sample::example_pass().expect("sample builds");
        let rows = rows(&draw(&RolesScreen::default(), history.session(), 80, 24));
        row_with(&rows, "No holes named for Acme");
        row_with(&rows, "press a to add one");
    }

    #[test]
    fn tab_moves_the_marker_and_the_footer() {
        let history = proceed();
        let s = history.session();
        let mut screen = RolesScreen::default();
        assert!(screen.footer_keys().contains(&("Enter", "rename")));
        assert!(press(&mut screen, s, KeyCode::Tab).is_none());
        let rows = rows(&draw(&screen, s, 80, 24));
        assert!(row_with(&rows, "Holes — gaps").1.starts_with("▶ "));
        assert!(row_with(&rows, "Roles — who").1.starts_with("  "));
        // The first hole of the first partner is selected.
        let buf = draw(&screen, s, 80, 24);
        let (y, row) = row_with(&rows, "• Delivery capacity");
        let x = col_of(row, "Delivery");
        assert_eq!(
            buf[(to_u16(x), to_u16(y))].bg,
            Theme::dark().selected.bg.expect("bg")
        );
        assert!(screen.footer_keys().contains(&("Space", "who fills it")));
        press(&mut screen, s, KeyCode::BackTab);
        assert_eq!(screen.pane, Pane::Roles);
    }

    #[test]
    fn enter_and_space_cycle_a_letter() {
        let history = proceed();
        let s = history.session();
        let mut screen = RolesScreen::default();
        let role = role_index(s, "Implementation and integration");
        for _ in 0..role {
            press(&mut screen, s, KeyCode::Down);
        }
        press(&mut screen, s, KeyCode::Right);
        assert!(screen.footer_keys().contains(&("Enter", "cycle letter")));
        // Northwind is C; the cycle goes on to I.
        let id = s.roles[role].id;
        let expected = vec![Change::RaciSet {
            role: id,
            partner: NORTHWIND,
            letter: Some(Raci::Informed),
        }];
        assert_eq!(recorded(press(&mut screen, s, KeyCode::Enter)), expected);
        assert_eq!(
            recorded(press(&mut screen, s, KeyCode::Char(' '))),
            expected
        );
        // Globex is A; the cycle goes on to C.
        press(&mut screen, s, KeyCode::Char('l'));
        assert_eq!(
            recorded(press(&mut screen, s, KeyCode::Enter)),
            vec![Change::RaciSet {
                role: id,
                partner: GLOBEX,
                letter: Some(Raci::Consulted),
            }]
        );
    }

    #[test]
    fn letter_keys_set_and_clear_directly() {
        let mut history = proceed();
        let s = history.session().clone();
        let mut screen = RolesScreen::default();
        // Implementation and integration: Northwind is consulted there.
        let at = role_index(&s, "Implementation and integration");
        for _ in 0..at {
            press(&mut screen, &s, KeyCode::Down);
        }
        press(&mut screen, &s, KeyCode::Right);
        let role = s.roles[at].id;
        let set = |letter| {
            vec![Change::RaciSet {
                role,
                partner: NORTHWIND,
                letter,
            }]
        };
        assert_eq!(
            recorded(press(&mut screen, &s, KeyCode::Char('r'))),
            set(Some(Raci::Responsible))
        );
        assert_eq!(
            recorded(press(&mut screen, &s, KeyCode::Char('i'))),
            set(Some(Raci::Informed))
        );
        let shift_a = KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT);
        let theme = Theme::dark();
        let intent = screen.handle_key(shift_a, &ctx(&s, &theme));
        assert_eq!(recorded(intent), set(Some(Raci::Accountable)));
        // Northwind is already C here: setting C again records nothing.
        assert!(press(&mut screen, &s, KeyCode::Char('c')).is_none());
        for clear in [KeyCode::Char('x'), KeyCode::Backspace, KeyCode::Delete] {
            assert_eq!(recorded(press(&mut screen, &s, clear)), set(None));
        }
        record(&mut history, set(None));
        let rows = rows(&draw(&screen, history.session(), 80, 24));
        assert!(
            row_with(&rows, "Implementation and integration")
                .1
                .contains('·')
        );
        // On the name column a letter key explains itself instead of doing nothing.
        press(&mut screen, &s, KeyCode::Left);
        assert!(matches!(
            press(&mut screen, &s, KeyCode::Char('r')),
            Some(Intent::Status(_))
        ));
        // Ctrl chords are not this screen's.
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert!(screen.handle_key(ctrl_r, &ctx(&s, &theme)).is_none());
    }

    #[test]
    fn enter_on_a_name_renames_the_role() {
        let mut history = proceed();
        let s = history.session().clone();
        let mut screen = RolesScreen::default();
        press(&mut screen, &s, KeyCode::Down);
        let id = s.roles[1].id;
        let (initial, result) = submit_text(
            press(&mut screen, &s, KeyCode::Enter),
            "  Integration work ",
            &s,
        );
        assert_eq!(initial, s.roles[1].name);
        let changes = result.expect("accepted");
        assert_eq!(
            changes,
            vec![Change::RoleRenamed {
                id,
                name: "Integration work".into()
            }]
        );
        record(&mut history, changes);
        assert_eq!(history.session().roles[1].name, "Integration work");
        // Empty and duplicate names are refused with a reason.
        let (_, result) = submit_text(press(&mut screen, &s, KeyCode::Enter), "  ", &s);
        assert!(result.is_err());
        let (_, result) = submit_text(
            press(&mut screen, &s, KeyCode::Enter),
            "project MANAGEMENT",
            &s,
        );
        assert!(result.expect_err("duplicate").contains("already"));
    }

    #[test]
    fn a_adds_a_role_with_a_fresh_id() {
        let mut history = proceed();
        let s = history.session().clone();
        let mut screen = RolesScreen::default();
        let (initial, result) = submit_text(
            press(&mut screen, &s, KeyCode::Char('a')),
            "Data ownership",
            &s,
        );
        assert!(initial.is_empty());
        let changes = result.expect("accepted");
        let [Change::RoleAdded { role }] = changes.as_slice() else {
            panic!("expected RoleAdded, got {changes:?}");
        };
        assert_eq!(role.id, s.fresh_id());
        assert!(role.raci.is_empty());
        record(&mut history, changes);
        let rows = rows(&draw(&screen, history.session(), 80, 24));
        assert!(row_with(&rows, "Data ownership").1.contains("no A, no R"));
    }

    #[test]
    fn d_asks_before_deleting_a_role() {
        let mut history = proceed();
        let s = history.session().clone();
        let mut screen = RolesScreen::default();
        press(&mut screen, &s, KeyCode::End);
        let last = s.roles.last().expect("roles");
        let (question, changes) = confirm_yes(press(&mut screen, &s, KeyCode::Char('d')));
        assert!(question.contains(&last.name), "{question}");
        assert_eq!(changes, vec![Change::RoleRemoved { id: last.id }]);
        record(&mut history, changes);
        // The cursor was on the removed row: it lands on the new last row.
        let rows = rows(&draw(&screen, history.session(), 80, 24));
        let name = &history.session().roles.last().expect("roles").name;
        assert!(row_with(&rows, name).1.starts_with('▸'));
    }

    #[test]
    fn a_in_the_holes_pane_opens_a_form_for_the_focused_partner() {
        let mut history = proceed();
        let s = history.session().clone();
        let mut screen = RolesScreen::default();
        press(&mut screen, &s, KeyCode::Tab);
        press(&mut screen, &s, KeyCode::Right);
        let Some(Intent::Form(mut form)) = press(&mut screen, &s, KeyCode::Char('a')) else {
            panic!("expected a form");
        };
        assert!(form.title.contains("Globex Integration"), "{}", form.title);
        let FieldKind::Choice { options, .. } = &form.fields[1].kind else {
            panic!("second field chooses who fills it");
        };
        assert_eq!(
            options,
            &[
                "itself",
                "Northwind Analytics",
                "a third party",
                "nobody yet"
            ]
        );
        // Nothing typed yet: refused, the form stays open.
        assert!((form.on_submit)(&form, &s).is_err());
        for c in "Plant-floor data science".chars() {
            form.handle_key(key(KeyCode::Char(c)));
        }
        form.handle_key(key(KeyCode::Tab));
        form.handle_key(key(KeyCode::Right));
        let changes = (form.on_submit)(&form, &s).expect("accepted");
        assert_eq!(
            changes,
            vec![Change::HoleAdded {
                hole: Hole {
                    id: s.fresh_id(),
                    owner: GLOBEX,
                    text: "Plant-floor data science".into(),
                    filled_by: HoleFiller::Partner(NORTHWIND),
                }
            }]
        );
        record(&mut history, changes);
        let rows = rows(&draw(&screen, history.session(), 80, 24));
        assert!(
            row_with(&rows, "Holes — gaps")
                .1
                .contains("⚠ 2 holes expect another partner")
        );
    }

    #[test]
    fn space_cycles_who_fills_a_hole_skipping_the_owner() {
        let history = proceed();
        let s = history.session();
        let mut screen = RolesScreen::default();
        press(&mut screen, s, KeyCode::Tab);
        let first = s.holes_of(NORTHWIND).next().expect("a hole");
        assert_eq!(first.filled_by, HoleFiller::Partner(GLOBEX));
        assert_eq!(
            recorded(press(&mut screen, s, KeyCode::Char(' '))),
            vec![Change::HoleFillerSet {
                id: first.id,
                filled_by: HoleFiller::ThirdParty,
            }]
        );
        // Itself is followed by the other partner, never by the owner.
        assert_eq!(
            next_filler(s, NORTHWIND, HoleFiller::Itself),
            HoleFiller::Partner(GLOBEX)
        );
        assert_eq!(
            next_filler(s, GLOBEX, HoleFiller::Itself),
            HoleFiller::Partner(NORTHWIND)
        );
        assert_eq!(
            next_filler(s, GLOBEX, HoleFiller::Unresolved),
            HoleFiller::Itself
        );
        assert_eq!(
            next_filler(s, GLOBEX, HoleFiller::Partner(GLOBEX)),
            HoleFiller::Itself
        );
    }

    #[test]
    fn enter_rewords_and_d_deletes_a_hole() {
        let mut history = proceed();
        let s = history.session().clone();
        let mut screen = RolesScreen::default();
        press(&mut screen, &s, KeyCode::Tab);
        press(&mut screen, &s, KeyCode::Down);
        let hole = s.holes_of(NORTHWIND).nth(1).expect("two holes").clone();
        let (initial, result) = submit_text(
            press(&mut screen, &s, KeyCode::Enter),
            "Sales in the Nordics",
            &s,
        );
        assert_eq!(initial, hole.text);
        let changes = result.expect("accepted");
        assert_eq!(
            changes,
            vec![Change::HoleEdited {
                id: hole.id,
                text: "Sales in the Nordics".into()
            }]
        );
        record(&mut history, changes);
        let s = history.session().clone();
        let (question, changes) = confirm_yes(press(&mut screen, &s, KeyCode::Char('d')));
        assert!(
            question.contains("Sales in the Nordics") && question.contains("Northwind"),
            "{question}"
        );
        assert_eq!(changes, vec![Change::HoleRemoved { id: hole.id }]);
        record(&mut history, changes);
        assert_eq!(history.session().holes_of(NORTHWIND).count(), 1);
    }

    #[test]
    fn eight_partners_slide_to_keep_the_focused_one_in_view() {
        let history = eight_partners();
        let s = history.session();
        let mut screen = RolesScreen::default();
        let rows0 = rows(&draw(&screen, s, 80, 24));
        let (y, _) = row_with(&rows0, "Roles — who");
        assert!(rows0[y + 1].contains("Acme"), "{}", rows0[y + 1]);
        assert!(rows0[y + 1].contains(" ▶"), "{}", rows0[y + 1]);
        for _ in 0..8 {
            press(&mut screen, s, KeyCode::Right);
        }
        let rows1 = rows(&draw(&screen, s, 80, 24));
        let header = &rows1[y + 1];
        assert!(header.contains("Tyrell"), "{header:?}");
        assert!(header.contains("◀ "), "{header:?}");
        assert!(!header.contains("Acme"), "{header:?}");
        assert!(rows1[y + 2].contains('I'), "{}", rows1[y + 2]);

        press(&mut screen, s, KeyCode::Tab);
        for _ in 0..8 {
            press(&mut screen, s, KeyCode::Right);
        }
        let rows2 = rows(&draw(&screen, s, 80, 24));
        let title = row_with(&rows2, "Holes — gaps").1;
        assert!(title.contains("◀ ") && title.contains(" more"), "{title:?}");
        assert!(
            !title.contains("more ▶"),
            "nothing is hidden to the right: {title:?}"
        );
        row_with(&rows2, "▶ Tyrell Corp");
        row_with(&rows2, "Gap number 8");
    }

    #[test]
    fn wide_screens_show_full_partner_names() {
        let history = proceed();
        let rows = rows(&draw(&RolesScreen::default(), history.session(), 160, 45));
        let (y, _) = row_with(&rows, "Roles — who");
        assert!(
            rows[y + 1].contains("Northwind Analytics"),
            "{}",
            rows[y + 1]
        );
        row_with(&rows, "⚠ expects Globex Integration to fill this");
    }

    #[test]
    fn never_panics_at_any_size() {
        let history = proceed();
        let s = history.session();
        let mut screens = vec![RolesScreen::default()];
        let mut holes = RolesScreen::default();
        press(&mut holes, s, KeyCode::Tab);
        press(&mut holes, s, KeyCode::Right);
        screens.push(holes);
        let eight = eight_partners();
        for screen in &screens {
            for (w, h) in [
                (0, 0),
                (1, 1),
                (20, 5),
                (3, 40),
                (200, 2),
                (80, 24),
                (200, 50),
            ] {
                draw(screen, s, w, h);
                draw(screen, eight.session(), w, h);
            }
            for w in 0..40 {
                for h in 0..12 {
                    draw(screen, s, w, h);
                }
            }
        }
        // Drawing straight into tiny and offset areas, not only through the body rectangle.
        let theme = Theme::dark();
        let mut terminal = test_terminal(10, 3);
        terminal
            .draw(|f| {
                let c = ctx(s, &theme);
                screens[0].render(f, Rect::new(0, 0, 0, 0), &c);
                screens[0].render(f, Rect::new(1, 1, 1, 1), &c);
                screens[1].render(f, Rect::new(5, 2, 500, 500), &c);
            })
            .expect("draw");
    }

    #[test]
    fn the_cursor_survives_the_session_shrinking() {
        let mut history = proceed();
        let mut screen = RolesScreen::default();
        let s = history.session().clone();
        press(&mut screen, &s, KeyCode::End);
        press(&mut screen, &s, KeyCode::Right);
        press(&mut screen, &s, KeyCode::Right);
        let ids: Vec<ItemId> = s.roles.iter().map(|r| r.id).collect();
        record(
            &mut history,
            ids.into_iter()
                .map(|id| Change::RoleRemoved { id })
                .collect(),
        );
        let s = history.session();
        let rows = rows(&draw(&screen, s, 80, 24));
        row_with(&rows, "No roles yet — press a to add one");
        assert!(press(&mut screen, s, KeyCode::Char('d')).is_none());
        assert!(press(&mut screen, s, KeyCode::Enter).is_none());
        assert!(matches!(
            press(&mut screen, s, KeyCode::Char('a')),
            Some(Intent::Edit { .. })
        ));
    }

    #[test]
    fn a_thousand_items_render_quickly() {
        let mut history = proceed();
        let mut changes = Vec::new();
        let first = history.session().fresh_id().0;
        for i in 0..1000u32 {
            changes.push(Change::RoleAdded {
                role: Role {
                    id: ItemId(first + 2 * i),
                    name: format!("Role number {i} with a reasonably long name"),
                    raci: [(NORTHWIND, Raci::Accountable)].into_iter().collect(),
                },
            });
            changes.push(Change::HoleAdded {
                hole: Hole {
                    id: ItemId(first + 2 * i + 1),
                    owner: if i % 2 == 0 { NORTHWIND } else { GLOBEX },
                    text: format!("Hole number {i}"),
                    filled_by: HoleFiller::Unresolved,
                },
            });
        }
        record(&mut history, changes);
        let s = history.session();
        let mut screen = RolesScreen::default();
        for _ in 0..500 {
            press(&mut screen, s, KeyCode::Down);
        }
        let last = draw_stage(200, 50, s, |f, ctx| screen.render(f, f.area(), ctx));
        let rows = rows(&last);
        row_with(&rows, "Role number 500 with");
        // The header says which part of the long table is in view.
        row_with(&rows, "of 1009");
        // How fast this draws is measured by `cargo bench --bench render`, not here.
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;
    use crate::domain::timeline::Changed;
    use crate::tui::stages::testing::{draw_highlighted, marked_rows, proceed};

    fn marked(changed: &Changed) -> Vec<String> {
        let history = proceed();
        let screen = RolesScreen::default();
        let buf = draw_highlighted(120, 30, history.session(), changed, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        marked_rows(&buf)
    }

    #[test]
    fn the_role_cell_or_hole_a_replayed_event_changed_is_marked() {
        let history = proceed();
        let s = history.session();
        let role = &s.roles[1];
        let start: String = role.name.chars().take(8).collect();
        for changed in [
            Changed::Role(role.id),
            Changed::Raci {
                role: role.id,
                partner: s.partners[0].id,
            },
        ] {
            let rows = marked(&changed);
            assert_eq!(rows.len(), 1, "{changed:?} {rows:?}");
            assert!(rows[0].starts_with('●'), "{rows:?}");
            assert!(rows[0].contains(&start), "{rows:?}");
        }
        let hole = &s.holes[0];
        let rows = marked(&Changed::Hole(hole.id));
        assert_eq!(rows.len(), 1, "{rows:?}");
        let start: String = hole.text.chars().take(8).collect();
        assert!(rows[0].contains(&format!("● {start}")), "{rows:?}");
        assert!(marked(&Changed::Statement).is_empty());
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::domain::{History, sample};
    use crate::tui::stages::Hidden;
    use crate::tui::stages::testing::{at, ctx, key, proceed, reported, rows};
    use crate::tui::widgets::testing::draw_buffer;

    const NORTHWIND: PartnerId = PartnerId(1);

    /// Draws the screen into the body an 80 × 24 terminal leaves (two header rows,
    /// three footer rows) and returns the body's rows with what it reported.
    fn draw_fit(
        screen: &RolesScreen,
        session: &Session,
        w: u16,
        h: u16,
    ) -> (Vec<String>, Vec<Hidden>) {
        let theme = Theme::dark();
        let ctx = ctx(session, &theme);
        let buf = draw_buffer(w, h, |f| {
            let full = f.area();
            let body =
                Rect::new(0, 2, full.width, full.height.saturating_sub(5)).intersection(full);
            screen.render(f, body, &ctx);
        });
        (rows(&buf), ctx.fit.hidden())
    }

    fn press(screen: &mut RolesScreen, session: &Session, code: KeyCode) {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()));
    }

    fn record(history: &mut History, changes: Vec<Change>) {
        for change in changes {
            history.record(at(), change).expect("change applies");
        }
    }

    /// The example session with thirty more roles: a table far longer than the wall.
    fn long_table() -> History {
        let mut history = proceed();
        let first = history.session().fresh_id().0;
        let changes = (0..30u32)
            .map(|i| Change::RoleAdded {
                role: Role {
                    id: ItemId(first + i),
                    name: format!("Extra role {i:02}"),
                    raci: Default::default(),
                },
            })
            .collect();
        record(&mut history, changes);
        history
    }

    /// Cut texts (ending in `…`) on the rows below the one containing `title`, up to
    /// the next blank row.
    fn ellipses_below(rows: &[String], title: &str) -> usize {
        rows.iter()
            .skip_while(|r| !r.contains(title))
            .skip(1)
            .take_while(|r| !r.trim().is_empty())
            .map(|r| r.matches('…').count())
            .sum()
    }

    /// Roles whose names are on the screen.
    fn roles_on_screen(rows: &[String], s: &Session) -> usize {
        let text = rows.join("\n");
        s.roles.iter().filter(|r| text.contains(&r.name)).count()
    }

    #[test]
    fn a_long_table_reports_the_roles_out_of_view() {
        let history = long_table();
        let s = history.session();
        let total = s.roles.len();
        let mut screen = RolesScreen::default();
        let (rows, hidden) = draw_fit(&screen, s, 80, 24);
        let on_screen = roles_on_screen(&rows, s);
        assert!(on_screen > 0 && on_screen < total, "{}", rows.join("\n"));
        assert_eq!(reported(&hidden, "roles"), Some((total - on_screen, "↑↓")));
        // Both partners' letters, every hole and every role name fit; one hole's words
        // do not (the example's "A repeatable analytics offer to sell").
        assert_eq!(reported(&hidden, "partners"), None);
        assert_eq!(reported(&hidden, "holes"), None);
        assert_eq!(reported(&hidden, "role names cut short"), None);
        assert_eq!(
            reported(&hidden, "holes cut short").map(|h| h.0),
            Some(ellipses_below(&rows, "Holes — gaps"))
        );

        // At the last role the same number is hidden, now above it.
        press(&mut screen, s, KeyCode::End);
        let (rows, hidden) = draw_fit(&screen, s, 80, 24);
        let text = rows.join("\n");
        assert!(text.contains("Extra role 29"), "{text}");
        assert!(!text.contains("Solution architecture"), "{text}");
        assert!(
            text.contains(&format!("{}–{total} of {total}", total - on_screen + 1)),
            "{text}"
        );
        assert_eq!(roles_on_screen(&rows, s), on_screen);
        assert_eq!(reported(&hidden, "roles"), Some((total - on_screen, "↑↓")));

        // From the holes pane the arrows move holes: Tab first.
        press(&mut screen, s, KeyCode::Tab);
        let (_, hidden) = draw_fit(&screen, s, 80, 24);
        assert_eq!(
            reported(&hidden, "roles"),
            Some((total - on_screen, "Tab ↑↓"))
        );
    }

    /// Partner names (first words) in the table's header row.
    fn letters_on_screen(rows: &[String], s: &Session) -> usize {
        let (y, _) = rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.contains("Roles — who"))
            .expect("the roles title");
        let header = &rows[y + 1];
        s.partners
            .iter()
            .filter(|p| {
                let first = p.name.split_whitespace().next().unwrap_or("");
                header.contains(first)
            })
            .count()
    }

    #[test]
    fn eight_partners_report_hidden_letters_and_holes() {
        let history = super::tests::eight_partners();
        let s = history.session();
        let mut screen = RolesScreen::default();
        let (rows, hidden) = draw_fit(&screen, s, 80, 24);
        let text = rows.join("\n");
        let letters = letters_on_screen(&rows, s);
        assert!(letters > 0 && letters < 8, "{text}");
        assert_eq!(reported(&hidden, "partners"), Some((8 - letters, "←→")));
        // One hole each: those not on the screen are hidden with their partners.
        let holes = text.matches("Gap number").count();
        assert!(holes > 0 && holes < 8, "{text}");
        assert_eq!(reported(&hidden, "holes"), Some((8 - holes, "Tab ↑↓ ←→")));

        // At the last partner in both panes the letters and holes slid to the left;
        // as many are hidden, and the holes are the arrows' now.
        for _ in 0..8 {
            press(&mut screen, s, KeyCode::Right);
        }
        press(&mut screen, s, KeyCode::Tab);
        for _ in 0..8 {
            press(&mut screen, s, KeyCode::Right);
        }
        let (rows, hidden) = draw_fit(&screen, s, 80, 24);
        let text = rows.join("\n");
        assert!(text.contains("Gap number 8"), "{text}");
        assert!(!text.contains("Gap number 1"), "{text}");
        assert_eq!(
            reported(&hidden, "partners"),
            Some((8 - letters_on_screen(&rows, s), "Tab ←→"))
        );
        assert_eq!(
            reported(&hidden, "holes"),
            Some((8 - text.matches("Gap number").count(), "↑↓ ←→"))
        );
    }

    #[test]
    fn names_and_holes_cut_at_the_edge_are_reported() {
        let mut history = proceed();
        let s = history.session().clone();
        let long = "A role name far too long for any column this table gives it";
        let text = "A hole described in far more words than its column has room for";
        let nordics = s.holes_of(NORTHWIND).nth(1).expect("two holes").id;
        record(
            &mut history,
            vec![
                Change::RoleAdded {
                    role: Role {
                        id: s.fresh_id(),
                        name: long.into(),
                        raci: Default::default(),
                    },
                },
                Change::HoleEdited {
                    id: nordics,
                    text: text.into(),
                },
            ],
        );
        let s = history.session();
        let mut screen = RolesScreen::default();
        press(&mut screen, s, KeyCode::End);
        let (rows, hidden) = draw_fit(&screen, s, 80, 24);
        let screen_text = rows.join("\n");
        assert!(screen_text.contains("A role name far"), "{screen_text}");
        assert!(!screen_text.contains(long), "{screen_text}");
        assert_eq!(
            reported(&hidden, "role names cut short"),
            Some((ellipses_below(&rows, "Role  "), "↑↓ z"))
        );
        assert!(screen_text.contains("A hole described"), "{screen_text}");
        assert!(!screen_text.contains(text), "{screen_text}");
        // The new words and the example's own long hole.
        assert_eq!(
            reported(&hidden, "holes cut short"),
            Some((ellipses_below(&rows, "Holes — gaps"), "Tab ↑↓ ←→ z"))
        );
        assert_eq!(ellipses_below(&rows, "Holes — gaps"), 2);
    }

    #[test]
    fn nothing_is_reported_when_everything_fits() {
        for history in [proceed(), sample::example_pass().expect("sample builds")] {
            let (_, hidden) = draw_fit(&RolesScreen::default(), history.session(), 160, 50);
            assert!(hidden.is_empty(), "{hidden:?}");
        }
    }

    fn card(screen: &RolesScreen, session: &Session) -> Option<FocusCard> {
        screen.focus_card(&ctx(session, &Theme::dark()))
    }

    fn details(card: &FocusCard) -> Vec<String> {
        card.details.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_role_card_spells_out_each_letter_and_the_check() {
        let history = proceed();
        let s = history.session();
        let mut screen = RolesScreen::default();
        let at = s
            .roles
            .iter()
            .position(|r| r.name == "Implementation and integration")
            .expect("role exists");
        for _ in 0..at {
            press(&mut screen, s, KeyCode::Down);
        }
        let role = card(&screen, s).expect("a card");
        assert_eq!(role.title, "Implementation and integration");
        assert_eq!(role.kicker, format!("Role {} of 9 · RACI", at + 1));
        assert_eq!(
            details(&role),
            vec![
                "  C  Northwind Analytics — consulted",
                "  A  Globex Integration — accountable",
                "",
                "⚠ nobody responsible",
            ]
        );
        // The partner under the cursor is marked; the next role is another card.
        press(&mut screen, s, KeyCode::Right);
        assert_eq!(
            details(&card(&screen, s).expect("a card"))[0],
            "▸ C  Northwind Analytics — consulted"
        );
        press(&mut screen, s, KeyCode::Up);
        let previous = card(&screen, s).expect("a card");
        assert_eq!(previous.title, s.roles[at - 1].name);
        assert!(
            details(&previous)
                .last()
                .is_some_and(|l| l.starts_with('✔'))
        );
    }

    #[test]
    fn the_hole_card_says_who_fills_it_and_warns_in_words() {
        let history = proceed();
        let s = history.session();
        let theme = Theme::dark();
        let mut screen = RolesScreen::default();
        press(&mut screen, s, KeyCode::Tab);
        let hole = card(&screen, s).expect("a card");
        assert_eq!(hole.title, "Delivery capacity outside Germany");
        assert_eq!(hole.kicker, "Hole 1 of 2 in Northwind Analytics's business");
        assert_eq!(hole.kicker_style, theme.partner(0));
        let lines = details(&hole);
        assert_eq!(lines[0], "⚠ expects Globex Integration to fill this");
        assert_eq!(hole.details[0].style, theme.warn);
        assert!(lines[2].contains("mistaken belief"), "{lines:?}");

        press(&mut screen, s, KeyCode::Down);
        let own = card(&screen, s).expect("a card");
        assert_eq!(own.title, "Sales coverage in the Nordics");
        assert_eq!(details(&own), vec!["✔ filled by itself"]);

        press(&mut screen, s, KeyCode::Right);
        let globex = card(&screen, s).expect("a card");
        assert_eq!(globex.kicker_style, theme.partner(1));
        assert!(globex.kicker.contains("Globex Integration"));
    }

    #[test]
    fn an_empty_pane_has_no_card() {
        let passed = sample::example_pass().expect("sample builds");
        let s = passed.session();
        let mut screen = RolesScreen::default();
        press(&mut screen, s, KeyCode::Tab);
        // Acme, the first partner, has named no holes.
        assert!(card(&screen, s).is_none());

        let mut history = proceed();
        let ids: Vec<ItemId> = history.session().roles.iter().map(|r| r.id).collect();
        record(
            &mut history,
            ids.into_iter()
                .map(|id| Change::RoleRemoved { id })
                .collect(),
        );
        assert!(card(&RolesScreen::default(), history.session()).is_none());
    }
}
