//! The keys that work the same on every session screen, and the text-entry keys. Help
//! overlays, footers and the README keymap are all written from these tables; the
//! keys of the wall's views come from their key tables (`SESSION_BINDINGS`,
//! `REPLAY_BINDINGS`, `PRESENT_BINDINGS`, `WALL_BINDINGS`).

use super::widgets::KeyHelp;

/// Blanking the wall, on every screen but the new-session form.
const BLANK: KeyHelp = KeyHelp {
    keys: "b / .",
    what: "blank the screen; any key brings it back",
};

/// Switching themes live, wherever blanking works.
const NEXT_THEME: KeyHelp = KeyHelp {
    keys: "T",
    what: "next colour theme (the status line names it)",
};

pub const TEXT_KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "Enter",
        what: "save the text",
    },
    KeyHelp {
        keys: "Esc",
        what: "cancel, keep the old text",
    },
    KeyHelp {
        keys: "Alt-Enter / Ctrl-j",
        what: "new line (in multi-line text)",
    },
    KeyHelp {
        keys: "← → Home End",
        what: "move the cursor",
    },
    KeyHelp {
        keys: "Ctrl-← / Ctrl-→",
        what: "move by word",
    },
    KeyHelp {
        keys: "Ctrl-u / Ctrl-k",
        what: "delete to start / end of line",
    },
    KeyHelp {
        keys: "Ctrl-z",
        what: "undo typing",
    },
    KeyHelp {
        keys: "Tab / Shift-Tab",
        what: "next / previous field in a form",
    },
    KeyHelp {
        keys: "← →  (on a choice)",
        what: "change the choice",
    },
];

pub const HOME_KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "↑ ↓ / j k",
        what: "choose a session",
    },
    KeyHelp {
        keys: "Enter",
        what: "open it",
    },
    KeyHelp {
        keys: "n",
        what: "new session",
    },
    KeyHelp {
        keys: "d",
        what: "delete the session to the trash (asks first)",
    },
    KeyHelp {
        keys: "t",
        what: "the trash: put deleted sessions back",
    },
    KeyHelp {
        keys: "r",
        what: "read the directory again",
    },
    KeyHelp {
        keys: "R",
        what: "replay the session, event by event (changes nothing)",
    },
    BLANK,
    NEXT_THEME,
    KeyHelp {
        keys: "?",
        what: "this help",
    },
    KeyHelp {
        keys: "q / Ctrl-c",
        what: "quit",
    },
];

pub const TRASH_KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "↑ ↓ / j k",
        what: "choose a deleted session",
    },
    KeyHelp {
        keys: "Enter / u",
        what: "put it back in the session list, under its name",
    },
    KeyHelp {
        keys: "Esc / q",
        what: "back to the session list",
    },
    KeyHelp {
        keys: "?",
        what: "this help",
    },
];

pub const SETUP_KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "Tab / ↓",
        what: "next field",
    },
    KeyHelp {
        keys: "Shift-Tab / ↑",
        what: "previous field",
    },
    KeyHelp {
        keys: "← →  (on the type)",
        what: "choose the partnership type",
    },
    KeyHelp {
        keys: "Ctrl-n",
        what: "add a partner (up to 8)",
    },
    KeyHelp {
        keys: "Ctrl-d",
        what: "remove the last partner (at least 2 stay)",
    },
    KeyHelp {
        keys: "Enter",
        what: "create the session",
    },
    KeyHelp {
        keys: "Esc",
        what: "back to the session list (asks if you typed anything)",
    },
    KeyHelp {
        keys: "Ctrl-c",
        what: "quit",
    },
];

/// Keys the app answers on every view of a session, whatever its key table says.
pub const APP_KEYS: &[KeyHelp] = &[
    BLANK,
    NEXT_THEME,
    KeyHelp {
        keys: "?",
        what: "this help",
    },
    KeyHelp {
        keys: "Ctrl-c",
        what: "save and quit sameside",
    },
];

/// The keys every stage of an open session shares, for help and the README.
pub fn every_stage_keys(read_only: bool) -> Vec<KeyHelp> {
    let mut keys = super::session_view::SessionView::every_stage_keys(read_only);
    keys.extend_from_slice(APP_KEYS);
    keys
}

/// The replay's own keys and the wall's, for help and the README.
pub fn replay_keys() -> Vec<KeyHelp> {
    let mut keys = super::bindings::help(super::replay::REPLAY_BINDINGS, true);
    keys.extend(super::wall::Wall::own_help(true));
    keys.extend_from_slice(APP_KEYS);
    keys
}

/// The audience view's own keys and the wall's, for help and the README.
pub fn present_keys() -> Vec<KeyHelp> {
    let mut keys = super::bindings::help(super::present::PRESENT_BINDINGS, true);
    keys.extend(super::wall::Wall::own_help(true));
    keys.extend_from_slice(APP_KEYS);
    keys
}
