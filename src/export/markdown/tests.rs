//! Escaping user text for Markdown.

use super::escape;

#[test]
fn markdown_syntax_in_user_text_is_escaped() {
    assert_eq!(
        escape::inline("a | b * c _d_ #1 [x](y) `code` ~~s~~ $5 \\"),
        "a \\| b \\* c \\_d\\_ \\#1 \\[x\\](y) \\`code\\` \\~\\~s\\~\\~ \\$5 \\\\"
    );
    assert_eq!(
        escape::inline("<script>alert(1)</script>"),
        "&lt;script&gt;alert(1)&lt;/script&gt;"
    );
    assert_eq!(escape::inline("R&D &amp; more"), "R&D \\&amp; more");
}

#[test]
fn block_syntax_is_escaped_at_the_start_of_every_line() {
    assert_eq!(escape::inline("- item"), "\\- item");
    assert_eq!(escape::inline("+ item"), "\\+ item");
    assert_eq!(escape::inline("==="), "\\===");
    assert_eq!(escape::inline("12. point"), "12\\. point");
    assert_eq!(escape::inline("3) point"), "3\\) point");
    assert_eq!(escape::inline("2026 plan. Next"), "2026 plan. Next");
    assert_eq!(escape::inline("> quote"), "&gt; quote");
    assert_eq!(
        escape::paragraph("one\r\n- two\n\n   1. three", "  "),
        "one\\\n  \\- two\\\n  1\\. three"
    );
}

#[test]
fn cells_keep_line_breaks_as_br_and_drop_control_characters() {
    assert_eq!(escape::cell("a\r\nb\rc\u{2028}d"), "a<br>b<br>c<br>d");
    assert_eq!(escape::cell("tab\there\u{1b}[31m"), "tab here\\[31m");
    assert_eq!(escape::cell("  \n \t "), "");
}

#[test]
fn bidi_overrides_are_closed_at_the_end_of_each_line() {
    assert_eq!(escape::inline("\u{202E}evil"), "\u{202E}evil\u{202C}");
    assert_eq!(
        escape::inline("\u{2067}a\u{2069}b"),
        "\u{2067}a\u{2069}b",
        "a closed isolate is left alone"
    );
}
