"""Checks on an Office file (.xlsx, .docx: a zip of XML parts) before any XML is parsed.

A zip bomb (a small file declaring hundreds of MB) is refused from the zip directory alone, and
an XML part carrying a DTD (``<!DOCTYPE`` / ``<!ENTITY``: the "billion laughs" entity bomb) is
refused outright: Office never writes DTDs, so no real file is lost.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.i18n import _

MAX_UNCOMPRESSED = 300 * 1024 * 1024  # no real student list or work plan comes near this
MAX_RATIO = 200  # XML compresses ~10-20×; a zip bomb compresses thousands of times
_PROLOGUE = 4096  # a DTD sits before the root element, at the very start of a part


def package_problem(path: Path) -> str | None:
    """What is wrong with the package (translated), or None. BadZipFile for what is no zip at all."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > MAX_UNCOMPRESSED or (total > 20 * 1024 * 1024 and total / packed > MAX_RATIO):
            return _("{file}: refused, it would unpack to {size} MB (a damaged or malicious file).").format(
                file=path.name, size=total // (1024 * 1024))
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                with z.open(info) as part:
                    head = part.read(_PROLOGUE)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    return _("{file}: refused, its part {part} declares XML entities (a malicious file).").format(
                        file=path.name, part=info.filename)
    return None
