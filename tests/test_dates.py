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
