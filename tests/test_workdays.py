"""The working-day engine against the official 2025 and 2026 days off of KG, KZ and RU."""

import datetime as dt

import pytest

from desktop.models.workdays import OverrideKind, WorkCalendar, set_override, teaching_week, work_calendar

D = dt.date


def _off(days: str, year: int) -> set[dt.date]:
    return {D(year, int(md[:2]), int(md[3:])) for md in days.split()}


# Holidays and moved days off (not plain weekends), written out by hand from the official sources:
# RU: Labour Code art. 112; Government resolution No. 1335 of 04.10.2024 "On moving days off in 2025"
#     and the Government resolution of 24.09.2025 "On moving days off in 2026" (3 and 4 January moved
#     to Friday 9 January and Thursday 31 December; 23 February, 9 March and 11 May Mondays off).
# KG: Labour Code art. 113 (holidays) and the Cabinet of Ministers' resolutions moving days off for
#     each year (New Year and Nooruz/Victory Day bridges, Orozo ait and Kurman ait as the Cabinet sets
#     them), as published in the Ministry of Labour's production calendars for 2025 and 2026.
# KZ: Law "On holidays in the Republic of Kazakhstan" No. 267-II of 13.12.2001; Labour Code art. 85
#     (a holiday on a day off moves to the next working day); the Government's resolutions on moving
#     days off in 2025 (3 January worked on Sunday 5 January) and 2026 (none moved by resolution).
# Public-sector days off (Kyrgyzstan 8-9 January 2026) are not here: they bind state institutions
# only and are tested below as an office override.
OFFICIAL = {
    ("RU", 2025): "01-01 01-02 01-03 01-04 01-05 01-06 01-07 01-08 02-23 03-08 05-01 05-02 05-08 05-09 "
                  "06-12 06-13 11-03 11-04 12-31",
    ("RU", 2026): "01-01 01-02 01-03 01-04 01-05 01-06 01-07 01-08 01-09 02-23 03-08 03-09 05-01 05-09 05-11 "
                  "06-12 11-04 12-31",
    ("KG", 2025): "01-01 01-02 01-03 01-06 01-07 03-08 03-21 03-30 05-01 05-02 05-03 05-04 05-05 05-06 05-07 "
                  "05-08 05-09 06-06 08-31",
    ("KG", 2026): "01-01 01-02 01-03 01-04 01-05 01-06 01-07 03-08 03-20 03-21 05-01 05-02 05-03 05-04 05-05 "
                  "05-06 05-07 05-08 05-09 05-27 08-31",
    ("KZ", 2025): "01-01 01-02 01-03 01-07 03-08 03-10 03-21 03-22 03-23 03-24 03-25 05-01 05-07 05-09 06-06 "
                  "07-06 07-07 08-30 09-01 10-25 10-27 12-16",
    ("KZ", 2026): "01-01 01-02 01-07 03-08 03-09 03-21 03-22 03-23 03-24 03-25 05-01 05-07 05-09 05-11 05-27 "
                  "07-06 10-25 10-26 12-16",
}


@pytest.mark.parametrize("country,year", sorted(OFFICIAL))
def test_days_off_match_the_official_calendar(country, year):
    cal = WorkCalendar(country)
    assert {d for d, _name in cal.days_off(year)} == _off(OFFICIAL[country, year], year)


def test_kazakhstan_moves_a_holiday_on_a_day_off_to_the_next_working_day():
    cal = WorkCalendar("KZ")
    for day in (D(2026, 3, 9), D(2026, 3, 24), D(2026, 3, 25), D(2026, 5, 11), D(2026, 10, 26)):
        assert cal.is_day_off(day), day
    # March 8 2026 is a Sunday -> Monday 9th off; Nowruz 21-23 (Sat-Mon) -> 24th and 25th off.
    assert D(2026, 3, 8).weekday() == 6
    assert cal.is_working_day(D(2026, 3, 10)) and cal.is_working_day(D(2026, 3, 26))


def test_working_saturdays_from_the_package():
    assert WorkCalendar("RU").is_working_day(D(2025, 11, 1))  # Saturday worked for 3 November
    assert WorkCalendar("KZ").is_working_day(D(2025, 1, 5))  # Sunday worked for 3 January
    assert WorkCalendar("KG").is_working_day(D(2025, 1, 11))


def test_add_working_days_and_calendar_days():
    kz = WorkCalendar("KZ")
    # Friday 20 March 2026: next working day is Thursday 26 (21-25 off).
    assert kz.add_working_days(D(2026, 3, 20), 1) == D(2026, 3, 26)
    assert kz.add_working_days(D(2026, 3, 20), 5) == D(2026, 4, 1)
    assert kz.add_working_days(D(2026, 3, 26), -1) == D(2026, 3, 20)
    assert kz.add_working_days(D(2026, 3, 21), 0) == D(2026, 3, 26)
    assert kz.add_calendar_days(D(2026, 3, 20), 22) == D(2026, 4, 11)
    assert kz.add_calendar_days(D(2026, 3, 20), 22, roll_forward=True) == D(2026, 4, 13)


def test_working_days_between_is_inclusive():
    ru = WorkCalendar("RU")
    assert ru.working_days_between(D(2026, 1, 1), D(2026, 1, 31)) == 15  # official: 15 working days
    assert ru.working_days_between(D(2026, 1, 12), D(2026, 1, 12)) == 1
    assert ru.working_days_between(D(2026, 1, 12), D(2026, 1, 11)) == 0


def test_teaching_week_numbers():
    start = D(2025, 9, 1)  # Monday
    assert teaching_week(D(2025, 9, 1), start) == 1
    assert teaching_week(D(2025, 9, 7), start) == 1
    assert teaching_week(D(2025, 9, 8), start) == 2
    assert teaching_week(D(2025, 12, 13), start) == 15
    assert teaching_week(D(2025, 9, 3), D(2025, 9, 3)) == 1  # a term starting mid-week


def test_office_overrides(session):
    set_override(session, "KZ", D(2026, 4, 3), OverrideKind.DAY_OFF, "Decree No 12")
    set_override(session, "KZ", D(2026, 3, 28), OverrideKind.WORKING_DAY, "Working Saturday")
    cal = work_calendar(session, "KZ")
    assert cal.is_day_off(D(2026, 4, 3))
    assert cal.is_working_day(D(2026, 3, 28))
    assert (D(2026, 4, 3), "Decree No 12") in cal.days_off(2026)
    assert cal.add_working_days(D(2026, 3, 20), 1) == D(2026, 3, 26)
    set_override(session, "KZ", D(2026, 4, 3), None)
    assert work_calendar(session, "KZ").is_working_day(D(2026, 4, 3))


@pytest.mark.parametrize("lang,expected", [
    ("ru", "Наурыз мейрамы"), ("kk", "Наурыз мейрамы"), ("en", "Nowruz Holiday")])
def test_holiday_names_in_every_language(lang, expected):
    names = dict(WorkCalendar("KZ").days_off(2026, lang))
    assert names[D(2026, 3, 21)] == expected


def test_russian_names_for_kazakhstan_come_from_our_catalogs():
    names = dict(WorkCalendar("KZ").days_off(2026, "ru"))
    assert names[D(2026, 3, 24)] == "Наурыз мейрамы (перенесённый выходной)"
    assert names[D(2026, 7, 6)] == "День столицы"
    kg = dict(WorkCalendar("KG").days_off(2026, "kk"))
    assert all(name and not name.isascii() for name in kg.values())


def test_cli_workdays(cli, db_path):
    db = str(db_path)
    out = cli("--database", db, "workdays", "add", "--country", "KZ", "--from", "2026-03-20", "--days", "1")
    assert out.returncode == 0 and out.stdout.strip() == "2026-03-26"
    out = cli("--database", db, "workdays", "add", "--country", "KZ", "--from", "2026-03-20", "--days", "22",
              "--calendar-days")
    assert out.stdout.strip() == "2026-04-11"
    out = cli("--database", db, "workdays", "between", "--country", "RU", "2026-01-01", "2026-01-31")
    assert out.stdout.strip() == "15"
    out = cli("--database", db, "workdays", "holidays", "--country", "KZ", "--year", "2026", "--lang", "ru")
    assert "2026-03-09\tХалықаралық әйелдер күні" not in out.stdout
    assert "2026-05-11\tДень Победы (перенесённый выходной)" in out.stdout.splitlines()
    bad = cli("--database", db, "workdays", "add", "--country", "XX", "--from", "2026-03-20", "--days", "1")
    assert bad.returncode == 2


def test_kazakh_holiday_names_come_from_our_catalog_not_the_package():
    names = dict(WorkCalendar("KZ").days_off(2026, "kk"))
    assert names[D(2026, 5, 27)] == "Құрбан айт (болжамды)"
    assert names[D(2026, 10, 26)] == "Республика күні (ауыстырылған демалыс)"
    assert names[D(2026, 5, 7)] == "Отан қорғаушы күні"
    assert not any("бағаланған" in n or "қайта белгіленген" in n for n in names.values())


@pytest.mark.parametrize("country,lang,day", [("KZ", "kk", (10, 25)), ("KZ", "ru", (10, 25)), ("KG", "ky", (8, 31)),
                                              ("KG", "ru", (3, 8)), ("RU", "ru", (6, 12))])
def test_one_name_per_holiday_across_years(country, lang, day):
    cal = WorkCalendar(country)
    seen = {dict(cal.days_off(year, lang))[D(year, *day)] for year in (2024, 2025, 2026, 2027)}
    assert len(seen) == 1, seen


def test_kyrgyz_state_institutions_get_8_and_9_january_2026_off_when_they_ask(session):
    from desktop.models import settings
    from desktop.models.workdays import apply_public_sector_overrides, public_sector_overrides_to_offer

    settings.put(session, "country", "KG")
    # Not a state institution: nothing offered, the general calendar holds.
    assert public_sector_overrides_to_offer(session) == []
    assert work_calendar(session).is_working_day(D(2026, 1, 8))
    settings.put(session, "state_institution", True)
    offered = public_sector_overrides_to_offer(session)
    assert [(day, kind) for day, kind, _note in offered] == [
        (D(2026, 1, 8), OverrideKind.DAY_OFF), (D(2026, 1, 9), OverrideKind.DAY_OFF),
        (D(2026, 2, 7), OverrideKind.WORKING_DAY), (D(2026, 4, 25), OverrideKind.WORKING_DAY)]
    assert apply_public_sector_overrides(session) == [D(2026, 1, 8), D(2026, 1, 9), D(2026, 2, 7), D(2026, 4, 25)]
    cal = work_calendar(session)
    assert cal.is_day_off(D(2026, 1, 8)) and cal.is_day_off(D(2026, 1, 9))
    assert cal.is_working_day(D(2026, 2, 7)) and cal.is_working_day(D(2026, 4, 25))  # Saturdays worked
    # New Year days off then run from 1 to 11 January: the first working day is Monday 12 January.
    assert cal.next_working_day(D(2026, 1, 1)) == D(2026, 1, 12)
    # Offered once: applied days are not offered again, and Kazakhstan has no such decree here.
    assert public_sector_overrides_to_offer(session) == []
    assert public_sector_overrides_to_offer(session, "KZ") == []


def test_public_sector_days_from_the_command_line(cli, db_path):
    db = db_path
    r = cli("--database", str(db), "workdays", "public-sector", "--country", "KG")
    assert r.returncode == 0, r.stderr
    assert "2026-01-08\tday_off\tnot applied" in r.stdout
    assert cli("--database", str(db), "workdays", "add", "--country", "KG", "--from", "2026-01-07",
               "--days", "1").stdout.strip() == "2026-01-08"
    r = cli("--database", str(db), "workdays", "public-sector", "--country", "KG", "--apply")
    assert r.returncode == 0, r.stderr
    assert "2026-01-09\tday_off\tadded" in r.stdout and "2026-04-25\tworking_day\tadded" in r.stdout
    assert cli("--database", str(db), "workdays", "add", "--country", "KG", "--from", "2026-01-07",
               "--days", "1").stdout.strip() == "2026-01-12"
