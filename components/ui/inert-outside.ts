/**
 * Makes the page around `keep` inert (not focusable, not clickable, hidden from assistive
 * technology), as a native modal <dialog> does, and returns the undo. Radix Dialog only sets
 * aria-hidden there, which leaves those controls focusable (axe's aria-hidden-focus); the
 * `aria-hidden` package's own `inertOthers` shares its counters with the aria-hidden marks Radix
 * sets, so undoing one of them leaves the other behind. Live regions (the toasts) stay as they are.
 */
export function inertOutside(keep: Element): () => void {
  const madeInert: Element[] = [];
  for (let node = keep; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement.children)) {
      if (sibling === node || sibling.hasAttribute("inert") || sibling.matches("script, [aria-live]")) continue;
      sibling.setAttribute("inert", "");
      madeInert.push(sibling);
    }
  }
  return () => {
    for (const element of madeInert) element.removeAttribute("inert");
  };
}
