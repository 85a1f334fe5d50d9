"""The argparse ``type`` of every date, month and academic-year option: one parser each, the same
words and exit status 2 in every command."""

from __future__ import annotations

import argparse


def date_arg(text: str):
    """The one argparse ``type`` for every date option: YYYY-MM-DD (``dates.parse_iso``); anything
    else is argparse's error, exit status 2, with the same words in every command."""
    from desktop.dates import parse_iso

    try:
        return parse_iso(text)
    except ValueError:
        from desktop.i18n import _

        raise argparse.ArgumentTypeError(
            _("expected a date written YYYY-MM-DD, not “{value}”").format(value=text)) from None


def academic_year_arg(text: str) -> str:
    """The argparse ``type`` of ``--year`` (an academic year): "2025-2026"; exit status 2 otherwise."""
    from desktop.dates import parse_academic_year

    try:
        parse_academic_year(text)
    except ValueError:
        from desktop.i18n import _

        raise argparse.ArgumentTypeError(
            _("expected an academic year written YYYY-YYYY (like 2025-2026), not “{value}”").format(
                value=text)) from None
    return text.strip()


def month_arg(text: str) -> tuple[int, int]:
    """The argparse ``type`` of a month option: YYYY-MM -> (year, month); exit status 2 otherwise."""
    from desktop.dates import parse_year_month

    try:
        return parse_year_month(text)
    except ValueError:
        from desktop.i18n import _

        raise argparse.ArgumentTypeError(
            _("expected a month written YYYY-MM, not “{value}”").format(value=text)) from None
