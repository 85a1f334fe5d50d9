"""A mass delete in the window backs the database up first and says where (models/backup.py:
``backup_before_delete`` decides when: more than MASS_DELETE_ROWS rows, or a whole plan, section
or series). Undo still brings the rows back; the backup is there when Undo is gone (closed window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.views.common.area import AreaPage


def backup_before_delete(page: AreaPage, rows: int, *, whole: bool = False) -> bool:
    """True when the delete may go on (backed up, or no backup due); False, the user told why,
    when the backup failed."""
    from desktop.models.backup import BackupError
    from desktop.models.backup import backup_before_delete as backup

    try:
        path = backup(page.ctx.db, rows, whole=whole)
    except (BackupError, OSError) as exc:
        QMessageBox.warning(page, _("Backup"), _("Nothing was deleted: the backup before the delete failed. {reason}")
                            .format(reason=exc))
        return False
    if path is not None:
        page.ctx.status_message.emit(_("The previous data was saved as {path}").format(path=path))
    return True
