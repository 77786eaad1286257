/* Filters for the overview tables (maatregelen/, regelingen/), issue 3.
 *
 * The form is `hidden` in the HTML: without JavaScript the reader gets the full table. Here it
 * is shown and filters the rows by their data-opgave, data-status and data-organisaties. The
 * filter lives in the query string (?opgave=huisvesting&status=beschikbaar), so a filtered
 * view can be pasted in an e-mail; it restores on load and back/forward step through changes.
 * The number of rows shown is announced in the form's polite status region.
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

  function setUp(form) {
    var caption = document.getElementById(form.dataset.hrFilter);
    var table = caption && caption.closest("table");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = form.querySelector("[role=status]");
    var noun = form.dataset.hrNaam;

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return !select.value || MATCH[select.name](row, select.value);
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown === rows.length
        ? "Alle " + rows.length + " " + noun + " worden getoond."
        : shown === 0
          ? "Geen " + noun + " voor dit filter."
          : shown + " van de " + rows.length + " " + noun + " worden getoond.";
      form.dataset.hrGetoond = String(shown);
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        select.value = params.get(select.name) || "";
        if (select.selectedIndex < 0) select.value = "";
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
    form.hidden = false;
    apply();
  }

  Array.prototype.forEach.call(forms, setUp);
})();
