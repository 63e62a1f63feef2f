//! The keys that work the same on every session screen, and the text-entry keys. Help
//! overlays, footers and the README keymap are all written from these tables.

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

/// Focus mode where a stage is shown read-only (replay, the audience view).
const FOCUS: KeyHelp = KeyHelp {
    keys: "z",
    what: "focus: the selected item alone, large (z or Esc back)",
};

pub const SESSION_KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "PageDown",
        what: "next stage (at the vision gate: decide the gate)",
    },
    KeyHelp {
        keys: "PageUp",
        what: "previous stage (nothing is lost)",
    },
    KeyHelp {
        keys: "u",
        what: "undo the last change",
    },
    KeyHelp {
        keys: "U / Ctrl-r",
        what: "redo",
    },
    KeyHelp {
        keys: "p",
        what: "partners and representatives",
    },
    KeyHelp {
        keys: "+ / -",
        what: "add / remove a minute of this stage's timebox",
    },
    KeyHelp {
        keys: "t",
        what: "set this stage's timebox",
    },
    KeyHelp {
        keys: "z",
        what: "focus: the selected item alone, large (arrows step to the next; z or Esc back)",
    },
    KeyHelp {
        keys: "o",
        what: "take over a read-only session once the sameside that had it open has closed it",
    },
    BLANK,
    NEXT_THEME,
    KeyHelp {
        keys: "?",
        what: "this help",
    },
    KeyHelp {
        keys: "q",
        what: "save and go back to the session list",
    },
    KeyHelp {
        keys: "Ctrl-c",
        what: "save and quit sameside",
    },
];

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

pub const REPLAY_KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "Space",
        what: "play / pause",
    },
    KeyHelp {
        keys: "→ / ←",
        what: "one event forward / back",
    },
    KeyHelp {
        keys: "] / [",
        what: "next / previous stage change",
    },
    KeyHelp {
        keys: "Home / End",
        what: "first / last event",
    },
    KeyHelp {
        keys: "+ / -",
        what: "faster / slower (1×, 2×, 5×, 10×, 60×, compressed)",
    },
    KeyHelp {
        keys: "1 2 5 0 6 9",
        what: "speed 1×, 2×, 5×, 10× (0), 60× (6), compressed (9)",
    },
    KeyHelp {
        keys: "↑ ↓ / Tab",
        what: "move around the stage on show",
    },
    FOCUS,
    KeyHelp {
        keys: "/",
        what: "jump to the next event that mentions a text",
    },
    KeyHelp {
        keys: "c",
        what: "continue from here in a new session file (this one stays as it is)",
    },
    BLANK,
    NEXT_THEME,
    KeyHelp {
        keys: "?",
        what: "this help",
    },
    KeyHelp {
        keys: "q / Esc",
        what: "back to the session list",
    },
];

/// The audience view changes nothing; it only looks around the stage on show.
pub const PRESENT_KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "↑ ↓ ← → / Tab",
        what: "move around the stage on show (the file is not changed)",
    },
    FOCUS,
    BLANK,
    NEXT_THEME,
    KeyHelp {
        keys: "?",
        what: "this help",
    },
    KeyHelp {
        keys: "q / Esc / Ctrl-c",
        what: "quit",
    },
];
