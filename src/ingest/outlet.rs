//! Outlet names and domains.

/// The lowercase host of a URL without `www.`, or `None` when `url` has no host.
pub fn host_of_url(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = match rest.find("://") {
        Some(i) => &rest[i + 3..],
        None if rest.starts_with("//") => &rest[2..],
        None => rest,
    };
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?; // drop user info
    let host = host.split(':').next()?; // drop port
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    looks_like_domain(&host).then(|| strip_www(&host).to_string())
}

fn strip_www(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

fn looks_like_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(char::is_alphabetic))
}

/// Cleans an `outlet` value: trimmed; a domain (or URL) becomes its lowercase host without
/// `www.`. Returns the outlet name and its domain when it is one.
pub fn normalize_outlet(raw: &str) -> (String, Option<String>) {
    let t = raw.trim();
    if t.contains("://") {
        if let Some(h) = host_of_url(t) {
            return (h.clone(), Some(h));
        }
    }
    let lower = t.to_ascii_lowercase();
    if !t.contains(char::is_whitespace) && looks_like_domain(&lower) {
        let d = strip_www(&lower).to_string();
        return (d.clone(), Some(d));
    }
    (t.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host_of_url("https://www.Reuters.com/world/x?y#z").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(
            host_of_url("http://user@news.example.co.uk:8080/").as_deref(),
            Some("news.example.co.uk")
        );
        assert_eq!(host_of_url("not a url"), None);
        assert_eq!(host_of_url(""), None);
    }

    #[test]
    fn outlets() {
        assert_eq!(
            normalize_outlet("  www.DHnet.be "),
            ("dhnet.be".into(), Some("dhnet.be".into()))
        );
        assert_eq!(normalize_outlet("Le Monde"), ("Le Monde".into(), None));
        assert_eq!(
            normalize_outlet("https://www.tdg.ch/"),
            ("tdg.ch".into(), Some("tdg.ch".into()))
        );
    }
}
