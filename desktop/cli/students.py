"""``import students``, ``export students`` and ``export headcount`` (CLI.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop import clock, dates
from desktop.cli import CommandError, Context, Registry, date_arg
from desktop.i18n import LANGUAGES, _, ngettext


def register(cli: Registry) -> None:
    p = cli.subcommand("import", "students", cmd_import,
                       "import a student list from .xlsx, .xls, .csv or an HTML table (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the active one)")
    p.add_argument("--map", metavar="HEADER=FIELD", action="append", default=[],
                   help="read the column HEADER (or a column letter) as FIELD, e.g. \"№ зачётной книжки=record_book\"")
    p.add_argument("--ignore-column", metavar="LETTER", action="append", default=[],
                   help="let go a column that looks like a known one but is not to be read")
    p.add_argument("--group", metavar="NAME", help="the group of every row when the file has no group column")
    p.add_argument("--order", metavar="NUMBER", default="", help="the enrolment order number")
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD",
                   help="the effective date of enrolment (default today)")

    p = cli.subcommand("export", "students", cmd_export, "student lists (xlsx) or printed group lists (pdf)")
    p.add_argument("--format", choices=("xlsx", "pdf"), required=True)
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--group", metavar="NAME", help="only this group")
    p.add_argument("--sheet-per-group", action="store_true", help="xlsx: one sheet per group")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")

    p = cli.subcommand("export", "headcount", cmd_headcount,
                       "headcount on a date by programme, course, study form and funding")
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", required=True)
    p.add_argument("--format", choices=("xlsx", "pdf"), required=True)
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")


def cmd_import(args, ctx: Context) -> int:
    from desktop.models.movements import Order
    from desktop.reports.student_import import ImportRefused
    from desktop.reports.student_import.writing import import_students

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(_("{file}: no such file").format(file=path))
    day = args.date or clock.today()
    if not args.dry_run:
        ctx.backup_first("import")
    try:
        with ctx.db.session() as s:
            plan = import_students(s, path, dry_run=args.dry_run, default_group=args.group,
                                   order=Order(args.order, day, day), sheet_name=args.sheet,
                                   map_specs=args.map, ignore_columns=args.ignore_column)
            if args.dry_run:
                s.rollback()
    except ImportRefused as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        for letter, header in getattr(exc, "doubtful", []):
            hint = _('  --map "{header}=FIELD" reads column {letter} as FIELD; --ignore-column {letter} lets it go')
            print(hint.format(header=header, letter=letter), file=sys.stderr)
        raise CommandError(ngettext("{file}: {n} problem; nothing was imported",
                                    "{file}: {n} problems; nothing was imported",
                                    len(exc.problems)).format(file=path.name, n=len(exc.problems))) from exc
    for line in plan.summary(done=not args.dry_run):
        print(line)
    if args.dry_run:
        print(_("dry run: nothing was written"))
    return 0


def cmd_export(args, ctx: Context) -> int:
    from desktop.reports.student_export import export_group_list_pdf, export_students_xlsx

    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        if args.group:
            from desktop.models.students import group_by_name

            group = group_by_name(s, args.group)
            if group is None:
                raise CommandError(_("no group named “{name}”").format(name=args.group))
            args.group = group.name
        if args.format == "xlsx":
            with ctx.output(args.output) as tmp:
                n = export_students_xlsx(s, tmp, lang=lang, group_name=args.group,
                                         sheet_per_group=args.sheet_per_group)
            print(ngettext("{n} student written to {file}", "{n} students written to {file}", n).format(
                n=n, file=args.output))
        else:
            with ctx.output(args.output) as tmp:
                n = export_group_list_pdf(s, tmp, lang=lang, group_name=args.group)
            print(ngettext("{n} group list written to {file}", "{n} group lists written to {file}", n).format(
                n=n, file=args.output))
    return 0


def cmd_headcount(args, ctx: Context) -> int:
    from desktop.reports.headcount import export_headcount_pdf, export_headcount_xlsx

    lang = args.report_lang or ctx.lang
    on = args.date
    with ctx.db.session() as s:
        with ctx.output(args.output) as tmp:
            (export_headcount_xlsx if args.format == "xlsx" else export_headcount_pdf)(s, tmp, on, lang)
    print(_("headcount on {date} written to {file}").format(date=dates.table(on), file=args.output))
    return 0
