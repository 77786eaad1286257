"""`make bewerken`: the editors' admin on http://127.0.0.1:PORT/redactie/bewerken/, saving into
this clone through `decap-server` in git mode.

Each save in the admin becomes a commit on a branch `cms/<collectie>/<item>` of this clone,
with your git name as author (the editorial workflow; `git push origin <branch>` and a pull
request publish it). The admin (build/bewerken/, `make bewerken-bouwen`) is served with the
headers the deployment sends (generator/outputs/headers.py), and decap-server is reached
through this server's own /api/v1, so the admin's policy allows no other origin here either.

decap-server switches branches in the folder it serves and commits everything in it (`git add
.`), so this refuses a clone with uncommitted changes. Ctrl-C stops both servers.
"""

from __future__ import annotations

import argparse
import http.server
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from generator.outputs.headers import admin_headers

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/redactie/bewerken/"
DECAP_SERVER = ROOT / "admin" / "node_modules" / "decap-server" / "dist" / "index.js"
MAX_BODY = 50 * 1024 * 1024  # decap-server's own limit


def headers() -> dict[str, str]:
    """The deployment's headers, less HSTS (this is plain http on 127.0.0.1)."""
    return {k: v for k, v in admin_headers().items() if k != "Strict-Transport-Security"}


def handler(folder: Path, backend: str) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

        def end_headers(self):
            for name, value in headers().items():
                self.send_header(name, value)
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def translate_path(self, path):
            return super().translate_path("/" + path.split("?")[0][len(PREFIX) :])

        def do_GET(self):
            if self.path in ("/", "/redactie/bewerken"):
                self.send_response(302)
                self.send_header("Location", PREFIX)
                self.end_headers()
                return
            if not self.path.startswith(PREFIX):
                self.send_error(404)
                return
            super().do_GET()

        def do_HEAD(self):
            self.do_GET()

        def do_POST(self):
            if self.path != "/api/v1":
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self.send_error(413)
                return
            request = urllib.request.Request(
                backend,
                data=self.rfile.read(length),
                headers={"Content-Type": "application/json"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    status, body = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, body = error.code, error.read()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def start_decap_server(repo: Path, port: int) -> subprocess.Popen:
    """decap-server in git mode on 127.0.0.1:`port`, for the clone `repo`; ready on return."""
    environment = {
        **os.environ,
        "MODE": "git",
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repo),
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=environment, cwd=repo)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"decap-server stopte meteen (code {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.1)
    process.terminate()
    raise SystemExit("decap-server startte niet binnen 30 seconden")


def uncommitted(repo: Path) -> list[str]:
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True, check=True
    )
    return status.stdout.splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--backend-port", type=int, default=8081)
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--admin", type=Path, default=ROOT / "build" / "bewerken")
    args = parser.parse_args(argv)
    if not (args.admin / "index.html").is_file():
        print(f"{args.admin} bestaat niet; maak het met `make bewerken-bouwen`", file=sys.stderr)
        return 1
    changes = uncommitted(args.repo)
    if changes:
        print(
            "Er zijn wijzigingen die nog niet in een commit staan; decap-server zou ze in de "
            "eerste opslag meenemen. Commit ze of zet ze opzij (git stash) en probeer het "
            "opnieuw:\n  " + "\n  ".join(changes[:10]),
            file=sys.stderr,
        )
        return 1
    backend = start_decap_server(args.repo.resolve(), args.backend_port)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", args.port),
        handler(args.admin, f"http://127.0.0.1:{args.backend_port}/api/v1"),
    )
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    print(f"De redactie-omgeving: http://127.0.0.1:{args.port}{PREFIX} (stop met Ctrl-C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        backend.terminate()
        backend.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
