"""A content file's bytes: read within limits, never through a link out of the project, and
every OS error said in Dutch.

`read_bytes` never blocks on a named pipe or device and reads at most MAX_BYTES; a file that
cannot be read is one located problem, not an exception. `dutch_os_error` words an OSError
for an editor (the CLI and the build use it for what they write, too).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..base.problems import Location, Problem

# Limits checked before parsing, so that no file can exhaust memory or time
# (docs/content-format.md, "Grenzen"; the nesting limit is load.MAX_DEPTH).
MAX_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path, display: str, root: Path | None = None) -> bytes | Problem:
    """A content file's bytes, or the one problem that stops it being read.

    Never blocks on a named pipe or device, never follows a symbolic link out of `root`,
    and reads no more than MAX_BYTES.
    """
    at = Location(display, 1, 1)
    link = symlink_problem(path, root) if root is not None else None
    if link is not None:
        return Problem(at, link)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if root is not None:  # a link made between the check above and here is not followed
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        return Problem(at, f"bestand niet te lezen ({dutch_os_error(error)})")
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            return Problem(at, "dit is een map, geen bestand")
        if not stat.S_ISREG(info.st_mode):
            return Problem(
                at, "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of een apparaat)"
            )
        if info.st_size > MAX_BYTES:
            return Problem(at, _too_big(info.st_size))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        return Problem(at, f"bestand niet te lezen ({dutch_os_error(error)})")
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        return Problem(at, _too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return (
        f"het bestand is te groot ({size / 1_000_000:.0f} MB); een inhoudsbestand mag "
        f"hoogstens {MAX_BYTES // (1024 * 1024)} MB zijn"
    )


def symlink_problem(path: Path, root: Path) -> str | None:
    """Why a content file that is, or lies in a folder that is, a symbolic link is refused.

    Every symbolic link is: one to a file elsewhere in the repository published files that are
    no content (`.env`), and one outside it whatever that is. Content is plain files.
    """
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
        root = Path(path.anchor)
    for depth in range(1, len(parts) + 1):
        link = root.joinpath(*parts[:depth])
        if link.is_symlink():
            break
    else:
        return None
    what = "dit is" if depth == len(parts) else f"de map {'/'.join(parts[:depth])} is"
    thing = "een bestand" if depth == len(parts) else "een map"
    try:
        target = link.resolve(strict=True)
    except (RuntimeError, OSError) as error:  # Python 3.11 says RuntimeError for a loop
        if isinstance(error, RuntimeError) or error.errno == errno.ELOOP:
            return (
                f"{what} een snelkoppeling (symbolische link) die in een kring naar zichzelf "
                "terugwijst; zet het bestand zelf hier neer"
            )
        return (
            f"{what} een snelkoppeling (symbolische link) naar iets dat niet bestaat "
            f"({os.readlink(link)}); zet het bestand zelf hier neer"
        )
    try:
        inside = target.relative_to(root.resolve()).as_posix()
    except ValueError:
        return (
            f"{what} een snelkoppeling (symbolische link) naar {thing} buiten de map van "
            "de handreiking; zet het bestand zelf hier neer"
        )
    return (
        f"{what} een snelkoppeling (symbolische link) naar {inside}; de inhoud bestaat uit "
        "gewone bestanden, zet het bestand zelf hier neer"
    )


OS_ERRORS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quota) is op",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOENT: "bestand of map bestaat niet",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EISDIR: "dit is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ELOOP: "te veel snelkoppelingen achter elkaar",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EMFILE: "te veel open bestanden",
}


def dutch_os_error(error: OSError) -> str:
    """An OSError in Dutch words, without a Python repr: 'de schijf is vol'."""
    return OS_ERRORS.get(error.errno, error.strerror or "onbekende fout van het systeem")
