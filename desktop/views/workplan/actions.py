"""What the work plan page does with its sections and items: in-place edits, the side panel's
fields, adding, deleting and moving, each through the operations runner (one undo entry).

A mixin of :class:`desktop.views.workplan.page.WorkPlanArea`; the plan as a whole (new, header,
exports, import) is :mod:`desktop.views.workplan.plan_actions`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop.i18n import _
from desktop.models import workplan as wp
from desktop.models import workplan_operations as wops
from desktop.models.operations import Change, bind
from desktop.views.common.history import show_history
from desktop.views.common.operations import run
from desktop.views.workplan.deadline_dialog import DeadlineDialog

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.workplan.tree_model import Node, PlanTreeModel
else:
    _Page = object


class ItemActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's, used here
        tree: wp.PlanTree | None
        model: PlanTreeModel

        def current_node(self) -> tuple[Node | None, QModelIndex]: ...
        def select_item(self, item_id: int) -> None: ...
        def show_year(self, year: str) -> None: ...

    def _do(self, text: str, op, select: int | None = None, after=None, progress: str | None = None):
        """Run one operation (undoable); ``select``: the item made current after each step."""
        if select is not None:
            after = lambda _outcome: self.select_item(select)  # noqa: E731
        return run(self, text, op, after=after, title=_("Work plan"), progress=progress)

    def _edit_from_model(self, kind, record_id, field, value) -> None:
        if kind == "section":
            self._do(_("Edit section"), bind(wops.update_section_op, record_id, **{field: value}))
        else:
            self.edit_item(record_id, field, value)

    def edit_item(self, item_id: int, field: str, value) -> None:
        if field == "responsible":
            self._do(_("Change responsible"), bind(wops.set_responsible_op, item_id, value), select=item_id)
            return
        item: Mapping[str, Any] = next((i for sec in self.model.sections for i in sec["items"] if i["id"] == item_id),
                                       {})
        if field == "text" and item.get("shown_lang"):  # the version shown is the one edited
            from desktop.models.text_versions import set_version_op

            self._do(_("Edit item"), bind(set_version_op, "workplan_item", item_id, "text", item["shown_lang"], value,
                                          Change.WORKPLAN), select=item_id)
            return
        # The value shown: refused (StaleDataError) if another install changed it meanwhile.
        shown = {field: item[field]} if item else {}
        self._do(_("Edit item"), bind(wops.update_item_op, item_id, {field: value}, shown), select=item_id)

    def _edit_current(self, field, value) -> None:
        found, _index = self.current_node()
        if not found or found[0] != "item":
            return
        item = found[1]
        current_value = item["responsible_text"] if field == "responsible" else item.get(field)
        if value != current_value:
            self.edit_item(item["id"], field, value)

    def show_item_history(self):
        """The audit trail of the current item: who changed what, when."""
        found, _index = self.current_node()
        if not found or found[0] != "item":
            return None
        return show_history(self, self.ctx.db, "workplan_item", found[1]["id"], found[1]["text"][:80])

    def edit_deadline(self) -> None:
        found, _index = self.current_node()
        if not found or found[0] != "item":
            return
        dialog = DeadlineDialog(found[1]["deadline"], self.model.first_year, self.ctx.report_language, self)
        if dialog.exec():
            self.edit_item(found[1]["id"], "deadline", dialog.deadline())

    def add_section(self) -> None:
        if not self.tree:
            return
        self._do(_("Add section"), bind(wops.add_section_op, self.tree["id"], _("New section")))

    def add_item(self) -> None:
        found, index = self.current_node()
        if not found:
            if not self.model.sections:
                return
            section, position = self.model.sections[-1], None
        elif found[0] == "section":
            section, position = found[1], None
        else:
            found_section = self.model.section_of(index)
            assert found_section is not None  # an item's row has its section
            section, position = found_section, found[1]["number"]
        self._do(_("Add item"), bind(wops.add_item_op, section["id"], _("New activity"), position),
                 after=self._select_made)

    def _select_made(self, outcome) -> None:
        """The item an operation made or brought back (its id as the result) becomes current."""
        if isinstance(outcome.result, int):
            self.select_item(outcome.result)

    def delete_current(self) -> None:
        found, _index = self.current_node()
        if not found:
            return
        if found[0] == "item":
            # The item as shown is what is deleted (another office's change meanwhile: stale); a redo
            # deletes it as its undo put it back.
            row: Mapping[str, Any] = found[1]
            shown = {f: row[f] for f in wp.EXPECTED_ITEM_FIELDS if f in row}
            self._do(_("Delete item"), bind(wops.delete_item_op, row["id"], shown))
        else:
            from desktop.views.common.mass_delete import backup_before_delete

            items = found[1]["items"]
            if not backup_before_delete(self, len(items), whole=bool(items)):
                return
            self._do(_("Delete section"), bind(wops.delete_section_op, found[1]["id"]))

    def move_item(self, item_id: int, section_id: int, position: int) -> None:
        self._do(_("Move item"), bind(wops.move_item_op, item_id, section_id, position), select=item_id)

    def move_current(self, step: int) -> None:
        found, index = self.current_node()
        if not found or found[0] != "item":
            return
        section = self.model.section_of(index)
        assert section is not None  # an item's row has its section
        position = found[1]["number"] - 1 + step
        if 0 <= position < len(section["items"]):
            self.move_item(found[1]["id"], section["id"], position)

    def copy_to_next_year(self) -> None:
        if not self.tree:
            return
        self._do(_("Copy to next year"), bind(wops.copy_to_next_year_op, self.tree["id"]))
        first = self.model.first_year + 1
        self.show_year(f"{first}-{first + 1}")

