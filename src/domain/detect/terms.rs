//! Significant words of a text, so that two partners who name the same thing in different
//! words — "EMEA enterprise accounts" and "our enterprise account base in EMEA" — are
//! seen to overlap. Case, plurals and common words are ignored.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::fast_hash::Fast;

/// Words that carry no subject: English function words and the verbs and nouns every
/// interest or role statement uses ("keep our …", "own the …").
const ENGLISH: &[&str] = &[
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
    "builds",
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
    "sets",
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

/// Nouns so common in partnership talk that two partners using one says nothing about a
/// shared subject: everybody has customers, a platform, a team and a year ahead.
const BUSINESS: &[&str] = &[
    "client",
    "clients",
    "company",
    "customer",
    "customers",
    "member",
    "members",
    "month",
    "months",
    "percent",
    "platform",
    "platforms",
    "product",
    "products",
    "quarter",
    "solution",
    "solutions",
    "team",
    "teams",
    "year",
    "years",
];

/// Function words of the other languages partners write in, so a German or French
/// statement is read for its subject too (and "à" or "und" never make two statements look
/// alike).
const OTHER_LANGUAGES: &[&str] = &[
    // German
    "aber", "alle", "allen", "aller", "als", "am", "an", "auch", "auf", "aus", "bei", "bis",
    "bleiben", "bleibt", "das", "dass", "dem", "den", "der", "des", "die", "durch", "ein", "eine",
    "einen", "einer", "eines", "für", "im", "in", "ist", "kein", "keine", "mit", "nach", "nicht",
    "noch", "nur", "oder", "ohne", "seit", "sich", "sind", "und", "uns", "unser", "unsere",
    "unseren", "unserer", "vom", "von", "vor", "wir", "wird", "zu", "zum", "zur", "eigene",
    "eigenen", "selbst", // French
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et", "il",
    "la", "le", "les", "leur", "leurs", "mais", "nos", "notre", "nous", "nôtre", "nôtres", "ou",
    "par", "pas", "pour", "qui", "que", "sa", "sans", "se", "ses", "son", "sont", "sur", "un",
    "une", "vos", "votre", // Italian
    "che", "con", "del", "della", "delle", "dei", "di", "gli", "il", "nei", "nel", "nella",
    "nostro", "nostra", "nostri", "per", "restano", "resta", "senza", "sono", "una", "uno",
    // Spanish and Catalan
    "al", "con", "el", "ella", "las", "los", "nosotros", "nuestra", "nuestro", "nuestros", "para",
    "por", "sin", "son", "su", "sus", "una", "y", "és", "són", "nostres", // Dutch
    "het", "een", "en", "van", "voor", "met", "wij", "onze", "ons", "niet", "ook", "op", "elke",
    "willen", // Danish, Norwegian and Swedish
    "och", "og", "att", "av", "er", "är", "för", "med", "vi", "vår", "våra", "vårt", "til", "till",
    "på", "ikke", "inte", "aldri", "under",
];

fn stop_words() -> &'static HashSet<&'static str, Fast> {
    // Every word of every statement is looked up here, twice, after every change.
    static WORDS: OnceLock<HashSet<&'static str, Fast>> = OnceLock::new();
    WORDS.get_or_init(|| {
        ENGLISH
            .iter()
            .chain(BUSINESS)
            .chain(OTHER_LANGUAGES)
            .copied()
            .collect()
    })
}

fn is_stop_word(word: &str) -> bool {
    stop_words().contains(word)
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
    let mut out: Vec<String> = words(text).filter_map(term).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The words of `text` as written: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The term one word of a text stands for, or None when it names nothing (see `terms`).
pub fn term(raw: &str) -> Option<String> {
    let mut word = String::new();
    term_into(raw, &mut word).then_some(word)
}

/// `term`, written into `word` (cleared first); false when the word names nothing. Most
/// words of a statement name nothing, and the rules read every word after every change,
/// so one buffer serves them all and only the terms kept are copied.
pub fn term_into(raw: &str, word: &mut String) -> bool {
    word.clear();
    if raw.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if raw.is_ascii() {
        word.push_str(raw);
        word.make_ascii_lowercase();
    } else {
        word.push_str(&raw.to_lowercase());
    }
    // An acronym in capitals ("US", "IP") is a name, even when the same letters in lower
    // case are a common word.
    let acronym = raw.chars().count() >= 2 && raw.chars().all(|c| c.is_uppercase());
    if acronym {
        return true;
    }
    if is_stop_word(word) {
        return false;
    }
    // Scripts without spaces between words (CJK) make short words meaningful; in
    // alphabets a word of one or two letters ("à", "og") names nothing.
    let alphabetic = word.chars().all(|c| c.is_ascii() || !is_ideograph(c));
    if word.chars().count() < 3 && alphabetic {
        return false;
    }
    make_singular(word);
    !is_stop_word(word)
}

/// Characters of scripts written without spaces between words (CJK ideographs, kana,
/// hangul), where a single character can be a whole word.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests;
