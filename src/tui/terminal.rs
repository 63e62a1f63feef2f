//! Entering and leaving the full-screen terminal mode.
//!
//! The moderator's terminal must come back usable however the app ends:
//! a normal quit, an error returned with `?`, or a panic. So the restore runs
//! from three places (the guard's `Drop`, a panic hook, and [`restore_now`]
//! for explicit use) and is guarded by one process-wide flag so it happens
//! exactly once per [`enter`].
//!
//! Why not `ratatui::try_init`: it does the same raw-mode and alternate-screen
//! setup, but its panic hook restores unconditionally. Together with the
//! guard's `Drop` during unwinding, that would leave the alternate screen
//! twice, and the second "leave" makes terminals restore the cursor saved
//! on entry, moving it above the panic message so the shell prompt
//! overwrites it. Here the hook is installed once, and restoring is
//! idempotent.

use std::io::{self, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};

/// True while the terminal is in the app's mode and still needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The panic hook is chained once, however often the app enters and leaves.
static HOOK: Once = Once::new();

/// The terminal in full-screen mode; dropping it restores the terminal.
///
/// Keep one guard alive for as long as the app draws. Raw mode, the alternate
/// screen and bracketed paste are process-wide state, so there is only ever
/// one of them to restore.
pub struct TerminalGuard {
    /// The terminal to draw on.
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Restores the terminal now, as dropping the guard would. Useful before
    /// printing a final message while the guard is still in scope.
    pub fn restore(&mut self) {
        restore_now();
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_now();
    }
}

/// Switches to raw mode and the alternate screen, enables bracketed paste
/// (so pasted text arrives as one `Event::Paste` instead of a flood of key
/// presses that could trigger shortcuts), and installs a panic hook that
/// restores the terminal before the panic message is printed.
///
/// If any step fails, whatever was already switched on is switched off
/// again before the error is returned.
pub fn enter() -> io::Result<TerminalGuard> {
    install_panic_hook();
    // Set first: a failure halfway through must still undo the steps that
    // succeeded.
    ACTIVE.store(true, Ordering::SeqCst);
    match setup() {
        Ok(terminal) => Ok(TerminalGuard { terminal }),
        Err(err) => {
            restore_now();
            Err(err)
        }
    }
}

/// Restores the terminal (bracketed paste off, cursor shown, raw mode off,
/// main screen back). Does nothing if it is not in the app's mode, so it is
/// safe to call any number of times from anywhere.
pub fn restore_now() {
    restore_once(&ACTIVE, &mut stdout(), ratatui::restore);
}

/// Whether the terminal is currently in the app's mode.
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

fn setup() -> io::Result<DefaultTerminal> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Restore first, so the panic message lands on the normal screen
            // and is not garbled by raw mode.
            restore_now();
            previous(info);
        }));
    });
}

/// The restore itself, separated from the globals so its once-only logic
/// can be tested without touching the real terminal.
fn restore_once(active: &AtomicBool, out: &mut impl Write, restore_modes: impl FnOnce()) {
    if !active.swap(false, Ordering::SeqCst) {
        return;
    }
    // Errors are ignored: this runs while quitting or panicking, when there
    // is nobody left to report to, and the remaining steps should still run.
    let _ = execute!(out, DisableBracketedPaste, Show);
    restore_modes();
}

#[cfg(test)]
mod tests {
    use super::*;

    // `enter` itself is not tested here: it needs a real terminal and would
    // take over the one running the tests.

    #[test]
    fn restore_runs_once_and_disables_paste() {
        let active = AtomicBool::new(true);
        let mut out = Vec::new();
        let mut calls = 0;
        restore_once(&active, &mut out, || calls += 1);
        restore_once(&active, &mut out, || calls += 1);
        assert_eq!(calls, 1);
        assert!(!active.load(Ordering::SeqCst));
        let written = String::from_utf8(out).unwrap();
        assert_eq!(written, "\x1b[?2004l\x1b[?25h");
    }

    #[test]
    fn restore_does_nothing_when_not_active() {
        let active = AtomicBool::new(false);
        let mut out = Vec::new();
        let mut called = false;
        restore_once(&active, &mut out, || called = true);
        assert!(!called);
        assert!(out.is_empty());
    }

    #[test]
    fn restore_now_is_safe_without_enter() {
        assert!(!is_active());
        restore_now();
        restore_now();
        assert!(!is_active());
    }
}
