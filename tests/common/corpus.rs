//! The labelled corpus of `tests/corpus/`: its case format (described at the top of
//! `tests/detection_corpus.rs`), reading and checking the files, and building each case
//! into a session through the domain's own changes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Deserialize;

use sameside::domain::templates::template_roles;
use sameside::domain::*;

// ---------------------------------------------------------------- the format

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub title: String,
    pub kind: PartnershipType,
    pub partners: Vec<PartnerSpec>,
    #[serde(default)]
    pub glossary: Vec<Gloss>,
    #[serde(default)]
    pub roles: Vec<RoleSpec>,
    #[serde(default)]
    pub holes: Vec<HoleSpec>,
    pub expect: Vec<(String, String, String)>,
    #[serde(default)]
    pub never: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerSpec {
    pub name: String,
    #[serde(default)]
    pub products: Vec<String>,
    pub interests: Vec<InterestSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestSpec {
    pub label: String,
    pub say: String,
    pub cat: InterestCategory,
    pub weight: Weight,
    pub by: Function,
}

/// What the room writes into the session glossary.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Gloss {
    Account {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
    Place {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
        within: Vec<String>,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    pub name: String,
    pub raci: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoleSpec {
    pub owner: String,
    pub text: String,
    pub filled_by: Filler,
}

#[derive(Debug, Deserialize)]
pub enum Filler {
    Itself,
    Partner(String),
    ThirdParty,
    Unresolved,
}

/// One case file, read and checked.
pub struct Loaded {
    pub name: String,
    pub case: Case,
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every case in the corpus, sorted by file name so the report reads the same each run.
pub fn load_corpus() -> Result<Vec<Loaded>, String> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let case = parse_case(&text).map_err(|e| format!("{}:{e}", path.display()))?;
            let name = path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            Ok(Loaded { name, case })
        })
        .collect()
}

/// One case from its text; the error starts with `line:col`.
pub fn parse_case(text: &str) -> Result<Case, String> {
    ron::from_str(text).map_err(|e| e.to_string())
}

impl Case {
    /// The partner (index into `partners`) of every interest label.
    pub fn owners(&self) -> BTreeMap<&str, usize> {
        let mut owners = BTreeMap::new();
        for (n, p) in self.partners.iter().enumerate() {
            for i in &p.interests {
                owners.insert(i.label.as_str(), n);
            }
        }
        owners
    }

    /// What is wrong with the case as written, one line each.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let owners = self.owners();
        let labels: Vec<&str> = self
            .partners
            .iter()
            .flat_map(|p| p.interests.iter().map(|i| i.label.as_str()))
            .collect();
        if labels.len() != owners.len() {
            out.push("an interest label is used twice".to_string());
        }
        if !(2..=8).contains(&self.partners.len()) {
            out.push(format!("{} partners (2 to 8)", self.partners.len()));
        }
        if self.expect.is_empty() {
            out.push("no expected pair".to_string());
        }
        let mut seen = BTreeSet::new();
        let expect = self.expect.iter().map(|(a, b, _)| (a, b, true));
        let never = self.never.iter().map(|(a, b)| (a, b, false));
        for (a, b, expected) in expect.chain(never) {
            match (owners.get(a.as_str()), owners.get(b.as_str())) {
                (Some(p), Some(q)) if p == q && expected => {
                    out.push(format!("expected pair {a}/{b} is one partner's"))
                }
                (Some(_), Some(_)) => {}
                _ => out.push(format!("pair {a}/{b} names an unknown label")),
            }
            let key = if a < b { (a, b) } else { (b, a) };
            if !seen.insert(key) {
                out.push(format!("pair {a}/{b} is listed twice"));
            }
        }
        for (a, b, on) in &self.expect {
            if on.trim().is_empty() {
                out.push(format!(
                    "expected pair {a}/{b} does not say what it is about"
                ));
            }
        }
        for role in &self.roles {
            if role.raci.chars().count() != self.partners.len() {
                out.push(format!("role '{}': one letter per partner", role.name));
            }
            if let Some(c) = role.raci.chars().find(|c| !"RACI-".contains(*c)) {
                out.push(format!(
                    "role '{}': '{c}' is not R, A, C, I or -",
                    role.name
                ));
            }
        }
        let mut products = BTreeSet::new();
        for name in self.partners.iter().flat_map(|p| &p.products) {
            if name.trim().is_empty() || !products.insert(name.to_lowercase()) {
                out.push(format!("product '{name}' is blank or named twice"));
            }
        }
        for entry in &self.glossary {
            let (name, aliases, within) = match entry {
                Gloss::Account { name, aliases } => (name, aliases, None),
                Gloss::Place {
                    name,
                    aliases,
                    within,
                } => (name, aliases, Some(within)),
            };
            if name.trim().is_empty() || aliases.iter().any(|a| a.trim().is_empty()) {
                out.push(format!("glossary entry '{name}' has a blank name or alias"));
            }
            if within.is_some_and(|w| w.is_empty()) {
                out.push(format!("glossary place '{name}' is within nothing"));
            }
        }
        let named = |n: &str| self.partners.iter().any(|p| p.name == n);
        for hole in &self.holes {
            if !named(&hole.owner) {
                out.push(format!("hole owner '{}' is not a partner", hole.owner));
            }
            if let Filler::Partner(p) = &hole.filled_by
                && !named(p)
            {
                out.push(format!("hole filler '{p}' is not a partner"));
            }
        }
        out
    }
}

// ---------------------------------------------------------------- building the session

/// A session built from a case, and which interest each label became.
pub struct Built {
    pub session: Session,
    pub ids: BTreeMap<String, ItemId>,
}

struct Clock {
    history: History,
    at: DateTime<Utc>,
}

impl Clock {
    fn record(&mut self, change: Change) -> Result<(), String> {
        self.at += Duration::seconds(30);
        let text = format!("{change:?}");
        self.history
            .record(self.at, change)
            .map(|_| ())
            .map_err(|e| format!("{text} was refused: {e}"))
    }

    fn fresh(&self) -> ItemId {
        self.history.session().fresh_id()
    }
}

/// Builds the session the way a room would: gate passed, roles and holes, interests, and
/// the conflict check on the wall, so every rule that reads interests runs.
pub fn build(case: &Case) -> Result<Built, String> {
    let partner_id = |name: &str| -> Result<PartnerId, String> {
        let n = case.partners.iter().position(|p| p.name == name);
        n.map(|n| PartnerId(n as u32 + 1))
            .ok_or(format!("no partner '{name}'"))
    };
    let start = Utc
        .with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .ok_or("start time")?;
    let created = Change::Created {
        title: case.title.clone(),
        moderator: "Corpus".to_string(),
        kind: case.kind.clone(),
        partners: (1..)
            .zip(&case.partners)
            .map(|(id, p)| NewPartner {
                id: PartnerId(id),
                name: p.name.clone(),
                brings: String::new(),
            })
            .collect(),
        roles: template_roles(&case.kind, 1),
    };
    let history = History::create(start, created).map_err(|e| e.to_string())?;
    let mut c = Clock { history, at: start };
    c.record(Change::StatementSet {
        text: format!("Together: {}", case.title),
    })?;
    for n in 1..=case.partners.len() {
        c.record(Change::AgreementSet {
            partner: PartnerId(n as u32),
            agreed: true,
        })?;
    }
    c.record(Change::GateDecided {
        decision: GateDecision::Proceed {
            override_reason: None,
        },
    })?;
    c.record(Change::MovedTo {
        stage: Stage::Roles,
    })?;
    for spec in &case.roles {
        let known = c
            .history
            .session()
            .roles
            .iter()
            .find(|r| r.name == spec.name);
        let role = match known {
            Some(r) => r.id,
            None => {
                let id = c.fresh();
                let role = Role {
                    id,
                    name: spec.name.clone(),
                    raci: Default::default(),
                };
                c.record(Change::RoleAdded { role })?;
                id
            }
        };
        for (n, letter) in spec.raci.chars().enumerate() {
            let letter = Raci::ALL.iter().copied().find(|l| l.letter() == letter);
            if letter.is_some() {
                c.record(Change::RaciSet {
                    role,
                    partner: PartnerId(n as u32 + 1),
                    letter,
                })?;
            }
        }
    }
    for spec in &case.holes {
        let filled_by = match &spec.filled_by {
            Filler::Itself => HoleFiller::Itself,
            Filler::Partner(name) => HoleFiller::Partner(partner_id(name)?),
            Filler::ThirdParty => HoleFiller::ThirdParty,
            Filler::Unresolved => HoleFiller::Unresolved,
        };
        let hole = Hole {
            id: c.fresh(),
            owner: partner_id(&spec.owner)?,
            text: spec.text.clone(),
            filled_by,
        };
        c.record(Change::HoleAdded { hole })?;
    }
    c.record(Change::MovedTo {
        stage: Stage::Interests,
    })?;
    let mut ids = BTreeMap::new();
    for (n, p) in case.partners.iter().enumerate() {
        for spec in &p.interests {
            let interest = Interest {
                id: c.fresh(),
                partner: PartnerId(n as u32 + 1),
                statement: spec.say.clone(),
                category: spec.cat,
                weight: spec.weight,
                function: spec.by,
            };
            ids.insert(spec.label.clone(), interest.id);
            c.record(Change::InterestAdded { interest })?;
        }
    }
    for (kind, name, aliases) in glossary_entries(case) {
        let entry = GlossaryEntry {
            id: c.fresh(),
            kind,
            name,
            aliases,
        };
        c.record(Change::GlossaryAdded { entry })?;
    }
    c.record(Change::MovedTo {
        stage: Stage::Conflicts,
    })?;
    Ok(Built {
        session: c.history.session().clone(),
        ids,
    })
}

/// The glossary entries of a case (accounts with aliases, extra places, each partner's
/// products) as the entries a moderator would add on the conflict screen, in file order.
pub fn glossary_entries(case: &Case) -> Vec<(GlossaryKind, String, Vec<String>)> {
    let products = case.partners.iter().enumerate().flat_map(|(n, p)| {
        p.products.iter().map(move |name| {
            let partner = PartnerId(n as u32 + 1);
            (GlossaryKind::Product { partner }, name.clone(), Vec::new())
        })
    });
    case.glossary
        .iter()
        .map(|gloss| match gloss {
            Gloss::Account { name, aliases } => {
                (GlossaryKind::Account, name.clone(), aliases.clone())
            }
            Gloss::Place {
                name,
                aliases,
                within,
            } => (
                GlossaryKind::Place {
                    within: within.clone(),
                },
                name.clone(),
                aliases.clone(),
            ),
        })
        .chain(products)
        .collect()
}
