//! Builders shared by the domain integration tests: a small room of partners, the items
//! they put on the table, and a `Room` wrapper that records changes with a ticking clock
//! and checks that refused changes leave no trace.
#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use sameside::domain::templates::template_roles;
use sameside::domain::*;

pub const ACME: PartnerId = PartnerId(1);
pub const GLOBEX: PartnerId = PartnerId(2);
pub const INITECH: PartnerId = PartnerId(3);

/// The kind every test room uses; its template has nine roles, ids 1 to 9.
pub const KIND: PartnershipType = PartnershipType::SystemIntegrator;
pub const TEMPLATE_ROLES: u32 = 9;

/// A fixed moment plus `minute` minutes, so every run records the same timestamps.
pub fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 14, 9, 0, 0).unwrap() + Duration::minutes(minute)
}

pub fn new_partner(id: u32, name: &str) -> NewPartner {
    NewPartner {
        id: PartnerId(id),
        name: name.to_string(),
        brings: format!("{name}'s installed base"),
    }
}

/// A `Created` event for partners with ids 1, 2, … in the order given.
pub fn created_with(names: &[&str]) -> Change {
    Change::Created {
        title: "EMEA integration pilot".to_string(),
        moderator: "Dana".to_string(),
        kind: KIND,
        partners: names
            .iter()
            .zip(1..)
            .map(|(name, id)| new_partner(id, name))
            .collect(),
        roles: template_roles(&KIND, 1),
    }
}

pub fn role(id: u32, name: &str) -> Role {
    Role {
        id: ItemId(id),
        name: name.to_string(),
        raci: Default::default(),
    }
}

pub fn rep(id: u32, name: &str, function: Function) -> Representative {
    Representative {
        id: ItemId(id),
        name: name.to_string(),
        function,
    }
}

pub fn hole(id: u32, owner: PartnerId, text: &str, filled_by: HoleFiller) -> Hole {
    Hole {
        id: ItemId(id),
        owner,
        text: text.to_string(),
        filled_by,
    }
}

pub fn interest(id: u32, partner: PartnerId, statement: &str) -> Interest {
    Interest {
        id: ItemId(id),
        partner,
        statement: statement.to_string(),
        category: InterestCategory::Territory,
        weight: Weight::Important,
        function: Function::Sales,
    }
}

/// An interest added as one change, its function fixed to sales (the rules ignore it).
pub fn add_interest(
    id: u32,
    partner: PartnerId,
    category: InterestCategory,
    weight: Weight,
    statement: &str,
) -> Change {
    Change::InterestAdded {
        interest: Interest {
            id: ItemId(id),
            partner,
            statement: statement.to_string(),
            category,
            weight,
            function: Function::Sales,
        },
    }
}

/// A role added with the given RACI letters.
pub fn add_role(id: u32, name: &str, letters: &[(PartnerId, Raci)]) -> Change {
    let mut role = role(id, name);
    role.raci.extend(letters.iter().copied());
    Change::RoleAdded { role }
}

pub fn conflict(
    id: u32,
    partners: &[PartnerId],
    description: &str,
    status: ConflictStatus,
) -> Conflict {
    Conflict {
        id: ItemId(id),
        origin: ConflictOrigin::Moderator,
        category: ConflictCategory::Territory,
        partners: partners.to_vec(),
        items: Vec::new(),
        description: description.to_string(),
        severity: Severity::High,
        status,
        owner: String::new(),
    }
}

pub fn action(id: u32, text: &str, owner: &str) -> ActionItem {
    ActionItem {
        id: ItemId(id),
        text: text.to_string(),
        owner: owner.to_string(),
        due: None,
    }
}

pub fn proceed() -> Change {
    Change::GateDecided {
        decision: GateDecision::Proceed {
            override_reason: None,
        },
    }
}

pub fn override_gate(reason: &str) -> Change {
    Change::GateDecided {
        decision: GateDecision::Proceed {
            override_reason: Some(reason.to_string()),
        },
    }
}

pub fn take_a_pass(reason: &str) -> Change {
    Change::GateDecided {
        decision: GateDecision::TakeAPass {
            reason: reason.to_string(),
        },
    }
}

pub fn verdict(verdict: Option<Verdict>, note: &str) -> Change {
    Change::VerdictSet {
        verdict,
        note: note.to_string(),
    }
}

pub fn agree(partner: PartnerId) -> Change {
    Change::AgreementSet {
        partner,
        agreed: true,
    }
}

pub fn statement(text: &str) -> Change {
    Change::StatementSet {
        text: text.to_string(),
    }
}

pub fn move_to(stage: Stage) -> Change {
    Change::MovedTo { stage }
}

/// A session being run: the history plus a clock that moves a minute per change.
#[derive(Clone)]
pub struct Room {
    pub history: History,
    minute: i64,
}

impl Room {
    /// Acme, Globex and Initech, nothing said yet.
    pub fn new() -> Room {
        Room::with_partners(&["Acme", "Globex", "Initech"])
    }

    pub fn with_partners(names: &[&str]) -> Room {
        let history =
            History::create(at(0), created_with(names)).expect("a valid session is created");
        Room { history, minute: 0 }
    }

    pub fn session(&self) -> &Session {
        self.history.session()
    }

    pub fn events(&self) -> usize {
        self.history.events().len()
    }

    fn tick(&mut self) -> DateTime<Utc> {
        self.minute += 1;
        at(self.minute)
    }

    /// Records a change that must be accepted, returning its sentence.
    #[track_caller]
    pub fn ok(&mut self, change: Change) -> String {
        let when = self.tick();
        match self.history.record(when, change.clone()) {
            Ok(text) => text,
            Err(e) => panic!("{change:?} was refused: {e}"),
        }
    }

    /// Records a change that must be refused, and checks that the refusal left the
    /// session, the record and the undo/redo stacks exactly as they were.
    #[track_caller]
    pub fn refused(&mut self, change: Change) -> ApplyError {
        let before = self.session().clone();
        let events = self.events();
        let (undo, redo) = (self.history.can_undo(), self.history.can_redo());
        let preview = self.history.undo_preview();
        let when = self.tick();
        let err = match self.history.record(when, change.clone()) {
            Ok(text) => panic!("{change:?} was accepted ({text}) but should be refused"),
            Err(e) => e,
        };
        assert_eq!(
            self.session(),
            &before,
            "refused {change:?} changed the session"
        );
        assert_eq!(self.events(), events, "refused {change:?} was recorded");
        assert_eq!(
            self.history.can_undo(),
            undo,
            "refused {change:?} touched undo"
        );
        assert_eq!(
            self.history.can_redo(),
            redo,
            "refused {change:?} touched redo"
        );
        assert_eq!(self.history.undo_preview(), preview);
        err
    }

    /// Statement written and every partner agreed to it.
    pub fn agree_all(&mut self) {
        self.ok(statement("Together we win mid-market ERP rollouts in EMEA"));
        let ids: Vec<PartnerId> = self.session().partners.iter().map(|p| p.id).collect();
        for id in ids {
            self.ok(agree(id));
        }
    }

    /// Gate passed the regular way.
    pub fn pass_gate(&mut self) {
        self.agree_all();
        self.ok(proceed());
    }

    pub fn id_of_role(&self, name: &str) -> ItemId {
        self.session()
            .roles
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.id)
            .unwrap_or_else(|| panic!("no role {name}"))
    }
}

impl Default for Room {
    fn default() -> Self {
        Room::new()
    }
}

/// The session as text without the id counter and the time of the last change, for
/// comparing states that differ only in those two (undo is an edit made at its own time,
/// and ids are never handed out twice, so the counter does not move back).
pub fn without_counter_and_time(session: &Session) -> String {
    let mut s = session.clone();
    s.updated = s.created;
    let text = ron::to_string(&s).expect("a session serialises");
    let start = text.rfind("next_id:").expect("the counter is serialised");
    let end = text[start + "next_id:".len()..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |n| start + "next_id:".len() + n);
    format!("{}{}", &text[..start], &text[end..])
}

/// Random changes for property tests: valid and invalid ones of every kind, drawn from a
/// small pool of ids and names so that they collide with each other and with the room.
pub mod arbitrary {
    use super::*;
    use proptest::collection::vec;
    use proptest::option;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// Where the text in generated changes comes from.
    #[derive(Clone)]
    pub struct Texts {
        /// Partner, representative and owner names.
        pub names: BoxedStrategy<String>,
        /// Statements, descriptions, reasons, titles.
        pub words: BoxedStrategy<String>,
        /// The name of an `Other` partnership type.
        pub other_kind: BoxedStrategy<String>,
    }

    impl Texts {
        /// A few fixed names and phrases, including blank ones and names that differ
        /// only in case, so the guards get exercised.
        pub fn plain() -> Texts {
            Texts {
                names: plain_names().boxed(),
                words: plain_words().boxed(),
                other_kind: Just("Joint venture".to_string()).boxed(),
            }
        }
    }

    pub fn plain_names() -> impl Strategy<Value = String> {
        select(vec![
            "Acme", "ACME", "Globex", "Initech", "Umbrella", "Hooli", "", "  ",
        ])
        .prop_map(String::from)
    }

    pub fn plain_words() -> impl Strategy<Value = String> {
        select(vec![
            "",
            " ",
            "Own EMEA",
            "Lead the account",
            "Shared roadmap",
            "Keep margins",
        ])
        .prop_map(String::from)
    }

    pub fn pid() -> impl Strategy<Value = PartnerId> {
        (1u32..=5).prop_map(PartnerId)
    }

    /// Template roles take 1 to 9; new items collide with them and with each other.
    pub fn iid() -> impl Strategy<Value = ItemId> {
        (1u32..=16).prop_map(ItemId)
    }

    pub fn stage() -> impl Strategy<Value = Stage> {
        select(Stage::ALL.to_vec())
    }

    fn filler() -> impl Strategy<Value = HoleFiller> {
        prop_oneof![
            Just(HoleFiller::Itself),
            pid().prop_map(HoleFiller::Partner),
            Just(HoleFiller::ThirdParty),
            Just(HoleFiller::Unresolved),
        ]
    }

    fn status(t: &Texts) -> impl Strategy<Value = ConflictStatus> + use<> {
        prop_oneof![
            1 => Just(ConflictStatus::Open),
            1 => t.words.clone().prop_map(|agreement| ConflictStatus::Resolved { agreement }),
            1 => Just(ConflictStatus::AcceptedRisk),
            2 => Just(ConflictStatus::DealBreaker),
        ]
    }

    fn decision(t: &Texts) -> impl Strategy<Value = GateDecision> + use<> {
        prop_oneof![
            Just(GateDecision::Proceed {
                override_reason: None
            }),
            t.words.clone().prop_map(|r| GateDecision::Proceed {
                override_reason: Some(r)
            }),
            t.words
                .clone()
                .prop_map(|reason| GateDecision::TakeAPass { reason }),
        ]
    }

    fn interest_of(t: &Texts) -> impl Strategy<Value = Interest> + use<> {
        (iid(), pid(), t.words.clone()).prop_map(|(id, p, text)| interest(id.0, p, &text))
    }

    fn conflict_of(t: &Texts) -> impl Strategy<Value = Conflict> + use<> {
        (iid(), vec(pid(), 0..3), t.words.clone(), status(t))
            .prop_map(|(id, ps, text, status)| conflict(id.0, &ps, &text, status))
    }

    fn partner_change(t: &Texts) -> impl Strategy<Value = Change> + use<> {
        use Change::*;
        prop_oneof![
            (pid(), t.names.clone()).prop_map(|(partner, name)| PartnerAdded {
                partner,
                name,
                brings: String::new()
            }),
            pid().prop_map(|partner| PartnerRemoved { partner }),
            (pid(), t.names.clone()).prop_map(|(partner, name)| PartnerRenamed { partner, name }),
            (pid(), t.words.clone()).prop_map(|(partner, text)| BringsSet { partner, text }),
            (
                pid(),
                iid(),
                t.names.clone(),
                select(Function::ALL.to_vec())
            )
                .prop_map(|(partner, id, name, f)| {
                    RepresentativeAdded {
                        partner,
                        representative: rep(id.0, &name, f),
                    }
                }),
            (pid(), iid()).prop_map(|(partner, id)| RepresentativeRemoved { partner, id }),
        ]
    }

    fn vision_change(t: &Texts) -> impl Strategy<Value = Change> + use<> {
        use Change::*;
        prop_oneof![
            1 => t.words.clone().prop_map(|text| StatementSet { text }),
            1 => (pid(), t.words.clone()).prop_map(|(partner, text)| ViewSet { partner, text }),
            1 => (pid(), t.words.clone()).prop_map(|(partner, text)| WhyNotAloneSet { partner, text }),
            1 => (pid(), option::of(0u8..=6)).prop_map(|(partner, score)| AlignmentSet { partner, score }),
            1 => (pid(), option::of(select(Stance::ALL.to_vec())))
                .prop_map(|(partner, stance)| StanceSet { partner, stance }),
            4 => (pid(), any::<bool>()).prop_map(|(partner, agreed)| AgreementSet { partner, agreed }),
            3 => decision(t).prop_map(|decision| GateDecided { decision }),
            1 => Just(GateReopened),
        ]
    }

    fn role_and_hole_change(t: &Texts) -> impl Strategy<Value = Change> + use<> {
        use Change::*;
        prop_oneof![
            (
                iid(),
                t.words.clone(),
                option::of((pid(), select(Raci::ALL.to_vec())))
            )
                .prop_map(|(id, name, letter)| {
                    let mut role = role(id.0, &name);
                    role.raci.extend(letter);
                    RoleAdded { role }
                }),
            (iid(), t.words.clone()).prop_map(|(id, name)| RoleRenamed { id, name }),
            iid().prop_map(|id| RoleRemoved { id }),
            (iid(), pid(), option::of(select(Raci::ALL.to_vec()))).prop_map(
                |(role, partner, letter)| RaciSet {
                    role,
                    partner,
                    letter
                }
            ),
            (iid(), pid(), t.words.clone(), filler()).prop_map(|(id, p, text, f)| HoleAdded {
                hole: hole(id.0, p, &text, f)
            }),
            (iid(), t.words.clone()).prop_map(|(id, text)| HoleEdited { id, text }),
            (iid(), filler()).prop_map(|(id, filled_by)| HoleFillerSet { id, filled_by }),
            iid().prop_map(|id| HoleRemoved { id }),
        ]
    }

    fn other_item_change(t: &Texts) -> impl Strategy<Value = Change> + use<> {
        use Change::*;
        prop_oneof![
            1 => interest_of(t).prop_map(|interest| InterestAdded { interest }),
            1 => interest_of(t).prop_map(|interest| InterestEdited { interest }),
            1 => iid().prop_map(|id| InterestRemoved { id }),
            1 => conflict_of(t).prop_map(|conflict| ConflictAdded { conflict }),
            2 => conflict_of(t).prop_map(|conflict| ConflictEdited { conflict }),
            1 => iid().prop_map(|id| ConflictRemoved { id }),
            1 => (iid(), t.words.clone(), t.names.clone()).prop_map(|(id, text, owner)| ActionAdded {
                action: action(id.0, &text, &owner)
            }),
            1 => (iid(), t.words.clone(), t.names.clone()).prop_map(|(id, text, owner)| ActionEdited {
                action: action(id.0, &text, &owner)
            }),
            1 => iid().prop_map(|id| ActionRemoved { id }),
        ]
    }

    /// A glossary entry of any kind, with names that clash often enough (`Acme` and
    /// `ACME`, blank aliases, a product of a partner that may not exist).
    fn glossary_entry_of(t: &Texts) -> impl Strategy<Value = GlossaryEntry> + use<> {
        let kind = prop_oneof![
            Just(GlossaryKind::Account),
            vec(t.names.clone(), 0..3).prop_map(|within| GlossaryKind::Place { within }),
            pid().prop_map(|partner| GlossaryKind::Product { partner }),
        ];
        (iid(), kind, t.names.clone(), vec(t.names.clone(), 0..3)).prop_map(
            |(id, kind, name, aliases)| GlossaryEntry {
                id,
                kind,
                name,
                aliases,
            },
        )
    }

    fn glossary_change(t: &Texts) -> impl Strategy<Value = Change> + use<> {
        use Change::*;
        prop_oneof![
            2 => glossary_entry_of(t).prop_map(|entry| GlossaryAdded { entry }),
            1 => glossary_entry_of(t).prop_map(|entry| GlossaryEdited { entry }),
            1 => iid().prop_map(|id| GlossaryRemoved { id }),
        ]
    }

    /// Any partnership type: the named ones and `Other` with a name from `t`.
    pub fn kind(t: &Texts) -> impl Strategy<Value = PartnershipType> + use<> {
        prop_oneof![
            6 => select(PartnershipType::NAMED.to_vec()),
            1 => t.other_kind.clone().prop_map(PartnershipType::Other),
        ]
    }

    fn session_change(t: &Texts) -> impl Strategy<Value = Change> + use<> {
        use Change::*;
        prop_oneof![
            1 => t.words.clone().prop_map(|title| TitleSet { title }),
            1 => t.names.clone().prop_map(|name| ModeratorSet { name }),
            1 => kind(t).prop_map(|kind| KindSet { kind }),
            3 => (option::of(select(Verdict::ALL.to_vec())), t.words.clone())
                .prop_map(|(verdict, note)| VerdictSet { verdict, note }),
            1 => (stage(), prop_oneof![0u32..=2, 599u32..=601, 3u32..=598])
                .prop_map(|(stage, minutes)| TimeboxSet { stage, minutes }),
            4 => stage().prop_map(|stage| MovedTo { stage }),
            2 => (stage(), 0u64..=900).prop_map(|(stage, seconds)| TimeSpent { stage, seconds }),
        ]
    }

    /// Any change, with the plain texts.
    pub fn change() -> BoxedStrategy<Change> {
        change_with(&Texts::plain())
    }

    /// Any change, with text drawn from `t`.
    pub fn change_with(t: &Texts) -> BoxedStrategy<Change> {
        prop_oneof![
            2 => partner_change(t),
            5 => vision_change(t),
            3 => role_and_hole_change(t),
            3 => other_item_change(t),
            2 => glossary_change(t),
            3 => session_change(t),
            4 => Just(Change::Undo),
            2 => Just(Change::Redo),
        ]
        .boxed()
    }
}

/// A `Created` event like `created_with`, but without the template's roles, for tests
/// that put every role on the table themselves.
pub fn created_without_roles(names: &[&str]) -> Change {
    match created_with(names) {
        Change::Created {
            title,
            moderator,
            kind,
            partners,
            ..
        } => Change::Created {
            title,
            moderator,
            kind,
            partners,
            roles: Vec::new(),
        },
        other => other,
    }
}

impl Room {
    /// Like `with_partners`, but with no roles at all (the template's are left out).
    pub fn without_roles(names: &[&str]) -> Room {
        let history = History::create(at(0), created_without_roles(names))
            .expect("a valid session is created");
        Room { history, minute: 0 }
    }
}

/// A seat in a sealed round: `person` answers for `partner`.
pub fn seat(partner: PartnerId, person: &str) -> rounds::Seat {
    rounds::Seat {
        partner,
        person: person.to_string(),
    }
}

/// The change that opens sealed round `id` of `kind` for `seats`, labelled as given.
pub fn round_opened(
    id: ItemId,
    kind: rounds::RoundKind,
    labelling: rounds::Labelling,
    prompt: &str,
    seats: Vec<rounds::Seat>,
) -> Change {
    Change::RoundOpened {
        round: rounds::RoundSpec {
            id,
            kind,
            prompt: prompt.to_string(),
            labelling,
            seats,
        },
    }
}
