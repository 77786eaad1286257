"""A built site behind Debian's nginx on 127.0.0.1, with the configuration the build generates.

    with nginx_server.serving(project, port) as server: ...

`handreiking nginx` writes the site's server block (generator/site/nginx.py: the CSP and security
headers, caching, gzip, the 404 page, the 301s of renamed ids) for 127.0.0.1:PORT; around it
goes a minimal main configuration with every temporary path in a folder of its own. Run as
root, the worker runs as `nobody`, as on a real server, so a file only its builder can read
shows as 403. tests/test_nginx.py checks the headers with it, tools/lighthouse.py measures the
reader's speed behind it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MAIN = """\
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site_conf};
}}
"""


class NginxError(RuntimeError):
    """nginx is missing, its configuration could not be made, or it did not start."""


@contextmanager
def serving(project: Path, port: int, site: Path | None = None) -> Iterator[subprocess.Popen]:
    """`project`'s built site (default project/site) served on 127.0.0.1:`port`."""
    site = site or project / "site"
    made = subprocess.run(
        [sys.executable, "-m", "generator.cli", "nginx", "--root", str(project)]
        + ["--listen", f"127.0.0.1:{port}", "--webroot", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        raise NginxError(f"handreiking nginx faalde: {made.stderr}")
    with running(made.stdout, port) as server:
        yield server


@contextmanager
def running(site_conf: str, port: int) -> Iterator[subprocess.Popen]:
    """nginx with `site_conf` (a configuration for its http block, listening on
    127.0.0.1:`port`) in the minimal main configuration, until the block ends."""
    with prepared(site_conf) as (prefix, main):
        server = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(main), "-g", "daemon off;"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops its worker
        )
        try:
            _wait_for_port(port, server)
            yield server
        finally:
            if server.poll() is None:  # it may have stopped on its own (a bad configuration)
                os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def check_configuration(site_conf: str) -> subprocess.CompletedProcess:
    """`nginx -t` on `site_conf` in the minimal main configuration."""
    with prepared(site_conf) as (prefix, main):
        return subprocess.run(
            [NGINX, "-t", "-p", str(prefix), "-c", str(main)],
            capture_output=True,
            text=True,
            check=False,
        )


@contextmanager
def prepared(site_conf: str) -> Iterator[tuple[Path, Path]]:
    """(prefix folder, main configuration) for `site_conf`, removed afterwards."""
    if not Path(NGINX).exists():
        raise NginxError("nginx ontbreekt: `make test-deps` installeert Debian's nginx-light")
    prefix = Path(tempfile.mkdtemp(prefix="handreiking-nginx-", dir="/tmp"))
    prefix.chmod(0o755)
    try:
        (prefix / "handreiking.conf").write_text(site_conf, encoding="utf-8")
        main = prefix / "nginx.conf"
        main.write_text(
            MAIN.format(
                user="user nobody nogroup;" if os.geteuid() == 0 else "",
                prefix=prefix,
                site_conf=prefix / "handreiking.conf",
            ),
            encoding="utf-8",
        )
        yield prefix, main
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


def _wait_for_port(port: int, server: subprocess.Popen, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise NginxError(f"nginx stopte: {server.stdout.read().decode()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise NginxError("nginx luistert niet na 30 s")
