//! Triage at the speed of a room: going from one open conflict to the next (`n`, `N`),
//! a severity filter that leaves the least conflicts out of a long list (`v`), and
//! marking several detected conflicts (Space) to dismiss them with one reason (`x`),
//! recorded as one step so one undo takes them all back.
//!
//! The filter and the marks are the screen's own state, never the session's: another
//! view of the same session shows its own list.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::domain::board::{BoardEntry, Source};
use crate::domain::timeline::Changed;
use crate::domain::{ConflictStatus, Severity};
use crate::tui::editor::EditorMode;
use crate::tui::intent::Intent;
use crate::tui::purpose::{ConflictsPurpose, Purpose};
use crate::tui::stages::StageCtx;

use super::dialogs::dismiss_reason_editor;
use super::words::{display_order, group};
use super::{Action, ConflictsScreen};

/// Above this many open conflicts the list leaves the low ones out until the moderator
/// chooses otherwise: about what the list shows at once on a projector (160 × 45), so
/// the room sees the conflicts that matter without scrolling past the small ones. The
/// rule reads the board, not the window, so a key and the frame it answers always agree
/// on what is listed (see docs/conflict-rules.md).
pub(super) const AUTO_HIDE_LOW_ABOVE: usize = 12;

const NOT_MARKED: &str = "Only detected conflicts are marked, to be dismissed together; \
     an entered one is settled with s or deleted with d.";

/// The least severity the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Floor {
    All,
    /// Medium and up: the low ones are left out.
    Medium,
    /// High and up.
    High,
}

impl Floor {
    fn least(self) -> Severity {
        match self {
            Floor::All => Severity::Low,
            Floor::Medium => Severity::Medium,
            Floor::High => Severity::High,
        }
    }

    /// What the list leaves out, as its heading and the fit report say it.
    pub(super) fn hidden_words(self) -> Option<(&'static str, &'static str)> {
        match self {
            Floor::All => None,
            Floor::Medium => Some(("low hidden", "low conflicts")),
            Floor::High => Some(("low and medium hidden", "low and medium conflicts")),
        }
    }
}

/// What the moderator set up for triage on this screen.
#[derive(Debug, Default, Clone)]
pub(super) struct Triage {
    /// The floor chosen with `v`; until then the rule decides (`auto_floor`).
    chosen: Option<Floor>,
    /// The marked conflicts, in the order they were marked.
    marks: Vec<Source>,
    /// The list the marks were made on (`list_print`): when it changes under them (a
    /// change recorded, a filter switched), the marks no longer count.
    marked_on: u64,
    /// Where the cursor goes once the marked conflicts are dismissed.
    landing: Option<Source>,
}

/// The floor the list has when the moderator has not chosen one: low conflicts hidden
/// when more than `AUTO_HIDE_LOW_ABOVE` are open and some open one is worse than low
/// (hiding every open conflict would leave the room nothing to work on).
pub(super) fn auto_floor(board: &[BoardEntry]) -> Floor {
    let open = board.iter().filter(|e| is_open(e));
    let (count, above_low) = open.fold((0, false), |(n, any), e| {
        (n + 1, any || e.severity > Severity::Low)
    });
    if count > AUTO_HIDE_LOW_ABOVE && above_low {
        Floor::Medium
    } else {
        Floor::All
    }
}

/// Whether the room still has to decide on the conflict: only `Open` counts here; a
/// parked one was put off on purpose.
fn is_open(entry: &BoardEntry) -> bool {
    entry.status == ConflictStatus::Open
}

/// A fingerprint of the list as shown: which conflicts, in which order and group.
fn list_print(board: &[BoardEntry], order: &[usize]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for &i in order {
        match &board[i].source {
            Source::Detected { key, .. } => key.hash(&mut hasher),
            Source::Moderator(id) => id.0.hash(&mut hasher),
        }
        group(&board[i].status).hash(&mut hasher);
    }
    hasher.finish()
}

impl ConflictsScreen {
    /// Positions on the board in the order the list shows them: narrowed to the matrix
    /// cell when one is listed, else to the severity floor. A cell lists everything in
    /// it: the moderator picked it by its number, which counts every severity.
    pub(super) fn order(&self, ctx: &StageCtx) -> Vec<usize> {
        let mut order = display_order(ctx, self.filter.as_ref());
        if self.filter.is_none() {
            let least = self.floor(ctx.board).least();
            order.retain(|&i| ctx.board[i].severity >= least);
        }
        order
    }

    /// The severity floor in force: the moderator's choice, else the rule's.
    pub(super) fn floor(&self, board: &[BoardEntry]) -> Floor {
        self.triage.chosen.unwrap_or_else(|| auto_floor(board))
    }

    /// How many conflicts the severity floor leaves out, and the words for them; `None`
    /// when it leaves none out or a matrix cell is listed.
    pub(super) fn severity_hidden(
        &self,
        board: &[BoardEntry],
    ) -> Option<(usize, &'static str, &'static str)> {
        if self.filter.is_some() {
            return None;
        }
        let floor = self.floor(board);
        let (heading, noun) = floor.hidden_words()?;
        let count = board.iter().filter(|e| e.severity < floor.least()).count();
        Some((count, heading, noun))
    }

    /// The marks that still count on the list `order`: none once the list changed.
    pub(super) fn marks(&self, board: &[BoardEntry], order: &[usize]) -> &[Source] {
        if self.triage.marks.is_empty() || self.triage.marked_on != list_print(board, order) {
            return &[];
        }
        &self.triage.marks
    }

    /// Whether the triage action `action` means something where the cursor is.
    pub(super) fn triage_applies(&self, action: Action, ctx: &StageCtx) -> bool {
        let order = self.order(ctx);
        let pos = self.position(ctx.board, &order);
        let selected = order.get(pos).map(|&i| &ctx.board[i]);
        let marked = !self.marks(ctx.board, &order).is_empty();
        let unfiltered = self.filter.is_none();
        let floor = self.floor(ctx.board);
        match action {
            Action::NextOpen | Action::PreviousOpen => other_open(ctx.board, &order, pos),
            Action::NoOtherOpen => !order.is_empty() && !other_open(ctx.board, &order, pos),
            // The cycle starts only where it can leave something out; once started it
            // goes round to "all" again.
            Action::HideLow => {
                unfiltered
                    && floor == Floor::All
                    && ctx.board.iter().any(|e| e.severity < Severity::High)
            }
            Action::HighOnly => unfiltered && floor == Floor::Medium,
            Action::AllSeverities => unfiltered && floor == Floor::High,
            Action::SeverityBack => {
                unfiltered
                    && (floor != Floor::All
                        || ctx.board.iter().any(|e| e.severity < Severity::High))
            }
            Action::Mark => selected.is_some_and(BoardEntry::is_detected),
            Action::SayNotMarked => selected.is_some_and(|e| !e.is_detected()),
            Action::DismissMarked | Action::Unmark => marked,
            Action::DismissOne => !marked && selected.is_some_and(BoardEntry::is_detected),
            _ => false,
        }
    }

    /// Carries out a triage action; `order` and `pos` are the list and the cursor as
    /// the key found them.
    pub(super) fn perform_triage(
        &mut self,
        action: Action,
        ctx: &StageCtx,
        order: &[usize],
        pos: usize,
    ) -> Option<Intent> {
        let board = ctx.board;
        match action {
            Action::NextOpen => return self.go_to_open(board, order, pos, true),
            Action::PreviousOpen => return self.go_to_open(board, order, pos, false),
            Action::NoOtherOpen => {
                let words = if order.iter().any(|&i| is_open(&board[i])) {
                    "This is the only open conflict on the list."
                } else {
                    "No open conflict on the list: the room has decided on every one shown."
                };
                return Some(Intent::Status(words.to_string()));
            }
            // Marks belong to the list they were made on; another floor is another list,
            // even when a second press brings the first one back.
            Action::HideLow => self.set_floor(Floor::Medium),
            Action::HighOnly => self.set_floor(Floor::High),
            Action::AllSeverities => self.set_floor(Floor::All),
            Action::SeverityBack => self.set_floor(match self.floor(board) {
                Floor::All => Floor::High,
                Floor::Medium => Floor::All,
                Floor::High => Floor::Medium,
            }),
            Action::Mark => self.toggle_mark(board, order, pos),
            Action::Unmark => self.triage.marks.clear(),
            Action::SayNotMarked => return Some(Intent::Status(NOT_MARKED.to_string())),
            Action::DismissOne => {
                return order.get(pos).map(|&i| dismiss_reason_editor(&board[i]));
            }
            Action::DismissMarked => return self.dismiss_marked(board, order, pos),
            _ => {}
        }
        None
    }

    fn set_floor(&mut self, floor: Floor) {
        self.triage.chosen = Some(floor);
        self.triage.marks.clear();
    }

    fn go_to_open(
        &mut self,
        board: &[BoardEntry],
        order: &[usize],
        pos: usize,
        forward: bool,
    ) -> Option<Intent> {
        let open = |p: &usize| is_open(&board[order[*p]]);
        let ahead = if forward {
            (pos + 1..order.len()).find(open)
        } else {
            (0..pos).rev().find(open)
        };
        // Round the end of the list: the status line says so, as the jump can be long.
        let (to, wrapped) = match ahead {
            Some(p) => (p, false),
            None if forward => ((0..=pos).find(open)?, true),
            None => ((pos..order.len()).rev().find(open)?, true),
        };
        self.select(board, order, to);
        wrapped.then(|| {
            Intent::Status(if forward {
                "Back to the first open conflict.".to_string()
            } else {
                "On to the last open conflict.".to_string()
            })
        })
    }

    fn toggle_mark(&mut self, board: &[BoardEntry], order: &[usize], pos: usize) {
        let Some(&i) = order.get(pos) else { return };
        let print = list_print(board, order);
        if self.triage.marked_on != print {
            self.triage.marks.clear();
            self.triage.marked_on = print;
        }
        let source = &board[i].source;
        match self.triage.marks.iter().position(|m| m == source) {
            Some(at) => {
                self.triage.marks.remove(at);
            }
            None => self.triage.marks.push(source.clone()),
        }
    }

    /// The editor that asks once why the marked conflicts are not conflicts. The cursor's
    /// landing place is chosen now, while the list is as the moderator sees it: the
    /// first unmarked conflict from the cursor down in the same group, else the nearest
    /// one above.
    fn dismiss_marked(
        &mut self,
        board: &[BoardEntry],
        order: &[usize],
        pos: usize,
    ) -> Option<Intent> {
        let marks = self.marks(board, order).to_vec();
        let keys: Vec<String> = order
            .iter()
            .filter_map(|&i| match &board[i].source {
                Source::Detected { key, .. } if marks.contains(&board[i].source) => {
                    Some(key.clone())
                }
                _ => None,
            })
            .collect();
        if keys.is_empty() {
            return None;
        }
        let here = order.get(pos).map(|&i| group(&board[i].status));
        let stays = |p: &usize| {
            let entry = &board[order[*p]];
            !marks.contains(&entry.source) && Some(group(&entry.status)) == here
        };
        let landing = (pos..order.len())
            .find(stays)
            .or_else(|| (0..pos).rev().find(stays));
        self.triage.landing = landing.map(|p| board[order[p]].source.clone());
        let title = match keys.len() {
            1 => "Why is the marked conflict not a conflict?".to_string(),
            n => format!("Why are the {n} marked conflicts not conflicts? One reason for all"),
        };
        Some(Intent::Edit {
            title,
            initial: String::new(),
            mode: EditorMode::SingleLine,
            purpose: Purpose::Conflicts(ConflictsPurpose::DismissMarked(keys)),
        })
    }

    /// After the marked conflicts were dismissed: the marks go, and the cursor goes
    /// where `dismiss_marked` chose. True when `changed` was that dismissal.
    pub(super) fn follow_dismissed(&mut self, changed: &Changed, ctx: &StageCtx) -> bool {
        let Changed::Findings(keys) = changed else {
            return false;
        };
        let was_marked = |key: &String| {
            self.triage
                .marks
                .iter()
                .any(|m| matches!(m, Source::Detected { key: own, .. } if own == key))
        };
        if self.triage.landing.is_none() || !keys.iter().all(was_marked) {
            return false;
        }
        self.triage.marks.clear();
        let landing = self.triage.landing.take();
        let order = self.order(ctx);
        if let Some(pos) = order
            .iter()
            .position(|&i| Some(&ctx.board[i].source) == landing.as_ref())
        {
            self.select(ctx.board, &order, pos);
        } else if !order.is_empty() {
            // Nothing unmarked was left where the moderator worked: keep the place.
            self.select(ctx.board, &order, self.cursor.min(order.len() - 1));
        }
        true
    }
}

/// Whether the list has an open conflict other than the one at `pos`.
fn other_open(board: &[BoardEntry], order: &[usize], pos: usize) -> bool {
    order
        .iter()
        .enumerate()
        .any(|(p, &i)| p != pos && is_open(&board[i]))
}
