"""Service requests in one language: a request keeps a copy of its procedure's texts, so the
register and the card read the procedure's versions (and the request's own), and the register's
filter finds a request by any of them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.text_versions import Text_

if TYPE_CHECKING:
    from desktop.models.requests.shapes import RequestCard, RequestRow


def _request_memory(session: Session, lang: str) -> dict[str, str]:
    """Original -> version in ``lang`` of every procedure, step, unit and condition: a request
    keeps a copy of its procedure's texts, so the procedure's translation serves its requests."""
    from desktop.models.request_templates import ProcedureStep, ProcedureTemplate
    from desktop.models.text_versions import TextVersion

    memory: dict[str, str] = {}
    for table, entity, fields in (("procedure_template", ProcedureTemplate, ("name",)),
                                  ("procedure_step", ProcedureStep, ("name", "unit", "condition"))):
        for field in fields:
            column = getattr(entity, field)
            for original, text in session.execute(
                    select(column, TextVersion.text).join(TextVersion, TextVersion.row_id == entity.id)
                    .where(TextVersion.table_name == table, TextVersion.field == field, TextVersion.lang == lang,
                           TextVersion.text.is_not(None))):
                memory.setdefault(original, text)
    return memory


def _request_own(session: Session, lang: str) -> dict[tuple[str, int, str], str]:
    from desktop.models.text_versions import TextVersion

    return {(t, r, f): text or "" for t, r, f, text in session.execute(
        select(TextVersion.table_name, TextVersion.row_id, TextVersion.field, TextVersion.text)
        .where(TextVersion.table_name.in_(("service_request", "request_step")), TextVersion.lang == lang,
               TextVersion.text.is_not(None)))}


def _needs_version(original: str, lang: str, translate) -> bool:
    """A typed text in another language with no version (built-in names come from the catalogs)."""
    from desktop.models.text_versions import guess_language

    if not original.strip() or translate(original) != original:
        return False
    found = guess_language(original)
    return found is not None and found != lang


def localize_request_rows(session: Session, rows: list[RequestRow], lang: str) -> tuple[list[RequestRow], list[Text_]]:
    """The register rows (``requests.request_rows``) with procedure, step, unit and refusal ground in
    ``lang`` where a version exists; returns (rows, texts without one, each once)."""
    from desktop.i18n import translator
    from desktop.models.text_versions import TextRef

    memory, own, tr = _request_memory(session, lang), _request_own(session, lang), translator(lang)
    missing: dict[str, Text_] = {}
    out = []

    def pick(original: str, table: str, row_id: int, field: str) -> str:
        version = own.get((table, row_id, field)) or memory.get(original)
        if version:
            return version
        if _needs_version(original, lang, tr):
            from desktop.models.text_versions import guess_language

            missing.setdefault(original, Text_(TextRef(table, row_id, field), str(row_id), original,
                                               guess_language(original), {}))
        return original

    for row in rows:
        row = row.copy()
        row["procedure"] = pick(row["procedure"], "service_request", row["id"], "procedure_name")
        row["refusal_reason"] = pick(row.get("refusal_reason") or "", "service_request", row["id"], "refusal_reason")
        if row.get("current_step"):
            row["current_step"] = memory.get(row["current_step"], row["current_step"])
        if row.get("current_unit"):
            row["current_unit"] = memory.get(row["current_unit"], row["current_unit"])
        out.append(row)
    return out, list(missing.values())


def localize_request_card(session: Session, card: RequestCard, lang: str) -> tuple[RequestCard, list[Text_]]:
    """One request's card (``requests.request_card``) in ``lang``; returns (card, texts without a version)."""
    from desktop.i18n import translator
    from desktop.models.text_versions import TextRef, guess_language

    memory, own, tr = _request_memory(session, lang), _request_own(session, lang), translator(lang)
    missing: list[Text_] = []

    def pick(original: str, table: str, row_id: int, field: str) -> str:
        version = own.get((table, row_id, field)) or memory.get(original)
        if version:
            return version
        if _needs_version(original or "", lang, tr):
            missing.append(Text_(TextRef(table, row_id, field), str(row_id), original, guess_language(original), {}))
        return original

    procedure_name = pick(card.procedure_name, "service_request", card.id, "procedure_name")
    refusal_reason = pick(card.refusal_reason or "", "service_request", card.id, "refusal_reason")
    steps = tuple(replace(step, name=pick(step.name or "", "request_step", step.id, "name"),
                          unit=pick(step.unit or "", "request_step", step.id, "unit"),
                          condition=memory.get(step.condition, step.condition) if step.condition else step.condition)
                  for step in card.steps)
    return replace(card, procedure_name=procedure_name, refusal_reason=refusal_reason, steps=steps), missing


def add_request_search_texts(session: Session, rows: list[RequestRow]) -> list[RequestRow]:
    """``versions_text`` on each register row: its procedure and current step as typed and every
    language version of them and of its refusal ground, so the register's filter finds a request
    by any of them (whichever the page shows)."""
    from desktop.models.request_templates import ProcedureStep, ProcedureTemplate
    from desktop.models.text_versions import TextVersion

    memory: dict[str, list[str]] = {}
    for table, entity, field in (("procedure_template", ProcedureTemplate, "name"),
                                 ("procedure_step", ProcedureStep, "name")):
        column = getattr(entity, field)
        for original, text in session.execute(
                select(column, TextVersion.text).join(TextVersion, TextVersion.row_id == entity.id)
                .where(TextVersion.table_name == table, TextVersion.field == field, TextVersion.text.is_not(None))):
            memory.setdefault(original, []).append(text)
    own: dict[int, list[str]] = {}
    for row_id, text in session.execute(select(TextVersion.row_id, TextVersion.text).where(
            TextVersion.table_name == "service_request", TextVersion.text.is_not(None))):
        assert text is not None  # is_not(None) above
        own.setdefault(row_id, []).append(text)
    for row in rows:  # the originals too: a row shown in the interface language is found by them
        row["versions_text"] = " ".join([row["procedure"], row.get("current_step") or ""]
                                        + memory.get(row["procedure"], []) + memory.get(row.get("current_step", ""), [])
                                        + own.get(row["id"], []))
    return rows

