//! What each interest statement is about, read once per run of the rules: the places it
//! names, the glossary accounts, the subjects it speaks of, its words, and whether it puts
//! a figure on something. The pair rule compares these readings, never the raw text.
//!
//! Partner and product names are blanked out first. "Ferro alone decides the Ferro Vault
//! roadmap" and "certified on Ferro Vault" share a product, not a subject: a partner's own
//! name or its product's name in two statements is no sign that they collide.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::places::text::Words;
use super::places::{Gazetteer, PlaceId};
use super::terms::{term, term_into, words};
use super::topics::{TopicId, Topics};
use crate::domain::glossary::{GlossaryEntry, GlossaryKind};
use crate::domain::session::{Interest, Session};
use crate::domain::types::{InterestCategory, PartnerId, Weight};

/// The kind of claim a statement makes, from its category. Only statements of one class
/// are compared: a price floor and a roadmap wish that share a word do not collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Class {
    Territory,
    Accounts,
    /// Pricing and margin sharing: both decide what the partners earn from a sale.
    Money,
    Product,
    Rights,
    /// "Other": the room did not say what kind of claim it is.
    Open,
}

impl Class {
    fn of(category: InterestCategory) -> Class {
        match category {
            InterestCategory::Territory => Class::Territory,
            InterestCategory::AccountLeadership => Class::Accounts,
            InterestCategory::Pricing | InterestCategory::MarginSharing => Class::Money,
            InterestCategory::ProductDirection => Class::Product,
            InterestCategory::IpOwnership => Class::Rights,
            InterestCategory::Other => Class::Open,
        }
    }
}

/// One interest, read.
pub(super) struct Reading {
    pub partner: PartnerId,
    pub weight: Weight,
    pub category: InterestCategory,
    pub class: Class,
    /// Places named, with the words that named them, in text order.
    pub places: Vec<(PlaceId, String)>,
    /// Glossary accounts named, by their index in `Analysis::accounts`.
    pub accounts: Vec<usize>,
    pub topics: Vec<TopicId>,
    /// Significant words (see `terms`), each once, with the word as first written.
    pub terms: Vec<(String, String)>,
    /// A number with a currency or a percentage: the statement sets a figure.
    pub figure: bool,
    /// Whether it names something in particular: a glossary account or a word written as
    /// a name ("Trumpf", "DTAG"), places aside. "Our top 20 accounts" names none.
    pub names_one: bool,
}

/// Every interest of a session, read, with what the rules need to weigh words.
pub(super) struct Analysis {
    pub readings: Vec<Reading>,
    /// In how many statements each term occurs.
    pub frequency: HashMap<String, usize>,
    /// The display name of each glossary account.
    pub accounts: Vec<String>,
}

impl Analysis {
    /// A word tells two statements apart only when few statements use it: at most two,
    /// or at most a quarter of them. Words most statements share ("EMEA" in a session all
    /// about EMEA) say nothing about which two collide.
    pub fn is_rare(&self, term: &str) -> bool {
        let used = self.frequency.get(term).copied().unwrap_or(0);
        used <= 2 || used * 4 <= self.readings.len()
    }
}

/// An account of the glossary as words to look for: each name and alias as a sequence of
/// lower-case words; a name written in capitals ("MAN", "DTAG") must be written so.
struct AccountNames {
    spellings: Vec<(Vec<String>, bool)>,
}

impl AccountNames {
    fn of(entry: &GlossaryEntry) -> AccountNames {
        let spellings = entry
            .names()
            .map(|name| {
                let capitals =
                    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
                let seq: Vec<String> = words(name)
                    .map(|w| {
                        if capitals {
                            w.to_string()
                        } else {
                            w.to_lowercase()
                        }
                    })
                    .collect();
                (seq, capitals)
            })
            .filter(|(seq, _)| !seq.is_empty())
            .collect();
        AccountNames { spellings }
    }

    fn named_in(&self, raw: &[&str], lower: &[String]) -> bool {
        self.spellings.iter().any(|(seq, capitals)| {
            let hay: Vec<&str> = if *capitals {
                raw.to_vec()
            } else {
                lower.iter().map(String::as_str).collect()
            };
            hay.windows(seq.len())
                .any(|window| window.iter().zip(seq).all(|(a, b)| *a == b))
        })
    }
}

/// The words of partner and product names, lower case: blanked out of every statement.
fn name_words(session: &Session) -> HashSet<String> {
    let products = session.glossary.iter().filter_map(|e| match e.kind {
        GlossaryKind::Product { .. } => Some(e.names().map(str::to_string).collect::<Vec<_>>()),
        _ => None,
    });
    let partners = session.partners.iter().map(|p| vec![p.name.clone()]);
    partners
        .chain(products)
        .flatten()
        .flat_map(|name| {
            words(&name)
                .filter_map(|w| term(w).map(|_| w.to_lowercase()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `text` with every word of `names` replaced by spaces, so that positions, capitals and
/// the other words stay as written. Most statements name no partner or product, and
/// those are borrowed as they are.
fn blank_names<'t>(text: &'t str, names: &HashSet<String>) -> Cow<'t, str> {
    if names.is_empty() {
        return Cow::Borrowed(text);
    }
    // One buffer for the lower-case form of every word: this runs over every statement
    // after every change.
    let mut lower = String::new();
    let mut is_name = |word: &str| {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        names.contains(lower.as_str())
    };
    if !words(text).any(&mut is_name) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut start = None;
    let mut flush = |from: usize, to: usize, out: &mut String| {
        let word = &text[from..to];
        if is_name(word) {
            out.extend(std::iter::repeat_n(' ', word.chars().count()));
        } else {
            out.push_str(word);
        }
    };
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
        } else {
            if let Some(from) = start.take() {
                flush(from, at, &mut out);
            }
            out.push(c);
        }
    }
    if let Some(from) = start {
        flush(from, text.len(), &mut out);
    }
    Cow::Owned(out)
}

/// Words that put a unit on a number: money or a share of something.
const UNITS: &[&str] = &[
    "euro", "euros", "eur", "usd", "dollar", "dollars", "chf", "gbp", "sek", "nok", "dkk", "pln",
    "kr", "percent", "procent", "prozent", "cent", "ciento", "cento",
];

fn sets_a_figure(text: &str) -> bool {
    text.contains(|c: char| c.is_ascii_digit())
        && (text.contains(['%', '€', '$', '£'])
            || words(text).any(|w| UNITS.iter().any(|unit| w.eq_ignore_ascii_case(unit))))
}

/// Whether the `n`th word of a statement is written as a name: in capitals ("DTAG"), or
/// capitalised anywhere but at the start ("… at Trumpf").
fn is_name(n: usize, word: &str) -> bool {
    let capitals = word.chars().count() >= 2 && word.chars().all(char::is_uppercase);
    let capitalised = n > 0 && word.chars().next().is_some_and(char::is_uppercase);
    capitals || capitalised
}

/// Reads every interest of `session`, with the places of `gazetteer`.
pub(super) fn analyse(session: &Session, gazetteer: &Gazetteer) -> Analysis {
    let names = name_words(session);
    let topics = Topics::shipped();
    let account_entries: Vec<&GlossaryEntry> = session
        .glossary
        .iter()
        .filter(|e| e.kind == GlossaryKind::Account)
        .collect();
    let account_names: Vec<AccountNames> = account_entries
        .iter()
        .map(|e| AccountNames::of(e))
        .collect();
    let read = |interests: &[Interest]| -> Vec<Reading> {
        let mut buffer = String::new();
        interests
            .iter()
            .map(|interest| {
                read_one(
                    interest,
                    &names,
                    gazetteer,
                    topics,
                    &account_names,
                    &mut buffer,
                )
            })
            .collect()
    };
    let readings = read_in_two_halves(&session.interests, read);
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for reading in &readings {
        for (t, _) in &reading.terms {
            match frequency.get_mut(t) {
                Some(n) => *n += 1,
                None => {
                    frequency.insert(t.clone(), 1);
                }
            }
        }
    }
    Analysis {
        readings,
        frequency,
        accounts: account_entries.iter().map(|e| e.name.clone()).collect(),
    }
}

/// Below this many statements a second thread costs more than it saves.
pub(super) const TWO_THREADS_FROM: usize = 256;

/// `read` over all of `items`, in order: a large session's two halves on two threads,
/// since every statement is read on its own. Where no thread can be had, all on this one.
pub(super) fn read_in_two_halves<I: Sync, T: Send>(
    items: &[I],
    read: impl Fn(&[I]) -> Vec<T> + Sync,
) -> Vec<T> {
    if items.len() < TWO_THREADS_FROM {
        return read(items);
    }
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let Ok(other) = std::thread::Builder::new().spawn_scoped(scope, || read(second)) else {
            return read(items);
        };
        let mut readings = read(first);
        match other.join() {
            Ok(rest) => readings.extend(rest),
            // A panic there is a bug here: let it surface as it would have on one thread.
            Err(panic) => std::panic::resume_unwind(panic),
        }
        readings
    })
}

/// Reads one interest (see `Reading`). `buffer` is scratch space for its words.
fn read_one(
    interest: &Interest,
    names: &HashSet<String>,
    gazetteer: &Gazetteer,
    topics: &Topics,
    account_names: &[AccountNames],
    buffer: &mut String,
) -> Reading {
    let text = blank_names(&interest.statement, names);
    // Cut once for places and subjects alike.
    let cut = Words::new(&text);
    let places = gazetteer.places_in_words(&cut);
    let raw: Vec<&str> = words(&text).collect();
    // Each word's term once: the terms, the place words and the names below all
    // need it.
    let raw_terms: Vec<Option<String>> = raw
        .iter()
        .map(|w| term_into(w, buffer).then(|| buffer.clone()))
        .collect();
    let accounts: Vec<usize> = if account_names.is_empty() {
        Vec::new()
    } else {
        let lower: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
        account_names
            .iter()
            .enumerate()
            .filter(|(_, a)| a.named_in(&raw, &lower))
            .map(|(n, _)| n)
            .collect()
    };
    let topics: Vec<TopicId> = topics.topic_ids_in(&cut);
    let place_words: Vec<String> = places
        .iter()
        .flat_map(|(_, w)| words(w).filter_map(term))
        .collect();
    let names_one = !accounts.is_empty()
        || raw.iter().zip(&raw_terms).enumerate().any(|(n, (w, t))| {
            is_name(n, w) && t.as_ref().is_some_and(|t| !place_words.contains(t))
        });
    let mut terms: Vec<(String, String)> = Vec::new();
    for (n, (w, t)) in raw.iter().zip(raw_terms).enumerate() {
        if let Some(t) = t
            && !terms.iter().any(|(have, _)| *have == t)
        {
            // Shown as written where it is written as a name ("Trumpf", "DTAG"),
            // else as the plain word: "Connectors" opening a sentence is "connector".
            let shown = if is_name(n, w) {
                (*w).to_string()
            } else {
                t.clone()
            };
            terms.push((t, shown));
        }
    }
    let category = interest.category;
    let mut class = Class::of(category);
    // An uncategorised statement that names places and nothing else ("we keep
    // Bavaria and Austria for ourselves") is a claim on those places.
    if class == Class::Open
        && !places.is_empty()
        && topics.is_empty()
        && terms.iter().all(|(t, _)| place_words.contains(t))
    {
        class = Class::Territory;
    }
    Reading {
        partner: interest.partner,
        weight: interest.weight,
        category,
        class,
        figure: sets_a_figure(&text),
        names_one,
        places,
        accounts,
        topics,
        terms,
    }
}
