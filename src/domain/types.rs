//! The vocabulary of a partnership session: small enums and identifiers shared by every
//! stage. Each enum knows its human label and its full list, so screens can cycle through
//! choices and files can name them without either side hard-coding strings.

use serde::{Deserialize, Serialize};

/// Identifies a partner for the whole life of a session. Stored as a plain number so a
/// person writing a session file by hand can refer to partners as `1`, `2`, …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerId(pub u32);

/// The number as a file writes it, for messages about a file.
impl std::fmt::Display for PartnerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Identifies an item (role, hole, interest, conflict, action item, representative).
/// Ids come from one counter per session and are never reused, so an event can name the
/// item it touches even after other items were removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub u32);

/// Implements `ALL`, `label()` and `next()/prev()` for a fieldless enum so that every
/// choice in the app cycles the same way.
macro_rules! choice_enum {
    ($name:ident { $($variant:ident => $label:expr),+ $(,)? }) => {
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            fn position(self) -> usize {
                Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
            }

            /// The following choice, wrapping around.
            pub fn next(self) -> Self {
                Self::ALL[(self.position() + 1) % Self::ALL.len()]
            }

            /// The preceding choice, wrapping around.
            pub fn prev(self) -> Self {
                Self::ALL[(self.position() + Self::ALL.len() - 1) % Self::ALL.len()]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

/// The kind of partnership being explored; it picks the role template for the role split.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnershipType {
    ChannelReseller,
    SystemIntegrator,
    ServiceProvider,
    AllianceMember,
    TechnologyOem,
    RdConsortium,
    /// A kind the list does not cover, named by the room.
    Other(String),
}

impl PartnershipType {
    /// The named kinds, in the order the setup screen offers them (Other comes last).
    pub const NAMED: [PartnershipType; 6] = [
        PartnershipType::ChannelReseller,
        PartnershipType::SystemIntegrator,
        PartnershipType::ServiceProvider,
        PartnershipType::AllianceMember,
        PartnershipType::TechnologyOem,
        PartnershipType::RdConsortium,
    ];

    pub fn label(&self) -> String {
        match self {
            PartnershipType::ChannelReseller => "channel reseller".into(),
            PartnershipType::SystemIntegrator => "system integrator".into(),
            PartnershipType::ServiceProvider => "service provider".into(),
            PartnershipType::AllianceMember => "alliance member".into(),
            PartnershipType::TechnologyOem => "technology OEM".into(),
            PartnershipType::RdConsortium => "R&D consortium".into(),
            PartnershipType::Other(name) if name.trim().is_empty() => "other".into(),
            PartnershipType::Other(name) => name.clone(),
        }
    }

    /// Parses the words a user types on the command line (`--type system-integrator`).
    pub fn parse(text: &str) -> Option<PartnershipType> {
        let key: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let named = match key.as_str() {
            "channelreseller" | "reseller" | "channel" => PartnershipType::ChannelReseller,
            "systemintegrator" | "integrator" | "si" => PartnershipType::SystemIntegrator,
            "serviceprovider" | "services" => PartnershipType::ServiceProvider,
            "alliancemember" | "alliance" => PartnershipType::AllianceMember,
            "technologyoem" | "oem" => PartnershipType::TechnologyOem,
            "rdconsortium" | "consortium" | "rd" => PartnershipType::RdConsortium,
            _ => {
                let rest = text.trim();
                let name = rest
                    .strip_prefix("other:")
                    .or_else(|| rest.strip_prefix("other="))
                    .map(str::trim)?;
                if name.is_empty() {
                    return None;
                }
                return Some(PartnershipType::Other(name.to_string()));
            }
        };
        Some(named)
    }
}

/// What a representative does in their own organisation. Disclosure coverage is counted
/// per function, because the method asks for interests from all through each organisation,
/// not only from the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Function {
    Executive,
    Sales,
    Marketing,
    Product,
    Engineering,
    Services,
    Channel,
    Legal,
    Finance,
    Other,
}

choice_enum!(Function {
    Executive => "executive",
    Sales => "sales",
    Marketing => "marketing",
    Product => "product",
    Engineering => "engineering",
    Services => "services/delivery",
    Channel => "channel",
    Legal => "legal",
    Finance => "finance",
    Other => "other",
});

impl Function {
    /// A short form for narrow coverage columns.
    pub fn short(self) -> &'static str {
        match self {
            Function::Executive => "Exec",
            Function::Sales => "Sales",
            Function::Marketing => "Mktg",
            Function::Product => "Prod",
            Function::Engineering => "Eng",
            Function::Services => "Svcs",
            Function::Channel => "Chan",
            Function::Legal => "Legal",
            Function::Finance => "Fin",
            Function::Other => "Other",
        }
    }
}

/// How a partner sees itself relative to the others after the vision discussion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    Collaborator,
    Coopetitor,
    Competitor,
}

choice_enum!(Stance {
    Collaborator => "collaborator",
    Coopetitor => "situational coopetitor",
    Competitor => "competitor",
});

/// One RACI letter: who does the work, who answers for it, who is asked, who is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Raci {
    Responsible,
    Accountable,
    Consulted,
    Informed,
}

choice_enum!(Raci {
    Responsible => "responsible",
    Accountable => "accountable",
    Consulted => "consulted",
    Informed => "informed",
});

impl Raci {
    pub fn letter(self) -> char {
        match self {
            Raci::Responsible => 'R',
            Raci::Accountable => 'A',
            Raci::Consulted => 'C',
            Raci::Informed => 'I',
        }
    }

    /// Cycles blank → R → A → C → I → blank, the order a moderator walks a cell through.
    pub fn cycle(current: Option<Raci>) -> Option<Raci> {
        match current {
            None => Some(Raci::Responsible),
            Some(Raci::Informed) => None,
            Some(letter) => Some(letter.next()),
        }
    }
}

/// Who closes a gap in a partner's own business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HoleFiller {
    /// The partner fills its own hole: the healthy answer.
    Itself,
    /// Another partner is expected to fill it: the mistaken belief the method warns about.
    Partner(PartnerId),
    ThirdParty,
    Unresolved,
}

/// The areas where partners' own interests usually collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InterestCategory {
    Territory,
    ProductDirection,
    AccountLeadership,
    IpOwnership,
    Pricing,
    MarginSharing,
    Other,
}

choice_enum!(InterestCategory {
    Territory => "territory",
    ProductDirection => "product direction",
    AccountLeadership => "account leadership",
    IpOwnership => "IP ownership",
    Pricing => "pricing",
    MarginSharing => "margin sharing",
    Other => "other",
});

/// How hard a partner holds an interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Weight {
    NonNegotiable,
    Important,
    Negotiable,
}

choice_enum!(Weight {
    NonNegotiable => "non-negotiable",
    Important => "important",
    Negotiable => "negotiable",
});

/// Categories of conflict: the interest categories plus the two that come from the
/// earlier stages (role split and vision), which automatic detection also reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConflictCategory {
    Territory,
    ProductDirection,
    AccountLeadership,
    IpOwnership,
    Pricing,
    MarginSharing,
    Roles,
    Vision,
    Other,
}

choice_enum!(ConflictCategory {
    Territory => "territory",
    ProductDirection => "product direction",
    AccountLeadership => "account leadership",
    IpOwnership => "IP ownership",
    Pricing => "pricing",
    MarginSharing => "margin sharing",
    Roles => "roles",
    Vision => "vision",
    Other => "other",
});

/// How much a conflict threatens the partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

choice_enum!(Severity {
    Low => "low",
    Medium => "medium",
    High => "high",
    Critical => "critical",
});

/// The room's closing decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Proceed,
    ProceedWithConditions,
    /// Walking away early is a sound result of the method, not a failure.
    TakeAPass,
}

choice_enum!(Verdict {
    Proceed => "proceed",
    ProceedWithConditions => "proceed with conditions",
    TakeAPass => "take a pass",
});

#[cfg(test)]
mod tests;
