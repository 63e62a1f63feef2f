fn main() -> std::process::ExitCode {
    ignore_file_size_signal();
    sameside::cli::main()
}

/// A write past the file-size limit (`ulimit -f`) sends SIGXFSZ, whose default action
/// kills the process on the spot: the session's unsaved changes are lost, the terminal is
/// left raw in the alternate screen and the save's temp file stays behind. Ignored, the
/// same write fails with EFBIG instead, which the autosave reports like a full disk
/// ("Not saved … kept in memory") and quitting then asks before losing anything.
#[cfg(unix)]
fn ignore_file_size_signal() {
    // SAFETY: setting a signal's disposition to SIG_IGN at start, before any other thread
    // exists, installs no handler code and touches no Rust state.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_file_size_signal() {}
