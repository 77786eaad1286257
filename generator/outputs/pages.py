"""Which pages the site has: one table for the current site and for a published edition.

A record kind has a page per record (RECORD_PAGES); an overview is one page (OVERVIEWS); both
exist for the current content and again, at its fixed address, for every published edition.
The site's services (search, the changelog, contact, the editions' list, the pages of removed
records) exist once, for the current edition (`site_pages`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..base.dates import one_year_after
from ..base.urls import SECURITY_TXT, anchors, base_url, url_of
from .render import SEARCH_SYNONYMS, SEARCH_WORDS, Renderer, search_synonyms, search_words
from .timeline import STATE_LABELS as TIJDLIJN_LABELS
from .timeline import layout as tijdlijn_layout


@dataclass(frozen=True)
class RecordPage:
    """A page per record: `records` names the model's dict, `name` the template's variable."""

    kind: str
    template: str
    records: str
    name: str
    file_key: str | None  # the content file of its edit link (None: no edit link)


RECORD_PAGES = (
    RecordPage("opgave", "opgave.md.j2", "opgaven", "opgave", None),
    RecordPage("maatregel", "maatregel.md.j2", "maatregelen", "m", "maatregelen"),
    RecordPage("regeling", "regeling.md.j2", "regelingen", "r", "regelingen"),
    RecordPage("organisatie", "organisatie.md.j2", "organisaties", "o", "organisaties"),
)


def _tijdlijn(renderer: Renderer) -> dict:
    h = renderer.h
    return {
        "figuur": tijdlijn_layout(h.mijlpalen, renderer.settings.today),
        "state_labels_tijdlijn": TIJDLIJN_LABELS,
    }


def _begrippen(renderer: Renderer) -> dict:
    terms = [b.term for b in renderer.h.begrippen]
    return {
        "ankers": anchors(terms),
        "voorbeeld": next((t for t in terms if t.isupper()), None),
    }


# (kind, template, its extra context): one page each, in the current site and every edition.
OVERVIEWS: tuple[tuple[str, str, Callable[[Renderer], dict] | None], ...] = (
    ("home", "home.md.j2", None),
    ("opgave", "opgaven.md.j2", None),
    ("maatregel", "maatregelen.md.j2", None),
    ("regeling", "regelingen.md.j2", None),
    ("organisatie", "organisaties.md.j2", None),
    ("tijdlijn", "tijdlijn.md.j2", _tijdlijn),
    ("begrippen", "begrippen.md.j2", _begrippen),
    ("bronnen", "bronnen.md.j2", None),
)
SERVICES = ("toegankelijkheid", "privacy", "contact")  # pages that name the ondersteuningsteam


def content_pages(renderer: Renderer) -> dict[str, str]:
    """The pages of the content itself: overviews, one per record, the prose pages."""
    h, pages = renderer.h, {}
    for kind, template, extra in OVERVIEWS:
        renderer.add(pages, renderer.url_of(kind), template, **(extra(renderer) if extra else {}))
    for spec in RECORD_PAGES:
        for record in getattr(h, spec.records).values():
            edit = None
            if spec.file_key and record.location is not None:
                edit = renderer.edit(spec.file_key, record.location.line)
            context = {spec.name: record, "edit": edit}
            renderer.add(pages, renderer.url_of(spec.kind, record.id), spec.template, **context)
    for pagina in h.paginas:
        edit = renderer.edit_path(pagina.path, 1)
        renderer.add(
            pages, renderer.url_of("pagina", pagina.slug), "pagina.md.j2", p=pagina, edit=edit
        )
    return pages


def edition_pages(renderer: Renderer) -> dict[str, str]:
    """A published edition at its fixed address: its content's pages under editie/<jaar>/."""
    return dict(sorted(content_pages(renderer).items()))


def render_pages(handreiking, settings, history=None, volgen=()) -> dict[str, str]:
    """Every page of the current site (`site_pages`) for `handreiking` and its `history`;
    `volgen` (outputs/follow.py) are the feeds and calendars of its subjects."""
    return site_pages(Renderer(handreiking, settings, history, volgen=volgen))


def render_edition(frozen, settings, history=None) -> dict[str, str]:
    """Every page of a published edition (history/frozen.py `Frozen`) at its fixed address."""
    return edition_pages(Renderer(frozen.handreiking, settings, history, frozen))


def site_pages(renderer: Renderer) -> dict[str, str]:
    """Every page of the current site: the content's, the services, the editions' list and
    the pages at the addresses of removed records."""
    h, history = renderer.h, renderer.history
    pages = content_pages(renderer)
    renderer.add(pages, url_of("zoeken"), "zoeken.md.j2")  # issue 3: Pagefind search page
    pages[url_of("zoeken") + SEARCH_WORDS] = search_words(h)  # issue 14: see zoeken.js
    pages[url_of("zoeken") + SEARCH_SYNONYMS] = search_synonyms(h)  # issue 22: idem
    if history is not None:
        renderer.add(pages, url_of("wijzigingen"), "wijzigingen.md.j2", changelog=history)
        renderer.add(pages, url_of("editie"), "edities.md.j2")
        for removed in history.removed.values():
            if removed.kind == "bron":  # a bron has no page of its own
                continue
            renderer.add(pages, url_of(removed.kind, removed.id), "verwijderd.md.j2", v=removed)
    # Issue 14: the pages for editors, linked from every page's footer, not from the menu.
    editors = [p for p in h.paginas if p.for_editors]
    renderer.add(pages, url_of("redactie"), "redactie.md.j2", paginas=editors)
    team = renderer.team()
    for kind in SERVICES:  # issue 3: accessibility statement, privacy, contact
        renderer.add(pages, url_of(kind), f"{kind}.md.j2", team=team)
    contact = renderer.settings.security_contact
    if not contact and team and team.contact and team.contact.email:
        contact = f"mailto:{team.contact.email}"
    if contact:
        pages[SECURITY_TXT] = renderer.env.get_template("security.txt.j2").render(
            contact=contact,
            expires=one_year_after(renderer.settings.today),
            canonical=base_url(renderer.settings.site_url) + SECURITY_TXT,
        )
    return dict(sorted(pages.items()))
