//! Writing to standard output and standard error from the command line.
//!
//! Rust ignores SIGPIPE, so a plain `println!` panics with "failed printing to stdout"
//! when the reader goes away (`sameside list | head -1`). Commands write through one
//! buffered, locked stdout instead and return the write error; [`finish`] turns a
//! broken pipe into a quiet exit with the status a shell reports for a command stopped
//! by SIGPIPE, and nothing on standard error.

use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::ExitCode;

use super::safe_text;

/// The status a shell gives a command that SIGPIPE stopped (128 + 13): the reader left
/// before everything was written, which is not the command's failure but not a whole
/// run either.
const STOPPED_BY_PIPE: u8 = 141;

/// Standard output, locked and buffered for the length of a command.
pub type Out = BufWriter<StdoutLock<'static>>;

/// Runs a command that writes to standard output, flushing at the end, and says what
/// the caller should exit with: the command's status, 141 quietly when the reader went
/// away, or a message for any other write failure (a full disk behind a redirect).
pub fn finish(command: impl FnOnce(&mut Out) -> io::Result<ExitCode>) -> Result<ExitCode, String> {
    let mut out = BufWriter::new(io::stdout().lock());
    let result = command(&mut out).and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => Ok(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            // Whatever is still buffered has nowhere to go; dropping it must not try
            // again and fail a second time.
            let _ = out.into_parts();
            Ok(ExitCode::from(STOPPED_BY_PIPE))
        }
        Err(e) => Err(format!("cannot write to standard output: {e}")),
    }
}

/// Writes one line of text that may come from a file, its control characters made
/// visible.
pub fn line(out: &mut impl Write, text: impl AsRef<str>) -> io::Result<()> {
    writeln!(out, "{}", safe_text::one_line(text.as_ref()))
}

/// Writes a message to standard error, its control characters made visible. A closed
/// standard error is not worth a panic, so a failed write is ignored.
pub fn note(text: impl AsRef<str>) {
    let _ = writeln!(io::stderr(), "{}", safe_text::one_line(text.as_ref()));
}
