//! The trash: sessions deleted from the session list, newest deletion first, each with
//! when it was deleted, ready to be put back.

use chrono::{DateTime, Local, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::storage::trash::{Trashed, list_trash, trash_dir};

use super::cursor::move_in_list;
use super::cursor::scroll_offset;
use super::intent::Intent;
use super::theme::Theme;
use super::widgets::{fit_to_width, footer_line, truncate_to_width};

pub struct TrashScreen {
    /// The sessions directory whose trash this is.
    pub dir: std::path::PathBuf,
    pub items: Vec<Trashed>,
    pub selected: usize,
    /// Set when the trash folder cannot be read.
    pub problem: Option<String>,
}

impl TrashScreen {
    pub fn new(dir: std::path::PathBuf) -> TrashScreen {
        let mut trash = TrashScreen {
            dir,
            items: Vec::new(),
            selected: 0,
            problem: None,
        };
        trash.refresh();
        trash
    }

    /// Reads the trash folder again.
    pub fn refresh(&mut self) {
        self.problem = None;
        self.items = match list_trash(&self.dir) {
            Ok(items) => items,
            Err(e) => {
                self.problem = Some(format!(
                    "cannot read {}: {e}",
                    trash_dir(&self.dir).display()
                ));
                Vec::new()
            }
        };
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Intent> {
        if move_in_list(&mut self.selected, self.items.len(), key.code) {
            return None;
        }
        match key.code {
            KeyCode::Enter | KeyCode::Char('u') => match self.items.get(self.selected) {
                Some(item) => Some(Intent::RestoreFromTrash(Box::new(item.clone()))),
                None => Some(Intent::Status("The trash is empty.".to_string())),
            },
            KeyCode::Esc | KeyCode::Char('q') => Some(Intent::Home),
            _ => None,
        }
    }

    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("Enter / u", "restore"),
            ("Esc", "back to the sessions"),
            ("?", "help"),
        ]
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        status: Option<(&str, ratatui::style::Style)>,
    ) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let width = usize::from(area.width);
        let mut lines: Vec<Line> = vec![
            Line::from(vec![
                Span::styled(" Trash", theme.accent),
                Span::styled("  — deleted sessions, ready to be put back", theme.muted),
            ]),
            Line::from(vec![
                Span::styled(" In ", theme.muted),
                Span::styled(trash_dir(&self.dir).display().to_string(), theme.text),
            ]),
            Line::default(),
        ];
        if let Some(problem) = &self.problem {
            lines.push(Line::from(Span::styled(format!(" {problem}"), theme.bad)));
        }
        let deleted_w = 16;
        let flexible = width.saturating_sub(deleted_w + 6);
        let partners_w = (flexible * 2 / 5).clamp(10, 40);
        let title_w = flexible.saturating_sub(partners_w).max(10);
        let heading = format!(
            " {:<tw$}  {:<pw$}  {}",
            "Title",
            "Partners",
            "Deleted",
            tw = title_w,
            pw = partners_w
        );
        lines.push(Line::from(Span::styled(
            truncate_to_width(&heading, width),
            theme.heading,
        )));
        let list_top = lines.len();
        let visible = usize::from(area.height).saturating_sub(list_top + 5);
        let first = scroll_offset(self.selected, self.items.len(), visible);
        for (i, item) in self.items.iter().enumerate().skip(first).take(visible) {
            let title = item
                .title
                .clone()
                .unwrap_or_else(|| item.name.to_string_lossy().into_owned());
            let text = format!(
                " {}  {}  {}",
                fit_to_width(&title, title_w),
                fit_to_width(&item.partners.join(", "), partners_w),
                item.deleted.map_or_else(|| "—".to_string(), when)
            );
            let style = if i == self.selected {
                theme.selected
            } else {
                theme.text
            };
            lines.push(Line::from(Span::styled(fit_to_width(&text, width), style)));
        }
        if self.items.is_empty() && self.problem.is_none() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                " The trash is empty: sessions deleted with d on the session list come here.",
                theme.text,
            )));
        }
        let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(4));
        frame.render_widget(Paragraph::new(lines), body);

        let row = |offset: u16, rows: u16| {
            Rect::new(
                area.x + 1,
                area.bottom().saturating_sub(offset),
                area.width.saturating_sub(2),
                rows,
            )
            .intersection(area)
        };
        // The name it goes back under, so a clash is no surprise.
        let detail = self
            .items
            .get(self.selected)
            .map_or_else(String::new, |item| {
                format!(
                    "Restores as {} in {}",
                    item.name.to_string_lossy(),
                    self.dir.display()
                )
            });
        frame.render_widget(
            Paragraph::new(Span::styled(detail, theme.muted)).wrap(Wrap { trim: true }),
            row(4, 2),
        );
        let keys = footer_line(&self.footer_keys(), theme.key, theme.muted);
        frame.render_widget(Paragraph::new(keys), row(2, 1));
        if let Some((text, style)) = status {
            let text = truncate_to_width(text, usize::from(area.width).saturating_sub(2));
            frame.render_widget(Paragraph::new(Span::styled(text, style)), row(1, 1));
        }
    }
}

/// When a session was deleted, in local time.
fn when(deleted: DateTime<Utc>) -> String {
    deleted
        .with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}
