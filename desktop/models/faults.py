"""Expected faults in the user's words: a full disk, a read-only folder, a busy database, a server
that cannot be reached or refuses the password, a damaged file, a number out of range.

``describe_fault`` turns such an exception into one translated sentence naming the file or the
server (never a password); the command line and the window show it instead of "unexpected error",
and the log records the kind of fault (``fault_kind``), without personal data.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop.i18n import _


def os_error_of(exc: BaseException | None) -> OSError | None:
    """The OSError behind ``exc`` (XlsxWriter wraps it in FileCreateError, SQLAlchemy in its own)."""
    seen = 0
    while exc is not None and seen < 6:
        if isinstance(exc, OSError):
            return exc
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = inner or exc.__cause__ or exc.__context__
        seen += 1
    return None


def describe_os_error(exc: OSError, path: Path) -> str:
    """What happened, in the user's words, for an OSError writing ``path``."""
    folder = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return _("the disk is full")
    if code == errno.EROFS:
        return _("the folder is read-only")
    if code in (errno.EACCES, errno.EPERM):
        if folder.is_dir() and not os.access(folder, os.W_OK):
            return _("the folder is read-only")
        if path.exists() and not os.access(path, os.W_OK):
            return _("the file is read-only")
        if os.name == "nt":
            return _("the file is open in another program")
        return _("permission denied")
    if getattr(exc, "winerror", None) in (32, 33):  # sharing / lock violation: open in Excel
        return _("the file is open in another program")
    if code == errno.ENOENT:
        return _("the folder does not exist")
    if code == errno.EISDIR:
        return _("it is a folder")
    if code == errno.ENAMETOOLONG:
        return _("the name is too long")
    return exc.strerror or str(exc) or type(exc).__name__


def _driver_text(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).lower()


# Database drivers installed only with the "postgres" extra: their absence is an installation
# fault the user can mend, not a bug.
_SERVER_DRIVERS = ("psycopg", "psycopg2", "psycopg_binary", "asyncpg", "pg8000")


def fault_kind(exc: BaseException) -> str | None:
    """A short name of an expected fault (for the log), None for a real bug."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    from sqlalchemy.exc import DatabaseError, OperationalError

    if isinstance(exc, (OperationalError, DatabaseError)) or type(exc).__module__.startswith(("sqlite3", "psycopg")):
        text = _driver_text(exc)
        for needle, kind in (("database is locked", "busy"), ("database table is locked", "busy"),
                             ("readonly database", "read-only"), ("read-only", "read-only"),
                             ("database or disk is full", "disk-full"), ("no space left", "disk-full"),
                             ("unable to open database file", "cannot-open"),
                             ("file is not a database", "damaged"), ("malformed", "damaged"),
                             ("disk i/o error", "io-error"),
                             ("password authentication failed", "password"), ("no password supplied", "password"),
                             ("authentication failed", "password"),
                             ("connection refused", "unreachable"), ("could not connect", "unreachable"),
                             ("could not translate host name", "unreachable"),
                             ("name or service not known", "unreachable"), ("timeout", "unreachable"),
                             ("connection timed out", "unreachable"), ("no route to host", "unreachable"),
                             ("does not exist", "no-database")):
            if needle in text:
                return kind
        return None
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] in _SERVER_DRIVERS:
        return "no-driver"
    if isinstance(exc, (zipfile.BadZipFile, ParseError)) or type(exc).__name__ in (
            "InvalidFileException", "PackageNotFoundError"):
        return "malformed-file"
    if isinstance(exc, OverflowError):
        return "out-of-range"
    if os_error_of(exc) is not None:
        return "os-error"
    return None


def describe_fault(exc: BaseException, *, database: str = "", file: str = "") -> str | None:
    """The user's sentence for an expected fault, or None (a real bug: "unexpected error")."""
    kind = fault_kind(exc)
    if kind is None:
        return None
    db = database or "?"
    messages = {
        "busy": _("The database {db} is busy: another program is writing to it. Try again in a moment; "
                  "nothing was written."),
        "read-only": _("The database {db} is read-only: nothing was written."),
        "disk-full": _("The disk of the database {db} is full: nothing was written."),
        "cannot-open": _("The database {db} cannot be opened: its folder does not exist or may not be read."),
        "damaged": _("The database {db} is damaged or is not a Dekanat database. \"dekanat check\" tells more; "
                     "\"dekanat restore\" puts a backup back."),
        "io-error": _("The database {db} could not be read or written (a disk error); nothing was written."),
        "password": _("The server {db} refused the user name or password."),
        "unreachable": _("The server {db} cannot be reached. Check the address and the network."),
        "no-database": _("The server {db} has no such database."),
        "no-driver": _("The server {db} needs the PostgreSQL driver, which is not installed. "
                       "Install it with: pip install -e '.[postgres]'"),
        "malformed-file": _("{file} is damaged or is not in the format its name says; nothing was imported."),
        "out-of-range": _("A number is out of range; nothing was written."),
    }
    if kind == "os-error":
        cause = os_error_of(exc)
        assert cause is not None  # kind 'os-error' means the chain holds one
        path = Path(cause.filename) if cause.filename else Path(file or db)
        return _("{path}: {reason}. Nothing was written.").format(path=path, reason=describe_os_error(cause, path))
    return messages[kind].format(db=db, file=file or "?")
