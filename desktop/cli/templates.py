"""``export student-template`` and ``export workplan-template``: the blank forms a new office
fills and imports back (the File menu offers the same)."""

from __future__ import annotations

from desktop.cli import Context, Registry
from desktop.i18n import LANGUAGES


def register(cli: Registry) -> None:
    p = cli.subcommand("export", "student-template", cmd_student_template,
                       "a blank student list (.xlsx) to fill and import back")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", required=True)
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the column titles")
    p = cli.subcommand("export", "workplan-template", cmd_workplan_template,
                       "a blank work plan (.docx) to fill and import back")
    p.add_argument("-o", "--output", metavar="FILE.docx", required=True)
    p.add_argument("--lang", dest="report_lang", choices=LANGUAGES, help="language of the form")


def cmd_student_template(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.reports.templates import write_student_list_template

    write_student_list_template(args.output, args.report_lang or ctx.lang)
    print(_("Template written to {path}").format(path=args.output))
    return 0


def cmd_workplan_template(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.reports.templates import write_workplan_template

    write_workplan_template(args.output, args.report_lang or ctx.lang)
    print(_("Template written to {path}").format(path=args.output))
    return 0
