"""`handreiking serve`: MkDocs' development server for the preview, stopped cleanly.

MkDocs runs in this process (not as a child that could outlive it): Ctrl-C and SIGTERM both
end in MkDocs' own shutdown, which removes its temporary site, and the command exits 0. A
busy port is one Dutch line, checked before the first build and caught again when MkDocs
binds, in case another server took the port in between. The plugin (mkdocs_plugin.py)
regenerates the pages on every save and shows content errors in the browser.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import sys
from pathlib import Path

from ..base.settings import PDF_ENV, SiteConfig


class AddressError(ValueError):
    """A --dev-addr that is not host:port; the message is Dutch."""


def parse_address(value: str) -> tuple[str, int]:
    """'127.0.0.1:8001' -> ('127.0.0.1', 8001); raise AddressError."""
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise AddressError(
            f"'{value}' is geen adres:poort; schrijf bijvoorbeeld 127.0.0.1:8001 "
            "(met make: make serve PORT=8001)"
        )
    return host.strip("[]"), int(port)


def port_problem(host: str, port: int) -> str | None:
    """Why the preview cannot listen on host:port, in one Dutch line, or None when it can."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except OSError:
        return f"fout: het adres '{host}' is onbekend; gebruik 127.0.0.1"
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind((host, port))
        except OSError as error:
            return (
                _busy(host, port)
                if error.errno == errno.EADDRINUSE
                else (
                    f"fout: de voorbeeldweergave kan niet luisteren op {host}:{port} "
                    f"({error.strerror}); kies een andere poort, bijvoorbeeld make serve PORT=8001"
                )
            )
    return None


def _busy(host: str, port: int) -> str:
    other = next((p for p in range(port + 1, port + 50) if _free(host, p)), port + 1)
    return (
        f"fout: poort {port} is al in gebruik (draait de voorbeeldweergave al in een ander "
        f"venster?); kies een andere poort: make serve PORT={other} "
        f"(zonder make: --dev-addr {host}:{other})"
    )


def _free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def serve(root: Path, dev_addr: str, pdf: bool = False) -> int:
    """Serve the preview until Ctrl-C or SIGTERM; 0 when stopped, 1 when it cannot start."""
    host, port = parse_address(dev_addr)
    if problem := port_problem(host, port):
        print(problem, file=sys.stderr)
        return 1
    # The PDF costs seconds on every save; the page then says how to get it (issue 15).
    os.environ[PDF_ENV] = "1" if pdf else os.environ.get(PDF_ENV, "0")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    SiteConfig.read(root).docs_dir.mkdir(parents=True, exist_ok=True)  # MkDocs requires it
    # Ctrl-C and SIGTERM both stop the server the same way, also when this process was
    # started with SIGINT ignored (a script's background job), which Python would respect.
    previous = {stop: signal.signal(stop, _interrupt) for stop in (signal.SIGINT, signal.SIGTERM)}
    try:
        from click.exceptions import Abort
        from mkdocs.__main__ import cli

        try:
            cli.main(
                ["serve", "--config-file", str(root / "mkdocs.yml"), "--dev-addr", dev_addr],
                prog_name="mkdocs",
                standalone_mode=False,
            )
        except (KeyboardInterrupt, Abort):
            pass  # stopped during the first build; MkDocs has cleaned up after itself
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            print(_busy(host, port), file=sys.stderr)
            return 1
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
    print("voorbeeldweergave gestopt", file=sys.stderr)
    return 0


def _interrupt(signum, frame):
    """Ctrl-C and SIGTERM: MkDocs' own shutdown (KeyboardInterrupt), then exit code 0."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    # `python -m generator.preview HOST:PORT` prints why the preview cannot listen there
    # (nothing when it can) and exits 0: the Makefile asks this before it starts the server,
    # so that a busy port is the one Dutch line, not that line plus make's own error.
    print(port_problem(*parse_address(sys.argv[1])) or "")
