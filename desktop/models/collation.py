"""The office's alphabetical order, by each language's alphabet (not by code point).

Kyrgyz: а б в г д е ё ж з и й к л м н ң о ө п р с т у ү ф х ц ч ш щ ъ ы ь э ю я.
Kazakh: а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я.
Russian: а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я (ё sorts with е
as the office's lists do, before it only on a tie).

One key for every printed list, Excel export and table sort in the window: ``sort_key(text, lang)``.
"""

from __future__ import annotations

from functools import cache

ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "ky": "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
}
ALPHABETS["en"] = ALPHABETS["ru"]


@cache
def _ranks(lang: str) -> dict[str, int]:
    alphabet = ALPHABETS.get(lang, ALPHABETS["ru"])
    ranks = {ch: i for i, ch in enumerate(alphabet)}
    if lang in ("ru", "en"):
        ranks["ё"] = ranks["е"]
    # Letters of the other alphabets that a name may still carry sort right after their base letter.
    base = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "ы"}
    for ch, b in base.items():
        ranks.setdefault(ch, ranks[b])
    return ranks


def sort_key(text: str | None, lang: str) -> tuple:
    """A key that orders ``text`` by ``lang``'s alphabet; Latin letters and digits after Cyrillic
    keep their usual order, case and punctuation count only on a tie."""
    if not text:
        return ((), "")
    ranks = _ranks(lang)
    folded = text.casefold()
    primary = []
    for ch in folded:
        if ch in ranks:
            primary.append(ranks[ch])
        elif ch.isalnum():
            primary.append(1000 + ord(ch))
        # spaces, hyphens and dots are ignored at the first level
    return (tuple(primary), folded, text)


def sort_string(text: str | None, lang: str) -> str:
    """The same order as :func:`sort_key`, as a string compared code point by code point (for a
    Qt proxy's sort role: a plain ``<`` on these strings is the language's alphabetical order)."""
    if not text:
        return ""
    ranks = _ranks(lang)
    out = []
    for ch in text.casefold():
        if ch in ranks:
            out.append(chr(0x4E00 + ranks[ch]))  # above every Latin letter and digit
        elif ch.isalnum():
            out.append(ch)
    return "".join(out) + "\u0001" + text.casefold()
