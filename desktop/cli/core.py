"""Foundation sub-commands: demo, check, backup, restore."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli import CommandError, Context, Registry, UsageError, date_arg
from desktop.i18n import _, ngettext


def register(cli: Registry) -> None:
    p = cli.command("demo", cmd_demo, "fill the database with a realistic demo faculty")
    p.add_argument("--students", type=int, default=600, metavar="N",
                   help="number of students (default 600, up to 50000)")
    p.add_argument("--force", action="store_true", help="replace the data of a non-empty database")
    p.add_argument("--i-know", action="store_true",
                   help="with --force: replace a database that is not a demo (a backup is made first)")
    p.add_argument("--country", choices=("KG", "KZ", "RU", "auto"),
                   help="a live demo of this country: the current academic year, texts in the country's language, "
                        "its working days (auto: the interface language's country); without it the fixed "
                        "2025-2026 demo")
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="the live demo's today (default: the real date)")

    cli.group("check", "integrity check of the database (exit 1 when it fails)", default=cmd_check)

    p = cli.command("backup", cmd_backup, "a consistent copy of the database (SQLite backup API)")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: the rotating backup folder)")

    p = cli.command("copy-to", cmd_copy_to,
                    "copy every row (ids kept) into a new, empty database, e.g. a PostgreSQL server")
    p.add_argument("url", metavar="URL", help="postgresql+psycopg://user@host/dbname or a SQLite path")

    p = cli.command("restore", cmd_restore, "replace the database with a backup, after backing up the current one")
    p.add_argument("file", metavar="FILE")


def cmd_demo(args, ctx: Context) -> int:
    from desktop.models.demo import DemoRefused, build_demo

    if not 1 <= args.students <= 50_000:
        raise UsageError(_("--students must be between 1 and 50000"))
    country = args.country
    if country == "auto":
        country = {"ky": "KG", "kk": "KZ", "ru": "RU"}.get(ctx.lang, "KG")
    today = None
    if args.today:
        if not country:
            raise UsageError(_("--today is for a live demo: give --country too"))
        today = args.today
    try:
        summary = build_demo(ctx.db, students=args.students, force=args.force, i_know=args.i_know,
                             country=country, today=today)
    except DemoRefused as exc:
        raise CommandError(str(exc)) from exc
    for line in summary:
        print(line)
    return 0


def cmd_check(args, ctx: Context) -> int:
    from desktop.models.check import check_database

    problems = check_database(ctx.db)
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        raise CommandError(ngettext("{n} problem found in {database}", "{n} problems found in {database}",
                                     len(problems)).format(n=len(problems), database=ctx.db.display_name))
    print(_("ok: {database}").format(database=ctx.db.display_name))
    return 0


def cmd_backup(args, ctx: Context) -> int:
    from desktop.models.backup import BackupError, make_backup

    try:
        target = make_backup(ctx.db, Path(args.output) if args.output else None, reason="manual")
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(target)
    return 0


def cmd_restore(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.models.backup import BackupError, restore
    from desktop.models.db import Database

    ctx.check_database_path()
    db = Database(ctx.database_arg)  # not migrated: the restored copy is migrated before it replaces
    try:
        safety = restore(db, Path(args.file))
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.dispose()
    if safety is None:
        print(_("restored {file}").format(file=args.file))
    else:
        print(_("restored {file}; the previous database was saved as {safety}").format(file=args.file, safety=safety))
    return 0


def _nothing():
    from contextlib import nullcontext

    return nullcontext()


def cmd_copy_to(args, ctx: Context) -> int:
    from desktop.models.db import Database, database_url
    from desktop.models.lock import DatabaseLock
    from desktop.models.transfer import copy_to

    target = Database.path_of(database_url(args.url))
    with DatabaseLock(target) if target is not None else _nothing():
        counts = copy_to(ctx.db, args.url)
    print(ngettext("copied {rows} row in {tables} tables", "copied {rows} rows in {tables} tables",
                   sum(counts.values())).format(rows=sum(counts.values()), tables=len(counts)))
    return 0
