//! Turns user text into Markdown that shows exactly that text and nothing more.
//!
//! Every character with a meaning somewhere in CommonMark or GFM is neutralised wherever
//! it appears, not only where it would take effect today: escaping `*` only when a
//! matching `*` follows is a parser's job, and getting it wrong once breaks a document a
//! partner receives. What is done, and why:
//!
//! - `\` `` ` `` `*` `_` `[` `]` `|` `~` `$` `#` get a backslash: escapes, code spans,
//!   emphasis, links, table cells, strikethrough, GitHub's math and headings.
//! - `<` and `>` become `&lt;` and `&gt;`: no HTML, no autolinks, no block quotes, and no
//!   `<script` anywhere in the file, even for a renderer that ignores backslashes.
//! - `&` gets a backslash only where it would start an entity (`&amp;`), so "R&D" stays
//!   as it is.
//! - At the start of a line, `-` `+` `=` and the `.`/`)` after leading digits are
//!   escaped: list items, thematic breaks, setext underlines and numbered lists.
//! - Lines are trimmed, so leading spaces cannot make indented code; empty lines are
//!   dropped, so user text cannot end the paragraph it sits in.
//! - Control characters are dropped (tabs become spaces): they are invisible, and escape
//!   sequences would act on a terminal that shows the file.
//! - Explicit bidirectional embeddings, overrides and isolates are closed at the end of
//!   each line, so that a U+202E in a partner's name cannot reverse the words that the
//!   document writes after it.

/// User text on one line (headings, list entries): line breaks become spaces.
pub fn inline(text: &str) -> String {
    join_lines(text, " ")
}

/// User text in a table cell: line breaks become `<br>`, which GitHub and GitLab
/// render inside cells, where a real line break would end the table.
pub fn cell(text: &str) -> String {
    join_lines(text, "<br>")
}

/// User text as a paragraph that keeps its line breaks as hard breaks (a backslash
/// at the end of the line, which, unlike two spaces, survives editors that trim).
/// `indent` starts every following line: `"> "` inside a block quote, spaces inside a
/// list item.
pub fn paragraph(text: &str, indent: &str) -> String {
    join_lines(text, &format!("\\\n{indent}"))
}

fn join_lines(text: &str, separator: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in lines(text) {
        if !out.is_empty() {
            out.push_str(separator);
        }
        line_into(&mut out, &line);
    }
    out
}

/// The visible lines of `text`: split at any line ending, control characters
/// removed, trimmed, empty ones left out.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(is_line_break).filter_map(|line| {
        let clean: String = line
            .chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        let trimmed = clean.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    })
}

/// CR and LF, and the Unicode line and paragraph separators (and NEL), which an
/// editor shows as a new line even though Markdown does not.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Escapes one trimmed, non-empty line onto `out`.
fn line_into(out: &mut String, line: &str) {
    // Block syntax that only counts at the start of a line.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered =
        (1..=9).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
    if line.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    let mut embeddings = 0usize;
    let mut isolates = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if numbered && i == digits => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_entity(&line[i + 1..]) => out.push_str("\\&"),
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => {
                embeddings += 1;
                out.push(c);
            }
            '\u{202C}' => {
                embeddings = embeddings.saturating_sub(1);
                out.push(c);
            }
            '\u{2066}' | '\u{2067}' | '\u{2068}' => {
                isolates += 1;
                out.push(c);
            }
            '\u{2069}' => {
                isolates = isolates.saturating_sub(1);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.extend(std::iter::repeat_n('\u{202C}', embeddings));
    out.extend(std::iter::repeat_n('\u{2069}', isolates));
}

/// Whether the text after an `&` would make it an entity or character reference
/// (`amp;`, `#38;`, `#x26;`).
fn starts_entity(rest: &str) -> bool {
    let name = rest
        .bytes()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && rest.as_bytes().get(name) == Some(&b';')
}
