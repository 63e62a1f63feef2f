//! Clashing interests, found pair by pair: two statements of different partners that
//! make the same kind of claim on the same thing. Each pair gets one subject, the most
//! telling thing the two have in common, tried in this order:
//!
//! 1. a place both name, or places that overlap ("Bavaria": "DACH" contains it);
//! 2. an account of the session's glossary, under any of its names;
//! 3. a subject of the shipped list ("discount", "royalty"), or two subjects of one family
//!    ("price floor" and "discount" both set the price);
//! 4. a word both use that few other statements use;
//! 5. for accounts, two claims that name no account at all (nobody can tell them apart);
//! 6. for pricing and margins, a figure on both sides (two prices cannot both hold).
//!
//! Pairs with the same subject and the same two partners make one finding, so a partner
//! saying the same thing twice gives one finding that quotes both, not two.

use std::collections::{BTreeMap, HashMap};

use super::places::{Gazetteer, Overlap, PlaceId};
use super::rules::{conflict_category, quote};
use super::signals::{Analysis, Class, Reading, analyse};
use super::topics::{TopicId, Topics};
use super::{Finding, Rule, items_key};
use crate::domain::glossary::GlossaryKind;
use crate::domain::session::{ItemRef, Session};
use crate::domain::types::{ConflictCategory, PartnerId, Severity, Weight};

/// What two statements collide on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Subject {
    /// The place both claim: the smaller one where one contains the other, with the
    /// words of the statement that named the larger one.
    Place {
        place: PlaceId,
        name: String,
        container: Option<String>,
    },
    Account(String),
    Topic(String),
    Word(String),
    /// Both sides put a number on it: "price" or "margin".
    Figure(&'static str),
}

impl Subject {
    /// The subject as a finding's sentence names it.
    fn named(&self) -> String {
        match self {
            Subject::Place {
                name, container, ..
            } => match container {
                Some(words) => format!("{name} ('{words}' contains it)"),
                None => name.clone(),
            },
            Subject::Account(name) => format!("the account {name}"),
            Subject::Topic(name) => name.clone(),
            Subject::Figure(what) => what.to_string(),
            Subject::Word(word) => format!("'{word}'"),
        }
    }

    /// What makes two pairs one finding: the same place, account, subject or word.
    fn group_key(&self) -> String {
        match self {
            Subject::Place { place, .. } => format!("place {}", place.0),
            Subject::Account(name) => format!("account {name}"),
            Subject::Topic(name) => format!("topic {name}"),
            Subject::Word(word) => format!("word {}", word.to_lowercase()),
            Subject::Figure(what) => format!("figure {what}"),
        }
    }
}

/// How firmly the two sides hold their claims decides how severe the clash is: two
/// non-negotiables on one subject cannot both stand; a negotiable side leaves room.
pub(super) fn severity(a: Weight, b: Weight) -> Option<Severity> {
    use Weight::*;
    match (a.min(b), a.max(b)) {
        // `min` is the firmer: NonNegotiable sorts first.
        (NonNegotiable, NonNegotiable) => Some(Severity::Critical),
        (NonNegotiable, Important) => Some(Severity::High),
        (Important, Important) | (NonNegotiable, Negotiable) => Some(Severity::Medium),
        (Important, Negotiable) => Some(Severity::Low),
        // Two wishes both sides hold loosely are something to talk about, not a clash.
        _ => None,
    }
}

type Pair = (usize, usize);

/// The subject chosen for each pair of interests (by index in the session), filled in
/// the order of the module comment: the first subject found for a pair is kept.
struct Subjects<'a> {
    analysis: &'a Analysis,
    chosen: HashMap<Pair, Subject>,
}

impl Subjects<'_> {
    fn offer(&mut self, i: usize, j: usize, subject: impl FnOnce() -> Option<Subject>) {
        let (a, b) = (&self.analysis.readings[i], &self.analysis.readings[j]);
        if a.partner == b.partner || a.class != b.class || severity(a.weight, b.weight).is_none() {
            return;
        }
        let pair = if i < j { (i, j) } else { (j, i) };
        if self.chosen.contains_key(&pair) {
            return;
        }
        if let Some(subject) = subject().filter(|s| fits(s, a, b)) {
            self.chosen.insert(pair, subject);
        }
    }

    /// Offers every pair of one list (statements that share something).
    fn offer_all(&mut self, list: &[usize], subject: impl Fn(usize, usize) -> Option<Subject>) {
        for (n, &i) in list.iter().enumerate() {
            for &j in &list[n + 1..] {
                self.offer(i, j, || subject(i, j));
            }
        }
    }
}

/// Whether a subject found after the places and accounts can stand for the pair. Two
/// territory claims that both name places are about those places: if the places do not
/// overlap, a word in common ("pilot plants in the Baltics", "pilot plants with German
/// recyclers") does not make them collide. Two account claims are about accounts, named
/// in the glossary or written as names: "account" in both says nothing.
fn fits(subject: &Subject, a: &Reading, b: &Reading) -> bool {
    match subject {
        Subject::Place { .. } | Subject::Account(_) => true,
        _ if a.class == Class::Territory => a.places.is_empty() || b.places.is_empty(),
        Subject::Word(word) if a.class == Class::Accounts => {
            let both_named = !a.accounts.is_empty() && !b.accounts.is_empty();
            !both_named && word.chars().next().is_some_and(char::is_uppercase)
        }
        Subject::Topic(_) if a.class == Class::Accounts => !a.names_one && !b.names_one,
        _ if a.class == Class::Accounts => false,
        _ => true,
    }
}

fn place_subject(gazetteer: &Gazetteer, a: &Reading, b: &Reading) -> Option<Subject> {
    for (pa, wa) in &a.places {
        for (pb, wb) in &b.places {
            if !gazetteer.overlaps(*pa, *pb) {
                continue;
            }
            let (place, container) = match gazetteer.overlap(*pa, *pb)? {
                Overlap::Same => (*pa, None),
                Overlap::AContainsB => (*pb, Some(wa.clone())),
                Overlap::BContainsA => (*pa, Some(wb.clone())),
                Overlap::Share(shared) => (shared, None),
            };
            return Some(Subject::Place {
                place,
                name: gazetteer.name(place).to_string(),
                container,
            });
        }
    }
    None
}

/// Lists of statements by what they share, for one kind of subject.
fn postings<K: Ord>(
    readings: &[Reading],
    keys: impl Fn(&Reading) -> Vec<K>,
) -> BTreeMap<(Class, K), Vec<usize>> {
    let mut lists: BTreeMap<(Class, K), Vec<usize>> = BTreeMap::new();
    for (i, r) in readings.iter().enumerate() {
        for key in keys(r) {
            lists.entry((r.class, key)).or_default().push(i);
        }
    }
    lists
}

fn choose_subjects(analysis: &Analysis, gazetteer: &Gazetteer) -> HashMap<Pair, Subject> {
    let readings = &analysis.readings;
    let mut subjects = Subjects {
        analysis,
        chosen: HashMap::new(),
    };
    // 1. Places: every pair of one class that names places, checked for overlap.
    let mut placed: BTreeMap<Class, Vec<usize>> = BTreeMap::new();
    for (i, r) in readings.iter().enumerate() {
        if !r.places.is_empty() {
            placed.entry(r.class).or_default().push(i);
        }
    }
    for list in placed.values() {
        subjects.offer_all(list, |i, j| {
            place_subject(gazetteer, &readings[i], &readings[j])
        });
    }
    // 2. Accounts of the glossary.
    for ((_, account), list) in postings(readings, |r| r.accounts.clone()) {
        let name = &analysis.accounts[account];
        subjects.offer_all(&list, |_, _| Some(Subject::Account(name.clone())));
    }
    // 3. Subjects of the shipped list. Who leads an account is not settled by both
    // sides saying "account leadership": there it takes the same account.
    let topics = Topics::shipped();
    let topic_keys = |r: &Reading| -> Vec<TopicId> {
        if r.class == Class::Accounts {
            Vec::new()
        } else {
            r.topics.clone()
        }
    };
    for ((_, topic), list) in postings(readings, topic_keys) {
        let name = topics.name(topic).to_string();
        subjects.offer_all(&list, |_, _| Some(Subject::Topic(name.clone())));
    }
    // Two subjects of one family collide too ("price floor" against "discount").
    let families = |r: &Reading| -> Vec<String> {
        let mut keys: Vec<String> = topic_keys(r)
            .into_iter()
            .filter_map(|t| family(topics.name(t)).map(str::to_string))
            .collect();
        keys.sort();
        keys.dedup();
        keys
    };
    for (_, list) in postings(readings, families) {
        subjects.offer_all(&list, |i, j| {
            family_subject(topics, &readings[i], &readings[j])
        });
    }
    // 4. Rare words, the rarest first, so a pair is named by its most telling word.
    let mut words: Vec<(&String, usize)> = analysis
        .frequency
        .iter()
        .filter(|(t, _)| analysis.is_rare(t))
        .map(|(t, n)| (t, *n))
        .collect();
    words.sort_unstable_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(b.0)));
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in readings.iter().enumerate() {
        for (t, _) in &r.terms {
            by_word.entry(t.as_str()).or_default().push(i);
        }
    }
    for (word, _) in words {
        let Some(list) = by_word.get(word.as_str()) else {
            continue;
        };
        if list.len() < 2 {
            continue;
        }
        subjects.offer_all(list, |i, _| {
            let written = readings[i].terms.iter().find(|(t, _)| t == word)?;
            Some(Subject::Word(written.1.clone()))
        });
    }
    // 5. Claims on accounts that name none: "our top 20 accounts" against "EMEA
    // enterprise accounts" may well be the same customers, and nobody can tell which.
    let unnamed: Vec<usize> = (0..readings.len())
        .filter(|&i| readings[i].class == Class::Accounts && !readings[i].names_one)
        .collect();
    subjects.offer_all(&unnamed, |_, _| {
        Some(Subject::Topic("accounts without naming them".to_string()))
    });
    // 6. Figures on both sides of a price or a margin.
    let figures: Vec<usize> = (0..readings.len())
        .filter(|&i| readings[i].figure && readings[i].class == Class::Money)
        .collect();
    subjects.offer_all(&figures, |i, _| {
        let what = match readings[i].category {
            crate::domain::types::InterestCategory::MarginSharing => "margin",
            _ => "price",
        };
        Some(Subject::Figure(what))
    });
    subjects.chosen
}

/// Subjects that decide one thing from different sides, by the names of the shipped
/// list: a price floor, a cap and a discount all set the price a customer pays; a
/// royalty, a commission and a revenue share all split what a sale earns.
const FAMILIES: &[(&str, &[&str])] = &[
    (
        "price",
        &["price", "price floor", "price cap", "discount", "day rate"],
    ),
    (
        "split",
        &["royalty", "revenue share", "commission", "billing"],
    ),
];

fn family(topic: &str) -> Option<&'static str> {
    FAMILIES
        .iter()
        .find(|(_, members)| members.contains(&topic))
        .map(|(name, _)| *name)
}

/// "price floor and discount": the two subjects of one family that two statements name.
fn family_subject(topics: &Topics, a: &Reading, b: &Reading) -> Option<Subject> {
    for ta in &a.topics {
        for tb in &b.topics {
            let (fa, fb) = (family(topics.name(*ta)), family(topics.name(*tb)));
            if ta != tb && fa.is_some() && fa == fb {
                return Some(Subject::Topic(format!(
                    "{} and {}",
                    topics.name(*ta),
                    topics.name(*tb)
                )));
            }
        }
    }
    None
}

/// What each class of claim does to a subject, for the sentence.
fn claim(class: Class) -> &'static str {
    match class {
        Class::Territory | Class::Accounts => "both claim",
        Class::Money => "set different terms on",
        Class::Product => "both want to decide",
        Class::Rights => "both claim the rights to",
        Class::Open => "hold firm and different views on",
    }
}

fn prompt(class: Class) -> &'static str {
    match class {
        Class::Territory => "Who sells there, and what does the other get for staying out?",
        Class::Accounts => "Who leads this account, and what does the other do there?",
        Class::Money => "Which figure holds, or what range works for both?",
        Class::Product => "Who decides, and who is consulted first?",
        Class::Rights => "Who owns it, and what licence does the other get?",
        Class::Open => "Can both hold at once? If not, which gives way?",
    }
}

/// Statements of one side, quoted: the first, and how many more say the same.
fn quoted(session: &Session, items: &[usize]) -> String {
    let first = items
        .first()
        .and_then(|&i| session.interests.get(i))
        .map_or_else(String::new, |i| quote(&i.statement));
    match items.len() {
        0 | 1 => first,
        n => format!("{first} (and {} more)", n - 1),
    }
}

/// The clashing-interests rule: one finding per subject and pair of partners.
pub(super) fn clashing_interests(session: &Session, out: &mut Vec<Finding>) {
    if session.interests.len() < 2 {
        return;
    }
    let extra: Vec<(String, Vec<String>, Vec<String>)> = session
        .glossary
        .iter()
        .filter_map(|e| match &e.kind {
            GlossaryKind::Place { within } => {
                Some((e.name.clone(), e.aliases.clone(), within.clone()))
            }
            _ => None,
        })
        .collect();
    let extended;
    let gazetteer = if extra.is_empty() {
        Gazetteer::shipped()
    } else {
        extended = Gazetteer::shipped().extended(&extra);
        &extended
    };
    let analysis = analyse(session, gazetteer);
    let chosen = choose_subjects(&analysis, gazetteer);
    // Grouped by subject and the two partners, in a fixed order.
    type Sides = (Vec<usize>, Vec<usize>);
    let mut groups: BTreeMap<(Class, String, PartnerId, PartnerId), (Subject, Sides)> =
        BTreeMap::new();
    let mut pairs: Vec<(&Pair, &Subject)> = chosen.iter().collect();
    pairs.sort_unstable_by_key(|(pair, _)| **pair);
    for (&(i, j), subject) in pairs {
        let (a, b) = (&analysis.readings[i], &analysis.readings[j]);
        let ((i, pa), (j, pb)) = if a.partner < b.partner {
            ((i, a.partner), (j, b.partner))
        } else {
            ((j, b.partner), (i, a.partner))
        };
        let key = (a.class, subject.group_key(), pa, pb);
        let (_, (left, right)) = groups
            .entry(key)
            .or_insert_with(|| (subject.clone(), (Vec::new(), Vec::new())));
        if !left.contains(&i) {
            left.push(i);
        }
        if !right.contains(&j) {
            right.push(j);
        }
    }
    for ((class, _, p, q), (subject, (mut left, mut right))) in groups {
        left.sort_unstable();
        right.sort_unstable();
        let firmest = |side: &[usize]| {
            side.iter()
                .map(|&i| analysis.readings[i].weight)
                .min()
                .unwrap_or(Weight::Negotiable)
        };
        let Some(severity) = severity(firmest(&left), firmest(&right)) else {
            continue;
        };
        let items: Vec<ItemRef> = left
            .iter()
            .chain(&right)
            .filter_map(|&i| session.interests.get(i))
            .map(|i| ItemRef::Interest(i.id))
            .collect();
        let category = match class {
            Class::Territory => ConflictCategory::Territory,
            Class::Open => ConflictCategory::Other,
            _ => conflict_category(analysis.readings[left[0]].category),
        };
        let shared_terms = match &subject {
            Subject::Word(word) => vec![word.to_lowercase()],
            _ => Vec::new(),
        };
        out.push(Finding {
            key: format!("pair:{}", items_key(&items)),
            rule: Rule::ClashingInterests,
            category,
            partners: vec![p, q],
            explanation: format!(
                "{} and {} {} {}: {} and {}.",
                session.partner_name(p),
                session.partner_name(q),
                claim(class),
                subject.named(),
                quoted(session, &left),
                quoted(session, &right),
            ),
            items,
            severity,
            shared_terms,
            prompt: Some(prompt(class).to_string()),
        });
    }
}
