//! The live-reload script that `serve` adds to every page it serves (and only to those), and
//! the page served in place of the site while no build has succeeded.

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

/// The id of the body of [`error_page`].
pub const ERROR_PAGE_ID: &str = "dossier-error-page";

/// The page every URL answers with while no build has succeeded (the first one failed): the
/// problems as the terminal shows them (file, line, the line itself, a hint), and the
/// live-reload script, which reloads it when the problems change and into the site when a
/// save fixes them.
pub fn error_page(problems: &[String]) -> Vec<u8> {
    let count = problems.len();
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>dossier: the site cannot be built</title>\n\
         <style>body{{margin:2rem auto;max-width:60rem;padding:0 1rem;font:16px/1.5 system-ui,sans-serif;color:#2b0b05}}\
         h1{{font-size:1.4rem;color:#b3261e}}pre{{background:#fff8f6;border:1px solid #b3261e;border-radius:6px;\
         padding:.75rem 1rem;white-space:pre-wrap;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}}</style>\n\
         </head>\n<body id=\"{ERROR_PAGE_ID}\">\n<h1>dossier: the site cannot be built yet</h1>\n\
         <p>The first build found {count} problem{}. Fix {} and save: this page follows, and \
         turns into the site as soon as it builds.</p>\n",
        if count == 1 { "" } else { "s" },
        if count == 1 { "it" } else { "them" },
    );
    for problem in problems {
        html.push_str(&format!(
            "<pre class=\"dossier-problem\">{}</pre>\n",
            crate::render::markdown::escape(problem)
        ));
    }
    html.push_str("</body>\n</html>\n");
    inject(html.as_bytes())
}

/// Reloads after a rebuild, swaps stylesheets after a CSS change, shows or hides the error
/// overlay, and runs the search page's query again on a new search index.
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
  // The page that stands for the site while no build has succeeded shows the problems itself:
  // no overlay; it reloads when they change.
  const errorPage = document.body.id === "dossier-error-page";
  function shown() { return [...document.querySelectorAll(".dossier-problem")].map(p => p.textContent); }
  function update(problems) {
    if (!errorPage) return show(problems);
    if (JSON.stringify(problems.map(p => p.text)) !== JSON.stringify(shown())) location.reload();
  }
  // What the stream says is newer than the status asked for when the page loaded: an answer
  // that comes after a "problems" or "fixed" event is dropped (it would hide a new overlay).
  let streamed = false;
  if (!errorPage) fetch("/__dossier/status").then(r => r.json()).then(p => { if (!streamed) show(p); }).catch(() => {});
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
  events.addEventListener("problems", e => { streamed = true; update(JSON.parse(e.data)); });
  events.addEventListener("fixed", () => { streamed = true; hide(); });
  // A search index newer than this page: a page that searches with Pagefind loads again, the
  // query in its search box kept (the index may not have existed when it was served).
  const searchedAt = Number(new URL(document.currentScript.src).searchParams.get("s") || 0);
  events.addEventListener("search", e => {
    if (Number(e.data) <= searchedAt || !document.querySelector('script[src*="pagefind/"]')) return;
    const box = document.querySelector(".pagefind-ui__search-input");
    const url = new URL(location.href);
    if (box && box.value) url.searchParams.set("q", box.value);
    location.replace(url.toString());
  });
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
