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


def test_plural_entries_need_every_form_of_the_language(tmp_path, monkeypatch, capsys):
    """``check`` flags a plural entry with an empty or missing form; ``missing`` lists one "" per form
    (ru 3, ky/kk 2); ``apply`` fills them from a list and refuses a list of the wrong length."""
    import json

    header = {
        "ky": "nplurals=2; plural=(n != 1);", "kk": "nplurals=2; plural=(n != 1);",
        "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    }
    entry = ('\nmsgid "{n} day"\nmsgid_plural "{n} days"\n' + "msgstr[0] \"{n} күн\"\nmsgstr[1] \"\"\n")
    for lang, forms in header.items():
        path = tmp_path / lang / "LC_MESSAGES" / "dekanat.po"
        path.parent.mkdir(parents=True)
        path.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                        f'"Plural-Forms: {forms}\\n"\n' + entry, encoding="utf-8")
    monkeypatch.setattr(catalogs, "po_path", lambda lang: tmp_path / lang / "LC_MESSAGES" / "dekanat.po")
    assert sorted(p.split(":")[0] for p in catalogs.problems() if "untranslated" in p) == ["kk", "ky", "ru"]
    catalogs.cmd_missing([])
    listed = json.loads(capsys.readouterr().out)
    assert listed == {"{n} day": {"ky": ["", ""], "kk": ["", ""], "ru": ["", "", ""]}}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"{n} day": {"ru": ["{n} день", "{n} дня"]}}), encoding="utf-8")
    with pytest.raises(SystemExit, match="3 plural forms"):
        catalogs.cmd_apply(str(bad))
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"{n} day": {"ky": "{n} күн", "kk": ["{n} күн", "{n} күн"],
                                            "ru": ["{n} день", "{n} дня", "{n} дней"]}}), encoding="utf-8")
    catalogs.cmd_apply(str(good))
    assert catalogs.problems() == []
    ru = {m.id[0]: m.string for m in catalogs.load("ru") if m.id}
    assert ru["{n} day"] == ("{n} день", "{n} дня", "{n} дней")
    # The compiled catalog picks the form by the header's formula.
    import gettext
    import io

    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalogs.load("ru"))
    out.seek(0)
    t = gettext.GNUTranslations(out)
    assert [t.ngettext("{n} day", "{n} days", n).format(n=n) for n in (1, 3, 5, 21, 22, 111)] == \
        ["1 день", "3 дня", "5 дней", "21 день", "22 дня", "111 дней"]
