//! The open round's answers, as the live session keeps them: in memory, mirrored to the
//! moderator-only file beside the session by a worker, and read back from it when a
//! session with an open round is opened again. Only seals (who, and a digest) go into
//! the record until the reveal.

use chrono::{DateTime, Utc};

use crate::domain::rounds::{Labelling, Round, RoundKind};
use crate::domain::{Change, ItemId};
use crate::storage::sealed::{SealedAnswers, SealedError};
use crate::storage::sealed_keeper::{KeeperNews, SealedKeeper};
use crate::tui::purpose::Values;
use crate::tui::stages::round::read_answer;

use super::SessionView;

/// The sealed answers of a live session's open round.
#[derive(Default)]
pub(super) struct Sealed {
    keeper: Option<SealedKeeper>,
    /// The answers of the open round; `None` while they are being read back, or when
    /// they could not be (`unreadable` says why).
    answers: Option<SealedAnswers>,
    unreadable: Option<String>,
    /// The last failed write, until one succeeds.
    write_error: Option<String>,
}

impl SessionView {
    /// Starts keeping the answers of a round already open in the file just opened:
    /// they are read back off the interface thread.
    pub(super) fn start_sealed(&mut self) {
        let (Some(path), None) = (&self.path, &self.read_only) else {
            return;
        };
        let Some(round) = self.history.session().open_round() else {
            return;
        };
        let keeper = SealedKeeper::start(path.clone());
        keeper.read(round.id());
        self.sealed.keeper = Some(keeper);
    }

    /// A round was just opened here: it starts with no answers.
    pub(super) fn round_opened(&mut self, round: ItemId) {
        if let (None, Some(path)) = (&self.sealed.keeper, &self.path) {
            self.sealed.keeper = Some(SealedKeeper::start(path.clone()));
        }
        self.sealed.answers = Some(SealedAnswers::new(round));
        self.sealed.unreadable = None;
    }

    /// What the worker did since the last look: a sentence for the moderator when it
    /// matters, `Ok` for news (answers read back), `Err` for a problem (a failed write,
    /// an unreadable file, answers lost).
    pub fn poll_sealed(&mut self) -> Option<Result<String, String>> {
        let news = self.sealed.keeper.as_ref()?.news();
        let mut said = None;
        for item in news {
            match item {
                KeeperNews::Loaded(Ok(answers)) => {
                    let kept = answers.answers.len();
                    self.sealed.answers = Some(answers);
                    self.sealed.unreadable = None;
                    said = Some(match (self.lost_answers().len(), kept) {
                        (0, 0) => {
                            Ok("A sealed round is open; nobody has answered yet.".to_string())
                        }
                        (0, 1) => Ok("The open round's sealed answer is back.".to_string()),
                        (0, kept) => {
                            Ok(format!("The open round's {kept} sealed answers are back."))
                        }
                        (1, _) => Err("1 sealed answer is not kept on this computer: the reveal \
                                       leaves it out"
                            .to_string()),
                        (n, _) => Err(format!(
                            "{n} sealed answers are not kept on this computer: \
                             the reveal leaves them out"
                        )),
                    });
                }
                KeeperNews::Loaded(Err(e)) => {
                    let text = e.to_string();
                    said = Some(Err(format!(
                        "The sealed answers cannot be read: {text}. Nothing can be sealed \
                         or revealed until the file is fixed; X cancels the round"
                    )));
                    self.sealed.unreadable = Some(text);
                }
                KeeperNews::Written(Ok(())) | KeeperNews::Discarded(Ok(())) => {
                    if self.sealed.write_error.take().is_some() {
                        said = Some(Ok("The sealed answers are on disk again.".to_string()));
                    }
                }
                KeeperNews::Written(Err(e)) | KeeperNews::Discarded(Err(e)) => {
                    let text = format!("Sealed answers not written: {e}; kept in memory");
                    said = Some(Err(text.clone()));
                    self.sealed.write_error = Some(text);
                }
            }
        }
        said
    }

    /// The open round, with its answers as kept here; or why there are none to use.
    fn open_with_answers(&self) -> Result<(Round, &SealedAnswers), String> {
        let round = self
            .history
            .session()
            .open_round()
            .cloned()
            .ok_or("No sealed round is open")?;
        if let Some(why) = &self.sealed.unreadable {
            return Err(format!("The sealed answers cannot be read: {why}"));
        }
        match &self.sealed.answers {
            Some(answers) if answers.round == round.id() => Ok((round, answers)),
            _ => Err("The sealed answers are still being read; try again in a moment".into()),
        }
    }

    /// The seals of the open round whose answers this computer does not hold (the app
    /// stopped between recording a seal and writing its answer).
    fn lost_answers(&self) -> Vec<u32> {
        let (Some(round), Some(answers)) =
            (self.history.session().open_round(), &self.sealed.answers)
        else {
            return Vec::new();
        };
        answers.lost(round)
    }

    /// Seals the answer typed into the answer form: the answer is kept here and in the
    /// sealed file, the record gets who answered and its digest.
    pub fn seal_answer(&mut self, values: &Values, now: DateTime<Utc>) -> Result<String, String> {
        let (round, answers) = self.open_with_answers()?;
        let (seat, answer) = read_answer(values, &round, self.history.session())?;
        let mut next = answers.clone();
        // Several interests each, one view or score per person: answering again
        // replaces it.
        let earlier = match round.spec.kind {
            RoundKind::Interests => None,
            _ => round
                .seals
                .iter()
                .find(|s| {
                    s.partner == seat.partner
                        && crate::domain::rounds::same_person(&s.person, &seat.person)
                })
                .map(|s| s.number),
        };
        let number = earlier.unwrap_or_else(|| {
            let highest = round.seals.iter().map(|s| s.number);
            let kept = next.answers.iter().map(|a| a.number);
            highest.chain(kept).max().map_or(1, |n| n + 1)
        });
        let change = next
            .seal(round.spec.kind, number, seat.partner, &seat.person, answer)
            .map_err(|e| e.to_string())?;
        self.record(vec![change], now).map_err(|e| e.to_string())?;
        if let Some(keeper) = &self.sealed.keeper {
            keeper.write(next.clone());
        }
        self.sealed.answers = Some(next);
        let partner = self.history.session().partner_name(seat.partner);
        // In an anonymous round the wall never names who answered, the status line
        // included: it names the side only.
        let who = if round.spec.labelling == Labelling::Anonymous {
            format!("someone of {partner}")
        } else {
            format!("{} ({partner})", seat.person)
        };
        Ok(match earlier {
            Some(_) => format!("Sealed again: the answer of {who} replaces the earlier one."),
            None => format!("Sealed: an answer from {who}. Pass the laptop on."),
        })
    }

    /// Reveals the open round: every kept answer into the record at once. Seals whose
    /// answers this computer lost are withdrawn first, and said so.
    pub fn reveal_round(&mut self, id: ItemId, now: DateTime<Utc>) -> Result<String, String> {
        let (round, answers) = self.open_with_answers()?;
        if round.id() != id {
            return Err("That round is no longer open".to_string());
        }
        let lost = self.lost_answers();
        let mut round = round;
        let mut changes: Vec<Change> = lost
            .iter()
            .map(|number| Change::AnswerWithdrawn {
                round: id,
                number: *number,
            })
            .collect();
        round.seals.retain(|s| !lost.contains(&s.number));
        let mut next_id = self.history.session().fresh_id().0;
        let reveal = answers
            .reveal(&round, || {
                let id = ItemId(next_id);
                next_id += 1;
                id
            })
            .map_err(|e| match e {
                SealedError::Mismatch { .. } => format!("Not revealed: {e}; the file was changed"),
                e => format!("Not revealed: {e}"),
            })?;
        changes.push(reveal);
        let count = round.seals.len();
        self.record(changes, now).map_err(|e| e.to_string())?;
        if let Some(keeper) = &self.sealed.keeper {
            keeper.discard();
        }
        self.sealed.answers = None;
        let answers = match count {
            1 => "1 answer".to_string(),
            n => format!("{n} answers"),
        };
        Ok(match lost.len() {
            0 => format!("Revealed {answers}."),
            1 => format!("Revealed {answers}; 1 not kept on this computer was left out."),
            n => format!("Revealed {answers}; {n} not kept on this computer were left out."),
        })
    }

    /// Cancels the open round; its answers are thrown away unread.
    pub fn cancel_round(&mut self, id: ItemId, now: DateTime<Utc>) -> Result<String, String> {
        let said = self
            .record(vec![Change::RoundCancelled { round: id }], now)
            .map_err(|e| e.to_string())?;
        if let Some(keeper) = &self.sealed.keeper {
            keeper.discard();
        }
        self.sealed.answers = None;
        self.sealed.unreadable = None;
        Ok(said)
    }

    /// Holds the last revealed round's answers on the wall; false when there is none.
    pub fn show_round_result(&mut self) -> bool {
        self.wall.show_round_result(self.history.session())
    }

    /// The last failed write of the sealed answers, until one succeeds: the status line
    /// keeps it up, as it does a failed save.
    pub fn sealed_write_error(&self) -> Option<&str> {
        self.sealed.write_error.as_deref()
    }

    /// Waits for every sealed write handed over: for tests, and before closing.
    pub fn flush_sealed(&self) {
        if let Some(keeper) = &self.sealed.keeper {
            keeper.flush();
        }
    }
}
