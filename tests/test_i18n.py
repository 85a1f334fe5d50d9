"""Catalogs are complete and consistent; every language resolves to a locale with month names."""

import datetime as dt
import sys
from pathlib import Path

import pytest

from desktop import i18n

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import i18n as catalogs  # noqa: E402


def test_no_empty_fuzzy_or_placeholder_mismatched_entries():
    assert catalogs.problems() == []


def test_every_extracted_string_is_in_the_catalogs():
    in_code = {msgid for msgid, _ctx in catalogs.extracted()}
    for lang in catalogs.LANGS:
        in_po = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogs.load(lang) if m.id}
        assert in_code - in_po == set(), f"run: python tools/i18n.py extract ({lang})"


@pytest.mark.parametrize("lang", ["ky", "kk", "ru"])
def test_language_resolves_with_month_names(lang):
    tr = i18n.translator(lang)
    assert tr("Staff") != "Staff"
    september = tr.month(9)
    assert september and september != "September"
    assert tr.date(dt.date(2025, 9, 1), "long")


def test_report_language_is_independent_of_the_interface():
    i18n.set_language("kk")
    assert i18n._("Staff") == "Қызметкерлер"
    assert i18n.translator("ru")("Staff") == "Сотрудники"
    assert i18n.translator("ky")("Staff") == "Кызматкерлер"


def test_compiles_from_po_without_a_manual_step(tmp_path, monkeypatch):
    monkeypatch.setenv("DEKANAT_DATA_DIR", str(tmp_path))
    i18n.reload_catalogs()
    assert i18n.translator("ru")("Quit") == "Выход"
