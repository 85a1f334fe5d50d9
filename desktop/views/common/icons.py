"""Icons from resources/icons (PNG files drawn by tools/make_icons.py)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from desktop import paths

AREA_SIZES = (20, 40)  # the sidebar's 20 px, and 40 for screens scaled to 200 %
PROGRAM_SIZES = (32, 64, 256)


def resource_icon(name: str, sizes: tuple[int, ...] = AREA_SIZES) -> QIcon:
    """``resources/icons/<name>-<size>.png`` at each size, for Qt to choose from."""
    icon = QIcon()
    for size in sizes:
        icon.addFile(str(paths.resources_dir() / "icons" / f"{name}-{size}.png"), QSize(size, size))
    return icon


COMMAND_SIZES = (16, 32)  # the command bar's 16 px line icons, and 32 for screens scaled to 200 %


def command_icon(name: str) -> QIcon:
    """A command's 16 px line icon (``resources/icons/cmd-<name>-<size>.png``); none if not drawn."""
    folder = paths.resources_dir() / "icons"
    icon = QIcon()
    for size in COMMAND_SIZES:
        path = folder / f"cmd-{name}-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon
