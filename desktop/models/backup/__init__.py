"""Backups of the SQLite file: consistent copies through SQLite's backup API, their rotation,
restoring one, and the checks made before a file is opened.

Modules by job
--------------
``copies`` (copying, taking and rotating backups, automatic backups), ``restoring`` (checking a
candidate and putting it in place), ``startup`` (leftovers, the path a command may open, the
start-up check that sets a damaged file aside). Every public name is importable from this package.
"""

from desktop.models.backup.copies import (
    KEEP_DAILY,
    KEEP_LAST,
    KEEP_MONTHLY,
    MASS_DELETE_ROWS,
    BackupError,
    backup_before_delete,
    backup_dir,
    backup_if_changed,
    copy_database,
    integrity_ok,
    list_backups,
    make_backup,
    newest_good_backup,
    rotate,
    to_keep,
)
from desktop.models.backup.restoring import (
    AUDIT_TRIGGERS,
    DEKANAT_TABLES,
    SQLITE_HEADER,
    RestoreRefused,
    check_restore_candidate,
    restore,
    restore_file,
)
from desktop.models.backup.startup import (
    DamagedDatabase,
    UnusableDatabase,
    check_database_path,
    remove_leftovers,
    set_aside,
    startup_check,
)

__all__ = [
    "AUDIT_TRIGGERS", "DEKANAT_TABLES", "KEEP_DAILY", "KEEP_LAST", "KEEP_MONTHLY", "MASS_DELETE_ROWS",
    "SQLITE_HEADER", "BackupError", "DamagedDatabase", "RestoreRefused", "UnusableDatabase",
    "backup_before_delete", "backup_dir", "backup_if_changed", "check_database_path",
    "check_restore_candidate", "copy_database", "integrity_ok", "list_backups", "make_backup",
    "newest_good_backup", "remove_leftovers", "restore", "restore_file", "rotate", "set_aside",
    "startup_check", "to_keep",
]
