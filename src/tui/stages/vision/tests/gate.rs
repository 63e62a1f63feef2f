//! The vision gate's dialog: deciding, overriding, taking a pass, reopening.

use crate::domain::{Change, GateDecision, Stage, sample};
use crate::tui::intent::Intent;
use crate::tui::stages::testing::{fresh, proceed, recorded};

use super::super::gate_intent;
use super::{confirm, option, record, submit};

#[test]
fn gate_when_ready_proceeds_or_takes_a_pass() {
    let mut history = proceed();
    record(&mut history, vec![Change::GateReopened]);
    let dialog = confirm(gate_intent(history.session()));
    assert!(dialog.lines[1].contains("Mid-size discrete"));
    let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
    assert_eq!(keys, vec!['p', 'x']);
    let mut going = history.clone();
    record(&mut going, recorded(Some(option(dialog, 'p'))));
    assert_eq!(
        going.session().gate,
        Some(GateDecision::Proceed {
            override_reason: None
        })
    );
    assert_eq!(going.session().current, Stage::Roles);

    let pass = option(confirm(gate_intent(history.session())), 'x');
    let Intent::Edit { purpose, .. } = pass else {
        panic!("expected an editor")
    };
    assert!(crate::tui::submit::submit_text(&purpose, "  ".into(), history.session()).is_err());
    let pass = option(confirm(gate_intent(history.session())), 'x');
    let changes = submit(Some(pass), "Different markets after all", history.session()).unwrap();
    record(&mut history, changes);
    assert_eq!(
        history.session().gate,
        Some(GateDecision::TakeAPass {
            reason: "Different markets after all".into()
        })
    );
    assert_eq!(history.session().current, Stage::Summary);
}

#[test]
fn gate_when_not_ready_names_what_is_missing_and_offers_override() {
    let mut history = fresh(2);
    let dialog = confirm(gate_intent(history.session()));
    assert!(
        dialog.lines[0].contains("a shared statement"),
        "{:?}",
        dialog.lines
    );
    assert!(dialog.lines[0].contains("Globex Integration"));
    let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
    assert_eq!(keys, vec!['o', 'x']);
    let changes = submit(
        Some(option(dialog, 'o')),
        "Agreement comes after the pilot",
        history.session(),
    )
    .unwrap();
    record(&mut history, changes);
    assert_eq!(
        history.session().gate,
        Some(GateDecision::Proceed {
            override_reason: Some("Agreement comes after the pilot".into())
        })
    );
    assert_eq!(history.session().current, Stage::Roles);
}

#[test]
fn gate_when_decided_offers_reopen_and_going_on() {
    let mut history = proceed();
    let dialog = confirm(gate_intent(history.session()));
    assert!(dialog.lines[0].contains("passed"));
    let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
    assert_eq!(keys, vec!['r', 'n']);
    assert!(matches!(option(dialog, 'n'), Intent::GoTo(Stage::Roles)));
    let reopen = recorded(Some(option(confirm(gate_intent(history.session())), 'r')));
    record(&mut history, reopen);
    assert_eq!(history.session().gate, None);

    let passed = sample::example_pass().unwrap();
    let dialog = confirm(gate_intent(passed.session()));
    assert!(dialog.lines.iter().any(|l| l.contains("brand-neutral")));
    let keys: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
    assert_eq!(keys, vec!['r']);
}
