"""``export agenda`` (the minutes follow once the meeting is held), ``export decisions`` and
``minutes sign`` (the minutes become final: they print as decided, whatever the register does later)."""

from __future__ import annotations

from desktop import clock, dates
from desktop.cli import Context, Registry, date_arg
from desktop.cli.texts import add_strict, warn_missing
from desktop.i18n import LANGUAGES, _


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

    cli.group("minutes", "the minutes of a meeting")
    p = cli.subcommand("minutes", "sign", cmd_sign,
                       "sign a held meeting's minutes: from then on they are not edited, "
                       "their decisions are followed up in the register")
    p.add_argument("--date", required=True, type=date_arg, metavar="YYYY-MM-DD", help="the meeting's date")
    p.add_argument("--series", metavar="NAME", help="the meeting series (default: the first meeting that day)")
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help="the day of signing (default today)")


def cmd_agenda(args, ctx: Context) -> int:
    from desktop.models import meetings as mt

    day = args.date
    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        from desktop.models.text_documents import localize_meeting

        tree, missing = localize_meeting(s, mt.meeting_tree(s, mt.find_meeting(s, day, args.series).id), lang)
        from desktop.models.document_frame import document_frame

        frame = document_frame(s, "agenda")
    warn_missing(missing, lang, args.strict)
    from desktop.reports.meeting_pdf import meeting_pdf

    with ctx.output(args.output) as tmp:
        meeting_pdf(tmp, tree, lang, frame=frame)
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


def cmd_sign(args, ctx: Context) -> int:
    from desktop.models import meetings as mt

    day = args.date
    signed_on = args.on or clock.today()
    with ctx.db.session() as s:  # a refusal (not held, already signed) is a DomainError: exit 1
        meeting = mt.find_meeting(s, day, args.series)
        number, series = meeting.number, meeting.series.name
        mt.sign_minutes(s, meeting.id, signed_on)
    print(_("Minutes No. {number} of “{series}” of {date} signed on {signed}.").format(
        number=number, series=series, date=dates.table(day), signed=dates.table(signed_on)))
    return 0
