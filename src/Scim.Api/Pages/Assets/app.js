// The platform's one script (the Content Security Policy allows no inline script): copy buttons and confirmations.
"use strict";
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
