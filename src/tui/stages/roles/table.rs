//! The roles table: one row per role, one letter column per partner and a check column,
//! laid out for the width at hand (names give way first, then letters narrow, then
//! they slide to keep the partner under the cursor in view).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::domain::advice::advice_for;
use crate::domain::timeline::Changed;
use crate::domain::{Raci, Role, Session};
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width};

use super::super::{CHANGED_MARK, StageCtx, changed_style, scroll_offset, take_top};
use super::paint::{centred_x, draw_title, fill, put};
use super::{Pane, RolesScreen};

/// Cells left of the table for the cursor marker.
pub(super) const MARGIN: u16 = 2;
/// Space between table columns.
pub(super) const GAP: u16 = 2;
/// The check column: wide enough for its longest short verdict, "no A" or "? no R", and
/// the header "Check".
pub(super) const CHECK_WIDTH: u16 = 10;
/// The check column in full words, used when the table has room to spare: read from the
/// back of a room, "nobody accountable" needs no legend.
pub(super) const CHECK_WIDTH_WORDS: u16 = 38;
/// Room for "◀ 7" / "7 ▶" beside partner columns that slide.
pub(super) const GUTTER: u16 = 5;
pub(super) const LETTER_MIN: u16 = 7;
pub(super) const LETTER_MAX: u16 = 20;
/// While letter columns slide they stay narrow, so that as many partners as possible show.
pub(super) const LETTER_SLIDING: u16 = 10;
pub(super) const NAME_MIN: u16 = 16;
pub(super) const NAME_MAX: u16 = 48;

pub(super) fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl RolesScreen {
    /// Draws the roles pane: its title with what is left to settle, then the table.
    pub(super) fn render_roles(&self, buf: &mut Buffer, area: Rect, ctx: &StageCtx) {
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
                // A read-only view cannot add one, so it does not say how.
                if ctx.read_only {
                    "No roles yet"
                } else {
                    "No roles yet — press a to add one"
                },
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
pub(super) struct Table {
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
pub(super) fn table_layout(row: Rect, s: &Session, focus: usize) -> Table {
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

        let (check, verdict) = role_check(s, role, self.words);
        let style = verdict.style(theme);
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

/// What the check column says about a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// One partner accountable and someone responsible.
    Clear,
    /// Nobody accountable, or more than one: a conflict the board also names.
    Conflict,
    /// One partner accountable and nobody marked responsible: a question for the room
    /// (see `domain::advice`), shown calmly and never in a conflict's colours.
    Advice,
}

impl Verdict {
    pub(super) fn style(self, theme: &Theme) -> Style {
        match self {
            Verdict::Clear => theme.good,
            Verdict::Conflict => theme.warn,
            Verdict::Advice => theme.muted,
        }
    }
}

/// The check column's words for a role with advice: a question mark, not a warning sign.
pub(super) const ADVICE_SHORT: &str = "? no R";
pub(super) const ADVICE_WORDS: &str = "? no one marked R";

/// What the check column says about a role, in short or `full` words, and which kind of
/// verdict it is. A role nobody answers for is a conflict whatever else it lacks: the
/// question about who does the work comes once somebody answers for it.
pub(super) fn role_check(s: &Session, role: &Role, full: bool) -> (String, Verdict) {
    let accountable = role
        .raci
        .values()
        .filter(|l| **l == Raci::Accountable)
        .count();
    let conflict = match (accountable, full) {
        (1, _) => None,
        (0, false) => Some("no A".to_string()),
        (0, true) => Some("nobody accountable".to_string()),
        (n, false) => Some(format!("{n}×A")),
        (n, true) => Some(format!("{n} accountable")),
    };
    if let Some(words) = conflict {
        (words, Verdict::Conflict)
    } else if advice_for(s, role).is_some() {
        let words = if full { ADVICE_WORDS } else { ADVICE_SHORT };
        (words.to_string(), Verdict::Advice)
    } else {
        (if full { "✔ ok" } else { "✔" }.to_string(), Verdict::Clear)
    }
}

/// The summary on the roles title: how many rows still need the room's attention, and
/// before it (dropped first when the row is short) how many roles have a question.
pub(super) fn roles_summary(s: &Session, theme: &Theme) -> Vec<(String, Style)> {
    if s.roles.is_empty() {
        return Vec::new();
    }
    let (mut open, mut advice) = (0usize, 0usize);
    for role in &s.roles {
        match role_check(s, role, false).1 {
            Verdict::Conflict => open += 1,
            Verdict::Advice => advice += 1,
            Verdict::Clear => {}
        }
    }
    let mut notes = Vec::with_capacity(2);
    match advice {
        0 => {}
        1 => notes.push(("1 role without anyone marked R".to_string(), theme.muted)),
        n => notes.push((format!("{n} roles without anyone marked R"), theme.muted)),
    }
    let text = match (open, advice) {
        (0, 0) => "✔ every role has one A and an R".to_string(),
        (0, _) => "✔ every role has one A".to_string(),
        (1, _) => "1 role to settle".to_string(),
        (n, _) => format!("{n} roles to settle"),
    };
    let style = if open == 0 { theme.good } else { theme.warn };
    notes.push((text, style));
    notes
}

/// A partner's name for a column `width` cells wide: in full if it fits, else its first
/// word when that is enough to tell it from the others, else cut.
pub(super) fn partner_label(s: &Session, index: usize, width: usize) -> String {
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
