"""The command line's arguments: every command, its options and their Dutch help texts.

`handreiking --help` lists the commands in the order `parser` adds them; every value that
argparse checks (a date, an address, the project folder) is refused in one Dutch line.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..base.dates import suggestion
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
        "in de handleiding bij generator/content/model/ passen; --write schrijft ze.",
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
