"""The ``dekanat`` command line (see CLI.md). With no sub-command it opens the window.

Each area has a module here with ``register(cli: Registry)``; add it to ``COMMAND_MODULES``.
Handlers take ``(args, ctx: Context)`` and import heavy libraries (openpyxl, ReportLab)
inside themselves, so ``dekanat`` without a sub-command starts fast.

Modules by job: ``context`` (``Context``, ``CommandError``, ``UsageError``), ``args`` (the date,
month and academic-year option types), ``registry`` (``Registry``); this module builds the parser
and runs a command. Their public names are importable from here.
"""

from __future__ import annotations

import argparse
import gc
import sys
from importlib import import_module

from desktop import __version__
from desktop.cli.args import academic_year_arg, date_arg, month_arg
from desktop.cli.context import CREATING_COMMANDS, READ_ONLY_COMMANDS, CommandError, Context, UsageError
from desktop.cli.registry import Handler, Registry
from desktop.i18n import LANGUAGES

__all__ = [
    "COMMAND_MODULES", "CREATING_COMMANDS", "READ_ONLY_COMMANDS", "CommandError", "Context", "Handler",
    "Registry", "UsageError", "academic_year_arg", "build_parser", "date_arg", "main", "month_arg",
    "open_window", "run_window", "window_args",
]

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
