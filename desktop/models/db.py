"""Opening the database: SQLite by default, any SQLAlchemy URL for a shared server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from desktop import paths
from desktop.models import limits  # noqa: F401  (the text limits of every Session's flush)


def database_url(path_or_url: str | os.PathLike | None = None) -> str:
    """Resolve ``--database`` / ``DEKANAT_DATABASE`` / the default file to an SQLAlchemy URL."""
    value = path_or_url or os.environ.get("DEKANAT_DATABASE") or paths.default_database()
    value = str(value)
    if "://" in value:
        return value
    # Built, not formatted: a file name with "?", "#" or "%41" is taken literally (quoted in the URL).
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve())).render_as_string(
        hide_password=False)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_read_only_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def is_read_only(path: Path) -> bool:
    """An existing database file the user may not write (a read-only file, folder or disk)."""
    if not path.exists():
        return False
    user_made_read_only = not (path.stat().st_mode & 0o200)  # honoured even for an administrator
    return user_made_read_only or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI opening ``path`` read-only; in a folder that cannot be written (so SQLite
    cannot make its -shm beside the file) the file is read as immutable."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path), safe='/:')}?mode=ro"
    if not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def create_owner_only(path: Path) -> None:
    """Create an empty file readable by its owner only (personal data lives in it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    if os.name == "posix" and path.stat().st_mode & 0o777 != 0o600:
        os.chmod(path, 0o600)  # only when needed: a chmod changes the file's status time (check_stamps)


_PROTECTED: set[Path] = set()


def protect_database_files(path: Path) -> None:
    """Remember a database file opened by this process: no export may write over it, its -wal,
    -shm or -journal, its lock file or its backups folder (``protected_paths``)."""
    path = Path(path).absolute()
    _PROTECTED.update({path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal", ".lock"))})
    _PROTECTED.add(path.with_name(path.stem + ".backups"))


def protected_paths() -> set[Path]:
    return set(_PROTECTED)


class Database:
    """One database: its engine, a session factory and, for SQLite, the file."""

    def __init__(self, path_or_url: str | os.PathLike | None = None, *, echo: bool = False):
        self.url = database_url(path_or_url)
        url = make_url(self.url)
        self.is_sqlite = url.get_backend_name() == "sqlite"
        self.path: Path | None = Path(url.database) if self.is_sqlite and url.database else None
        # A file the user made read-only (or in a read-only folder) is opened read-only and left so.
        self.read_only = self.path is not None and is_read_only(self.path)
        if self.path is not None:
            if not self.read_only:
                create_owner_only(self.path)
            protect_database_files(self.path)
        # hide_parameters: exception texts (and so logs) never carry names or record-book numbers.
        if self.read_only:
            import sqlite3

            assert self.path is not None  # read-only is decided for a file only
            uri = read_only_uri(self.path)
            self.engine: Engine = create_engine(
                self.url, echo=echo, hide_parameters=True,
                creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
            event.listen(self.engine, "connect", _sqlite_read_only_pragmas)
        else:
            self.engine = create_engine(self.url, echo=echo, hide_parameters=True)
            if self.is_sqlite:
                event.listen(self.engine, "connect", _sqlite_pragmas)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)

    @staticmethod
    def path_of(url: str) -> Path | None:
        """The file of a SQLite URL (None for a server)."""
        u = make_url(url)
        if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
            return Path(u.database)
        return None

    def __repr__(self) -> str:
        return f"Database({self.display_name!r})"

    @property
    def display_name(self) -> str:
        """The file path or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any exception."""
        session = self.Session()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
