//! The audience view: the stage on the wall, following a session file that another
//! sameside (the moderator's) is writing. It shows what the file says, read-only, on
//! the same stage screens as the live session, and never writes, locks or backs up the
//! file, so it can run beside the moderator's instance, on a second screen or over ssh.

use std::path::Path;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use crate::domain::board::{BoardEntry, board};
use crate::domain::timeline::Changed;
use crate::domain::{History, Session, Stage};
use crate::storage::FileError;
use crate::storage::follow::{FollowEvent, Follower};
use crate::storage::follow_worker::{FollowWorker, Followed};

use super::bindings::{self, Binding, Chord};
use super::chrome::{render_footer, render_header, wall_clock, wall_layout};
use super::intent::Intent;
use super::replay::HIGHLIGHT;
use super::stages::StageCtx;
use super::theme::Theme;
use super::wall::{Wall, WallKey};
use super::widgets::KeyHelp;
use super::widgets::wrap_lines;

/// How often the worker looks at the file's metadata.
pub const POLL_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// At most this many rows of the error in the notice; a longer one is cut, since the
/// stage underneath matters more than the end of a long path.
const NOTICE_ERROR_ROWS: usize = 3;

/// What the audience view's own keys stand for: it changes nothing, so leaving is all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentAction {
    Quit,
}

/// The audience view's own keys; the rest go to the wall, read-only.
pub const PRESENT_BINDINGS: &[Binding<PresentAction>] = &[Binding::looks(
    &[Chord::char('q'), Chord::key(KeyCode::Esc)],
    "q / Esc",
    "quit (the file is not changed)",
    PresentAction::Quit,
)
.footer_as("q", "quit")];

/// Why the view stopped following, and since when.
struct Notice {
    error: FileError,
    since: DateTime<Utc>,
}

pub struct PresentView {
    /// Looks at the file on its own thread: a slow share or a large file never holds up
    /// a key.
    follower: FollowWorker,
    /// The last good read of the file: what the wall shows, also while it is unreadable.
    history: History,
    /// The conflict board for `history`, computed once per reload rather than per frame.
    board: Rc<[BoardEntry]>,
    notice: Option<Notice>,
    /// When the view last took something new from the file.
    updated: DateTime<Utc>,
    /// What the last reload changed and when, for the highlight.
    changed: Option<(Changed, DateTime<Utc>)>,
    /// Show times at this offset instead of the local zone (pictures in tests).
    offset: Option<FixedOffset>,
    /// The stage screens, focus and partners panel, as the live session has them.
    wall: Wall,
}

impl PresentView {
    /// Reads `path` and starts following it; fails when the file cannot be read now,
    /// since there would be nothing to show.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<PresentView, FileError> {
        let mut follower = Follower::new(path);
        let history = match follower.poll() {
            FollowEvent::Loaded(_, history) => *history,
            FollowEvent::Unreadable(error) => return Err(error),
            // A first look always reads or fails; this only keeps the match whole.
            FollowEvent::Unchanged => {
                return Err(FileError {
                    location: path.display().to_string(),
                    message: "cannot be read".to_string(),
                });
            }
        };
        let board = Rc::from(board(history.session()));
        Ok(PresentView {
            follower: FollowWorker::start(follower, POLL_EVERY, false),
            history,
            board,
            notice: None,
            updated: now,
            changed: None,
            offset: None,
            wall: Wall::default(),
        })
    }

    pub fn path(&self) -> &Path {
        self.follower.path()
    }

    /// The session as last read.
    pub fn session(&self) -> &Session {
        self.history.session()
    }

    /// The stage on the wall: the one the moderator has on show.
    pub fn stage(&self) -> Stage {
        self.history.session().current
    }

    /// Why the file cannot be read now, while it cannot.
    pub fn unreadable(&self) -> Option<&FileError> {
        self.notice.as_ref().map(|n| &n.error)
    }

    /// Shows times at a fixed offset from UTC rather than in the local zone.
    pub fn set_time_offset(&mut self, offset: FixedOffset) {
        self.offset = Some(offset);
    }

    /// Takes what the worker found since the last call. True when the screen has
    /// something new to show (the session or the notice). Never waits.
    pub fn poll(&mut self, now: DateTime<Utc>) -> bool {
        let mut news = false;
        while let Some(found) = self.follower.try_next() {
            news |= self.take_found(found, now);
        }
        news
    }

    /// Like `poll`, but waits up to `timeout` for the worker's next finding: for tests,
    /// which cannot know when the worker will look. Never called from the event loop.
    pub fn wait_for_news(&mut self, now: DateTime<Utc>, timeout: std::time::Duration) -> bool {
        match self.follower.next_within(timeout) {
            Some(found) => self.take_found(found, now) | self.poll(now),
            None => false,
        }
    }

    fn take_found(&mut self, found: Followed, now: DateTime<Utc>) -> bool {
        match found {
            Followed::File(FollowEvent::Unchanged) | Followed::Writer(_) => false,
            Followed::File(FollowEvent::Loaded(_, history)) => {
                let was_unreadable = self.notice.take().is_some();
                self.take(*history, now) || was_unreadable
            }
            Followed::File(FollowEvent::Unreadable(error)) => {
                // Since when it has been unreadable: a second, different error while it
                // still is does not restart the count.
                let since = self.notice.as_ref().map_or(now, |n| n.since);
                self.notice = Some(Notice { error, since });
                true
            }
        }
    }

    /// Puts a newly read record on the wall. False when it is the record already shown
    /// (the file was rewritten with the same events, or came back after an error).
    fn take(&mut self, history: History, now: DateTime<Utc>) -> bool {
        let old = self.history.events();
        let new = history.events();
        if new == old {
            return false;
        }
        // Mark the change only when the record grew: a shorter or different record is
        // another file under the same name, and there is no one change to point at.
        let grew = new.len() > old.len() && new.starts_with(old);
        self.changed = if grew {
            history.last_changed().map(|c| (c, now))
        } else {
            None
        };
        self.board = Rc::from(board(history.session()));
        self.history = history;
        self.updated = now;
        true
    }

    /// What the last reload changed, while its highlight lasts.
    fn highlight(&self, now: DateTime<Utc>) -> Option<&Changed> {
        let limit = TimeDelta::from_std(HIGHLIGHT).unwrap_or_default();
        self.changed
            .as_ref()
            .filter(|(_, at)| now >= *at && now - *at < limit)
            .map(|(changed, _)| changed)
    }

    /// A key: the wall's own (focus, partners), then the view's, then the stage on
    /// show, read-only: the audience view only looks around.
    pub fn handle_key(&mut self, key: KeyEvent, theme: &Theme) -> Option<Intent> {
        let stage = self.stage();
        let ctx = StageCtx::new(self.history.session(), &self.board, theme, true, None);
        if let WallKey::Used(intent) = self.wall.own_key(stage, &key, &ctx) {
            return intent;
        }
        match bindings::dispatch(PRESENT_BINDINGS, &key, true, |_| true) {
            Some(PresentAction::Quit) => Some(Intent::Quit),
            // Whatever a read-only screen asks for is dropped, bar a word for the
            // status line (why a key does nothing here).
            None => match self.wall.screen_key(stage, key, &ctx) {
                Some(Intent::Status(said)) => Some(Intent::Status(said)),
                _ => None,
            },
        }
    }

    /// A read-only context for the session on show.
    fn ctx<'a>(&'a self, theme: &'a Theme, highlight: Option<&'a Changed>) -> StageCtx<'a> {
        StageCtx::new(self.history.session(), &self.board, theme, true, highlight)
    }

    /// The footer: the stage's looking keys, then the view's.
    fn footer_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
        let mut keys = self.wall.footer_keys(self.stage(), ctx);
        if !self.wall.is_focused() {
            keys.extend(bindings::footer(PRESENT_BINDINGS, true, |_| true));
        }
        keys
    }

    /// The help overlay's sections: the view's and the wall's keys, then the keys of
    /// the stage on show that work here.
    pub fn help(&self) -> Vec<(&'static str, Vec<KeyHelp>)> {
        // Which screen is up does not depend on the colours.
        let theme = crate::tui::theme::Theme::dark();
        let (title, stage) = self.wall.help(self.stage(), &self.ctx(&theme, None));
        vec![
            ("Audience view", super::keys::present_keys()),
            (title, stage),
        ]
    }

    fn clock_of(&self, at: DateTime<Utc>) -> String {
        wall_clock(at, self.offset, "%H:%M:%S")
    }

    fn file_name(&self) -> String {
        let path = self.follower.path();
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        )
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        now: DateTime<Utc>,
        status: Option<(&str, Style)>,
    ) {
        let area = area.intersection(frame.area());
        let [header_area, mut body, _, footer_area] = wall_layout(area, 0);

        let session = self.history.session();
        let stage = self.stage();
        // The badge says whether the wall is still following: a stale picture must not
        // pass for the live one.
        let badge = if self.notice.is_some() {
            "NOT UPDATING"
        } else {
            "LIVE"
        };
        render_header(
            frame,
            header_area,
            session,
            stage,
            session.clock.spent_seconds(stage),
            Some(badge),
            theme,
        );

        if let Some(notice) = &self.notice {
            let lines = self.notice_lines(notice, body.width.saturating_sub(4), theme);
            let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
            let band_h = rows.saturating_add(2).min(body.height);
            let band = Rect::new(body.x, body.y, body.width, band_h);
            let title = Span::styled(
                format!(" ⚠ {} cannot be read ", self.file_name()),
                theme.bad.add_modifier(Modifier::BOLD),
            );
            let block = Block::bordered()
                .border_style(theme.bad)
                .padding(Padding::horizontal(1))
                .title(title);
            frame.render_widget(Paragraph::new(lines).block(block), band);
            body = Rect::new(body.x, band.bottom(), body.width, body.height - band_h);
        }

        let highlight = self.highlight(now);
        let ctx = self.ctx(theme, highlight).on(now);
        self.wall.render(stage, frame, body, area.height, &ctx);

        let updated = format!(
            "updated {} · {}",
            self.clock_of(self.updated),
            self.file_name()
        );
        let status = status.or(Some((updated.as_str(), theme.muted)));
        let keys = self.footer_keys(&ctx);
        render_footer(frame, footer_area, &keys, status, &ctx.fit, theme);
    }

    /// The notice's text, wrapped to `width`: the error as `path:line:col: message`,
    /// then since when and what the wall shows meanwhile.
    fn notice_lines(&self, notice: &Notice, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        let error = Line::from(Span::styled(notice.error.to_string(), theme.bad));
        let mut lines = wrap_lines(&[error], width);
        if lines.len() > NOTICE_ERROR_ROWS {
            lines.truncate(NOTICE_ERROR_ROWS);
            if let Some(last) = lines.last_mut() {
                last.spans.push(Span::styled("…", theme.bad));
            }
        }
        let meanwhile = Line::from(Span::styled(
            format!(
                "Since {}. Showing the session as read at {}; this goes away when the file reads again.",
                self.clock_of(notice.since),
                self.clock_of(self.updated)
            ),
            theme.text,
        ));
        lines.extend(wrap_lines(&[meanwhile], width));
        lines
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::KeyModifiers;

    use super::*;
    use crate::storage::atomic::write_atomically;
    use crate::storage::format::encode;
    use crate::storage::store::read_session;

    const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
            .single()
            .unwrap_or_default()
    }

    /// The example session cut to its first `events` events, as the file's text.
    fn example_text(events: usize) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions")
            .join(NORTHWIND);
        let (header, history) = read_session(&path).expect("the example reads");
        let cut = history.events()[..events].to_vec();
        let history = History::from_events(cut).expect("a prefix applies");
        encode(&header, &history).expect("encode")
    }

    fn text(view: &PresentView, now: DateTime<Utc>) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
        terminal
            .draw(|frame| view.render(frame, frame.area(), &Theme::dark(), now, None))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                out.push_str(buffer[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    struct Fixture {
        _dir: tempfile::TempDir,
        path: std::path::PathBuf,
        view: PresentView,
        now: DateTime<Utc>,
    }

    impl Fixture {
        fn new(events: usize) -> Fixture {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("s.ron");
            write_atomically(&path, example_text(events).as_bytes()).expect("write");
            let now = start();
            let mut view = PresentView::open(&path, now).expect("opens");
            view.set_time_offset(FixedOffset::east_opt(0).expect("UTC"));
            Fixture {
                _dir: dir,
                path,
                view,
                now,
            }
        }

        /// Moves the clock on and takes what the worker finds, waiting for it a while.
        fn poll(&mut self) -> bool {
            self.now += TimeDelta::milliseconds(250);
            self.view
                .wait_for_news(self.now, std::time::Duration::from_secs(5))
        }

        /// Moves the clock on and takes what the worker finds within a few of its looks,
        /// expecting nothing.
        fn quiet(&mut self) -> bool {
            self.now += TimeDelta::milliseconds(250);
            self.view.wait_for_news(self.now, POLL_EVERY * 4)
        }
    }

    #[test]
    fn a_missing_file_does_not_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("nothing.ron");
        let error = PresentView::open(&path, start()).err().expect("fails");
        assert!(error.to_string().contains("nothing.ron"), "{error}");
    }

    #[test]
    fn a_new_event_shows_and_is_marked_for_a_moment() {
        let mut f = Fixture::new(10);
        assert!(!f.quiet(), "nothing changed yet");
        write_atomically(&f.path, example_text(11).as_bytes()).expect("write");
        assert!(f.poll());
        assert_eq!(f.view.history.events().len(), 11);
        assert!(f.view.highlight(f.now).is_some());
        let shown = text(&f.view, f.now);
        assert!(shown.contains("updated 10:00:00 · s.ron"), "{shown}");
        f.now += TimeDelta::seconds(2);
        assert!(f.view.highlight(f.now).is_none());
    }

    #[test]
    fn a_file_replaced_by_a_named_pipe_is_reported_and_the_view_keeps_answering() {
        let mut f = Fixture::new(10);
        // Made beside it and renamed over it, as a hostile sync tool might.
        let pipe = f.path.with_extension("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        std::fs::rename(&pipe, &f.path).expect("rename");
        assert!(f.poll());
        let error = f.view.unreadable().expect("a notice").to_string();
        assert!(error.ends_with("not a regular file"), "{error}");
        let key = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(matches!(
            f.view.handle_key(key, &Theme::dark()),
            Some(Intent::Quit)
        ));
    }

    #[test]
    fn garbage_keeps_the_last_good_state_and_says_so_until_the_file_reads_again() {
        let mut f = Fixture::new(12);
        let before = f.view.session().clone();
        std::fs::write(&f.path, "(header: garbage").expect("garbage");
        assert!(f.poll());
        let since = f.now;
        assert_eq!(f.view.session(), &before);
        let error = f.view.unreadable().expect("a notice").to_string();
        assert!(
            error.starts_with(&format!("{}:1:", f.path.display())),
            "{error}"
        );
        let shown = text(&f.view, f.now);
        assert!(shown.contains("s.ron cannot be read"), "{shown}");
        assert!(shown.contains("NOT UPDATING"), "{shown}");

        // Still broken, in another way: the notice keeps its start.
        std::fs::write(&f.path, "still garbage").expect("garbage");
        assert!(f.poll());
        assert!(f.view.notice.as_ref().is_some_and(|n| n.since == since));

        std::fs::write(&f.path, example_text(12)).expect("restore");
        assert!(f.poll());
        assert!(f.view.unreadable().is_none());
        let shown = text(&f.view, f.now);
        assert!(!shown.contains("cannot be read"), "{shown}");
        assert!(shown.contains("LIVE"), "{shown}");
    }

    #[test]
    fn q_and_esc_quit_and_the_arrows_ask_for_nothing() {
        let mut f = Fixture::new(20);
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        for code in [
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Tab,
            KeyCode::PageDown,
            KeyCode::Enter,
            KeyCode::Char('a'),
        ] {
            assert!(
                f.view.handle_key(key(code), &Theme::dark()).is_none(),
                "{code:?}"
            );
        }
        assert!(matches!(
            f.view.handle_key(key(KeyCode::Char('q')), &Theme::dark()),
            Some(Intent::Quit)
        ));
        assert!(matches!(
            f.view.handle_key(key(KeyCode::Esc), &Theme::dark()),
            Some(Intent::Quit)
        ));
        assert!(!f.quiet(), "keys changed nothing on disk");
    }
}
