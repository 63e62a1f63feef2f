//! Text from files, made safe to print on a terminal.
//!
//! A session file may come from another company. Its titles, partner names and even its
//! file name can hold escape sequences that clear the screen, retitle the window or write
//! to the clipboard (OSC 52) the moment they reach a terminal. Everything the command
//! line prints outside the full-screen views goes through here first: control characters
//! come out as visible escapes, so the reader sees that they are there and the terminal
//! never acts on them. (The full-screen views draw into cells, which is already safe.)

use std::fmt::Write;

/// `text` with every control character written as a visible escape: ESC as `\e`, the
/// other C0 controls and DEL as `\x07`-style escapes, and the C1 controls
/// (U+0080–U+009F, which some terminals act on like ESC sequences) as `\u{9b}`.
/// Tabs and line breaks are escaped too: a caller that keeps them uses [`multiline`].
pub fn one_line(text: &str) -> String {
    escape(text, false)
}

/// Like [`one_line`], but tabs and line feeds stay as they are, for documents (an
/// export shown on the terminal) whose layout depends on them.
pub fn multiline(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, keep_layout: bool) -> String {
    if !text.chars().any(|c| needs_escape(c, keep_layout)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !needs_escape(c, keep_layout) {
            out.push(c);
        } else if c == '\u{1b}' {
            out.push_str("\\e");
        } else if u32::from(c) < 0x80 {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        } else {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
    out
}

fn needs_escape(c: char, keep_layout: bool) -> bool {
    if keep_layout && (c == '\n' || c == '\t') {
        return false;
    }
    // `is_control` is exactly C0, DEL and C1.
    c.is_control()
}
