"""What a file is, from its first bytes: a workbook, an old or encrypted one, a web page, text; and
what is not a regular file, refused before it is opened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop.i18n import _
from desktop.models.base import DomainError

ROW_LIMIT = 100_000  # the default of the "import_row_limit" setting
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class TableRefused(DomainError):
    """The file cannot be read as a table; the message says what it is and what to do."""


def check_regular_file(path: Path) -> None:
    """Refuse at once what is not a regular file (a FIFO, a device, a folder, a link to one):
    opening a FIFO would block forever."""
    try:
        st = os.stat(path)  # follows a symbolic link to what it points at
    except OSError as exc:
        raise TableRefused(_("{file}: no such file.").format(file=path.name)) from exc
    if not stat.S_ISREG(st.st_mode):
        raise TableRefused(_("{file} is not a regular file (a pipe, a device or a folder); save the list as a "
                             "file and import that.").format(file=path.name))


def file_kind(path: Path) -> str:
    """"xlsx", "xls", "encrypted", "html", "csv" or "unknown", from the first bytes (not the name)."""
    check_regular_file(path)
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "xlsx"
    if head.startswith(OLE2):
        # An encrypted .xlsx/.docx is an OLE2 file holding "EncryptedPackage"; look through the directory.
        with open(path, "rb") as f:
            data = f.read(min(os.path.getsize(path), 8 * 1024 * 1024))
        return "encrypted" if _ENCRYPTED in data else "xls"
    if head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf")):
        return "unknown"  # a PDF, a picture or an RTF document under a table's name
    text = _decode(head, partial=True)
    if text is None or "\x00" in text:
        return "unknown"
    low = text.lstrip("\ufeff \r\n\t").lower()
    if low.startswith(("<!doctype html", "<html", "<table", "<?xml", "<meta", "<head", "<body")) or "<table" in low:
        return "html"
    return "csv"


def password_message(path: Path) -> str:
    return _("{file} is protected with a password. Open it in Excel, remove the password (File → Info → "
             "Protect workbook) and import the saved copy.").format(file=path.name)



def _decode(data: bytes, partial: bool = False) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace" if partial else "strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3:  # a character cut at the end of the sample
            return data[:exc.start].decode("utf-8")
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        return None

