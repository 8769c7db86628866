//! Helpers for integration tests: small dossiers in temporary folders, the `dossier` binary,
//! and reading built pages with an HTML parser.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

pub const BIN: &str = env!("CARGO_BIN_EXE_dossier");

/// The repository: the sample dossier and the default theme.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's sample dossier, built once per test binary into a temporary folder.
pub fn sample_site() -> &'static Path {
    static OUT: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        run_in(&repo(), &["build", "--output", out.to_str().unwrap()]).ok();
        (dir, out)
    });
    out
}

/// A dossier in a temporary folder, removed when dropped.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A minimal valid dossier: one source, two actors, one event and one article, with the
    /// default theme.
    pub fn new() -> Fixture {
        let fixture = Fixture::empty();
        fixture.write(
            "site.toml",
            "title = \"Test dossier\"\nbase_url = \"https://example.org/t/\"\n",
        );
        fixture.write(
            "content/sources/wire.md",
            "---\nname: \"The Wire\"\nkind: wire\n---\nA wire service.\n",
        );
        fixture.write(
            "content/actors/jane-doe.md",
            "---\nname: Jane Doe\naliases: [Doe]\nkind: person\n---\nA minister.\n",
        );
        fixture.write(
            "content/actors/ruritania.md",
            "---\nname: Ruritania\nkind: state\n---\nA state.\n",
        );
        fixture.write(
            "content/events/summit.md",
            "---\ntitle: The summit\ndate: 2024-05-02\nactors: [jane-doe]\nsources: [\"wire-summit#p1\"]\n---\nA summit.\n",
        );
        fixture.write(
            "content/articles/wire-summit.md",
            "---\ntitle: \"Doe arrives for the summit\"\nsource: wire\npublished: 2024-05-02\nevents: [summit]\n---\n\nJane Doe arrived in Ruritania on Thursday.\n\n\"We came to agree,\" Doe said.\n",
        );
        fixture
    }

    /// A folder with only the default theme.
    pub fn empty() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(
            &repo().join("themes/briefing"),
            &dir.path().join("themes/briefing"),
        );
        Fixture { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// Runs `dossier --root <fixture> ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args)
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// The HTML of a built page (`public/<rel>`), parsed.
    pub fn page(&self, rel: &str) -> Html {
        read_html(&self.path("public").join(rel))
    }
}

/// What a run of the binary did.
pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    /// Asserts success and returns self.
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code(),
            Some(0),
            "dossier failed:\n{}\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
}

pub fn run_in(root: &Path, args: &[&str]) -> Run {
    let output = Command::new(BIN)
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run dossier");
    Run { output }
}

pub fn read_html(path: &Path) -> Html {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Html::parse_document(&text)
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

/// The text of the first element matching `css`, whitespace collapsed.
pub fn text_of(html: &Html, css: &str) -> Option<String> {
    html.select(&sel(css))
        .next()
        .map(|e| collapse(&e.text().collect::<String>()))
}

pub fn texts_of(html: &Html, css: &str) -> Vec<String> {
    html.select(&sel(css))
        .map(|e| collapse(&e.text().collect::<String>()))
        .collect()
}

pub fn attrs_of(html: &Html, css: &str, attr: &str) -> Vec<String> {
    html.select(&sel(css))
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its contents, for comparing an output before and after.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Every broken internal link or anchor in the site at `dir`: `(page, href)`.
pub fn broken_links(dir: &Path) -> Vec<(String, String)> {
    let mut broken = Vec::new();
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    let mut ids_cache: std::collections::HashMap<PathBuf, Vec<String>> = Default::default();
    for page in &pages {
        if page.ends_with("404.html") {
            continue; // its links are absolute from base_url by design
        }
        let html = read_html(page);
        let links = attrs_of(&html, "a[href]", "href")
            .into_iter()
            .chain(attrs_of(&html, "link[href]", "href"))
            .chain(attrs_of(&html, "img[src], script[src]", "src"));
        for href in links {
            if href.contains("://") || href.starts_with("mailto:") {
                continue;
            }
            let (path, fragment) = match href.split_once('#') {
                Some((p, f)) => (p.to_owned(), Some(f.to_owned())),
                None => (href.clone(), None),
            };
            let mut target = if path.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(&path)
            };
            if path.ends_with('/') || (target.is_dir() && !path.is_empty()) {
                target = target.join("index.html");
            }
            let target = normalise(&target);
            if !target.starts_with(dir) || !target.is_file() {
                broken.push((page.strip_prefix(dir).unwrap().display().to_string(), href));
                continue;
            }
            if let Some(fragment) = fragment {
                let ids = ids_cache.entry(target.clone()).or_insert_with(|| {
                    let html = read_html(&target);
                    attrs_of(&html, "[id]", "id")
                });
                if !ids.contains(&fragment) {
                    broken.push((page.strip_prefix(dir).unwrap().display().to_string(), href));
                }
            }
        }
    }
    broken
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A running `dossier serve` on a free port, stopped when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub address: String,
    pub stdout: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    /// What the server printed on stderr so far (read all along, so that it never blocks on a
    /// full pipe, and shown when a wait times out).
    pub stderr: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `dossier serve --port 0` for the dossier at `root` and waits for its address.
    pub fn start(root: &Path, extra: &[&str]) -> Server {
        Server::start_with(root, extra, &[])
    }

    /// [`Server::start`] with extra environment variables.
    pub fn start_with(root: &Path, extra: &[&str], env: &[(&str, &Path)]) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(BIN)
            .arg("--root")
            .arg(root)
            .args(["serve", "--port", "0"])
            .args(extra)
            .envs(env.iter().copied())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start dossier serve");
        let stdout = child.stdout.take().unwrap();
        let stderr_lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let stderr = child.stderr.take().unwrap();
        let keep_stderr = stderr_lines.clone();
        std::thread::spawn(move || {
            // Read to the end whatever the bytes (a line that is not UTF-8 must not stop the
            // reading: the server would block on a full pipe).
            let mut reader = std::io::BufReader::new(stderr);
            let mut line = Vec::new();
            while reader.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
                let text = String::from_utf8_lossy(&line).trim_end().to_owned();
                keep_stderr
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(text);
                line.clear();
            }
        });
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let keep = lines.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line.clone());
                keep.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(line);
            }
        });
        let first = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("serve printed its address");
        let address = first
            .split("http://")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .unwrap_or_else(|| panic!("no address in {first}"))
            .to_owned();
        Server {
            child,
            address,
            stdout: lines,
            stderr: stderr_lines,
        }
    }

    /// Sends a raw HTTP request line (the path exactly as given) and returns (status, body).
    pub fn raw(&self, method: &str, path: &str) -> (u16, String) {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        self.raw("GET", path)
    }

    /// What the server printed so far on stdout and on stderr, for a failure's message.
    pub fn output(&self) -> String {
        let printed = |lines: &std::sync::Mutex<Vec<String>>| {
            lines
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .join("\n")
        };
        format!(
            "server's stdout:\n{}\nserver's stderr:\n{}",
            printed(&self.stdout),
            printed(&self.stderr)
        )
    }

    /// Polls `path` until `check` accepts its body, or panics after `seconds`.
    pub fn wait_for(&self, path: &str, seconds: u64, check: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            let (_, body) = self.get(path);
            if check(&body) {
                return body;
            }
            if std::time::Instant::now() >= deadline {
                // Read before panicking: a panic while a lock is held would poison it.
                let output = self.output();
                panic!("timed out waiting on {path}; last body:\n{body}\n{output}");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Server {
    /// Stops the server as a terminal would (SIGTERM), killing it after `seconds`; returns
    /// whether it stopped by itself.
    pub fn terminate(&mut self, seconds: u64) -> bool {
        // SAFETY: sends SIGTERM to our own child process.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        while std::time::Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGTERM first, so that the server removes its private folder.
        if let Ok(None) = self.child.try_wait() {
            self.terminate(5);
        }
    }
}

/// An outside tool a test needs: `Some` when it is there; otherwise, outside CI, `None` and a
/// note on how to install it, and in CI (`CI=true`, where `.ci/run` installs it) a failure.
pub fn require<T>(what: &str, found: Option<T>, install: &str) -> Option<T> {
    if found.is_some() {
        return found;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{what} is required in CI: {install}");
    }
    eprintln!("skipped: {what} is not installed ({install})");
    None
}

/// Whether `program` runs (`program ARG` exits, whatever its status).
pub fn has_program(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}

/// The npm packages the publishing tests use, at the versions `.ci/run` installs (keep the two
/// in step): the Nu Html Checker and axe-core.
pub const NPM_TOOLS: [&str; 2] = ["vnu-jar@26.9.27", "axe-core@4.14.1"];

/// Where they are installed: `target/npm`, so that a machine installs them once.
pub fn npm_prefix() -> PathBuf {
    repo().join("target/npm")
}

pub fn npm_install_hint() -> String {
    format!(
        "npm install --no-save --ignore-scripts --prefix target/npm {}",
        NPM_TOOLS.join(" ")
    )
}

/// A file of an npm package under [`npm_prefix`] (`vnu-jar/build/dist/vnu.jar`), installing
/// the packages with npm first when they are missing and npm is there; `None` when it cannot
/// be had.
pub fn npm_file(rel: &str) -> Option<PathBuf> {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let path = npm_prefix().join("node_modules").join(rel);
    let _once = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    if !path.is_file() && has_program("npm", "--version") {
        eprintln!("installing {} into target/npm", NPM_TOOLS.join(", "));
        let status = Command::new("npm")
            .args([
                "install",
                "--no-save",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
            ])
            .arg("--prefix")
            .arg(npm_prefix())
            .args(NPM_TOOLS)
            .stdout(std::process::Stdio::null())
            .status();
        if !matches!(status, Ok(s) if s.success()) {
            eprintln!("npm install failed: {status:?}");
        }
    }
    path.is_file().then_some(path)
}

/// A port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A plain static file server (`python3 -m http.server`) on 127.0.0.1 serving `dir`, as any
/// static host would: no rewriting, no knowledge of the site. Stopped when dropped.
pub struct StaticServer {
    child: std::process::Child,
    pub port: u16,
}

impl StaticServer {
    /// Starts it on a free port and waits until it answers; `None` without python3.
    pub fn start(dir: &Path) -> Option<StaticServer> {
        for _ in 0..5 {
            let port = free_port();
            let child = Command::new("python3")
                .args(["-m", "http.server", "--bind", "127.0.0.1"])
                .arg(port.to_string())
                .arg("--directory")
                .arg(dir)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
            let Ok(child) = child else {
                return None;
            };
            let mut server = StaticServer { child, port };
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
            while std::time::Instant::now() < deadline {
                if let Ok(Some(_)) = server.child.try_wait() {
                    break; // it exited: the port was taken meanwhile; try another
                }
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Some(server);
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            let _ = server.child.kill();
        }
        panic!("python3 -m http.server did not start");
    }

    /// `http://127.0.0.1:PORT` followed by `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How a run of the binary under [`run_limited`] ended.
#[derive(Debug)]
pub struct Limited {
    /// The exit code; `None` when a signal ended it (as when it was killed at the time limit).
    pub code: Option<i32>,
    pub timed_out: bool,
    pub stdout: String,
    pub stderr: String,
    /// Peak resident memory of the process in MiB: its `VmHWM`, read every 20 ms while it
    /// runs (`wait4`'s figure would include the test process it was spawned from).
    pub peak_mib: u64,
    pub elapsed: std::time::Duration,
}

/// Runs `dossier --root ROOT ARGS` and kills it when it runs longer than `limit`: a run that
/// hangs fails its test instead of holding the test suite.
pub fn run_limited(root: &Path, args: &[&str], limit: std::time::Duration) -> Limited {
    use std::io::Read;
    let started = std::time::Instant::now();
    let mut child = Command::new(BIN)
        .arg("--root")
        .arg(root)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run dossier");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    let mut timed_out = false;
    let status = loop {
        if let Some(kib) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
        }) {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(status) = child.try_wait().expect("wait for dossier") {
            break status;
        }
        if started.elapsed() > limit && !timed_out {
            timed_out = true;
            let _ = child.kill();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Limited {
        code: status.code(),
        timed_out,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        peak_mib: peak_kib / 1024,
        elapsed: started.elapsed(),
    }
}
