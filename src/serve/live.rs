//! The live-reload script that `serve` adds to every page it serves (and only to those).

/// Where the script is served from.
pub const SCRIPT_PATH: &str = "/__dossier/live.js";
/// The Server-Sent Events endpoint.
pub const EVENTS_PATH: &str = "/__dossier/events";
/// The problems of the last build, as JSON, for pages loaded while a build is broken.
pub const STATUS_PATH: &str = "/__dossier/status";

/// Adds the script tag before `</body>` (or at the end).
pub fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// Reloads after a rebuild, swaps stylesheets after a CSS change, and shows or hides the
/// error overlay.
pub const SCRIPT: &str = r#"(() => {
  const ID = "dossier-error-overlay";
  function hide() { const old = document.getElementById(ID); if (old) old.remove(); }
  function show(problems) {
    hide();
    if (!problems.length) return;
    const box = document.createElement("div");
    box.id = ID;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:70vh;overflow:auto;z-index:2147483647;" +
      "background:#fff8f6;color:#2b0b05;border:2px solid #b3261e;border-radius:6px;padding:1rem 1.25rem;" +
      "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 8px 30px rgba(0,0,0,.25)";
    const title = document.createElement("p");
    title.style.cssText = "margin:0 0 .5rem;font-weight:bold;font-family:system-ui,sans-serif";
    title.textContent = "dossier: the last save has " + problems.length + " problem" + (problems.length === 1 ? "" : "s") + "; showing the last good build";
    box.appendChild(title);
    for (const p of problems) {
      const pre = document.createElement("pre");
      pre.className = "dossier-problem";
      pre.style.cssText = "margin:.5rem 0;white-space:pre-wrap";
      pre.textContent = p.text;
      box.appendChild(pre);
    }
    document.body.appendChild(box);
  }
  // The build this page comes from; the stream says the current one when it connects.
  const served = Number(new URL(document.currentScript.src).searchParams.get("g") || 0);
  fetch("/__dossier/status").then(r => r.json()).then(show).catch(() => {});
  const events = new EventSource("/__dossier/events");
  events.addEventListener("generation", e => { if (Number(e.data) > served) location.reload(); });
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("css", () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("v", Date.now());
      link.href = url.toString();
    }
  });
  events.addEventListener("problems", e => show(JSON.parse(e.data)));
  events.addEventListener("fixed", () => hide());
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_end_of_the_body() {
        let html = inject(b"<html><body><p>x</p></body></html>");
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<html><body><p>x</p><script src=\"/__dossier/live.js\" defer></script></body></html>"
        );
    }
}
