//! Places as knowledge, not words: a gazetteer of countries, their groupings, regions and
//! large cities, with their names in the main European languages, and how any two of them
//! overlap. "Exclusive reseller for Bavaria" and "we cover all of DACH" share no word,
//! but Bavaria lies in Germany, which lies in DACH.
//!
//! The shipped data is `gazetteer.ron` (compiled into the program, read once); a session's
//! glossary adds places of its own with [`Gazetteer::extended`].
//!
//! Containment follows the `within` links of the data and is transitive: a place lies
//! inside its parents, their parents and so on. Two places overlap when one contains the
//! other or when some place lies inside both (the Nordics and the EU share Sweden).

mod load;
pub(crate) mod text;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

pub use load::GazetteerError;
use text::{NameIndex, Words, spellings};

/// A place of one gazetteer (ids of a gazetteer and of its extension agree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(pub u16);

/// What sort of place it is; it changes nothing in matching or overlap, it keeps the data
/// readable and lets tests check coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Kind {
    /// Several countries under one name: DACH, the Nordics, EMEA.
    Grouping,
    Country,
    /// A part of a country: a German Land, a US state, a French région.
    Region,
    City,
    /// Added by a session's glossary.
    Glossary,
}

/// How two places overlap (see [`Gazetteer::overlap`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Overlap {
    /// The same place, perhaps named differently ("Bayern" and "Bavaria").
    Same,
    /// The first place contains the second (DACH contains Bavaria).
    AContainsB,
    /// The second place contains the first.
    BContainsA,
    /// Neither contains the other, but both contain this place (the Nordics and the EU
    /// both contain Denmark).
    Share(PlaceId),
}

#[derive(Debug, Clone)]
struct Place {
    name: String,
    kind: Kind,
    parents: Vec<PlaceId>,
    /// Every name but the English one, as written in the data or the glossary.
    names: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// u64 words per bit set below.
    stride: usize,
    /// For each place, a bit set over ids of itself and every place inside it.
    inside: Vec<u64>,
    index: NameIndex,
    /// Every folded name (words joined by one space) → the places it names.
    by_name: HashMap<String, Vec<PlaceId>>,
}

const SHIPPED_RON: &str = include_str!("gazetteer.ron");

impl Gazetteer {
    /// The gazetteer shipped with sameside, read on first use. Should the data be broken
    /// (a bug the tests catch), it is empty: no place is found, nothing crashes.
    pub fn shipped() -> &'static Gazetteer {
        static SHIPPED: OnceLock<Gazetteer> = OnceLock::new();
        SHIPPED.get_or_init(|| Gazetteer::load_shipped().unwrap_or_default())
    }

    /// Reads the shipped data afresh, with what is wrong with it.
    pub fn load_shipped() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_ron(SHIPPED_RON)
    }

    /// Reads a gazetteer in the format of `gazetteer.ron`.
    pub fn from_ron(ron_text: &str) -> Result<Gazetteer, GazetteerError> {
        let file = load::parse(ron_text)?;
        if file.places.len() > usize::from(u16::MAX) {
            return Err(GazetteerError::TooMany);
        }
        let mut ids: HashMap<String, PlaceId> = HashMap::new();
        for (n, entry) in file.places.iter().enumerate() {
            let id = PlaceId(n as u16);
            if let Some(first) = ids.insert(folded(&entry.name), id) {
                return Err(GazetteerError::NameTwice {
                    name: entry.name.clone(),
                    first: file.places[usize::from(first.0)].name.clone(),
                    second: entry.name.clone(),
                });
            }
        }
        let mut places = Vec::with_capacity(file.places.len());
        for entry in file.places {
            let mut parents = Vec::with_capacity(entry.within.len());
            for parent in &entry.within {
                let Some(&id) = ids.get(&folded(parent)) else {
                    return Err(GazetteerError::UnknownParent {
                        place: entry.name,
                        parent: parent.clone(),
                    });
                };
                parents.push(id);
            }
            places.push(Place {
                name: entry.name,
                kind: entry.kind,
                parents,
                names: entry.names,
            });
        }
        Gazetteer::build(places, true)
    }

    /// The index and the containment sets over `places`. `strict` (the shipped data)
    /// refuses a name given to two places; a glossary may do that knowingly.
    fn build(places: Vec<Place>, strict: bool) -> Result<Gazetteer, GazetteerError> {
        let mut gazetteer = Gazetteer {
            stride: places.len().div_ceil(64),
            places,
            ..Gazetteer::default()
        };
        for (n, place) in gazetteer.places.iter().enumerate() {
            let id = PlaceId(n as u16);
            for name in std::iter::once(&place.name).chain(&place.names) {
                for spelling in spellings(name) {
                    if !gazetteer.index.add(&spelling, id) {
                        if strict {
                            return Err(GazetteerError::EmptyName {
                                place: place.name.clone(),
                                name: name.clone(),
                            });
                        }
                        continue;
                    }
                    let ids = gazetteer.by_name.entry(folded(&spelling)).or_default();
                    if let Some(&other) = ids.iter().find(|&&other| other != id)
                        && strict
                    {
                        return Err(GazetteerError::NameTwice {
                            name: spelling,
                            first: gazetteer.places[usize::from(other.0)].name.clone(),
                            second: place.name.clone(),
                        });
                    }
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        gazetteer.inside = containment(&gazetteer.places, gazetteer.stride)?;
        Ok(gazetteer)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place, in the order of the data.
    pub fn ids(&self) -> impl Iterator<Item = PlaceId> + '_ {
        (0..self.places.len()).map(|n| PlaceId(n as u16))
    }

    fn place(&self, id: PlaceId) -> Option<&Place> {
        self.places.get(usize::from(id.0))
    }

    /// The English name: "Bavaria". Empty for an id of another gazetteer.
    pub fn name(&self, id: PlaceId) -> &str {
        self.place(id).map_or("", |p| p.name.as_str())
    }

    /// The place's other names, as the data writes them.
    pub fn other_names(&self, id: PlaceId) -> &[String] {
        self.place(id).map_or(&[], |p| p.names.as_slice())
    }

    pub fn kind(&self, id: PlaceId) -> Option<Kind> {
        self.place(id).map(|p| p.kind)
    }

    /// The places this one lies directly inside.
    pub fn parents(&self, id: PlaceId) -> &[PlaceId] {
        self.place(id).map_or(&[], |p| p.parents.as_slice())
    }

    /// The place called exactly `name` in any of its names, ignoring case and accents
    /// ("bayern" → Bavaria).
    pub fn find(&self, name: &str) -> Option<PlaceId> {
        self.by_name
            .get(&folded(name))
            .and_then(|ids| ids.first().copied())
    }

    /// Places named in `text`, each with the words that named it ("Bayern", "DACH").
    ///
    /// Whole words only, case and accents ignored: "Zurich" finds "Zürich", "Oslo" is
    /// not found in "Osloer", "Austria" not in "Austrian" (which is a name of its own).
    /// A name the data writes in capitals must be written in capitals ("DACH", not the
    /// German word "Dach"), and two-letter codes do not count in a text written all in
    /// capitals. At each word the longest name wins ("North America", not "America").
    pub fn places_in(&self, text: &str) -> Vec<(PlaceId, String)> {
        self.index.find(text)
    }

    /// `places_in` over a statement already cut into words.
    pub(crate) fn places_in_words(&self, words: &Words) -> Vec<(PlaceId, String)> {
        self.index.find_in(words)
    }

    /// How two places overlap: None when they do not. Containment is transitive
    /// (DACH contains Munich through Germany and Bavaria). When neither contains the
    /// other, `Share` names the first place in the data's order that lies inside both
    /// and is not itself inside another such place: a country rather than its cities.
    pub fn overlap(&self, a: PlaceId, b: PlaceId) -> Option<Overlap> {
        if a == b {
            return Some(Overlap::Same);
        }
        let (sa, sb) = (self.inside_of(a)?, self.inside_of(b)?);
        if has(sa, b) {
            return Some(Overlap::AContainsB);
        }
        if has(sb, a) {
            return Some(Overlap::BContainsA);
        }
        let both: Vec<u64> = sa.iter().zip(sb).map(|(x, y)| x & y).collect();
        self.ids()
            .filter(|&id| has(&both, id))
            .find(|&id| !self.parents(id).iter().any(|&p| has(&both, p)))
            .map(Overlap::Share)
    }

    /// Whether two places overlap at all: `overlap(a, b).is_some()` without working out
    /// how, and without allocating. The rules ask this for many pairs of statements.
    pub fn overlaps(&self, a: PlaceId, b: PlaceId) -> bool {
        if a == b {
            return true;
        }
        let (Some(sa), Some(sb)) = (self.inside_of(a), self.inside_of(b)) else {
            return false;
        };
        has(sa, b) || has(sb, a) || sa.iter().zip(sb).any(|(x, y)| x & y != 0)
    }

    fn inside_of(&self, id: PlaceId) -> Option<&[u64]> {
        let start = usize::from(id.0) * self.stride;
        self.inside.get(start..start + self.stride)
    }

    /// The same gazetteer with extra places a session names (its glossary): each is
    /// `(name, aliases, within)`, `within` naming places already known (by any of their
    /// names) that contain the new one. A name the gazetteer already knows adds the
    /// aliases and containers to that place instead. Names of `within` that match no
    /// place are ignored, and so is a container that would put a place inside itself.
    pub fn extended(&self, extra: &[(String, Vec<String>, Vec<String>)]) -> Gazetteer {
        let mut places = self.places.clone();
        let mut by_name = self.by_name.clone();
        let resolve = |by_name: &HashMap<String, Vec<PlaceId>>, name: &String| {
            by_name
                .get(&folded(name))
                .and_then(|ids| ids.first().copied())
        };
        // An entry may sit inside another entry listed after it: take entries whose
        // containers are all known first, then the rest with what is known.
        let mut pending: Vec<&(String, Vec<String>, Vec<String>)> = extra.iter().collect();
        let mut patient = true;
        while !pending.is_empty() {
            let before = pending.len();
            pending.retain(|&(name, aliases, within)| {
                let known: Vec<PlaceId> =
                    within.iter().filter_map(|w| resolve(&by_name, w)).collect();
                if patient && known.len() < within.len() {
                    return true;
                }
                if places.len() >= usize::from(u16::MAX) || folded(name).is_empty() {
                    return false;
                }
                let id = match resolve(&by_name, name) {
                    Some(id) => id,
                    None => {
                        places.push(Place {
                            name: name.trim().to_string(),
                            kind: Kind::Glossary,
                            parents: Vec::new(),
                            names: Vec::new(),
                        });
                        PlaceId((places.len() - 1) as u16)
                    }
                };
                for parent in known {
                    let place = &places[usize::from(id.0)];
                    if !place.parents.contains(&parent) && !lies_inside(&places, parent, id) {
                        places[usize::from(id.0)].parents.push(parent);
                    }
                }
                for alias in std::iter::once(name).chain(aliases) {
                    let ids = by_name.entry(folded(alias)).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                    let names = &mut places[usize::from(id.0)].names;
                    if alias != name && !names.contains(alias) {
                        names.push(alias.clone());
                    }
                }
                false
            });
            if pending.len() == before {
                patient = false;
            }
        }
        Gazetteer::build(places, false).unwrap_or_else(|_| self.clone())
    }
}

/// A name as the matcher compares it: folded words joined by single spaces.
fn folded(name: &str) -> String {
    Words::new(name).joined()
}

fn has(set: &[u64], id: PlaceId) -> bool {
    let n = usize::from(id.0);
    set.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0)
}

/// Whether `place` is `container` or lies inside it, following parent links.
fn lies_inside(places: &[Place], place: PlaceId, container: PlaceId) -> bool {
    let mut stack = vec![place];
    let mut seen = vec![false; places.len()];
    while let Some(p) = stack.pop() {
        if p == container {
            return true;
        }
        let n = usize::from(p.0);
        if n < places.len() && !seen[n] {
            seen[n] = true;
            stack.extend(&places[n].parents);
        }
    }
    false
}

/// For each place, the bit set of itself and every place inside it (rows of `stride`
/// words). A loop of parent links is an error naming a place on the loop.
fn containment(places: &[Place], stride: usize) -> Result<Vec<u64>, GazetteerError> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    // Each place's containers (itself included), worked out parents first.
    let mut above = vec![0u64; places.len() * stride];
    let mut state = vec![State::New; places.len()];
    for root in 0..places.len() {
        if state[root] != State::New {
            continue;
        }
        // Depth-first without recursion: (place, parents looked at so far).
        let mut stack = vec![(root, 0usize)];
        state[root] = State::Open;
        while let Some(top) = stack.last_mut() {
            let (n, next) = *top;
            if let Some(parent) = places[n].parents.get(next) {
                top.1 += 1;
                let p = usize::from(parent.0);
                match state[p] {
                    State::Open => {
                        return Err(GazetteerError::Loop {
                            place: places[p].name.clone(),
                        });
                    }
                    State::New => {
                        state[p] = State::Open;
                        stack.push((p, 0));
                    }
                    State::Done => {}
                }
                continue;
            }
            above[n * stride + n / 64] |= 1 << (n % 64);
            for parent in &places[n].parents {
                let p = usize::from(parent.0);
                for w in 0..stride {
                    above[n * stride + w] |= above[p * stride + w];
                }
            }
            state[n] = State::Done;
            stack.pop();
        }
    }
    // Transpose: `d` lies inside `a` when `a` is above `d`.
    let mut inside = vec![0u64; places.len() * stride];
    for d in 0..places.len() {
        for a in 0..places.len() {
            if above[d * stride + a / 64] & (1 << (a % 64)) != 0 {
                inside[a * stride + d / 64] |= 1 << (d % 64);
            }
        }
    }
    Ok(inside)
}
