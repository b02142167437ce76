//! Articles from http(s) URLs: one blocking GET with a timeout, a size cap
//! and a redirect limit, then read by Content-Type (usually as HTML). A
//! reader has no use for an async runtime; ureq keeps the build small.

use std::time::Duration;

use ureq::ResponseExt;

use super::assemble::Origin;
use super::error::lower_first;
use super::formats::{Input, parse_input};
use super::{Article, LoadError, LoadOptions};

/// Limits for fetching a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// The whole exchange (connect, redirects, body) must finish within this.
    pub timeout: Duration,
    /// Bodies larger than this are refused: no article page is this big.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// Pages are asked for as HTML first; Markdown, text and JSON are read too.
const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,\
                      text/plain;q=0.7,application/json;q=0.7,*/*;q=0.5";

/// Whether an input names an http(s) URL rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches a URL and reads it into articles. Failures are one line naming
/// the URL: `https://…: timed out after 10 s`.
pub fn load_url(url: &str, options: &LoadOptions) -> Result<Vec<Article>, LoadError> {
    let limits = &options.fetch;
    let fail = |reason: String| LoadError::Fetch {
        url: url.to_string(),
        reason,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .user_agent(format!("diptych/{}", env!("CARGO_PKG_VERSION")))
        .accept(ACCEPT)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| fail(describe(e, limits)))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("error");
        return Err(fail(format!("HTTP {} {reason}", status.as_u16())));
    }
    let final_url = response.get_uri().to_string();
    let host = response.get_uri().host().unwrap_or(url).to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| fail(describe(e, limits)))?;
    let input = Input {
        origin: Origin {
            path: url.to_string(),
            source: host,
        },
        bytes: &bytes,
        content_type: content_type.as_deref(),
        url: Some(&final_url),
        forced: options.format,
    };
    parse_input(&input)
}

/// The reason in words a user can act on.
fn describe(error: ureq::Error, limits: &FetchOptions) -> String {
    use ureq::Error;
    match error {
        Error::Timeout(_) => format!("timed out after {}", seconds(limits.timeout)),
        Error::TooManyRedirects => format!("more than {} redirects", limits.max_redirects),
        Error::BodyExceedsLimit(_) => format!(
            "response larger than the {} limit",
            megabytes(limits.max_bytes)
        ),
        Error::HostNotFound => "host not found".to_string(),
        Error::ConnectionFailed => "could not connect".to_string(),
        Error::BadUri(uri) => format!("not a valid URL ({uri})"),
        Error::Http(e) => format!("not a valid URL ({e})"),
        Error::Tls(reason) => format!("TLS error: {reason}"),
        Error::Rustls(e) => format!("TLS error: {e}"),
        Error::StatusCode(code) => format!("HTTP {code}"),
        Error::Io(e) if e.to_string().starts_with("failed to lookup address") => {
            "host not found".to_string()
        }
        Error::Io(e) => lower_first(&e.to_string()),
        other => lower_first(&other.to_string()),
    }
}

fn seconds(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0} s")
    } else {
        format!("{secs:.1} s")
    }
}

/// A byte count in whole megabytes (or kilobytes under one), for limits.
pub(crate) fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        format!("{mb:.0} MB")
    } else if bytes < 1024 {
        format!("{bytes} bytes")
    } else {
        format!("{} KB", bytes / 1024)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("ftp://example.com"));
        assert!(!is_url("-"));
    }

    #[test]
    fn limits_read_as_words() {
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(300)), "0.3 s");
        assert_eq!(megabytes(5 * 1024 * 1024), "5 MB");
        assert_eq!(megabytes(2048), "2 KB");
    }
}
