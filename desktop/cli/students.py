"""``import students``, ``export students`` and ``export headcount`` (CLI.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from desktop.cli import CommandError, Context, Registry
from desktop.i18n import LANGUAGES


def register(cli: Registry) -> None:
    p = cli.subcommand("import", "students", cmd_import, "import a student list from .xlsx (all or nothing)")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.add_argument("--group", metavar="NAME", help="the group of every row when the file has no group column")
    p.add_argument("--order", metavar="NUMBER", default="", help="the enrolment order number")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the effective date of enrolment (default today)")

    p = cli.subcommand("export", "students", cmd_export, "student lists (xlsx) or printed group lists (pdf)")
    p.add_argument("--format", choices=("xlsx", "pdf"), required=True)
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--group", metavar="NAME", help="only this group")
    p.add_argument("--sheet-per-group", action="store_true", help="xlsx: one sheet per group")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")

    p = cli.subcommand("export", "headcount", cmd_headcount,
                       "headcount on a date by programme, course, study form and funding")
    p.add_argument("--date", metavar="YYYY-MM-DD", required=True)
    p.add_argument("--format", choices=("xlsx", "pdf"), required=True)
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")


def _date(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"the date must be written YYYY-MM-DD, not {value!r}") from exc


def cmd_import(args, ctx: Context) -> int:
    from desktop.models.movements import Order
    from desktop.reports.student_import import ImportRefused
    from desktop.reports.student_import_plan import import_students

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    day = _date(args.date)
    if not args.dry_run:
        ctx.backup_first("import")
    try:
        with ctx.db.session() as s:
            plan = import_students(s, path, dry_run=args.dry_run, default_group=args.group,
                                   order=Order(args.order, day, day))
            if args.dry_run:
                s.rollback()
    except ImportRefused as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise CommandError(f"{path.name}: {len(exc.problems)} problem(s); nothing was imported") from exc
    for line in plan.summary():
        print(line)
    if args.dry_run:
        print("dry run: nothing was written")
    return 0


def cmd_export(args, ctx: Context) -> int:
    from desktop.reports.student_export import export_group_list_pdf, export_students_xlsx

    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        if args.group:
            from desktop.models.students import group_by_name

            if group_by_name(s, args.group) is None:
                raise CommandError(f"no group named {args.group!r}")
            args.group = group_by_name(s, args.group).name
        if args.format == "xlsx":
            with ctx.output(args.output) as tmp:
                n = export_students_xlsx(s, tmp, lang=lang, group_name=args.group,
                                         sheet_per_group=args.sheet_per_group)
            print(f"{n} students written to {args.output}")
        else:
            with ctx.output(args.output) as tmp:
                n = export_group_list_pdf(s, tmp, lang=lang, group_name=args.group)
            print(f"{n} group list(s) written to {args.output}")
    return 0


def cmd_headcount(args, ctx: Context) -> int:
    from desktop.reports.headcount import export_headcount_pdf, export_headcount_xlsx

    lang = args.report_lang or ctx.lang
    on = _date(args.date)
    with ctx.db.session() as s:
        with ctx.output(args.output) as tmp:
            (export_headcount_xlsx if args.format == "xlsx" else export_headcount_pdf)(s, tmp, on, lang)
    print(f"headcount on {on.isoformat()} written to {args.output}")
    return 0
