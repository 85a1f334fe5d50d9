"""Each area's entities load on their own (the window imports only what its pages need)."""

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.models import AREA_MODULES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("module", AREA_MODULES)
def test_area_module_configures_its_mappers_alone(module):
    code = f"import {module}; from sqlalchemy.orm import configure_mappers; configure_mappers(); print('ok')"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr[-2000:]


def test_importing_the_window_does_not_load_every_area():
    code = ("import sys; import desktop.views.main_window, desktop.views.students; "
            "print(sorted(m for m in sys.modules if m.startswith('desktop.models.')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**__import__('os').environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    loaded = result.stdout
    for heavy in ("desktop.models.meetings", "desktop.models.curators", "desktop.models.requests"):
        assert heavy not in loaded
