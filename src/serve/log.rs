//! Operations log: one line per connect, auth and disconnect on stderr,
//! with a UTC timestamp, so an operator can see who used the demo.

use std::time::{SystemTime, UNIX_EPOCH};

/// Prints `time event key=value…` when logging is on.
pub fn line(enabled: bool, event: &str, fields: &[(&str, &dyn std::fmt::Display)]) {
    if !enabled {
        return;
    }
    let mut text = format!("{} {event}", timestamp());
    for (key, value) in fields {
        text.push_str(&format!(" {key}={value}"));
    }
    eprintln!("{text}");
}

/// `YYYY-MM-DDTHH:MM:SSZ` from the system clock (civil-from-days).
fn timestamp() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::civil;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(20_454), (2026, 1, 1));
        assert_eq!(civil(11_016), (2000, 2, 29));
    }
}
