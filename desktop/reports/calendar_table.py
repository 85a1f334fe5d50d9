"""The rows of the official calendar table (seed 004), shared by the PDF and Excel exports:
No, event, one column per term group, note; a row per category (I, II ...) then its events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop import dates
from desktop.i18n import Translator
from desktop.models.academic_calendar import (
    CalendarData,
    Category,
    Entry,
    Layout,
    Resolved,
    describe_rule,
    term_label,
)
from desktop.models.workdays import WorkCalendar


@dataclass
class TableRow:
    is_category: bool
    number: str
    title: str
    cells: list[str]
    note: str = ""
    is_sub_row: bool = False


def column_titles(data: CalendarData, tr: Translator) -> list[str]:
    return [" / ".join(term_label(t, tr) if not (t == "summer" and data.layout == Layout.TRIMESTER)
                       else tr("Summer trimester") for t in column) for column in data.columns]


def headers(data: CalendarData, tr: Translator) -> list[str]:
    return [tr("No"), tr.pgettext("calendar column", "Event"), *column_titles(data, tr), tr("Note")]


def format_span(start: dt.date, end: dt.date, tr: Translator) -> str:
    """In table form, as each language's office writes a span (desktop/dates.py): "14.08–27.08.2025";
    Kazakh as the approved calendar (seed 004) writes it, "14.08. - 27.08.2025 ж.", "22.08.2025 ж."."""
    from desktop import dates

    return dates.table_range(start, end, tr.lang)


def cell_text(data: CalendarData, entry: Entry | None, span: tuple[dt.date, dt.date] | None, tr: Translator) -> str:
    parts = []
    if entry is not None and entry.rule is not None:
        rule = describe_rule(entry.rule, data, tr)
        parts.append(rule[:1].upper() + rule[1:])
        if span:
            parts.append(f"({format_span(*span, tr)})")
    elif span:
        parts.append(format_span(*span, tr))
    if entry is not None and entry.text:
        parts.append(entry.text)
    return "\n".join(parts)


def table_rows(data: CalendarData, resolved: Resolved, tr: Translator) -> list[TableRow]:
    rows: list[TableRow] = []
    for numeral, category, events in data.by_category():
        rows.append(TableRow(True, f"{numeral}.", Category(category).label(tr), [""] * len(data.columns)))
        for e in events:
            cells = []
            for column in data.columns:
                texts = []
                for term in column:
                    entry = e.entries.get(term)
                    # A parent row spanning its sub-rows stays empty, as in the official table.
                    span = resolved.get((e.id, term)) if entry is not None else None
                    text = cell_text(data, entry, span, tr)
                    if text:
                        texts.append(text)
                cells.append("\n".join(texts))
            rows.append(TableRow(False, f"{e.number}.", e.title, cells, e.note, e.parent_id is not None))
    return rows


def title_lines(data: CalendarData, tr: Translator) -> list[str]:
    lines = [tr("ACADEMIC CALENDAR FOR THE {year} ACADEMIC YEAR").format(year=data.year_name)]
    level = tr("Bachelor") if data.level == "bachelor" else tr("Master")
    lines.append(f"{level.upper()} ({Layout(data.layout).label(tr).lower()})")
    return lines


def holidays_in_year(data: CalendarData, work: WorkCalendar, lang: str) -> list[tuple[dt.date, str]]:
    """The country's holidays and moved days off from 1 September to 31 August."""
    first = int(data.year_name[:4])
    days = work.days_off(first, lang) + work.days_off(first + 1, lang)
    start, end = dates.academic_year_bounds(first)
    return [(d, n) for d, n in days if start <= d <= end]
