"""The test suite's own rules: on CI a missing tool fails the tests that need it, never skips
them (a suite that skipped every browser test would pass without a browser)."""

from __future__ import annotations

import builtins

import pytest

import conftest


@pytest.fixture
def no_playwright(monkeypatch):
    """`import playwright.sync_api` fails, as on a machine without the pip package."""
    real_import = builtins.__import__

    def without_playwright(name, *args, **kwargs):
        if name == "playwright" or name.startswith("playwright."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_playwright)
    for flag in conftest.CI_FLAGS:
        monkeypatch.delenv(flag, raising=False)


@pytest.mark.parametrize("flag", ["CI", "GITHUB_ACTIONS"])
def test_without_playwright_the_browser_tests_fail_on_ci(no_playwright, monkeypatch, flag):
    monkeypatch.setenv(flag, "true")
    with pytest.raises(pytest.fail.Exception, match="Playwright is not installed"):
        conftest.playwright_api()


def test_without_playwright_the_browser_tests_skip_on_a_developers_machine(no_playwright):
    with pytest.raises(pytest.skip.Exception, match="run `make test-deps`"):
        conftest.playwright_api()


def test_ci_is_recognised_as_ci_and_sets_it(monkeypatch):
    for flag in conftest.CI_FLAGS:
        monkeypatch.delenv(flag, raising=False)
    assert not conftest.in_ci()
    monkeypatch.setenv("CI", "false")
    assert not conftest.in_ci()
    monkeypatch.setenv("CI", "true")  # what .ci/run gets, and GitHub Actions sets
    assert conftest.in_ci()
