//! Stage 3, self-interest disclosure. Each partner puts on the table what it must
//! protect, and the room sees at a glance how hard each interest is held and whether the
//! whole organisation has spoken or only the people at the top.
//!
//! The screen shows one column per partner, its interests sorted by weight
//! (non-negotiable first), and under each column who has spoken: every function of that
//! partner is marked as heard, in the room but silent, or not in the room. On a tall
//! screen that coverage sits under the lists; on a small one a verdict line stands in for
//! it and `c` opens the full view.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use crate::domain::{
    Change, Function, Interest, InterestCategory, ItemId, PartnerId, Session, Weight,
};
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, Intent};
use crate::tui::theme::Theme;
use crate::tui::widgets::{KeyHelp, display_width, truncate_to_width, wrap_lines};

use super::columns::{ColumnWindow, partner_columns};
use super::text::one_line;
use super::{CHANGED_MARK, FocusCard, StageCtx, changed_style, draw_lines};
use crate::domain::timeline::Changed;

/// Narrowest partner column: below this a statement wraps into a ribbon nobody can read
/// from across the room, so fewer columns are shown and the rest are one key away.
const MIN_COLUMN_WIDTH: u16 = 30;
/// Rows the interest lists keep before the coverage under them is shown in full; the
/// interests are what the stage is about, the coverage is a check on them.
const MIN_LIST_ROWS: u16 = 12;
/// Narrowest cell of the coverage grid: a mark, a space and the longest short name.
const MIN_GRID_CELL: usize = 8;
/// Widest cell of the coverage grid, so the marks stay close to each other on wide screens.
const MAX_GRID_CELL: usize = 12;
/// Width of the function name column in the full coverage view: "services/delivery"
/// and a gap.
const FUNCTION_LABEL_WIDTH: usize = 19;
/// Widest status word of the full coverage view ("in the room, silent").
const LONG_STATUS_WIDTH: usize = 19;
/// Widest short status word ("spoke · 12").
const SHORT_STATUS_WIDTH: usize = 10;
/// Width of the short function name column ("Legal" and a gap).
const SHORT_LABEL_WIDTH: usize = 7;
/// The functions named when only the executive has spoken and nobody else is recorded
/// in the room: the people who usually know what the executive did not say.
const USUAL_VOICES: &str = "sales, product, engineering";

/// Every key of this screen, for the help overlay.
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "← → / h l",
        what: "move between partners",
    },
    KeyHelp {
        keys: "Tab / Shift-Tab",
        what: "next / previous partner",
    },
    KeyHelp {
        keys: "↑ ↓ / j k",
        what: "move between interests",
    },
    KeyHelp {
        keys: "Home / End",
        what: "first / last interest",
    },
    KeyHelp {
        keys: "a",
        what: "add an interest for this partner",
    },
    KeyHelp {
        keys: "Enter",
        what: "edit the interest",
    },
    KeyHelp {
        keys: "Space",
        what: "change its weight (non-negotiable → important → negotiable)",
    },
    KeyHelp {
        keys: "d",
        what: "delete the interest",
    },
    KeyHelp {
        keys: "c",
        what: "coverage: which functions have spoken",
    },
];

/// The cursor of the self-interest screen. It holds no session data: the session comes in
/// with every call, and the cursor is matched against it each time.
#[derive(Debug, Default, Clone)]
pub struct InterestsScreen {
    /// Position of the focused partner in `session.partners`.
    partner: usize,
    /// Where the cursor is in each partner's column. Kept per partner so coming back to a
    /// column finds the same interest, and by id so that the cursor stays on an interest
    /// whose weight changed even though that moves it within the column.
    cursors: Vec<ColumnCursor>,
    /// Whether the full coverage view replaces the interest lists.
    coverage: bool,
    /// Set when `a` opens the form: the first id the new interest can have. Once an
    /// interest of that partner with such an id exists, the cursor goes to it, so the
    /// room sees what it just added.
    awaiting: Option<(PartnerId, ItemId)>,
}

#[derive(Debug, Clone, Copy)]
struct ColumnCursor {
    partner: PartnerId,
    index: usize,
    id: Option<ItemId>,
}

/// How much of the coverage the interest view has room for under each column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CoverageFit {
    /// Not even a verdict line fits.
    None,
    /// A verdict (or the gentle prompt) in one or two lines.
    Verdict,
    /// Verdict, what is missing, and the mark of every function.
    Strip,
}

impl InterestsScreen {
    /// Keys not handled globally. Returns None when the key means nothing here (cursor
    /// moves change only the screen, so they return None as well).
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        let session = ctx.session;
        // Ctrl and Alt chords belong to the app; Shift only picks the letter.
        if !key.modifiers.difference(KeyModifiers::SHIFT).is_empty() {
            return None;
        }
        let count = session.partners.len();
        let (partner, items, index) = self.sync(session)?;
        let last = count - 1;
        match key.code {
            KeyCode::Left | KeyCode::Char('h') => {
                self.focus_partner(self.partner.saturating_sub(1))
            }
            KeyCode::Right | KeyCode::Char('l') => self.focus_partner((self.partner + 1).min(last)),
            KeyCode::Tab => self.focus_partner(if self.partner >= last {
                0
            } else {
                self.partner + 1
            }),
            KeyCode::BackTab => self.focus_partner(if self.partner == 0 {
                last
            } else {
                self.partner - 1
            }),
            KeyCode::Up | KeyCode::Char('k') if !self.coverage => {
                self.point_at(partner, &items, index.saturating_sub(1));
            }
            KeyCode::Down | KeyCode::Char('j') if !self.coverage => {
                self.point_at(
                    partner,
                    &items,
                    (index + 1).min(items.len().saturating_sub(1)),
                );
            }
            KeyCode::Home if !self.coverage => self.point_at(partner, &items, 0),
            KeyCode::End if !self.coverage => {
                self.point_at(partner, &items, items.len().saturating_sub(1));
            }
            KeyCode::Char('c') => self.coverage = !self.coverage,
            KeyCode::Char('a') => {
                self.awaiting = Some((partner, session.fresh_id()));
                return Some(add_form(session, partner));
            }
            KeyCode::Enter | KeyCode::Char(' ') | KeyCode::Char('d') => {
                if self.coverage {
                    return Some(Intent::Status(
                        "This is the coverage view: press c to go back to the interests"
                            .to_string(),
                    ));
                }
                let Some(interest) = items.get(index) else {
                    return Some(Intent::Status(
                        "No interests here yet: press a to add one".to_string(),
                    ));
                };
                return Some(match key.code {
                    KeyCode::Enter => edit_form(session, interest),
                    KeyCode::Char(' ') => {
                        let mut changed = (*interest).clone();
                        changed.weight = changed.weight.next();
                        Intent::Record(vec![Change::InterestEdited { interest: changed }])
                    }
                    _ => delete_confirm(session, interest),
                });
            }
            _ => return None,
        }
        None
    }

    /// Draws the stage body into `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let session = ctx.session;
        let theme = ctx.theme;
        let buf = frame.buffer_mut();
        if session.partners.is_empty() {
            let line = Line::styled("No partners yet — press p to add them", theme.muted);
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        let focus = self.partner.min(session.partners.len() - 1);
        let changed = match ctx.highlight {
            Some(Changed::Interest(id)) => Some(*id),
            _ => None,
        };

        // The legend explains the coverage marks; it is only worth a row when marks show.
        let probe = partner_columns(area, session.partners.len(), focus, MIN_COLUMN_WIDTH);
        let column_width = probe
            .columns
            .iter()
            .map(|(_, r)| r.width)
            .min()
            .unwrap_or(0);
        let content_width = usize::from(column_width.saturating_sub(4));
        let with_legend = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        let (fit, coverage_rows) = if self.coverage {
            (CoverageFit::Strip, 0)
        } else {
            coverage_fit(session, theme, &probe, with_legend.height, content_width)
        };
        let show_legend = fit == CoverageFit::Strip && area.height >= 6;
        let columns_area = if show_legend { with_legend } else { area };
        let window = partner_columns(
            columns_area,
            session.partners.len(),
            focus,
            MIN_COLUMN_WIDTH,
        );

        let mut unseen = Unseen::default();
        let last_slot = window.columns.len().saturating_sub(1);
        for (slot, (index, rect)) in window.columns.iter().enumerate() {
            let hints = EdgeHints {
                left: if slot == 0 { window.hidden_left } else { 0 },
                right: if slot == last_slot {
                    window.hidden_right
                } else {
                    0
                },
            };
            let column = Column {
                index: *index,
                rect: rect.intersection(area),
                focused: *index == focus,
                hints,
            };
            if self.coverage {
                unseen.add(draw_coverage_column(buf, session, theme, &column));
            } else {
                let column_unseen = self.draw_interest_column(
                    buf,
                    session,
                    theme,
                    &column,
                    (fit, coverage_rows),
                    changed,
                );
                if !column.focused && column_unseen.interests > 0 {
                    unseen.elsewhere = true;
                }
                unseen.add(column_unseen);
            }
        }
        unseen.report(ctx, window.hidden_left + window.hidden_right);
        if show_legend {
            let y = area.bottom().saturating_sub(1);
            let legend = legend_line(theme, area.width.saturating_sub(1));
            buf.set_line(
                area.x.saturating_add(1),
                y,
                &legend,
                area.width.saturating_sub(1),
            );
        }
    }

    /// The item under the cursor for focus mode: the selected interest, or in the
    /// coverage view the focused partner's coverage. `None` when there is neither.
    pub fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let session = ctx.session;
        let theme = ctx.theme;
        let index = self.partner.min(session.partners.len().checked_sub(1)?);
        let partner = session.partners.get(index)?;
        if self.coverage {
            return Some(coverage_card(session, theme, index, partner.id));
        }
        let items = column_items(session, partner.id);
        let cursor = self.resolve(partner.id, &items);
        let interest = items.get(cursor)?;
        let label = |text: &'static str| Span::styled(text, theme.muted);
        let weight = weight_style(theme, interest.weight);
        let details = vec![
            // The mark and the word carry the weight; the colour only underlines them.
            Line::from(vec![
                label("Weight: "),
                Span::styled(
                    format!(
                        "{} {}",
                        weight_mark(interest.weight),
                        weight_heading(interest.weight)
                    ),
                    weight,
                ),
            ]),
            Line::from(vec![
                label("Category: "),
                Span::styled(interest.category.to_string(), theme.text),
            ]),
            Line::from(vec![
                label("Stated by: "),
                Span::styled(interest.function.to_string(), theme.text),
            ]),
            // Where it stands in its column, so the room knows how much more there is.
            Line::styled(
                match items.len() {
                    1 => format!("The only interest of {}", partner.name),
                    n => format!("{} of {n} interests of {}", cursor + 1, partner.name),
                },
                theme.muted,
            ),
        ];
        Some(FocusCard {
            kicker: format!("Interest · {}", partner.name),
            kicker_style: theme.partner(index),
            title: one_line(&interest.statement),
            details,
        })
    }

    /// The 3–6 keys that matter most right now, for the footer.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        if self.coverage {
            vec![
                ("←→", "partner"),
                ("a", "add interest"),
                ("c", "back to interests"),
            ]
        } else {
            vec![
                ("a", "add interest"),
                ("Enter", "edit"),
                ("Space", "weight"),
                ("d", "delete"),
                ("c", "coverage"),
            ]
        }
    }

    // -----------------------------------------------------------------------------
    // Cursor

    /// Matches the cursor against the session as it is now (interests may have been
    /// added, removed or re-weighted since the last key) and returns the focused
    /// partner, its column and the cursor's place in it.
    fn sync<'s>(&mut self, session: &'s Session) -> Option<(PartnerId, Vec<&'s Interest>, usize)> {
        self.partner = self.partner.min(session.partners.len().checked_sub(1)?);
        let partner = session.partners.get(self.partner)?.id;
        let items = column_items(session, partner);
        let index = self.resolve(partner, &items);
        self.point_at(partner, &items, index);
        Some((partner, items, index))
    }

    fn focus_partner(&mut self, index: usize) {
        self.partner = index;
        self.awaiting = None;
    }

    fn point_at(&mut self, partner: PartnerId, items: &[&Interest], index: usize) {
        let id = items.get(index).map(|i| i.id);
        if let Some((waiting_for, from)) = self.awaiting
            && waiting_for == partner
            && id.is_some_and(|id| id >= from)
        {
            self.awaiting = None;
        }
        let cursor = ColumnCursor { partner, index, id };
        match self.cursors.iter_mut().find(|c| c.partner == partner) {
            Some(slot) => *slot = cursor,
            None => self.cursors.push(cursor),
        }
    }

    /// Where the cursor of `partner`'s column is in `items`, without changing anything,
    /// so drawing and keys agree on it.
    fn resolve(&self, partner: PartnerId, items: &[&Interest]) -> usize {
        if items.is_empty() {
            return 0;
        }
        if let Some((waiting_for, from)) = self.awaiting
            && waiting_for == partner
            && let Some((at, _)) = items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.id >= from)
                .max_by_key(|(_, i)| i.id)
        {
            return at;
        }
        let Some(cursor) = self.cursors.iter().find(|c| c.partner == partner) else {
            return 0;
        };
        cursor
            .id
            .and_then(|id| items.iter().position(|i| i.id == id))
            // The interest is gone: stay at the same height, on its neighbour.
            .unwrap_or_else(|| cursor.index.min(items.len() - 1))
    }

    // -----------------------------------------------------------------------------
    // Interest view

    fn draw_interest_column(
        &self,
        buf: &mut Buffer,
        session: &Session,
        theme: &Theme,
        column: &Column,
        (fit, coverage_rows): (CoverageFit, u16),
        changed: Option<ItemId>,
    ) -> Unseen {
        let Some(partner) = session.partners.get(column.index) else {
            return Unseen::default();
        };
        let items = column_items(session, partner.id);
        let inner = draw_frame(buf, theme, column, &partner.name, items.len());
        if inner.is_empty() {
            return Unseen {
                interests: items.len(),
                ..Unseen::default()
            };
        }
        let content = pad(inner);
        let facts = CoverageFacts::of(session, partner.id);

        let coverage_rows = coverage_rows.min(inner.height);
        let list_height = inner.height - coverage_rows;
        let list = Rect {
            height: list_height,
            ..content
        };
        let below = Rect::new(
            content.x,
            content.y + list_height,
            content.width,
            coverage_rows,
        );

        let mut unseen = Unseen::default();
        let mut hidden = (0, 0);
        if items.is_empty() {
            let text = if column.focused {
                "No interests yet — press a to add one"
            } else {
                "No interests yet"
            };
            let style = if column.focused {
                theme.text
            } else {
                theme.muted
            };
            let lines = wrap_lines(&[Line::styled(text, style)], content.width);
            draw_lines(buf, list, &lines);
        } else {
            let cursor = self.resolve(partner.id, &items);
            let at = (cursor, column.focused, changed);
            let drawn = draw_list(buf, theme, &items, at, list, inner);
            hidden = (drawn.above, drawn.below);
            unseen.interests = drawn.above + drawn.below;
            unseen.lines = drawn.cut_rows;
        }
        draw_bottom_hints(buf, theme, column, hidden.1);

        // Under the lists the coverage is cut down to a verdict line, or left out, when
        // rows are short; `c` shows it whole.
        unseen.grids = usize::from(fit != CoverageFit::Strip);
        match fit {
            CoverageFit::None => {}
            CoverageFit::Verdict => {
                let rest = draw_rule(buf, theme, below);
                let (mark, text, style) = match exec_only_prompt(&facts) {
                    Some(prompt) => ("○", prompt, theme.warn),
                    None => verdict(&facts, theme),
                };
                draw_lines(buf, rest, &hanging(mark, &text, style, rest.width));
            }
            CoverageFit::Strip => {
                let rest = draw_rule(buf, theme, below);
                unseen.functions = draw_strip(buf, theme, &facts, rest);
            }
        }
        unseen
    }
}

/// What the columns of one frame could not show, added up for the footer's fit check.
#[derive(Debug, Default)]
struct Unseen {
    /// Interests scrolled out of their column, above and below.
    interests: usize,
    /// Whether some of those are in a column other than the focused one, which the
    /// cursor reaches only after ←→.
    elsewhere: bool,
    /// Rows of text cut off: statements past their two rows, coverage sentences past
    /// the bottom of their box.
    lines: usize,
    /// Columns whose coverage grid gave way to a verdict line, or to nothing.
    grids: usize,
    /// Functions of a coverage grid that had no row left.
    functions: usize,
}

impl Unseen {
    fn add(&mut self, other: Unseen) {
        self.interests += other.interests;
        self.elsewhere |= other.elsewhere;
        self.lines += other.lines;
        self.grids += other.grids;
        self.functions += other.functions;
    }

    /// Tells the footer, with the keys that bring each part into view. `partners` are
    /// the columns beyond either edge.
    fn report(&self, ctx: &StageCtx, partners: usize) {
        // ↑↓ scroll only the focused column; the others need ←→ first. When partners are
        // hidden too, ←→ is named for them already and needs no second mention.
        let keys = if self.elsewhere && partners == 0 {
            "←→ ↑↓"
        } else {
            "↑↓"
        };
        ctx.fit.hide(self.interests, "interests", keys);
        ctx.fit.hide(partners, "partners", "←→");
        ctx.fit.hide(self.grids, "coverage grids", "c");
        // Cut text has no key that scrolls it: focus mode shows the selected item whole.
        ctx.fit.hide(self.lines, "lines of detail", "z");
        ctx.fit.hide(self.functions, "functions", "z");
    }
}

/// How much coverage fits under the lists and how many rows it takes. Decided once for
/// all columns (the tallest need wins) so the rules and grids line up across the wall.
fn coverage_fit(
    session: &Session,
    theme: &Theme,
    window: &ColumnWindow,
    height: u16,
    width: usize,
) -> (CoverageFit, u16) {
    const VERDICT_ROWS: u16 = 1 + 2;
    let inner = height.saturating_sub(2);
    if width == 0 {
        return (CoverageFit::None, 0);
    }
    let strip = window
        .columns
        .iter()
        .filter_map(|(i, _)| session.partners.get(*i))
        .map(|p| strip_rows(&CoverageFacts::of(session, p.id), theme, width))
        .max()
        .unwrap_or(0);
    if inner >= strip.saturating_add(MIN_LIST_ROWS) {
        (CoverageFit::Strip, strip)
    } else if inner >= VERDICT_ROWS + 4 {
        (CoverageFit::Verdict, VERDICT_ROWS)
    } else {
        (CoverageFit::None, 0)
    }
}

// ---------------------------------------------------------------------------------
// Intents

/// The interests of one partner as the column shows them: non-negotiable first, and
/// within a weight in the order the room said them.
fn column_items(session: &Session, partner: PartnerId) -> Vec<&Interest> {
    let mut items: Vec<&Interest> = session.interests_of(partner).collect();
    // Stable sort: interests are kept by id, which is the order they were added in.
    items.sort_by_key(|i| i.weight);
    items
}

fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|v| label(*v).to_string()).collect()
}

fn position_of<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).unwrap_or(0)
}

/// The values a moderator fills in for an interest, before it gets its id.
struct Draft {
    statement: String,
    category: InterestCategory,
    weight: Weight,
    function: Function,
}

fn interest_form(title: String, draft: &Draft, on_submit: crate::tui::form::OnSubmit) -> Form {
    Form::new(title, on_submit)
        .text("What must be protected", &draft.statement)
        .choice(
            "Category",
            labels(InterestCategory::ALL, InterestCategory::label),
            position_of(InterestCategory::ALL, &draft.category),
        )
        .choice(
            "Weight",
            labels(Weight::ALL, Weight::label),
            position_of(Weight::ALL, &draft.weight),
        )
        .choice(
            "Stated by",
            labels(Function::ALL, Function::label),
            position_of(Function::ALL, &draft.function),
        )
}

/// Reads the form back; the statement must say something.
fn read_form(form: &Form) -> Result<Draft, String> {
    let statement = form.value(0);
    if statement.is_empty() {
        return Err("Write what this partner must protect first".to_string());
    }
    Ok(Draft {
        statement,
        category: InterestCategory::ALL
            .get(form.selected(1))
            .copied()
            .unwrap_or(InterestCategory::Other),
        weight: Weight::ALL
            .get(form.selected(2))
            .copied()
            .unwrap_or(Weight::Important),
        function: Function::ALL
            .get(form.selected(3))
            .copied()
            .unwrap_or(Function::Other),
    })
}

fn add_form(session: &Session, partner: PartnerId) -> Intent {
    let name = session.partner_name(partner);
    // Most interests are said by the person who speaks first for a partner; the
    // moderator changes the function when someone else speaks.
    let function = session
        .partner(partner)
        .and_then(|p| p.representatives.first())
        .map_or(Function::Executive, |r| r.function);
    let draft = Draft {
        statement: String::new(),
        // "Other" until the room says otherwise: a wrong category left by default would
        // mislead the conflict check, an honest "other" does not.
        category: InterestCategory::Other,
        // The middle weight, so that nothing is non-negotiable without someone saying so.
        weight: Weight::Important,
        function,
    };
    let on_submit = Box::new(move |form: &Form, session: &Session| {
        let draft = read_form(form)?;
        if session.partner(partner).is_none() {
            return Err("That partner is no longer in the session".to_string());
        }
        Ok(vec![Change::InterestAdded {
            interest: Interest {
                id: session.fresh_id(),
                partner,
                statement: draft.statement,
                category: draft.category,
                weight: draft.weight,
                function: draft.function,
            },
        }])
    });
    Intent::Form(interest_form(
        format!("New interest — {name}"),
        &draft,
        on_submit,
    ))
}

fn edit_form(session: &Session, interest: &Interest) -> Intent {
    let name = session.partner_name(interest.partner);
    let draft = Draft {
        statement: interest.statement.clone(),
        category: interest.category,
        weight: interest.weight,
        function: interest.function,
    };
    let (id, partner) = (interest.id, interest.partner);
    let on_submit = Box::new(move |form: &Form, session: &Session| {
        let draft = read_form(form)?;
        let Some(current) = session.interest(id) else {
            return Err("This interest was removed meanwhile".to_string());
        };
        let edited = Interest {
            id,
            partner,
            statement: draft.statement,
            category: draft.category,
            weight: draft.weight,
            function: draft.function,
        };
        if *current == edited {
            return Ok(Vec::new());
        }
        Ok(vec![Change::InterestEdited { interest: edited }])
    });
    Intent::Form(interest_form(
        format!("Edit interest — {name}"),
        &draft,
        on_submit,
    ))
}

fn delete_confirm(session: &Session, interest: &Interest) -> Intent {
    let name = session.partner_name(interest.partner);
    let statement = truncate_to_width(&one_line(&interest.statement), 60);
    Intent::Confirm(Confirm::yes_no(
        "Delete interest",
        format!("Delete {name}'s interest '{statement}'?"),
        Intent::Record(vec![Change::InterestRemoved { id: interest.id }]),
    ))
}

// ---------------------------------------------------------------------------------
// Drawing: columns and lists

/// One partner column to draw.
struct Column {
    index: usize,
    rect: Rect,
    focused: bool,
    hints: EdgeHints,
}

/// Partners hidden beyond the left and right edge, said on the outer columns.
#[derive(Clone, Copy)]
struct EdgeHints {
    left: usize,
    right: usize,
}

/// Draws the column's box with the partner's name and count, and the hints about hidden
/// partners; returns the inside of the box.
fn draw_frame(buf: &mut Buffer, theme: &Theme, column: &Column, name: &str, count: usize) -> Rect {
    let area = column.rect;
    if area.is_empty() {
        return area;
    }
    let partner_style = theme.partner(column.index);
    let count_text = match count {
        1 => "· 1 interest ".to_string(),
        n => format!("· {n} interests "),
    };
    // Corners and a cell of border either side stay visible.
    let room = usize::from(area.width.saturating_sub(4));
    let with_count = display_width(name) + 2 + display_width(&count_text) <= room;
    let name_room = room.saturating_sub(2);
    let mut title = vec![Span::styled(
        format!(" {} ", truncate_to_width(name, name_room)),
        partner_style,
    )];
    if with_count {
        title.push(Span::styled(count_text, theme.muted));
    }
    // The focused column gets a heavier frame, not only another colour.
    let (border_type, border_style) = if column.focused {
        (BorderType::Thick, theme.focus_border)
    } else {
        (BorderType::Rounded, theme.border)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border_style)
        .title(Line::from(title));
    let inner = block.inner(area);
    ratatui::widgets::Widget::render(block, area, buf);
    inner
}

/// The inside of a box less one cell of breathing room either side.
fn pad(inner: Rect) -> Rect {
    if inner.width > 2 {
        Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
    } else {
        inner
    }
}

/// The hints set into a column's bottom border: partners hidden beyond the left and
/// right edge (on the outer columns) and interests scrolled away below. Each is drawn
/// only where it fits whole, so hints never overwrite each other.
fn draw_bottom_hints(buf: &mut Buffer, theme: &Theme, column: &Column, below: usize) {
    let rect = column.rect;
    if rect.height < 2 || rect.width < 6 {
        return;
    }
    let y = rect.bottom() - 1;
    // Cells of the border between the corners that are still free.
    let (mut free_from, mut free_to) = (rect.x + 1, rect.right() - 1);
    let mut put = |text: String, at_left: bool, from: &mut u16, to: &mut u16| {
        let w = display_width(&text) as u16;
        if w > to.saturating_sub(*from) {
            return false;
        }
        let x = if at_left { *from } else { *to - w };
        buf.set_line(x, y, &Line::styled(text, theme.accent), w);
        if at_left {
            *from += w;
        } else {
            *to -= w;
        }
        true
    };
    if column.hints.left > 0 {
        put(
            format!(" ◀ {} more ", column.hints.left),
            true,
            &mut free_from,
            &mut free_to,
        );
    }
    if column.hints.right > 0 {
        put(
            format!(" {} more ▶ ", column.hints.right),
            false,
            &mut free_from,
            &mut free_to,
        );
    }
    if below > 0 {
        for text in [format!(" ↓ {below} more "), format!(" ↓ {below} ")] {
            let w = display_width(&text) as u16;
            let room = free_to.saturating_sub(free_from);
            if w <= room {
                // Centred in the column when that is free, else in what is left.
                let centre = rect.x + rect.width.saturating_sub(w) / 2;
                let x = centre.clamp(free_from, free_to - w);
                buf.set_line(x, y, &Line::styled(text, theme.accent), w);
                break;
            }
        }
    }
}

fn weight_mark(weight: Weight) -> &'static str {
    match weight {
        Weight::NonNegotiable => "■",
        Weight::Important => "▲",
        Weight::Negotiable => "◇",
    }
}

fn weight_heading(weight: Weight) -> &'static str {
    match weight {
        Weight::NonNegotiable => "Non-negotiable",
        Weight::Important => "Important",
        Weight::Negotiable => "Negotiable",
    }
}

fn weight_style(theme: &Theme, weight: Weight) -> Style {
    match weight {
        Weight::NonNegotiable => theme.bad,
        Weight::Important => theme.warn,
        Weight::Negotiable => theme.good,
    }
}

/// Cells the statement takes on one line, without building that line.
fn one_line_width(text: &str) -> usize {
    let (words, width) = text
        .split_whitespace()
        .fold((0usize, 0usize), |(n, w), word| {
            (n + 1, w + display_width(word))
        });
    width + words.saturating_sub(1)
}

/// Geometry of the scrolled list: how many rows each interest needs.
struct ListShape<'a> {
    items: &'a [&'a Interest],
    text_width: usize,
}

impl ListShape<'_> {
    /// Statement (one or two rows) and its muted detail line.
    fn body(&self, i: usize) -> usize {
        let lines = if one_line_width(&self.items[i].statement) <= self.text_width {
            1
        } else {
            2
        };
        lines + 1
    }

    /// Whether interest `i` opens a weight group (and so has a heading above it).
    fn opens_group(&self, i: usize) -> bool {
        i == 0 || self.items[i - 1].weight != self.items[i].weight
    }

    /// The interests to show, first and last, with `cursor` among them and as near the
    /// middle as the list allows. The first shown always gets its group's heading, even
    /// in the middle of a group, so a weight never scrolls out of sight.
    fn window(&self, cursor: usize, rows: usize) -> (usize, usize) {
        let n = self.items.len();
        let cursor = cursor.min(n.saturating_sub(1));
        let (mut first, mut last) = (cursor, cursor);
        let mut used = 1 + self.body(cursor);
        // Cost of showing one more interest above the first: its heading and body, plus
        // the gap (and perhaps heading) the old first now needs.
        let cost_before = |s: usize| 1 + self.body(s - 1) + usize::from(self.opens_group(s));
        let cost_after = |e: usize| 1 + usize::from(self.opens_group(e + 1)) + self.body(e + 1);
        let half = rows.saturating_sub(used) / 2;
        let mut spent_before = 0;
        while first > 0 {
            let cost = cost_before(first);
            if used + cost > rows || spent_before + cost > half {
                break;
            }
            used += cost;
            spent_before += cost;
            first -= 1;
        }
        while last + 1 < n {
            let cost = cost_after(last);
            if used + cost > rows {
                break;
            }
            used += cost;
            last += 1;
        }
        // Near the end of the list the room below is unused: fill it from above.
        while first > 0 {
            let cost = cost_before(first);
            if used + cost > rows {
                break;
            }
            used += cost;
            first -= 1;
        }
        (first, last)
    }
}

/// What `draw_list` left out of a column.
struct Drawn {
    /// Interests scrolled away above the first shown.
    above: usize,
    /// Interests scrolled away below the last shown.
    below: usize,
    /// Rows of statements cut at their two-row limit.
    cut_rows: usize,
}

/// Draws the interests of one column into `list`; returns what it could not show.
fn draw_list(
    buf: &mut Buffer,
    theme: &Theme,
    items: &[&Interest],
    (cursor, focused, changed): (usize, bool, Option<ItemId>),
    list: Rect,
    inner: Rect,
) -> Drawn {
    if list.is_empty() || items.is_empty() {
        // No row for any of them: all are below, where the hint says so.
        return Drawn {
            above: 0,
            below: items.len(),
            cut_rows: 0,
        };
    }
    let width = usize::from(list.width);
    let text_width = width.saturating_sub(2).max(1);
    let shape = ListShape { items, text_width };
    let (first, last) = shape.window(cursor, usize::from(list.height));

    let mut counts = [0usize; 3];
    for item in items {
        counts[position_of(Weight::ALL, &item.weight)] += 1;
    }

    let mut cut_rows = 0;
    let mut y = list.y;
    let bottom = list.bottom();
    let mut put = |buf: &mut Buffer, line: Line, highlight: Option<Style>| {
        if y >= bottom {
            return;
        }
        if let Some(style) = highlight {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_line(list.x, y, &line, list.width);
        y += 1;
    };
    for (i, item) in items.iter().enumerate().take(last + 1).skip(first) {
        if i > first {
            put(buf, Line::default(), None);
        }
        if i == first || shape.opens_group(i) {
            let style = weight_style(theme, item.weight);
            let n = counts[position_of(Weight::ALL, &item.weight)];
            let heading = format!(
                "{} {} · {n}",
                weight_mark(item.weight),
                weight_heading(item.weight)
            );
            let heading_width = display_width(&heading);
            let mut spans = vec![Span::styled(truncate_to_width(&heading, width), style)];
            // Interests scrolled away above are said on the top heading, which is
            // always there, rather than on the frame where the partner's name is.
            if i == first && first > 0 {
                let hint = [format!("↑ {first} more"), format!("↑ {first}")]
                    .into_iter()
                    .find(|h| heading_width + 2 + display_width(h) <= width);
                if let Some(hint) = hint {
                    let gap = width - heading_width - display_width(&hint);
                    spans.push(Span::raw(" ".repeat(gap)));
                    spans.push(Span::styled(hint, theme.accent));
                }
            }
            put(buf, Line::from(spans), None);
        }
        // Only the focused column shows its cursor, so the wall has one place to look.
        let selected = i == cursor && focused;
        let highlight = selected.then_some(theme.selected);
        // What the replayed event just changed stands out, marked, unless the cursor is
        // on it.
        let marked = !selected && changed == Some(item.id);
        let pick = |normal: Style| match (selected, marked) {
            (true, _) => theme.selected,
            (false, true) => normal.patch(changed_style(theme)),
            (false, false) => normal,
        };
        let (rows, cut) = statement_rows(&item.statement, text_width);
        cut_rows += cut;
        for (row, text) in rows.into_iter().enumerate() {
            // The mark shows under the cursor too; the selection keeps its style.
            let lead = if row == 0 && changed == Some(item.id) {
                Span::styled(format!("{CHANGED_MARK} "), pick(theme.text))
            } else if row == 0 {
                Span::styled(
                    format!("{} ", weight_mark(item.weight)),
                    pick(weight_style(theme, item.weight)),
                )
            } else {
                Span::styled("  ", pick(theme.text))
            };
            put(
                buf,
                Line::from(vec![lead, Span::styled(text, pick(theme.text))]),
                highlight,
            );
        }
        let detail = detail_text(item, text_width);
        put(
            buf,
            Line::from(vec![
                Span::raw("  "),
                Span::styled(detail, pick(theme.muted)),
            ]),
            highlight,
        );
    }
    Drawn {
        above: first,
        below: items.len() - 1 - last,
        cut_rows,
    }
}

/// `text` on one line per word-wrapped row of `width` cells, at most `max_rows` of them,
/// the last ending in "…" when the text goes on; and how many rows were cut off.
fn clipped_rows(text: &str, width: usize, max_rows: usize) -> (Vec<String>, usize) {
    let text = one_line(text);
    let wrapped = wrap_lines(&[Line::raw(text)], width as u16);
    let mut rows: Vec<String> = wrapped
        .iter()
        .take(max_rows)
        .map(|l| l.to_string())
        .collect();
    if wrapped.len() > max_rows
        && let Some(last) = rows.last_mut()
    {
        // "ask engineering,…" reads as a cut; "ask engineering…" as more to come.
        let kept = last.trim_end_matches([',', ';', ':', ' ', '—']);
        *last = if display_width(kept) < width {
            format!("{kept}…")
        } else {
            truncate_to_width(last, width)
        };
    }
    (rows, wrapped.len().saturating_sub(max_rows))
}

/// The statement in at most two rows of `width` cells, and the rows cut off after them.
fn statement_rows(statement: &str, width: usize) -> (Vec<String>, usize) {
    if statement.trim().is_empty() {
        return (vec!["(no statement)".to_string()], 0);
    }
    clipped_rows(statement, width, 2)
}

/// A mark followed by `text` wrapped under itself (not under the mark), in at most two
/// rows, all in `style`.
fn hanging(mark: &str, text: &str, style: Style, width: u16) -> Vec<Line<'static>> {
    let indent = display_width(mark) + 1;
    let room = usize::from(width).saturating_sub(indent);
    if room == 0 {
        return Vec::new();
    }
    clipped_rows(text, room, 2)
        .0
        .into_iter()
        .enumerate()
        .map(|(row, text)| {
            let lead = if row == 0 {
                format!("{mark} ")
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![Span::styled(lead, style), Span::styled(text, style)])
        })
        .collect()
}

/// "territory · stated by sales", shortened to fit.
fn detail_text(item: &Interest, width: usize) -> String {
    let full = format!("{} · stated by {}", item.category, item.function);
    if display_width(&full) <= width {
        return full;
    }
    let short = format!("{} · by {}", item.category, item.function);
    truncate_to_width(&short, width)
}

/// A thin labelled rule at the top of `area`; returns the rows under it.
fn draw_rule(buf: &mut Buffer, theme: &Theme, area: Rect) -> Rect {
    if area.is_empty() {
        return area;
    }
    let label = " Who has spoken ";
    let width = usize::from(area.width);
    let line = if width >= display_width(label) + 4 {
        let rest = width - display_width(label) - 2;
        Line::from(vec![
            Span::styled("──", theme.border),
            Span::styled(label, theme.muted),
            Span::styled("─".repeat(rest), theme.border),
        ])
    } else {
        Line::styled("─".repeat(width), theme.border)
    };
    buf.set_line(area.x, area.y, &line, area.width);
    Rect::new(area.x, area.y + 1, area.width, area.height - 1)
}

// ---------------------------------------------------------------------------------
// Coverage

/// Who of a partner has spoken: the functions heard, the functions in the room, and
/// how many interests each function gave.
struct CoverageFacts {
    disclosed: BTreeSet<Function>,
    present: BTreeSet<Function>,
    counts: [usize; Function::ALL.len()],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    Heard,
    Silent,
    Absent,
}

impl CoverageFacts {
    fn of(session: &Session, partner: PartnerId) -> CoverageFacts {
        let mut counts = [0; Function::ALL.len()];
        for interest in session.interests_of(partner) {
            counts[position_of(Function::ALL, &interest.function)] += 1;
        }
        CoverageFacts {
            disclosed: session.disclosed_functions(partner),
            present: session.present_functions(partner),
            counts,
        }
    }

    fn voice(&self, function: Function) -> Voice {
        if self.disclosed.contains(&function) {
            Voice::Heard
        } else if self.present.contains(&function) {
            Voice::Silent
        } else {
            Voice::Absent
        }
    }

    /// Functions in the room that have not put anything on the table.
    fn silent(&self) -> impl Iterator<Item = Function> + '_ {
        self.present.difference(&self.disclosed).copied()
    }
}

/// How much the full coverage view can spell out in a column's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Words {
    Long,
    Short,
    Tight,
}

fn voice_mark(voice: Voice) -> &'static str {
    match voice {
        Voice::Heard => "●",
        Voice::Silent => "○",
        Voice::Absent => "·",
    }
}

fn voice_styles(theme: &Theme, voice: Voice) -> (Style, Style) {
    match voice {
        Voice::Heard => (theme.good, theme.text),
        Voice::Silent => (theme.warn, theme.warn),
        Voice::Absent => (theme.muted, theme.muted),
    }
}

/// One line on how much of the room has spoken: a mark, the sentence and its style.
fn verdict(facts: &CoverageFacts, theme: &Theme) -> (&'static str, String, Style) {
    let in_room = facts.present.len();
    let heard = facts.present.intersection(&facts.disclosed).count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if in_room == 0 {
        let spoken = facts.disclosed.len();
        let text = if spoken == 0 {
            "Nobody recorded in the room yet: press p".to_string()
        } else {
            format!(
                "{spoken} function{} spoke; nobody recorded in the room (p)",
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
fn exec_only_prompt(facts: &CoverageFacts) -> Option<String> {
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
fn missing_line(facts: &CoverageFacts) -> Option<String> {
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
fn coverage_sentences(facts: &CoverageFacts, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let (mark, text, style) = verdict(facts, theme);
    let mut lines = hanging(mark, &text, style, width);
    if let Some(missing) = missing_line(facts) {
        lines.extend(hanging(" ", &missing, theme.warn, width));
    }
    lines
}

/// Columns and rows of the function grid in `width` cells: as few rows as fit, the
/// functions spread evenly over them.
fn grid_shape(width: usize) -> (usize, usize, usize) {
    let n = Function::ALL.len();
    let fit = (width / MIN_GRID_CELL).clamp(1, n);
    let rows = n.div_ceil(fit);
    let per_row = n.div_ceil(rows);
    let cell = (width / per_row).clamp(1, MAX_GRID_CELL);
    (per_row, rows, cell)
}

/// Rows the strip under a column needs: rule, sentences and grid.
fn strip_rows(facts: &CoverageFacts, theme: &Theme, width: usize) -> u16 {
    let sentences = coverage_sentences(facts, theme, width as u16).len();
    let (_, grid, _) = grid_shape(width);
    (1 + sentences + grid) as u16
}

/// Draws the sentences and the grid; returns how many functions had no room.
fn draw_strip(buf: &mut Buffer, theme: &Theme, facts: &CoverageFacts, area: Rect) -> usize {
    let lines = coverage_sentences(facts, theme, area.width);
    draw_lines(buf, area, &lines);
    let used = (lines.len() as u16).min(area.height);
    let grid = Rect::new(area.x, area.y + used, area.width, area.height - used);
    draw_grid(buf, theme, facts, grid)
}

/// Every function as a mark and a short name, in a grid; returns how many functions had
/// no row left.
fn draw_grid(buf: &mut Buffer, theme: &Theme, facts: &CoverageFacts, area: Rect) -> usize {
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
fn draw_coverage_column(
    buf: &mut Buffer,
    session: &Session,
    theme: &Theme,
    column: &Column,
) -> Unseen {
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
    let facts = CoverageFacts::of(session, partner.id);
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
fn status_words(voice: Voice, interests: usize, words: Words) -> String {
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
fn coverage_card(session: &Session, theme: &Theme, index: usize, partner: PartnerId) -> FocusCard {
    let name = session.partner_name(partner);
    let facts = CoverageFacts::of(session, partner);
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
fn legend_line(theme: &Theme, width: u16) -> Line<'static> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{History, NewPartner};
    use crate::tui::stages::testing::{ctx, draw_stage, key, proceed, rows, set_text};
    use chrono::{TimeZone, Utc};

    const NORTHWIND: PartnerId = PartnerId(1);
    const GLOBEX: PartnerId = PartnerId(2);

    fn record(history: &mut History, changes: Vec<Change>) {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
            .single()
            .expect("a valid time");
        for change in changes {
            history.record(at, change).expect("the change applies");
        }
    }

    fn press(screen: &mut InterestsScreen, session: &Session, code: KeyCode) -> Option<Intent> {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()))
    }

    /// The screen as text rows, and the buffer for style checks.
    fn draw(screen: &InterestsScreen, session: &Session, w: u16, h: u16) -> (Vec<String>, Buffer) {
        let buf = draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx));
        (rows(&buf), buf)
    }

    /// Row and column (in cells) where `needle` first appears.
    fn find(rows: &[String], needle: &str) -> Option<(usize, usize)> {
        rows.iter()
            .enumerate()
            .find_map(|(y, row)| row.find(needle).map(|at| (y, display_width(&row[..at]))))
    }

    fn at(rows: &[String], needle: &str) -> (usize, usize) {
        find(rows, needle)
            .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", rows.join("\n")))
    }

    fn interest(session: &Session, statement_start: &str) -> Interest {
        session
            .interests
            .iter()
            .find(|i| i.statement.starts_with(statement_start))
            .cloned()
            .expect("the sample has this interest")
    }

    fn submit(intent: Option<Intent>, session: &Session) -> (Form, Vec<Change>) {
        let Some(Intent::Form(form)) = intent else {
            panic!("expected a form");
        };
        let changes = (form.on_submit)(&form, session).expect("the form is accepted");
        (form, changes)
    }

    #[test]
    fn columns_show_each_partner_with_interests_sorted_by_weight() {
        let history = proceed();
        let (rows, _) = draw(&InterestsScreen::default(), history.session(), 80, 19);
        let (title_row, northwind_x) = at(&rows, "Northwind Analytics");
        let (globex_row, globex_x) = at(&rows, "Globex Integration");
        assert_eq!(title_row, 0);
        assert_eq!(globex_row, 0);
        assert!(northwind_x < 5 && globex_x > 40, "{northwind_x} {globex_x}");
        assert!(rows[0].contains("4 interests"), "{}", rows[0]);

        // Non-negotiable first, each interest with its mark, in the order they were said.
        let heading = at(&rows, "■ Non-negotiable · 2");
        let first = at(&rows, "■ Keep the direct relationship");
        let second = at(&rows, "■ Connectors built in the project");
        let important = at(&rows, "▲ Important · 2");
        assert!(heading.0 < first.0 && first.0 < second.0 && second.0 < important.0);
        assert!(first.1 < 40);
        // The detail line names category and function.
        let detail = at(&rows, "account leadership · by sales");
        assert_eq!(detail.0, first.0 + 2, "{}", rows.join("\n"));
        // Globex's column has its own, in its own place.
        let (own, x) = at(&rows, "■ Own EMEA enterprise accounts");
        assert!(x > 40 && own == first.0, "{}", rows.join("\n"));
    }

    #[test]
    fn focused_interest_is_highlighted_and_follows_the_arrow_keys() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::dark();
        let mut screen = InterestsScreen::default();
        let (rows, buf) = draw(&screen, session, 80, 19);
        let (y, x) = at(&rows, "Keep the direct");
        assert_eq!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);

        press(&mut screen, session, KeyCode::Down);
        let (rows, buf) = draw(&screen, session, 80, 19);
        let (y, x) = at(&rows, "Keep the direct");
        assert_ne!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);
        let (y, x) = at(&rows, "Connectors built");
        assert_eq!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);

        // Enter now edits the second interest of the sorted column.
        let (form, _) = submit(press(&mut screen, session, KeyCode::Enter), session);
        assert!(form.value(0).starts_with("Connectors built"));
    }

    #[test]
    fn enter_opens_a_prefilled_form_and_saving_keeps_id_and_partner() {
        let mut history = proceed();
        let original = interest(history.session(), "Own EMEA");
        let mut screen = InterestsScreen::default();
        press(&mut screen, history.session(), KeyCode::Right);
        let Some(Intent::Form(mut form)) = press(&mut screen, history.session(), KeyCode::Enter)
        else {
            panic!("Enter should open a form");
        };
        assert!(form.title.contains("Globex Integration"), "{}", form.title);
        assert_eq!(form.value(0), original.statement);
        assert_eq!(
            form.selected(1),
            position_of(InterestCategory::ALL, &original.category)
        );
        assert_eq!(form.selected(2), position_of(Weight::ALL, &original.weight));
        assert_eq!(
            form.selected(3),
            position_of(Function::ALL, &original.function)
        );

        set_text(
            &mut form,
            0,
            "Own EMEA enterprise accounts for all delivery work",
        );
        let changes = (form.on_submit)(&form, history.session()).expect("accepted");
        let expected = Interest {
            statement: "Own EMEA enterprise accounts for all delivery work".to_string(),
            ..original.clone()
        };
        assert_eq!(
            changes,
            vec![Change::InterestEdited {
                interest: expected.clone()
            }]
        );
        record(&mut history, changes);
        assert_eq!(history.session().interest(original.id), Some(&expected));

        // Saving an unchanged form records nothing; an emptied statement is refused.
        let (_, unchanged) = submit(
            press(&mut screen, history.session(), KeyCode::Enter),
            history.session(),
        );
        assert!(unchanged.is_empty());
        let Some(Intent::Form(mut form)) = press(&mut screen, history.session(), KeyCode::Enter)
        else {
            panic!("Enter should open a form");
        };
        set_text(&mut form, 0, "   ");
        assert!((form.on_submit)(&form, history.session()).is_err());
    }

    #[test]
    fn a_adds_an_interest_stated_by_the_first_representative_and_selects_it() {
        let mut history = proceed();
        // Northwind's first representative is now its sales lead.
        let first = history
            .session()
            .partner(NORTHWIND)
            .expect("Northwind")
            .representatives[0]
            .id;
        record(
            &mut history,
            vec![Change::RepresentativeRemoved {
                partner: NORTHWIND,
                id: first,
            }],
        );
        let mut screen = InterestsScreen::default();
        let Some(Intent::Form(mut form)) =
            press(&mut screen, history.session(), KeyCode::Char('a'))
        else {
            panic!("a should open a form");
        };
        assert!(form.title.contains("Northwind Analytics"));
        assert_eq!(form.value(0), "");
        assert_eq!(
            form.selected(3),
            position_of(Function::ALL, &Function::Sales)
        );
        assert!(
            (form.on_submit)(&form, history.session()).is_err(),
            "an empty statement is refused"
        );

        set_text(&mut form, 0, "Renewals stay on our paper");
        let fresh = history.session().fresh_id();
        let changes = (form.on_submit)(&form, history.session()).expect("accepted");
        let [Change::InterestAdded { interest }] = changes.as_slice() else {
            panic!("expected one InterestAdded, got {changes:?}");
        };
        assert_eq!((interest.id, interest.partner), (fresh, NORTHWIND));
        assert_eq!(interest.function, Function::Sales);
        assert_eq!(interest.weight, Weight::Important);
        record(&mut history, changes);

        // The cursor lands on what was just added, among the important interests.
        let theme = Theme::dark();
        let (rows, buf) = draw(&screen, history.session(), 80, 19);
        let (y, x) = at(&rows, "Renewals stay on our paper");
        assert_eq!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);
        let (form, _) = submit(
            press(&mut screen, history.session(), KeyCode::Enter),
            history.session(),
        );
        assert_eq!(form.value(0), "Renewals stay on our paper");
    }

    #[test]
    fn d_asks_before_deleting_and_names_the_interest() {
        let mut history = proceed();
        let target = interest(history.session(), "Keep the direct relationship");
        let mut screen = InterestsScreen::default();
        let Some(Intent::Confirm(confirm)) =
            press(&mut screen, history.session(), KeyCode::Char('d'))
        else {
            panic!("d should ask first");
        };
        assert!(
            confirm
                .lines
                .join(" ")
                .contains("Keep the direct relationship"),
            "{:?}",
            confirm.lines
        );
        assert!(confirm.lines.join(" ").contains("Northwind Analytics"));
        let yes = confirm
            .options
            .into_iter()
            .find(|o| o.key == 'y')
            .expect("a yes option");
        let Intent::Record(changes) = yes.then else {
            panic!("yes should record");
        };
        assert_eq!(changes, vec![Change::InterestRemoved { id: target.id }]);
        record(&mut history, changes);
        assert!(history.session().interest(target.id).is_none());

        // The cursor stays at the same height, on the next interest.
        let (form, _) = submit(
            press(&mut screen, history.session(), KeyCode::Enter),
            history.session(),
        );
        assert!(form.value(0).starts_with("Connectors built"));
    }

    #[test]
    fn space_cycles_the_weight_and_the_cursor_follows_the_interest() {
        let mut history = proceed();
        let target = interest(history.session(), "Keep the direct relationship");
        let mut screen = InterestsScreen::default();
        let Some(Intent::Record(changes)) =
            press(&mut screen, history.session(), KeyCode::Char(' '))
        else {
            panic!("Space should record a change");
        };
        let expected = Interest {
            weight: Weight::Important,
            ..target.clone()
        };
        assert_eq!(changes, vec![Change::InterestEdited { interest: expected }]);
        record(&mut history, changes);

        // It moved under "Important", and the cursor went with it.
        let (rows, _) = draw(&screen, history.session(), 80, 19);
        assert!(at(&rows, "▲ Keep the direct").0 > at(&rows, "▲ Important").0);
        let (form, _) = submit(
            press(&mut screen, history.session(), KeyCode::Enter),
            history.session(),
        );
        assert!(form.value(0).starts_with("Keep the direct relationship"));
    }

    /// Globex with only its executive's interest left, so the prompt shows.
    fn globex_exec_only() -> History {
        let mut history = proceed();
        let removals: Vec<Change> = history
            .session()
            .interests_of(GLOBEX)
            .filter(|i| i.function != Function::Executive)
            .map(|i| Change::InterestRemoved { id: i.id })
            .collect();
        record(&mut history, removals);
        history
    }

    #[test]
    fn coverage_strip_shows_who_has_spoken_on_a_large_screen() {
        let history = globex_exec_only();
        let (rows, _) = draw(&InterestsScreen::default(), history.session(), 160, 40);
        let screen = rows.join("\n");
        // Both the lists and the coverage, with marks and the legend explaining them.
        assert!(screen.contains("Keep the direct relationship"), "{screen}");
        assert!(
            screen.contains("All 4 functions in the room have spoken"),
            "{screen}"
        );
        assert!(
            screen.contains("1 of 4 functions in the room has spoken"),
            "{screen}"
        );
        assert!(
            screen.contains("Only the executive has spoken — ask"),
            "{screen}"
        );
        assert!(
            screen.contains("○ Svcs") && screen.contains("● Exec") && screen.contains("· Mktg"),
            "{screen}"
        );
        assert!(at(&rows, "in the room, not heard yet").0 == 39, "{screen}");
        // Strips of both partners line up.
        let strips: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.contains("Who has spoken"))
            .map(|(y, _)| y)
            .collect();
        assert_eq!(strips.len(), 1, "{screen}");
        assert_eq!(rows[strips[0]].matches("Who has spoken").count(), 2);
    }

    #[test]
    fn small_screen_has_a_verdict_line_and_c_opens_the_full_coverage() {
        let history = globex_exec_only();
        let session = history.session();
        let mut screen = InterestsScreen::default();
        let (rows, _) = draw(&screen, session, 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("Who has spoken"), "{text}");
        assert!(text.contains("All 4 functions"), "{text}");
        assert!(text.contains("Only the executive has"), "{text}");

        assert!(press(&mut screen, session, KeyCode::Char('c')).is_none());
        assert_eq!(
            screen.footer_keys().last(),
            Some(&("c", "back to interests"))
        );
        let (rows, _) = draw(&screen, session, 80, 19);
        let text = rows.join("\n");
        assert!(!text.contains("Keep the direct"), "{text}");
        let (y, x) = at(&rows, "○ services/delivery");
        assert!(x > 40 && rows[y].contains("silent"), "{text}");
        assert!(
            rows[at(&rows, "● executive").0].contains("spoke · 1"),
            "{text}"
        );
        assert!(
            rows[at(&rows, "· marketing").0].contains("not here"),
            "{text}"
        );
        assert!(text.contains("in the room, not heard yet"), "{text}");
        // Editing keys say where the interests went instead of acting unseen.
        assert!(matches!(
            press(&mut screen, session, KeyCode::Char('d')),
            Some(Intent::Status(_))
        ));
        press(&mut screen, session, KeyCode::Char('c'));
        assert!(matches!(
            press(&mut screen, session, KeyCode::Char('d')),
            Some(Intent::Confirm(_))
        ));
    }

    #[test]
    fn verdicts_read_well() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::monochrome();
        let mut facts = CoverageFacts::of(session, NORTHWIND);
        assert_eq!(
            verdict(&facts, &theme).1,
            "All 4 functions in the room have spoken"
        );
        assert_eq!(missing_line(&facts), None);
        facts.disclosed = [Function::Executive].into();
        assert_eq!(
            verdict(&facts, &theme).1,
            "1 of 4 functions in the room has spoken"
        );
        assert_eq!(
            missing_line(&facts).as_deref(),
            Some("Only the executive has spoken — ask sales, product, legal")
        );
        facts.present = [Function::Executive].into();
        assert_eq!(
            exec_only_prompt(&facts).as_deref(),
            Some("Only the executive has spoken — ask sales, product, engineering…")
        );
        facts.present = [Function::Executive, Function::Sales, Function::Legal].into();
        facts.disclosed = [Function::Executive, Function::Sales].into();
        assert_eq!(
            verdict(&facts, &theme).1,
            "2 of 3 functions in the room have spoken"
        );
        assert_eq!(
            missing_line(&facts).as_deref(),
            Some("Not heard yet: legal")
        );
    }

    #[test]
    fn empty_column_says_what_to_do() {
        let mut history = proceed();
        let removals: Vec<Change> = history
            .session()
            .interests_of(NORTHWIND)
            .map(|i| Change::InterestRemoved { id: i.id })
            .collect();
        record(&mut history, removals);
        let mut screen = InterestsScreen::default();
        let (rows, _) = draw(&screen, history.session(), 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("No interests yet — press a to"), "{text}");
        assert!(rows[0].contains("0 interests"), "{text}");
        assert!(matches!(
            press(&mut screen, history.session(), KeyCode::Enter),
            Some(Intent::Status(_))
        ));
        // The other column does not invite a key that would not act on it.
        press(&mut screen, history.session(), KeyCode::Right);
        let (rows, _) = draw(&screen, history.session(), 80, 19);
        assert!(!rows.join("\n").contains("press a"), "{}", rows.join("\n"));
    }

    fn eight_partners() -> History {
        let partners = (1..=8)
            .map(|n| NewPartner {
                id: PartnerId(n),
                name: format!("Partner {n}"),
                brings: String::new(),
            })
            .collect();
        let created = Change::Created {
            title: "Eight".to_string(),
            moderator: String::new(),
            kind: crate::domain::PartnershipType::AllianceMember,
            partners,
            roles: Vec::new(),
        };
        let at = Utc
            .with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
            .single()
            .expect("a valid time");
        History::create(at, created).expect("eight partners are allowed")
    }

    #[test]
    fn with_eight_partners_the_focused_one_is_always_shown() {
        let history = eight_partners();
        let session = history.session();
        let mut screen = InterestsScreen::default();
        for _ in 0..6 {
            press(&mut screen, session, KeyCode::Right);
        }
        let (rows, _) = draw(&screen, session, 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("Partner 7"), "{text}");
        assert!(!text.contains("Partner 1 "), "{text}");
        assert!(
            text.contains("◀ 5 more") && text.contains("1 more ▶"),
            "{text}"
        );
        // Tab wraps around from the last partner to the first.
        press(&mut screen, session, KeyCode::Right);
        press(&mut screen, session, KeyCode::Tab);
        let (rows, _) = draw(&screen, session, 80, 19);
        assert!(rows[0].contains("Partner 1 "), "{}", rows.join("\n"));
        let Some(Intent::Form(form)) = press(&mut screen, session, KeyCode::Char('a')) else {
            panic!("a should open a form");
        };
        assert!(form.title.ends_with("Partner 1"));
    }

    #[test]
    fn long_lists_scroll_to_keep_the_cursor_visible() {
        let mut history = proceed();
        let mut changes = Vec::new();
        let first_id = history.session().fresh_id().0;
        for (id, n) in (first_id..).zip(0..1000) {
            changes.push(Change::InterestAdded {
                interest: Interest {
                    id: ItemId(id),
                    partner: if n % 2 == 0 { NORTHWIND } else { GLOBEX },
                    statement: format!(
                        "Interest number {n} with enough words to wrap onto a second row"
                    ),
                    category: InterestCategory::Pricing,
                    weight: Weight::ALL[n % 3],
                    function: Function::ALL[n % 10],
                },
            });
        }
        record(&mut history, changes);
        let session = history.session();
        let mut screen = InterestsScreen::default();
        press(&mut screen, session, KeyCode::End);
        let (rows, _) = draw(&screen, session, 80, 19);
        let text = rows.join("\n");
        assert!(text.contains("Interest number 998"), "{text}");
        assert!(text.contains("◇ Negotiable"), "{text}");
        assert!(text.contains("↑ ") && text.contains("more"), "{text}");
        for _ in 0..3 {
            press(&mut screen, session, KeyCode::Up);
        }
        let (rows, _) = draw(&screen, session, 200, 50);
        assert!(rows.join("\n").contains("Interest number 992"));
        // How fast this draws is measured by `cargo bench --bench render`, not here.
    }

    #[test]
    fn tiny_areas_never_panic() {
        let history = globex_exec_only();
        let eight = eight_partners();
        for coverage in [false, true] {
            let screen = InterestsScreen {
                coverage,
                ..InterestsScreen::default()
            };
            for (w, h) in [
                (0, 0),
                (1, 1),
                (20, 5),
                (3, 3),
                (31, 4),
                (40, 8),
                (80, 24),
                (200, 50),
            ] {
                draw(&screen, history.session(), w, h);
                draw(&screen, eight.session(), w, h);
            }
        }
    }

    #[test]
    fn chords_and_unknown_keys_are_left_to_the_app() {
        let history = proceed();
        let session = history.session();
        let mut screen = InterestsScreen::default();
        let theme = Theme::dark();
        let ctx = StageCtx::new(session, &[], &theme, false, None);
        let ctrl_a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL);
        assert!(screen.handle_key(ctrl_a, &ctx).is_none());
        assert!(press(&mut screen, session, KeyCode::Char('z')).is_none());
        assert_eq!(screen.footer_keys()[0], ("a", "add interest"));
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::domain::History;
    use crate::tui::stages::Hidden;
    use crate::tui::stages::testing::{self, ctx, fresh, key, proceed, reported};

    /// Draws the screen; returns its rows and what it reported as not shown.
    fn draw_fit(
        screen: &InterestsScreen,
        session: &Session,
        w: u16,
        h: u16,
    ) -> (Vec<String>, Vec<Hidden>) {
        testing::draw_fit(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    fn press(screen: &mut InterestsScreen, session: &Session, code: KeyCode) {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()));
    }

    /// Statements here begin "Interest 17: …": the numbers on screen are the interests
    /// drawn, whatever the layout did to get there.
    fn statements_on_screen(rows: &[String]) -> usize {
        rows.iter()
            .map(|row| {
                row.match_indices("Interest ")
                    .filter(|(at, word)| {
                        let rest = &row[at + word.len()..];
                        let digits = rest.chars().take_while(char::is_ascii_digit).count();
                        digits > 0 && rest[digits..].starts_with(':')
                    })
                    .count()
            })
            .sum()
    }

    fn interests_of(session: &Session, partners: &[usize]) -> usize {
        partners
            .iter()
            .map(|&i| session.interests_of(session.partners[i].id).count())
            .sum()
    }

    /// `partners` partners sharing 90 interests: the non-negotiable ones short enough
    /// for one row, the others two rows long, so how many fit depends on where the
    /// cursor is.
    fn crowded(partners: usize) -> History {
        let mut history = fresh(partners);
        let ids: Vec<PartnerId> = history.session().partners.iter().map(|p| p.id).collect();
        for n in 0..90 {
            let weight = Weight::ALL[(n / 3) % 30 / 10];
            let statement = match weight {
                Weight::NonNegotiable => format!("Interest {n}: short"),
                _ => format!("Interest {n}: long enough to need a second row in a column"),
            };
            let interest = Interest {
                id: history.session().fresh_id(),
                partner: ids[n % partners],
                statement,
                category: InterestCategory::Pricing,
                weight,
                function: Function::Sales,
            };
            history
                .record(
                    crate::tui::stages::testing::at(),
                    Change::InterestAdded { interest },
                )
                .expect("the interest is added");
        }
        history
    }

    #[test]
    fn a_crowded_screen_reports_the_interests_and_partners_it_leaves_out() {
        let history = crowded(3);
        let session = history.session();
        let mut screen = InterestsScreen::default();

        // 80 columns hold two partner columns of at least 30 cells: the first two show.
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let before = interests_of(session, &[0, 1]) - statements_on_screen(&rows);
        assert!(before > 30, "{before}");
        assert_eq!(reported(&hidden, "interests"), Some((before, "↑↓")));
        assert_eq!(reported(&hidden, "partners"), Some((1, "←→")));
        // No room for the grid of who has spoken under either column.
        assert_eq!(reported(&hidden, "coverage grids"), Some((2, "c")));

        // To the long statements at the end of the first column: fewer fit.
        press(&mut screen, session, KeyCode::End);
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let after = interests_of(session, &[0, 1]) - statements_on_screen(&rows);
        assert!(after > before, "{after} {before}");
        assert_eq!(reported(&hidden, "interests"), Some((after, "↑↓")));

        // To the third partner: the first is the hidden one now.
        press(&mut screen, session, KeyCode::Right);
        press(&mut screen, session, KeyCode::Right);
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        assert!(!rows[0].contains("Northwind"), "{}", rows[0]);
        let third = interests_of(session, &[1, 2]) - statements_on_screen(&rows);
        assert_eq!(reported(&hidden, "interests"), Some((third, "↑↓")));
        assert_eq!(reported(&hidden, "partners"), Some((1, "←→")));
    }

    #[test]
    fn interests_hidden_only_in_another_column_name_the_keys_to_get_there() {
        // Two partners, both in view; the focused first one has no interests left.
        let mut history = crowded(2);
        let removals: Vec<Change> = history
            .session()
            .interests
            .iter()
            .filter(|i| i.partner == history.session().partners[0].id)
            .map(|i| Change::InterestRemoved { id: i.id })
            .collect();
        for change in removals {
            history
                .record(crate::tui::stages::testing::at(), change)
                .expect("the interest is removed");
        }
        let session = history.session();
        let (rows, hidden) = draw_fit(&InterestsScreen::default(), session, 80, 19);
        let count = interests_of(session, &[0, 1]) - statements_on_screen(&rows);
        assert!(count > 0);
        assert_eq!(reported(&hidden, "interests"), Some((count, "←→ ↑↓")));
        assert_eq!(reported(&hidden, "partners"), None);
    }

    #[test]
    fn long_statements_cut_at_two_rows_are_counted() {
        let mut history = proceed();
        let interest = Interest {
            id: history.session().fresh_id(),
            partner: history.session().partners[0].id,
            statement: "word ".repeat(40),
            category: InterestCategory::Pricing,
            weight: Weight::NonNegotiable,
            function: Function::Sales,
        };
        history
            .record(
                crate::tui::stages::testing::at(),
                Change::InterestAdded { interest },
            )
            .expect("the interest is added");
        let (_, hidden) = draw_fit(&InterestsScreen::default(), history.session(), 160, 40);
        // 40 words of 5 cells in rows of 74 (a 79-cell column less its frame, padding
        // and weight mark) wrap to 3 rows: one is cut after the two shown.
        assert_eq!(reported(&hidden, "lines of detail"), Some((1, "z")));
    }

    #[test]
    fn nothing_is_reported_when_everything_fits() {
        let history = proceed();
        let mut screen = InterestsScreen::default();
        let (_, hidden) = draw_fit(&screen, history.session(), 160, 40);
        assert_eq!(hidden, Vec::new());
        press(&mut screen, history.session(), KeyCode::Char('c'));
        let (_, hidden) = draw_fit(&screen, history.session(), 160, 40);
        assert_eq!(hidden, Vec::new());
    }

    #[test]
    fn a_short_coverage_view_reports_the_functions_without_a_row() {
        let history = proceed();
        let mut screen = InterestsScreen::default();
        press(&mut screen, history.session(), KeyCode::Char('c'));
        // Each column: 6 rows under which the legend goes, 2 of them frame, 2 for the
        // verdict ("All 4 functions…" wraps in 35 cells) and a blank: one row of grid,
        // 4 functions at 35 cells, so 6 of the 10 have no row, in both columns.
        let (_, hidden) = draw_fit(&screen, history.session(), 80, 7);
        assert_eq!(reported(&hidden, "functions"), Some((12, "z")));
    }

    #[test]
    fn the_focus_card_is_the_selected_interest() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::dark();
        let mut screen = InterestsScreen::default();
        let card = screen
            .focus_card(&ctx(session, &theme))
            .expect("an interest is selected");
        assert_eq!(card.kicker, "Interest · Northwind Analytics");
        assert_eq!(card.kicker_style, theme.partner(0));
        assert_eq!(
            card.title,
            "Keep the direct relationship with our top 20 accounts"
        );
        let details: Vec<String> = card.details.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            details,
            [
                "Weight: ■ Non-negotiable",
                "Category: account leadership",
                "Stated by: sales",
                "1 of 4 interests of Northwind Analytics",
            ]
        );

        press(&mut screen, session, KeyCode::Down);
        let card = screen.focus_card(&ctx(session, &theme)).expect("selected");
        assert!(card.title.starts_with("Connectors built"), "{}", card.title);
        assert_eq!(card.details[1].to_string(), "Category: IP ownership");

        press(&mut screen, session, KeyCode::Right);
        let card = screen.focus_card(&ctx(session, &theme)).expect("selected");
        assert_eq!(card.kicker, "Interest · Globex Integration");
        assert_eq!(card.kicker_style, theme.partner(1));
    }

    #[test]
    fn the_coverage_view_focuses_on_who_has_spoken() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::dark();
        let mut screen = InterestsScreen::default();
        press(&mut screen, session, KeyCode::Char('c'));
        let card = screen.focus_card(&ctx(session, &theme)).expect("a partner");
        assert_eq!(card.kicker, "Who has spoken · Northwind Analytics");
        assert_eq!(card.title, "All 4 functions in the room have spoken");
        let details: Vec<String> = card.details.iter().map(|l| l.to_string()).collect();
        assert!(
            details.contains(&"· marketing — not in the room".to_string()),
            "{details:?}"
        );
        assert_eq!(details.len(), 2 + Function::ALL.len(), "{details:?}");
    }

    #[test]
    fn nothing_to_focus_on_gives_no_card() {
        let theme = Theme::dark();
        let screen = InterestsScreen::default();
        let history = fresh(2);
        assert!(screen.focus_card(&ctx(history.session(), &theme)).is_none());
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;
    use crate::domain::timeline::Changed;
    use crate::tui::stages::testing::{draw_highlighted, marked_rows, proceed};

    #[test]
    fn the_interest_a_replayed_event_changed_is_marked() {
        let history = proceed();
        let s = history.session();
        // An interest of the second partner: its column is not the cursor's.
        let interest = s
            .interests
            .iter()
            .find(|i| i.partner == s.partners[1].id)
            .expect("the sample has one");
        let screen = InterestsScreen::default();
        let buf = draw_highlighted(120, 30, s, &Changed::Interest(interest.id), |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        let rows = marked_rows(&buf);
        assert_eq!(rows.len(), 1, "{rows:?}");
        let start: String = interest.statement.chars().take(8).collect();
        assert!(rows[0].contains(&format!("● {start}")), "{rows:?}");
        let buf = draw_highlighted(120, 30, s, &Changed::Verdict, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        assert!(marked_rows(&buf).is_empty());
    }
}
