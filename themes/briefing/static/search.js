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
    // A page's title is its first heading: a sub-result of that heading says the title again.
    processResult: (result) => {
      const title = (result.meta && result.meta.title || "").trim();
      result.sub_results = (result.sub_results || []).filter((sub) => sub.title.trim() !== title);
      return result;
    },
  });
  // Pagefind's box has only a title and a placeholder: give it a name of its own.
  const input = box.querySelector(".pagefind-ui__search-input");
  if (input) input.setAttribute("aria-label", "Search the articles, actors, events, comparisons and sources");
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
