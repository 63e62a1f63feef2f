//! Crash safety of saving, tried for real: a writer process saves a ~10 MB session over
//! and over and is killed with SIGKILL at random moments, 200 times. After each kill the
//! file must still decode (no torn file), and the next open must leave no temp file of a
//! save that died behind.
//!
//! The writer is this test binary itself, started again with `SAMESIDE_CRASH_WRITER` set
//! to the session's path; it then opens the session and saves through the library's save
//! path (`save_session`, what the autosave worker calls) until it is killed. No hook in
//! the app is needed.
//!
//! Ignored by default because it takes a while (about a minute and a half with a release build on two cores);
//! CI runs it: `cargo test --release --test storage_crash -- --ignored --nocapture`.
#![cfg(unix)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::Duration as Minutes;
use sameside::domain::sample::large;
use sameside::domain::{Change, PartnerId, Stage};
use sameside::storage::format::encode;
use sameside::storage::store::{open_session, save_session};
use sameside::storage::{Access, Header};

const WRITER: &str = "SAMESIDE_CRASH_WRITER";
const TEST_NAME: &str = "kill_9_at_random_moments_never_tears_a_session_or_leaves_a_temp_file";
/// What the writer prints once it holds the session and starts saving.
const READY: &str = "writer-ready";
const CYCLES: usize = 200;
/// Kills land between the writer saying it is ready and this long after: a few saves of
/// a 10 MB file, so that they hit the encoding, the write, the sync and the rename.
const KILL_WINDOW_MS: u64 = 400;

#[test]
#[ignore = "a crash-safety soak of over a minute; CI runs it with --ignored"]
fn kill_9_at_random_moments_never_tears_a_session_or_leaves_a_temp_file() {
    if let Some(path) = std::env::var_os(WRITER) {
        write_until_killed(Path::new(&path));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let history = ten_megabytes();
    let header = Header::for_history("crash", None, &history);
    let text = encode(&header, &history).unwrap();
    fs::write(&path, &text).unwrap();
    println!(
        "session file: {} bytes, {} events",
        text.len(),
        history.events().len()
    );
    assert!(text.len() > 8_000_000, "the session should be about 10 MB");

    let mut random = Random::seeded();
    let (mut torn, mut left_over, mut temp_seen, mut saves) = (0, 0, 0, 0usize);
    let mut events_before = history.events().len();
    for cycle in 0..CYCLES {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", TEST_NAME, "--ignored", "--nocapture"])
            .arg("--test-threads=1")
            .env(WRITER, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the writer holds the session, then let it save for a random while.
        let stdout = child.stdout.take().unwrap();
        let ready = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            // libtest may print the test's name on the same line first.
            .any(|line| line.ends_with(READY));
        assert!(ready, "cycle {cycle}: the writer did not start");
        std::thread::sleep(Duration::from_millis(random.below(KILL_WINDOW_MS)));
        child.kill().unwrap();
        child.wait().unwrap();

        temp_seen += temp_files(dir.path()).len();
        // The next open: it must decode, and it clears what the dead writer left.
        match open_session(&path) {
            Ok(opened) => {
                assert!(matches!(opened.access, Access::Exclusive(_)));
                let events = opened.history.events().len();
                saves += events - events_before;
                events_before = events;
            }
            Err(e) => {
                torn += 1;
                println!("cycle {cycle}: torn file: {e}");
            }
        }
        let left = temp_files(dir.path());
        if !left.is_empty() {
            println!("cycle {cycle}: left behind after the open: {left:?}");
        }
        left_over += left.len();
    }
    println!(
        "{CYCLES} kill -9 cycles: {torn} torn files, {left_over} temp files left after the next \
         open, {temp_seen} temp files of interrupted saves removed, {saves} saves completed"
    );
    assert_eq!(torn, 0, "torn session files");
    assert_eq!(left_over, 0, "temp files left after opening");
}

/// A busy session grown to about 10 MB with long views: long texts rather than more
/// events, so that each open (which replays every event) stays quick.
fn ten_megabytes() -> sameside::domain::History {
    let mut history = large(4, 1_000, 2_000).expect("a large session");
    let mut at = history.events().last().map(|e| e.at).unwrap();
    let filler = "The partners restate their view of the joint opportunity at length. ".repeat(30);
    for n in 0..5_000u32 {
        at += Minutes::minutes(1);
        let change = Change::ViewSet {
            partner: PartnerId(1 + n % 4),
            text: format!("View {n}: {filler}"),
        };
        history.record(at, change).unwrap();
    }
    history
}

/// The writer child: opens the session (taking its lock, as the app does), says so, and
/// saves one more change after another until it is killed.
fn write_until_killed(path: &Path) -> ! {
    let mut opened = open_session(path).expect("the writer opens the session");
    assert!(matches!(opened.access, Access::Exclusive(_)));
    println!("{READY}");
    let mut at = opened.history.events().last().map(|e| e.at).unwrap();
    loop {
        at += Minutes::minutes(1);
        let minutes = 1 + (opened.history.events().len() % 500) as u32;
        let change = Change::TimeboxSet {
            stage: Stage::Vision,
            minutes,
        };
        opened.history.record(at, change).unwrap();
        let header = Header::for_history(&opened.header.id, None, &opened.history);
        save_session(&opened.path, &header, &opened.history).unwrap();
    }
}

/// Hidden temp files of saves, of the session or of its backup.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(".tmp-"))
        })
        .collect()
}

/// A small xorshift generator: kill moments need to vary, not to be unpredictable.
struct Random(u64);

impl Random {
    fn seeded() -> Random {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        println!("kill moments seeded with {nanos}");
        Random(nanos | 1)
    }

    fn below(&mut self, limit: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % limit.max(1)
    }
}
