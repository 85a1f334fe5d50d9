"""``dekanat export session`` and ``dekanat check session``: an exam session's schedule and its conflicts."""

from __future__ import annotations

import sys

from desktop.cli import CommandError, Context, Registry
from desktop.cli.texts import add_strict, warn_missing
from desktop.i18n import LANGUAGES

KINDS = ("winter", "summer", "fx", "state")


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "session", cmd_export, "an exam session schedule (list, matrix or timetables)")
    p.add_argument("--year", required=True, metavar="YYYY-YYYY")
    p.add_argument("--session", required=True, choices=KINDS)
    p.add_argument("--layout", default="matrix", choices=("list", "matrix", "examiner", "room"),
                   help="list, matrix of dates by groups, or the timetable of each examiner / room")
    p.add_argument("--format", required=True, choices=("xlsx", "pdf"))
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("--by", default="course", choices=("course", "programme"), help="one sheet per course or programme")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add_strict(p)

    c = cli.subcommand("check", "session", cmd_check,
                       "conflicts of an exam session, one per line; exit 1 when any is an error")
    c.add_argument("--year", required=True, metavar="YYYY-YYYY")
    c.add_argument("--session", required=True, choices=KINDS)


def _session_id(s, year: str, kind: str) -> int:
    from desktop.models.exams import find_session
    from desktop.models.org import parse_year_name

    parse_year_name(year)
    session_id = find_session(s, year, kind)
    if session_id is None:
        raise CommandError(f"no {kind} session in {year}")
    return session_id


def cmd_export(args, ctx: Context) -> int:
    from desktop.models.exam_schedule import load_schedule

    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        from desktop.models.text_documents import localize_schedule

        schedule, missing = localize_schedule(s, load_schedule(s, _session_id(s, args.year, args.session)), lang)
    warn_missing(missing, lang, args.strict)
    if args.format == "xlsx":
        from desktop.reports.exam_xlsx import session_xlsx

        session_xlsx(args.output, schedule, lang, args.layout, args.by)
    else:
        from desktop.reports.exam_pdf import session_pdf

        session_pdf(args.output, schedule, lang, args.layout, args.by)
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
        print(f"dekanat: {errors} error-level conflict(s) in the {args.session} session {args.year}", file=sys.stderr)
        return 1
    return 0
