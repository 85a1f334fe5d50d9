"""``dekanat export requests`` (the register to Excel or PDF) and ``export request`` (one card to PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import clock
from desktop.cli import CommandError, Context, Registry, date_arg
from desktop.cli.texts import add_strict, warn_missing
from desktop.i18n import LANGUAGES, _, ngettext

if TYPE_CHECKING:
    from desktop.models.requests import RequestRow

STATUSES = ("in_progress", "done", "refused", "overdue")


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "requests", cmd_export_requests, "the register of service requests")
    p.add_argument("--format", choices=("xlsx", "pdf"), default=None,
                   help="xlsx or pdf (default: from the file name's extension, else xlsx)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--status", choices=STATUSES, help="only requests in this status (overdue: in progress and late)")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="the day overdue is counted on (default today)")
    add_strict(p)
    p = cli.subcommand("export", "request", cmd_export_request, "one service request's card with its steps")
    p.add_argument("--id", type=int, required=True, metavar="N")
    p.add_argument("--paper", choices=("card", "receipt", "refusal"), default="card",
                   help="the card with its steps, the receipt given at acceptance, or the motivated refusal letter")
    p.add_argument("--format", choices=("pdf",), default="pdf")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES)
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="the day overdue is counted on (default today)")
    add_strict(p)


def filter_rows(rows: list[RequestRow], status: str | None) -> list[RequestRow]:
    if status is None:
        return rows
    if status == "overdue":
        return [r for r in rows if r["overdue"]]
    return [r for r in rows if r["status"] == status]


def cmd_export_requests(args, ctx: Context) -> int:
    from desktop.models.document_frame import document_frame
    from desktop.models.requests import request_rows
    from desktop.reports.requests import register_pdf, register_xlsx

    on_date = args.date or clock.today()
    fmt = args.format or ("pdf" if args.output.lower().endswith(".pdf") else "xlsx")
    lang = args.report_lang or ctx.lang
    with ctx.db.session() as s:
        from desktop.models.text_documents import faculty_name as faculty_in
        from desktop.models.text_documents import localize_request_rows

        rows, missing = localize_request_rows(s, filter_rows(request_rows(s, on_date), args.status), lang)
        faculty_name = faculty_in(s, lang)
        frame = document_frame(s, "requests")
    warn_missing(missing, lang, args.strict)
    with ctx.output(args.output) as tmp:
        if fmt == "pdf":
            register_pdf(rows, tmp, args.report_lang or ctx.lang, on_date, faculty_name, frame=frame)
        else:
            register_xlsx(rows, tmp, args.report_lang or ctx.lang, on_date, frame=frame)
    print(ngettext("{n} request written to {file}", "{n} requests written to {file}", len(rows)).format(
        n=len(rows), file=args.output))
    return 0


def cmd_export_request(args, ctx: Context) -> int:
    from desktop.models.base import DomainError
    from desktop.models.document_frame import document_frame
    from desktop.models.requests import request_card
    from desktop.reports.requests import card_pdf

    on_date = args.date or clock.today()
    with ctx.db.session() as s:
        try:
            card = request_card(s, args.id, on_date)
        except DomainError:
            raise CommandError(_("there is no request No {number}").format(number=args.id)) from None
        from desktop.models.text_documents import faculty_name as faculty_in
        from desktop.models.text_documents import localize_request_card

        lang = args.report_lang or ctx.lang
        card, missing = localize_request_card(s, card, lang)
        faculty_name = faculty_in(s, lang)
        frame = document_frame(s, "requests")
    warn_missing(missing, lang, args.strict)
    with ctx.output(args.output) as tmp:
        if args.paper == "receipt":
            from desktop.reports.requests import receipt_pdf

            receipt_pdf(card, tmp, lang, frame=frame)
        elif args.paper == "refusal":
            from desktop.reports.requests import refusal_pdf

            try:
                refusal_pdf(card, tmp, lang, frame=frame)
            except DomainError as exc:
                raise CommandError(str(exc)) from None
        else:
            card_pdf(card, tmp, lang, on_date, faculty_name, frame=frame)
    print(_("request No {number} written to {file}").format(number=args.id, file=args.output))
    return 0
