// A paragraph's "cite" link opens, under the paragraph, its citation: the page's one citation
// line for any paragraph (#cite) with the paragraph's number filled in. Without the script the
// link leads to that line, and the reader puts in the number.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.cite[data-p]");
  const form = document.querySelector("#cite .citation-form");
  if (!link || !form) return;
  event.preventDefault();
  const side = link.parentElement;
  const open = side.querySelector(".citation");
  if (open) {
    open.remove();
    link.setAttribute("aria-expanded", "false");
    return;
  }
  const citation = document.createElement("p");
  citation.className = "citation";
  const filled = form.cloneNode(true);
  for (const number of filled.querySelectorAll("var")) number.replaceWith(link.dataset.p);
  citation.textContent = filled.textContent;
  side.append(citation);
  link.setAttribute("aria-expanded", "true");
});
