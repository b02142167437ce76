//! Load on `diptych serve` (the release binary, on loopback only): 64
//! visitors at once, each pressing 200 keys and waiting for the frame;
//! then one visitor who stops reading for 30 s while another keeps typing.
//! Prints the server's memory (from /proc) and keypress-to-frame latency.
//!
//! `cargo bench --bench serve_load`

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serve_support::Visitor;

const SESSIONS: usize = 64;
const KEYS: usize = 200;
const STALL: Duration = Duration::from_secs(30);
const COLS: u16 = 120;
const ROWS: u16 = 40;

/// The server process; killed on drop.
struct Server {
    child: Child,
    dir: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start_server() -> (Server, std::net::SocketAddr) {
    let dir = std::env::temp_dir().join(format!("diptych-serve-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port");
    let child = Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args([
            "serve",
            "--open",
            "--max-sessions",
            "100",
            "--max-per-address",
            "100",
        ])
        .args(["--listen", &addr.to_string()])
        .arg("--host-key")
        .arg(dir.join("key"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start server");
    let server = Server { child, dir };
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (server, addr)
}

/// (VmRSS, VmHWM) of a process in KiB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Presses `keys` keys (j and k alternating, each changes the screen) and
/// returns each keypress-to-first-frame-byte latency.
async fn type_keys(visitor: &mut Visitor, keys: usize) -> Vec<Duration> {
    let mut latencies = Vec::with_capacity(keys);
    for i in 0..keys {
        let key: &[u8] = if i % 2 == 0 { b"j" } else { b"k" };
        let start = Instant::now();
        visitor.send(key).await;
        let got = tokio::time::timeout(Duration::from_secs(10), visitor.next_data()).await;
        if !matches!(got, Ok(true)) {
            break;
        }
        latencies.push(start.elapsed());
        // The rest of a frame split over several packets.
        while let Ok(true) =
            tokio::time::timeout(Duration::from_millis(3), visitor.next_data()).await
        {}
    }
    latencies
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let index = ((last as f64) * p).round() as usize;
    sorted
        .get(index)
        .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default()
}

fn main() {
    let (server, addr) = start_server();
    let pid = server.child.id();
    let runtime = serve_support::runtime();
    runtime.block_on(async {
        let (idle_rss, _) = memory(pid);
        let mut first = Visitor::open(addr, COLS, ROWS).await;
        first.wait_for("similar").await;
        let (one_rss, _) = memory(pid);
        println!("load: {}", load().trim());
        println!("server RSS: idle {idle_rss} KiB, with 1 visitor {one_rss} KiB (corpus + first alignment)");

        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 1..SESSIONS {
            tasks.push(tokio::spawn(async move {
                let mut visitor = Visitor::open(addr, COLS, ROWS).await;
                visitor.wait_for("similar").await;
                let latencies = type_keys(&mut visitor, KEYS).await;
                (visitor, latencies)
            }));
        }
        let mut latencies = type_keys(&mut first, KEYS).await;
        let mut visitors = vec![first];
        let mut peak_now = 0;
        for task in tasks {
            if let Ok((visitor, mut more)) = task.await {
                latencies.append(&mut more);
                visitors.push(visitor);
            }
            peak_now = peak_now.max(memory(pid).0);
        }
        let elapsed = started.elapsed();
        let (all_rss, hwm) = memory(pid);
        latencies.sort();
        let per_session = hwm.saturating_sub(one_rss) as f64 / (SESSIONS - 1) as f64 / 1024.0;
        println!(
            "{} visitors × {KEYS} keys: {} frames in {:.1} s",
            visitors.len(),
            latencies.len(),
            elapsed.as_secs_f64()
        );
        println!(
            "server memory: peak {:.1} MiB, with {SESSIONS} connected {:.1} MiB, per session {per_session:.2} MiB beyond the first (target < 4)",
            hwm as f64 / 1024.0,
            all_rss as f64 / 1024.0
        );
        println!(
            "keypress-to-frame: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target p95 < 20)",
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.95),
            percentile(&latencies, 1.0)
        );
        println!("load: {}", load().trim());
        for visitor in &visitors {
            visitor.send(b"q").await;
        }
        drop(visitors);
        tokio::time::sleep(Duration::from_millis(500)).await;

        // A visitor who never reads, flooding keys for 30 s.
        let mut stalled = Visitor::open(addr, COLS, ROWS).await;
        stalled.wait_for("similar").await;
        let mut other = Visitor::open(addr, COLS, ROWS).await;
        other.wait_for("similar").await;
        let (before, _) = memory(pid);
        let (mut low, mut high) = (u64::MAX, 0);
        let mut other_latencies = Vec::new();
        let start = Instant::now();
        while start.elapsed() < STALL {
            // The server stops reading a visitor whose frames are not taken
            // (back-pressure), so these sends soon block: give up on them
            // after a moment rather than stall the bench itself.
            let _ = tokio::time::timeout(Duration::from_millis(50), async {
                for _ in 0..20 {
                    stalled.send(b"jk").await;
                }
            })
            .await;
            other_latencies.append(&mut type_keys(&mut other, 4).await);
            let (rss, _) = memory(pid);
            low = low.min(rss);
            high = high.max(rss);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        other_latencies.sort();
        println!(
            "stalled visitor for {} s: server RSS before {:.1} MiB, during min {:.1} / max {:.1} MiB; \
             the other visitor's p95 {:.2} ms over {} keys; stalled client received {} KiB",
            STALL.as_secs(),
            before as f64 / 1024.0,
            low as f64 / 1024.0,
            high as f64 / 1024.0,
            percentile(&other_latencies, 0.95),
            other_latencies.len(),
            stalled.received / 1024
        );
        println!("load: {}", load().trim());
    });
    drop(server);
}
