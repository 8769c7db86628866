//! Headless Chromium driven over the DevTools protocol, for end-to-end tests. Chromium is
//! Debian's package; tests that need it are skipped when it is missing, except in CI
//! (`CI=true`), where a missing browser fails the test.
// Each test file uses some of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

pub struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next: u64,
    /// DevTools events (messages with a `method` and no `id`) received so far and not taken.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

/// The Chromium binary, if installed.
pub fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(|name| {
            let found = Command::new("which").arg(name).output().ok()?;
            found
                .status
                .success()
                .then(|| String::from_utf8_lossy(&found.stdout).trim().to_owned())
        })
}

/// A browser, or `None` (with a note) when Chromium is missing outside CI.
pub fn launch() -> Option<Browser> {
    launch_sized(1366, 900)
}

/// A browser whose window is `width` × `height` CSS pixels.
pub fn launch_sized(width: u32, height: u32) -> Option<Browser> {
    match chromium() {
        Some(binary) => Some(Browser::launch(&binary, width, height)),
        None if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("Chromium is required in CI: apt-get install -y chromium")
        }
        None => {
            eprintln!("skipped: Chromium is not installed (apt-get install -y chromium)");
            None
        }
    }
}

impl Browser {
    fn launch(binary: &str, width: u32, height: u32) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let endpoint = loop {
            let line = lines
                .next()
                .expect("chromium printed its DevTools address")
                .unwrap();
            if let Some(url) = line.strip_prefix("DevTools listening on ") {
                break url.to_owned();
            }
        };
        // Keep draining stderr so that Chromium never blocks on it.
        std::thread::spawn(move || for _ in lines {});
        let port = endpoint
            .split(':')
            .nth(2)
            .and_then(|s| s.split('/').next())
            .unwrap()
            .to_owned();
        let targets = http_get(&format!("127.0.0.1:{port}"), "/json/list");
        let targets: Value = serde_json::from_str(&targets).unwrap();
        let page = targets
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page")
            .expect("a page target");
        let url = page["webSocketDebuggerUrl"].as_str().unwrap();
        let (mut socket, _) = tungstenite::connect(url).expect("connect to the page");
        // A browser that stops answering fails the test instead of hanging it.
        if let MaybeTlsStream::Plain(stream) = socket.get_mut() {
            stream
                .set_read_timeout(Some(Duration::from_secs(90)))
                .unwrap();
        }
        Browser {
            child,
            socket,
            next: 0,
            events: Vec::new(),
            _profile: profile,
        }
    }

    /// Calls a DevTools method and returns its result (or the error object).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.socket
            .send(Message::text(
                json!({ "id": id, "method": method, "params": params }).to_string(),
            ))
            .unwrap();
        loop {
            let message = self.socket.read().expect("a DevTools message");
            if let Message::Text(text) = message {
                let value: Value = serde_json::from_str(&text).unwrap();
                if value.get("method").is_some() && value.get("id").is_none() {
                    self.events.push(value);
                    continue;
                }
                if value["id"] == id {
                    return if value.get("error").is_some() {
                        value["error"].clone()
                    } else {
                        value["result"].clone()
                    };
                }
            }
        }
    }

    pub fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_until("document.readyState === 'complete'", 30);
    }

    /// Navigates to `url` and waits for the load; `Err` with Chromium's reason when the
    /// navigation itself failed (refused connection, aborted download, …). An HTTP error
    /// status is not a failure here: watch `Network.responseReceived` for it.
    pub fn try_navigate(&mut self, url: &str) -> Result<(), String> {
        let result = self.call("Page.navigate", json!({ "url": url }));
        if let Some(error) = result["errorText"].as_str().filter(|e| !e.is_empty()) {
            return Err(error.to_owned());
        }
        if let Some(error) = result["message"].as_str() {
            return Err(error.to_owned());
        }
        self.wait_until("document.readyState === 'complete'", 30);
        Ok(())
    }

    /// Evaluates `expression`, awaits the promise it returns, and gives its value (returned by
    /// value, so it must be JSON); panics with the exception when it throws or rejects.
    pub fn eval_async(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "awaitPromise": true, "returnByValue": true }),
        );
        if let Some(exception) = result.get("exceptionDetails") {
            panic!("{expression:.80} threw: {exception}");
        }
        assert!(
            result.get("result").is_some(),
            "{expression:.80} failed: {result}"
        );
        result["result"]["value"].clone()
    }

    /// The DevTools events received since the last call (enable a domain to get its events:
    /// `Network.enable`, `Runtime.enable`, `Log.enable`, …).
    pub fn take_events(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.events)
    }

    /// Lets the page run for `millis` while collecting the events it sends.
    pub fn settle(&mut self, millis: u64) {
        let deadline = Instant::now() + Duration::from_millis(millis);
        while Instant::now() < deadline {
            self.eval("0");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Evaluates `expression` in the page; `Value::Null` when the page is between loads.
    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        );
        result["result"]["value"].clone()
    }

    /// Polls `expression` until it is truthy; panics after `seconds`.
    pub fn wait_until(&mut self, expression: &str, seconds: u64) -> Value {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let value = self.eval(expression);
            let truthy = match &value {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::String(s) => !s.is_empty(),
                Value::Number(n) => n.as_f64() != Some(0.0),
                _ => true,
            };
            if truthy {
                return value;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for: {expression}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn http_get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    String::from_utf8_lossy(&body).into_owned()
}
