/* Material for MkDocs 9.8's inline head script (partials/javascripts/base.html), as a file so
 * the Content-Security-Policy needs no 'unsafe-inline' (issue 12). It defines the helpers
 * Material's bundle uses to keep settings in localStorage, scoped to the site's base URL,
 * which the <script> tag carries in data-md-scope. Behaviour is unchanged.
 */
__md_scope = new URL(document.currentScript.dataset.mdScope, location);
__md_hash = function (value) {
  return Array.from(value).reduce(function (hash, character) {
    return (hash << 5) - hash + character.charCodeAt(0);
  }, 0);
};
__md_get = function (key, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
};
__md_set = function (key, value, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (error) {
    /* storage full or disabled: the setting is not kept, as in Material */
  }
};
