"""``export agenda`` (the minutes follow once the meeting is held) and ``export decisions``."""

from __future__ import annotations


from desktop.cli import Context, Registry, date_arg
from desktop.cli.texts import add_strict, warn_missing
from desktop.i18n import LANGUAGES
from desktop import clock


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "agenda", cmd_agenda,
                       "the agenda of a meeting as PDF, followed by the minutes once the meeting is held")
    p.add_argument("--date", required=True, type=date_arg, metavar="YYYY-MM-DD")
    p.add_argument("--format", default="pdf", choices=("pdf",))
    p.add_argument("--series", metavar="NAME", help="the meeting series (default: the first meeting that day)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")
    add_strict(p)

    p = cli.subcommand("export", "decisions", cmd_decisions, "the register of meeting decisions as Excel")
    p.add_argument("--format", default="xlsx", choices=("xlsx",))
    p.add_argument("--status", choices=("open", "done", "cancelled"))
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="overdue as of this day (default today)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the report")


def cmd_agenda(args, ctx: Context) -> int:
    from desktop.models import meetings as mt

    day = args.date
    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        from desktop.models.text_documents import localize_meeting

        tree, missing = localize_meeting(s, mt.meeting_tree(s, mt.find_meeting(s, day, args.series).id), lang)
    warn_missing(missing, lang, args.strict)
    from desktop.reports.meeting_pdf import meeting_pdf

    with ctx.output(args.output) as tmp:
        meeting_pdf(tmp, tree, lang)
    print(args.output)
    return 0


def cmd_decisions(args, ctx: Context) -> int:
    from desktop.models import meetings as mt

    on_date = args.date or clock.today()
    with ctx.db.session() as s:
        rows = mt.decisions(s, on_date=on_date, status=args.status)
        from desktop.models.document_frame import document_frame

        frame = document_frame(s, "decisions")
    from desktop.reports.meeting_xlsx import decisions_xlsx

    with ctx.output(args.output) as tmp:
        decisions_xlsx(tmp, rows, args.report_lang or ctx.lang, on_date, frame=frame)
    print(args.output)
    return 0
