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

use super::fast_hash::Fast;
use super::pair_set::PairSet;
use super::places::{Gazetteer, Overlap, PlaceId};
use super::rules::{conflict_category, quote_into};
use super::signals::{Analysis, Class, Reading, analyse};
use super::topics::{TopicId, Topics};
use super::{Finding, Rule, items_key, push_number};
use crate::domain::glossary::GlossaryKind;
use crate::domain::session::{ItemRef, Session};
use crate::domain::types::{ConflictCategory, PartnerId, Severity, Weight};

/// What two statements collide on. Cheap to copy: many pairs are weighed per change, so
/// words are borrowed from the analysis and names looked up only for the findings made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Subject<'a> {
    /// The place both claim: the smaller one where one contains the other, and where it
    /// does, the statement and the place in it that named the larger one.
    Place {
        place: PlaceId,
        container: Option<(usize, usize)>,
    },
    /// A glossary account, by its index in `Analysis::accounts`.
    Account(usize),
    Topic(TopicId),
    /// Two subjects of one family ("price floor" and "discount").
    Family(TopicId, TopicId),
    /// A rare word, as a term (lower case, singular).
    Word(&'a str),
    /// Two claims on accounts that name none.
    Unnamed,
    /// Both sides put a number on it: "price" or "margin".
    Figure(&'static str),
}

impl Subject<'_> {
    /// What makes two pairs one finding: the same place, account, subject or word, however
    /// each pair's statements named it.
    fn group(self) -> Self {
        match self {
            Subject::Place { place, .. } => Subject::Place {
                place,
                container: None,
            },
            other => other,
        }
    }
}

/// Looks up what a subject's sentence needs.
struct Namer<'a> {
    gazetteer: &'a Gazetteer,
    topics: &'a Topics,
    analysis: &'a Analysis,
}

impl Namer<'_> {
    /// Writes the subject as a finding's sentence names it; `first` is a statement of
    /// the finding, for a word as that statement writes it.
    fn name_into(&self, out: &mut String, subject: Subject, first: usize) {
        let readings = &self.analysis.readings;
        match subject {
            Subject::Place { place, container } => {
                out.push_str(self.gazetteer.name(place));
                let words = container
                    .and_then(|(reading, at)| readings.get(reading)?.places.get(at))
                    .map(|(_, words)| words.as_str());
                if let Some(words) = words {
                    out.push_str(" ('");
                    out.push_str(words);
                    out.push_str("' contains it)");
                }
            }
            Subject::Account(n) => {
                out.push_str("the account ");
                out.push_str(self.analysis.accounts.get(n).map_or("", String::as_str));
            }
            Subject::Topic(t) => out.push_str(self.topics.name(t)),
            Subject::Family(a, b) => {
                out.push_str(self.topics.name(a));
                out.push_str(" and ");
                out.push_str(self.topics.name(b));
            }
            Subject::Word(term) => {
                let shown = readings
                    .get(first)
                    .and_then(|r| r.terms.iter().find(|(t, _)| t == term))
                    .map_or(term, |(_, shown)| shown.as_str());
                out.push('\'');
                out.push_str(shown);
                out.push('\'');
            }
            Subject::Unnamed => out.push_str("accounts without naming them"),
            Subject::Figure(what) => out.push_str(what),
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

/// A finding in the making: its class, subject (as grouped) and two partners.
type GroupKey<'a> = (Class, Subject<'a>, PartnerId, PartnerId);

/// The first subject found for each pair, statements of the lower partner on the left.
struct Group<'a> {
    subject: Subject<'a>,
    left: Vec<usize>,
    right: Vec<usize>,
}

/// The subject chosen for each pair of interests (by index in the session), filled in
/// the order of the module comment: the first subject found for a pair is kept, and the
/// pair joins the finding of that subject and its two partners.
struct Subjects<'a> {
    analysis: &'a Analysis,
    /// Each reading's weight, by index: looked up for every pair offered.
    weights: Vec<Weight>,
    seen: PairSet,
    groups: HashMap<GroupKey<'a>, Group<'a>, Fast>,
}

impl<'a> Subjects<'a> {
    /// Whether statements `i` and `j` can collide on `subject` and have no subject yet;
    /// if so the pair takes this one.
    fn take(&mut self, i: usize, j: usize, subject: &Subject<'a>) -> bool {
        let (a, b) = (&self.analysis.readings[i], &self.analysis.readings[j]);
        if a.partner == b.partner || a.class != b.class || severity(a.weight, b.weight).is_none() {
            return false;
        }
        let pair = if i < j { (i, j) } else { (j, i) };
        !self.seen.contains(pair) && fits(subject, a, b) && self.seen.insert(pair)
    }

    /// `take` for two statements known to be of one class and different partners, as
    /// in `offer_same`, where this check runs for every pair of a list.
    fn take_across(&mut self, i: usize, j: usize, subject: &Subject<'a>) -> bool {
        // The weights and the pair's bit first: they sit in small arrays, where the
        // readings are large and scattered, and most pairs stop here.
        if severity(self.weights[i], self.weights[j]).is_none() {
            return false;
        }
        if self.seen.contains((i, j)) {
            return false;
        }
        let (a, b) = (&self.analysis.readings[i], &self.analysis.readings[j]);
        debug_assert!(a.partner != b.partner && a.class == b.class);
        fits(subject, a, b) && self.seen.insert((i, j))
    }

    fn group(&mut self, i: usize, j: usize, subject: Subject<'a>) -> &mut Group<'a> {
        let (a, b) = (&self.analysis.readings[i], &self.analysis.readings[j]);
        let (p, q) = (a.partner.min(b.partner), a.partner.max(b.partner));
        self.groups
            .entry((a.class, subject.group(), p, q))
            .or_insert_with(|| Group {
                subject,
                left: Vec::new(),
                right: Vec::new(),
            })
    }

    /// Offers one pair a subject worked out for it.
    fn offer(&mut self, i: usize, j: usize, subject: impl FnOnce() -> Option<Subject<'a>>) {
        let (a, b) = (&self.analysis.readings[i], &self.analysis.readings[j]);
        let pair = if i < j { (i, j) } else { (j, i) };
        if a.partner == b.partner || a.class != b.class || self.seen.contains(pair) {
            return;
        }
        let Some(subject) = subject() else {
            return;
        };
        if !self.take(i, j, &subject) {
            return;
        }
        let (left, right) = if a.partner < b.partner {
            (i, j)
        } else {
            (j, i)
        };
        let group = self.group(i, j, subject);
        group.left.push(left);
        group.right.push(right);
    }

    /// Offers every pair of one list, each with the subject worked out for it.
    fn offer_all(&mut self, list: &[usize], subject: impl Fn(usize, usize) -> Option<Subject<'a>>) {
        for (n, &i) in list.iter().enumerate() {
            for &j in &list[n + 1..] {
                self.offer(i, j, || subject(i, j));
            }
        }
    }

    /// Offers every pair of one list the same subject: the statements sorted by partner
    /// first, so each two partners' finding is looked up once, not once per pair. Every
    /// list given here holds statements of one class.
    fn offer_same(&mut self, list: &[usize], subject: Subject<'a>) {
        let readings = &self.analysis.readings;
        let mut sides: BTreeMap<PartnerId, Vec<usize>> = BTreeMap::new();
        for &i in list {
            sides.entry(readings[i].partner).or_default().push(i);
        }
        let sides: Vec<Vec<usize>> = sides.into_values().collect();
        for (x, mine) in sides.iter().enumerate() {
            for theirs in &sides[x + 1..] {
                let mut left = Vec::new();
                let mut taken = vec![false; theirs.len()];
                for &i in mine {
                    let mut any = false;
                    for (k, &j) in theirs.iter().enumerate() {
                        if self.take_across(i, j, &subject) {
                            any = true;
                            taken[k] = true;
                        }
                    }
                    if any {
                        left.push(i);
                    }
                }
                if let (Some(&i), Some(&j)) = (mine.first(), theirs.first())
                    && !left.is_empty()
                {
                    let right = theirs
                        .iter()
                        .zip(&taken)
                        .filter(|(_, t)| **t)
                        .map(|(j, _)| *j);
                    let group = self.group(i, j, subject);
                    group.left.extend(left);
                    group.right.extend(right);
                }
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
        Subject::Word(term) if a.class == Class::Accounts => {
            let both_named = !a.accounts.is_empty() && !b.accounts.is_empty();
            let as_name = |r: &Reading| {
                r.terms.iter().any(|(t, shown)| {
                    t == term && shown.chars().next().is_some_and(char::is_uppercase)
                })
            };
            !both_named && (as_name(a) || as_name(b))
        }
        Subject::Unnamed => !a.names_one && !b.names_one,
        _ if a.class == Class::Accounts => false,
        _ => true,
    }
}

fn place_subject<'a>(
    gazetteer: &Gazetteer,
    readings: &[Reading],
    i: usize,
    j: usize,
) -> Option<Subject<'a>> {
    let (a, b) = (readings.get(i)?, readings.get(j)?);
    for (n, (pa, _)) in a.places.iter().enumerate() {
        for (m, (pb, _)) in b.places.iter().enumerate() {
            if !gazetteer.overlaps(*pa, *pb) {
                continue;
            }
            let (place, container) = match gazetteer.overlap(*pa, *pb)? {
                Overlap::Same => (*pa, None),
                Overlap::AContainsB => (*pb, Some((i, n))),
                Overlap::BContainsA => (*pa, Some((j, m))),
                Overlap::Share(shared) => (shared, None),
            };
            return Some(Subject::Place { place, container });
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

fn choose_subjects<'a>(
    analysis: &'a Analysis,
    gazetteer: &Gazetteer,
    topics: &Topics,
) -> HashMap<GroupKey<'a>, Group<'a>, Fast> {
    let readings = &analysis.readings;
    let mut subjects = Subjects {
        analysis,
        weights: readings.iter().map(|r| r.weight).collect(),
        seen: PairSet::new(readings.len()),
        groups: HashMap::default(),
    };
    // 1. Places: every pair of one class that names places, checked for overlap.
    let mut placed: BTreeMap<Class, Vec<usize>> = BTreeMap::new();
    for (i, r) in readings.iter().enumerate() {
        if !r.places.is_empty() {
            placed.entry(r.class).or_default().push(i);
        }
    }
    for list in placed.values() {
        subjects.offer_all(list, |i, j| place_subject(gazetteer, readings, i, j));
    }
    // 2. Accounts of the glossary.
    for ((_, account), list) in postings(readings, |r| r.accounts.clone()) {
        subjects.offer_same(&list, Subject::Account(account));
    }
    // 3. Subjects of the shipped list. Who leads an account is not settled by both
    // sides saying "account leadership": there it takes the same account.
    let topic_keys = |r: &Reading| -> Vec<TopicId> {
        if r.class == Class::Accounts {
            Vec::new()
        } else {
            r.topics.clone()
        }
    };
    for ((_, topic), list) in postings(readings, topic_keys) {
        subjects.offer_same(&list, Subject::Topic(topic));
    }
    // Two subjects of one family collide too ("price floor" against "discount"). Each
    // subject's family is looked up once here, not by name for every pair.
    let family_of: Vec<Option<&'static str>> =
        topics.ids().map(|t| family(topics.name(t))).collect();
    let family_of = |t: TopicId| family_of.get(usize::from(t.0)).copied().flatten();
    let families = |r: &Reading| -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = topic_keys(r).into_iter().filter_map(family_of).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };
    for (_, list) in postings(readings, families) {
        subjects.offer_all(&list, |i, j| {
            family_subject(family_of, &readings[i], &readings[j])
        });
    }
    // 4. Rare words, the rarest first, so a pair is named by its most telling word.
    let mut by_word: HashMap<(Class, &str), Vec<usize>, Fast> = HashMap::default();
    for (i, r) in readings.iter().enumerate() {
        for (t, _) in &r.terms {
            by_word.entry((r.class, t.as_str())).or_default().push(i);
        }
    }
    let used = |t: &str| analysis.frequency.get(t).copied().unwrap_or(0);
    // Each word's count looked up once, not at every comparison of the sort.
    let mut words: Vec<(usize, (Class, &str), Vec<usize>)> = by_word
        .into_iter()
        .filter(|((_, t), list)| list.len() >= 2 && analysis.is_rare(t))
        .map(|(key, list)| (used(key.1), key, list))
        .collect();
    words.sort_unstable_by(|(n, a, _), (m, b, _)| n.cmp(m).then_with(|| a.cmp(b)));
    for (_, (_, term), list) in words {
        subjects.offer_same(&list, Subject::Word(term));
    }
    // 5. Claims on accounts that name none: "our top 20 accounts" against "EMEA
    // enterprise accounts" may well be the same customers, and nobody can tell which.
    let unnamed: Vec<usize> = (0..readings.len())
        .filter(|&i| readings[i].class == Class::Accounts && !readings[i].names_one)
        .collect();
    subjects.offer_same(&unnamed, Subject::Unnamed);
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
    subjects.groups
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
fn family_subject<'a>(
    family_of: impl Fn(TopicId) -> Option<&'static str>,
    a: &Reading,
    b: &Reading,
) -> Option<Subject<'a>> {
    for ta in &a.topics {
        for tb in &b.topics {
            let (fa, fb) = (family_of(*ta), family_of(*tb));
            if ta != tb && fa.is_some() && fa == fb {
                return Some(Subject::Family(*ta, *tb));
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

/// Writes the statements of one side, quoted: the first, and how many more say the same.
fn quote_side(out: &mut String, session: &Session, items: &[usize]) {
    if let Some(first) = items.first().and_then(|&i| session.interests.get(i)) {
        quote_into(out, &first.statement);
    }
    if items.len() > 1 {
        out.push_str(" (and ");
        push_number(out, u32::try_from(items.len() - 1).unwrap_or(u32::MAX));
        out.push_str(" more)");
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
    let topics = Topics::shipped();
    let groups = choose_subjects(&analysis, gazetteer, topics);
    let namer = Namer {
        gazetteer,
        topics,
        analysis: &analysis,
    };
    let partner_names: HashMap<PartnerId, String> = session
        .partners
        .iter()
        .map(|p| (p.id, session.partner_name(p.id)))
        .collect();
    // `detect` sorts the findings, so the order groups come out in does not matter.
    for ((class, _, p, q), group) in groups {
        let Group {
            subject,
            mut left,
            mut right,
        } = group;
        left.sort_unstable();
        left.dedup();
        right.sort_unstable();
        right.dedup();
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
        let shared_terms = match subject {
            Subject::Word(term) => vec![term.to_string()],
            _ => Vec::new(),
        };
        let key = format!("pair:{}", items_key(&items));
        // "A and B both claim Bavaria ('DACH' contains it): '…' and '…'."
        let mut explanation = String::with_capacity(200);
        explanation.push_str(partner_names.get(&p).map_or("", String::as_str));
        explanation.push_str(" and ");
        explanation.push_str(partner_names.get(&q).map_or("", String::as_str));
        explanation.push(' ');
        explanation.push_str(claim(class));
        explanation.push(' ');
        namer.name_into(&mut explanation, subject, left[0]);
        explanation.push_str(": ");
        quote_side(&mut explanation, session, &left);
        explanation.push_str(" and ");
        quote_side(&mut explanation, session, &right);
        explanation.push('.');
        out.push(Finding {
            key,
            rule: Rule::ClashingInterests,
            category,
            partners: vec![p, q],
            explanation,
            items,
            severity,
            shared_terms,
            prompt: Some(prompt(class).to_string()),
        });
    }
}
