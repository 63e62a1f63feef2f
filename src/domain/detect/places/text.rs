//! Words of a text as the place matcher sees them, and the index that finds place names
//! among them. Texts and names go through the same steps, so "Baden-Württemberg",
//! "baden wurttemberg" and "Baden-Wuerttemberg" all come out as the same words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::PlaceId;

/// One word of a text: where it is in the original, and where its folded form (lower
/// case, accents taken off) is in the shared buffer.
#[derive(Debug, Clone, Copy)]
struct Token {
    raw: (usize, usize),
    folded: (usize, usize),
}

/// A text cut into words: the folded words share one buffer, so a text costs two
/// allocations however many words it has.
pub(crate) struct Words<'t> {
    text: &'t str,
    folded: String,
    tokens: Vec<Token>,
    /// Whether the text has any lower-case letter: in a text written all in capitals, a
    /// two-letter code ("AT", "DE") may be an ordinary word shouted.
    has_lower: bool,
}

impl<'t> Words<'t> {
    pub(crate) fn new(text: &'t str) -> Words<'t> {
        let mut words = Words {
            text,
            folded: String::with_capacity(text.len()),
            tokens: Vec::new(),
            has_lower: false,
        };
        let mut start: Option<(usize, usize)> = None;
        for (at, c) in text.char_indices() {
            if is_word_char(c) {
                if start.is_none() {
                    start = Some((at, words.folded.len()));
                }
                words.has_lower |= c.is_ascii_lowercase() || (!c.is_ascii() && c.is_lowercase());
                fold_into(c, &mut words.folded);
            } else if let Some((raw, folded)) = start.take() {
                words.push(raw, at, folded);
            }
        }
        if let Some((raw, folded)) = start {
            words.push(raw, text.len(), folded);
        }
        words
    }

    fn push(&mut self, raw: usize, raw_end: usize, folded: usize) {
        // A word made only of combining marks folds to nothing: it names nothing.
        if folded < self.folded.len() {
            self.tokens.push(Token {
                raw: (raw, raw_end),
                folded: (folded, self.folded.len()),
            });
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    pub(crate) fn folded(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i].folded;
        &self.folded[a..b]
    }

    pub(crate) fn raw(&self, i: usize) -> &'t str {
        let (a, b) = self.tokens[i].raw;
        &self.text[a..b]
    }

    /// The original text from the start of word `first` to the end of word `last`, with
    /// whatever stood between them ("Baden-Württemberg", "North  America").
    pub(crate) fn span(&self, first: usize, last: usize) -> &'t str {
        &self.text[self.tokens[first].raw.0..self.tokens[last].raw.1]
    }

    /// All folded words joined by single spaces: the form names are compared in.
    pub(crate) fn joined(&self) -> String {
        let mut out = String::with_capacity(self.folded.len() + self.tokens.len());
        for i in 0..self.len() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.folded(i));
        }
        out
    }
}

/// Letters and digits make words; combining accents belong to the letter before them
/// (a decomposed "Zu\u{308}rich" is one word).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Lower-cases `c` and takes its accents off, so that "Zürich", "ZURICH" and "Zurich"
/// are the same word. Covers the Latin letters of the European languages; other scripts
/// are only lower-cased.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        let plain = match lower {
            '\u{300}'..='\u{36f}' => continue,
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ł' | 'ľ' | 'ĺ' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'œ' => "oe",
            'ŕ' | 'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'þ' => "th",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(plain);
    }
}

/// The spellings one name in the data stands for. A name ending in `~` is a German
/// adjective and also stands for its inflected forms ("deutsch~": deutsch, deutsche,
/// deutschen, …); a name with ä, ö or ü also stands for its spelling with ae, oe, ue
/// ("Muenchen"), which people use on keyboards without umlauts.
pub(crate) fn spellings(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (stem, inflects) = match name.strip_suffix('~') {
        Some(stem) => (stem, true),
        None => (name, false),
    };
    let mut stems = vec![stem.to_string()];
    if stem.chars().any(|c| "äöüÄÖÜ".contains(c)) {
        let spelled: String = stem
            .chars()
            .map(|c| match c {
                'ä' => "ae".to_string(),
                'ö' => "oe".to_string(),
                'ü' => "ue".to_string(),
                'Ä' => "Ae".to_string(),
                'Ö' => "Oe".to_string(),
                'Ü' => "Ue".to_string(),
                c => c.to_string(),
            })
            .collect();
        stems.push(spelled);
    }
    for stem in stems {
        if inflects {
            for ending in ["e", "em", "en", "er", "es"] {
                out.push(format!("{stem}{ending}"));
            }
        }
        out.push(stem);
    }
    out
}

/// One way of naming a place, as words.
#[derive(Debug, Clone)]
struct Pattern<Id> {
    /// The folded words after the first (the first is the index key).
    rest: Vec<Box<str>>,
    /// Per word, the exact spelling the text must use, for words the data writes in
    /// capitals ("DACH", "US"): in lower case they are other words ("Dach" is a roof).
    exact: Vec<Option<Box<str>>>,
    /// A two-letter code on its own, which a text written all in capitals cannot use.
    code: bool,
    place: Id,
}

impl<Id> Pattern<Id> {
    fn len(&self) -> usize {
        self.rest.len() + 1
    }

    /// Whether the pattern names a place at word `at` of `words`.
    fn matches(&self, words: &Words<'_>, at: usize) -> bool {
        if at + self.len() > words.len() || (self.code && !words.has_lower) {
            return false;
        }
        let rest_same = self
            .rest
            .iter()
            .enumerate()
            .all(|(k, w)| words.folded(at + 1 + k) == &**w);
        rest_same
            && self
                .exact
                .iter()
                .enumerate()
                .all(|(k, e)| e.as_deref().is_none_or(|e| words.raw(at + k) == e))
    }
}

/// Every name of every place, keyed by its first folded word; each key's patterns are
/// longest first, so "North America" wins over a place called "North". The same index
/// finds the subjects of the topic lexicon, hence the id type as a parameter.
#[derive(Debug, Clone)]
pub(crate) struct NameIndex<Id = PlaceId> {
    by_first: HashMap<Box<str>, Vec<Pattern<Id>>, BuildHasherDefault<Fnv>>,
}

impl<Id> Default for NameIndex<Id> {
    fn default() -> NameIndex<Id> {
        NameIndex {
            by_first: HashMap::default(),
        }
    }
}

/// FNV-1a: every word of every statement is looked up, most of them short and not a
/// place, and the keys are our own data, so a simple fast hash beats the default
/// (which guards against keys chosen by an attacker).
#[derive(Debug, Clone, Copy)]
pub(super) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl<Id: Copy + PartialEq> NameIndex<Id> {
    /// Adds `name` (one spelling) for `place`. Returns false when it has no words.
    /// A name starting with `=` must be written exactly so ("=Polish" is not "polish").
    pub(crate) fn add(&mut self, name: &str, place: Id) -> bool {
        let (name, all_exact) = match name.strip_prefix('=') {
            Some(rest) => (rest, true),
            None => (name, false),
        };
        let words = Words::new(name);
        if words.len() == 0 {
            return false;
        }
        let exact: Vec<Option<Box<str>>> = (0..words.len())
            .map(|i| {
                let raw = words.raw(i);
                let capitals =
                    raw.chars().all(|c| !c.is_lowercase()) && raw.chars().any(char::is_uppercase);
                (capitals || all_exact).then(|| raw.into())
            })
            .collect();
        let code = words.len() == 1 && exact[0].is_some() && words.raw(0).chars().count() <= 2;
        let pattern = Pattern {
            rest: (1..words.len()).map(|i| words.folded(i).into()).collect(),
            exact,
            code,
            place,
        };
        let list = self.by_first.entry(words.folded(0).into()).or_default();
        let duplicate = list
            .iter()
            .any(|p| p.place == place && p.rest == pattern.rest && p.exact == pattern.exact);
        if !duplicate {
            list.push(pattern);
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        true
    }

    /// The places named in `text`, in order, each once, with the words that named it.
    /// At each word the longest name wins and its words are used up, so "New South Wales"
    /// is not also Wales; when one name stands for several places, all of them count.
    pub(crate) fn find(&self, text: &str) -> Vec<(Id, String)> {
        self.find_in(&Words::new(text))
    }

    /// `find` over words already cut: the rules look for places and for subjects in
    /// the same statement, and cutting it once serves both.
    pub(crate) fn find_in(&self, words: &Words) -> Vec<(Id, String)> {
        let mut out: Vec<(Id, String)> = Vec::new();
        self.scan(words, |id, from, to| {
            if !out.iter().any(|(have, _)| *have == id) {
                out.push((id, words.span(from, to).to_string()));
            }
        });
        out
    }

    /// The ids `find_in` finds, without the words that named them.
    pub(crate) fn ids_in(&self, words: &Words) -> Vec<Id> {
        let mut out: Vec<Id> = Vec::new();
        self.scan(words, |id, _, _| {
            if !out.contains(&id) {
                out.push(id);
            }
        });
        out
    }

    /// Calls `found` with each name found in `words` and the first and last word of it.
    fn scan(&self, words: &Words, mut found: impl FnMut(Id, usize, usize)) {
        let mut at = 0;
        while at < words.len() {
            let Some(patterns) = self.by_first.get(words.folded(at)) else {
                at += 1;
                continue;
            };
            let mut used = 0;
            for p in patterns {
                if used > p.len() {
                    break;
                }
                if p.matches(words, at) {
                    used = p.len();
                    found(p.place, at, at + used - 1);
                }
            }
            at += used.max(1);
        }
    }
}
