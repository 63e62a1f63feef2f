fn main() -> std::process::ExitCode {
    sameside::cli::main()
}
