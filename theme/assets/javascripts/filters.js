/* Filters for the overview tables (maatregelen/, regelingen/), issues 3 and 14.
 *
 * The form is in the HTML from the start, so nothing moves when this script takes it over;
 * without JavaScript zonder-js.css hides it and the reader gets the full table. Here it filters
 * the rows by their data-opgave, data-status and data-organisaties. The filter lives in the
 * query string (?opgave=huisvesting&status=beschikbaar), the same slugs as the search page, so
 * a filtered view can be pasted in an e-mail; it restores on load and back/forward step through
 * changes. The count line (a polite status region, printed with the table) says how many rows
 * are shown and by which filter, and names a value in the address that matches no option.
 */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-hr-filter]");
  if (!forms.length) return;

  var MATCH = {
    opgave: function (row, value) { return row.dataset.opgave === value; },
    status: function (row, value) {
      return value === "verlopen" ? row.dataset.verlopen === "ja" : row.dataset.status === value;
    },
    organisatie: function (row, value) {
      return (row.dataset.organisaties || "").split(" ").indexOf(value) >= 0;
    },
  };

  function label(select) {
    return document.querySelector("label[for='" + select.id + "']").textContent
      .replace(/\s*\(.*\)\s*$/, "").trim().toLowerCase();
  }

  function setUp(form) {
    var caption = document.getElementById(form.dataset.hrFilter);
    var table = caption && caption.closest("table");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = document.getElementById(form.dataset.hrAantal);
    var noun = form.dataset.hrNaam;
    var unknown = [];

    function describe(shown) {
      var chosen = selects.filter(function (select) { return select.value; });
      var text = shown === rows.length
        ? "Alle " + rows.length + " " + noun + " worden getoond."
        : shown === 0
          ? "Geen " + noun + " voor dit filter."
          : shown + " van de " + rows.length + " " + noun + " worden getoond.";
      if (chosen.length) {
        text += " Filter: " + chosen.map(function (select) {
          return label(select) + " " + select.options[select.selectedIndex].text;
        }).join(", ") + ".";
      }
      unknown.forEach(function (item) {
        text += " Onbekende " + item[0] + " ‘" + item[1] + "’ in het adres: dat filter is niet gebruikt.";
      });
      return text;
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return !select.value || MATCH[select.name](row, select.value);
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = describe(shown);
      form.dataset.hrGetoond = String(shown);
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      unknown = [];
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        select.value = wanted;
        if (select.selectedIndex < 0 || select.value !== wanted) {
          select.value = "";
          if (wanted) unknown.push([label(select), wanted]);
        }
      });
    }

    function writeUrl() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value);
        else params.delete(select.name);
      });
      var search = params.toString();
      var url = location.pathname + (search ? "?" + search : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        history.pushState(null, "", url);
      }
    }

    function change() {
      unknown = [];
      writeUrl();
      apply();
    }

    selects.forEach(function (select) { select.addEventListener("change", change); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      change();
    });
    form.addEventListener("reset", function () {
      setTimeout(change, 0); /* after the browser has reset the selects */
    });
    window.addEventListener("popstate", function () {
      readUrl();
      apply();
    });

    readUrl();
    if (location.search) apply(); /* unfiltered, the server's rows and count are already right */
  }

  Array.prototype.forEach.call(forms, setUp);
})();
