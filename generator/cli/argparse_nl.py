"""argparse in Dutch: its own words ("usage", "show this help message", "error") translated.

argparse looks every one of its texts up through gettext as `argparse._`; this parser swaps in
a Dutch catalogue while it builds, parses and prints, and puts the original back after, so
nothing else in the process (pytest's own argparse, for one) is affected.
"""

from __future__ import annotations

import argparse
import contextlib
import sys

DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze uitleg en stop",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekend: %s; typ --help voor wat er kan",
    "the following arguments are required: %s": "dit ontbreekt: %s; typ --help voor een voorbeeld",
    "one of the arguments %s is required": "een van deze is nodig: %s",
    "not allowed with argument %s": "kan niet samen met %s",
    "ignored explicit argument %r": "bij deze optie hoort geen waarde (%r)",
    "expected one argument": "hier hoort een waarde achter",
    "expected at most one argument": "hier hoort hooguit één waarde achter",
    "expected at least one argument": "hier hoort minstens één waarde achter",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s kan meer betekenen: %(matches)s; schrijf de optie voluit"
    ),
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r bestaat niet; kies uit %(choices)s"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "expected %s argument": "hier hoort %s waarde achter",
    "expected %s arguments": "hier horen %s waarden achter",
}


@contextlib.contextmanager
def dutch():
    """argparse's own texts in Dutch while inside this block."""
    english, english_plural = argparse._, argparse.ngettext

    def plural(singular: str, many: str, count: int) -> str:
        return DUTCH.get(singular if count == 1 else many, english_plural(singular, many, count))

    argparse._ = lambda message: DUTCH.get(message, english(message))
    argparse.ngettext = plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = english, english_plural


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        prefix = DUTCH["usage: "] if prefix is None else prefix
        return super().add_usage(usage, actions, groups, prefix)


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and errors are Dutch; subcommands inherit it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        with dutch():
            super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        with dutch():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with dutch():
            return super().parse_known_args(args, namespace)

    def format_usage(self):
        with dutch():
            return super().format_usage()

    def format_help(self):
        with dutch():
            return super().format_help()

    def error(self, message):
        with dutch():
            self.print_usage(sys.stderr)
            line = argparse._("%(prog)s: error: %(message)s\n")
            self.exit(2, line % {"prog": self.prog, "message": message})
