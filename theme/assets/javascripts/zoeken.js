/* Search page (zoeken/): Dutch full-text search with Pagefind (issues 3 and 14).
 *
 * The page holds a plain GET form (q, opgave, status, organisatie), so every search is a URL
 * that can be shared and restores on load; back and forward work. The filters use the slugs
 * the overviews use (?status=in-voorbereiding); a value that matches no option is named in the
 * status line. Pagefind's index is fetched only when there is something to search for. The
 * result count is announced politely, and a reader who arrives with a query (from the search
 * field in the header) lands in the field, with the results right after it.
 * Each result shows its kind (Maatregel, Regeling, ...) and status.
 *
 * Dutch glues words together: "noodopvang" is only in "crisisnoodopvang". A query word that
 * is not itself a word of the site's titles and begrippen is also looked for inside their
 * longer words (woorden.json, written by the build); those results are merged by Pagefind's
 * score, and the status line says which words were added ("ook gezocht op ...").
 * People also use other words than the handreiking: "flexwoning" for "flexibele huisvesting".
 * The editors keep groups of such words (content/zoekwoorden.yaml -> zoekwoorden.json, issue
 * 22); a query with a word of a group is also searched with each other word of that group.
 * A search that finds nothing shows the overviews and a few words of the site that look like
 * the query ("bedoelde u ...?"). On a phone the filters fold away, so the first result is
 * on the first screen; they open on a wide screen and when the address sets one.
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
  var words = null;
  var synonyms = null;
  var filterBox = form.querySelector("details.hr-zoeken__filters");
  var none = document.getElementById("hr-geen-resultaat");
  var near = document.getElementById("hr-bijna");
  var wide = window.matchMedia("(min-width: 60em)");
  var latest = 0;
  var timer = null;
  var unknown = [];

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

  /* The words of the site's titles and begrippen, fetched once, with the first query. */
  function longWords() {
    if (!words) {
      words = fetch(new URL("zoeken/woorden.json", root).href)
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return words;
  }

  /* The editors' groups of words that mean the same, fetched once, with the first query. */
  function synonymGroups() {
    if (!synonyms) {
      synonyms = fetch(new URL("zoeken/zoekwoorden.json", root).href)
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return synonyms;
  }

  /* A word without the Dutch plural or diminutive ending, to compare a query with a group:
     "flexwoningen" and "flexwoning" are the same word here. */
  function stem(word) {
    return word.replace(/(’s|'s|en|s)$/, function (end) {
      return word.length - end.length >= 4 ? "" : end;
    });
  }

  function stems(text) {
    return " " + text.toLowerCase().split(/\s+/).filter(Boolean).map(stem).join(" ") + " ";
  }

  /* "flexwoningen ondersteuningsteam" -> [["flexibele huisvesting", "flexibele huisvesting
     ondersteuningsteam"], ...]: the query with a word (or words) of a group replaced by each
     other word of that group. */
  function alternatives(text, groups) {
    var query = text.toLowerCase().split(/\s+/).filter(Boolean);
    var stemmed = query.map(stem);
    var found = [];
    groups.forEach(function (group) {
      group.forEach(function (term) {
        var parts = term.split(" ").map(stem);
        for (var i = 0; i + parts.length <= stemmed.length; i++) {
          if (stemmed.slice(i, i + parts.length).join(" ") !== parts.join(" ")) continue;
          group.forEach(function (other) {
            if (other === term) return;
            var replaced = query.slice(0, i).concat([other], query.slice(i + parts.length));
            found.push([other, replaced.join(" ")]);
          });
          return;
        }
      });
    });
    return found.slice(0, 6);
  }

  /* Words of the site that look like a query word that found nothing: the same start, or a
     letter or two off ("tussevoorziening" -> "tussenvoorzieningen"). */
  function nearWords(text, all) {
    var out = [];
    text.toLowerCase().split(/\s+/).forEach(function (word) {
      if (word.length < 4) return;
      var scored = all.map(function (candidate) {
        return [candidate, distance(word, candidate.slice(0, word.length + 2))];
      }).filter(function (pair) {
        return pair[0] !== word && (pair[0].indexOf(word.slice(0, 5)) === 0 || pair[1] <= 2);
      }).sort(function (a, b) { return a[1] - b[1] || a[0].length - b[0].length; });
      scored.slice(0, 4).forEach(function (pair) {
        if (out.indexOf(pair[0]) < 0) out.push(pair[0]);
      });
    });
    return out.slice(0, 6);
  }

  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var previous = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var keep = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
        previous = keep;
      }
    }
    return row[b.length];
  }

  /* No result: the overviews, and words of the site that look like the query. */
  function suggest(q, shown) {
    if (!none) return Promise.resolve();
    if (!shown) {
      none.hidden = true;
      return Promise.resolve();
    }
    return Promise.all([longWords(), synonymGroups()]).then(function (found) {
      var all = found[0].concat([].concat.apply([], found[1]));
      near.replaceChildren.apply(near, nearWords(q.text, all).map(function (word) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        var params = new URLSearchParams(location.search);
        params.set("q", word);
        link.href = location.pathname + "?" + params.toString();
        link.textContent = word;
        li.appendChild(link);
        return li;
      }));
      near.parentNode.hidden = !near.children.length;
      none.hidden = false;
    });
  }

  /* "escalatie" -> ["escalatiemogelijkheden"]: the longer words that hold a word which is not
     a word of the titles itself, leaving out mere other forms (Pagefind's stemmer finds
     "regelingen" for "regeling"). */
  function compounds(word, all) {
    if (word.length < 5 || all.indexOf(word) >= 0) return [];
    return all.filter(function (long) {
      return long.length >= word.length + 4 && long.indexOf(word) >= 0;
    }).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); }).slice(0, 3);
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    unknown = [];
    /* Open on a wide screen, where they fit beside each other above the results, and
       whenever the address sets one; on a phone they stay folded under one line. */
    if (filterBox && (wide.matches || selects.some(function (select) {
      return params.get(select.name) && params.get(select.name) !== select.getAttribute("data-standaard");
    }))) filterBox.open = true;
    if (filterBox) filterBox.setAttribute("data-hr-gezet", "");  /* the CSS no longer holds it open */
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || select.getAttribute("data-standaard") || "";
      select.value = wanted;
      if (select.selectedIndex < 0 || select.value !== wanted) {
        select.value = "";
        if (wanted) unknown.push([select.name, wanted]);
      }
    });
  }

  function query() {
    var filters = {};
    /* "alle" (every edition) filters nothing; the editie select starts at "huidig". */
    var chosen = 0; /* filters the reader chose, not the editie filter's own default */
    selects.forEach(function (select) {
      if (select.value && select.value !== "alle") filters[select.name] = select.value;
      if (select.value && select.value !== (select.getAttribute("data-standaard") || "")) chosen++;
    });
    return { text: input.value.trim(), filters: filters, chosen: chosen };
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selects.forEach(function (select) {
      var standaard = select.getAttribute("data-standaard") || "";
      if (select.value && select.value !== standaard) params.set(select.name, select.value);
    });
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
    var meta = data.meta || {};
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = meta.title || data.url;
    li.appendChild(link);
    var kind = document.createElement("span");
    kind.className = "hr-zoeklijst__soort";
    kind.textContent = [meta.soort || "Pagina", meta.status].filter(Boolean).join(" · ");
    li.appendChild(document.createTextNode(" "));
    li.appendChild(kind);
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function describe(count, q, added) {
    var what = q.text ? " voor ‘" + q.text + "’" : "";
    if (q.chosen) what += " (gefilterd)";
    var text = count === 0
      ? "Geen resultaten" + what + "."
      : count + (count === 1 ? " resultaat" : " resultaten") + what +
        (count > MAX ? "; de eerste " + MAX + " staan hieronder." : ".");
    if (added.length) {
      text += " Ook gezocht op " + added.map(function (w) { return "‘" + w + "’"; }).join(", ") + ".";
    }
    unknown.forEach(function (item) {
      text += " Onbekende " + item[0] + " ‘" + item[1] + "’ in het adres: dat filter is niet gebruikt.";
    });
    return text;
  }

  /* The query's results together with those of the query with a word replaced by a longer
     word that holds it, in the order of Pagefind's scores (each page once, at its best). */
  function find(pf, q) {
    var tried = [];
    if (q.text) {
      tried = Promise.all([longWords(), synonymGroups()]).then(function (found) {
        var variants = alternatives(q.text, found[1]);
        q.text.toLowerCase().split(/\s+/).forEach(function (word) {
          compounds(word, found[0]).forEach(function (long) {
            variants.push([long, q.text.toLowerCase().replace(word, long)]);
          });
        });
        return variants;
      });
    }
    return Promise.resolve(tried).then(function (variants) {
      var searches = [q.text || null].concat(variants.map(function (v) { return v[1]; }));
      return Promise.all(searches.map(function (text) {
        return pf.search(text, { filters: q.filters });
      })).then(function (found) {
        var best = {};
        var added = [];
        found.forEach(function (search, i) {
          search.results.forEach(function (r) {
            if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r;
          });
          var word = i > 0 ? variants[i - 1][0] : null;
          if (word && search.results.length && added.indexOf(word) < 0) added.push(word);
        });
        var results = Object.keys(best).map(function (id) { return best[id]; });
        results.sort(function (a, b) { return b.score - a.score; });
        return { results: results, added: added };
      });
    });
  }

  function run() {
    var q = query();
    var id = ++latest;
    if (!q.text && !q.chosen) {
      list.replaceChildren();
      suggest(q, false);
      status.textContent = unknown.length ? describe(0, q, []).replace(/^Geen resultaten\. /, "") : "";
      form.dataset.hrKlaar = String(id);
      return Promise.resolve();
    }
    return pagefind()
      .then(function (pf) { return find(pf, q); })
      .then(function (found) {
        return Promise.all(found.results.slice(0, MAX).map(function (r) { return r.data(); }))
          .then(function (pages) {
            if (id !== latest) return;
            list.replaceChildren.apply(list, pages.map(item));
            status.textContent = describe(found.results.length, q, found.added);
            return suggest(q, found.results.length === 0).then(function () {
              if (id === latest) form.dataset.hrKlaar = String(id);
            });
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
    unknown = [];
    timer = setTimeout(function () { writeUrl(false); run(); }, 250);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", function () { unknown = []; writeUrl(true); run(); });
  });
  window.addEventListener("popstate", function () { readUrl(); run(); });

  readUrl();
  /* Arriving with a query (the header's search field): focus where the reader was typing,
     so changing the query takes no tabbing; the count is announced when the results are in. */
  if (input.value) input.focus();
  run();
})();
