//! The first screen: the sessions in the sessions directory, newest first, damaged files
//! listed with what is wrong with them, entries that are no session file named as
//! skipped, and the built-in example at the end.
//!
//! The list paints from what the list cache remembers and from the files' headers; the
//! files not yet checked against their events are checked on a background thread, and
//! each row is replaced by its checked result as it arrives (`poll_checks`).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::{DateTime, Local, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::Verdict;
use crate::storage::dirs::SessionsDir;
use crate::storage::list_cache::ListCache;
use crate::storage::listing::{CHECKS_UP_FRONT, check_first, check_in_background, scan};
use crate::storage::{Header, Listed};

use super::chrome::short_label;
use super::cursor::move_in_list;
use super::cursor::scroll_offset;
use super::intent::{Confirm, Intent};
use super::theme::Theme;
use super::widgets::{fit_to_width, footer_line, truncate_to_width};

pub enum HomeEntry {
    Session(Listed),
    Example(Box<Header>),
}

pub struct HomeScreen {
    pub dir: SessionsDir,
    pub entries: Vec<HomeEntry>,
    pub selected: usize,
    /// Set when the directory itself cannot be read.
    pub problem: Option<String>,
    /// Where the list cache is kept; `None` keeps nothing between runs.
    cache_dir: Option<PathBuf>,
    /// Rows checked in the background, as they are ready.
    checks: Option<Receiver<Listed>>,
}

fn when(updated: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let local = updated.with_timezone(&Local);
    if local.date_naive() == now.with_timezone(&Local).date_naive() {
        local.format("today %H:%M").to_string()
    } else {
        local.format("%Y-%m-%d").to_string()
    }
}

fn verdict_text(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Proceed) => "proceed",
        Some(Verdict::ProceedWithConditions) => "conditions",
        Some(Verdict::TakeAPass) => "took a pass",
        None => "—",
    }
}

impl HomeScreen {
    pub fn new(dir: SessionsDir, example: Option<Header>) -> HomeScreen {
        HomeScreen::with_cache(dir, example, None)
    }

    /// The home screen, remembering the checks of files in the list cache under
    /// `cache_dir`.
    pub fn with_cache(
        dir: SessionsDir,
        example: Option<Header>,
        cache_dir: Option<PathBuf>,
    ) -> HomeScreen {
        let mut home = HomeScreen {
            dir,
            entries: Vec::new(),
            selected: 0,
            problem: None,
            cache_dir,
            checks: None,
        };
        home.refresh(example);
        home
    }

    /// Reads the directory again, keeping the selection on the same file when it is still there.
    pub fn refresh(&mut self, example: Option<Header>) {
        let keep = self.selected_path();
        let example = example.or_else(|| {
            self.entries.iter().find_map(|e| match e {
                HomeEntry::Example(h) => Some((**h).clone()),
                HomeEntry::Session(_) => None,
            })
        });
        self.entries.clear();
        self.problem = None;
        // A check still running for the previous listing stops at its next file.
        self.checks = None;
        let mut cache = ListCache::load(self.cache_dir.as_deref(), &self.dir.path);
        match scan(&self.dir.path, &mut cache) {
            Ok(mut list) => {
                // A small folder is shown fully checked; a large one shows its headers
                // and the rest is checked without holding up the screen.
                check_first(&mut list, &mut cache, CHECKS_UP_FRONT);
                let pending: Vec<PathBuf> = list
                    .iter()
                    .filter(|l| l.is_unchecked())
                    .map(|l| l.path().to_path_buf())
                    .collect();
                if pending.is_empty() {
                    let _ = cache.save();
                } else {
                    self.checks = Some(check_in_background(pending, cache));
                }
                self.entries
                    .extend(list.into_iter().map(HomeEntry::Session));
            }
            Err(e) => {
                self.problem = Some(format!("cannot read {}: {e}", self.dir.path.display()));
            }
        }
        if let Some(header) = example {
            self.entries.push(HomeEntry::Example(Box::new(header)));
        }
        self.selected = keep
            .and_then(|p| {
                self.entries
                    .iter()
                    .position(|e| matches!(e, HomeEntry::Session(l) if l.path() == p))
            })
            .unwrap_or(0)
            .min(self.entries.len().saturating_sub(1));
    }

    /// Takes in the rows checked in the background since the last call, each replacing
    /// the row its header gave. The order stays as it was painted, so the selection does
    /// not jump; the next refresh sorts again.
    pub fn poll_checks(&mut self) {
        let Some(checks) = &self.checks else {
            return;
        };
        loop {
            match checks.try_recv() {
                Ok(checked) => {
                    let row = self.entries.iter_mut().find_map(|e| match e {
                        HomeEntry::Session(l) if l.path() == checked.path() => Some(l),
                        _ => None,
                    });
                    if let Some(row) = row {
                        *row = checked;
                    }
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.checks = None;
                    return;
                }
            }
        }
    }

    /// True while files are being checked in the background (until their checks are
    /// all in and saved to the list cache).
    pub fn is_checking(&self) -> bool {
        self.checks.is_some()
    }

    /// While checks run: how many rows still show only their header.
    fn checking_note(&self) -> String {
        let waiting = self
            .entries
            .iter()
            .filter(|e| matches!(e, HomeEntry::Session(l) if l.is_unchecked()))
            .count();
        if waiting == 0 {
            String::new()
        } else {
            format!("  · checking {waiting} files…")
        }
    }

    fn selected_path(&self) -> Option<std::path::PathBuf> {
        match self.entries.get(self.selected) {
            Some(HomeEntry::Session(l)) => Some(l.path().to_path_buf()),
            _ => None,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Intent> {
        if move_in_list(&mut self.selected, self.entries.len(), key.code) {
            return None;
        }
        match key.code {
            KeyCode::Char('n') | KeyCode::Char('a') => Some(Intent::NewSession),
            KeyCode::Char('t') => Some(Intent::OpenTrash),
            KeyCode::Char('e') => match self.entries.get(self.selected)? {
                HomeEntry::Session(Listed::Readable { path, .. }) => {
                    Some(Intent::ExportFile(path.clone()))
                }
                HomeEntry::Session(Listed::Damaged { .. }) => Some(Intent::Status(
                    "A damaged file has no notes to export; fix it first.".to_string(),
                )),
                HomeEntry::Session(skipped @ Listed::Skipped { .. }) => skipped_status(skipped),
                HomeEntry::Example(_) => Some(Intent::Status(
                    "Open the example and press e on its summary to export its notes.".to_string(),
                )),
            },
            KeyCode::Char('r') => {
                self.refresh(None);
                Some(Intent::Status(format!("{} read again", self.dir.path.display())))
            }
            // `r` already reads the directory again; a capital R replays.
            KeyCode::Char('R') => match self.entries.get(self.selected)? {
                HomeEntry::Session(Listed::Readable { path, .. }) => {
                    Some(Intent::Replay(path.clone()))
                }
                HomeEntry::Session(Listed::Damaged { path, .. }) => {
                    // A file damaged part-way still replays up to the bad event.
                    Some(Intent::Replay(path.clone()))
                }
                HomeEntry::Session(skipped @ Listed::Skipped { .. }) => skipped_status(skipped),
                HomeEntry::Example(_) => Some(Intent::Status(
                    "The example is built in; replay a copy of it with `sameside replay FILE`."
                        .to_string(),
                )),
            },
            KeyCode::Enter => match self.entries.get(self.selected)? {
                HomeEntry::Example(_) => Some(Intent::OpenExample),
                HomeEntry::Session(Listed::Readable { path, .. }) => Some(Intent::OpenSession(path.clone())),
                HomeEntry::Session(Listed::Damaged { .. }) => Some(Intent::Status(
                    "This file is damaged (see the message above); sameside leaves it untouched."
                        .to_string(),
                )),
                HomeEntry::Session(skipped @ Listed::Skipped { .. }) => skipped_status(skipped),
            },
            KeyCode::Char('d') | KeyCode::Delete => match self.entries.get(self.selected)? {
                HomeEntry::Example(_) => Some(Intent::Status(
                    "The example is built in and cannot be deleted.".to_string(),
                )),
                HomeEntry::Session(Listed::Damaged { .. }) => Some(Intent::Status(
                    "Damaged files are never deleted by sameside; remove it by hand if you are sure.".to_string(),
                )),
                HomeEntry::Session(skipped @ Listed::Skipped { .. }) => skipped_status(skipped),
                HomeEntry::Session(Listed::Readable { path, header, .. }) => {
                    let question = format!(
                        "Delete '{}' ({})? It is moved to the trash, restorable with t on this list.",
                        header.title,
                        header.partners.join(", "),
                    );
                    Some(Intent::Confirm(Confirm::yes_no(
                        "Delete session",
                        question,
                        Intent::DeleteSession(path.clone()),
                    )))
                }
            },
            _ => None,
        }
    }

    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("Enter", "open"),
            // Short words: eight keys have to fit in 80 columns.
            ("n", "new"),
            ("d", "delete"),
            ("t", "trash"),
            ("e", "notes"),
            ("R", "replay"),
            ("?", "help"),
            ("q", "quit"),
        ]
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        now: DateTime<Utc>,
        status: Option<(&str, ratatui::style::Style)>,
    ) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let width = usize::from(area.width);
        let mut lines: Vec<Line> = vec![
            Line::from(vec![
                Span::styled(" sameside", theme.accent),
                Span::styled(
                    "  — both partners on the same side of the table",
                    theme.muted,
                ),
            ]),
            Line::from(vec![
                Span::styled(" Sessions in ", theme.muted),
                Span::styled(self.dir.path.display().to_string(), theme.text),
                Span::styled(format!("  (from {})", self.dir.source), theme.muted),
                Span::styled(self.checking_note(), theme.muted),
            ]),
            Line::default(),
        ];
        if let Some(problem) = &self.problem {
            lines.push(Line::from(Span::styled(format!(" {problem}"), theme.bad)));
        }
        let show_kind = width >= 110;
        // Fixed columns: stage 10, verdict 11, last change 11, and the gaps; partners and
        // title share what is left, the title getting the larger part.
        let fixed = 2 + 10 + 2 + 11 + 2 + 11 + 1 + if show_kind { 20 } else { 0 };
        let flexible = width.saturating_sub(fixed + 3);
        let partners_w = (flexible * 2 / 5).clamp(14, 44);
        let title_w = flexible.saturating_sub(partners_w).max(10);
        let mut heading = format!(
            " {:<tw$}  {:<pw$}",
            "Title",
            "Partners",
            tw = title_w,
            pw = partners_w
        );
        if show_kind {
            heading.push_str(&format!("  {:<18}", "Type"));
        }
        heading.push_str(&format!(
            "  {:<10}  {:<11}  {}",
            "Stage", "Verdict", "Last change"
        ));
        lines.push(Line::from(Span::styled(
            truncate_to_width(&heading, width),
            theme.heading,
        )));

        let has_sessions = self
            .entries
            .iter()
            .any(|e| matches!(e, HomeEntry::Session(_)));
        let list_top = lines.len();
        let footer_rows = 5usize;
        let visible = usize::from(area.height).saturating_sub(list_top + footer_rows);
        let first = scroll_offset(self.selected, self.entries.len(), visible);
        for (i, entry) in self.entries.iter().enumerate().skip(first).take(visible) {
            let selected = i == self.selected;
            let row = |header: &Header, tag: &str| {
                let title = format!("{tag}{}", header.title);
                let mut text = format!(
                    " {}  {}",
                    fit_to_width(&title, title_w),
                    fit_to_width(&header.partners.join(", "), partners_w),
                );
                if show_kind {
                    text.push_str(&format!("  {}", fit_to_width(&header.kind.label(), 18)));
                }
                text.push_str(&format!(
                    "  {:<10}  {:<11}  {}",
                    short_label(header.stage_reached),
                    verdict_text(header.verdict),
                    when(header.updated, now)
                ));
                text
            };
            let (text, style) = match entry {
                HomeEntry::Session(Listed::Readable { header, .. }) => {
                    (row(header, ""), theme.text)
                }
                HomeEntry::Example(header) => (row(header, "Example: "), theme.muted),
                HomeEntry::Session(Listed::Damaged { path, error }) => {
                    let name = path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
                    (format!(" ⚠ damaged: {name} — {}", error.message), theme.bad)
                }
                HomeEntry::Session(Listed::Skipped { path, reason }) => {
                    let name = path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
                    (format!(" ⊘ skipped: {name} — {reason}"), theme.muted)
                }
            };
            let text = fit_to_width(&text, width);
            let style = if selected { theme.selected } else { style };
            lines.push(Line::from(Span::styled(text, style)));
        }
        if !has_sessions && self.problem.is_none() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                " No sessions here yet: press n to start one, or open the example.",
                theme.text,
            )));
        }
        let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(4));
        frame.render_widget(Paragraph::new(lines), body);

        // Below the list: two rows about the selected entry (a damaged file's message
        // needs them), then the keys, then the status line, each in its own row so that a
        // long message can never push the others off the screen.
        let (detail, detail_style) = match self.entries.get(self.selected) {
            Some(HomeEntry::Session(Listed::Damaged { error, .. })) => (error.to_string(), theme.bad),
            Some(HomeEntry::Session(Listed::Readable { path, checked, .. })) => {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().to_string());
                let text = if *checked {
                    name
                } else {
                    format!("{name} — as its header says; its events are being checked")
                };
                (text, theme.muted)
            }
            Some(HomeEntry::Session(Listed::Skipped { path, reason })) => (
                format!(
                    "{}: {reason}. Not a session file; sameside does not open it.",
                    path.display()
                ),
                theme.muted,
            ),
            Some(HomeEntry::Example(_)) => (
                "Built-in example, opens read-only: a software vendor and an integrator agree to a pilot."
                    .to_string(),
                theme.muted,
            ),
            None => (String::new(), theme.muted),
        };
        let row = |offset: u16, rows: u16| {
            Rect::new(
                area.x + 1,
                area.bottom().saturating_sub(offset),
                area.width.saturating_sub(2),
                rows,
            )
            .intersection(area)
        };
        frame.render_widget(
            Paragraph::new(Span::styled(detail, detail_style)).wrap(Wrap { trim: true }),
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

/// What the keys that open, export, replay or delete say on a skipped entry.
fn skipped_status(skipped: &Listed) -> Option<Intent> {
    let Listed::Skipped { path, reason } = skipped else {
        return None;
    };
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    Some(Intent::Status(format!(
        "{name} is not a session file ({reason}); sameside does not open or change it."
    )))
}
