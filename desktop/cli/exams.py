"""``dekanat export session`` and ``dekanat check session``: an exam session's schedule and its conflicts."""

from __future__ import annotations

import sys

from desktop.cli import CommandError, Context, Registry, academic_year_arg
from desktop.cli.texts import add_strict, warn_missing
from desktop.i18n import LANGUAGES, _, ngettext

KINDS = ("winter", "summer", "fx", "state")


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "session", cmd_export, "an exam session schedule (list, matrix or timetables)")
    p.add_argument("--year", required=True, type=academic_year_arg, metavar="YYYY-YYYY")
    p.add_argument("--session", required=True, choices=KINDS)
    p.add_argument("--layout", default="matrix", choices=("list", "matrix", "examiner", "room"),
                   help="list, matrix of dates by groups, or the timetable of each examiner / room")
    p.add_argument("--format", required=True, choices=("xlsx", "pdf"))
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("--by", default="course", choices=("course", "programme"), help="one sheet per course or programme")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--final", action="store_true",
                   help="refuse (exit 1) while error-level conflicts remain, instead of printing a draft")
    add_strict(p)

    c = cli.subcommand("check", "session", cmd_check,
                       "conflicts of an exam session, one per line; exit 1 when any is an error")
    c.add_argument("--year", required=True, type=academic_year_arg, metavar="YYYY-YYYY")
    c.add_argument("--session", required=True, choices=KINDS)


def _session_id(s, year: str, kind: str) -> int:
    from desktop.models.exams import find_session
    from desktop.models.org import parse_year_name

    parse_year_name(year)
    session_id = find_session(s, year, kind)
    if session_id is None:
        from desktop.models.exams import SessionKind

        raise CommandError(_("{session}: there is none in {year}").format(
            session=SessionKind(kind).label(), year=year))
    return session_id


def cmd_export(args, ctx: Context) -> int:
    from desktop.models.document_frame import document_frame
    from desktop.models.exam_conflicts import check_session

    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        from desktop.models.text_documents import localize_schedule

        schedule, conflicts = check_session(s, _session_id(s, args.year, args.session), lang)
        schedule, missing = localize_schedule(s, schedule, lang)
        frame = document_frame(s, "exam_schedule")
    warn_missing(missing, lang, args.strict)
    errors = [c.message for c in conflicts if c.severity == "error"]
    if errors:
        tr = ctx.tr
        if args.final:
            print(tr.ngettext("dekanat: the schedule is not final: {n} error remains; resolve it first "
                              "(dekanat check session)",
                              "dekanat: the schedule is not final: {n} errors remain; resolve them first "
                              "(dekanat check session)", len(errors)).format(n=len(errors)), file=sys.stderr)
            return 1
        print(tr.ngettext("dekanat: {n} error remains: the schedule is exported as a draft",
                          "dekanat: {n} errors remain: the schedule is exported as a draft", len(errors)).format(
                              n=len(errors)), file=sys.stderr)
    if args.format == "xlsx":
        from desktop.reports.exam_xlsx import session_xlsx

        with ctx.output(args.output) as tmp:
            session_xlsx(tmp, schedule, lang, args.layout, args.by, frame=frame, errors=errors)
    else:
        from desktop.reports.exam_pdf import session_pdf

        with ctx.output(args.output) as tmp:
            session_pdf(tmp, schedule, lang, args.layout, args.by, frame=frame, errors=errors)
    print(args.output)
    return 0


def cmd_check(args, ctx: Context) -> int:
    from desktop.models.exam_conflicts import check_session

    with ctx.db.session() as s:
        _schedule, conflicts = check_session(s, _session_id(s, args.year, args.session), ctx.lang)
    tr = ctx.tr
    labels = {"error": tr("error"), "warning": tr("warning")}
    for c in conflicts:
        print(f"{labels[c.severity]}\t{c.message}")
    errors = sum(c.severity == "error" for c in conflicts)
    if errors:
        from desktop.models.exams import SessionKind

        print("dekanat: " + ngettext("{n} error-level conflict: {session}, {year}",
                                     "{n} error-level conflicts: {session}, {year}", errors).format(
            n=errors, session=SessionKind(args.session).label(tr), year=args.year), file=sys.stderr)
        return 1
    return 0
