"""Translation catalogs: extract, check, list missing, apply translations.

    python tools/i18n.py extract            # scan desktop/, update the .po files (sorted, no locations)
    python tools/i18n.py missing [LANG]     # msgids with no translation, as JSON {msgid: {ky,kk,ru}}
    python tools/i18n.py apply FILE.json    # fill translations from {msgid: {"ky": .., "kk": .., "ru": ..}}

Plural entries (``ngettext``) are keyed by their singular msgid; ``missing`` shows them as a list
with one "" per plural form of the language (ru 3: 1 / 2-4 / 5+ as in the header's formula;
ky, kk 2, both the same form since nouns do not inflect after numerals), and ``apply`` takes
such a list (a single string fills every form).
    python tools/i18n.py check              # empty, fuzzy, placeholder mismatches (exit 1)
    python tools/i18n.py compile            # write .mo files next to the .po files (for packaging)
    python tools/i18n.py merge BASE OURS THEIRS  # git merge driver: union of entries

The .po files are kept sorted by msgid without source references, so two branches
adding different strings merge without conflicts in most cases.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ky", "kk", "ru")
KEYWORDS = {"_": None, "N_": None, "tr": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "NC_": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
CTX = "\x04"  # a message with a context is keyed "context\x04msgid" in missing/apply JSON, as in .mo files
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sd]|%[sd]")
HEADER = {
    "ky": ("Kyrgyz", "nplurals=2; plural=(n != 1);"),
    "kk": ("Kazakh", "nplurals=2; plural=(n != 1);"),
    "ru": ("Russian", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
                      "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
}


def po_path(lang: str) -> Path:
    return ROOT / "translations" / lang / "LC_MESSAGES" / "dekanat.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if path.exists():
        with open(path, "rb") as fh:
            return read_po(fh, locale=lang)
    return Catalog(locale=lang, domain="dekanat")


def save(catalog: Catalog, path: Path) -> None:
    catalog.project = "Dekanat"
    catalog.version = ""
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "Dekanat"
    catalog.creation_date = catalog.revision_date = __import__("datetime").datetime(2025, 9, 1)
    catalog.fuzzy = False
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    write_po(out, catalog, width=0, no_location=True, sort_output=True, omit_header=False, ignore_obsolete=True,
             include_previous=False)
    text = out.getvalue().decode("utf-8")
    # Drop volatile header lines so branches do not conflict on them.
    text = re.sub(r'^"(POT-Creation-Date|PO-Revision-Date|Generated-By|Last-Translator|Language-Team): .*\\n"\n',
                  "", text, flags=re.M)
    text = re.sub(r"^#, fuzzy\n(?=msgid \"\"\n)", "", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def extracted() -> dict[str, set]:
    found: dict = {}
    for _filename, _lineno, message, _comments, context in extract_from_dir(
        str(ROOT / "desktop"), method_map=[("**.py", "python")], keywords=KEYWORDS, strip_comment_tags=True
    ):
        key = (message, context) if isinstance(message, str) else (message[0], context)
        found.setdefault(key, message)
    # The command line's help texts are plain English where they are registered; the parser is
    # built to collect them (desktop/cli/language.py translates the built parser).
    sys.path.insert(0, str(ROOT))
    from desktop.cli.language import help_texts

    for text in help_texts():
        found.setdefault((text, None), text)
    return found


def cmd_extract() -> None:
    messages = extracted()
    for lang in LANGS:
        old = load(lang)
        new = Catalog(locale=lang, domain="dekanat")
        for (msgid, context), message in sorted(messages.items(), key=lambda x: (x[0][0], x[0][1] or "")):
            prev = old.get(msgid, context=context)
            new.add(message, prev.string if prev else ("", "") if isinstance(message, tuple) else "",
                    context=context, flags=prev.flags if prev else ())
        save(new, po_path(lang))
    print(f"{len(messages)} messages; missing: " + ", ".join(f"{lang} {len(missing(lang))}" for lang in LANGS))


def key(m) -> str:
    ident = m.id if isinstance(m.id, str) else m.id[0]
    return f"{m.context}{CTX}{ident}" if m.context else ident


def missing(lang: str) -> list[str]:
    return [key(m) for m in load(lang)
            if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)) or "fuzzy" in m.flags)]


def cmd_missing(langs) -> None:
    result: dict[str, dict] = {}
    for lang in langs or LANGS:
        catalog = load(lang)
        for msgid in missing(lang):
            plural = next((m for m in catalog if isinstance(m.id, tuple) and key(m) == msgid), None)
            result.setdefault(msgid, {})[lang] = [""] * catalog.num_plurals if plural else ""
    print(json.dumps(result, ensure_ascii=False, indent=1))


def cmd_apply(path: str) -> None:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for lang in LANGS:
        catalog = load(lang)
        n = 0
        for message in catalog:
            value = data.get(key(message), {}).get(lang)
            if value:
                if isinstance(message.id, tuple):
                    if isinstance(value, list) and len(value) != catalog.num_plurals:
                        raise SystemExit(f"{lang}: {key(message)!r} needs {catalog.num_plurals} plural forms, "
                                         f"not {len(value)}")
                    message.string = tuple(value) if isinstance(value, list) else (value,) * catalog.num_plurals
                else:
                    message.string = value
                message.flags.discard("fuzzy")
                n += 1
        save(catalog, po_path(lang))
        print(f"{lang}: {n} translations applied")


def problems() -> list[str]:
    found = []
    for lang in LANGS:
        catalog = load(lang)
        for m in catalog:
            if not m.id:
                continue
            ident = key(m).replace(CTX, " | ")
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if isinstance(m.id, tuple) and len(strings) != catalog.num_plurals:
                found.append(f"{lang}: {len(strings)} plural forms, not {catalog.num_plurals}: {ident!r}")
            if "fuzzy" in m.flags:
                found.append(f"{lang}: fuzzy: {ident!r}")
            if not all(strings):
                found.append(f"{lang}: untranslated: {ident!r}")
                continue
            want = sorted(PLACEHOLDER.findall(m.id if isinstance(m.id, str) else m.id[0]))
            for s in strings:
                if sorted(PLACEHOLDER.findall(s)) != want:
                    found.append(f"{lang}: placeholders differ in {ident!r}: {s!r}")
    return found


def cmd_compile() -> None:
    for lang in LANGS:
        out = io.BytesIO()
        write_mo(out, load(lang), use_fuzzy=False)
        po_path(lang).with_suffix(".mo").write_bytes(out.getvalue())


def cmd_merge(base: str, ours: str, theirs: str) -> int:
    """Three-way merge of two versions of a catalog (a git merge driver); the result is written
    to OURS. An entry one side added is kept; an entry one side changed from BASE takes that side's
    text (OURS wins when both changed it); an entry one side removed and the other left alone goes."""
    def read(p):
        try:
            with open(p, "rb") as fh:
                return read_po(fh)
        except FileNotFoundError:
            return Catalog()

    o, a, b = read(base), read(ours), read(theirs)

    def key(m):
        return (m.id, m.context)

    base_entries = {key(m): m for m in o if m.id}
    ours_entries = {key(m): m for m in a if m.id}
    for m in b:
        if not m.id:
            continue
        k = key(m)
        mine, old = ours_entries.get(k), base_entries.get(k)
        if mine is None:
            if old is None or old.string != m.string:
                a.add(m.id, m.string, context=m.context, flags=m.flags)  # added (or changed) by theirs
            # else: ours removed an entry theirs left alone
        elif mine.string != m.string:
            if old is not None and mine.string == old.string:
                mine.string = m.string  # only theirs changed it
            elif not mine.string and m.string:
                mine.string = m.string
    theirs_keys = {key(m) for m in b if m.id}
    for k, old in base_entries.items():
        mine = ours_entries.get(k)
        if k not in theirs_keys and mine is not None and mine.string == old.string:
            a.delete(old.id, context=old.context)  # theirs removed it, ours left it alone
    save(a, Path(ours))
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "extract":
        cmd_extract()
    elif cmd == "missing":
        cmd_missing(rest)
    elif cmd == "apply":
        cmd_apply(rest[0])
    elif cmd == "check":
        found = problems()
        print("\n".join(found) or "ok")
        return 1 if found else 0
    elif cmd == "compile":
        cmd_compile()
    elif cmd == "merge":
        return cmd_merge(*rest[:3])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
