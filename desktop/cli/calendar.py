"""``dekanat export calendar``: the academic calendar as PDF or Excel, or its year view."""

from __future__ import annotations

from desktop.cli import CommandError, Context, Registry, UsageError, academic_year_arg
from desktop.cli.texts import add_strict, warn_missing
from desktop.i18n import LANGUAGES, _


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "calendar", cmd_export, "the academic calendar (official table or year view)")
    p.add_argument("--year", required=True, type=academic_year_arg, metavar="YYYY-YYYY")
    p.add_argument("--format", required=True, choices=("pdf", "xlsx"))
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("--level", default="bachelor", choices=("bachelor", "master"))
    p.add_argument("--layout", choices=("semester", "trimester"))
    p.add_argument("--year-view", action="store_true", help="twelve month grids on one page (PDF only)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add_strict(p)


def cmd_export(args, ctx: Context) -> int:
    from desktop.models import academic_calendar as ac

    if args.year_view and args.format != "pdf":
        raise UsageError(_("--year-view is a PDF"))
    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        cal_id = ac.find_calendar(s, args.year, args.level, args.layout)
        if cal_id is None:
            raise CommandError((_("no {level} calendar for {year} in the {layout} layout") if args.layout
                                else _("no {level} calendar for {year}")).format(
                level=args.level, year=args.year, layout=args.layout))
        data = ac.load(s, cal_id)
        work = ac.calendar_engine(s, data)
        from desktop.models.text_documents import localize_calendar

        data, missing = localize_calendar(s, data, lang)
        from desktop.models.document_frame import document_frame

        frame = document_frame(s, "calendar", lang)
    warn_missing(missing, lang, args.strict)
    resolved = ac.resolve(data, work)
    if args.year_view:
        from desktop.models.year_view import build_year_view
        from desktop.reports.calendar_pdf import year_view_pdf

        with ctx.output(args.output) as tmp:
            year_view_pdf(tmp, build_year_view(data, resolved, work, lang), lang)
    elif args.format == "pdf":
        from desktop.reports.calendar_pdf import calendar_pdf

        with ctx.output(args.output) as tmp:
            calendar_pdf(tmp, data, resolved, work, lang, frame=frame)
    else:
        from desktop.reports.calendar_xlsx import calendar_xlsx

        with ctx.output(args.output) as tmp:
            calendar_xlsx(tmp, data, resolved, work, lang, frame=frame)
    print(args.output)
    return 0
