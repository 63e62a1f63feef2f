//! Stage 1, market vision. The room writes one statement of the opportunity it wants to
//! pursue together; each partner says how it sees that opportunity, why it could not do
//! it as well alone, how closely the statement matches its view, and finally whether it
//! agrees to the statement as written. The vision gate at the end of the stage is a real
//! decision: go on to the role split, or take a pass — both are sound outcomes.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph};

use crate::domain::change::gate_missing;
use crate::domain::gate::drift;
use crate::domain::{Change, GateDecision, Partner, Session, Stage, Stance};
use crate::tui::editor::EditorMode;
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::theme::Theme;
use crate::tui::widgets::{KeyHelp, display_width, truncate_to_width};

use super::columns::{
    FOCUS_GUTTER, column_row, partner_columns, render_more_hints, render_separator,
};
use super::text::{clip_rows, one_line, wrap_text};
use super::{
    CHANGED_MARK, FocusCard, StageCtx, changed_style, draw_lines, is_chord, take_bottom, take_top,
};
use crate::domain::timeline::Changed;

/// Every key of the vision screen, for the help overlay.
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "↑ ↓  j k",
        what: "move between the statement and a partner's answers",
    },
    KeyHelp {
        keys: "← →  h l",
        what: "move between partners",
    },
    KeyHelp {
        keys: "Tab  Shift-Tab",
        what: "jump between the statement and the partners",
    },
    KeyHelp {
        keys: "Enter",
        what: "edit the statement or the answer under the cursor",
    },
    KeyHelp {
        keys: "1 – 5",
        what: "set the alignment score (cursor on the score)",
    },
    KeyHelp {
        keys: "0",
        what: "clear the alignment score (cursor on the score)",
    },
    KeyHelp {
        keys: "Space",
        what: "next stance, or agrees / not yet",
    },
    KeyHelp {
        keys: "y",
        what: "agrees / not yet, for the partner under the cursor",
    },
];

/// One partner's answers, top to bottom in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    View,
    WhyNotAlone,
    Alignment,
    Stance,
    Agreement,
}

const FIELDS: [Field; 5] = [
    Field::View,
    Field::WhyNotAlone,
    Field::Alignment,
    Field::Stance,
    Field::Agreement,
];

/// Columns narrower than this would cut the answers into unreadable slivers; the window
/// slides instead. 26 cells fit three partners side by side at 80 columns.
const MIN_COLUMN_WIDTH: u16 = 26;

/// Width of the label in front of a one-line answer ("Alignment  ●●●○○ 3/5").
const LABEL_WIDTH: usize = 11;

/// Shown when the room has not written its statement yet.
const NO_STATEMENT: &str = "No shared statement yet — press Enter to write it together";

/// Cursor state of the market-vision stage. Row 0 is the shared statement; rows 1.. are
/// a partner's answers in `FIELDS` order.
#[derive(Debug, Default, Clone)]
pub struct VisionScreen {
    row: usize,
    /// Position in `session.partners`; clamped whenever it is read, since partners can
    /// be removed while the cursor points at them.
    partner: usize,
}

impl VisionScreen {
    fn field(&self) -> Option<Field> {
        self.row.checked_sub(1).and_then(|i| FIELDS.get(i).copied())
    }

    fn partner_index(&self, session: &Session) -> usize {
        self.partner.min(session.partners.len().saturating_sub(1))
    }

    /// The partner under the cursor, when the cursor is in the partners' columns.
    fn focused_partner<'s>(&self, session: &'s Session) -> Option<&'s Partner> {
        self.field()?;
        session.partners.get(self.partner_index(session))
    }

    /// Keys not handled globally. Cursor moves return `None`: they change only this
    /// screen's state, and the app redraws after every key anyway.
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        if is_chord(&key) {
            return None;
        }
        let session = ctx.session;
        self.partner = self.partner_index(session);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.row = self.row.saturating_sub(1);
                None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.row = (self.row + 1).min(FIELDS.len());
                None
            }
            KeyCode::Left | KeyCode::Char('h') if self.row > 0 => {
                self.partner = self.partner.saturating_sub(1);
                None
            }
            KeyCode::Right | KeyCode::Char('l') if self.row > 0 => {
                if self.partner + 1 < session.partners.len() {
                    self.partner += 1;
                }
                None
            }
            KeyCode::Tab | KeyCode::BackTab => {
                self.row = if self.row == 0 { 1 } else { 0 };
                None
            }
            KeyCode::Enter => self.activate(session, true),
            KeyCode::Char(' ') => self.activate(session, false),
            KeyCode::Char('y') => match self.focused_partner(session) {
                Some(partner) => Some(toggle_agreement(session, partner)),
                None => Some(Intent::Status(
                    "Move into a partner's column to record its agreement".to_string(),
                )),
            },
            KeyCode::Char(digit @ '0'..='5') if self.field() == Some(Field::Alignment) => {
                let partner = self.focused_partner(session)?;
                // '0' is the quick way to clear: a score of zero does not exist.
                let score = digit
                    .to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .filter(|d| *d > 0);
                Some(Intent::Record(vec![Change::AlignmentSet {
                    partner: partner.id,
                    score,
                }]))
            }
            _ => None,
        }
    }

    /// Enter (`edit` true) or Space on the item under the cursor. Space only acts where
    /// it is natural: cycling the stance and toggling agreement.
    fn activate(&self, session: &Session, edit: bool) -> Option<Intent> {
        let Some(field) = self.field() else {
            return edit.then(|| edit_statement(session));
        };
        let partner = self.focused_partner(session)?;
        match field {
            Field::View if edit => Some(edit_view(partner)),
            Field::WhyNotAlone if edit => Some(edit_why_not_alone(partner)),
            Field::Alignment if edit => Some(edit_alignment(partner)),
            Field::Stance => Some(Intent::Record(vec![Change::StanceSet {
                partner: partner.id,
                stance: next_stance(partner.vision.stance),
            }])),
            Field::Agreement => Some(toggle_agreement(session, partner)),
            _ => None,
        }
    }

    /// The keys that matter most for the item under the cursor.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        match self.field() {
            None => vec![
                ("Enter", "the statement"),
                ("↓", "partners' answers"),
                ("PgDn", "vision gate"),
            ],
            Some(Field::View | Field::WhyNotAlone) => vec![
                ("Enter", "edit"),
                ("←→", "partner"),
                ("y", "agrees?"),
                ("PgDn", "vision gate"),
            ],
            Some(Field::Alignment) => vec![
                ("1–5", "score"),
                ("0", "clear"),
                ("Enter", "type a score"),
                ("y", "agrees?"),
                ("PgDn", "vision gate"),
            ],
            Some(Field::Stance) => vec![
                ("Space", "next stance"),
                ("←→", "partner"),
                ("y", "agrees?"),
                ("PgDn", "vision gate"),
            ],
            Some(Field::Agreement) => vec![
                ("Space", "agrees / not yet"),
                ("←→", "partner"),
                ("PgDn", "vision gate"),
            ],
        }
    }

    /// The item under the cursor for focus mode: the shared statement with who agrees
    /// to it, or the focused partner's answers in full. Never `None`: the statement is
    /// always there to discuss, even before it is written.
    pub fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let session = ctx.session;
        Some(match self.focused_partner(session) {
            Some(partner) => {
                let index = self.partner_index(session);
                partner_card(partner, index, self.field(), session, ctx.theme)
            }
            None => statement_card(session, ctx.theme),
        })
    }

    /// Draws the statement on top, one column per partner below it, and the state of
    /// the gate on the bottom line.
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let session = ctx.session;
        let theme = ctx.theme;
        // Blank rows between the parts are the first thing given up on a short screen.
        let roomy = area.height >= 16;

        let (body, gate_row) = take_bottom(area, 1);
        let (statement_height, statement_rows) = statement_layout(session, body);
        let (statement_area, rest) = take_top(body, statement_height);
        let changed = ctx.highlight;
        let statement_marked = changed == Some(&Changed::Statement);
        self.render_statement(frame, statement_area, session, theme, statement_marked);
        if !session.statement.trim().is_empty() {
            // The box shows its height less the two borders; the rest of the statement
            // has no scroll key, but focus mode (or the editor) shows all of it.
            let shown = usize::from(statement_area.height.saturating_sub(2));
            let keys = if self.row == 0 { "z" } else { "Tab z" };
            ctx.fit.hide(
                statement_rows.saturating_sub(shown),
                "lines of the statement",
                keys,
            );
        }
        let (_, rest) = take_top(rest, u16::from(roomy));

        let count = session.partners.len();
        let focus = self.partner_index(session);
        let window = partner_columns(rest, count, focus, MIN_COLUMN_WIDTH);
        let hidden = window.hidden_left + window.hidden_right > 0;
        // The row under the columns holds the "N more" hints, or stays blank to keep
        // the gate line apart from the answers.
        let (columns_area, hint_row) = if hidden || roomy {
            take_bottom(rest, 1)
        } else {
            (rest, Rect::default())
        };
        let focused_field = self.field();
        let columns: Vec<ColumnContent> = window
            .columns
            .iter()
            .filter_map(|(index, rect)| {
                let partner = session.partners.get(*index)?;
                let area = Rect {
                    height: columns_area.height,
                    ..*rect
                }
                .intersection(columns_area);
                let field = focused_field.filter(|_| *index == focus);
                Some(ColumnContent::new(partner, *index, area, field))
            })
            .collect();
        let plan = ColumnPlan::new(&columns, columns_area.height);
        let mut shown_partners = 0;
        let mut hidden_lines = 0;
        let mut names_cut = 0;
        for (n, column) in columns.iter().enumerate() {
            if n > 0 {
                // The separator stops where the answers do, so a tall screen does not
                // show long empty rails.
                let height = plan.height().min(column.area.height);
                render_separator(frame, column.area, height, columns_area, theme);
            }
            let id = column.partner.id;
            let marked =
                matches!(changed, Some(Changed::Vision(p) | Changed::Partner(p)) if *p == id);
            if let Some((hidden, name_cut)) = column.render(frame, &plan, theme, marked) {
                shown_partners += 1;
                hidden_lines += hidden;
                names_cut += usize::from(name_cut);
            }
        }
        // Left and right arrows only move between partners once the cursor is in their
        // columns, so from the statement the way there starts one row down.
        let (partner_keys, answer_keys) = if self.row == 0 {
            ("↓ ←→", "↓ ←→ z")
        } else {
            ("←→", "←→ z")
        };
        // Counted from the columns actually drawn rather than from the window, which
        // also lays out columns that a very short screen leaves no row for.
        ctx.fit.hide(
            count.saturating_sub(shown_partners),
            "partners",
            partner_keys,
        );
        ctx.fit.hide(hidden_lines, "lines of answers", answer_keys);
        ctx.fit
            .hide(names_cut, "partner names cut short", answer_keys);
        if hidden {
            render_more_hints(
                frame,
                hint_row,
                window.hidden_left,
                window.hidden_right,
                theme,
            );
        }
        let gate_marked = changed == Some(&Changed::Gate);
        let cut = render_gate_line(frame, gate_row, session, theme, gate_marked);
        // The gate dialog says the same in full.
        ctx.fit.hide(cut, "words of the gate line", "PgDn");
    }

    fn render_statement(
        &self,
        frame: &mut Frame,
        area: Rect,
        session: &Session,
        theme: &Theme,
        marked: bool,
    ) {
        if area.is_empty() {
            return;
        }
        let focused = self.row == 0;
        // The mark shows even under the cursor, which starts here.
        let (title, title_style, border) = match (focused, marked) {
            (true, true) => (
                format!(" ▸ {CHANGED_MARK} Shared opportunity "),
                theme.selected,
                changed_style(theme),
            ),
            (true, false) => (
                " ▸ Shared opportunity ".to_string(),
                theme.selected,
                theme.focus_border,
            ),
            (false, true) => (
                format!(" {CHANGED_MARK} Shared opportunity "),
                changed_style(theme),
                changed_style(theme),
            ),
            (false, false) => (
                " Shared opportunity ".to_string(),
                theme.heading,
                theme.border,
            ),
        };
        let agreed = session.partners.iter().filter(|p| p.vision.agreed).count();
        let tally = format!(" {agreed} of {} agree ", session.partners.len());
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(border)
            .padding(Padding::horizontal(1))
            .title(Line::from(Span::styled(title, title_style)))
            .title_bottom(Line::from(Span::styled(tally, theme.muted)).right_aligned());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let (rows, style) = if session.statement.trim().is_empty() {
            (wrap_text(NO_STATEMENT, inner.width), theme.muted)
        } else if marked {
            (
                wrap_text(&session.statement, inner.width),
                theme.heading.patch(changed_style(theme)),
            )
        } else {
            (wrap_text(&session.statement, inner.width), theme.heading)
        };
        let rows = clip_rows(rows, usize::from(inner.height), width);
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|r| Line::from(Span::styled(r, style)))
            .collect();
        draw_lines(frame.buffer_mut(), inner, &lines);
    }
}

/// The statement box's height: the wrapped statement, but never more than a fifth of the
/// body, so the partners' answers always keep most of the wall. Also the rows the
/// statement needs, wrapped as the box wraps it (inside its border and padding), so
/// what the box cannot hold can be reported.
fn statement_layout(session: &Session, body: Rect) -> (u16, usize) {
    let text_width = body.width.saturating_sub(4);
    let text = if session.statement.trim().is_empty() {
        NO_STATEMENT
    } else {
        &session.statement
    };
    let needed = wrap_text(text, text_width).len().max(1);
    let cap = usize::from(body.height / 5).max(1);
    let rows = u16::try_from(needed.min(cap)).unwrap_or(1);
    (rows.saturating_add(2).min(body.height), needed)
}

/// Splits `total` rows between two texts needing `a` and `b` rows: each gets what it
/// needs when that fits, otherwise the shorter keeps its need up to half and the longer
/// takes the rest.
fn share_rows(total: usize, a: usize, b: usize) -> (usize, usize) {
    if a + b <= total {
        return (a, b);
    }
    let half = total / 2;
    if a <= half {
        (a, total - a)
    } else if b <= half {
        (total - b, b)
    } else {
        (total - half, half)
    }
}

fn alignment_text(score: Option<u8>) -> Option<String> {
    let n = usize::from(score?.min(5));
    Some(format!("{}{} {n}/5", "●".repeat(n), "○".repeat(5 - n)))
}

fn stance_text(stance: Option<Stance>) -> &'static str {
    stance.map_or("not said", Stance::label)
}

/// One visible partner column with its texts already wrapped to its width.
struct ColumnContent<'s> {
    partner: &'s Partner,
    index: usize,
    area: Rect,
    focus: Option<Field>,
    /// The view and the why-not-alone, wrapped; `true` when the rows are the
    /// "not said yet" hint rather than the partner's words.
    texts: [(Vec<String>, bool); 2],
}

/// Cells taken from a column's width by the focus gutter (two) and a right margin (one)
/// that keeps text off the separator.
const COLUMN_CHROME: usize = FOCUS_GUTTER + 1;

impl<'s> ColumnContent<'s> {
    fn new(partner: &'s Partner, index: usize, area: Rect, focus: Option<Field>) -> Self {
        let width =
            u16::try_from(usize::from(area.width).saturating_sub(COLUMN_CHROME)).unwrap_or(0);
        let wrap = |field: Field, text: &str| {
            if !text.trim().is_empty() {
                return (wrap_text(text, width), false);
            }
            let hint = if focus == Some(field) {
                "not said yet — press Enter"
            } else {
                "not said yet"
            };
            (wrap_text(hint, width), true)
        };
        let vision = &partner.vision;
        ColumnContent {
            partner,
            index,
            area,
            focus,
            texts: [
                wrap(Field::View, &vision.view),
                wrap(Field::WhyNotAlone, &vision.why_not_alone),
            ],
        }
    }

    /// Draws the partner's name over a rule in its colour, its two texts, then the
    /// score, stance and agreement, on the rows `plan` gives them.
    /// A `marked` column is the partner whose vision the replayed event just changed:
    /// its name carries the mark in the changed style.
    ///
    /// Returns how many lines of the answers did not fit (cut from a text, or below the
    /// column's bottom) and whether the partner's name was cut, or `None` when the
    /// column had no room to be drawn at all.
    fn render(
        &self,
        frame: &mut Frame,
        plan: &ColumnPlan,
        theme: &Theme,
        marked: bool,
    ) -> Option<(usize, bool)> {
        let area = self.area;
        if area.is_empty() {
            return None;
        }
        let colour = theme.partner(self.index);
        let name_width = usize::from(area.width.saturating_sub(4));
        let name_cut = display_width(&self.partner.name)
            > if marked {
                name_width.saturating_sub(2)
            } else {
                name_width
            };
        let title = if marked {
            Span::styled(
                format!(
                    " {CHANGED_MARK} {} ",
                    truncate_to_width(&self.partner.name, name_width.saturating_sub(2))
                ),
                colour.patch(changed_style(theme)),
            )
        } else {
            Span::styled(
                format!(" {} ", truncate_to_width(&self.partner.name, name_width)),
                colour,
            )
        };
        let header = Block::new()
            .borders(Borders::TOP)
            .border_style(colour)
            .title(Line::from(title));
        let inner = header.inner(area);
        frame.render_widget(header, area);
        let width = usize::from(inner.width);
        let text_width = width.saturating_sub(COLUMN_CHROME);
        // Rows run on over the right margin, so the focused bar spans the whole column.
        let row_width = width.saturating_sub(FOCUS_GUTTER);

        let mut lines: Vec<Line> = Vec::with_capacity(usize::from(inner.height));
        let mut clipped = 0;
        if plan.header_gap {
            lines.push(Line::default());
        }
        let labels = [
            (Field::View, "View of the opportunity"),
            (Field::WhyNotAlone, "Why not alone"),
        ];
        for (i, ((field, label), (rows, hint))) in labels.iter().zip(&self.texts).enumerate() {
            let focused = self.focus == Some(*field);
            lines.push(column_row(
                &[(label, theme.muted)],
                row_width,
                focused,
                theme,
            ));
            let style = if *hint { theme.muted } else { theme.text };
            // A hint cut short hides nothing the partner said.
            if !*hint {
                clipped += rows.len().saturating_sub(plan.rows[i]);
            }
            let shown = clip_rows(rows.clone(), plan.rows[i], text_width);
            let blank = plan.rows[i].saturating_sub(shown.len());
            for row in shown {
                lines.push(column_row(&[(&row, style)], row_width, false, theme));
            }
            // Shorter texts are padded so the next label sits on the same row in
            // every column.
            lines.extend(std::iter::repeat_n(Line::default(), blank));
            if plan.gap_after[i] {
                lines.push(Line::default());
            }
        }

        let vision = &self.partner.vision;
        let score = alignment_text(vision.alignment);
        let (agree_text, agree_style) = if vision.agreed {
            ("✔ agrees", theme.good)
        } else {
            ("… not yet", theme.muted)
        };
        let short: [(Field, &str, &str, Style); 3] = [
            (
                Field::Alignment,
                "Alignment",
                score.as_deref().unwrap_or("not scored"),
                if score.is_some() {
                    theme.text
                } else {
                    theme.muted
                },
            ),
            (
                Field::Stance,
                "Stance",
                stance_text(vision.stance),
                if vision.stance.is_some() {
                    theme.text
                } else {
                    theme.muted
                },
            ),
            (Field::Agreement, "Agreement", agree_text, agree_style),
        ];
        for ((field, label, value, style), stacked) in short.into_iter().zip(plan.stacked) {
            let focused = self.focus == Some(field);
            if stacked {
                lines.push(column_row(
                    &[(label, theme.muted)],
                    row_width,
                    focused,
                    theme,
                ));
                lines.push(column_row(&[(value, style)], row_width, focused, theme));
            } else {
                let label = format!("{label:<LABEL_WIDTH$}");
                let parts = [(label.as_str(), theme.muted), (value, style)];
                lines.push(column_row(&parts, row_width, focused, theme));
            }
        }
        draw_lines(frame.buffer_mut(), inner, &lines);
        // Blank padding rows below the bottom are no loss; every other row is.
        let below = lines
            .iter()
            .skip(usize::from(inner.height))
            .filter(|line| !line.spans.is_empty())
            .count();
        Some((clipped + below, name_cut))
    }
}

/// The rows every visible column uses, so the same answer sits on the same row in each.
struct ColumnPlan {
    /// A blank row under the names, when there is room to spare.
    header_gap: bool,
    /// Rows for the view and the why-not-alone texts.
    rows: [usize; 2],
    /// A blank row after each text.
    gap_after: [bool; 2],
    /// Whether the alignment, stance and agreement values go under their labels
    /// because they do not fit beside them.
    stacked: [bool; 3],
}

impl ColumnPlan {
    /// Rows a column takes under this plan, its name's rule included.
    fn height(&self) -> u16 {
        let rows = 1
            + usize::from(self.header_gap)
            + 2
            + self.rows[0]
            + self.rows[1]
            + self.gap_after.iter().filter(|g| **g).count()
            + 3
            + self.stacked.iter().filter(|s| **s).count();
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    fn new(columns: &[ColumnContent], height: u16) -> Self {
        let width = columns
            .iter()
            .map(|c| usize::from(c.area.width))
            .min()
            .unwrap_or(0)
            .saturating_sub(COLUMN_CHROME);
        // Decided on the widest value each can take, not the current one, so a column
        // does not jump between layouts as the room changes its answers.
        let widest =
            |values: &mut dyn Iterator<Item = &str>| values.map(display_width).max().unwrap_or(0);
        let widest = [
            widest(&mut ["●●●●● 5/5", "not scored"].into_iter()),
            widest(&mut Stance::ALL.iter().map(|s| s.label()).chain(["not said"])),
            widest(&mut ["✔ agrees", "… not yet"].into_iter()),
        ];
        let stacked = widest.map(|w| LABEL_WIDTH + w > width);
        let inner = usize::from(height).saturating_sub(1);
        let fixed = 2 + 3 + stacked.iter().filter(|s| **s).count();
        let room = inner.saturating_sub(fixed);
        let need = |i: usize| {
            columns
                .iter()
                .map(|c| c.texts[i].0.len().max(1))
                .max()
                .unwrap_or(1)
        };
        let (view, why) = (need(0), need(1));
        if room > view + why + 2 {
            return ColumnPlan {
                header_gap: true,
                rows: [view, why],
                gap_after: [true, true],
                stacked,
            };
        }
        // Short of room: blank rows go first (the one before the scores last of all),
        // then the texts share what is left.
        let gaps = if room >= 8 {
            2
        } else if room >= 5 {
            1
        } else {
            0
        };
        let (view, why) = share_rows(room - gaps, view, why);
        ColumnPlan {
            header_gap: false,
            rows: [view, why],
            gap_after: [gaps == 2, gaps >= 1],
            stacked,
        }
    }
}

/// The statement as focus mode shows it: its first sentence as the title, the rest
/// below, then each partner's agreement in words as well as colour.
fn statement_card(session: &Session, theme: &Theme) -> FocusCard {
    let agreed = session.partners.iter().filter(|p| p.vision.agreed).count();
    let kicker = format!(
        "Shared opportunity · {agreed} of {} agree",
        session.partners.len()
    );
    let statement = session.statement.trim();
    if statement.is_empty() {
        return FocusCard {
            kicker,
            kicker_style: theme.accent,
            title: "No shared statement yet".to_string(),
            details: vec![Line::styled(
                "Press Enter to write it together",
                theme.muted,
            )],
        };
    }
    let (title, rest) = first_sentence(statement);
    // The rest keeps the paragraphs the room wrote.
    let mut details: Vec<Line<'static>> = rest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Line::styled(l.to_string(), theme.text))
        .collect();
    if !details.is_empty() {
        details.push(Line::default());
    }
    for (index, partner) in session.partners.iter().enumerate() {
        let (mark, verdict, style) = if partner.vision.agreed {
            ("✔ ", " agrees", theme.good)
        } else {
            ("… ", " has not agreed yet", theme.muted)
        };
        details.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(partner.name.clone(), theme.partner(index)),
            Span::styled(verdict, style),
        ]));
    }
    FocusCard {
        kicker,
        kicker_style: theme.accent,
        title: one_line(title),
        details,
    }
}

/// Splits off the first sentence of `text`: up to the first `.`, `!` or `?` that ends a
/// word, or the first line break. The whole text when there is neither.
fn first_sentence(text: &str) -> (&str, &str) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if c == '\n' {
            return (text[..i].trim(), text[i..].trim());
        }
        if matches!(c, '.' | '!' | '?') && next_is_space {
            let end = i + c.len_utf8();
            return (text[..end].trim(), text[end..].trim());
        }
    }
    (text, "")
}

/// One partner's answers as focus mode shows them, with the one under the cursor marked.
fn partner_card(
    partner: &Partner,
    index: usize,
    cursor: Option<Field>,
    session: &Session,
    theme: &Theme,
) -> FocusCard {
    let vision = &partner.vision;
    let label = |field: Field, text: &'static str| {
        let mark = if cursor == Some(field) { "▸ " } else { "  " };
        Line::from(vec![
            Span::styled(mark, theme.accent),
            Span::styled(text, theme.muted),
        ])
    };
    let text = |text: &str, details: &mut Vec<Line<'static>>| {
        if text.trim().is_empty() {
            details.push(Line::styled("  not said yet", theme.muted));
            return;
        }
        details.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Line::styled(format!("  {l}"), theme.text)),
        );
    };
    let mut details = Vec::with_capacity(12);
    details.push(label(Field::View, "View of the opportunity"));
    text(&vision.view, &mut details);
    details.push(Line::default());
    details.push(label(
        Field::WhyNotAlone,
        "Why it could not do this as well alone",
    ));
    text(&vision.why_not_alone, &mut details);
    details.push(Line::default());
    let value = |field: Field, name: &'static str, value: String, style: Style| {
        let mut line = label(field, name);
        line.spans.push(Span::styled(": ", theme.muted));
        line.spans.push(Span::styled(value, style));
        line
    };
    details.push(match alignment_text(vision.alignment) {
        Some(score) => value(
            Field::Alignment,
            "Alignment with the statement",
            score,
            theme.text,
        ),
        None => value(
            Field::Alignment,
            "Alignment with the statement",
            "not scored".to_string(),
            theme.muted,
        ),
    });
    let stance_style = if vision.stance.is_some() {
        theme.text
    } else {
        theme.muted
    };
    details.push(value(
        Field::Stance,
        "Stance",
        stance_text(vision.stance).to_string(),
        stance_style,
    ));
    let (agreement, style) = if vision.agreed {
        ("✔ agrees to the statement", theme.good)
    } else {
        ("… has not agreed yet", theme.muted)
    };
    details.push(value(
        Field::Agreement,
        "Agreement",
        agreement.to_string(),
        style,
    ));
    FocusCard {
        kicker: format!(
            "Market vision · partner {} of {}",
            index + 1,
            session.partners.len()
        ),
        kicker_style: theme.partner(index),
        title: one_line(&partner.name),
        details,
    }
}

/// How the gate line should look; kept apart from drawing so the wording is testable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GateTone {
    /// Ready or passed.
    Good,
    /// Passed by an override: worth noticing, not alarming.
    Notice,
    /// A pass: a clear, early answer, shown as calmly as a proceed.
    Calm,
    /// Still waiting for something.
    Plain,
}

/// The one-line state of the vision gate.
fn gate_status(session: &Session) -> (String, GateTone) {
    // What was agreed at the gate no longer holding outweighs how the gate was passed.
    // What changed comes first, so a narrow row cuts the statement, not the news.
    if let Some(drift) = drift(session, &|at| at.format("%H:%M").to_string()) {
        return (
            format!(
                "⚠ Gate passed, but since then {}; agreed at the gate: {}",
                drift.since,
                one_line(&drift.statement)
            ),
            GateTone::Notice,
        );
    }
    match &session.gate {
        Some(GateDecision::Proceed {
            override_reason: None,
        }) => (
            "✔ Gate passed — the partners go on to the role split".to_string(),
            GateTone::Good,
        ),
        Some(GateDecision::Proceed {
            override_reason: Some(reason),
        }) => (
            format!("➜ Gate overridden by the moderator: {}", one_line(reason)),
            GateTone::Notice,
        ),
        Some(GateDecision::TakeAPass { reason }) => (
            format!("◇ The partners took a pass: {}", one_line(reason)),
            GateTone::Calm,
        ),
        None => match gate_missing(session) {
            None => (
                "✔ Ready for the gate — PageDown to decide".to_string(),
                GateTone::Good,
            ),
            Some(missing) => (format!("○ Gate still needs {missing}"), GateTone::Plain),
        },
    }
}

/// Draws the gate's state on `row`, and returns how many of its words the row cut off.
fn render_gate_line(
    frame: &mut Frame,
    row: Rect,
    session: &Session,
    theme: &Theme,
    marked: bool,
) -> usize {
    if row.is_empty() {
        return 0;
    }
    let (text, tone) = gate_status(session);
    let style = match tone {
        GateTone::Good => theme.good,
        GateTone::Notice => theme.warn,
        GateTone::Calm => theme.accent,
        GateTone::Plain => theme.text,
    };
    // The gate just decided or reopened in a replay: marked, in the changed style.
    let (text, style) = if marked {
        (
            format!("{CHANGED_MARK} {text}"),
            style.patch(changed_style(theme)),
        )
    } else {
        (text, style)
    };
    let shown = truncate_to_width(&text, usize::from(row.width));
    let cut = words_cut(&text, &shown);
    frame.render_widget(Paragraph::new(Span::styled(shown, style)), row);
    cut
}

/// How many words of `text` are missing or cut in `shown`, which is `text` itself or a
/// prefix of it ended by `…`.
fn words_cut(text: &str, shown: &str) -> usize {
    if shown == text {
        return 0;
    }
    let prefix = shown.strip_suffix('…').unwrap_or(shown);
    let rest = text.get(prefix.len()..).unwrap_or("");
    // A word the cut went through counts as hidden: the room cannot read half a word.
    let whole = if rest.starts_with(char::is_whitespace) {
        prefix.split_whitespace().count()
    } else {
        prefix.split_whitespace().count().saturating_sub(1)
    };
    text.split_whitespace().count().saturating_sub(whole)
}

/// A quotation of the statement for the gate dialog, short enough to read aloud.
fn quoted(text: &str) -> String {
    format!("“{}”", truncate_to_width(&one_line(text), 200))
}

fn next_stance(stance: Option<Stance>) -> Option<Stance> {
    match stance {
        None => Some(Stance::Collaborator),
        Some(Stance::Collaborator) => Some(Stance::Coopetitor),
        Some(Stance::Coopetitor) => Some(Stance::Competitor),
        Some(Stance::Competitor) => None,
    }
}

fn toggle_agreement(session: &Session, partner: &Partner) -> Intent {
    let agreed = !partner.vision.agreed;
    // Agreeing to an empty statement would let the gate pass on nothing at all.
    if agreed && session.statement.trim().is_empty() {
        return Intent::Status(
            "Write the shared statement first — there is nothing to agree to yet".to_string(),
        );
    }
    Intent::Record(vec![Change::AgreementSet {
        partner: partner.id,
        agreed,
    }])
}

fn edit_statement(session: &Session) -> Intent {
    let agreed = session.partners.iter().filter(|p| p.vision.agreed).count();
    // Rewriting the statement withdraws every agreement (see StatementSet); say so before
    // anyone types, not after.
    let title = if agreed > 0 {
        "Shared opportunity — changing it withdraws the agreements given".to_string()
    } else {
        "Shared opportunity".to_string()
    };
    Intent::Edit {
        title,
        initial: session.statement.clone(),
        mode: EditorMode::MultiLine,
        on_submit: Box::new(|text: String, session: &Session| {
            let text = text.trim().to_string();
            // An unchanged statement must not cost the partners their agreement.
            if text == session.statement {
                return Ok(Vec::new());
            }
            Ok(vec![Change::StatementSet { text }])
        }),
    }
}

fn edit_view(partner: &Partner) -> Intent {
    let id = partner.id;
    Intent::Edit {
        title: format!("{}: its view of the opportunity", partner.name),
        initial: partner.vision.view.clone(),
        mode: EditorMode::MultiLine,
        on_submit: Box::new(move |text: String, session: &Session| {
            let text = text.trim().to_string();
            if session.partner(id).is_some_and(|p| p.vision.view == text) {
                return Ok(Vec::new());
            }
            Ok(vec![Change::ViewSet { partner: id, text }])
        }),
    }
}

fn edit_why_not_alone(partner: &Partner) -> Intent {
    let id = partner.id;
    Intent::Edit {
        title: format!("{}: why it cannot pursue this as well alone", partner.name),
        initial: partner.vision.why_not_alone.clone(),
        mode: EditorMode::MultiLine,
        on_submit: Box::new(move |text: String, session: &Session| {
            let text = text.trim().to_string();
            if session
                .partner(id)
                .is_some_and(|p| p.vision.why_not_alone == text)
            {
                return Ok(Vec::new());
            }
            Ok(vec![Change::WhyNotAloneSet { partner: id, text }])
        }),
    }
}

fn edit_alignment(partner: &Partner) -> Intent {
    let id = partner.id;
    Intent::Edit {
        title: format!(
            "{}: alignment with the statement, 1 (far apart) to 5 (fully aligned); empty clears",
            partner.name
        ),
        initial: partner
            .vision
            .alignment
            .map(|n| n.to_string())
            .unwrap_or_default(),
        mode: EditorMode::SingleLine,
        on_submit: Box::new(move |text: String, _session: &Session| {
            let text = text.trim();
            let score = if text.is_empty() {
                None
            } else {
                match text.parse::<u8>() {
                    Ok(n @ 1..=5) => Some(n),
                    _ => {
                        return Err(format!(
                            "'{text}' is not a score: type 1 to 5, or leave it empty to clear"
                        ));
                    }
                }
            };
            Ok(vec![Change::AlignmentSet { partner: id, score }])
        }),
    }
}

/// An editor for the reason behind a gate decision; `decide` turns the reason into the
/// decision, and the wall moves to `then` with it.
fn reason_editor(
    title: &str,
    refusal: &'static str,
    decide: fn(String) -> GateDecision,
    then: Stage,
) -> Intent {
    Intent::Edit {
        title: title.to_string(),
        initial: String::new(),
        mode: EditorMode::MultiLine,
        on_submit: Box::new(move |text: String, _session: &Session| {
            let reason = text.trim().to_string();
            if reason.is_empty() {
                return Err(refusal.to_string());
            }
            Ok(vec![
                Change::GateDecided {
                    decision: decide(reason),
                },
                Change::MovedTo { stage: then },
            ])
        }),
    }
}

fn take_a_pass_option() -> ConfirmOption {
    ConfirmOption {
        key: 'x',
        label: "Take a pass".to_string(),
        then: reason_editor(
            "Why do the partners take a pass? (the summary records it)",
            "Say why the partners take a pass: the summary records the reason",
            |reason| GateDecision::TakeAPass { reason },
            Stage::Summary,
        ),
    }
}

/// The vision gate's dialog, opened by the app on PageDown at this stage. It names what
/// is being decided and offers only the decisions that make sense right now.
pub fn gate_intent(session: &Session) -> Intent {
    let title = "Vision gate".to_string();
    let confirm = match &session.gate {
        Some(decision) => {
            let mut lines = match decision {
                GateDecision::Proceed {
                    override_reason: None,
                } => vec![
                    "The gate was passed: every partner agreed to the shared statement.".to_string(),
                ],
                GateDecision::Proceed {
                    override_reason: Some(reason),
                } => vec![
                    "The moderator overrode the gate, with this reason:".to_string(),
                    quoted(reason),
                ],
                GateDecision::TakeAPass { reason } => vec![
                    "The partners took a pass, with this reason:".to_string(),
                    quoted(reason),
                    "That is a sound outcome; the summary records it.".to_string(),
                ],
            };
            lines.push(String::new());
            lines.push("Reopening the gate lets the room decide again.".to_string());
            let mut options = vec![ConfirmOption {
                key: 'r',
                label: "Reopen the gate".to_string(),
                then: Intent::Record(vec![Change::GateReopened]),
            }];
            if matches!(decision, GateDecision::Proceed { .. }) {
                options.push(ConfirmOption {
                    key: 'n',
                    label: "Go on to the role split".to_string(),
                    then: Intent::GoTo(Stage::Roles),
                });
            }
            Confirm {
                title,
                lines,
                options,
            }
        }
        None => match gate_missing(session) {
            None => Confirm {
                title,
                lines: vec![
                    "Every partner agrees to the shared statement:".to_string(),
                    quoted(&session.statement),
                    String::new(),
                    "Go on to the role split, or take a pass here.".to_string(),
                ],
                options: vec![
                    ConfirmOption {
                        key: 'p',
                        label: "Proceed to the role split".to_string(),
                        then: Intent::Record(vec![
                            Change::GateDecided {
                                decision: GateDecision::Proceed {
                                    override_reason: None,
                                },
                            },
                            Change::MovedTo { stage: Stage::Roles },
                        ]),
                    },
                    take_a_pass_option(),
                ],
            },
            Some(missing) => Confirm {
                title,
                lines: vec![
                    format!("The gate still needs {missing}."),
                    String::new(),
                    "The moderator can override it (the reason is recorded), or the partners can take a pass.".to_string(),
                ],
                options: vec![
                    ConfirmOption {
                        key: 'o',
                        label: "Override and proceed".to_string(),
                        then: reason_editor(
                            "Why go on without a full agreement? (recorded with the decision)",
                            "An override needs a reason: it is recorded with the decision",
                            |reason| GateDecision::Proceed {
                                override_reason: Some(reason),
                            },
                            Stage::Roles,
                        ),
                    },
                    take_a_pass_option(),
                ],
            },
        },
    };
    Intent::Confirm(confirm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{History, PartnerId, sample};
    use crate::tui::stages::testing::{at, ctx, draw_stage, fresh, key, proceed, recorded, rows};
    use ratatui::buffer::Buffer;

    const NORTHWIND: PartnerId = PartnerId(1);
    const GLOBEX: PartnerId = PartnerId(2);

    fn record(history: &mut History, changes: Vec<Change>) {
        for change in changes {
            history.record(at(), change).unwrap();
        }
    }

    fn draw(screen: &VisionScreen, session: &Session, w: u16, h: u16) -> (Vec<String>, Buffer) {
        let buf = draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx));
        (rows(&buf), buf)
    }

    fn press(screen: &mut VisionScreen, session: &Session, code: KeyCode) -> Option<Intent> {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()))
    }

    fn keys(screen: &mut VisionScreen, session: &Session, codes: &[KeyCode]) {
        for code in codes {
            assert!(
                press(screen, session, *code).is_none(),
                "{code:?} is a move"
            );
        }
    }

    fn submit(
        intent: Option<Intent>,
        text: &str,
        session: &Session,
    ) -> Result<Vec<Change>, String> {
        match intent {
            Some(Intent::Edit { on_submit, .. }) => on_submit(text.to_string(), session),
            _ => panic!("expected an editor"),
        }
    }

    fn confirm(intent: Intent) -> Confirm {
        match intent {
            Intent::Confirm(c) => c,
            _ => panic!("expected a confirmation"),
        }
    }

    fn option(confirm: Confirm, key: char) -> Intent {
        confirm
            .options
            .into_iter()
            .find(|o| o.key == key)
            .map(|o| o.then)
            .unwrap_or_else(|| panic!("no option {key}"))
    }

    fn find(screen: &[String], needle: &str) -> Option<(usize, usize)> {
        screen
            .iter()
            .enumerate()
            .find_map(|(y, row)| row.find(needle).map(|b| (y, row[..b].chars().count())))
    }

    #[test]
    fn shows_statement_columns_and_gate_at_80x24() {
        let history = proceed();
        let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
        let text = screen.join("\n");
        // The statement sits in the box at the top, under its heading.
        assert!(screen[0].contains("Shared opportunity"), "{text}");
        assert!(
            screen[1].contains("Mid-size discrete manufacturers"),
            "{text}"
        );
        assert!(text.contains("2 of 2 agree"), "{text}");
        // One column per partner, side by side.
        let (ny, nx) = find(&screen, "Northwind Analytics").unwrap();
        let (gy, gx) = find(&screen, "Globex Integration").unwrap();
        assert_eq!(ny, gy);
        assert!(gx > nx + 20, "{text}");
        assert!(ny > 1);
        for needle in [
            "View of the opportunity",
            "Why not alone",
            "●●●●○ 4/5",
            "●●●●● 5/5",
            "collaborator",
            "✔ agrees",
        ] {
            assert!(text.contains(needle), "{needle} missing:\n{text}");
        }
        // The view text itself is there, in the partner's column.
        let (vy, vx) = find(&screen, "Our platform wins").unwrap();
        assert!(vy > ny && vx < gx, "{text}");
        // The gate's state is the last line.
        assert!(screen[23].contains("Gate passed"), "{text}");
    }

    #[test]
    fn empty_session_says_what_to_do() {
        let history = fresh(2);
        let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
        let text = screen.join("\n");
        assert!(text.contains(NO_STATEMENT), "{text}");
        for needle in ["not scored", "not said", "… not yet", "not said yet"] {
            assert!(text.contains(needle), "{needle} missing:\n{text}");
        }
        assert!(
            screen[23].contains("Gate still needs a shared statement and agreement from"),
            "{text}"
        );
    }

    #[test]
    fn gate_line_says_ready_when_everyone_agrees() {
        let mut history = fresh(2);
        record(
            &mut history,
            vec![
                Change::StatementSet {
                    text: "One offer for mid-size plants".into(),
                },
                Change::AgreementSet {
                    partner: NORTHWIND,
                    agreed: true,
                },
            ],
        );
        let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
        assert!(
            screen[23].contains("Gate still needs agreement from Globex Integration"),
            "{screen:?}"
        );
        record(
            &mut history,
            vec![Change::AgreementSet {
                partner: GLOBEX,
                agreed: true,
            }],
        );
        let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
        assert!(
            screen[23].contains("Ready for the gate — PageDown to decide"),
            "{screen:?}"
        );
    }

    #[test]
    fn a_pass_is_shown_calmly_not_in_alarm_red() {
        let history = sample::example_pass().unwrap();
        let (screen, buf) = draw(&VisionScreen::default(), history.session(), 100, 30);
        let last = &screen[29];
        assert!(
            last.contains("took a pass: Acme wants an exclusive"),
            "{last}"
        );
        let theme = Theme::dark();
        let cell = &buf[(2, 29)];
        assert_ne!(cell.fg, theme.bad.fg.unwrap());
        assert_eq!(cell.fg, theme.accent.fg.unwrap());
    }

    #[test]
    fn focused_cell_is_highlighted_and_marked() {
        let history = proceed();
        let mut screen = VisionScreen::default();
        keys(
            &mut screen,
            history.session(),
            &[KeyCode::Down, KeyCode::Right, KeyCode::Down, KeyCode::Down],
        );
        let (rows, buf) = draw(&screen, history.session(), 80, 24);
        let (y, x) = find(&rows, "▸ Alignment").unwrap();
        let (_, gx) = find(&rows, "Globex Integration").unwrap();
        assert!(x + 5 >= gx, "{rows:?}");
        assert_eq!(
            buf[(u16::try_from(x).unwrap(), u16::try_from(y).unwrap())].bg,
            Theme::dark().selected.bg.unwrap()
        );
        assert!(rows[y].contains("●●●●● 5/5"));
    }

    #[test]
    fn enter_on_statement_edits_it_and_keeps_agreements_if_unchanged() {
        let mut history = proceed();
        record(&mut history, vec![Change::GateReopened]);
        let session = history.session().clone();
        let mut screen = VisionScreen::default();
        let intent = press(&mut screen, &session, KeyCode::Enter);
        match &intent {
            Some(Intent::Edit {
                initial,
                mode,
                title,
                ..
            }) => {
                assert_eq!(initial, &session.statement);
                assert_eq!(*mode, EditorMode::MultiLine);
                assert!(title.contains("withdraws"), "{title}");
            }
            _ => panic!("expected an editor"),
        }
        let unchanged = submit(intent, &format!("{}\n", session.statement), &session).unwrap();
        assert!(unchanged.is_empty());
        let changed = submit(
            press(&mut screen, &session, KeyCode::Enter),
            " New words ",
            &session,
        )
        .unwrap();
        assert_eq!(
            changed,
            vec![Change::StatementSet {
                text: "New words".into()
            }]
        );
        record(&mut history, changed);
        assert_eq!(history.session().statement, "New words");
        assert!(history.session().partners.iter().all(|p| !p.vision.agreed));
    }

    #[test]
    fn enter_on_a_partner_text_opens_it_prefilled() {
        let history = proceed();
        let session = history.session();
        let mut screen = VisionScreen::default();
        keys(
            &mut screen,
            session,
            &[KeyCode::Char('j'), KeyCode::Char('l')],
        );
        let intent = press(&mut screen, session, KeyCode::Enter);
        match &intent {
            Some(Intent::Edit { initial, title, .. }) => {
                assert!(initial.starts_with("Our customers ask for analytics"));
                assert!(title.starts_with("Globex Integration"));
            }
            _ => panic!("expected an editor"),
        }
        let changes = submit(intent, "Analytics sells MES projects", session).unwrap();
        assert_eq!(
            changes,
            vec![Change::ViewSet {
                partner: GLOBEX,
                text: "Analytics sells MES projects".into()
            }]
        );
        keys(&mut screen, session, &[KeyCode::Down, KeyCode::Char('h')]);
        let changes = submit(
            press(&mut screen, session, KeyCode::Enter),
            "No MES practice",
            session,
        )
        .unwrap();
        assert_eq!(
            changes,
            vec![Change::WhyNotAloneSet {
                partner: NORTHWIND,
                text: "No MES practice".into()
            }]
        );
    }

    #[test]
    fn score_by_digit_by_zero_and_by_typing() {
        let mut history = fresh(2);
        let mut screen = VisionScreen::default();
        keys(
            &mut screen,
            history.session(),
            &[KeyCode::Down, KeyCode::Down, KeyCode::Down],
        );
        let set = recorded(press(&mut screen, history.session(), KeyCode::Char('3')));
        assert_eq!(
            set,
            vec![Change::AlignmentSet {
                partner: NORTHWIND,
                score: Some(3)
            }]
        );
        record(&mut history, set);
        let (rows, _) = draw(&screen, history.session(), 80, 24);
        assert!(rows.join("\n").contains("●●●○○ 3/5"));
        let cleared = recorded(press(&mut screen, history.session(), KeyCode::Char('0')));
        assert_eq!(
            cleared,
            vec![Change::AlignmentSet {
                partner: NORTHWIND,
                score: None
            }]
        );

        let session = history.session();
        let typed = |text: &str, screen: &mut VisionScreen| {
            submit(press(screen, session, KeyCode::Enter), text, session)
        };
        assert!(typed("7", &mut screen).unwrap_err().contains("1 to 5"));
        assert!(typed("two", &mut screen).is_err());
        assert_eq!(
            typed(" 5 ", &mut screen).unwrap(),
            vec![Change::AlignmentSet {
                partner: NORTHWIND,
                score: Some(5)
            }]
        );
        assert_eq!(
            typed("", &mut screen).unwrap(),
            vec![Change::AlignmentSet {
                partner: NORTHWIND,
                score: None
            }]
        );
        // Digits mean nothing on other cells.
        keys(&mut screen, session, &[KeyCode::Up]);
        assert!(press(&mut screen, session, KeyCode::Char('3')).is_none());
    }

    #[test]
    fn stance_cycles_through_not_said() {
        let mut history = fresh(2);
        let mut screen = VisionScreen::default();
        keys(
            &mut screen,
            history.session(),
            &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Down],
        );
        let mut seen = Vec::new();
        for key in [
            KeyCode::Char(' '),
            KeyCode::Enter,
            KeyCode::Char(' '),
            KeyCode::Char(' '),
        ] {
            let changes = recorded(press(&mut screen, history.session(), key));
            record(&mut history, changes);
            seen.push(history.session().partners[0].vision.stance);
        }
        assert_eq!(
            seen,
            vec![
                Some(Stance::Collaborator),
                Some(Stance::Coopetitor),
                Some(Stance::Competitor),
                None
            ]
        );
    }

    #[test]
    fn agreement_toggles_by_enter_space_and_y() {
        let mut history = fresh(2);
        let mut screen = VisionScreen::default();
        keys(&mut screen, history.session(), &[KeyCode::Down]);
        // Nothing to agree to yet.
        assert!(matches!(
            press(&mut screen, history.session(), KeyCode::Char('y')),
            Some(Intent::Status(_))
        ));
        record(
            &mut history,
            vec![Change::StatementSet {
                text: "One offer".into(),
            }],
        );
        let agree = recorded(press(&mut screen, history.session(), KeyCode::Char('y')));
        assert_eq!(
            agree,
            vec![Change::AgreementSet {
                partner: NORTHWIND,
                agreed: true
            }]
        );
        record(&mut history, agree);
        keys(
            &mut screen,
            history.session(),
            &[
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Down,
            ],
        );
        let withdraw = recorded(press(&mut screen, history.session(), KeyCode::Enter));
        assert_eq!(
            withdraw,
            vec![Change::AgreementSet {
                partner: NORTHWIND,
                agreed: false
            }]
        );
        keys(&mut screen, history.session(), &[KeyCode::Right]);
        let other = recorded(press(&mut screen, history.session(), KeyCode::Char(' ')));
        assert_eq!(
            other,
            vec![Change::AgreementSet {
                partner: GLOBEX,
                agreed: true
            }]
        );
        // On the statement, y has no partner to speak for.
        keys(&mut screen, history.session(), &[KeyCode::Tab]);
        assert!(matches!(
            press(&mut screen, history.session(), KeyCode::Char('y')),
            Some(Intent::Status(_))
        ));
    }

    #[test]
    fn gate_when_ready_proceeds_or_takes_a_pass() {
        let mut history = proceed();
        record(&mut history, vec![Change::GateReopened]);
        let dialog = confirm(gate_intent(history.session()));
        assert!(dialog.lines[1].contains("Mid-size discrete"));
        let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
        assert_eq!(keys, vec!['p', 'x']);
        let mut going = history.clone();
        record(&mut going, recorded(Some(option(dialog, 'p'))));
        assert_eq!(
            going.session().gate,
            Some(GateDecision::Proceed {
                override_reason: None
            })
        );
        assert_eq!(going.session().current, Stage::Roles);

        let pass = option(confirm(gate_intent(history.session())), 'x');
        let Intent::Edit { on_submit, .. } = pass else {
            panic!("expected an editor")
        };
        assert!(on_submit("  ".into(), history.session()).is_err());
        let pass = option(confirm(gate_intent(history.session())), 'x');
        let changes = submit(Some(pass), "Different markets after all", history.session()).unwrap();
        record(&mut history, changes);
        assert_eq!(
            history.session().gate,
            Some(GateDecision::TakeAPass {
                reason: "Different markets after all".into()
            })
        );
        assert_eq!(history.session().current, Stage::Summary);
    }

    #[test]
    fn gate_when_not_ready_names_what_is_missing_and_offers_override() {
        let mut history = fresh(2);
        let dialog = confirm(gate_intent(history.session()));
        assert!(
            dialog.lines[0].contains("a shared statement"),
            "{:?}",
            dialog.lines
        );
        assert!(dialog.lines[0].contains("Globex Integration"));
        let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
        assert_eq!(keys, vec!['o', 'x']);
        let changes = submit(
            Some(option(dialog, 'o')),
            "Agreement comes after the pilot",
            history.session(),
        )
        .unwrap();
        record(&mut history, changes);
        assert_eq!(
            history.session().gate,
            Some(GateDecision::Proceed {
                override_reason: Some("Agreement comes after the pilot".into())
            })
        );
        assert_eq!(history.session().current, Stage::Roles);
    }

    #[test]
    fn gate_when_decided_offers_reopen_and_going_on() {
        let mut history = proceed();
        let dialog = confirm(gate_intent(history.session()));
        assert!(dialog.lines[0].contains("passed"));
        let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
        assert_eq!(keys, vec!['r', 'n']);
        assert!(matches!(option(dialog, 'n'), Intent::GoTo(Stage::Roles)));
        let reopen = recorded(Some(option(confirm(gate_intent(history.session())), 'r')));
        record(&mut history, reopen);
        assert_eq!(history.session().gate, None);

        let passed = sample::example_pass().unwrap();
        let dialog = confirm(gate_intent(passed.session()));
        assert!(dialog.lines.iter().any(|l| l.contains("brand-neutral")));
        let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
        assert_eq!(keys, vec!['r']);
    }

    #[test]
    fn eight_partners_keep_the_focused_one_in_view() {
        let history = fresh(8);
        let mut screen = VisionScreen::default();
        keys(&mut screen, history.session(), &[KeyCode::Down]);
        for _ in 0..6 {
            keys(&mut screen, history.session(), &[KeyCode::Right]);
        }
        let (rows, _) = draw(&screen, history.session(), 80, 24);
        let text = rows.join("\n");
        assert!(rows[4].contains("Wayne Enterprises"), "{text}");
        assert!(!rows[4].contains("Northwind"), "{text}");
        assert!(text.contains("◀ 4 more"), "{text}");
        assert!(text.contains("1 more ▶"), "{text}");
        assert!(text.contains("▸ View of the opportunity"), "{text}");
        // The cursor cannot run past the last partner.
        for _ in 0..5 {
            keys(&mut screen, history.session(), &[KeyCode::Right]);
        }
        let (rows, _) = draw(&screen, history.session(), 80, 24);
        assert!(rows.join("\n").contains("Cyberdyne Systems"));
    }

    #[test]
    fn long_texts_are_cut_with_an_ellipsis_not_overflowing() {
        let mut history = fresh(2);
        let long = "word ".repeat(400);
        record(
            &mut history,
            vec![
                Change::StatementSet { text: long.clone() },
                Change::ViewSet {
                    partner: NORTHWIND,
                    text: long.clone(),
                },
                Change::WhyNotAloneSet {
                    partner: NORTHWIND,
                    text: long,
                },
            ],
        );
        let (rows, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
        let text = rows.join("\n");
        assert!(text.contains("word…"), "{text}");
        assert!(text.contains("Alignment"), "{text}");
        assert!(rows[23].contains("Gate still needs"), "{text}");
    }

    #[test]
    fn renders_at_any_size_without_panicking() {
        let history = proceed();
        let eight = fresh(8);
        let mut screen = VisionScreen::default();
        keys(
            &mut screen,
            history.session(),
            &[KeyCode::Down, KeyCode::Right],
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
    fn a_wide_screen_gives_stances_room_beside_their_labels() {
        let history = sample::example_pass().unwrap();
        let (rows, _) = draw(&VisionScreen::default(), history.session(), 160, 45);
        let text = rows.join("\n");
        assert!(text.contains("Stance     situational coopetitor"), "{text}");
        assert!(text.contains("Stance     competitor"), "{text}");
    }

    #[test]
    fn footer_follows_the_cursor() {
        let history = proceed();
        let mut screen = VisionScreen::default();
        assert_eq!(screen.footer_keys()[0], ("Enter", "the statement"));
        keys(
            &mut screen,
            history.session(),
            &[KeyCode::Down, KeyCode::Down, KeyCode::Down],
        );
        assert_eq!(screen.footer_keys()[0], ("1–5", "score"));
        assert!(KEYS.iter().any(|k| k.keys == "y"));
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;
    use crate::domain::timeline::Changed;
    use crate::tui::stages::testing::{draw_highlighted, marked_rows, proceed};

    fn marked(changed: &Changed) -> Vec<String> {
        let history = proceed();
        let screen = VisionScreen::default();
        let buf = draw_highlighted(80, 24, history.session(), changed, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        marked_rows(&buf)
    }

    #[test]
    fn the_partner_statement_or_gate_a_replayed_event_changed_is_marked() {
        let history = proceed();
        let globex = &history.session().partners[1];
        let rows = marked(&Changed::Vision(globex.id));
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].contains(&format!("● {}", globex.name)), "{rows:?}");

        let rows = marked(&Changed::Gate);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].starts_with("● ✔ Gate"), "{rows:?}");

        // Under the cursor the statement keeps the selection's title and gains the mark.
        let history = proceed();
        let screen = VisionScreen::default();
        let buf = draw_highlighted(80, 24, history.session(), &Changed::Statement, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        let text = crate::tui::stages::testing::rows(&buf).join("\n");
        assert!(text.contains("▸ ● Shared opportunity"), "{text}");

        // What the vision screen does not show leaves it unmarked.
        assert!(marked(&Changed::Verdict).is_empty());
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::domain::{History, PartnerId};
    use crate::tui::stages::Hidden;
    use crate::tui::stages::testing::{self, at, ctx, fresh, key, proceed};

    /// Draws the screen at `w` × `h` and returns the screen's rows with what it reported.
    fn draw_fit(
        screen: &VisionScreen,
        session: &Session,
        w: u16,
        h: u16,
    ) -> (Vec<String>, Vec<Hidden>) {
        testing::draw_fit(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    fn reported<'a>(hidden: &'a [Hidden], noun: &str) -> Option<&'a Hidden> {
        hidden.iter().find(|h| h.noun == noun)
    }

    /// Rows of the screen that show one of the numbered lines `prefix 1`, `prefix 2`, …
    fn shown(rows: &[String], prefix: &str) -> usize {
        rows.iter()
            .filter(|r| {
                r.split(prefix)
                    .nth(1)
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            })
            .count()
    }

    fn numbered(prefix: &str, n: usize) -> String {
        (1..=n)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Eight partners, a ten-line statement and a ten-line view from the first partner:
    /// more than an 80 × 24 terminal's body (80 × 19) can hold.
    fn crowded() -> History {
        let mut history = fresh(8);
        for change in [
            Change::StatementSet {
                text: numbered("Line ", 10),
            },
            Change::ViewSet {
                partner: PartnerId(1),
                text: numbered("View ", 10),
            },
        ] {
            history.record(at(), change).unwrap();
        }
        history
    }

    #[test]
    fn a_small_screen_reports_partners_statement_and_answers_it_cut() {
        let history = crowded();
        let session = history.session();
        let mut screen = VisionScreen::default();
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let text = rows.join("\n");

        let names_shown = session
            .partners
            .iter()
            .filter(|p| text.contains(&p.name))
            .count();
        assert_eq!(names_shown, 3, "{text}");
        let partners = reported(&hidden, "partners").expect("partners reported");
        assert_eq!(partners.count, 8 - names_shown);
        // From the statement the arrows need a step down into the columns first.
        assert_eq!(partners.keys, "↓ ←→");

        let lines = reported(&hidden, "lines of the statement").expect("statement reported");
        let statement_shown = shown(&rows, "Line ");
        assert!(statement_shown > 0, "{text}");
        assert_eq!(lines.count, 10 - statement_shown);
        assert_eq!(lines.keys, "z");

        let answers = reported(&hidden, "lines of answers").expect("answers reported");
        let view_shown = shown(&rows, "View ");
        assert!(view_shown > 0, "{text}");
        assert_eq!(answers.count, 10 - view_shown, "{text}");

        // Nobody has agreed: the gate line names all eight, which 80 cells cannot hold.
        let gate = reported(&hidden, "words of the gate line").expect("gate reported");
        assert!(gate.count > 0);
        assert_eq!(gate.keys, "PgDn");

        // At the last partner the first one's long view is out of view with its column:
        // still five partners hidden (now on the left), no answer lines cut.
        screen.handle_key(key(KeyCode::Down), &ctx(session, &Theme::dark()));
        for _ in 0..7 {
            screen.handle_key(key(KeyCode::Right), &ctx(session, &Theme::dark()));
        }
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("◀ 5 more"), "{text}");
        assert!(text.contains("Cyberdyne Systems"), "{text}");
        let partners = reported(&hidden, "partners").expect("partners reported");
        assert_eq!((partners.count, partners.keys), (5, "←→"));
        assert!(
            reported(&hidden, "lines of answers").is_none(),
            "{hidden:?}"
        );
        assert_eq!(
            reported(&hidden, "lines of the statement").map(|h| (h.count, h.keys)),
            Some((10 - shown(&rows, "Line "), "Tab z"))
        );
    }

    #[test]
    fn nothing_is_reported_when_everything_fits() {
        let history = proceed();
        let (_, hidden) = draw_fit(&VisionScreen::default(), history.session(), 160, 45);
        assert!(hidden.is_empty(), "{hidden:?}");
        let (_, hidden) = draw_fit(&VisionScreen::default(), fresh(2).session(), 160, 45);
        assert!(hidden.is_empty(), "{hidden:?}");
    }

    #[test]
    fn partner_names_cut_at_the_column_edge_are_reported() {
        let mut history = fresh(3);
        let long = "Northwind Analytics and Industrial Data Services";
        history
            .record(
                at(),
                Change::PartnerRenamed {
                    partner: PartnerId(1),
                    name: long.into(),
                },
            )
            .unwrap();
        let (rows, hidden) = draw_fit(&VisionScreen::default(), history.session(), 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("Northwind Analyt"), "{text}");
        assert!(!text.contains(long), "{text}");
        assert_eq!(
            reported(&hidden, "partner names cut short").map(|h| (h.count, h.keys)),
            Some((1, "↓ ←→ z"))
        );
    }

    #[test]
    fn no_room_for_the_columns_means_every_partner_is_reported() {
        let history = proceed();
        let (_, hidden) = draw_fit(&VisionScreen::default(), history.session(), 80, 4);
        assert_eq!(reported(&hidden, "partners").map(|h| h.count), Some(2));
    }

    #[test]
    fn words_cut_counts_the_word_the_cut_went_through() {
        assert_eq!(words_cut("one two three", "one two three"), 0);
        assert_eq!(words_cut("one two three", "one two…"), 1);
        assert_eq!(words_cut("one two three", "one tw…"), 2);
        assert_eq!(words_cut("one two three", "…"), 3);
    }

    fn card(screen: &VisionScreen, session: &Session) -> FocusCard {
        screen
            .focus_card(&ctx(session, &Theme::dark()))
            .expect("the vision screen always has a card")
    }

    fn details(card: &FocusCard) -> Vec<String> {
        card.details.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_statement_card_leads_with_its_first_sentence_and_says_who_agrees() {
        let history = proceed();
        let card = card(&VisionScreen::default(), history.session());
        assert_eq!(
            card.title,
            "Mid-size discrete manufacturers in Europe want line-level analytics that go live in weeks, not quarters."
        );
        assert_eq!(card.kicker, "Shared opportunity · 2 of 2 agree");
        let details = details(&card);
        assert_eq!(
            details[0],
            "Together we can sell and deliver that as one offer."
        );
        assert!(details.contains(&"✔ Northwind Analytics agrees".to_string()));
        assert!(details.contains(&"✔ Globex Integration agrees".to_string()));
    }

    #[test]
    fn a_partner_card_follows_the_cursor_and_marks_the_answer_under_it() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::dark();
        let mut screen = VisionScreen::default();
        screen.handle_key(key(KeyCode::Down), &ctx(session, &theme));
        let north = card(&screen, session);
        assert_eq!(north.title, "Northwind Analytics");
        assert_eq!(north.kicker, "Market vision · partner 1 of 2");
        assert_eq!(north.kicker_style, theme.partner(0));
        let lines = details(&north);
        assert_eq!(lines[0], "▸ View of the opportunity");
        assert!(lines[1].contains("Our platform wins pilots"), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("no MES practice")));
        assert!(lines.contains(&"  Alignment with the statement: ●●●●○ 4/5".to_string()));
        assert!(lines.contains(&"  Stance: collaborator".to_string()));
        assert!(lines.contains(&"  Agreement: ✔ agrees to the statement".to_string()));

        screen.handle_key(key(KeyCode::Right), &ctx(session, &theme));
        screen.handle_key(key(KeyCode::Down), &ctx(session, &theme));
        let globex = card(&screen, session);
        assert_eq!(globex.title, "Globex Integration");
        assert_eq!(globex.kicker_style, theme.partner(1));
        let lines = details(&globex);
        assert!(lines.iter().any(|l| l.contains("Our customers ask")));
        assert!(lines.contains(&"▸ Why it could not do this as well alone".to_string()));
    }

    #[test]
    fn an_unwritten_statement_and_unsaid_answers_still_make_a_card() {
        let history = fresh(2);
        let session = history.session();
        let mut screen = VisionScreen::default();
        let statement = card(&screen, session);
        assert_eq!(statement.title, "No shared statement yet");
        assert_eq!(statement.kicker, "Shared opportunity · 0 of 2 agree");
        screen.handle_key(key(KeyCode::Down), &ctx(session, &Theme::dark()));
        let partner = details(&card(&screen, session));
        assert_eq!(partner[1], "  not said yet");
        assert!(partner.contains(&"  Alignment with the statement: not scored".to_string()));
    }

    #[test]
    fn first_sentence_ends_at_a_stop_or_a_line_break() {
        assert_eq!(first_sentence("One. Two."), ("One.", "Two."));
        assert_eq!(
            first_sentence("Ends 1.5 later? Yes"),
            ("Ends 1.5 later?", "Yes")
        );
        assert_eq!(first_sentence("Title\nBody"), ("Title", "Body"));
        assert_eq!(first_sentence("No stop at all"), ("No stop at all", ""));
    }
}
