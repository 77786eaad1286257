/* Performance (issue 6): fetch the search index only when the reader starts to search.
 *
 * Material for MkDocs requests search/search_index.json (via XMLHttpRequest) as soon as a page
 * loads, and the index grows with the content (7.8 MB, 0.9 MB gzip at 2,000 pages). This script
 * runs before Material's bundle and holds that one request back until the search field gets
 * focus, is hovered or the search toggle changes (the keyboard shortcuts focus the field too).
 * Material shows "Zoeken initialiseren" meanwhile and runs the query once the index is in.
 */
(function () {
  "use strict";
  var INDEX = /(^|\/)search\/search_index\.json(\?|#|$)/;
  var held = [];
  var started = false;

  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.hrZoekindex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.hrZoekindex || started) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  function isSearch(target) {
    return target && target.closest && target.closest(".md-search, [for='__search'], #__search");
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) start(); });
  document.addEventListener("pointerover", function (event) { if (isSearch(event.target)) start(); });
  document.addEventListener("change", function (event) { if (isSearch(event.target)) start(); });
})();
