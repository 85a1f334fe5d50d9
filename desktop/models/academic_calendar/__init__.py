"""The academic calendar: terms, events by category, dates per term, working-day rules.

A calendar belongs to an academic year and a level (bachelor, master) and has a layout:
``semester`` (terms autumn, winter school, spring, summer; printed in two columns
"autumn / winter school" and "spring / summer" as in seed 004) or ``trimester`` (terms I, II,
III, summer). It carries its own ``country`` (whose days off apply: seed 004 is a Kazakh
calendar while the faculty setting may say KG); the engine is ``work_calendar(session, country)``.

An event sits in one of twelve categories (seed 004's I-XII), may have sub-rows per school or
programme (``parent_id``, seed 004's 3.1-3.4), a note, and per term a ``CalendarDate``: a date,
a range, a free text ("by individual schedule"), or a RULE in working (or calendar) days
relative to another event's start or end, resolved by the engine:

- ``within`` N days after the reference: the range (next day, reference + N) — "results within
  5 working days after the exam ends", "FX application within 3 working days";
- ``after`` N days: one date — "appeal no later than the next working day" (N = 1);
- ``before`` N days: one date — "application 3 working days before the exam".

Query API for other areas (exam sessions, work plan, meetings, service requests)
-------------------------------------------------------------------------------
``event_period(session, year_name, kind, level="bachelor", layout=None) -> (start, end) | None``
and ``resolve_relative(session, year_name, kind, level="bachelor") -> date | None``.
``kind`` is one of the named periods (read from the calendar in the faculty's ``year_layout`` first):

=====================  =================================================================
``autumn_term``        teaching of the autumn semester (``teaching`` in term ``autumn``)
``spring_term``        teaching of the spring semester
``winter_session``     final exams of the autumn semester (``final_exams``/``autumn``)
``summer_session``     final exams of the spring semester
``winter_fx_retake``   FX retakes after the winter session; ``summer_fx_retake`` likewise
``fx_retake``          all FX retake periods of the year, first start to last end
``winter_school``      the winter school term; ``summer_term`` the summer term
``winter_vacation``    vacation of the autumn column; ``summer_vacation`` of the spring one
``final_attestation``  state exams and defences (all terms)
``graduation``         the graduation ceremony
=====================  =================================================================

or any event kind (``EVENT_KINDS``) alone (all its terms, first start to last end) or as
``"kind:term"`` (``"final_exams:t2"`` for a trimester calendar). ``resolve_relative`` answers
"after the winter session": the first working day after the period ends; prefix ``start:``
or ``end:`` (``"start:spring_term"``) for the period's own first or last day.

Modules by job
--------------
``entities`` (tables, enums, the plain ``CalendarData``), ``rules`` (``load``, the rule engine
``resolve``, ``describe_rule``), ``queries`` (finding calendars and periods: the API above),
``crud`` (editing calendars, events and entries), ``copying`` (to the next year), ``checks``
(the rule of ``dekanat check``). Every public name is importable from this package.
"""

from desktop.models.academic_calendar import checks  # noqa: F401  (registers the check rule)
from desktop.models.academic_calendar.copying import (
    copy_to_next_year,
    weekday_shift,
)
from desktop.models.academic_calendar.crud import (
    CALENDAR_FIELDS,
    EVENT_FIELDS,
    CalendarProperties,
    EventSnapshot,
    add_event,
    calendar_properties,
    create_calendar,
    delete_calendar,
    delete_event,
    get_entry,
    restore_event,
    set_entry,
    snapshot_event,
    update_calendar,
    update_event,
)
from desktop.models.academic_calendar.entities import (
    COLUMNS,
    EVENT_KINDS,
    LEVELS,
    NAMED_PERIODS,
    TERMS,
    AcademicCalendar,
    CalendarData,
    CalendarDate,
    CalendarEvent,
    Category,
    Entry,
    Event,
    EventKind,
    Layout,
    Level,
    Rule,
    RuleKind,
    Term,
    roman,
    term_label,
)
from desktop.models.academic_calendar.queries import (
    calendar_engine,
    calendars,
    default_layout,
    event_period,
    find_calendar,
    period_in,
    resolve_relative,
)
from desktop.models.academic_calendar.rules import (
    Resolved,
    RuleCycle,
    describe_rule,
    load,
    resolve,
)

__all__ = [
    "Layout",
    "TERMS",
    "COLUMNS",
    "Term",
    "term_label",
    "Level",
    "LEVELS",
    "Category",
    "EventKind",
    "EVENT_KINDS",
    "NAMED_PERIODS",
    "RuleKind",
    "AcademicCalendar",
    "CalendarEvent",
    "CalendarDate",
    "Rule",
    "Entry",
    "Event",
    "CalendarData",
    "roman",
    "load",
    "RuleCycle",
    "Resolved",
    "resolve",
    "describe_rule",
    "calendars",
    "default_layout",
    "find_calendar",
    "calendar_engine",
    "period_in",
    "event_period",
    "resolve_relative",
    "create_calendar",
    "delete_calendar",
    "CALENDAR_FIELDS",
    "CalendarProperties",
    "EventSnapshot",
    "calendar_properties",
    "update_calendar",
    "add_event",
    "EVENT_FIELDS",
    "update_event",
    "snapshot_event",
    "delete_event",
    "restore_event",
    "get_entry",
    "set_entry",
    "weekday_shift",
    "copy_to_next_year",
]
