//! Turning a session title into a safe, readable file name.
//!
//! Titles are typed by users and can hold anything, including `../`, so the
//! slug is built from an allow-list (`a-z`, `0-9`, `-`) rather than by
//! removing known-bad characters: whatever it returns cannot escape the
//! sessions directory or trip up a filesystem.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Longest slug in bytes. Keeps whole file names under 80 bytes, short
/// enough to read in a directory listing and far from any filesystem limit.
const MAX_SLUG_BYTES: usize = 60;

/// Used when a title has nothing we can spell in ASCII (emoji, CJK, ...).
const FALLBACK_SLUG: &str = "session";

/// Names Windows treats as devices. Session file names start with a date so
/// they never collide, but `slug` is also meant to be usable on its own as a
/// file-name stem (exports, folder names), and there `con` would silently
/// write to the console on Windows. Suffixing keeps the user's word visible.
const WINDOWS_DEVICE_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A lower-case ASCII slug of `title`: letters and digits kept, everything
/// else collapsed into single `-`, at most 60 bytes, never empty.
///
/// Common Latin accents are spelled without the accent (`é`→`e`, `ß`→`ss`)
/// so that "Café Müller" stays recognisable as `cafe-muller`; other scripts
/// are dropped, falling back to `session` when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len().min(MAX_SLUG_BYTES * 2));
    // Start "after a separator" so that leading junk produces no `-`.
    let mut pending_dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            push_word(&mut out, &mut pending_dash, c.encode_utf8(&mut [0; 4]));
        } else if let Some(ascii) = transliterate(c) {
            push_word(&mut out, &mut pending_dash, ascii);
        } else if is_silent(c) {
            // Skip without splitting the word.
        } else {
            pending_dash = true;
        }
    }

    truncate_at_word(&mut out, MAX_SLUG_BYTES);

    if out.is_empty() {
        return FALLBACK_SLUG.to_string();
    }
    if WINDOWS_DEVICE_NAMES.contains(&out.as_str()) {
        out.push('-');
        out.push_str(FALLBACK_SLUG);
    }
    out
}

/// `YYYY-MM-DD-<slug>.ron`; the date first so a plain `ls` lists sessions
/// in the order they happened.
pub fn session_file_name(date: NaiveDate, title: &str) -> String {
    format!("{}-{}.ron", date.format("%Y-%m-%d"), slug(title))
}

/// A path in `dir` for a new session that does not overwrite an existing
/// one: `x.ron`, else `x-2.ron`, `x-3.ron`, ...
///
/// This only checks; another process could take the name before the caller
/// writes it, so the caller should still create the file with `create_new`.
/// A name is treated as taken only when something is known to be there;
/// if the directory cannot be read at all, the later write reports why.
pub fn unique_session_path(dir: &Path, date: NaiveDate, title: &str) -> PathBuf {
    let stem = format!("{}-{}", date.format("%Y-%m-%d"), slug(title));
    let first = dir.join(format!("{stem}.ron"));
    if !is_taken(&first) {
        return first;
    }
    let mut n: u64 = 2;
    loop {
        let candidate = dir.join(format!("{stem}-{n}.ron"));
        if !is_taken(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

fn is_taken(path: &Path) -> bool {
    // symlink_metadata so that a dangling symlink counts as taken: writing
    // through it would create a file somewhere else entirely.
    std::fs::symlink_metadata(path).is_ok()
}

fn push_word(out: &mut String, pending_dash: &mut bool, s: &str) {
    if *pending_dash && !out.is_empty() {
        out.push('-');
    }
    *pending_dash = false;
    out.push_str(s);
}

/// Characters that sit inside a word rather than between words: apostrophes
/// ("Anna's" → `annas`, not `anna-s`) and combining accents, so that a title
/// typed in decomposed form (`e` + U+0301) becomes `e`, not `e-`.
fn is_silent(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{0300}'..='\u{036f}')
}

/// ASCII spelling of lower-case Latin letters with diacritics. Only the
/// common ones: anything rarer is better dropped than guessed wrongly.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Shortens an ASCII slug to `max` bytes, preferring to drop whole words so
/// the name does not end in half a word.
fn truncate_at_word(s: &mut String, max: usize) {
    if s.len() <= max {
        return;
    }
    // Cutting exactly before a `-` keeps every word whole.
    let cut = if s.as_bytes()[max] == b'-' {
        max
    } else {
        match s[..max].rfind('-') {
            Some(i) if i > 0 => i,
            // A single 60+ letter word: a hard cut is all we can do.
            _ => max,
        }
    };
    s.truncate(cut);
    while s.ends_with('-') {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn plain_title() {
        assert_eq!(slug("Acme & Co: Kick-off!"), "acme-co-kick-off");
        assert_eq!(
            session_file_name(date(), "Acme"),
            "2026-11-27-acme.ron".to_string()
        );
    }

    #[test]
    fn path_traversal_is_neutralised() {
        assert_eq!(slug("../../x"), "x");
        assert_eq!(slug("a/b\\c"), "a-b-c");
        assert_eq!(slug("..."), "session");
        assert_eq!(slug("."), "session");
        assert_eq!(slug(".hidden"), "hidden");
        assert_eq!(slug("a\0b"), "a-b");
    }

    #[test]
    fn latin_accents_are_spelled_in_ascii() {
        assert_eq!(slug("Café Müller"), "cafe-muller");
        assert_eq!(slug("Straße"), "strasse");
        assert_eq!(slug("Søren Åberg"), "soren-aberg");
        assert_eq!(slug("Ça va, Señor"), "ca-va-senor");
        assert_eq!(slug("ÉCOLE"), "ecole");
        // Decomposed form: `e` followed by a combining acute accent.
        assert_eq!(slug("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn apostrophes_do_not_split_words() {
        assert_eq!(slug("Anna's plan"), "annas-plan");
        assert_eq!(slug("Anna\u{2019}s plan"), "annas-plan");
    }

    #[test]
    fn titles_without_latin_letters_fall_back() {
        assert_eq!(slug("🎉🚀"), "session");
        assert_eq!(slug("合作会议"), "session");
        assert_eq!(slug(""), "session");
        assert_eq!(slug("   --  "), "session");
    }

    #[test]
    fn other_scripts_separate_the_latin_words_around_them() {
        assert_eq!(slug("Acme 合作 2026"), "acme-2026");
        assert_eq!(slug("🎉Launch🎉party"), "launch-party");
    }

    #[test]
    fn long_title_is_cut_at_a_word_boundary() {
        let title = "alpha beta gamma delta ".repeat(14);
        assert!(title.chars().count() > 300);
        let s = slug(&title);
        assert_eq!(
            s,
            "alpha-beta-gamma-delta-alpha-beta-gamma-delta-alpha-beta"
        );
    }

    #[test]
    fn long_single_word_is_cut_hard() {
        let s = slug(&"x".repeat(300));
        assert_eq!(s, "x".repeat(MAX_SLUG_BYTES));
    }

    #[test]
    fn cut_right_before_a_dash_keeps_the_whole_last_word() {
        let title = format!("{} tail", "a".repeat(MAX_SLUG_BYTES));
        assert_eq!(slug(&title), "a".repeat(MAX_SLUG_BYTES));
    }

    #[test]
    fn windows_device_names_get_a_suffix() {
        assert_eq!(slug("con"), "con-session");
        assert_eq!(slug("CON"), "con-session");
        assert_eq!(slug("LPT1"), "lpt1-session");
        // Only whole names are devices; words that merely contain them are fine.
        assert_eq!(slug("console"), "console");
        assert_eq!(slug("con ference"), "con-ference");
    }

    #[test]
    fn unique_path_appends_counter_when_name_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let first = unique_session_path(dir.path(), date(), "Acme");
        assert_eq!(first, dir.path().join("2026-11-27-acme.ron"));

        std::fs::write(&first, b"").unwrap();
        let second = unique_session_path(dir.path(), date(), "Acme");
        assert_eq!(second, dir.path().join("2026-11-27-acme-2.ron"));

        std::fs::write(&second, b"").unwrap();
        let third = unique_session_path(dir.path(), date(), "acme!");
        assert_eq!(third, dir.path().join("2026-11-27-acme-3.ron"));
    }

    #[test]
    fn unique_path_ignores_lock_and_backup_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("2026-11-27-acme.ron.lock"), b"").unwrap();
        std::fs::write(dir.path().join("2026-11-27-acme.ron.bak"), b"").unwrap();

        let path = unique_session_path(dir.path(), date(), "Acme");

        assert_eq!(path, dir.path().join("2026-11-27-acme.ron"));
    }

    #[cfg(unix)]
    #[test]
    fn dangling_symlink_counts_as_taken() {
        let dir = tempfile::tempdir().unwrap();
        let name = dir.path().join("2026-11-27-acme.ron");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &name).unwrap();

        let path = unique_session_path(dir.path(), date(), "Acme");

        assert_eq!(path, dir.path().join("2026-11-27-acme-2.ron"));
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_filter_map("in range", NaiveDate::from_num_days_from_ce_opt)
    }

    /// Arbitrary Unicode, plus long runs of the characters that matter most
    /// (separators, dots, slashes, accents) which pure random text rarely hits.
    fn any_title() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "[a-zA-Z0-9 ./\\\\éßø'-]{0,400}"]
    }

    proptest! {
        #[test]
        fn file_name_stays_inside_dir(title in any_title(), date in any_date()) {
            let dir = Path::new("/sessions/dir");
            let name = session_file_name(date, &title);
            let joined = dir.join(&name);
            prop_assert_eq!(joined.parent(), Some(dir));
            prop_assert_eq!(joined.file_name().and_then(|n| n.to_str()), Some(name.as_str()));
            prop_assert!(name.len() <= 80, "{} is {} bytes", name, name.len());
            prop_assert!(name.ends_with(".ron"));
        }

        #[test]
        fn slug_is_a_clean_stem(title in any_title()) {
            let s = slug(&title);
            prop_assert!(!s.is_empty());
            prop_assert!(s.len() <= MAX_SLUG_BYTES);
            prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
            prop_assert_eq!(slug(&s), s.clone());
        }
    }
}
