"""What a command handler gets: the database (opened, checked, locked and migrated as the command
needs) and the language; the two errors a handler raises for exit statuses 1 and 2."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.models.db import Database

# Commands that only read the database: they run beside a window or a writing command that holds
# its lock. Every other command (demo, restore, import, copy-to ...) takes the lock first.
READ_ONLY_COMMANDS = {"check", "backup", "export", "workdays"}
# Commands that may create the database file; every other one refuses a --database that does not exist.
CREATING_COMMANDS = {"demo", "restore"}


class CommandError(Exception):
    """The request was understood but refused or failed: exit status 1."""


class UsageError(CommandError):
    """The request itself is wrong (options that do not go together, a value out of range): exit
    status 2, as argparse's own errors."""

class Context:
    """What a command handler needs: the database (opened and migrated on first use) and language."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self._db: Database | None = None
        self.lang: str = args.lang or _default_lang()  # the language the command line speaks

    @property
    def database_arg(self):
        return self.args.database

    @property
    def db(self):
        if self._db is None:
            from desktop.models.migrate import open_database

            self.check_database_path()
            if self.args.command in READ_ONLY_COMMANDS:
                self._db = self._open_for_reading()
            else:
                self._db = open_database(self.args.database)
        return self._db

    def _open_for_reading(self):
        """A read-only command runs beside the lock's holder, so it never brings an older schema up
        to date under that holder: it migrates only when it can take the lock for that moment."""
        from desktop.models.migrate import needs_upgrade, open_database, upgrade

        db = open_database(self.args.database, migrate=False)
        try:
            if db.path is None or db.read_only or not needs_upgrade(db):
                upgrade(db)  # a server, a read-only file (refused with its own message), or nothing to do
                return db
            from desktop.models.lock import DatabaseLock

            lock = DatabaseLock(db.path)
            holder = lock.try_acquire()
            if holder is not None:
                from desktop.i18n import _

                raise CommandError(_(
                    "The database {db} was written by an older Dekanat and must be brought up to date first, "
                    "but it is open in Dekanat (process {pid} on {host}): it was not changed. Run the command "
                    "again once that program has closed it.").format(db=db.path, pid=holder.pid,
                                                                     host=holder.host or "?"))
            try:
                upgrade(db)
            finally:
                lock.release()
            return db
        except BaseException:
            db.dispose()
            raise

    def check_database_path(self) -> None:
        """A missing file is created only by ``CREATING_COMMANDS``; a backup is not worked in; an
        import goes only into a sound file. Leftovers of an interrupted backup are removed."""
        from desktop.models.backup import (
            UnusableDatabase,
            check_database_path,
            remove_leftovers,
        )
        from desktop.models.db import Database, database_url

        path = Database.path_of(database_url(self.args.database))
        if path is None:
            return
        try:
            check_database_path(path, creating=self.args.command in CREATING_COMMANDS,
                                importing=self.args.command == "import")
        except UnusableDatabase as exc:
            raise CommandError(str(exc)) from None
        if self.args.command not in READ_ONLY_COMMANDS:
            remove_leftovers(path)

    def output(self, path):
        """``with ctx.output(args.output) as tmp:`` -- every export goes through the one atomic
        writer (``reports/output.atomic_file``): whole or not at all, never over the database."""
        from desktop.reports.output import atomic_file

        return atomic_file(path)

    @property
    def tr(self):
        from desktop.i18n import translator

        return translator(self.lang)

    def backup_first(self, reason: str) -> None:
        """Before a command that replaces or adds much (an import): a backup of a SQLite file with
        data, named to the user."""
        db = self.db
        if db.path is None or db.read_only or db.path.stat().st_size == 0:
            return
        from desktop.i18n import _
        from desktop.models.backup import make_backup

        print(_("The previous data was saved as {path}").format(path=make_backup(db, reason=reason)))

    def lock_for_writing(self):
        """The database's lock (``models/lock.py``), held until ``close``: a writing command
        refuses while a window or another writing command has the file."""
        from desktop.models.db import Database, database_url
        from desktop.models.lock import DatabaseLock

        path = Database.path_of(database_url(self.args.database))
        if path is None:
            return
        from desktop.models.db import is_read_only

        if is_read_only(path):
            from desktop.i18n import _

            raise CommandError(_("The database {db} is read-only: nothing was written.").format(db=path))
        self._lock = DatabaseLock(path)
        self._lock.acquire()

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
        if getattr(self, "_lock", None) is not None:
            self._lock.release()


def _default_lang() -> str:
    from desktop.cli.language import default_language

    return default_language()
