//! The `credence` command: parses arguments, runs the library, prints.

mod cli;

/// The pipeline makes many small, short-lived allocations on every thread; mimalloc serves them
/// faster than the system allocator and with a smaller peak (measured in BENCHMARKS.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    if let Err(e) = cli::run() {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
