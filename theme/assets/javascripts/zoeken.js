/* Search page (zoeken/): Dutch full-text search with Pagefind (issue 3).
 *
 * The page holds a plain GET form (q, opgave, status, organisatie), so every search is a URL
 * that can be shared and restores on load; back and forward work. Pagefind's index is fetched
 * only when there is something to search for. The result count is announced politely.
 * Pagefind stems Dutch; see docs/search-evaluation.md for why it replaced Material's search.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-hr-zoeken]");
  if (!form) return;
  var input = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = document.getElementById("hr-zoekstatus");
  var list = document.getElementById("hr-zoeklijst");
  var MAX = 20;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var engine = null;
  var latest = 0;
  var timer = null;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return Promise.resolve(module.options({ baseUrl: root.pathname })).then(function () {
          return module;
        });
      });
    }
    return engine;
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) {
      select.value = params.get(select.name) || "";
      if (select.selectedIndex < 0) select.value = "";
    });
  }

  function query() {
    var filters = {};
    selects.forEach(function (select) { if (select.value) filters[select.name] = select.value; });
    return { text: input.value.trim(), filters: filters };
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    var search = params.toString();
    var url = location.pathname + (search ? "?" + search : "");
    if (url === location.pathname + location.search) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  /* Pagefind's excerpt is HTML with <mark>; copy only its text and marks, never markup. */
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(link);
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function describe(count, q) {
    var what = q.text ? " voor ‘" + q.text + "’" : "";
    if (Object.keys(q.filters).length) what += " (gefilterd)";
    if (count === 0) return "Geen resultaten" + what + ".";
    var text = count + (count === 1 ? " resultaat" : " resultaten") + what;
    return text + (count > MAX ? "; de eerste " + MAX + " staan hieronder." : ".");
  }

  function run() {
    var q = query();
    var id = ++latest;
    if (!q.text && !Object.keys(q.filters).length) {
      list.replaceChildren();
      status.textContent = "";
      return Promise.resolve();
    }
    return pagefind()
      .then(function (pf) { return pf.search(q.text || null, { filters: q.filters }); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, MAX).map(function (r) { return r.data(); }))
          .then(function (pages) {
            if (id !== latest) return;
            list.replaceChildren.apply(list, pages.map(item));
            status.textContent = describe(search.results.length, q);
            form.dataset.hrKlaar = String(id);
          });
      })
      .catch(function () {
        if (id !== latest) return;
        list.replaceChildren();
        status.textContent = "Zoeken lukt nu niet: de zoekindex ontbreekt. Gebruik de overzichten in het menu.";
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    writeUrl(true);
    run();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { writeUrl(false); run(); }, 250);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", function () { writeUrl(true); run(); });
  });
  window.addEventListener("popstate", function () { readUrl(); run(); });

  readUrl();
  run();
})();
