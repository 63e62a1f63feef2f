//! The session list over 1,000 files (copies of the shipped Northwind example):
//! - cold: no list cache, as a first `sameside list` does (headers, plus the newest
//!   files checked in full up front);
//! - warm: every file known to the list cache, as after `sameside check` or a home
//!   screen that finished its background checks;
//! - the home screen's first paint, cold and warm: building the list and drawing it
//!   into a 120×40 frame (the background checks then run on their own thread).
//!
//! Budget for each: under 100 ms, growing linearly with the number of files.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use sameside::storage::dirs::{DirSource, SessionsDir};
use sameside::storage::list_cache::ListCache;
use sameside::storage::listing::{CHECKS_UP_FRONT, check_first, list_sessions, scan};
use sameside::tui::home::HomeScreen;
use sameside::tui::theme::Theme;

const FILES: usize = 1_000;

fn folder(dir: &Path) -> std::io::Result<()> {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join("2026-11-12-northwind-globex-plant-floor-analytics.ron");
    let text = std::fs::read(example)?;
    for i in 0..FILES {
        std::fs::write(dir.join(format!("s{i:04}.ron")), &text)?;
    }
    Ok(())
}

/// What `sameside list` does before it prints.
fn list(dir: &Path, cache_dir: Option<&Path>) -> usize {
    let mut cache = ListCache::load(cache_dir, dir);
    let Ok(mut rows) = scan(dir, &mut cache) else {
        return 0;
    };
    check_first(&mut rows, &mut cache, CHECKS_UP_FRONT);
    rows.len()
}

fn first_paint(dir: &SessionsDir, cache_dir: Option<PathBuf>) -> bool {
    let home = HomeScreen::with_cache(dir.clone(), None, cache_dir);
    let Ok(mut terminal) = Terminal::new(TestBackend::new(120, 40));
    let theme = Theme::dark();
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap();
    terminal
        .draw(|frame| home.render(frame, frame.area(), &theme, now, None))
        .is_ok()
}

fn bench(c: &mut Criterion) {
    let (Ok(sessions), Ok(cache)) = (tempfile::tempdir(), tempfile::tempdir()) else {
        return;
    };
    if folder(sessions.path()).is_err() {
        eprintln!("could not write the benchmark folder");
        return;
    }
    // Fill the warm cache once, as a full check would.
    let mut warm = ListCache::load(Some(cache.path()), sessions.path());
    if let Ok(mut rows) = scan(sessions.path(), &mut warm) {
        check_first(&mut rows, &mut warm, FILES);
    }
    let _ = warm.save();
    let dir = SessionsDir {
        path: sessions.path().to_path_buf(),
        source: DirSource::Flag,
    };

    c.bench_function("list 1,000 files, cold (headers + 20 checks)", |b| {
        b.iter(|| black_box(list(sessions.path(), None)))
    });
    c.bench_function("list 1,000 files, warm (list cache)", |b| {
        b.iter(|| black_box(list(sessions.path(), Some(cache.path()))))
    });
    c.bench_function("home first paint, 1,000 files, cold", |b| {
        b.iter(|| black_box(first_paint(&dir, None)))
    });
    c.bench_function("home first paint, 1,000 files, warm", |b| {
        b.iter(|| black_box(first_paint(&dir, Some(cache.path().to_path_buf()))))
    });
    let mut slow = c.benchmark_group("before");
    slow.sample_size(10);
    slow.bench_function("check all 1,000 files in full (the old list)", |b| {
        b.iter(|| black_box(list_sessions(sessions.path()).map(|l| l.len()).ok()))
    });
    slow.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
