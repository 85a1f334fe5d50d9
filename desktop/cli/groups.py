"""``groups add|list|rename|archive`` and ``programmes add|list``: the faculty's groups and
programmes without a window (README.md, Command line)."""

from __future__ import annotations

from desktop.cli import Context, Registry, UsageError


def register(cli: Registry) -> None:
    from desktop.models.contingent import StudyForm
    from desktop.models.groups import MAX_COURSE, TEACHING_LANGUAGES
    from desktop.models.org import ProgrammeLevel

    cli.group("groups", "the faculty's groups: add, list, rename, archive")
    p = cli.subcommand("groups", "add", cmd_groups_add, "create a group")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--programme", metavar="CODE", help="the programme's code (see `programmes list`)")
    p.add_argument("--course", type=int, default=1, choices=range(1, MAX_COURSE + 1), metavar="N",
                   help=f"course 1-{MAX_COURSE} (default 1)")
    p.add_argument("--study-form", choices=[f.value for f in StudyForm], default=StudyForm.FULL_TIME.value)
    p.add_argument("--language", choices=TEACHING_LANGUAGES, help="language of instruction (default ky)")
    p.add_argument("--intake-year", type=int, metavar="YYYY")

    p = cli.subcommand("groups", "list", cmd_groups_list, "groups with programme, course and student counts")
    p.add_argument("--active", action="store_true", help="leave archived groups out")

    p = cli.subcommand("groups", "rename", cmd_groups_rename, "rename a group, or change its programme or course")
    p.add_argument("name", metavar="NAME")
    p.add_argument("new_name", metavar="NEW-NAME", nargs="?")
    p.add_argument("--programme", metavar="CODE")
    p.add_argument("--course", type=int, choices=range(1, MAX_COURSE + 1), metavar="N")

    p = cli.subcommand("groups", "archive", cmd_groups_archive, "archive a graduated group (--undo brings it back)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--undo", action="store_true", help="make an archived group active again")

    cli.group("programmes", "the faculty's programmes: add, list")
    p = cli.subcommand("programmes", "add", cmd_programmes_add, "add a programme")
    p.add_argument("code", metavar="CODE", help="for example 510100")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--level", choices=[lv.value for lv in ProgrammeLevel], default=ProgrammeLevel.BACHELOR.value)
    p.add_argument("--study-forms", default=StudyForm.FULL_TIME.value, metavar="FORMS",
                   help="comma-separated: full_time,distance (default full_time)")
    cli.subcommand("programmes", "list", cmd_programmes_list, "programmes with their groups and students")


def cmd_groups_add(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.models.groups import create_group

    with ctx.db.session() as s:
        create_group(s, args.name, programme=args.programme, course=args.course, study_form=args.study_form,
                     language=args.language, intake_year=args.intake_year)
    print(_("Group {name} created.").format(name=" ".join(args.name.split())))
    return 0


def cmd_groups_list(args, ctx: Context) -> int:
    from desktop.i18n import _, pgettext
    from desktop.models.contingent import StudyForm
    from desktop.models.groups import group_list

    with ctx.db.session() as s:
        rows = group_list(s, archived=not args.active)
    print("\t".join((_("Group"), _("Programme"), _("Course"), _("Study form"), _("Language"), _("Students"),
                     pgettext("state", "Status"))))
    for r in rows:
        form = StudyForm(r["study_form"]).label() if r["study_form"] in set(StudyForm) else r["study_form"]
        print("\t".join((r["name"], r["programme_code"], str(r["course"]), form, r["language"], str(r["students"]),
                         _("active") if r["active"] else _("archived"))))
    return 0


def cmd_groups_rename(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.models.groups import (
        find_group,
        rename_group,
        set_group_course,
        set_group_programme,
    )

    if args.new_name is None and args.programme is None and args.course is None:
        raise UsageError(_("Say what changes: a new name, --programme or --course."))
    with ctx.db.session() as s:
        group = find_group(s, args.name)
        if args.new_name is not None:
            rename_group(s, group.id, args.new_name)
        if args.programme is not None:
            set_group_programme(s, group.id, args.programme)
        if args.course is not None:
            set_group_course(s, group.id, args.course)
        name = group.name
    print(_("Group {name} saved.").format(name=name))
    return 0


def cmd_groups_archive(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.models.groups import find_group, set_group_archived

    with ctx.db.session() as s:
        group = find_group(s, args.name)
        set_group_archived(s, group.id, not args.undo)
        name = group.name
    print((_("Group {name} is active again.") if args.undo else _("Group {name} archived.")).format(name=name))
    return 0


def cmd_programmes_add(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.models.org import add_programme

    with ctx.db.session() as s:
        add_programme(s, args.code, args.name, args.level, study_forms=args.study_forms)
    print(_("Programme {code} added.").format(code=args.code.strip()))
    return 0


def cmd_programmes_list(args, ctx: Context) -> int:
    from desktop.i18n import _
    from desktop.models.contingent import StudyForm
    from desktop.models.groups import group_list
    from desktop.models.org import (
        ProgrammeLevel,
        programme_rows,
    )

    with ctx.db.session() as s:
        programmes = programme_rows(s)
        groups = group_list(s, archived=False)
    print("\t".join((_("Code"), _("Programme"), _("Level"), _("Study forms"), _("Groups"), _("Students"))))
    for p in programmes:
        mine = [g for g in groups if g["programme_id"] == p["id"]]
        level = ProgrammeLevel(p["level"]).label() if p["level"] else ""
        forms = ", ".join(StudyForm(f).label() for f in p["study_forms"].split(",") if f)
        print("\t".join((p["code"], p["name"], level, forms, str(len(mine)),
                         str(sum(g["students"] for g in mine)))))
    return 0
