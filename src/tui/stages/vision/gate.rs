//! The vision gate: its state on the wall's bottom line, and the dialog that decides
//! it, reopens it, or goes on past it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::domain::change::gate_missing;
use crate::domain::gate::drift;
use crate::domain::{Change, GateDecision, Session, Stage};
use crate::tui::editor::EditorMode;
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::purpose::{Purpose, VisionPurpose};
use crate::tui::widgets::truncate_to_width;

use super::super::text::one_line;
use super::super::{CHANGED_MARK, StageCtx, changed_style};

/// How the gate line should look; kept apart from drawing so the wording is testable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GateTone {
    /// Ready or passed.
    Good,
    /// Passed by an override: worth noticing, not alarming.
    Notice,
    /// A pass: a clear, early answer, shown as calmly as a proceed.
    Calm,
    /// Still waiting for something.
    Plain,
}

/// The one-line state of the vision gate. Only where the gate can be decided
/// (`read_only` false) does a ready gate name the key that decides it.
fn gate_status(session: &Session, read_only: bool) -> (String, GateTone) {
    // What was agreed at the gate no longer holding outweighs how the gate was passed.
    // What changed comes first, so a narrow row cuts the statement, not the news.
    if let Some(drift) = drift(session, &|at| at.format("%H:%M").to_string()) {
        return (
            format!(
                "⚠ Gate passed, but since then {}; agreed at the gate: {}",
                drift.since,
                one_line(&drift.statement)
            ),
            GateTone::Notice,
        );
    }
    match &session.gate {
        Some(GateDecision::Proceed {
            override_reason: None,
        }) => (
            "✔ Gate passed — the partners go on to the role split".to_string(),
            GateTone::Good,
        ),
        Some(GateDecision::Proceed {
            override_reason: Some(reason),
        }) => (
            format!("➜ Gate overridden by the moderator: {}", one_line(reason)),
            GateTone::Notice,
        ),
        Some(GateDecision::TakeAPass { reason }) => (
            format!("◇ The partners took a pass: {}", one_line(reason)),
            GateTone::Calm,
        ),
        None => match gate_missing(session) {
            None if read_only => ("✔ Ready for the gate".to_string(), GateTone::Good),
            None => (
                "✔ Ready for the gate — PageDown to decide".to_string(),
                GateTone::Good,
            ),
            Some(missing) => (format!("○ Gate still needs {missing}"), GateTone::Plain),
        },
    }
}

/// Draws the gate's state on `row`, and returns how many of its words the row cut off.
pub(super) fn render_gate_line(
    frame: &mut Frame,
    row: Rect,
    ctx: &StageCtx,
    marked: bool,
) -> usize {
    if row.is_empty() {
        return 0;
    }
    let theme = ctx.theme;
    let (text, tone) = gate_status(ctx.session, ctx.read_only);
    let style = match tone {
        GateTone::Good => theme.good,
        GateTone::Notice => theme.warn,
        GateTone::Calm => theme.accent,
        GateTone::Plain => theme.text,
    };
    // The gate just decided or reopened in a replay: marked, in the changed style.
    let (text, style) = if marked {
        (
            format!("{CHANGED_MARK} {text}"),
            style.patch(changed_style(theme)),
        )
    } else {
        (text, style)
    };
    let shown = truncate_to_width(&text, usize::from(row.width));
    let cut = words_cut(&text, &shown);
    frame.render_widget(Paragraph::new(Span::styled(shown, style)), row);
    cut
}

/// How many words of `text` are missing or cut in `shown`, which is `text` itself or a
/// prefix of it ended by `…`.
pub(super) fn words_cut(text: &str, shown: &str) -> usize {
    if shown == text {
        return 0;
    }
    let prefix = shown.strip_suffix('…').unwrap_or(shown);
    let rest = text.get(prefix.len()..).unwrap_or("");
    // A word the cut went through counts as hidden: the room cannot read half a word.
    let whole = if rest.starts_with(char::is_whitespace) {
        prefix.split_whitespace().count()
    } else {
        prefix.split_whitespace().count().saturating_sub(1)
    };
    text.split_whitespace().count().saturating_sub(whole)
}

/// A quotation of the statement for the gate dialog, short enough to read aloud.
fn quoted(text: &str) -> String {
    format!("“{}”", truncate_to_width(&one_line(text), 200))
}

/// An editor for the reason behind a gate decision; `purpose` says which decision.
fn reason_editor(title: &str, purpose: VisionPurpose) -> Intent {
    Intent::Edit {
        title: title.to_string(),
        initial: String::new(),
        mode: EditorMode::MultiLine,
        purpose: Purpose::Vision(purpose),
    }
}

fn take_a_pass_option() -> ConfirmOption {
    ConfirmOption {
        key: 'x',
        label: "Take a pass".to_string(),
        then: reason_editor(
            "Why do the partners take a pass? (the summary records it)",
            VisionPurpose::PassReason {
                then: Stage::Summary,
            },
        ),
    }
}

/// The vision gate's dialog, opened by `g` on this screen, and by the app on PageDown
/// at this stage while the gate is undecided. It names what is being decided and offers
/// only the decisions that make sense right now.
pub fn gate_intent(session: &Session) -> Intent {
    let title = "Vision gate".to_string();
    let confirm = match &session.gate {
        Some(decision) => {
            let mut lines = match decision {
                GateDecision::Proceed {
                    override_reason: None,
                } => vec![
                    "The gate was passed: every partner agreed to the shared statement.".to_string(),
                ],
                GateDecision::Proceed {
                    override_reason: Some(reason),
                } => vec![
                    "The moderator overrode the gate, with this reason:".to_string(),
                    quoted(reason),
                ],
                GateDecision::TakeAPass { reason } => vec![
                    "The partners took a pass, with this reason:".to_string(),
                    quoted(reason),
                    "That is a sound outcome; the summary records it.".to_string(),
                ],
            };
            lines.push(String::new());
            lines.push("Reopening the gate lets the room decide again.".to_string());
            let mut options = vec![ConfirmOption {
                key: 'r',
                label: "Reopen the gate".to_string(),
                then: Intent::Record(vec![Change::GateReopened]),
            }];
            if matches!(decision, GateDecision::Proceed { .. }) {
                options.push(ConfirmOption {
                    key: 'n',
                    label: "Go on to the role split".to_string(),
                    then: Intent::GoTo(Stage::Roles),
                });
            }
            Confirm {
                title,
                lines,
                options,
            }
        }
        None => match gate_missing(session) {
            None => Confirm {
                title,
                lines: vec![
                    "Every partner agrees to the shared statement:".to_string(),
                    quoted(&session.statement),
                    String::new(),
                    "Go on to the role split, or take a pass here.".to_string(),
                ],
                options: vec![
                    ConfirmOption {
                        key: 'p',
                        label: "Proceed to the role split".to_string(),
                        then: Intent::Record(vec![
                            Change::GateDecided {
                                decision: GateDecision::Proceed {
                                    override_reason: None,
                                },
                            },
                            Change::MovedTo { stage: Stage::Roles },
                        ]),
                    },
                    take_a_pass_option(),
                ],
            },
            Some(missing) => Confirm {
                title,
                lines: vec![
                    format!("The gate still needs {missing}."),
                    String::new(),
                    "The moderator can override it (the reason is recorded), or the partners can take a pass.".to_string(),
                ],
                options: vec![
                    ConfirmOption {
                        key: 'o',
                        label: "Override and proceed".to_string(),
                        then: reason_editor(
                            "Why go on without a full agreement? (recorded with the decision)",
                            VisionPurpose::OverrideReason { then: Stage::Roles },
                        ),
                    },
                    take_a_pass_option(),
                ],
            },
        },
    };
    Intent::Confirm(confirm)
}
