"""Where things are, frozen (PyInstaller) or from source, and where the user's files go.

Every other module asks here; nothing else looks at ``sys._MEIPASS`` or ``__file__``
to find resources.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

IS_FROZEN = bool(getattr(sys, "frozen", False))

APP_DIR_NAME = "Dekanat"


@cache
def root() -> Path:
    """The folder that holds ``translations/`` and ``resources/`` (resolved once: every icon asks)."""
    if IS_FROZEN:
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


@cache
def package_dir() -> Path:
    if IS_FROZEN:
        return root() / "desktop"
    return Path(__file__).resolve().parent


def translations_dir() -> Path:
    return root() / "translations"


def resources_dir() -> Path:
    return root() / "resources"


def migrations_dir() -> Path:
    return package_dir() / "migrations"


@cache
def font_file(family: str, weight: str = "regular") -> Path:
    """A PT font file. ``family`` is "PT Sans" or "PT Serif"; weight regular/bold/italic/bolditalic."""
    names = {"PT Sans": "PT_Sans-Web", "PT Serif": "PT_Serif-Web"}
    styles = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}
    stem = f"{names[family]}-{styles[weight]}.ttf"
    if IS_FROZEN:
        return root() / "fonts" / stem
    import importlib.util

    module = "fontpkg_pt_sans" if family == "PT Sans" else "fontpkg_pt_serif"
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"font package {module} is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "files" / stem


def _platform_dirs():
    import platformdirs

    return platformdirs.PlatformDirs(APP_DIR_NAME, appauthor=False)


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        try:
            path.chmod(0o700)
        except OSError:
            pass
    return path


def data_dir() -> Path:
    override = os.environ.get("DEKANAT_DATA_DIR")
    return _ensure(Path(override) if override else Path(_platform_dirs().user_data_dir))


def log_dir() -> Path:
    override = os.environ.get("DEKANAT_DATA_DIR")
    return _ensure(Path(override) / "logs" if override else Path(_platform_dirs().user_log_dir))


def cache_dir() -> Path:
    override = os.environ.get("DEKANAT_DATA_DIR")
    return _ensure(Path(override) / "cache" if override else Path(_platform_dirs().user_cache_dir))


def default_database() -> Path:
    return data_dir() / "dekanat.sqlite3"
