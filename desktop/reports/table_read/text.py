"""Text as offices type it: invisible and odd characters cleaned, Latin look-alike letters in Cyrillic
words folded, and the signature and approval lines under a table recognised."""

from __future__ import annotations

import re

# Control characters, zero-width characters, bidirectional marks and overrides, the BOM.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\n]+")


def clean_text(text: str) -> str:
    """A cell's text as the user means it: invisible characters gone, odd spaces made one space."""
    text = _INVISIBLE.sub("", text)
    return " ".join(_SPACES.sub(" ", text).split(" ")).strip()


# Latin letters that look like Cyrillic ones (upper and lower case).
LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxyY", "АаВСсЕеНКМОоРрТХхуУ")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")


def fold_lookalikes(text: str) -> str:
    """Latin look-alike letters inside words that also hold Cyrillic letters become Cyrillic."""
    if not _CYRILLIC.search(text):
        return text
    return _WORD.sub(lambda m: m.group(0).translate(LOOKALIKES) if _CYRILLIC.search(m.group(0)) else m.group(0),
                     text)


def fold_key(text: str) -> str:
    """A comparison key where every look-alike letter is Cyrillic ("MAT-1-25" = "МАТ-1-25")."""
    return clean_text(text).translate(LOOKALIKES).casefold()


# Signature and approval lines ---------------------------------------------------------------------

SIGNATURE_WORDS = (
    # ru
    "декан", "заместитель", "зам", "методист", "заведующий", "зав", "исполнитель", "исп", "подпись", "ректор",
    "проректор", "секретарь", "составил", "согласовано", "утверждаю", "председатель", "начальник", "мп",
    # ky
    "деканы", "деканаттын", "деканатынын", "орун басары", "басары", "методисти", "башчысы", "аткаруучу", "колу",
    "колдо",
    "түзгөн", "макулдашылды", "бекитемин", "катчы", "төрагасы",
    # kk
    "деканның", "орынбасары", "әдіскер", "әдіскері", "меңгерушісі", "орындаушы", "қолы", "құрастырған",
    "келісілді", "бекітемін", "хатшы", "төрағасы",
    # en
    "dean", "signature", "signed", "approved", "head", "secretary",
)
_SIGNATURE_TOKENS = {w for w in SIGNATURE_WORDS if " " not in w}
_SIGNATURE_PHRASES = [w for w in SIGNATURE_WORDS if " " in w]
_UNDERSCORES = re.compile(r"_{3,}")
_MP = re.compile(r"(?<!\w)[МM]\.\s*[ПP]\.?(?!\w)")
_LONE_DATE = re.compile(r"^[«\"„]?\s*\d{1,2}\s*[»\"“]?\s*[./\-\s]\s*[\w.]+\s*[./\-\s]?\s*\d{2,4}\s*"
                        r"(?:г\.?|ж\.?|жыл\w*)?$")


def is_signature_line(texts: list[str]) -> bool:
    """A line under a table that signs, approves or dates it: "Декан факультета ____ Сопуев У.А.",
    "Деканаттын методисти", "М.П.", "«12» мая 2025 г."."""
    texts = [t for t in texts if t]
    if not texts:
        return False
    for text in texts:
        if "@" in text:
            continue  # an e-mail address ("head@...") signs nothing
        if _UNDERSCORES.search(text) or _MP.search(text):
            return True
        low = text.casefold().replace("ё", "е")
        tokens = re.findall(r"[^\W\d_]+", low)
        if any(t in _SIGNATURE_TOKENS for t in tokens[:3]):  # "Декан факультета", "Факультеттин деканы"
            return True
        if any(low.startswith(p) for p in _SIGNATURE_PHRASES):
            return True
    return len(texts) == 1 and bool(_LONE_DATE.match(texts[0].strip()))

