"""Rules that came out of the Kyrgyz/Kazakh/Russian language review (issue 19)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIXED = re.compile(r"\b\w*(?:[A-Za-z][А-Яа-яЁёӨөҮүҢңҚқҒғІіӘәҰұҺһ]|[А-Яа-яЁёӨөҮүҢңҚқҒғІіӘәҰұҺһ][A-Za-z])\w*\b")


def test_demo_texts_do_not_mix_latin_and_cyrillic_letters_in_one_word():
    # "FХ бағаcын" (Cyrillic Х in FX, Latin c in бағасын) printed in the demo calendar and could not be found.
    found = []
    for path in sorted((ROOT / "desktop" / "models" / "demo").glob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for word in MIXED.findall(re.sub(r"\\[ntr]", " ", line)):
                found.append(f"{path.name}:{lineno}: {word}")
    assert found == []


def test_record_history_shows_labels_and_dates_not_codes():
    # The Russian review: the history dialog printed "Статус: done; Срок: {"kind": "months", ...}".
    from desktop import i18n
    from desktop.views.common.history import shown_value

    i18n.set_language("ru")
    try:
        assert shown_value("status", "done") == "Выполнено"
        assert shown_value("status", "academic_leave") == "Академический отпуск"
        assert shown_value("deadline", '{"kind": "months", "months": [[2025, 9], [2025, 10]]}') == \
            "Сентябрь, октябрь 2025"
        assert shown_value("birth_date", "2005-03-08") == "08.03.2005"
        assert shown_value("text", "Жаңы иш-чара") == "Жаңы иш-чара"
    finally:
        i18n.set_language("en")


def test_catalogs_quote_with_guillemets():
    # Russian, Kyrgyz and Kazakh typography quotes «…»; the reviews found 12 strings per catalog with “…”.
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import i18n as catalog_tool

    found = []
    for lang in ("ky", "kk", "ru"):
        for m in catalog_tool.load(lang):
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if m.id and any(re.search(r"[“”]|\"\w", s) for s in strings):
                found.append(f"{lang}: {strings[0]}")
    assert found == []
