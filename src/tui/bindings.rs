//! One table of key bindings per screen. Dispatch, the footer, the help overlay and the
//! README keymap are all read from the same table, so a key cannot be promised in one
//! place and missing in another: what the footer offers is exactly what a press does.
//!
//! A binding names the chords that trigger it, how the keys are written for people, what
//! it does in a sentence (help) and in two words (footer), the action it stands for, and
//! whether it changes the session. Views that may not change the session (read-only,
//! replay, the audience view) leave the changing bindings out of dispatch, footer and help
//! alike.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::widgets::KeyHelp;

/// One key as pressed: a key code with or without Ctrl or Alt. Shift is part of the
/// character for letters ('A' is Shift-a), so it is not compared for characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Chord {
    /// A key without Ctrl or Alt.
    pub const fn key(code: KeyCode) -> Chord {
        Chord {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A character typed without Ctrl or Alt.
    pub const fn char(c: char) -> Chord {
        Chord::key(KeyCode::Char(c))
    }

    /// Ctrl and a character.
    pub const fn ctrl(c: char) -> Chord {
        Chord {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// True when `key` is this chord. Ctrl and Alt must agree exactly, so `Ctrl-r` is
    /// never taken for `r`; Shift is compared only for keys that are not characters
    /// (`BackTab` already says Shift-Tab).
    pub fn matches(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        if ctrl != self.ctrl || alt != self.alt {
            return false;
        }
        match (self.code, key.code) {
            // Terminals differ in whether Ctrl-letter arrives upper or lower case.
            (KeyCode::Char(a), KeyCode::Char(b)) if self.ctrl => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        }
    }

    /// A key event for this chord, as a terminal would send it: for tests and for the
    /// check that every offered key does something.
    pub fn event(&self) -> KeyEvent {
        let mut modifiers = KeyModifiers::NONE;
        if self.ctrl {
            modifiers |= KeyModifiers::CONTROL;
        }
        if self.alt {
            modifiers |= KeyModifiers::ALT;
        }
        if let KeyCode::Char(c) = self.code
            && c.is_ascii_uppercase()
        {
            modifiers |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(self.code, modifiers)
    }
}

/// Whether a binding changes the session, which decides where it is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Moves the cursor or changes the view; works in every view.
    Looks,
    /// Asks for a change to the session (directly or through an editor or dialog);
    /// left out where the session may not change.
    Changes,
}

/// One line of a screen's key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A: 'static> {
    /// The chords that trigger it; the first is the one tests press.
    pub chords: &'static [Chord],
    /// How the keys are written for people: "r A c i", "↑ ↓ / j k".
    pub keys: &'static str,
    /// What it does, in a sentence, for the help overlay and the README.
    pub what: &'static str,
    /// What it does in a word or two for the footer; `None` keeps it out of the footer.
    pub footer: Option<&'static str>,
    /// How the keys are written in the footer when it differs from `keys` (shorter).
    pub footer_keys: Option<&'static str>,
    pub action: A,
    pub effect: Effect,
    /// False for a sibling of the binding listed before it ("1 – 5" is listed once, on
    /// the binding of `1`; `2` to `5` dispatch but are not listed again).
    pub listed: bool,
}

impl<A: Copy> Binding<A> {
    const fn new(
        chords: &'static [Chord],
        keys: &'static str,
        what: &'static str,
        action: A,
        effect: Effect,
    ) -> Binding<A> {
        Binding {
            chords,
            keys,
            what,
            footer: None,
            footer_keys: None,
            action,
            effect,
            listed: true,
        }
    }

    /// A binding that only looks (moves, switches the view), offered everywhere.
    pub const fn looks(
        chords: &'static [Chord],
        keys: &'static str,
        what: &'static str,
        action: A,
    ) -> Binding<A> {
        Binding::new(chords, keys, what, action, Effect::Looks)
    }

    /// A binding that changes the session, left out of read-only views.
    pub const fn changes(
        chords: &'static [Chord],
        keys: &'static str,
        what: &'static str,
        action: A,
    ) -> Binding<A> {
        Binding::new(chords, keys, what, action, Effect::Changes)
    }

    /// The same binding, dispatched but neither listed in help nor offered in the footer:
    /// for the siblings of a listed binding ("1 – 5": the keys `2` to `5`).
    pub const fn unlisted(mut self) -> Binding<A> {
        self.listed = false;
        self.footer = None;
        self
    }

    /// The same binding, offered in the footer as `words`.
    pub const fn footer(mut self, words: &'static str) -> Binding<A> {
        self.footer = Some(words);
        self
    }

    /// The same binding, offered in the footer as `keys` `words` (shorter keys than the
    /// help's).
    pub const fn footer_as(mut self, keys: &'static str, words: &'static str) -> Binding<A> {
        self.footer = Some(words);
        self.footer_keys = Some(keys);
        self
    }

    /// True when the view may use this binding.
    pub fn allowed(&self, read_only: bool) -> bool {
        !(read_only && self.effect == Effect::Changes)
    }
}

/// The action of the first binding that `key` triggers and that `applies` says means
/// something now. Read-only views never reach a changing binding.
pub fn dispatch<A: Copy>(
    table: &[Binding<A>],
    key: &KeyEvent,
    read_only: bool,
    applies: impl Fn(A) -> bool,
) -> Option<A> {
    table
        .iter()
        .filter(|b| b.allowed(read_only))
        .filter(|b| b.chords.iter().any(|c| c.matches(key)))
        .map(|b| b.action)
        .find(|a| applies(*a))
}

/// The footer's key hints: the bindings with footer words that apply now, in table
/// order, each action once (the first binding of an action speaks for it).
pub fn footer<A: Copy + PartialEq>(
    table: &[Binding<A>],
    read_only: bool,
    applies: impl Fn(A) -> bool,
) -> Vec<(&'static str, &'static str)> {
    let mut shown: Vec<A> = Vec::new();
    let mut out = Vec::new();
    for b in table.iter().filter(|b| b.allowed(read_only)) {
        let Some(words) = b.footer else { continue };
        if shown.contains(&b.action) || !applies(b.action) {
            continue;
        }
        shown.push(b.action);
        // Several actions may share one entry ("←→↑↓ cell"): whichever applies shows it,
        // once.
        let entry = (b.footer_keys.unwrap_or(b.keys), words);
        if !out.contains(&entry) {
            out.push(entry);
        }
    }
    out
}

/// The help lines of the bindings the view may use and that `listed_here` keeps (a view
/// that never offers an action leaves it out), in table order.
pub fn help_where<A: Copy>(
    table: &[Binding<A>],
    read_only: bool,
    listed_here: impl Fn(A) -> bool,
) -> Vec<KeyHelp> {
    table
        .iter()
        .filter(|b| b.allowed(read_only) && b.listed && listed_here(b.action))
        .map(|b| KeyHelp {
            keys: b.keys,
            what: b.what,
        })
        .collect()
}

/// The help overlay's lines (and the README's): every binding the view may use, in
/// table order.
pub fn help<A: Copy>(table: &[Binding<A>], read_only: bool) -> Vec<KeyHelp> {
    help_where(table, read_only, |_| true)
}

/// The footer entries of `table` that `shown` (a footer as drawn) holds, each with the
/// key event that presses it: for the checks that every offered key does something.
pub fn offered<A: Copy>(
    table: &[Binding<A>],
    read_only: bool,
    applies: impl Fn(A) -> bool,
    shown: &[(&'static str, &'static str)],
) -> Vec<(&'static str, KeyEvent)> {
    table
        .iter()
        .filter(|b| b.allowed(read_only) && applies(b.action))
        .filter_map(|b| {
            let words = b.footer?;
            let chord = b.chords.first()?;
            shown
                .contains(&(b.footer_keys.unwrap_or(b.keys), words))
                .then(|| (words, chord.event()))
        })
        .collect()
}
