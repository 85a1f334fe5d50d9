"""The one table of colours: base colours and the six status roles (UI.md §5).

Shared by the window (``views/common/page.py``: chips, legends, the list's text colours) and the
reports (PDF fills and Excel cell formats), so a status looks the same on the screen and on paper.
Pure Python, no Qt: models and reports may import it.

A status role is a pair: a light fill and a dark text (also the border). Colour never comes alone:
every chip carries a word, and every colour-coded view has a legend built from the same chips.
Red (``danger``) is only for what needs action now.
"""

from __future__ import annotations

from dataclasses import dataclass

# Base colours of the window.
TEXT = "#1F2328"
# Secondary text: labels, meta lines, table headers. UI.md gives #5C6670, which reads 4.43:1 on the
# selection colour; this one reads 4.7:1 there (6.2:1 on white).
TEXT2 = "#58626C"
DISABLED = "#A0A7AE"
BORDER = "#D0D5DA"
WINDOW = "#F3F4F6"
SURFACE = "#FFFFFF"
ZEBRA = "#F7F8FA"
ACCENT = "#1E63B5"  # the primary button, the selected area, links
ACCENT_TEXT = "#FFFFFF"
SELECTION = "#CFE2F8"


@dataclass(frozen=True)
class Role:
    key: str
    fill: str
    text: str


ROLES: dict[str, Role] = {
    "ok": Role("ok", "#E3F3E6", "#1E7B34"),  # done, accepted, held
    "info": Role("info", "#E3EEFA", "#1E5FA8"),  # in progress, submitted on time
    "warn": Role("warn", "#FFF1D6", "#8A5A00"),  # due soon, late, a warning
    "danger": Role("danger", "#FDE4E4", "#B3261E"),  # overdue, not submitted, an error: act now
    "special": Role("special", "#F3E6F5", "#7B2C8A"),  # returned
    "neutral": Role("neutral", "#EEF0F2", TEXT2),  # planned, not yet due, cancelled
}

# Type scale (points, so Windows scaling applies): UI.md §4. No other sizes.
PAGE_TITLE_PT = 15
PANE_TITLE_PT = 11
BODY_PT = 9
CHIP_PT = 8.5


def role(key: str) -> Role:
    return ROLES.get(key, ROLES["neutral"])


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two ``#RRGGBB`` colours (1 to 21)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` as 0..1 floats (ReportLab's Color)."""
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
