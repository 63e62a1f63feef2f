//! Drawing cost of every stage screen for a large session (1,000 items) at 200×50, the
//! whole frame: header, body, footer, diff and all. Budget: under 2 ms median per frame.
//! Also a sealed round of 64 people with 10 answers each, open (the counts) and revealed.

use std::hint::black_box;
use std::rc::Rc;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use sameside::domain::Stage;
use sameside::domain::sample::large;
use sameside::storage::dirs::{DirSource, SessionsDir};
use sameside::tui::app::{App, Screen};
use sameside::tui::clock::FixedClock;
use sameside::tui::session_view::SessionView;
use sameside::tui::theme::Theme;

fn app_on_large_session() -> Option<App> {
    let history = large(4, 1_000, 1_200).ok()?;
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).single()?;
    let clock = Rc::new(FixedClock::new(now));
    let dir = SessionsDir {
        path: std::env::temp_dir(),
        source: DirSource::Flag,
    };
    let mut app = App::new(dir, Theme::dark(), clock);
    let view = SessionView::read_only(history, "bench".into(), "benchmark".into(), now);
    app.screen = Screen::Session(Box::new(view));
    Some(app)
}

fn render_stages(c: &mut Criterion) {
    let Some(mut app) = app_on_large_session() else {
        eprintln!("could not build the benchmark session");
        return;
    };
    let Ok(mut terminal) = Terminal::new(TestBackend::new(200, 50));
    for stage in Stage::ALL {
        if let Screen::Session(view) = &mut app.screen {
            view.show_stage(stage);
        }
        let name = format!("render 200x50 {}", stage.label());
        c.bench_function(&name, |b| {
            b.iter(|| {
                let _ = terminal.draw(|frame| app.render(frame));
                black_box(terminal.backend());
            })
        });
    }
}

/// The projector extras: focus mode (the selected item alone, its title in large
/// letters) and a stage under a large title, on a tall terminal where both apply.
fn render_projector(c: &mut Criterion) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let Some(mut app) = app_on_large_session() else {
        return;
    };
    let Ok(mut terminal) = Terminal::new(TestBackend::new(200, 60));
    if let Screen::Session(view) = &mut app.screen {
        view.show_stage(Stage::Roles);
    }
    c.bench_function("render 200x60 Role split under a large title", |b| {
        b.iter(|| {
            let _ = terminal.draw(|frame| app.render(frame));
            black_box(terminal.backend());
        })
    });
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE));
    c.bench_function("render 200x60 focus on a role", |b| {
        b.iter(|| {
            let _ = terminal.draw(|frame| app.render(frame));
            black_box(terminal.backend());
        })
    });
}

/// Eight partners of eight people, a self-interest round open for all 64, and ten
/// answers sealed by each: 640 seals. Returns the history and the kept answers.
fn full_round() -> Option<(
    sameside::domain::History,
    sameside::storage::sealed::SealedAnswers,
)> {
    use sameside::domain::rounds::{Answer, Labelling, RoundKind, RoundSpec, Seat};
    use sameside::domain::*;
    use sameside::storage::sealed::SealedAnswers;
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).single()?;
    let partners = (1..=8u32)
        .map(|n| NewPartner {
            id: PartnerId(n),
            name: format!("Partner {n}"),
            brings: String::new(),
        })
        .collect();
    let mut history = History::create(
        at,
        Change::Created {
            title: "Full room".into(),
            moderator: "Dana".into(),
            kind: PartnershipType::SystemIntegrator,
            partners,
            roles: Vec::new(),
        },
    )
    .ok()?;
    let mut seats = Vec::new();
    for partner in 1..=8u32 {
        for n in 0..8u32 {
            let name = format!("Person {partner}-{n}");
            let representative = Representative {
                id: ItemId(100 + partner * 10 + n),
                name: name.clone(),
                function: Function::Sales,
            };
            history
                .record(
                    at,
                    Change::RepresentativeAdded {
                        partner: PartnerId(partner),
                        representative,
                    },
                )
                .ok()?;
            seats.push(Seat {
                partner: PartnerId(partner),
                person: name,
            });
        }
    }
    let round = ItemId(1_000);
    history
        .record(
            at,
            Change::RoundOpened {
                round: RoundSpec {
                    id: round,
                    kind: RoundKind::Interests,
                    prompt: "What must your side get out of this?".into(),
                    labelling: Labelling::ByPerson,
                    seats: seats.clone(),
                },
            },
        )
        .ok()?;
    let mut sealed = SealedAnswers::new(round);
    let mut number = 0;
    for seat in &seats {
        for k in 0..10 {
            number += 1;
            let answer = Answer::Interest {
                statement: format!(
                    "Interest {k} of {}: keep the accounts we serve",
                    seat.person
                ),
                category: InterestCategory::Territory,
                weight: Weight::Important,
                function: Function::Sales,
            };
            let change = sealed
                .seal(
                    RoundKind::Interests,
                    number,
                    seat.partner,
                    &seat.person,
                    answer,
                )
                .ok()?;
            history.record(at, change).ok()?;
        }
    }
    Some((history, sealed))
}

fn render_round(c: &mut Criterion) {
    let Some((history, sealed)) = full_round() else {
        eprintln!("could not build the round");
        return;
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 5, 0).single();
    let Some(now) = now else { return };
    let dir = SessionsDir {
        path: std::env::temp_dir(),
        source: DirSource::Flag,
    };
    let Ok(mut terminal) = Terminal::new(TestBackend::new(200, 50));
    let mut app = App::new(dir.clone(), Theme::dark(), Rc::new(FixedClock::new(now)));
    let view = SessionView::read_only(history.clone(), "bench".into(), "benchmark".into(), now);
    app.screen = Screen::Session(Box::new(view));
    c.bench_function("render 200x50 sealed round, 64 seats, 640 answers", |b| {
        b.iter(|| {
            let _ = terminal.draw(|frame| app.render(frame));
            black_box(terminal.backend());
        })
    });
    let mut history = history;
    let Some(round) = history.session().open_round().cloned() else {
        return;
    };
    let mut next = 5_000;
    let Ok(reveal) = sealed.reveal(&round, || {
        next += 1;
        sameside::domain::ItemId(next)
    }) else {
        return;
    };
    if history.record(now, reveal).is_err() {
        return;
    }
    let mut app = App::new(dir, Theme::dark(), Rc::new(FixedClock::new(now)));
    let mut view = SessionView::read_only(history, "bench".into(), "benchmark".into(), now);
    view.show_round_result();
    app.screen = Screen::Session(Box::new(view));
    c.bench_function("render 200x50 revealed round, 640 answers", |b| {
        b.iter(|| {
            let _ = terminal.draw(|frame| app.render(frame));
            black_box(terminal.backend());
        })
    });
}

criterion_group!(benches, render_stages, render_projector, render_round);
criterion_main!(benches);
