/* Wide tables that scroll sideways (issue 3): Material wraps every Markdown table in
 * .md-typeset__scrollwrap, a region that can scroll but cannot take focus, so keyboard users
 * cannot scroll it (axe: scrollable-region-focusable, WCAG 2.1.1). A wrapper that actually
 * overflows becomes a focusable, named region; one that fits stays out of the tab order.
 */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var node = wrap;
    while ((node = node.previousElementSibling)) {
      if (/^H[1-6]$/.test(node.tagName)) return "Tabel: " + node.textContent.replace(/¶$/, "").trim();
    }
    return "Tabel";
  }

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  if (window.document$) window.document$.subscribe(update);
  window.addEventListener("load", update);
})();
