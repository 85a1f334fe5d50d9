"""A document's texts through a spreadsheet and back: a filled-in sheet checked row by row and
written whole or not at all, with its undoable operation."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.logs import event_on_commit
from desktop.models.base import DomainError
from desktop.models.text_documents.texts import document_texts
from desktop.models.text_versions import Text_, TextRef

# (where, language, text): a version to write, or one as it was (None: there was none)
VersionChange = tuple[TextRef, str, str | None]


@dataclasses.dataclass
class FilledRow:
    """One row of a filled-in translation sheet: where it was, its id, the original as exported,
    and the text in each language column."""
    line: int
    key: str
    original: str
    texts: dict[str, str]


@dataclasses.dataclass
class TextImport:
    changes: list[VersionChange] = dataclasses.field(default_factory=list)
    changed_originals: list[tuple[int, str]] = dataclasses.field(default_factory=list)  # (line, key)
    sources: dict[str, str] = dataclasses.field(default_factory=dict)  # key -> the sheet's (older) original
    errors: list[str] = dataclasses.field(default_factory=list)


def check_filled(texts: list[Text_], rows: list[FilledRow]) -> TextImport:
    """What a filled-in sheet would change, checked row by row against the document's texts.

    Every id must be one of this document's texts, once; a refused row names its line. A row whose
    original differs from today's (the text was edited since the export, or the translator retyped
    it) is flagged and its original left alone; its other languages are still taken."""
    from desktop.models.text_versions import CONTENT_LANGUAGES, TextRef, same_text

    by_key = {t.ref.key: t for t in texts}
    result = TextImport()
    seen: dict[str, int] = {}
    for row in rows:
        try:
            TextRef.parse(row.key)
        except ValueError:
            result.errors.append(_("Row {row}: the id {id!r} is not a text id.").format(row=row.line, id=row.key))
            continue
        text = by_key.get(row.key)
        if text is None:
            result.errors.append(_("Row {row}: the id {id} is not a text of this document.").format(
                row=row.line, id=row.key))
            continue
        if row.key in seen:
            result.errors.append(_("Row {row}: the id {id} is also in row {other}.").format(
                row=row.line, id=row.key, other=seen[row.key]))
            continue
        seen[row.key] = row.line
        changed = not same_text(row.original, text.original)
        if changed:  # its versions translate the sheet's original: they come in stale
            result.changed_originals.append((row.line, row.key))
            result.sources[row.key] = row.original
        for lang in CONTENT_LANGUAGES:
            if lang not in row.texts:
                continue
            new = (row.texts[lang] or "").strip()
            if lang == text.original_lang:
                if new and not same_text(new, text.original) and not changed:
                    result.changed_originals.append((row.line, row.key))
                continue
            if not new:
                continue  # a blank is "not stated", never "erase"
            if new != (text.versions.get(lang) or ""):
                result.changes.append((text.ref, lang, new))
    return result


def import_filled(session: Session, kind: str, doc_id: int | None, rows: list[FilledRow]) -> TextImport:
    """Check the whole sheet, then write all of it or (with any error) nothing."""
    from desktop.models.text_versions import apply_versions

    result = check_filled(document_texts(session, kind, doc_id), rows)
    if result.errors:
        return result
    apply_versions(session, result.changes, result.sources)
    event_on_commit(session, "texts imported", document=kind, rows=len(rows), changed=len(result.changes))
    return result




# Operations (undoable, models/operations.py) ------------------------------------------------------
def import_texts_op(session: Session, kind: str, doc_id: int | None, rows: list[FilledRow]):
    """A filled-in sheet of one document's texts: every row or none (the refusal names the rows);
    undo puts back the versions it replaced, each with the original it was written for (an
    out-of-date version comes back out of date)."""
    from desktop.models.operations import Change, Outcome, bind
    from desktop.models.text_versions import get_version, version_source

    preview = check_filled(document_texts(session, kind, doc_id), rows)
    before = [(ref, lang, get_version(session, ref.table, ref.row_id, ref.field, lang))
              for ref, lang, _text in preview.changes]
    stamps = [(ref, lang, version_source(session, ref.table, ref.row_id, ref.field, lang))
              for ref, lang, old in before if old]
    result = import_filled(session, kind, doc_id, rows)
    if result.errors:
        raise DomainError("\n".join(result.errors[:20]))
    return Outcome(result, bind(restore_versions_op, before, stamps, list(result.changes), result.sources),
                   Change.TEXTS)


def restore_versions_op(session: Session, versions: list[VersionChange], stamps: list[VersionChange],
                        redo: list[VersionChange], redo_sources: dict[str, str] | None):
    """Write back ``versions`` with the originals ``stamps`` recorded for them (the undo of an
    import); redo writes ``redo`` again with its ``redo_sources``."""
    from desktop.models.operations import Change, Outcome, bind
    from desktop.models.text_versions import apply_versions, confirm_version

    apply_versions(session, versions)
    for ref, lang, source in stamps:
        confirm_version(session, ref.table, ref.row_id, ref.field, lang, source)
    return Outcome(None, bind(apply_versions_op, redo, redo_sources, versions, stamps), Change.TEXTS)


def apply_versions_op(session: Session, versions: list[VersionChange], sources: dict[str, str] | None,
                      replaced: list[VersionChange], stamps: list[VersionChange]):
    """Write ``versions`` (``sources``: originals they were written for, where not today's); undo
    writes back ``replaced`` with its ``stamps``."""
    from desktop.models.operations import Change, Outcome, bind
    from desktop.models.text_versions import apply_versions

    apply_versions(session, versions, sources)
    return Outcome(None, bind(restore_versions_op, replaced, stamps, versions, sources), Change.TEXTS)
