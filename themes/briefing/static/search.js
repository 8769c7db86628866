// Starts Pagefind's search box on /search/ and runs the query given in ?q= (the header form).
window.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("search");
  if (window.location.protocol === "file:") {
    // Browsers do not let a page opened from disk fetch the search index.
    const note = document.createElement("p");
    note.className = "empty";
    note.textContent = "Search works only when the site is served over HTTP, not opened from disk. " +
      "Browse the actors, sources or chronology instead.";
    box.replaceChildren(note);
    return;
  }
  const ui = new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    // A page's title is its first heading (<h1 id="title">): a sub-result of that heading says
    // the title again. Given the page's own address it stands for the page, whose excerpt
    // Pagefind then shows under the title instead of as a sub-result.
    processResult: (result) => {
      const title = (result.meta && result.meta.title || "").trim();
      const subs = result.sub_results || [];
      const same = (sub) => sub.title.trim() === title;
      const page = subs.find(same);
      const others = subs.filter((sub) => !same(sub));
      result.sub_results = page ? [{ ...page, url: result.url }, ...others] : others;
      // The tags under a result: what it is first, then its source or role, then its date.
      const meta = {};
      for (const key of ["title", "kind", "source", "role", "date"]) {
        if (result.meta && key in result.meta) meta[key] = result.meta[key];
      }
      result.meta = Object.assign(meta, result.meta);
      return result;
    },
  });
  // Pagefind's box has only a title and a placeholder: give it a name of its own.
  const input = box.querySelector(".pagefind-ui__search-input");
  if (input) input.setAttribute("aria-label", "Search the articles, actors, events, comparisons and sources");
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
