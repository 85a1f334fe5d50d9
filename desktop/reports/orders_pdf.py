"""An order (приказ) behind movements as a document, and the extract (выписка) for one student.

The faculty's frame, "ORDER No N" with its date and city, a preamble naming what the order is
about, "I ORDER:", numbered items each listing its students (record-book numbers) with their
groups, the ground, and the signature lines; all in the report's language.
"""

from __future__ import annotations

from desktop import dates
from desktop.i18n import N_, Translator, translator
from desktop.models.movements import MovementKind
from desktop.models.orders import OrderDocument, OrderItem
from desktop.models.results import Frame

# What the order is about, per kind (the preamble line under the title).
PREAMBLE = {
    MovementKind.ENROLMENT: N_("On the enrolment of students"),
    MovementKind.TRANSFER: N_("On the transfer of students"),
    MovementKind.PROMOTION: N_("On the promotion of students to the next course"),
    MovementKind.ACADEMIC_LEAVE: N_("On granting academic leave"),
    MovementKind.RETURN: N_("On the return of students from academic leave"),
    MovementKind.EXPULSION: N_("On the expulsion of students"),
    MovementKind.REINSTATEMENT: N_("On the reinstatement of students"),
    MovementKind.GRADUATION: N_("On the graduation of students"),
    MovementKind.REPEAT_YEAR: N_("On students repeating the year"),
}

# The item's operative sentence; {group}, {from_group}, {course} are filled in.
ITEM_TEXT = {
    MovementKind.ENROLMENT: N_("Enrol in the 1st course into group {group} from {date}:"),
    MovementKind.TRANSFER: N_("Transfer from group {from_group} to group {group} from {date}:"),
    MovementKind.PROMOTION: N_("Promote to course {course} (group {group}) from {date}:"),
    MovementKind.ACADEMIC_LEAVE: N_("Grant academic leave from {date} to the students of group {from_group}:"),
    MovementKind.RETURN: N_("Admit back from academic leave into group {group} from {date}:"),
    MovementKind.EXPULSION: N_("Expel from {date} the students of group {from_group}:"),
    MovementKind.REINSTATEMENT: N_("Reinstate into group {group} from {date}:"),
    MovementKind.GRADUATION: N_("Graduate from {date} the students of group {from_group}:"),
    MovementKind.REPEAT_YEAR: N_("Leave to repeat the year in course {course} (group {group}) from {date}:"),
}


def order_title(doc: OrderDocument, tr: Translator, extract: bool = False) -> str:
    if extract:
        return tr("Extract from order No {number}").format(number=doc.number)
    return tr("ORDER No {number}").format(number=doc.number)


def preamble(doc: OrderDocument, tr: Translator) -> str:
    return "; ".join(tr(PREAMBLE[MovementKind(k)]) for k in doc.kinds if k in set(MovementKind))


def item_text(item: OrderItem, doc: OrderDocument, tr: Translator) -> str:
    kind = MovementKind(item.kind)
    return tr(ITEM_TEXT[kind]).format(group=item.to_group or item.from_group, from_group=item.from_group or "—",
                                      course=item.course or "", date=dates.table(doc.effective_date))


def order_story(doc: OrderDocument, frame: Frame, tr: Translator, *, extract: bool = False) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from desktop.reports.grade_sheet import frame_heading, signature_lines
    from desktop.reports.pdf import esc, styles

    st = styles("PTSerif", 11)
    story = frame_heading(frame, st) + [Spacer(1, 4 * mm), Paragraph(esc(order_title(doc, tr, extract)), st["title"])]
    date = dates.table(doc.order_date)
    line = Table([[Paragraph(esc(date), st["body"]), Paragraph(esc(frame.city), st["right"])]],
                 colWidths=[90 * mm, 85 * mm])
    line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    i_order = tr("I ORDER:")
    story += [line, Spacer(1, 3 * mm), Paragraph(f"<b>{esc(preamble(doc, tr))}</b>", st["body"]), Spacer(1, 3 * mm),
              Paragraph(f"<b>{esc(i_order)}</b>", st["body"]), Spacer(1, 2 * mm)]
    grounds = []
    for n, item in enumerate(doc.items, 1):
        story.append(Paragraph(esc(f"{n}. {item_text(item, doc, tr)}"), st["body"]))
        for i, s in enumerate(item.students, 1):
            book = tr(", record book No {number}").format(number=s.record_book) if s.record_book else ""
            story.append(Paragraph(esc(f"{n}.{i}. {s.name}{book}"), st["body"]))
        story.append(Spacer(1, 2 * mm))
        if item.reason and item.reason not in grounds:
            grounds.append(item.reason)
    if grounds:
        ground = tr("Ground:")
        story += [Paragraph(f"<b>{esc(ground)}</b> {esc('; '.join(grounds))}", st["body"])]
    story += signature_lines([(tr("Dean"), frame.dean)], st)
    if extract:
        story += signature_lines([(tr("The extract is true"), "")], st)
    return story


def order_pdf(target, doc: OrderDocument, frame: Frame, lang: str, *, extracts: list[OrderDocument] | None = None,
              extract: bool = False) -> None:
    """The order, or (``extract``) the order cut to one student; ``extracts``: the order followed by one
    extract per student, each on its own page."""
    from reportlab.platypus import PageBreak

    from desktop.reports.pdf import build_pdf

    tr = translator(lang)
    story = order_story(doc, frame, tr, extract=extract)
    for e in extracts or []:
        story += [PageBreak(), *order_story(e, frame, tr, extract=True)]
    build_pdf(target, story, tr, title=order_title(doc, tr, extract), margins_mm=(25, 15, 15, 15))
