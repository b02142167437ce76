//! URLs against a local HTTP server that the tests start on 127.0.0.1 (an
//! ephemeral port); nothing here touches the internet. Covers a page, the
//! user agent, Content-Type and charset, a redirect chain within and beyond
//! the limit, an oversized body, a slow server and a 404.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use diptych::article::{
    Article, FetchOptions, InputFormat, Kind, LoadError, LoadOptions, load_inputs_with,
};

const NEWS: &str = include_str!("fixtures/inputs/news.html");
const MARKDOWN: &str = include_str!("fixtures/inputs/article.md");

/// The base URL of the shared test server, started on first use.
fn server() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || serve(stream));
            }
        });
        base
    })
}

/// Answers one request; each connection serves one request.
fn serve(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("user-agent:") {
            agent = value.trim().to_string();
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let html = "text/html; charset=utf-8";
    let _ = match path {
        "/news" => respond(&mut stream, "200 OK", html, NEWS.as_bytes()),
        "/agent" => {
            let page = format!(
                "<html><head><title>Agent</title></head><body><article><p>The request came from {agent} and nothing else.</p></article></body></html>"
            );
            respond(&mut stream, "200 OK", html, page.as_bytes())
        }
        "/notes" => respond(&mut stream, "200 OK", "text/markdown", MARKDOWN.as_bytes()),
        "/latin1" => respond(
            &mut stream,
            "200 OK",
            "text/html; charset=ISO-8859-1",
            b"<p>Le caf\xe9 du port a rouvert samedi matin, \xe0 la grande joie des p\xeacheurs.</p>",
        ),
        "/big" => {
            let body = format!("<p>{}</p>", "word ".repeat(1_300_000));
            respond(&mut stream, "200 OK", html, body.as_bytes())
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(5));
            respond(&mut stream, "200 OK", html, b"<p>Too late.</p>")
        }
        p if p.starts_with("/hop/") => {
            let left: u32 = p["/hop/".len()..].parse().unwrap_or(0);
            let next = if left == 0 {
                "/news".to_string()
            } else {
                format!("/hop/{}", left - 1)
            };
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {next}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes())
        }
        _ => respond(&mut stream, "404 Not Found", html, b"<p>No such page.</p>"),
    };
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)
}

fn options() -> LoadOptions {
    LoadOptions {
        format: InputFormat::Auto,
        fetch: FetchOptions {
            timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
        },
        ..LoadOptions::default()
    }
}

fn fetch_with(path: &str, options: &LoadOptions) -> Result<Article, LoadError> {
    let url = format!("{}{path}", server());
    let mut loaded = load_inputs_with(&[url], &mut std::io::empty(), options)?;
    assert_eq!(loaded.articles.len(), 1);
    Ok(loaded.articles.remove(0))
}

fn fetch(path: &str) -> Result<Article, LoadError> {
    fetch_with(path, &options())
}

fn fetch_error(path: &str, options: &LoadOptions) -> String {
    match fetch_with(path, options) {
        Ok(article) => panic!("{path}: expected an error, got {article:?}"),
        Err(error) => {
            assert!(matches!(error, LoadError::Fetch { .. }), "{error:?}");
            error.to_string()
        }
    }
}

#[test]
fn a_page_is_fetched_and_extracted_as_html() {
    let article = fetch("/news").expect("fetches");
    assert_eq!(
        article.title,
        "City council votes to close the Harbour Bridge for a year"
    );
    assert_eq!(article.path, format!("{}/news", server()));
    assert_eq!(article.source, "127.0.0.1");
    assert_eq!(article.meta.url, Some(format!("{}/news", server())));
    assert_eq!(article.meta.format, Some("html"));
    assert!(
        article
            .paragraphs
            .iter()
            .all(|p| !p.text.contains("cookies"))
    );
    assert_eq!(
        article
            .paragraphs
            .iter()
            .filter(|p| p.kind == Kind::ListItem)
            .count(),
        3
    );
}

#[test]
fn the_user_agent_names_diptych_and_its_version() {
    let article = fetch("/agent").expect("fetches");
    let expected = format!(
        "The request came from diptych/{} and nothing else.",
        env!("CARGO_PKG_VERSION")
    );
    assert!(
        article.paragraphs.iter().any(|p| p.text == expected),
        "{article:?}"
    );
}

#[test]
fn content_type_picks_the_format_and_the_charset() {
    let markdown = fetch("/notes").expect("fetches");
    assert_eq!(markdown.meta.format, Some("markdown"));
    assert_eq!(markdown.meta.byline.as_deref(), Some("Maria Keller"));

    let latin1 = fetch("/latin1").expect("fetches");
    assert_eq!(
        latin1.paragraphs[0].text,
        "Le café du port a rouvert samedi matin, à la grande joie des pêcheurs."
    );
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    // /hop/N redirects N + 1 times before reaching /news.
    let article = fetch("/hop/4").expect("five redirects are fine");
    assert_eq!(article.meta.url, Some(format!("{}/news", server())));
    assert_eq!(article.path, format!("{}/hop/4", server()));
    assert_eq!(
        fetch_error("/hop/5", &options()),
        format!("{}/hop/5: more than 5 redirects", server())
    );
}

#[test]
fn an_oversized_body_is_refused() {
    assert_eq!(
        fetch_error("/big", &options()),
        format!("{}/big: response larger than the 5 MB limit", server())
    );
}

#[test]
fn a_slow_server_times_out() {
    let mut quick = options();
    quick.fetch.timeout = Duration::from_millis(300);
    assert_eq!(
        fetch_error("/slow", &quick),
        format!("{}/slow: timed out after 0.3 s", server())
    );
}

#[test]
fn http_errors_and_refused_connections_are_one_line() {
    assert_eq!(
        fetch_error("/missing", &options()),
        format!("{}/missing: HTTP 404 Not Found", server())
    );
    // A port that was free a moment ago: nothing listens there now.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let url = format!("http://127.0.0.1:{port}/");
    let error = load_inputs_with(
        std::slice::from_ref(&url),
        &mut std::io::empty(),
        &options(),
    )
    .expect_err("refused");
    let message = error.to_string();
    assert!(message.starts_with(&format!("{url}: ")), "{message}");
    assert!(!message.contains('\n'), "{message}");
    eprintln!("refused: {message}");
}

#[test]
fn the_binary_reads_urls_and_reports_failures_on_one_line() {
    let news = format!("{}/news", server());
    let output = Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(["align", &news, "tests/fixtures/inputs/article.md"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run diptych");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains(&format!(
        "left:  City council votes to close the Harbour Bridge for a year ({news})"
    )));

    let missing = format!("{}/missing", server());
    let output = Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(["align", &missing, "tests/fixtures/inputs/article.md"])
        .output()
        .expect("run diptych");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!("diptych: {missing}: HTTP 404 Not Found\n")
    );
}
