// The platform's one script (the Content Security Policy allows no inline script): copy buttons, confirmations, live progress.
"use strict";
document.documentElement.classList.add("scripted");
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copy + "-copied");
  try {
    await navigator.clipboard.writeText(source.value ?? source.textContent);
    if (status) status.textContent = "Copied to the clipboard.";
  } catch {
    // Without clipboard access (an insecure origin, a refused permission) the value is selected for a manual copy.
    source.select?.();
    if (status) status.textContent = "Select the value and copy it (Ctrl+C).";
  }
});
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});
// On a phone the group tree starts folded, so the page comes first; without script it stays open.
if (window.matchMedia("(max-width: 48rem)").matches) {
  for (const tree of document.querySelectorAll("details.tree")) tree.open = false;
}
// A page of work in progress (an import) reads itself again now and then and shows the new state in place, so focus and
// scroll stay where they are; it stops once the page no longer asks for it.
const polled = document.querySelector("[data-poll]");
if (polled) {
  const refresh = async () => {
    try {
      const response = await fetch(location.href, { credentials: "same-origin" });
      const next = new DOMParser().parseFromString(await response.text(), "text/html").getElementById(polled.id);
      // A page without the part (an error, a refusal) is a moment's trouble: read again a little later.
      if (!next) return setTimeout(refresh, 5000);
      polled.replaceChildren(...next.childNodes);
      if (next.dataset.poll) setTimeout(refresh, Number(next.dataset.poll));
    } catch {
      setTimeout(refresh, 5000);
    }
  };
  setTimeout(refresh, Number(polled.dataset.poll));
}
