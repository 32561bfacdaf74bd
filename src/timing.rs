//! Stage laps printed on stderr when `CREDENCE_TIMING` is set (for profiling; never in output).

use std::time::Instant;

/// A stopwatch for the sub-steps of one stage.
pub struct Laps {
    stage: &'static str,
    clock: Instant,
    on: bool,
}

impl Laps {
    /// Starts timing `stage`.
    pub fn new(stage: &'static str) -> Laps {
        Laps {
            stage,
            clock: Instant::now(),
            on: std::env::var_os("CREDENCE_TIMING").is_some(),
        }
    }

    /// Prints the time since the start with `what` was just done.
    pub fn lap(&self, what: &str) {
        if self.on {
            eprintln!(
                "timing:   {} {:>8.3}s {}  {what}",
                self.stage,
                self.clock.elapsed().as_secs_f64(),
                memory()
            );
        }
    }
}

/// Resident and peak memory from `/proc/self/status` (Linux; `?` elsewhere).
pub fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
            .map_or_else(|| "?".to_string(), |kb| format!("{}", kb / 1024))
    };
    format!(
        "rss {:>6} MB peak {:>6} MB",
        field("VmRSS:"),
        field("VmHWM:")
    )
}
