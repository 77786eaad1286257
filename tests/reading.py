"""What a reader sees in Chromium, measured on any built site (issue 14): words split across
lines in a table cell, status badges cut off, focus on something off-screen or invisible, and
the layout shift of a page while it loads.

Each function returns what is wrong on the page that is open, as readable strings (empty when
all is well), so a test can collect them over many pages and widths and fail once with all.
"""

from __future__ import annotations

WIDTHS = (320, 375, 768, 1280)

# Every word of every visible table cell must sit on one line: no line break between two
# letters or digits. Breaks at spaces, hyphens, slashes, brackets or a soft hyphen are fine.
SPLIT_WORDS = r"""() => {
  const found = [];
  for (const cell of document.querySelectorAll('table th, table td')) {
    if (!cell.getClientRects().length) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.getClientRects().length) continue;
      const style = getComputedStyle(node.parentElement);
      if (style.position === 'absolute' && style.overflow === 'hidden') continue; // .hr-sr
      for (const match of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
        // The line of each letter: its own (last) box, not the hyphen a break before it adds.
        const lines = new Set();
        for (let i = match.index; i < match.index + match[0].length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const boxes = [...range.getClientRects()].filter(r => r.width > 0);
          if (boxes.length) lines.add(Math.round(boxes[boxes.length - 1].top / 4));
        }
        if (lines.size > 1) found.push(match[0]);
      }
    }
  }
  return found;
}"""

# A badge is clipped when its text overflows its own box, or when a box that clips its content
# (a scrolling table region, the page itself) does not show all of it.
CLIPPED_BADGES = r"""() => {
  const found = [];
  const width = document.documentElement.clientWidth;
  for (const badge of document.querySelectorAll('.hr-status')) {
    const rect = badge.getBoundingClientRect();
    if (!rect.width) continue;
    const why = [];
    if (badge.scrollWidth > badge.clientWidth + 1) why.push('text wider than the badge');
    if (rect.left < -0.5 || rect.right > width + 0.5) why.push('outside the page');
    for (let box = badge.parentElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const outer = box.getBoundingClientRect();
      const left = outer.left + box.clientLeft, top = outer.top + box.clientTop;
      if (rect.left < left - 0.5 || rect.right > left + box.clientWidth + 0.5 ||
          rect.top < top - 0.5 || rect.bottom > top + box.clientHeight + 0.5) {
        if (box !== document.documentElement && box !== document.body) {
          why.push('cut off by ' + box.tagName.toLowerCase() + '.' + box.className);
        }
      }
    }
    if (why.length) found.push(badge.textContent.trim() + ': ' + why.join(', '));
  }
  return found;
}"""

# The element that has focus: enough of it on screen (inside the viewport and every box that
# clips it, such as a scrolling table), the middle of that part not under something else
# (a sticky header or column, a fixed button), not hidden or transparent, and with a ring.
FOCUSED = r"""async () => {
  // Two frames first: scrolling the element into view (toetsenbord.js) has happened.
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const describe = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') +
    ' ‘' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) + '’';
  const rect = el.getBoundingClientRect();
  const problems = [];
  let [left, top, right, bottom] = [Math.max(rect.left, 0), Math.max(rect.top, 0),
    Math.min(rect.right, innerWidth), Math.min(rect.bottom, innerHeight)];
  for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const outer = box.getBoundingClientRect();
    left = Math.max(left, outer.left + box.clientLeft);
    top = Math.max(top, outer.top + box.clientTop);
    right = Math.min(right, outer.left + box.clientLeft + box.clientWidth);
    bottom = Math.min(bottom, outer.top + box.clientTop + box.clientHeight);
  }
  const area = rect.width * rect.height;
  const seen = Math.max(0, right - left) * Math.max(0, bottom - top);
  if (area < 1) problems.push('no size');
  else if (seen < 0.5 * Math.min(area, innerWidth * innerHeight / 4)) {
    const at = (a, b) => `${Math.round(a)}..${Math.round(b)}`;
    problems.push(`off-screen (x ${at(rect.left, rect.right)}, y ${at(rect.top, rect.bottom)}, ` +
      `${Math.round(100 * seen / area)}% seen)`);
  }
  for (let node = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.visibility !== 'visible') { problems.push('visibility ' + style.visibility); break; }
    if (parseFloat(style.opacity) < 0.1) { problems.push('transparent'); break; }
  }
  if (!problems.length) {
    const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
    if (hit && !el.contains(hit) && !hit.contains(el)) {
      problems.push('covered by ' + hit.tagName.toLowerCase() + '.' + hit.className);
    }
  }
  const style = getComputedStyle(el);
  if (style.outlineStyle === 'none' && style.boxShadow === 'none') problems.push('no focus ring');
  return [describe, problems];
}"""

SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# Installed before any page script: adds up every layout shift not caused by the reader.
LAYOUT_SHIFT_OBSERVER = """
window.__hrShift = {score: 0, sources: []};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__hrShift.score += entry.value;
    for (const source of entry.sources || []) {
      const node = source.node;
      const from = source.previousRect, to = source.currentRect;
      const box = r => [r.x, r.y, r.width, r.height].map(Math.round).join(' ');
      window.__hrShift.sources.push((node && node.nodeType === 1
        ? node.tagName.toLowerCase() + '.' + node.className : String(node && node.nodeName)) +
        ` (${box(from)} -> ${box(to)} at ${Math.round(entry.startTime)} ms)`);
    }
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def split_words(page) -> list[str]:
    return page.evaluate(SPLIT_WORDS)


def clipped_badges(page) -> list[str]:
    return page.evaluate(CLIPPED_BADGES)


def focus_problems(page, max_stops: int = 600) -> list[str]:
    """Tab from the top of the page through every stop; what is wrong with each stop."""
    page.evaluate(
        "() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }"
    )
    problems, first = [], None
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        name, wrong = focused
        if name == first:
            break  # round the page once
        first = first or name
        problems += [f"{name}: {why}" for why in wrong]
    return problems


def layout_shift(page) -> tuple[float, list[str]]:
    """The page's layout-shift score so far and what moved (needs LAYOUT_SHIFT_OBSERVER)."""
    result = page.evaluate("() => window.__hrShift")
    return result["score"], result["sources"]
