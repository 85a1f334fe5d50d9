"""Typography an office would not correct by hand: where a word may break, and names that keep
their initials.

- Russian (and English) words break where Pyphen's dictionaries allow.
- Kyrgyz and Kazakh words break only between syllables, by the vowel rule: a syllable holds one
  vowel, and the consonant just before a vowel opens the next syllable (тап-сыр-ма-ла-рын,
  Жос-пар-лан-ған); a break never leaves fewer than two letters on either side.
- Initials stay with the surname: "Иванова Е.С." is written with no-break spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise

NBSP = "\u00a0"
VOWELS = set("аеёиоуыэюяәөүұіАЕЁИОУЫЭЮЯӘӨҮҰІ" "aeiouyAEIOUY")
SILENT = set("ьъЬЪ")  # stay with the consonant before them
MIN_PART = 2

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# "Иванова Е.С." / "Иванова Е. С." (a capitalised surname, then one or two capital initials)
_INITIALS_AFTER = re.compile(rf"(?<!\S)([{_UPPER}][^\W\d_]+|уулу|кызы) +"
                             rf"((?:[{_UPPER}]\. ?)?[{_UPPER}]\.)(?=\s|$|,|;|\))")
# "Е.С. Иванова" / "Е. С. Иванова"
_INITIALS_BEFORE = re.compile(rf"(?<!\S)((?:[{_UPPER}]\. ?)?[{_UPPER}]\.) +(?=[{_UPPER}][^\W\d_]+)")


def keep_initials(text: str) -> str:
    """No line break between a surname and its initials, either order ("Иванова Е.С.", "Е. С. Иванова")."""
    if not text:
        return ""

    def after(m: re.Match) -> str:
        return f"{m.group(1)}{NBSP}{m.group(2).replace(' ', NBSP)}"

    def before(m: re.Match) -> str:
        return m.group(1).replace(" ", NBSP) + NBSP

    text = _INITIALS_AFTER.sub(after, text)
    return _INITIALS_BEFORE.sub(before, text)


def syllable_breaks(word: str) -> list[int]:
    """Positions inside ``word`` where a Kyrgyz or Kazakh word may break (vowel rule)."""
    vowels = [i for i, ch in enumerate(word) if ch in VOWELS]
    breaks = []
    for a, b in pairwise(vowels):
        if b - a == 1:
            at = b  # two vowels side by side: between them
        else:
            at = b - 1  # the consonant before the vowel opens the next syllable
            while at > a + 1 and word[at] in SILENT:
                at -= 1
            if word[at] in SILENT:
                at += 1
        if MIN_PART <= at <= len(word) - MIN_PART and word[:at].isalpha() and word[at:].isalpha():
            breaks.append(at)
    return breaks


@cache
def _pyphen(lang: str):
    import pyphen

    return pyphen.Pyphen(lang={"ru": "ru_RU", "en": "en_US"}.get(lang, lang), left=MIN_PART, right=MIN_PART)


KYRGYZ_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def guess_language(word: str) -> str:
    """For a report whose language is not known: Kazakh/Kyrgyz by their letters, else Russian for
    Cyrillic, English for Latin."""
    if any(ch in KYRGYZ_KAZAKH_LETTERS for ch in word):
        return "kk"
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        return "ru"
    return "en"


def break_points(word: str, lang: str | None) -> list[int]:
    """Where ``word`` may be hyphenated in ``lang`` (ascending positions; ``None``: guessed per word)."""
    if lang is None:
        lang = guess_language(word)
    if lang in ("ky", "kk"):
        return syllable_breaks(word)
    if lang in ("ru", "en"):
        return list(_pyphen(lang).positions(word))
    return []


def hyphenate(word: str, lang: str) -> str:
    """``word`` with every break point shown as "-" (for tests and the look of a word)."""
    out, last = [], 0
    for at in break_points(word, lang):
        out.append(word[last:at])
        last = at
    out.append(word[last:])
    return "-".join(out)


def hyphenator(lang: str | None) -> Callable[[str], Iterator[tuple[str, str]]]:
    """ReportLab's hyphenation callable for ``lang``: (head, tail) pairs, the longest head first."""
    def pairs(word: str) -> Iterator[tuple[str, str]]:
        for at in reversed(break_points(word, lang)):
            yield word[:at], word[at:]

    return pairs


def fit_word(word: str, lang: str, fits: Callable[[str], bool]) -> list[str]:
    """``word`` cut at its break points into pieces that ``fits`` (each but the last ending in "-");
    a piece with no break point left stays whole (it may overflow, never split without a hyphen)."""
    if fits(word):
        return [word]
    points = break_points(word, lang)
    pieces, start = [], 0
    while True:
        best = None
        for at in points:
            if at > start and fits(word[start:at] + "-"):
                best = at
        if best is None:
            pieces.append(word[start:])
            return pieces
        pieces.append(word[start:best] + "-")
        start = best
        if fits(word[start:]):
            pieces.append(word[start:])
            return pieces
