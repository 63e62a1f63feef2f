//! What a screen could not show while drawing, so nothing is cut off silently: the
//! footer says how much is hidden and which keys bring it into view. The stage screens
//! report into it; the chrome prints it.

use std::cell::RefCell;

/// A part of a stage screen that did not fit: `count` of `noun` (a plural, such as
/// "interests" or "roles"), and the keys that bring them into view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    pub count: usize,
    pub noun: &'static str,
    pub keys: &'static str,
}

/// Collects what a screen could not show during one `render`, so nothing is cut off
/// silently: the footer says how much is hidden and which keys bring it into view.
///
/// Interior mutability because screens draw from a shared `&StageCtx`.
#[derive(Debug, Default)]
pub struct FitReport {
    hidden: RefCell<Vec<Hidden>>,
}

impl FitReport {
    /// Records that `count` `noun` are out of view and `keys` reach them (empty when
    /// no key does, only a larger window). Nothing is
    /// recorded for a count of zero. The same noun reported twice (two columns, say)
    /// adds up, and the first keys named are kept.
    pub fn hide(&self, count: usize, noun: &'static str, keys: &'static str) {
        if count == 0 {
            return;
        }
        let mut hidden = self.hidden.borrow_mut();
        match hidden.iter_mut().find(|h| h.noun == noun) {
            Some(h) => h.count += count,
            None => hidden.push(Hidden { count, noun, keys }),
        }
    }

    /// Everything reported so far, in the order reported.
    #[must_use]
    pub fn hidden(&self) -> Vec<Hidden> {
        self.hidden.borrow().clone()
    }

    /// One sentence for the footer, or `None` when everything fit:
    /// "Not shown: 4 interests, 1 partner · ↑↓ ←→ to see them".
    pub fn summary(&self) -> Option<String> {
        let hidden = self.hidden.borrow();
        if hidden.is_empty() {
            return None;
        }
        let parts: Vec<String> = hidden
            .iter()
            .map(|h| match h.count {
                1 => format!("1 {}", singular(h.noun)),
                n => format!("{n} {}", h.noun),
            })
            .collect();
        let keys = self.keys(&hidden);
        // No keys named means no key reaches them: only a bigger window does.
        let how = if keys.is_empty() {
            "a larger window shows them".to_string()
        } else {
            format!("{} to see them", keys.join(" "))
        };
        Some(format!("Not shown: {} · {how}", parts.join(", ")))
    }
}

impl FitReport {
    /// The summary in a few cells, for a footer whose status line is busy:
    /// "9 not shown · ↑↓ z".
    pub fn short(&self) -> Option<String> {
        let hidden = self.hidden.borrow();
        if hidden.is_empty() {
            return None;
        }
        let total: usize = hidden.iter().map(|h| h.count).sum();
        let keys = self.keys(&hidden);
        if keys.is_empty() {
            Some(format!("{total} not shown"))
        } else {
            Some(format!("{total} not shown · {}", keys.join(" ")))
        }
    }

    /// Each key once, in the order first named: "↑↓" and "↑↓ ←→" make "↑↓ ←→".
    fn keys<'a>(&self, hidden: &'a [Hidden]) -> Vec<&'a str> {
        let mut keys: Vec<&str> = Vec::new();
        for key in hidden.iter().flat_map(|h| h.keys.split_whitespace()) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }
}

/// The singular of a plural noun phrase as the screens report them: the head noun
/// loses its plural ending. The head is the word before "of" ("lines of the
/// statement" → "line of the statement") or before "cut short", else the last word
/// ("action items" → "action item", "categories" → "category").
fn singular(noun: &str) -> String {
    let cut = [" of ", " cut short"]
        .iter()
        .filter_map(|sep| noun.find(sep))
        .min()
        .unwrap_or(noun.len());
    let (head, tail) = noun.split_at(cut);
    let (before, word) = match head.rsplit_once(' ') {
        Some((before, word)) => (format!("{before} "), word),
        None => (String::new(), head),
    };
    let word = if let Some(stem) = word.strip_suffix("sses") {
        format!("{stem}ss")
    } else if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_string()
    } else {
        word.to_string()
    };
    format!("{before}{word}{tail}")
}

#[cfg(test)]
mod tests {
    use super::FitReport;

    #[test]
    fn nothing_hidden_says_nothing() {
        let fit = FitReport::default();
        fit.hide(0, "roles", "↑↓");
        assert!(fit.hidden().is_empty());
        assert_eq!(fit.summary(), None);
    }

    #[test]
    fn counts_add_up_per_noun_and_keys_are_named_once() {
        let fit = FitReport::default();
        fit.hide(3, "interests", "↑↓");
        fit.hide(2, "partners", "←→");
        fit.hide(4, "interests", "↑↓");
        fit.hide(1, "lines of the statement", "↑↓ z");
        assert_eq!(fit.short().as_deref(), Some("10 not shown · ↑↓ ←→ z"));
        assert_eq!(
            fit.summary().as_deref(),
            Some(
                "Not shown: 7 interests, 2 partners, 1 line of the statement · ↑↓ ←→ z to see them"
            )
        );
    }

    #[test]
    fn one_of_a_kind_is_said_in_the_singular() {
        for (plural, one) in [
            ("partners", "partner"),
            ("categories", "category"),
            ("words of the gate line", "word of the gate line"),
            ("action items", "action item"),
            ("holes cut short", "hole cut short"),
            ("separate businesses", "separate business"),
        ] {
            let fit = FitReport::default();
            fit.hide(1, plural, "↑↓");
            assert_eq!(
                fit.summary(),
                Some(format!("Not shown: 1 {one} · ↑↓ to see them"))
            );
        }
    }
}
