"""The live site as files: valid HTML (Nu Html Checker), no broken internal link or anchor,
and nothing in HTML, CSS or JavaScript that would fetch from another origin. These hold for
every valid content; the yearly update (test_yearly_update.py) runs the same checks."""

from __future__ import annotations

from site_checks import broken_links, fetches_from_elsewhere, vnu_errors


def test_nu_html_checker_reports_no_errors(live_site_dir):
    assert vnu_errors(live_site_dir) == ""


def test_no_broken_internal_link_or_anchor(live_site_dir):
    broken = broken_links(live_site_dir)
    assert not broken, "\n".join(broken[:50])


def test_nothing_is_fetched_from_another_origin(live_site_dir):
    found = fetches_from_elsewhere(live_site_dir)
    assert not found, "\n".join(found)
