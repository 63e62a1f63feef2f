//! Subjects as knowledge, not words: a lexicon of the things partners negotiate about
//! (price, royalty, branding, source code, support, …), each with the words for it in
//! the main European languages. "Redevance" and "royalty", "connecteurs" and
//! "connectors", "Facturamos" and "invoice" share no word, but each pair names one
//! subject, so two statements about it can be seen to collide on it.
//!
//! The shipped data is `topics.ron` (compiled into the program, read once). Matching is
//! the place matcher's (`places::text`): whole words, case and accents ignored, the
//! longest phrase at each word wins ("list price" rather than "price", "background IP"
//! rather than "IP").

mod load;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use load::TopicsError;

use super::places::text::{NameIndex, Words, spellings};

/// A topic of one lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TopicId(pub u16);

#[derive(Debug, Clone)]
struct Topic {
    name: String,
    /// The words as the data writes them (ending groups not yet spelled out).
    words: Vec<String>,
    /// Every form the words stand for, ending groups spelled out.
    forms: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Topics {
    topics: Vec<Topic>,
    index: NameIndex<TopicId>,
}

const SHIPPED_RON: &str = include_str!("topics.ron");

impl Topics {
    /// The lexicon shipped with sameside, read on first use. Should the data be broken
    /// (a bug the tests catch), it is empty: no topic is found, nothing crashes.
    pub fn shipped() -> &'static Topics {
        static SHIPPED: OnceLock<Topics> = OnceLock::new();
        SHIPPED.get_or_init(|| Topics::load_shipped().unwrap_or_default())
    }

    /// Reads the shipped data afresh, with what is wrong with it.
    pub fn load_shipped() -> Result<Topics, TopicsError> {
        Topics::from_ron(SHIPPED_RON)
    }

    /// Reads a lexicon in the format of `topics.ron`. Every word (in every spelling) may
    /// name one topic only: a word shared by two topics could not say which subject two
    /// statements collide on.
    pub fn from_ron(ron_text: &str) -> Result<Topics, TopicsError> {
        let file = load::parse(ron_text)?;
        if file.topics.len() > usize::from(u16::MAX) {
            return Err(TopicsError::TooMany);
        }
        let mut lexicon = Topics::default();
        let mut names: HashMap<String, TopicId> = HashMap::new();
        let mut owner: HashMap<String, TopicId> = HashMap::new();
        for (n, entry) in file.topics.into_iter().enumerate() {
            let id = TopicId(n as u16);
            if names.insert(folded(&entry.name), id).is_some() {
                return Err(TopicsError::NameTwice { name: entry.name });
            }
            if entry.words.is_empty() {
                return Err(TopicsError::NoWords { topic: entry.name });
            }
            let bad = |word: &str, problem| TopicsError::BadWord {
                topic: entry.name.clone(),
                word: word.to_string(),
                problem,
            };
            let mut forms = Vec::new();
            for word in &entry.words {
                for form in load::expand(word).map_err(|problem| bad(word, problem))? {
                    for spelling in spellings(&form) {
                        if !lexicon.index.add(&spelling, id) {
                            return Err(bad(word, "has a form with no letters in it"));
                        }
                        let first = *owner.entry(folded(&spelling)).or_insert(id);
                        if first != id {
                            return Err(TopicsError::WordTwice {
                                word: spelling,
                                first: lexicon.topics[usize::from(first.0)].name.clone(),
                                second: entry.name.clone(),
                            });
                        }
                    }
                    if !forms.contains(&form) {
                        forms.push(form);
                    }
                }
            }
            lexicon.topics.push(Topic {
                name: entry.name,
                words: entry.words,
                forms,
            });
        }
        Ok(lexicon)
    }

    pub fn len(&self) -> usize {
        self.topics.len()
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    /// Every topic, in the order of the data.
    pub fn ids(&self) -> impl Iterator<Item = TopicId> + '_ {
        (0..self.topics.len()).map(|n| TopicId(n as u16))
    }

    fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.topics.get(usize::from(id.0))
    }

    /// The English display name: "royalty". Empty for an id of another lexicon.
    pub fn name(&self, id: TopicId) -> &str {
        self.topic(id).map_or("", |t| t.name.as_str())
    }

    /// The topic's words as the data writes them ("connector[|s]").
    pub fn words(&self, id: TopicId) -> &[String] {
        self.topic(id).map_or(&[], |t| t.words.as_slice())
    }

    /// Every form the topic's words stand for, ending groups spelled out ("connector",
    /// "connectors").
    pub fn forms(&self, id: TopicId) -> &[String] {
        self.topic(id).map_or(&[], |t| t.forms.as_slice())
    }

    /// The topic with this display name, ignoring case and accents.
    pub fn find(&self, name: &str) -> Option<TopicId> {
        let wanted = folded(name);
        self.ids().find(|&id| folded(self.name(id)) == wanted)
    }

    /// Topics named in `text`, each with the words that named it, in text order, each
    /// topic once.
    ///
    /// Whole words only, case and accents ignored ("Redevance", "REDEVANCE"); a word the
    /// data writes in capitals ("SLA", "NDA") must be written in capitals. At each word
    /// the longest phrase wins and uses its words up: "price floor" is the price floor,
    /// not also the price.
    pub fn topics_in(&self, text: &str) -> Vec<(TopicId, String)> {
        self.index.find(text)
    }

    /// The topics `topics_in` finds, in a statement already cut into words.
    pub(crate) fn topic_ids_in(&self, words: &Words) -> Vec<TopicId> {
        self.index.ids_in(words)
    }
}

/// A word as the matcher compares it: folded words joined by single spaces.
fn folded(word: &str) -> String {
    Words::new(word).joined()
}
