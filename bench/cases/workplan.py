"""Work plan: the demo plan grown to ``env.sizes["plan_items"]`` items; its PDF and its view.

Items are added through ``desktop.models.workplan.add_item`` (the model functions the window
uses), with every kind of deadline and long Kyrgyz/Kazakh texts, so the table wraps as in life.
"""

from __future__ import annotations

import time

from bench.core import Case, Env, Limit, Ratio
from desktop.models.demo import DEMO_YEAR

DEADLINES = [{"kind": "months", "months": [[2025, 9], [2025, 10]]}, {"kind": "weekly", "weekdays": [0, 3]},
             {"kind": "dates", "start": "2025-09-16", "end": "2025-09-23"}, {"kind": "year_round"},
             {"kind": "event", "events": ["after_winter_session"]}, {"kind": "text", "text": "Графикке ылайык"}]


def prepare(env: Env) -> None:
    from sqlalchemy import func, select

    from desktop.models import workplan as wp

    with env.made["db"].session() as s:
        plan = wp.require_plan(s, DEMO_YEAR)
        sections = [sec.id for sec in plan.sections]
        have = s.scalar(select(func.count(wp.WorkPlanItem.id)).where(wp.WorkPlanItem.section_id.in_(sections)))
        for n in range(have, env.sizes["plan_items"]):
            wp.add_item(s, sections[n % len(sections)], f"Иш-чара №{n}: өңүгүү, ұйымдастыру және тексеру " * 2,
                        deadline=DEADLINES[n % len(DEADLINES)], responsible="Деканат, каф. башчылары, кураторлор",
                        status=("planned", "done", "in_progress")[n % 3])


def _tree(env: Env, lang: str | None = None) -> dict:
    from desktop.models import workplan as wp
    from desktop.models.text_documents import localize_plan

    with env.made["db"].session() as s:
        tree = wp.plan_tree(s, wp.require_plan(s, DEMO_YEAR))
        if lang:  # the texts in the report's language, as every export reads them
            tree, _missing = localize_plan(s, tree, lang)
    items = sum(len(sec["items"]) for sec in tree["sections"])
    if items != env.sizes["plan_items"]:
        raise RuntimeError(f"the plan holds {items} items")
    return tree


def pdf_dekanat(env: Env) -> None:
    """The real export: the plan read from the database and the official PDF (as ``dekanat export workplan``)."""
    from desktop.reports.workplan_pdf import plan_pdf

    plan_pdf(env.tmp / "plan.pdf", _tree(env, "ky"), "ky")


def pdf_floor(env: Env) -> float:
    """ReportLab building the same table from plain strings: the same texts (the deadline as the
    office writes it), broken into lines with simpleSplit (a plain string does not wrap by itself),
    in a Table with a repeated header. The strings are made before the clock starts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from desktop.i18n import translator
    from desktop.models import workplan_deadline as dl
    from desktop.reports.pdf import SANS, register_fonts
    from desktop.reports.workplan_pdf import FONT_SIZE, WIDTHS_MM

    register_fonts()
    if "plan_texts" not in env.made:
        tr = translator("ky")
        texts = []
        for section in _tree(env)["sections"]:
            texts.append((f"{section['number']}. {section['title']}", None, None, None))
            for item in section["items"]:
                texts.append((f"{item['number']}.", item["text"], dl.render(item["deadline"], tr),
                              item["responsible_text"].replace(", ", ",\n")))
        env.made["plan_texts"] = texts
    texts = env.made["plan_texts"]
    widths = [w * mm - 6 for w in WIDTHS_MM]

    def lines(text, width):
        return "\n".join(line for part in text.split("\n") for line in simpleSplit(part, SANS, FONT_SIZE, width))

    start = time.perf_counter()
    rows = [["No.", "Activity", "Deadline", "Responsible"]]
    for number, text, deadline, responsible in texts:
        if text is None:
            rows.append([number, "", "", ""])
        else:
            rows.append([number, lines(text, widths[1]), lines(deadline, widths[2]), lines(responsible, widths[3])])
    doc = SimpleDocTemplate(str(env.tmp / "plan-floor.pdf"), pagesize=A4)
    table = Table(rows, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, FONT_SIZE), ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([table])
    return time.perf_counter() - start


def view_open(env: Env) -> float:
    from desktop.views.common.area import AppContext
    from desktop.views.workplan import WorkPlanArea

    app = env.qt_app()
    start = time.perf_counter()
    page = WorkPlanArea(AppContext(env.made["db"]))
    page.retranslate_ui()
    page.resize(1280, 800)
    page.show()
    page.grab()  # the first paint
    elapsed = time.perf_counter() - start
    page.close()
    page.deleteLater()
    app.processEvents()
    return elapsed


CASES = [
    Case("work plan PDF, {plan_items} items", Ratio(1.5), pdf_dekanat, pdf_floor),
    Case("work plan view, {plan_items} items: open + paint", Limit(0.2), view_open),
]
