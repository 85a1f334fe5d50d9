"""Session results on the command line: grade sheets, the filled sheet back, debts, the summary, orders."""

from __future__ import annotations

from desktop import clock
from desktop.cli import CommandError, Context, Registry, academic_year_arg, date_arg
from desktop.i18n import LANGUAGES

KINDS = ("winter", "summer", "fx", "state")


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "grade-sheet", cmd_grade_sheet,
                       "grade sheets of a session (issued with numbers when first exported)")
    p.add_argument("--year", required=True, type=academic_year_arg, metavar="YYYY-YYYY")
    p.add_argument("--session", required=True, choices=KINDS)
    p.add_argument("--group", help="only the sheets this group sits")
    p.add_argument("--discipline", help="only this discipline")
    p.add_argument("--format", required=True, choices=("pdf", "xlsx"))
    p.add_argument("--blank", action="store_true", help="the PDF without results (for the examiner)")
    p.add_argument("--slips", action="store_true", help="an individual retake slip per student instead (PDF)")
    p.add_argument("--issued", type=date_arg, metavar="YYYY-MM-DD", help="date issued of new sheets (default today)")
    p.add_argument("--control", default="exam", choices=("exam", "pass_fail", "graded_pass", "course_work"),
                   help="the form of control of new sheets (default exam)")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("-o", "--output", required=True, metavar="FILE")

    i = cli.subcommand("import", "results", cmd_import, "results of a filled grade sheet (.xlsx), all or nothing")
    i.add_argument("file", metavar="FILE.xlsx")
    i.add_argument("--dry-run", action="store_true", help="check and report, write nothing")

    d = cli.subcommand("export", "debts", cmd_debts, "the register of open academic debts")
    d.add_argument("--year", required=True, type=academic_year_arg, metavar="YYYY-YYYY")
    d.add_argument("--session", choices=KINDS, help="only debts that arose in this session")
    d.add_argument("--format", required=True, choices=("xlsx", "pdf"))
    d.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    d.add_argument("-o", "--output", required=True, metavar="FILE")

    s = cli.subcommand("export", "session-summary", cmd_summary,
                       "the session's summary per group, course and programme")
    s.add_argument("--year", required=True, type=academic_year_arg, metavar="YYYY-YYYY")
    s.add_argument("--session", required=True, choices=KINDS)
    s.add_argument("--format", required=True, choices=("xlsx", "pdf"))
    s.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    s.add_argument("-o", "--output", required=True, metavar="FILE")

    o = cli.subcommand("export", "order", cmd_order, "an order behind movements, or its extracts")
    o.add_argument("--number", required=True)
    o.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="the order date (when a number repeats)")
    o.add_argument("--format", required=True, choices=("pdf",))
    o.add_argument("--extract", metavar="RECORD_BOOK", help="only the extract for this student")
    o.add_argument("--extracts", action="store_true", help="the order followed by an extract per student")
    o.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    o.add_argument("-o", "--output", required=True, metavar="FILE")


def _session_id(s, year: str, kind: str, tr) -> int:
    from desktop.models.exams import find_session
    from desktop.models.org import parse_year_name

    parse_year_name(year)
    session_id = find_session(s, year, kind)
    if session_id is None:
        raise CommandError(tr("There is no {kind} session in {year}.").format(kind=kind, year=year))
    return session_id


def cmd_grade_sheet(args, ctx: Context) -> int:
    from desktop.models import results
    from desktop.models.exams import exam_group
    from desktop.models.students import group_by_name

    lang = args.report_lang or ctx.lang
    tr = ctx.tr
    with ctx.db.session() as s:
        session_id = _session_id(s, args.year, args.session, tr)
        results.issue_sheets(s, session_id, args.issued or clock.today(), args.control)
        heads = results.sheet_heads(s, session_id=session_id)
        if args.group:
            group = group_by_name(s, args.group)
            if group is None:
                raise CommandError(tr("There is no group {name}.").format(name=args.group))
            from sqlalchemy import select

            exams = set(s.scalars(select(exam_group.c.exam_id).where(exam_group.c.group_id == group.id)))
            heads = [h for h in heads if h.exam_id in exams]
        if args.discipline:
            wanted = args.discipline.strip().casefold()
            heads = [h for h in heads if h.discipline.casefold() == wanted]
        if not heads:
            raise CommandError(tr("No grade sheet matches."))
        sheets = [results.load_sheet(s, h.id) for h in heads]
        frame = results.faculty_frame(s)
        if args.format == "pdf" and args.slips:
            from desktop.reports.grade_sheet import slips_pdf

            slips_pdf(args.output, sheets, frame, lang)
        elif args.format == "pdf":
            from desktop.reports.grade_sheet import sheets_pdf

            sheets_pdf(args.output, sheets, frame, lang, blank=args.blank)
        else:
            from desktop.reports.grade_sheet import sheets_xlsx

            sheets_xlsx(args.output, sheets, lang)
    print(args.output)
    return 0


def cmd_import(args, ctx: Context) -> int:
    from desktop.models.results import import_filled
    from desktop.reports.grade_sheet import ResultsRefused, read_filled

    try:
        filled = read_filled(args.file)
    except ResultsRefused as exc:
        raise CommandError("\n".join(exc.problems)) from None
    with ctx.db.session() as s:
        lines, _old = import_filled(s, filled, clock.today())
        for line in lines:
            print(line)
        if args.dry_run:
            s.rollback()
            print(ctx.tr("Dry run: nothing was written."))
    return 0


def cmd_debts(args, ctx: Context) -> int:
    from desktop.models.debts import open_debts
    from desktop.models.results import faculty_frame

    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        debts = open_debts(s, year=args.year, session_kind=args.session)
        frame = faculty_frame(s)
    if args.format == "xlsx":
        from desktop.reports.session_results import debts_xlsx

        debts_xlsx(args.output, debts, args.year, args.session, lang)
    else:
        from desktop.reports.session_results import debts_pdf

        debts_pdf(args.output, debts, args.year, args.session, frame, lang)
    print(args.output)
    return 0


def cmd_summary(args, ctx: Context) -> int:
    from desktop.models.debts import session_summary
    from desktop.models.results import faculty_frame

    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        summary = session_summary(s, _session_id(s, args.year, args.session, ctx.tr))
        frame = faculty_frame(s)
    if args.format == "xlsx":
        from desktop.reports.session_results import summary_xlsx

        summary_xlsx(args.output, summary, lang)
    else:
        from desktop.reports.session_results import summary_pdf

        summary_pdf(args.output, summary, frame, lang)
    print(args.output)
    return 0


def cmd_order(args, ctx: Context) -> int:
    from desktop.models.orders import order_document, student_by_record_book
    from desktop.models.results import faculty_frame
    from desktop.reports.orders_pdf import order_pdf

    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        doc = order_document(s, args.number, args.date)
        frame = faculty_frame(s)
        if args.extract:
            order_pdf(args.output, doc.extract(student_by_record_book(s, args.extract)), frame, lang, extract=True)
        else:
            ids = dict.fromkeys(st.student_id for item in doc.items for st in item.students)
            extracts = [doc.extract(sid) for sid in ids] if args.extracts else None
            order_pdf(args.output, doc, frame, lang, extracts=extracts)
    print(args.output)
    return 0
