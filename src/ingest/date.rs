//! Parsing of `published` values into `YYYY-MM-DD`.
//!
//! Accepts ISO dates and timestamps, `YYYY/MM/DD`, `DD/MM/YYYY` and `DD.MM.YYYY` (day first unless
//! the day is impossible), compact `YYYYMMDD`, RFC 2822 ("Mon, 28 Oct 2024 10:00:00 +0000") and
//! written dates with month names in English, French, Spanish and German ("28 octobre 2024",
//! "October 28, 2024", "28. Oktober 2024", "28 de octubre de 2024").

/// Month names and abbreviations (folded: lowercase, no accents, no trailing period).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("januar", 1),
    ("janner", 1),
    ("february", 2),
    ("feb", 2),
    ("fevrier", 2),
    ("fev", 2),
    ("fevr", 2),
    ("febrero", 2),
    ("februar", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("marzo", 3),
    ("marz", 3),
    ("maerz", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("junio", 6),
    ("juni", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("juli", 7),
    ("august", 8),
    ("aug", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezember", 12),
    ("dez", 12),
];

/// Parses a publication date; `None` when it is not a recognisable calendar date.
pub fn parse_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let (y, m, d) = numeric(s).or_else(|| written(s))?;
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days
}

/// Leading run of digit groups separated by `-`, `/` or `.`, e.g. "2024-10-28T10:00".
fn numeric(s: &str) -> Option<(u32, u32, u32)> {
    let head: &str = s.split(['T', ' ', ',']).next()?;
    if head.len() == 8 && head.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            head[..4].parse().ok()?,
            head[4..6].parse().ok()?,
            head[6..].parse().ok()?,
        ));
    }
    let sep = head.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = head.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return Some((n[0], n[1], n[2]));
    }
    if parts[2].len() == 4 {
        // Day first (European), unless only month first is possible.
        let (d, m) = if n[1] > 12 && n[0] <= 12 {
            (n[1], n[0])
        } else {
            (n[0], n[1])
        };
        return Some((n[2], m, d));
    }
    None
}

fn fold_word(w: &str) -> String {
    crate::normalize::fold_text(w)
        .trim_end_matches('.')
        .to_string()
}

/// Dates written with a month name, in any order of day, month and year.
fn written(s: &str) -> Option<(u32, u32, u32)> {
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for tok in s.split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-') {
        let t = tok.trim_matches(|c: char| c == '.' || c == ',');
        if t.is_empty() {
            continue;
        }
        if t.contains(':') {
            break; // time of day: the date is done
        }
        let digits = t.trim_end_matches(|c: char| c.is_alphabetic()); // "1er", "3rd"
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let v: u32 = digits.parse().ok()?;
            if digits.len() == 4 && year.is_none() {
                year = Some(v);
            } else if digits.len() <= 2 && day.is_none() {
                day = Some(v);
            }
            continue;
        }
        let f = fold_word(t);
        if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == f) {
            if month.is_none() {
                month = Some(*m);
            }
        }
    }
    Some((year?, month?, day?))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn accepts_common_forms() {
        for (raw, want) in [
            ("2024-10-28", "2024-10-28"),
            ("2024-10-28T09:15:00Z", "2024-10-28"),
            ("2024/10/28", "2024-10-28"),
            ("28/10/2024", "2024-10-28"),
            ("10/28/2024", "2024-10-28"),
            ("28.10.2024", "2024-10-28"),
            ("20241028", "2024-10-28"),
            ("28 Octobre 2024", "2024-10-28"),
            ("October 28, 2024", "2024-10-28"),
            ("Mon, 28 Oct 2024 10:00:00 +0000", "2024-10-28"),
            ("jeu. 12 décembre 2024", "2024-12-12"),
            ("28 de octubre de 2024", "2024-10-28"),
            ("28. Oktober 2024", "2024-10-28"),
            ("1er mars 2024", "2024-03-01"),
        ] {
            assert_eq!(parse_date(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn rejects_impossible_or_vague() {
        for raw in [
            "",
            "hier",
            "2024-02-30",
            "2023-13-01",
            "octobre 2024",
            "99/99/2024",
            "12",
        ] {
            assert_eq!(parse_date(raw), None, "{raw}");
        }
    }

    #[test]
    fn leap_days() {
        assert_eq!(parse_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("2023-02-29"), None);
    }
}
