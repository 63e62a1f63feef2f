//! Significant words of a text, so that two partners who name the same thing in different
//! words — "EMEA enterprise accounts" and "our enterprise account base in EMEA" — are
//! seen to overlap. Case, plurals and common words are ignored.

/// Words that carry no subject: English function words and the verbs and nouns every
/// interest or role statement uses ("keep our …", "own the …"). Kept sorted: it is
/// searched with a binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "able",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "become",
    "becomes",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "build",
    "built",
    "business",
    "but",
    "by",
    "can",
    "could",
    "deal",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "ensure",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "give",
    "go",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "joint",
    "just",
    "keep",
    "keeps",
    "kept",
    "least",
    "less",
    "let",
    "like",
    "made",
    "make",
    "may",
    "me",
    "more",
    "most",
    "must",
    "my",
    "need",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "offer",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "owned",
    "owns",
    "part",
    "partner",
    "partners",
    "per",
    "plan",
    "project",
    "protect",
    "retain",
    "same",
    "set",
    "shall",
    "she",
    "should",
    "side",
    "so",
    "some",
    "stay",
    "stays",
    "such",
    "take",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "via",
    "want",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "work",
    "would",
    "you",
    "your",
    "yours",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The singular of a lower-case English word, by the common rules only ("accounts" →
/// "account", "territories" → "territory", "boxes" → "box"); words that merely end in s
/// ("process", "analysis", "emea") are left alone.
pub fn singular(word: &str) -> String {
    let mut word = word.to_string();
    make_singular(&mut word);
    word
}

/// `singular`, in place: the engine tokenises thousands of statements per change, so
/// it avoids a second allocation per word.
fn make_singular(word: &mut String) {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        word.truncate(n - 3);
        word.push('y');
        return;
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if n > ending.len() + 1 && word.ends_with(ending) {
            word.truncate(n - 2);
            return;
        }
    }
    let keeps_s = ["ss", "us", "is", "os", "as"]
        .iter()
        .any(|e| word.ends_with(e));
    if n > 3 && word.ends_with('s') && !keeps_s {
        word.truncate(n - 1);
    }
}

/// The significant terms of `text`, sorted and without repeats: lower-case, singular,
/// without stop words, numbers or one- and two-letter fragments (except well-known short
/// acronyms such as "IP" or "EU").
pub fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|raw| {
            if raw.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let mut word = raw.to_lowercase();
            // An acronym in capitals ("US", "IP") is a name, even when the same letters in
            // lower case are a common word.
            let acronym = raw.chars().count() >= 2 && raw.chars().all(|c| c.is_uppercase());
            if acronym {
                return Some(word);
            }
            if is_stop_word(&word) {
                return None;
            }
            // Scripts without spaces between words (CJK) make short words meaningful.
            if word.chars().count() < 3 && word.is_ascii() {
                return None;
            }
            make_singular(&mut word);
            (!is_stop_word(&word)).then_some(word)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests;
