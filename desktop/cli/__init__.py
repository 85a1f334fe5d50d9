"""The ``dekanat`` command line (see CLI.md). With no sub-command it opens the window.

Each area has a module here with ``register(cli: Registry)``; add it to ``COMMAND_MODULES``.
Handlers take ``(args, ctx: Context)`` and import heavy libraries (openpyxl, ReportLab)
inside themselves, so ``dekanat`` without a sub-command starts fast.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from importlib import import_module

from desktop import __version__
from desktop.i18n import LANGUAGES

COMMAND_MODULES = [
    "desktop.cli.core",
    "desktop.cli.workdays",
    "desktop.cli.workplan",
    "desktop.cli.students",
    "desktop.cli.calendar",
    "desktop.cli.requests",
    "desktop.cli.curators",
    "desktop.cli.meetings",
    "desktop.cli.exams",
    "desktop.cli.results",
    "desktop.cli.groups",
    "desktop.cli.texts",
    "desktop.cli.templates",
    "desktop.cli.frame",
]


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


def date_arg(text: str):
    """The one argparse ``type`` for every date option: YYYY-MM-DD (``dates.parse_iso``); anything
    else is argparse's error, exit status 2, with the same words in every command."""
    from desktop.dates import parse_iso

    try:
        return parse_iso(text)
    except ValueError:
        from desktop.i18n import _

        raise argparse.ArgumentTypeError(
            _("expected a date written YYYY-MM-DD, not “{value}”").format(value=text)) from None


def academic_year_arg(text: str) -> str:
    """The argparse ``type`` of ``--year`` (an academic year): "2025-2026"; exit status 2 otherwise."""
    from desktop.dates import parse_academic_year

    try:
        parse_academic_year(text)
    except ValueError:
        from desktop.i18n import _

        raise argparse.ArgumentTypeError(
            _("expected an academic year written YYYY-YYYY (like 2025-2026), not “{value}”").format(
                value=text)) from None
    return text.strip()


def month_arg(text: str) -> tuple[int, int]:
    """The argparse ``type`` of a month option: YYYY-MM -> (year, month); exit status 2 otherwise."""
    from desktop.dates import parse_year_month

    try:
        return parse_year_month(text)
    except ValueError:
        from desktop.i18n import _

        raise argparse.ArgumentTypeError(
            _("expected a month written YYYY-MM, not “{value}”").format(value=text)) from None


class Context:
    """What a command handler needs: the database (opened and migrated on first use) and language."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self._db = None
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


Handler = Callable[[argparse.Namespace, Context], int | None]


class Registry:
    """Lets area modules add sub-commands and sub-sub-commands (``export students`` ...)."""

    def __init__(self, parser: argparse.ArgumentParser):
        self.parser = parser
        self.commands = parser.add_subparsers(dest="command", metavar="SUB-COMMAND")
        self._groups: dict[str, argparse._SubParsersAction] = {}

    def command(self, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        p = self.commands.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    def group(self, name: str, help: str, default: Handler | None = None) -> argparse._SubParsersAction:
        """A command with its own sub-commands (``export``, ``import``, ``workdays``, ``check``)."""
        if name not in self._groups:
            p = self.commands.add_parser(name, help=help, description=help)
            p.set_defaults(handler=default or _group_usage(p))
            self._groups[name] = p.add_subparsers(dest=f"{name}_what", metavar="WHAT", required=default is None)
        return self._groups[name]

    def subcommand(self, group: str, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        sub = self._groups[group] if group in self._groups else self.group(group, help="")
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p


def _group_usage(parser: argparse.ArgumentParser) -> Handler:
    def handler(args, ctx):
        parser.print_usage(sys.stderr)
        return 2

    return handler


def build_parser() -> tuple[argparse.ArgumentParser, Registry]:
    parser = argparse.ArgumentParser(
        prog="dekanat",
        description="Dekanat: the dean's office application. Without a sub-command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"Dekanat {__version__}")
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: $DEKANAT_DATABASE or a file in the user's data folder)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language and default report language")
    registry = Registry(parser)
    for name in COMMAND_MODULES:
        import_module(name).register(registry)
    return parser, registry


def window_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the window (no sub-command, no --help or --version):
    then the sub-commands' parsers need not be built at start-up."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    parser = argparse.ArgumentParser(prog="dekanat", add_help=False)
    parser.add_argument("--database")
    parser.add_argument("--lang", choices=LANGUAGES)
    try:
        args, rest = parser.parse_known_args(argv)
    except SystemExit:
        return None
    return None if rest else args


def open_window(args: argparse.Namespace):
    """The window's start, up to a shown main window: ``main`` and the start-up benchmark both
    come through here. Returns ``(app, window, lock)``, or an exit code when start-up stopped.

    The cyclic garbage collector rests while the modules load and the window is built: start-up
    makes some hundred thousand objects and frees almost none, so the collections it would trigger
    (about 70 ms of a 0.6 s start) find nothing. ``gc.freeze()`` then keeps these long-lived objects
    out of every later collection.
    """
    gc.disable()
    try:
        from desktop.views.app import start_window

        return start_window(args)
    finally:
        gc.freeze()
        gc.enable()


def run_window(args: argparse.Namespace) -> int:
    started = open_window(args)
    if isinstance(started, int):
        return started
    from desktop.views.app import run_event_loop

    return run_event_loop(*started)


def _database_name(args) -> str:
    """The database as the user knows it: the file, or the server URL without its password."""
    try:
        from sqlalchemy.engine import make_url

        from desktop.models.db import database_url

        url = make_url(database_url(args.database))
        return (url.database or "") if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)
    except Exception:
        return "?"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    only_window = window_args(argv)
    if only_window is not None:
        return run_window(only_window)
    from desktop import i18n
    from desktop.cli.language import language_of, translate_parser, use_catalog_for_argparse

    i18n.set_language(language_of(argv))  # help, usage and argparse's errors in the chosen language
    use_catalog_for_argparse()
    parser, _ = build_parser()
    translate_parser(parser)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        return run_window(args)
    ctx = Context(args)
    from desktop.models.base import DomainError

    i18n.set_language(ctx.lang)
    from desktop.models import load_all

    load_all()
    import time
    from pathlib import Path

    from desktop.logs import event, setup_logging
    from desktop.models.migrate import DatabaseTooNew

    setup_logging()
    started = time.perf_counter()
    status = 1
    try:
        if args.command not in READ_ONLY_COMMANDS:
            ctx.lock_for_writing()
        result = args.handler(args, ctx)
        status = 0 if result is None else int(result)
        return status
    except UsageError as exc:
        print(f"dekanat: {exc}", file=sys.stderr)
        status = 2
        return status
    except (CommandError, DomainError, DatabaseTooNew) as exc:
        print(f"dekanat: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dekanat: " + i18n._("interrupted; nothing was written"), file=sys.stderr)
        return 1
    except Exception as exc:
        import logging
        import traceback

        from desktop.logs import setup_logging
        from desktop.models.faults import describe_fault, fault_kind

        setup_logging()
        message = describe_fault(exc, database=_database_name(args), file=str(getattr(args, "file", "") or ""))
        if message is not None:  # an expected fault: its kind to the log, the sentence to the user
            logging.getLogger("dekanat").warning("command %s stopped: %s (%s)", args.command, fault_kind(exc),
                                                 type(exc).__name__)
            print(f"dekanat: {message}", file=sys.stderr)
            return 1
        # Unexpected: the stack (never the values) goes to the log, one line to the user.
        logging.getLogger("dekanat").error(
            "command %s failed with %s.%s\n%s", args.command, type(exc).__module__, type(exc).__qualname__,
            "".join(traceback.format_tb(exc.__traceback__)))
        print("dekanat: " + i18n._("unexpected error ({kind}); details are in the log. Nothing was written.").format(
            kind=type(exc).__name__), file=sys.stderr)
        return 1
    finally:
        ctx.close()
        # What ran, how it ended and how long it took; files by their base name only.
        files = {key: Path(str(value)).name for key in ("file", "output", "source")
                 if isinstance(value := getattr(args, key, None), (str, Path)) and value}
        what = getattr(args, f"{args.command}_what", None)
        event("command", name=" ".join(str(part) for part in (args.command, what) if part),
              exit=status, ms=round((time.perf_counter() - started) * 1000), **files)
