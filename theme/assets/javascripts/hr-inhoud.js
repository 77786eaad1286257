/* Material for MkDocs 9.8's inline content script (partials/javascripts/content.html), as a
 * file for the Content-Security-Policy (issue 12): open the tab a link's #hash points to.
 */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
