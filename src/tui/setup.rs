//! Setting up a new session: title, moderator, partnership type and the partners (name
//! and what each brings). Representatives come later, on the partners screen, so the
//! room can start quickly.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::change::{MAX_PARTNERS, MIN_PARTNERS, same_name};
use crate::domain::templates::template_roles;
use crate::domain::{Change, NewPartner, PartnerId, PartnershipType};

use super::editor::{EditorMode, EditorOutcome, TextEditor};
use super::theme::Theme;
use super::widgets::{footer_line, truncate_to_width};

/// The fields, in the order Tab walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Title,
    Moderator,
    Kind,
    OtherKind,
    Name(usize),
    Brings(usize),
}

pub struct SetupScreen {
    title: TextEditor,
    moderator: TextEditor,
    /// Index into `PartnershipType::NAMED`, or `NAMED.len()` for "other".
    kind: usize,
    other_kind: TextEditor,
    partners: Vec<(TextEditor, TextEditor)>,
    focus: Slot,
    pub error: Option<String>,
}

pub enum SetupOutcome {
    Editing,
    Cancel,
    Create(Change),
}

fn line_editor(initial: &str, limit: usize) -> TextEditor {
    let mut editor = TextEditor::new(initial, EditorMode::SingleLine);
    editor.set_max_chars(limit);
    editor
}

impl Default for SetupScreen {
    fn default() -> Self {
        SetupScreen::new(None, &[], None)
    }
}

impl SetupScreen {
    /// A setup form, optionally pre-filled from the command line.
    pub fn new(
        title: Option<&str>,
        partners: &[String],
        kind: Option<&PartnershipType>,
    ) -> SetupScreen {
        let mut rows: Vec<(TextEditor, TextEditor)> = partners
            .iter()
            .take(MAX_PARTNERS)
            .map(|name| (line_editor(name, 80), line_editor("", 160)))
            .collect();
        while rows.len() < MIN_PARTNERS {
            rows.push((line_editor("", 80), line_editor("", 160)));
        }
        let (kind_index, other) = match kind {
            Some(PartnershipType::Other(name)) => (PartnershipType::NAMED.len(), name.clone()),
            Some(k) => (
                PartnershipType::NAMED
                    .iter()
                    .position(|n| n == k)
                    .unwrap_or(0),
                String::new(),
            ),
            None => (0, String::new()),
        };
        SetupScreen {
            title: line_editor(title.unwrap_or(""), 300),
            moderator: line_editor("", 80),
            kind: kind_index,
            other_kind: line_editor(&other, 60),
            partners: rows,
            focus: Slot::Title,
            error: None,
        }
    }

    fn is_other(&self) -> bool {
        self.kind >= PartnershipType::NAMED.len()
    }

    fn slots(&self) -> Vec<Slot> {
        let mut slots = vec![Slot::Title, Slot::Moderator, Slot::Kind];
        if self.is_other() {
            slots.push(Slot::OtherKind);
        }
        for i in 0..self.partners.len() {
            slots.push(Slot::Name(i));
            slots.push(Slot::Brings(i));
        }
        slots
    }

    fn step(&mut self, forward: bool) {
        let slots = self.slots();
        let at = slots.iter().position(|s| *s == self.focus).unwrap_or(0);
        let n = slots.len();
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.focus = slots[next];
    }

    fn editor_mut(&mut self, slot: Slot) -> Option<&mut TextEditor> {
        match slot {
            Slot::Title => Some(&mut self.title),
            Slot::Moderator => Some(&mut self.moderator),
            Slot::OtherKind => Some(&mut self.other_kind),
            Slot::Name(i) => self.partners.get_mut(i).map(|p| &mut p.0),
            Slot::Brings(i) => self.partners.get_mut(i).map(|p| &mut p.1),
            Slot::Kind => None,
        }
    }

    /// True once anything has been typed, so leaving asks first.
    pub fn is_dirty(&self) -> bool {
        !self.title.is_empty()
            || !self.moderator.is_empty()
            || self
                .partners
                .iter()
                .any(|(n, b)| !n.is_empty() || !b.is_empty())
    }

    pub fn kind(&self) -> PartnershipType {
        PartnershipType::NAMED
            .get(self.kind)
            .cloned()
            .unwrap_or_else(|| PartnershipType::Other(self.other_kind.text().trim().to_string()))
    }

    /// The `Created` event for what is typed, or what is still missing.
    pub fn build(&self) -> Result<Change, String> {
        let title = self.title.text().trim().to_string();
        if title.is_empty() {
            return Err("Give the session a title.".to_string());
        }
        let kind = self.kind();
        if matches!(&kind, PartnershipType::Other(n) if n.is_empty()) {
            return Err("Name the partnership type, or choose one from the list.".to_string());
        }
        let mut partners = Vec::new();
        for (i, (name, brings)) in self.partners.iter().enumerate() {
            let name = name.text().trim().to_string();
            if name.is_empty() {
                return Err(format!("Partner {} needs a name.", i + 1));
            }
            if partners
                .iter()
                .any(|p: &NewPartner| same_name(&p.name, &name))
            {
                return Err(format!("Two partners are called '{name}'."));
            }
            partners.push(NewPartner {
                id: PartnerId(i as u32 + 1),
                name,
                brings: brings.text().trim().to_string(),
            });
        }
        let roles = template_roles(&kind, 1);
        Ok(Change::Created {
            title,
            moderator: self.moderator.text().trim().to_string(),
            kind,
            partners,
            roles,
        })
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> SetupOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        self.error = None;
        match key.code {
            KeyCode::Tab | KeyCode::Down => self.step(true),
            KeyCode::BackTab | KeyCode::Up => self.step(false),
            KeyCode::Esc => return SetupOutcome::Cancel,
            KeyCode::Enter => match self.build() {
                Ok(change) => return SetupOutcome::Create(change),
                Err(e) => self.error = Some(e),
            },
            KeyCode::Char('n') if ctrl => {
                if self.partners.len() < MAX_PARTNERS {
                    self.partners
                        .push((line_editor("", 80), line_editor("", 160)));
                    self.focus = Slot::Name(self.partners.len() - 1);
                } else {
                    self.error = Some(format!("A session has at most {MAX_PARTNERS} partners."));
                }
            }
            KeyCode::Char('d') if ctrl => {
                if self.partners.len() > MIN_PARTNERS {
                    self.partners.pop();
                    if matches!(self.focus, Slot::Name(i) | Slot::Brings(i) if i >= self.partners.len())
                    {
                        self.focus = Slot::Name(self.partners.len() - 1);
                    }
                } else {
                    self.error = Some(format!("A session needs at least {MIN_PARTNERS} partners."));
                }
            }
            _ if self.focus == Slot::Kind => {
                let n = PartnershipType::NAMED.len() + 1;
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') | KeyCode::Char('l') => {
                        self.kind = (self.kind + 1) % n
                    }
                    KeyCode::Left | KeyCode::Char('h') => self.kind = (self.kind + n - 1) % n,
                    _ => {}
                }
            }
            _ => {
                let focus = self.focus;
                if let Some(editor) = self.editor_mut(focus)
                    && let EditorOutcome::Cancel = editor.handle_key(key)
                {
                    return SetupOutcome::Cancel;
                }
            }
        }
        SetupOutcome::Editing
    }

    pub fn paste(&mut self, text: &str) {
        let focus = self.focus;
        if let Some(editor) = self.editor_mut(focus) {
            editor.paste(text);
        }
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        _now: DateTime<Utc>,
        status: Option<(&str, ratatui::style::Style)>,
    ) {
        let area = area.intersection(frame.area());
        if area.height < 6 || area.width < 20 {
            return;
        }
        let intro = Line::from(vec![
            Span::styled(" New session", theme.heading),
            Span::styled(
                "  — name it, say who is in the room; everything can be changed later",
                theme.muted,
            ),
        ]);
        frame.render_widget(
            Paragraph::new(intro),
            Rect::new(area.x, area.y, area.width, 1),
        );

        // Rows of fields, three lines each; the view scrolls to keep the focus visible.
        let mut rows: Vec<Vec<(Slot, u16)>> = vec![
            vec![(Slot::Title, 100)],
            vec![(Slot::Moderator, 50), (Slot::Kind, 50)],
        ];
        if self.is_other() {
            rows.push(vec![(Slot::OtherKind, 100)]);
        }
        for i in 0..self.partners.len() {
            rows.push(vec![(Slot::Name(i), 35), (Slot::Brings(i), 65)]);
        }
        let body = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(4),
        );
        let fit = usize::from(body.height / 3).max(1);
        let focus_row = rows
            .iter()
            .position(|r| r.iter().any(|(s, _)| *s == self.focus))
            .unwrap_or(0);
        let first = super::cursor::scroll_offset(focus_row, rows.len(), fit);
        for (n, row) in rows.iter().enumerate().skip(first).take(fit) {
            let y = body.y + (n - first) as u16 * 3;
            let mut x = body.x;
            for (slot, percent) in row {
                let w = (u32::from(body.width) * u32::from(*percent) / 100) as u16;
                let cell = Rect::new(x, y, w, 3).intersection(body);
                x = x.saturating_add(w);
                let style = theme.editor(self.focus == *slot);
                match slot {
                    Slot::Title => self.title.render(frame, cell, "Title", style),
                    Slot::Moderator => self.moderator.render(frame, cell, "Moderator", style),
                    Slot::OtherKind => {
                        self.other_kind
                            .render(frame, cell, "Name of the partnership type", style)
                    }
                    Slot::Name(i) => {
                        if let Some((name, _)) = self.partners.get(*i) {
                            let mut style = style;
                            style.title = if self.focus == *slot {
                                theme.accent
                            } else {
                                theme.partner(*i)
                            };
                            name.render(frame, cell, &format!("Partner {}", i + 1), style);
                        }
                    }
                    Slot::Brings(i) => {
                        if let Some((_, brings)) = self.partners.get(*i) {
                            brings.render(frame, cell, "What it brings (one line)", style);
                        }
                    }
                    Slot::Kind => {
                        let label = PartnershipType::NAMED
                            .get(self.kind)
                            .map_or_else(|| "other…".to_string(), |k| k.label());
                        let focused = self.focus == Slot::Kind;
                        let value_style = if focused { theme.selected } else { theme.text };
                        let lines = vec![
                            Line::from(Span::styled(
                                " Partnership type",
                                if focused { theme.accent } else { theme.muted },
                            )),
                            Line::from(vec![
                                Span::raw(" "),
                                Span::styled(format!("◀ {label} ▶"), value_style),
                            ]),
                        ];
                        frame.render_widget(Paragraph::new(lines), cell);
                    }
                }
            }
        }
        let hidden = rows.len().saturating_sub(first + fit);
        let more = if hidden > 0 {
            format!("  ↓ {hidden} more rows")
        } else {
            String::new()
        };
        let mut keys = footer_line(
            &[
                ("Enter", "create"),
                ("Tab", "next"),
                ("Ctrl-n", "add partner"),
                ("Ctrl-d", "remove"),
                ("Esc", "back"),
            ],
            theme.key,
            theme.muted,
        );
        keys.spans.insert(0, Span::raw(" "));
        keys.spans.push(Span::styled(more, theme.muted));
        let message = match (&self.error, status) {
            (Some(e), _) => Line::from(Span::styled(format!(" {e}"), theme.bad)),
            (None, Some((text, style))) => Line::from(Span::styled(
                format!(" {}", truncate_to_width(text, usize::from(area.width))),
                style,
            )),
            (None, None) => Line::from(Span::styled(
                format!(
                    " {} partners; the role split starts from the {} template.",
                    self.partners.len(),
                    self.kind().label()
                ),
                theme.muted,
            )),
        };
        let bottom = Rect::new(area.x, area.bottom().saturating_sub(2), area.width, 2);
        frame.render_widget(Paragraph::new(vec![keys, message]), bottom);
    }
}
