"""``dekanat workdays add|between|holidays``: the working-day engine from the command line."""

from __future__ import annotations

from desktop.cli import Context, Registry, UsageError, date_arg
from desktop.i18n import _
from desktop.models.workdays import COUNTRIES


def register(cli: Registry) -> None:
    cli.group("workdays", "working days, holidays and days off per country")
    p = cli.subcommand("workdays", "add", cmd_add, "the date N working (or calendar) days later")
    p.add_argument("--country", choices=COUNTRIES, type=str.upper)
    p.add_argument("--from", dest="start", required=True, type=date_arg, metavar="YYYY-MM-DD")
    p.add_argument("--days", required=True, type=int, metavar="N")
    p.add_argument("--calendar-days", action="store_true", help="count calendar days instead of working days")
    p = cli.subcommand("workdays", "between", cmd_between, "the number of working days in [FROM, TO]")
    p.add_argument("--country", choices=COUNTRIES, type=str.upper)
    p.add_argument("first", type=date_arg, metavar="FROM")
    p.add_argument("last", type=date_arg, metavar="TO")
    p = cli.subcommand("workdays", "holidays", cmd_holidays, "holidays and moved days off of a year")
    p.add_argument("--country", choices=COUNTRIES, type=str.upper)
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--lang", dest="report_lang", choices=("ky", "kk", "ru", "en"))
    p = cli.subcommand("workdays", "public-sector", cmd_public_sector,
                       "days off the government sets for state institutions; --apply adds them as overrides")
    p.add_argument("--country", choices=COUNTRIES, type=str.upper)
    p.add_argument("--apply", action="store_true",
                   help="the faculty is a state institution: record that and add the days as overrides")


def _calendar(args, ctx: Context):
    from desktop.models.workdays import work_calendar

    with ctx.db.session() as s:
        return work_calendar(s, args.country)


def cmd_add(args, ctx: Context) -> int:
    cal = _calendar(args, ctx)
    result = cal.add_calendar_days(args.start, args.days) if args.calendar_days else cal.add_working_days(
        args.start, args.days)
    print(result.isoformat())
    return 0


def cmd_between(args, ctx: Context) -> int:
    if args.last < args.first:
        raise UsageError(_("TO is before FROM"))
    print(_calendar(args, ctx).working_days_between(args.first, args.last))
    return 0


def cmd_holidays(args, ctx: Context) -> int:
    if not 1990 <= args.year <= 2100:
        raise UsageError(_("--year must be between 1990 and 2100"))
    for day, name in _calendar(args, ctx).days_off(args.year, args.report_lang or ctx.lang):
        print(f"{day.isoformat()}\t{name}")
    return 0


def cmd_public_sector(args, ctx: Context) -> int:
    """Lists the government's public-sector days off not yet in the office's overrides; with
    ``--apply`` marks the faculty a state institution and adds them, in one transaction."""
    from desktop.models import settings
    from desktop.models import workdays as wd

    country = (args.country or "").upper() or None
    with ctx.db.session() as s:
        if args.apply:
            settings.put(s, "state_institution", True)
        country = country or settings.get(s, "country")
        decrees = wd.PUBLIC_SECTOR_DECREES.get(country, [])
        have = {(day, kind) for day, kind, _note in wd.load_overrides(s, country)}
        missing = [(day, kind) for day, kind, _note in decrees if (day, kind.value) not in have]
        added = wd.apply_public_sector_overrides(s, country) if args.apply else []
    for day, kind in missing:
        state = "added" if day in added else "not applied"
        print(f"{day.isoformat()}\t{kind.value}\t{state}")
    if not decrees:
        print(f"no public-sector days off are known for {country}")
    return 0
