"""``import workplan``, ``export workplan``, ``export workplan-progress``."""

from __future__ import annotations

from desktop import clock
from desktop.cli import Context, Registry, academic_year_arg, date_arg
from desktop.cli.texts import add_strict, warn_missing
from desktop.i18n import LANGUAGES, _


def register(cli: Registry) -> None:
    p = cli.subcommand("import", "workplan", cmd_import, "import a work plan from a Word or Excel table")
    p.add_argument("file", metavar="FILE.docx|FILE.xlsx")
    p.add_argument("--year", required=True, type=academic_year_arg, metavar="Y", help="academic year, like 2025-2026")
    p.add_argument("--dry-run", action="store_true", help="list sections and item counts, write nothing")

    p = cli.subcommand("export", "workplan", cmd_export, "the work plan as PDF or Excel")
    p.add_argument("--year", required=True, type=academic_year_arg, metavar="Y")
    p.add_argument("--format", required=True, choices=("pdf", "xlsx"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")
    add_strict(p)

    p = cli.subcommand("export", "workplan-progress", cmd_progress,
                       "progress of the work plan (done, in progress, overdue) as PDF")
    p.add_argument("--year", required=True, type=academic_year_arg, metavar="Y")
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="as of this day (default today)")
    p.add_argument("--format", default="pdf", choices=("pdf",))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")


def _lang(args, ctx: Context) -> str:
    return getattr(args, "report_lang", None) or ctx.lang


def cmd_import(args, ctx: Context) -> int:
    from desktop.models.org import the_faculty
    from desktop.reports.workplan_import import import_plan, read_plan_file

    parsed = read_plan_file(args.file)
    for line in parsed.summary():
        print(line)
    if args.dry_run:
        return 0
    ctx.backup_first("import")
    with ctx.db.session() as s:
        faculty = the_faculty(s)
        import_plan(s, parsed, args.year, faculty_name=faculty.name if faculty else "")
    print(_("imported into {year}").format(year=args.year))
    return 0


def _tree(ctx: Context, year: str, on_date=None, lang: str | None = None):
    """The plan with its texts in ``lang`` (where they have a version) and the texts without one."""
    from desktop.models import workplan as wp
    from desktop.models.text_documents import localize_plan

    with ctx.db.session() as s:
        tree = wp.plan_tree(s, wp.require_plan(s, year), on_date)
        return localize_plan(s, tree, lang) if lang else (tree, [])


def cmd_export(args, ctx: Context) -> int:
    tree, missing = _tree(ctx, args.year, lang=_lang(args, ctx))
    warn_missing(missing, _lang(args, ctx), args.strict)
    if args.format == "pdf":
        from desktop.reports.workplan_pdf import plan_pdf

        with ctx.output(args.output) as tmp:
            plan_pdf(tmp, tree, _lang(args, ctx))
    else:
        from desktop.reports.workplan_xlsx import plan_xlsx

        with ctx.output(args.output) as tmp:
            plan_xlsx(tmp, tree, _lang(args, ctx))
    print(args.output)
    return 0


def cmd_progress(args, ctx: Context) -> int:
    on_date = args.date or clock.today()
    tree, _missing = _tree(ctx, args.year, on_date, _lang(args, ctx))
    from desktop.reports.workplan_pdf import progress_pdf

    with ctx.output(args.output) as tmp:
        progress_pdf(tmp, tree, _lang(args, ctx), on_date)
    print(args.output)
    return 0
