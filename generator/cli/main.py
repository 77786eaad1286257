"""Command line: argument parsing and exit codes only.

Exit codes: 0 fine (warnings allowed), 1 content or build errors, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from datetime import date
from pathlib import Path

from ..base.dates import dutch_date, suggestion
from ..base.problems import FOUT, ContentError, Problem, overdue_note
from ..base.settings import SiteConfig, build_date
from ..content.load import dutch_os_error
from ..history.checks import check_all
from ..site import build as site
from . import annotations
from .argparse_nl import ArgumentParser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        hint = suggestion(value)
        meant = f"; bedoelde u {hint}?" if hint and len(hint) == 10 else ""
        raise argparse.ArgumentTypeError(f"'{value}' is geen datum als 2021-04-01{meant}") from None


def _address(value: str) -> str:
    from ..site.preview import AddressError, parse_address

    try:
        parse_address(value)
    except AddressError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def _root(value: str) -> Path:
    path = Path(value).resolve()
    if not (path / "mkdocs.yml").is_file():
        raise argparse.ArgumentTypeError(
            f"'{value}' bevat geen mkdocs.yml; is dit de map van de handreiking?"
        )
    return path


def parser() -> argparse.ArgumentParser:
    main = ArgumentParser(
        prog="handreiking",
        description="Integrale Handreiking: inhoud controleren, site bouwen en bekijken.",
        epilog="Typ 'handreiking OPDRACHT --help' voor de uitleg bij één opdracht.",
    )
    commands = main.add_subparsers(
        dest="command", required=True, metavar="opdracht", help="wat u wilt doen"
    )

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_root(sub)
        return sub

    # In the order `handreiking --help` lists them.
    _check_arguments(
        command("check", "Controleer alle inhoud en meld elk probleem met bestand:regel:kolom.")
    )
    _build_arguments(command("build", "Controleer, genereer de pagina's en bouw de site in site/."))
    _serve_arguments(
        command(
            "serve",
            "Bouw de site en bekijk hem op http://127.0.0.1:8000; "
            "wijzigingen in de YAML verschijnen vanzelf.",
        )
    )
    _edition_commands(command, commands)
    _nginx_arguments(
        command(
            "nginx",
            "Schrijf de nginx-configuratie van de site (zoals build die in "
            "build/nginx/handreiking.conf zet), voor een ander adres of een andere map.",
        )
    )
    _export_arguments(
        command(
            "export",
            "Schrijf de open data (JSON, JSON Schema, CSV, agenda en PDF) "
            "zoals de site ze publiceert onder /open-data/.",
        )
    )
    return main


def _add_root(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--root",
        type=_root,
        default=".",
        metavar="MAP",
        help="map van de handreiking (standaard: de huidige map)",
    )


def _add_build_date(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--datum", type=_date, default=None, metavar="DATUM", help="bouwdatum (standaard: vandaag)"
    )


def _check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--peildatum",
        type=_date,
        default=None,
        metavar="DATUM",
        help="datum waartegen verlopen mijlpalen worden bepaald (standaard: de peildatum van "
        "de editie in content/editie.yaml)",
    )
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fout")
    check.add_argument(
        "--github",
        action="store_true",
        help="schrijf elk probleem ook als GitHub-annotatie, zodat GitHub het bij de regel in "
        "de pull request toont (vanzelf in GitHub Actions)",
    )


def _build_arguments(build: argparse.ArgumentParser) -> None:
    _add_build_date(build)
    build.add_argument(
        "--tijden",
        type=Path,
        default=None,
        metavar="BESTAND",
        help="schrijf de duur van elke stap als JSON hierheen",
    )
    build.add_argument(
        "--productie",
        action="store_true",
        help="bouw voor publicatie: weiger de voorbeeldwaarden in mkdocs.yml (webadres, "
        "repository, beveiligingscontact, paden op de server); zie README",
    )


def _serve_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "--dev-addr",
        type=_address,
        default="127.0.0.1:8000",
        metavar="ADRES:POORT",
        help="waar de voorbeeldweergave te zien is (standaard: 127.0.0.1:8000); "
        "met make: make serve PORT=8001",
    )
    serve.add_argument(
        "--pdf",
        action="store_true",
        help="maak ook de PDF (elke wijziging duurt dan seconden langer); "
        "met make: make serve PDF=1",
    )


def _nginx_arguments(server: argparse.ArgumentParser) -> None:
    server.add_argument("--listen", default=None, help="adres:poort voor gewoon http, zonder TLS")
    server.add_argument(
        "--webroot", default=None, help="de map met de site op de server (standaard: site/)"
    )
    server.add_argument("--uit", type=Path, default=None, help="bestand (standaard: scherm)")


def _export_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--out",
        type=Path,
        default=Path("open-data"),
        metavar="MAP",
        help="map waarin de bestanden komen (standaard: open-data in de huidige map)",
    )
    _add_build_date(export)
    export.add_argument(
        "--zonder-pdf",
        action="store_true",
        help="sla de PDF over (die kost de meeste tijd); HANDREIKING_PDF=0 doet hetzelfde",
    )


def _edition_commands(command, commands) -> None:
    """diff, editie publiceer, schema and nieuw (issue 4: editions and editor experience)."""
    from ..content.scaffold import KINDS

    _diff_arguments(
        command(
            "diff",
            "Toon wat er inhoudelijk veranderde, als Markdown (bijvoorbeeld voor "
            "de beschrijving van een pull request).",
        )
    )
    editie = commands.add_parser(
        "editie",
        help="Edities: de inhoud bevriezen als editie.",
        description="Edities: de inhoud bevriezen als editie.",
    )
    sub = editie.add_subparsers(
        dest="editie_command", required=True, metavar="opdracht", help="wat u wilt doen"
    )
    _publiceer_arguments(
        sub.add_parser(
            "publiceer",
            help="Bevries de huidige inhoud als editie <jaar> in content/edities/<jaar>.yaml.",
            description="Bevries de huidige inhoud als editie <jaar> in "
            "content/edities/<jaar>.yaml.",
        )
    )
    schema = command(
        "schema",
        "Controleer of de JSON Schema's in schema/ en het veldenoverzicht "
        "in de handleiding bij generator/content/model.py passen; --write schrijft ze.",
    )
    schema.add_argument("--write", action="store_true", help="schrijf de bestanden opnieuw")
    nieuw = command("nieuw", "Voeg een leeg, uitgelegd item toe aan het juiste bestand.")
    nieuw.add_argument(
        "soort",
        choices=sorted(KINDS),
        metavar="SOORT",
        help="wat u toevoegt: " + ", ".join(sorted(KINDS)),
    )
    nieuw.add_argument("--toon", action="store_true", help="alleen tonen, niets toevoegen")


def _diff_arguments(diff: argparse.ArgumentParser) -> None:
    diff.add_argument(
        "oud",
        nargs="?",
        default=None,
        metavar="OUD",
        help="een editie (2021), een editiebestand of een map met inhoud "
        "(standaard: de laatst gepubliceerde editie)",
    )
    diff.add_argument(
        "nieuw",
        nargs="?",
        default=None,
        metavar="NIEUW",
        help="idem (standaard: de huidige inhoud)",
    )
    diff.add_argument(
        "--kop",
        default=None,
        metavar="KOP",
        help="de kop boven de lijst (standaard: 'Wat is er veranderd: <oud> → <nieuw>')",
    )


def _publiceer_arguments(publiceer: argparse.ArgumentParser) -> None:
    publiceer.add_argument(
        "jaar",
        type=int,
        metavar="JAAR",
        help="het jaar van de editie, zoals in content/editie.yaml",
    )
    publiceer.add_argument(
        "--vastgesteld",
        type=_periode,
        default=None,
        metavar="DATUM",
        help="datum van vaststelling, zoals 2022-03-01",
    )
    publiceer.add_argument("--door", default=None, metavar="WIE", help="wie de editie vaststelde")
    publiceer.add_argument(
        "--vervang",
        action="store_true",
        help="een gepubliceerde editie corrigeren: opnieuw vastleggen uit de huidige inhoud "
        "(alleen om een fout te herstellen; het logboek en de site tonen de correctie)",
    )
    publiceer.add_argument(
        "--reden",
        default=None,
        metavar="TEKST",
        help='waarom u de editie corrigeert; hoort bij --vervang (met make: REDEN="...")',
    )
    publiceer.set_defaults(validate=_correction_needs_reason(publiceer))
    publiceer.add_argument(
        "--strict",
        action="store_true",
        help="niet publiceren zolang er waarschuwingen zijn (zoals verlopen mijlpalen)",
    )
    _add_root(publiceer)


def _correction_needs_reason(publiceer: argparse.ArgumentParser):
    """What argparse cannot check on its own: --vervang and --reden go together."""

    def validate(args: argparse.Namespace) -> None:
        if args.vervang and not (args.reden or "").strip():
            publiceer.error(
                f"--vervang vraagt om --reden: zeg waarom u editie {args.jaar} corrigeert, "
                f'bijvoorbeeld --reden "..." (met make: make publiceer JAAR={args.jaar} '
                'VERVANG=1 REDEN="...")'
            )
        if args.reden is not None and not args.vervang:
            publiceer.error(
                "--reden hoort bij --vervang: alleen een correctie van een gepubliceerde "
                "editie heeft een reden (met make: VERVANG=1)"
            )

    return validate


def _periode(value: str):
    from ..base.dates import DateNotationError, Periode

    try:
        return Periode.parse(value)
    except DateNotationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
