//! Measures the edit-to-reload latency of `dossier serve`: the time from writing a changed
//! article body to the server sending the browser its reload event (the edited page, first),
//! and to the last reload event (every page that depends on it up to date), against the time
//! of a full `dossier build` of the same dossier.
//!
//!     cargo run --release --example reload_latency -- --root DIR [--runs 7] [--bin target/release/dossier]
//!
//! The dossier is copied to a temporary folder first; the original is never changed.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let root = PathBuf::from(value("--root").expect("--root DIR"));
    let runs: usize = value("--runs").map_or(7, |r| r.parse().expect("a number"));
    let bin = PathBuf::from(value("--bin").unwrap_or_else(|| "target/release/dossier".into()));

    let work = std::env::temp_dir().join(format!("reload-latency-{}", std::process::id()));
    copy(&root, &work.join("dossier"));
    let dossier = work.join("dossier");

    // A full build of the same dossier, for comparison.
    let started = Instant::now();
    let status = Command::new(&bin)
        .arg("--root")
        .arg(&dossier)
        .args(["build", "--output"])
        .arg(work.join("public"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run dossier build");
    assert!(status.success(), "the full build failed");
    let full = started.elapsed();

    let mut server = Command::new(&bin)
        .arg("--root")
        .arg(&dossier)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dossier serve");
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let first = lines.next().expect("serve prints its address").unwrap();
    let address = first
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("an address")
        .to_owned();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });

    // The event stream, read line by line.
    let mut stream = TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "GET /__dossier/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(stream);
    let mut line = String::new();
    while !line.starts_with("event: generation") {
        line.clear();
        events.read_line(&mut line).unwrap();
    }

    let mut articles: Vec<PathBuf> = std::fs::read_dir(dossier.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    articles.sort();
    let article = &articles[articles.len() / 2];
    let original = std::fs::read_to_string(article).unwrap();
    let mut latencies = Vec::new();
    let mut complete = Vec::new();
    let mut rendered = Vec::new();
    for run in 0..runs {
        std::thread::sleep(Duration::from_millis(300));
        let text = format!("{original}\nA sentence added for measurement number {run}.\n");
        let started = Instant::now();
        std::fs::write(article, text).unwrap();
        loop {
            line.clear();
            events.read_line(&mut line).unwrap();
            if line.starts_with("event: reload") {
                break;
            }
        }
        latencies.push(started.elapsed());
        // A body edit reloads twice: the edited page at once, then every page that depends
        // on it once the whole dossier is analysed again.
        let mut report = rx
            .recv_timeout(Duration::from_secs(600))
            .unwrap_or_default();
        if report.contains("its page shown") {
            loop {
                line.clear();
                events.read_line(&mut line).unwrap();
                if line.starts_with("event: reload") {
                    break;
                }
            }
            report = format!(
                "{report} / {}",
                rx.recv_timeout(Duration::from_secs(600))
                    .unwrap_or_default()
            );
        }
        complete.push(started.elapsed());
        rendered.push(report);
    }
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&work);
    let mut sorted = latencies.clone();
    sorted.sort();
    let median = sorted[sorted.len() / 2];
    let count = std::fs::read_dir(root.join("content/articles"))
        .map(|d| d.count())
        .unwrap_or(0);
    println!("articles: {count}");
    println!("full build: {} ms", full.as_millis());
    println!(
        "edit to reload event, median of {runs}: {} ms (min {} ms, max {} ms)",
        median.as_millis(),
        sorted[0].as_millis(),
        sorted[sorted.len() - 1].as_millis()
    );
    complete.sort();
    println!(
        "edit to the last reload event (every dependent page up to date), median: {} ms (min {} ms, max {} ms)",
        complete[complete.len() / 2].as_millis(),
        complete[0].as_millis(),
        complete[complete.len() - 1].as_millis()
    );
    if let Some(last) = rendered.last() {
        println!("server: {last}");
    }
}

fn copy(from: &Path, to: &Path) {
    for entry in walk(from) {
        let target = to.join(entry.strip_prefix(from).unwrap());
        if entry.is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(&entry, &target).unwrap();
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            let mut children: Vec<PathBuf> = std::fs::read_dir(&out[i])
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            children.sort();
            out.extend(children);
        }
        i += 1;
    }
    out
}
