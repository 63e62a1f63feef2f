//! The command line: `sameside` opens the session list; subcommands create, open, list
//! and check sessions. Everything that does not need the screen works without a terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use clap::{Parser, Subcommand};

use crate::domain::PartnershipType;
use crate::domain::board::board;
use crate::domain::change::{MAX_PARTNERS, MIN_PARTNERS};
use crate::domain::tally::Tally;
use crate::export::{CsvTable, Format, Notes, render};
use crate::storage::Listed;
use crate::storage::atomic::write_atomically;
use crate::storage::dirs::{SessionsDir, ensure_dir, resolve_sessions_dir, resolve_themes_dir};
use crate::storage::format::{Decoded, decode_as_written, header_disagreements};
use crate::storage::store::{list_sessions, read_record, read_session, read_session_bytes};
use crate::theme::Catalog;
use crate::theme::measure::{Need, lowest};
use crate::tui::app::StatusKind;
use crate::tui::clock::SystemClock;
use crate::tui::setup::SetupScreen;
use crate::tui::theme::{ColourDepth, ThemeChoice, Themes, no_color};
use crate::tui::{self, App};

#[derive(Debug, Parser)]
#[command(
    name = "sameside",
    version,
    about = "Moderate a partnership session: market vision, role split, self-interests, conflict check",
    long_about = "Moderate a partnership session on a projected terminal. Without a command, sameside opens the list of sessions.\n\nSessions are RON files in the sessions directory: --dir, else $SAMESIDE_DIR, else the platform data directory."
)]
pub struct Cli {
    /// The sessions directory (overrides $SAMESIDE_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The colour theme: a name from `sameside themes`, or a theme file. Overrides
    /// $NO_COLOR. $SAMESIDE_THEME gives a standing choice, for a room's machine
    #[arg(long, global = true, value_name = "NAME|PATH", env = "SAMESIDE_THEME")]
    pub theme: Option<String>,

    /// The colours the terminal shows: truecolor, 256 or 16. Without it, detected from
    /// $COLORTERM and $TERM
    #[arg(long = "colour", visible_alias = "color", global = true, value_name = "DEPTH", value_parser = parse_depth)]
    pub colour: Option<ColourDepth>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session and open it. With a title and at least two partners it starts at
    /// once; otherwise the setup screen opens with what was given
    New {
        /// The session's title
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// A partner's name; repeat for each partner (2 to 8)
        #[arg(long = "partner", value_name = "NAME")]
        partners: Vec<String>,
        /// Partnership type: channel-reseller, system-integrator, service-provider,
        /// alliance-member, technology-oem, rd-consortium, or other:NAME
        #[arg(long = "type", value_name = "TYPE", value_parser = parse_kind)]
        kind: Option<PartnershipType>,
        /// The moderator's name
        #[arg(long, value_name = "NAME")]
        moderator: Option<String>,
    },
    /// Open a session file
    Open {
        /// The session file (.ron)
        file: PathBuf,
    },
    /// Replay a session event by event on the session screens, at a chosen speed. The
    /// file is only read (never written or locked), so a read-only file or one another
    /// sameside has open replays too; `c` continues from any event in a new file
    Replay {
        /// The session file (.ron)
        file: PathBuf,
    },
    /// Show a session to the audience: its current stage, read-only, following the file
    /// as the moderator's sameside saves it (from another terminal, or over ssh). The
    /// file is only read, never written or locked
    Present {
        /// The session file (.ron)
        file: PathBuf,
    },
    /// List the sessions in the sessions directory, newest first
    List {
        /// Tab-separated columns, no padding, for scripts
        #[arg(long)]
        tsv: bool,
    },
    /// Write the session's notes as Markdown (default), HTML, JSON or CSV
    Export {
        /// The session file (.ron)
        file: PathBuf,
        /// md, html, json or csv; without it, taken from OUT's extension, else md
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
        /// Where to write; standard output without it. For CSV without --table, two
        /// files are written: OUT-actions.csv and OUT-conflicts.csv
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// For CSV: which table (actions or conflicts)
        #[arg(long, value_parser = parse_table)]
        table: Option<CsvTable>,
    },
    /// List the colour themes, shipped and your own, with their lowest contrast; exits 1
    /// if a theme file is broken
    Themes,
    /// Check session files; prints one line per file, exits 1 if any is invalid
    Check {
        /// The session files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

fn parse_format(text: &str) -> Result<Format, String> {
    match text.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Ok(Format::Markdown),
        "html" | "htm" => Ok(Format::Html),
        "json" => Ok(Format::Json),
        "csv" => Ok(Format::Csv),
        _ => Err(format!(
            "'{text}' is not a format; use md, html, json or csv"
        )),
    }
}

fn parse_table(text: &str) -> Result<CsvTable, String> {
    match text.to_ascii_lowercase().as_str() {
        "actions" | "action-items" => Ok(CsvTable::Actions),
        "conflicts" => Ok(CsvTable::Conflicts),
        _ => Err(format!("'{text}' is not a table; use actions or conflicts")),
    }
}

fn parse_depth(text: &str) -> Result<ColourDepth, String> {
    ColourDepth::parse(text)
        .ok_or_else(|| format!("'{text}' is not a colour depth; use truecolor, 256 or 16"))
}

fn parse_kind(text: &str) -> Result<PartnershipType, String> {
    PartnershipType::parse(text).ok_or_else(|| {
        format!(
            "'{text}' is not a partnership type; use channel-reseller, system-integrator, service-provider, alliance-member, technology-oem, rd-consortium or other:NAME"
        )
    })
}

fn sessions_dir(flag: Option<&Path>) -> Result<SessionsDir, String> {
    let dir =
        resolve_sessions_dir(flag, std::env::var_os("SAMESIDE_DIR")).map_err(|e| e.to_string())?;
    ensure_dir(&dir.path).map_err(|e| format!("{}: {e}", dir.path.display()))?;
    Ok(dir)
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sameside: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let look = Look {
        theme: cli.theme.clone(),
        colour: cli.colour,
    };
    match cli.command {
        Some(Command::Themes) => Ok(themes(&catalog())),
        Some(Command::Check { files }) => Ok(check(&files)),
        Some(Command::Export {
            file,
            format,
            output,
            table,
        }) => export(&file, format, output.as_deref(), table),
        Some(Command::List { tsv }) => {
            let dir = sessions_dir(cli.dir.as_deref())?;
            list(&dir, tsv)
        }
        Some(Command::Open { file }) => {
            // Fail before taking over the screen, so the message stays readable.
            read_session(&file).map_err(|e| e.to_string())?;
            let mut app = start(cli.dir.as_deref(), &look)?;
            app.open(&file);
            interactive(app)
        }
        Some(Command::Replay { file }) => {
            // Read before taking over the screen: a file that cannot show even its first
            // event gets its `path:line:col` message on a normal terminal, like `check`.
            if let Err(e) = read_record(&file) {
                eprintln!("{e}");
                return Ok(ExitCode::from(1));
            }
            let mut app = start(cli.dir.as_deref(), &look)?;
            app.replay(&file);
            interactive(app)
        }
        Some(Command::Present { file }) => {
            // Read before taking over the screen, as for `replay`: a file that cannot be
            // shown at all gets its `path:line:col` message on a normal terminal.
            if let Err(e) = read_session(&file) {
                eprintln!("{e}");
                return Ok(ExitCode::from(1));
            }
            let mut app = start(cli.dir.as_deref(), &look)?;
            app.present(&file);
            interactive(app)
        }
        Some(Command::New {
            title,
            partners,
            kind,
            moderator,
        }) => {
            if partners.len() > MAX_PARTNERS {
                return Err(format!(
                    "a session has at most {MAX_PARTNERS} partners, {} given",
                    partners.len()
                ));
            }
            let mut app = start(cli.dir.as_deref(), &look)?;
            let setup = SetupScreen::new(title.as_deref(), &partners, kind.as_ref());
            let ready = title.as_deref().is_some_and(|t| !t.trim().is_empty())
                && partners.len() >= MIN_PARTNERS;
            match setup.build() {
                Ok(crate::domain::Change::Created {
                    title,
                    kind,
                    partners,
                    roles,
                    ..
                }) if ready => {
                    let created = crate::domain::Change::Created {
                        title,
                        moderator: moderator.unwrap_or_default(),
                        kind,
                        partners,
                        roles,
                    };
                    app.create(created)?;
                }
                _ => app.start_setup(setup),
            }
            interactive(app)
        }
        None => {
            let app = start(cli.dir.as_deref(), &look)?;
            interactive(app)
        }
    }
}

/// The theme flags.
struct Look {
    theme: Option<String>,
    colour: Option<ColourDepth>,
}

/// The shipped themes and the user's.
fn catalog() -> Catalog {
    let dir = resolve_themes_dir(std::env::var_os("SAMESIDE_CONFIG_DIR"));
    Catalog::load(dir.as_ref().map(|d| d.path.as_path()))
}

fn start(dir: Option<&Path>, look: &Look) -> Result<App, String> {
    if !std::io::stdout().is_terminal() {
        return Err("the session screens need a terminal; in scripts use `sameside list` or `sameside check`".to_string());
    }
    let dir = sessions_dir(dir)?;
    let choice = ThemeChoice {
        requested: look.theme.clone(),
        no_color: no_color(std::env::var_os("NO_COLOR").as_deref()),
        depth: look.colour.unwrap_or_else(ColourDepth::from_env),
    };
    let themes = Themes::select(&choice, &catalog());
    // crossterm drops every colour when NO_COLOR is set. The theme choice above already
    // honours NO_COLOR (mono draws no colour at all), and an explicit --theme must be
    // able to override it, as no-color.org asks; so the decision is left to the theme.
    ratatui::crossterm::style::Colored::set_ansi_color_disabled(false);
    let notice = themes.notice().map(str::to_string);
    let mut app = App::new(dir, themes.current().clone(), Rc::new(SystemClock));
    app.set_themes(themes);
    // A theme that could not be used is said on the wall, not in a message that the
    // screen would cover at once.
    if let Some(notice) = notice {
        app.status = Some((notice, StatusKind::Warn));
    }
    Ok(app)
}

/// A contrast ratio rounded down, so the listing never claims more than was measured.
fn ratio_text(ratio: Option<f64>) -> String {
    ratio.map_or("-".to_string(), |r| {
        format!("{:.1}:1", (r * 10.0).floor() / 10.0)
    })
}

fn themes(catalog: &Catalog) -> ExitCode {
    let mut rows: Vec<[String; 6]> = vec![[
        "NAME".into(),
        "KIND".into(),
        "TEXT".into(),
        "MUTED".into(),
        "ORIGIN".into(),
        "STATUS".into(),
    ]];
    for entry in &catalog.entries {
        let origin = if entry.overrides_shipped {
            format!("{} (overrides shipped)", entry.origin)
        } else {
            entry.origin.to_string()
        };
        rows.push(match &entry.palette {
            Ok(palette) => [
                entry.name.clone(),
                palette.kind().to_string(),
                ratio_text(lowest(palette, Need::Text)),
                ratio_text(lowest(palette, Need::Muted)),
                origin,
                "ok".into(),
            ],
            Err(e) => [
                entry.name.clone(),
                "-".into(),
                "-".into(),
                "-".into(),
                origin,
                e.to_string(),
            ],
        });
    }
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let text = text.replace(['\t', '\n', '\r'], " ");
                if c == 5 {
                    text
                } else {
                    format!(
                        "{text}{}",
                        " ".repeat(widths[c].saturating_sub(width(&text)))
                    )
                }
            })
            .collect();
        println!("{}", line.join("  "));
    }
    if let Some(error) = &catalog.dir_error {
        println!("{error}");
    }
    match resolve_themes_dir(std::env::var_os("SAMESIDE_CONFIG_DIR")) {
        Some(dir) => eprintln!(
            "your own themes go in {}/NAME.ron (from {}); TEXT and MUTED are the lowest contrast, truecolour or 256 colours",
            dir.path.display(),
            dir.source
        ),
        None => eprintln!("no home directory: set SAMESIDE_CONFIG_DIR to use your own themes"),
    }
    if catalog.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn interactive(app: App) -> Result<ExitCode, String> {
    tui::run(app).map_err(|e| format!("terminal error: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn export(
    file: &Path,
    format: Option<Format>,
    output: Option<&Path>,
    table: Option<CsvTable>,
) -> Result<ExitCode, String> {
    let (header, history) = match read_session(file) {
        Ok(loaded) => loaded,
        Err(e) => {
            // The same message as `check`, and nothing written.
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let format = format
        .or_else(|| output.and_then(Format::from_extension))
        .unwrap_or(Format::Markdown);
    let notes = Notes::new(&history, &header, chrono::Utc::now());
    let outputs: Vec<(Option<PathBuf>, CsvTable)> = match (format, output, table) {
        (Format::Csv, None, None) => {
            eprintln!(
                "sameside: CSV on standard output holds one table: add --table actions or --table conflicts"
            );
            return Ok(ExitCode::from(2));
        }
        (Format::Csv, Some(out), None) => {
            let stem = out.with_extension("");
            let named = |suffix: &str| PathBuf::from(format!("{}-{suffix}.csv", stem.display()));
            vec![
                (Some(named("actions")), CsvTable::Actions),
                (Some(named("conflicts")), CsvTable::Conflicts),
            ]
        }
        (_, out, table) => vec![(
            out.map(Path::to_path_buf),
            table.unwrap_or(CsvTable::Actions),
        )],
    };
    for (out, table) in outputs {
        let text = render(&notes, format, table)?;
        match out {
            None => print!("{text}"),
            Some(path) => {
                // Atomic, so a failed write never leaves half a document behind.
                if let Err(e) = write_atomically(&path, text.as_bytes()) {
                    eprintln!("sameside: cannot write {}: {e}", path.display());
                    return Ok(ExitCode::from(1));
                }
                eprintln!("wrote {}", path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for file in files {
        let read = read_session_bytes(file).and_then(|bytes| decode_as_written(file, &bytes));
        match read {
            Ok(Decoded {
                header,
                history,
                written,
            }) => {
                let session = history.session();
                // The events win, but someone editing the file should know that the
                // header they see in it is not what the app shows.
                let stale: String = header_disagreements(&written, &header)
                    .iter()
                    .map(|d| format!("; {d}"))
                    .collect();
                let stale = if stale.is_empty() {
                    stale
                } else {
                    format!("{stale} (the events win; the next save rewrites the header)")
                };
                let verdict = session
                    .verdict
                    .map_or("no verdict yet".to_string(), |v| format!("verdict: {v}"));
                let tally = Tally::of(&board(session));
                println!(
                    "{}: ok — '{}', {} partners, {} events, reached {}, {}; conflicts: {} on the board, {} ({} settled, {} deal-breakers, {} parked, {} dismissed){}",
                    file.display(),
                    session.title,
                    session.partners.len(),
                    history.events().len(),
                    session.reached,
                    verdict,
                    tally.on_board(),
                    tally.outcomes.open_summary(),
                    tally.settled(),
                    tally.deal_breakers(),
                    tally.parked(),
                    tally.dismissed(),
                    stale,
                );
            }
            Err(e) => {
                all_valid = false;
                println!("{e}");
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn list(dir: &SessionsDir, tsv: bool) -> Result<ExitCode, String> {
    let entries = list_sessions(&dir.path).map_err(|e| format!("{}: {e}", dir.path.display()))?;
    let mut rows: Vec<[String; 7]> = vec![[
        "UPDATED".into(),
        "STAGE".into(),
        "VERDICT".into(),
        "TYPE".into(),
        "PARTNERS".into(),
        "TITLE".into(),
        "FILE".into(),
    ]];
    for entry in &entries {
        let file = entry.path().display().to_string();
        rows.push(match entry {
            Listed::Readable { header, .. } => [
                header.updated.format("%Y-%m-%d %H:%M").to_string(),
                header.stage_reached.label().to_string(),
                header
                    .verdict
                    .map_or("-".to_string(), |v| v.label().to_string()),
                header.kind.label(),
                header.partners.join(", "),
                header.title.clone(),
                file,
            ],
            Listed::Damaged { error, .. } => [
                "-".into(),
                "DAMAGED".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                error.to_string(),
                file,
            ],
        });
    }
    if entries.is_empty() {
        eprintln!("no sessions in {}", dir.path.display());
    }
    // One row per line whatever the titles contain, and columns aligned by display width
    // so CJK and emoji titles do not push the file names out of line.
    for row in &mut rows {
        for cell in row.iter_mut() {
            *cell = cell.replace(['\t', '\n', '\r'], " ");
        }
    }
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let widths: Vec<usize> = (0..7)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let line = if tsv {
            row.join("\t")
        } else {
            row.iter()
                .enumerate()
                .map(|(c, text)| {
                    if c == 6 {
                        text.clone()
                    } else {
                        format!(
                            "{text}{}",
                            " ".repeat(widths[c].saturating_sub(width(text)))
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join("  ")
        };
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
