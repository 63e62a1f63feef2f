//! The terminal interface. Screens draw the session and turn keys into intents; nothing
//! here reads or writes files except through `storage`.

pub mod app;
pub mod big_title;
pub mod bindings;
pub mod cells;
pub mod chrome;
pub mod clock;
pub mod cursor;
pub mod discard;
pub mod editor;
pub mod fit;
pub mod form;
pub mod home;
pub mod intent;
pub mod keys;
pub mod present;
pub mod purpose;
pub mod replay;
pub mod session_view;
pub mod setup;
pub mod stages;
pub mod submit;
pub mod terminal;
pub mod theme;
pub mod trash;
pub mod wall;
pub mod watch;
pub mod widgets;

use std::io::Write;
use std::time::Duration;

use ratatui::crossterm::event;

pub use app::App;

/// Runs the app in the terminal until the moderator quits. The terminal is restored on
/// every way out: normal quit, error, and panic.
pub fn run(mut app: App) -> std::io::Result<()> {
    let mut guard = terminal::enter()?;
    let result = (|| -> std::io::Result<()> {
        loop {
            guard.terminal.draw(|frame| app.render(frame))?;
            if app.quit {
                return Ok(());
            }
            // Wake up a few times a second even without keys, so the stage timer moves
            // and autosave results reach the status line.
            if event::poll(Duration::from_millis(250))? {
                app.handle_event(event::read()?);
                // Drain what is already queued (a paste, a held key) before drawing again.
                while event::poll(Duration::ZERO)? {
                    app.handle_event(event::read()?);
                    if app.quit {
                        break;
                    }
                }
            }
            app.tick();
            if std::mem::take(&mut app.bell) {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07");
                let _ = out.flush();
            }
        }
    })();
    guard.restore();
    result
}
