/* Keyboard focus always in view (issue 14, WCAG 2.4.7).
 *
 * Chromium leaves an element that Tab moves to where it is when part of it is already visible,
 * so a link at the edge of a scrolling table, or under the sticky header, could have focus
 * while hardly seen. This scrolls it fully into view, nearest edge first; CSS scroll-padding
 * (handreiking.css) keeps it clear of the header and of the matrix's sticky first column.
 * Only for keyboard focus (:focus-visible): a click never scrolls the page.
 */
(function () {
  "use strict";

  function hidden(element) {
    var rect = element.getBoundingClientRect();
    for (var box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      var style = getComputedStyle(box);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      var outer = box.getBoundingClientRect();
      if (rect.left < outer.left || rect.right > outer.right) return true;
    }
    return rect.top < 0 || rect.bottom > window.innerHeight ||
      rect.left < 0 || rect.right > document.documentElement.clientWidth;
  }

  document.addEventListener("focusin", function (event) {
    var element = event.target;
    if (!(element instanceof Element) || !element.matches(":focus-visible")) return;
    if (element.getBoundingClientRect().height > window.innerHeight) return; /* a whole region */
    if (hidden(element)) element.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
})();
