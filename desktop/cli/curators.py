"""``dekanat export curator-reports`` and ``dekanat export teaching-log``."""

from __future__ import annotations

from desktop import clock
from desktop.cli import CommandError, Context, Registry, UsageError, academic_year_arg, date_arg, month_arg
from desktop.i18n import LANGUAGES, _, ngettext


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "curator-reports", cmd_curator_reports,
                       "curator reports: without --month the matrix and summary of the year, "
                       "with it the month's reports")
    p.add_argument("--year", required=True, type=academic_year_arg, metavar="2025-2026")
    p.add_argument("--month", type=int, choices=range(1, 13), metavar="M")
    p.add_argument("--format", required=True, choices=("xlsx", "pdf"))
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("--as-of", dest="as_of", type=date_arg, metavar="YYYY-MM-DD",
                   help="the day the matrix's states are computed for (default today)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p = cli.subcommand("export", "teaching-log", cmd_teaching_log,
                       "a teacher's distance-teaching log of a month "
                       "(the report form of the distance-teaching regulation)")
    p.add_argument("--teacher", required=True, metavar='"Short N."')
    p.add_argument("--month", required=True, type=month_arg, metavar="YYYY-MM")
    p.add_argument("--format", required=True, choices=("xlsx", "pdf"))
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("-o", "--output", required=True, metavar="FILE")


def _lang(args, ctx: Context) -> str:
    return args.report_lang or ctx.lang


def cmd_curator_reports(args, ctx: Context) -> int:
    from desktop.models import curator_reports as cr
    from desktop.models.base import DomainError
    from desktop.models.curators import year_months
    from desktop.models.org import the_faculty

    lang = _lang(args, ctx)
    try:
        with ctx.db.session() as s:
            months = year_months(args.year)
            faculty = the_faculty(s)
            name = faculty.name if faculty else ""
            from desktop.models.document_frame import document_frame

            frame = document_frame(s, "curators")
            if args.month is not None:  # each report under the frame, the faculty's names in the report's language
                frame = document_frame(s, "curators", lang)
            if args.month is None:
                matrix = cr.build_matrix(s, args.year, args.as_of or clock.today())
                summary = cr.summary(s, args.year, as_of=matrix.as_of)
            else:
                year = next(y for y, m in months if m == args.month) if any(m == args.month for _y, m in months) \
                    else None
                if year is None:
                    raise UsageError(_("month {month} is not a report month (September to June)").format(
                        month=args.month))
                docs = cr.report_documents(s, cr.report_ids_of_month(s, args.year, year, args.month))
    except DomainError as exc:
        raise CommandError(str(exc)) from None
    if args.month is None:
        from desktop.reports import curator_matrix as out

        with ctx.output(args.output) as tmp:
            if args.format == "pdf":
                out.write_matrix_pdf(tmp, matrix, summary, lang, name, frame=frame)
            else:
                out.write_matrix_xlsx(tmp, matrix, summary, lang, frame=frame)
        print(ngettext("{file}: {n} curator, {cells} report cells", "{file}: {n} curators, {cells} report cells",
                       len(matrix.rows)).format(file=args.output, n=len(matrix.rows),
                                                cells=sum(matrix.counts.values())))
    else:
        from desktop.reports import curator_report as report_out

        with ctx.output(args.output) as tmp:
            if args.format == "pdf":
                report_out.write_reports_pdf(tmp, docs, lang, name, frame=frame)
            else:
                report_out.write_reports_xlsx(tmp, docs, lang)
        print(ngettext("{file}: {n} report", "{file}: {n} reports", len(docs)).format(file=args.output, n=len(docs)))
    return 0


def cmd_teaching_log(args, ctx: Context) -> int:
    from desktop.models import teaching_log as tl
    from desktop.models.base import DomainError

    try:
        year, month = args.month
        with ctx.db.session() as s:
            teacher = tl.find_teacher(s, args.teacher)
            name = teacher.short_name
            entries = tl.entries(s, teacher.id, year, month)
            totals = tl.totals(s, teacher.id, year, month)
            from desktop.models.document_frame import document_frame

            frame = document_frame(s, "teaching_log")
    except DomainError as exc:
        raise CommandError(str(exc)) from None
    from desktop.reports import curator_teaching_log as out

    write = out.write_log_pdf if args.format == "pdf" else out.write_log_xlsx
    with ctx.output(args.output) as tmp:
        write(tmp, name, year, month, entries, totals, _lang(args, ctx), frame=frame)
    print(ngettext("{file}: {n} lesson, {hours} hours", "{file}: {n} lessons, {hours} hours", len(entries)).format(
        file=args.output, n=len(entries), hours=f"{totals.hours:g}"))
    return 0
