"""Command line: which command runs, and exit codes only (the arguments: arguments.py).

Exit codes: 0 fine (warnings allowed), 1 content or build errors, 2 wrong usage.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

from ..base.dates import dutch_date
from ..base.problems import FOUT, ContentError, Problem, overdue_note
from ..base.settings import SiteConfig, build_date
from ..content.files import dutch_os_error
from ..history.checks import check_all
from ..site import build as site
from . import annotations
from .arguments import parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if validate := getattr(args, "validate", None):
        validate(args)  # what argparse cannot say on its own; a usage error exits 2
    try:
        from . import commands as ed

        return {
            "check": run_check,
            "build": run_build,
            "serve": run_serve,
            "diff": ed.run_diff,
            "editie": ed.run_editie,
            "schema": ed.run_schema,
            "nieuw": ed.run_nieuw,
            "export": run_export,
            "nginx": run_nginx,
        }[args.command](args)
    except ContentError as error:
        return report(error.problems)
    except site.BuildError as error:
        print(error.output, file=sys.stderr)
        print(
            "fout: de site is niet gebouwd; de vorige versie in site/ is ongewijzigd",
            file=sys.stderr,
        )
        return 1
    except (site.WriteError, site.BuildBusy) as error:  # issue 12: one line, site/ unchanged
        print(f"fout: {error}; de vorige versie in site/ is ongewijzigd", file=sys.stderr)
        return 1
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"fout: {where}{dutch_os_error(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def report(problems: list[Problem], strict: bool = False, github: Path | None = None) -> int:
    """Print every problem (with --strict a warning is an error, and says so); exit code.

    `github`, the project folder, also writes each problem as a GitHub workflow command.
    """
    if strict:
        problems = [dataclasses.replace(p, severity=FOUT) for p in problems]
    for problem in problems:
        print(problem, file=sys.stderr)
    if github is not None:
        for problem in problems:
            print(annotations.command(problem, github))
    if note := overdue_note(problems):
        print(note, file=sys.stderr)
    errors = [p for p in problems if p.severity == FOUT]
    if errors:
        print(f"{len(errors)} fout(en) gevonden; niets gebouwd.", file=sys.stderr)
        return 1
    return 0


def run_check(args) -> int:
    started = time.perf_counter()
    checked = check_all(args.root, args.peildatum)
    github = args.root if annotations.wanted(args.github) else None
    code = report(checked.problems, strict=args.strict, github=github)
    if code == 0:
        values = checked.values
        peildatum = dutch_date(checked.peildatum)
        source = "opgegeven" if args.peildatum else "de peildatum van de editie"
        print(
            f"inhoud in orde: {len(values['maatregelen'])} maatregelen, "
            f"{len(values['regelingen'])} regelingen, {len(values['organisaties'])} "
            f"organisaties, {len(values['opgaven'])} opgaven; {len(checked.warnings)} "
            f"waarschuwing(en) op {peildatum} ({source}; make check PEILDATUM=... kiest een "
            "andere dag)"
            + (f"; {checked.geschiedenis}" if checked.geschiedenis else "")
            + f" ({time.perf_counter() - started:.2f} s)"
        )
    return code


BUILD_STEPS = {
    "generate": "inhoud controleren en pagina's maken",
    "mkdocs": "MkDocs",
    "search": "zoekindex",
}


def run_build(args) -> int:
    today = args.datum or build_date()
    timings: dict[str, float] = {}
    checked = site.build(args.root, today, timings, production=args.productie)
    for warning in checked.warnings:
        print(warning, file=sys.stderr)
    if note := overdue_note(checked.warnings):
        print(note, file=sys.stderr)
    if args.tijden:
        args.tijden.parent.mkdir(parents=True, exist_ok=True)
        args.tijden.write_text(json.dumps(timings, indent=2) + "\n", encoding="utf-8")
    steps = ", ".join(
        f"{BUILD_STEPS[step]} {seconds:.1f} s"
        for step, seconds in timings.items()
        if step in BUILD_STEPS
    )
    print(
        f"site gebouwd in {SiteConfig.read(args.root).site_dir} (bouwdatum {today}) "
        f"in {sum(timings.values()):.1f} s, waarvan {steps}"
    )
    return 0


def run_export(args) -> int:
    from ..base.urls import OPEN_DATA

    today = args.datum or build_date()
    _, handreiking = site.load(args.root, today)
    config = SiteConfig.read(args.root)
    written = site.write_open_data(
        handreiking, config.settings(today), args.out, pdf=False if args.zonder_pdf else None
    )
    print(
        f"{len(written)} bestanden geschreven in {args.out} (zoals /{OPEN_DATA}/ op de site, "
        f"bouwdatum {today})"
    )
    return 0


def run_nginx(args) -> int:
    from ..history.model import redirects
    from ..site.nginx import config as nginx_config

    checked, _ = site.load(args.root, build_date())
    settings = SiteConfig.read(args.root)
    try:
        text = nginx_config(
            [(old, new) for old, new, _ in redirects(checked)],
            settings.deployment,
            settings.content_security_policy,
            root=args.webroot or settings.deployment.server_root or str(settings.site_dir),
            listen=args.listen,
            command="nginx",
        )
    except ValueError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    if args.uit:
        args.uit.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def run_serve(args) -> int:
    from ..site.preview import serve

    return serve(args.root, args.dev_addr, pdf=args.pdf)


if __name__ == "__main__":
    sys.exit(main())
