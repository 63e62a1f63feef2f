//! Drawing cost of every stage screen for a large session (1,000 items) at 200×50, the
//! whole frame: header, body, footer, diff and all. Budget: under 2 ms median per frame.

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

criterion_group!(benches, render_stages, render_projector);
criterion_main!(benches);
