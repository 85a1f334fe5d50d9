"""``export texts`` / ``import texts``: a document's texts and their language versions through a
spreadsheet; and the warning every export gives for texts with no version in its language."""

from __future__ import annotations

import sys

from desktop.cli import CommandError, Context, Registry, UsageError, academic_year_arg
from desktop.i18n import _, ngettext

KINDS = ("workplan", "calendar", "procedures", "meeting", "exams")


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "texts", cmd_export, "a document's texts and their translations as Excel")
    p.add_argument("--document", required=True, choices=KINDS)
    p.add_argument("--year", type=academic_year_arg, metavar="Y", help="academic year of the plan or calendar")
    p.add_argument("--level", default="bachelor", choices=("bachelor", "master"))
    p.add_argument("--layout", choices=("semester", "trimester"))
    p.add_argument("--meeting", type=int, metavar="ID", help="the meeting's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.add_argument("--lang", dest="report_lang", choices=("ky", "kk", "ru", "en"), help="language of the headers")

    p = cli.subcommand("import", "texts", cmd_import, "translations filled into a sheet made by export texts")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")


def add_strict(parser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="refuse (exit 1) when a text has no version in the report's language, "
                             "or one older than its edited original")


def warn_missing(missing: list, lang: str, strict: bool = False) -> None:
    """Texts printed in their original because they have no version in ``lang``: their count on
    stderr; with ``--strict`` the export is refused before anything is written."""
    from desktop.models.text_versions import CONTENT_LANGUAGES, Language, stale_count

    if lang not in CONTENT_LANGUAGES or not missing:
        return
    stale = stale_count(missing, lang)
    language = Language(lang).label()
    messages = []
    if len(missing) > stale:
        messages.append(ngettext("{n} text has no version in {language}; it is printed in its original.",
                                 "{n} texts have no version in {language}; they are printed in their original.",
                                 len(missing) - stale).format(n=len(missing) - stale, language=language))
    if stale:  # a version written before its original was edited: printed, but it may say something else
        messages.append(ngettext("{n} text's version in {language} was written before its original was edited; "
                                 "check it.",
                                 "{n} texts' versions in {language} were written before their originals were "
                                 "edited; check them.", stale).format(n=stale, language=language))
    message = " ".join(messages)
    if strict:
        raise CommandError(message + " " + _("Nothing was written (--strict)."))
    print(f"dekanat: {message}", file=sys.stderr)


def document_id(s, args) -> int | None:
    if args.document == "workplan":
        from desktop.models import workplan as wp

        if not args.year:
            raise UsageError(_("--year is needed for this document."))
        return wp.require_plan(s, args.year).id
    if args.document == "calendar":
        from desktop.models import academic_calendar as ac

        if not args.year:
            raise UsageError(_("--year is needed for this document."))
        cal_id = ac.find_calendar(s, args.year, args.level, args.layout)
        if cal_id is None:
            raise CommandError(_("There is no calendar for {year}.").format(year=args.year))
        return cal_id
    if args.document == "meeting":
        if args.meeting is None:
            raise UsageError(_("--meeting is needed for this document."))
        return args.meeting
    return None


def cmd_export(args, ctx: Context) -> int:
    from desktop.models.text_documents import document_texts
    from desktop.reports.text_xlsx import texts_xlsx

    with ctx.db.session() as s:
        doc_id = document_id(s, args)
        texts = document_texts(s, args.document, doc_id)
    texts_xlsx(args.output, texts, args.document, doc_id, args.report_lang or ctx.lang)
    print(args.output)
    return 0


def cmd_import(args, ctx: Context) -> int:
    from desktop.models.text_documents import import_filled
    from desktop.reports.text_xlsx import NotATextSheet, read_texts_xlsx

    try:
        kind, doc_id, rows = read_texts_xlsx(args.file, ctx.lang)
    except NotATextSheet as exc:
        raise CommandError(str(exc)) from exc
    if kind not in KINDS:
        raise CommandError(_("{file} is not a sheet of texts exported by Dekanat.").format(file=args.file))
    with ctx.db.session() as s:
        result = import_filled(s, kind, doc_id, rows)
        if result.errors:
            for line in result.errors:
                print(f"dekanat: {line}", file=sys.stderr)
            s.rollback()
            raise CommandError(_("Nothing was imported."))
        for row, key in result.changed_originals:
            print(_("Row {row}: the original of {id} differs from the one in the database; "
                    "the original was left as it is.").format(row=row, id=key), file=sys.stderr)
        if args.dry_run:
            s.rollback()
    print(ngettext("{n} version to write", "{n} versions to write", len(result.changes)).format(n=len(result.changes))
          if args.dry_run else
          ngettext("{n} version written", "{n} versions written", len(result.changes)).format(n=len(result.changes)))
    return 0
