//! Sessions sized for the benchmarks: many items, many events, many interests.

use super::{Script, time};
use crate::domain::change::{ApplyError, Change, NewPartner};
use crate::domain::history::History;
use crate::domain::session::*;
use crate::domain::stage::Stage;
use crate::domain::templates::template_roles;
use crate::domain::types::*;

/// A big, busy session for benchmarks: `partners` partners and about `items` items spread
/// over roles, holes, interests and conflicts, then small edits until the record holds
/// `events` events. Text varies so that nothing is artificially cheap to lay out.
pub fn large(partners: usize, items: usize, events: usize) -> Result<History, ApplyError> {
    use Change::*;
    let partners = partners.clamp(2, crate::domain::change::MAX_PARTNERS);
    let ids: Vec<PartnerId> = (1..=partners as u32).map(PartnerId).collect();
    let mut s = Script::start(
        time(2026, 11, 20, 9, 0),
        Created {
            title: "Large benchmark session".into(),
            moderator: "Bench".into(),
            kind: PartnershipType::AllianceMember,
            partners: ids
                .iter()
                .map(|id| NewPartner {
                    id: *id,
                    name: format!("Partner {} Holdings", id.0),
                    brings: format!("Capability number {} for the alliance", id.0),
                })
                .collect(),
            roles: Vec::new(),
        },
    )?;
    for (n, partner) in ids.iter().enumerate() {
        s.rep(*partner, &format!("Executive {n}"), Function::Executive)?;
        s.rep(*partner, &format!("Seller {n}"), Function::Sales)?;
    }
    s.pass_gate("A shared opportunity worth pursuing together across regions and industries.")?;
    let words = [
        "EMEA",
        "accounts",
        "pricing",
        "connectors",
        "roadmap",
        "margin",
        "support",
        "training",
    ];
    for i in 0..items {
        let partner = ids[i % ids.len()];
        let word = words[i % words.len()];
        let id = s.id();
        let change = match i % 8 {
            0 => RoleAdded {
                role: Role {
                    id,
                    name: format!("Role {i}: {word} work"),
                    raci: Default::default(),
                },
            },
            1 => HoleAdded {
                hole: Hole {
                    id,
                    owner: partner,
                    text: format!("Gap {i} in {word}"),
                    filled_by: HoleFiller::Itself,
                },
            },
            2 if i % 16 == 2 => ConflictAdded {
                conflict: Conflict {
                    id,
                    origin: ConflictOrigin::Moderator,
                    category: ConflictCategory::Pricing,
                    partners: vec![partner],
                    items: vec![],
                    description: format!(
                        "Conflict {i} over {word} between the partners, needing a decision"
                    ),
                    severity: Severity::ALL[i % 4],
                    status: ConflictStatus::Open,
                    owner: format!("Owner {i}"),
                },
            },
            _ => InterestAdded {
                interest: Interest {
                    id,
                    partner,
                    statement: format!(
                        "Interest {i}: protect our {word} position in the joint offer"
                    ),
                    category: InterestCategory::ALL[i % 7],
                    weight: Weight::ALL[i % 3],
                    function: Function::ALL[i % 10],
                },
            },
        };
        s.after(1, change)?;
    }
    let role_ids: Vec<ItemId> = s.history.session().roles.iter().map(|r| r.id).collect();
    let mut n = 0usize;
    while s.history.events().len() < events {
        let partner = ids[n % ids.len()];
        let change = match (n % 3, role_ids.get(n % role_ids.len().max(1))) {
            (0, Some(role)) => RaciSet {
                role: *role,
                partner,
                letter: Some(Raci::ALL[n % 4]),
            },
            (1, _) => AlignmentSet {
                partner,
                score: Some((n % 5) as u8 + 1),
            },
            _ => ViewSet {
                partner,
                text: format!("View revision {n} of the opportunity"),
            },
        };
        s.after(1, change)?;
        n += 1;
    }
    Ok(s.history)
}

/// A session in the conflict check with `count` interests spread over `partners`
/// partners, for the detection benchmark. Statements are drawn from a vocabulary of
/// subjects so that partners overlap the way real rooms do: often, but not always.
pub fn many_interests(partners: usize, count: usize) -> Result<History, ApplyError> {
    use Change::*;
    const SUBJECTS: &[&str] = &[
        "EMEA",
        "enterprise accounts",
        "public sector",
        "retail chains",
        "pricing model",
        "discount levels",
        "connector code",
        "roadmap votes",
        "support contracts",
        "training",
        "Nordic region",
        "DACH region",
        "Benelux",
        "automotive customers",
        "pharma customers",
        "data platform",
        "analytics dashboards",
        "edge devices",
        "cloud hosting",
        "renewals",
        "lead sharing",
        "deal registration",
        "co-marketing budget",
        "brand usage",
        "patents",
        "source code escrow",
        "service margins",
        "licence fees",
        "reseller margin",
        "onboarding",
    ];
    const VERBS: &[&str] = &[
        "Lead", "Own", "Decide", "Control", "Protect", "Set", "Approve", "Grow",
    ];
    let partners = partners.clamp(2, crate::domain::change::MAX_PARTNERS);
    let ids: Vec<PartnerId> = (1..=partners as u32).map(PartnerId).collect();
    let kind = PartnershipType::ChannelReseller;
    let mut s = Script::start(
        time(2026, 11, 21, 9, 0),
        Created {
            title: "Detection benchmark".into(),
            moderator: "Bench".into(),
            kind: kind.clone(),
            partners: ids
                .iter()
                .map(|id| NewPartner {
                    id: *id,
                    name: format!("Partner {}", id.0),
                    brings: String::new(),
                })
                .collect(),
            roles: template_roles(&kind, 1),
        },
    )?;
    s.pass_gate("A shared opportunity.")?;
    s.move_to(Stage::Roles, 60)?;
    let roles: Vec<ItemId> = s.history.session().roles.iter().map(|r| r.id).collect();
    for (n, role) in roles.iter().enumerate() {
        let partner = ids[n % ids.len()];
        s.after(
            1,
            RaciSet {
                role: *role,
                partner,
                letter: Some(Raci::Accountable),
            },
        )?;
    }
    s.move_to(Stage::Interests, 60)?;
    // A small linear congruential generator: the same "random" session every run.
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for i in 0..count {
        let id = s.id();
        let statement = format!(
            "{} {} and {}",
            VERBS[next(VERBS.len())],
            SUBJECTS[next(SUBJECTS.len())],
            SUBJECTS[next(SUBJECTS.len())]
        );
        let interest = Interest {
            id,
            partner: ids[i % ids.len()],
            statement,
            category: InterestCategory::ALL[next(InterestCategory::ALL.len())],
            weight: Weight::ALL[next(Weight::ALL.len())],
            function: Function::ALL[next(Function::ALL.len())],
        };
        s.after(1, InterestAdded { interest })?;
    }
    s.move_to(Stage::Conflicts, 60)?;
    Ok(s.history)
}
