"""Dates in each language, against strings written out by hand from the seeds (000 ky, 004 kk) and
Russian office usage. Nothing here is computed by the code under test."""

import datetime as dt

import pytest

from desktop import dates

D = dt.date


def test_table_form_is_the_same_everywhere():
    assert dates.table(D(2025, 9, 1)) == "01.09.2025"


@pytest.mark.parametrize("lang,day,expected", [
    ("ru", D(2025, 9, 1), "1 сентября 2025 г."),
    ("ru", D(2025, 12, 15), "15 декабря 2025 г."),
    ("ky", D(2025, 9, 1), "2025-жылдын 1-сентябры"),
    ("ky", D(2025, 12, 1), "2025-жылдын 1-декабры"),
    ("ky", D(2026, 4, 7), "2026-жылдын 7-апрели"),
    ("ky", D(2026, 6, 12), "2026-жылдын 12-июну"),
    ("ky", D(2026, 5, 1), "2026-жылдын 1-майы"),
    ("ky", D(2025, 8, 31), "2025-жылдын 31-августу"),
    ("kk", D(2025, 12, 12), "12 желтоқсан 2025 ж."),
    ("kk", D(2025, 9, 1), "1 қыркүйек 2025 ж."),
    ("en", D(2025, 9, 1), "1 September 2025"),
])
def test_long_form(lang, day, expected):
    assert dates.long(day, lang) == expected


@pytest.mark.parametrize("lang,day,expected", [
    ("ru", D(2025, 10, 1), "1 октября 2025 г."),
    ("ky", D(2025, 10, 1), "2025-жылдын 1-октябрына"),
    ("ky", D(2025, 12, 1), "2025-жылдын 1-декабрына"),
    ("ky", D(2026, 4, 20), "2026-жылдын 20-апрелине"),
    ("ky", D(2026, 7, 1), "2026-жылдын 1-июлуна"),
    ("kk", D(2025, 10, 1), "2025 жылғы 1 қазандағы"),
    ("kk", D(2025, 9, 1), "2025 жылғы 1 қыркүйектегі"),
    ("kk", D(2026, 4, 1), "2026 жылғы 1 сәуірдегі"),
    ("kk", D(2026, 7, 1), "2026 жылғы 1 шілдедегі"),
    ("kk", D(2025, 8, 5), "2025 жылғы 5 тамыздағы"),
])
def test_as_of_takes_the_case_the_phrase_needs(lang, day, expected):
    assert dates.as_of(day, lang) == expected


@pytest.mark.parametrize("lang,heading,expected", [
    ("ru", False, "сентябрь 2025"), ("ru", True, "Сентябрь 2025"),
    ("ky", False, "сентябрь, 2025"), ("ky", True, "Сентябрь, 2025"),
    ("kk", False, "2025 ж. қыркүйек"), ("kk", True, "2025 ж. қыркүйек"),
    ("en", False, "September 2025"),
])
def test_month_and_year(lang, heading, expected):
    assert dates.month_year(2025, 9, lang, heading=heading) == expected


@pytest.mark.parametrize("lang,first,last,expected", [
    ("ru", D(2025, 12, 15), D(2025, 12, 30), "15–30 декабря 2025 г."),
    ("ru", D(2025, 11, 25), D(2025, 12, 5), "25 ноября – 5 декабря 2025 г."),
    ("ru", D(2025, 12, 25), D(2026, 1, 5), "25 декабря 2025 г. – 5 января 2026 г."),
    ("ky", D(2021, 9, 16), D(2021, 9, 23), "2021-жылдын 16–23-сентябры"),
    ("kk", D(2025, 12, 15), D(2025, 12, 30), "15–30 желтоқсан 2025 ж."),
    ("kk", D(2025, 11, 24), D(2025, 12, 13), "24 қараша – 13 желтоқсан 2025 ж."),
])
def test_long_range(lang, first, last, expected):
    assert dates.long_range(first, last, lang) == expected


@pytest.mark.parametrize("lang,expected", [("ru", "14.08–27.08.2025"), ("ky", "14.08–27.08.2025"),
                                           ("kk", "14.08. - 27.08.2025 ж.")])
def test_table_range(lang, expected):
    assert dates.table_range(D(2025, 8, 14), D(2025, 8, 27), lang) == expected


def test_table_range_of_one_day_and_across_years():
    assert dates.table_range(D(2025, 8, 22), D(2025, 8, 22), "kk") == "22.08.2025 ж."
    assert dates.table_range(D(2025, 8, 22), D(2025, 8, 22), "ru") == "22.08.2025"
    assert dates.table_range(D(2025, 12, 28), D(2026, 1, 18), "ru") == "28.12.2025–18.01.2026"


# -- one module for every date job (issue 20, "one path per job") ------------------------------

def test_table_of_no_date_is_blank_or_the_given_mark():
    assert dates.table(None) == ""
    assert dates.table(None, "—") == "—"
    assert dates.table(D(2026, 1, 5), "—") == "05.01.2026"


def test_a_moment_with_and_without_seconds():
    moment = dt.datetime(2026, 11, 30, 9, 5, 7)
    assert dates.table_time(moment) == "30.11.2026 09:05"
    assert dates.table_time(moment, seconds=True) == "30.11.2026 09:05:07"


@pytest.mark.parametrize("text,expected", [("2026-02-28", D(2026, 2, 28)), (" 2024-02-29 ", D(2024, 2, 29))])
def test_parse_iso(text, expected):
    assert dates.parse_iso(text) == expected


@pytest.mark.parametrize("text", ["2026-02-29", "20260228", "2026-W09-6", "28.02.2026", "2026-2-28", ""])
def test_parse_iso_refuses_anything_but_yyyy_mm_dd(text):
    with pytest.raises(ValueError):
        dates.parse_iso(text)


@pytest.mark.parametrize("text,expected", [("17.11.2025", D(2025, 11, 17)), (" 7.1.2026 ", D(2026, 1, 7)),
                                           ("29.02.2024", D(2024, 2, 29))])
def test_parse_table(text, expected):
    assert dates.parse_table(text) == expected


@pytest.mark.parametrize("text", ["29.02.2026", "2026-02-28", "17/11/2025", "17.11.25", "32.01.2026", ""])
def test_parse_table_refuses(text):
    with pytest.raises(ValueError):
        dates.parse_table(text)


@pytest.mark.parametrize("text,expected", [("9:00", dt.time(9, 0)), ("09.30", dt.time(9, 30)), ("9", dt.time(9, 0)),
                                           ("23:59", dt.time(23, 59)), (" 14:05 ", dt.time(14, 5))])
def test_parse_time(text, expected):
    assert dates.parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "10:60", "9:5", "nine", "", "10:00:00"])
def test_parse_time_refuses(text):
    with pytest.raises(ValueError):
        dates.parse_time(text)


@pytest.mark.parametrize("year,month,last", [(2026, 2, 28), (2024, 2, 29), (2025, 12, 31), (2026, 4, 30)])
def test_month_end_and_bounds(year, month, last):
    assert dates.month_end(year, month) == D(year, month, last)
    assert dates.month_bounds(year, month) == (D(year, month, 1), D(year, month, last))


@pytest.mark.parametrize("day,year", [(D(2025, 9, 1), "2025-2026"), (D(2026, 8, 31), "2025-2026"),
                                      (D(2026, 11, 30), "2026-2027"), (D(2026, 1, 1), "2025-2026")])
def test_academic_year_of(day, year):
    assert dates.academic_year_of(day) == year


def test_academic_year_bounds_and_parsing():
    assert dates.academic_year_bounds(2025) == (D(2025, 9, 1), D(2026, 8, 31))
    assert dates.parse_academic_year("2025-2026") == (2025, 2026)
    assert dates.parse_year_month("2025-9") == (2025, 9)
    for bad in ("2025-2027", "2025/2026", "25-26"):
        with pytest.raises(ValueError):
            dates.parse_academic_year(bad)
    for bad in ("2025-13", "2025-00", "2025"):
        with pytest.raises(ValueError):
            dates.parse_year_month(bad)


def test_no_copies_of_the_date_jobs_outside_the_dates_module():
    """The table form, month ends, academic-year bounds and date fields each have one home:
    ``desktop/dates.py`` (no Qt) and ``views/common/forms.date_edit``."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "desktop"
    patterns = {
        "dd.mm.yyyy by hand": re.compile(r"""(strftime|strptime)\([^)]*["']%d\.%m\.%Y|:%d\.%m\.%Y\}"""),
        "month end by hand": re.compile(r"monthrange\("),
        "academic year bounds by hand": re.compile(r"date\([^()]*, 8, 31\)"),
        "raw QDateEdit": re.compile(r"QDateEdit\("),
        "the system's date in a window": re.compile(r"QDate\.currentDate\(\)"),
    }
    homes = {"dates.py", "views/common/forms.py"}
    found = [f"{path.relative_to(root)}:{n}: {what}"
             for path in sorted(root.rglob("*.py")) if path.relative_to(root).as_posix() not in homes
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             for what, pattern in patterns.items() if pattern.search(line)]
    assert found == []
