// The editors' admin at /redactie/bewerken/: Decap CMS with only what the handreiking uses.
// Backends: GitHub (pull requests through the editorial workflow) and the proxy that
// `decap-server` offers locally (`make bewerken`). Widgets: text, selects, numbers, lists,
// blocks and references; no Markdown editor, no media, no date picker (dates stay text in
// their notation). The configuration is generated from the model (admin/config.yml, made by
// `make schema`) and built in (admin/build.mjs), so nothing is fetched at run time but the
// content.
import { DecapCmsCore as CMS } from 'decap-cms-core';
import { GitHubBackend } from 'decap-cms-backend-github';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import StringWidget from 'decap-cms-widget-string';
import TextWidget from 'decap-cms-widget-text';
import NumberWidget from 'decap-cms-widget-number';
import SelectWidget from 'decap-cms-widget-select';
import ObjectWidget from 'decap-cms-widget-object';
import ListWidget from 'decap-cms-widget-list';
import RelationWidget from 'decap-cms-widget-relation';
import { nl } from 'decap-cms-locales';
import { yamlFormat, frontMatterFormat } from './yaml-format.js';
import { shapesOf, withShapes } from './shapes.js';
import { TextPreview, PREVIEW_STYLE } from './preview.js';

/* global __HANDREIKING_CONFIG__ */
const config = __HANDREIKING_CONFIG__;
const shapes = shapesOf(config);

CMS.registerBackend('github', GitHubBackend);
CMS.registerBackend('proxy', ProxyBackend);
CMS.registerWidget([
  StringWidget.Widget(),
  TextWidget.Widget(),
  NumberWidget.Widget(),
  SelectWidget.Widget(),
  ObjectWidget.Widget(),
  ListWidget.Widget(),
  RelationWidget.Widget(),
]);
CMS.registerLocale('nl', nl);
CMS.registerCustomFormat('handreiking-yaml', 'yaml', withShapes(yamlFormat(), shapes));
CMS.registerCustomFormat('handreiking-frontmatter', 'md', withShapes(frontMatterFormat(), shapes));
CMS.registerPreviewStyle(PREVIEW_STYLE, { raw: true });
for (const collection of config.collections) {
  for (const file of collection.files || []) CMS.registerPreviewTemplate(file.name, TextPreview);
  CMS.registerPreviewTemplate(collection.name, TextPreview);
}

// On 127.0.0.1 (make bewerken) Decap talks to decap-server through this page's own origin
// (tools/bewerken.py passes /api/v1 on), so the policy's connect-src stays 'self'.
CMS.init({ config: { ...config, local_backend: { url: `${window.location.origin}/api/v1` } } });
