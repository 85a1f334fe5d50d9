"""The command line speaks the chosen language: ``--lang``, else ``$DEKANAT_LANG``, else the window's
interface language (its settings file, read without Qt), else the default.

Sub-command help texts are written in English where they are registered; :func:`translate_parser`
puts every description and help of the built parser through our catalog, and argparse's own words
("usage:", "options", "invalid choice" ...) come from our catalog too (:data:`ARGPARSE_WORDS`).
``tools/i18n.py extract`` collects the help texts by building the parser (:func:`help_texts`).
"""

from __future__ import annotations

import argparse
import configparser
import os
import sys
from pathlib import Path

from desktop import APP_NAME, ORG_NAME
from desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, current

# The words argparse itself prints (Python 3.11+), for the catalog.
ARGPARSE_WORDS = [
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"), N_("expected at least one argument"), N_("expected at most one argument"),
    N_("ignored explicit argument %r"), N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("can't open '%(filename)s': %(error)s"),
]


def settings_file() -> Path:
    """Where QSettings (IniFormat, user scope) keeps the window's choices."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / ORG_NAME / f"{APP_NAME}.ini"


def interface_language() -> str | None:
    """The window's interface language ("ui/language"), or None when it was never chosen."""
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read(settings_file(), encoding="utf-8")
        value = parser.get("ui", "language", fallback=None)
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    return value if value in LANGUAGES else None


def default_language() -> str:
    env = os.environ.get("DEKANAT_LANG")
    if env in LANGUAGES:
        return env
    return interface_language() or DEFAULT_LANGUAGE


def language_of(argv: list[str]) -> str:
    """``--lang`` of the command line, read before the full parser is built."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=LANGUAGES)
    try:
        args, _rest = pre.parse_known_args(argv)
    except SystemExit:
        return default_language()
    return args.lang or default_language()


def use_catalog_for_argparse() -> None:
    """argparse's own words through our catalog, in the current language."""
    setattr(argparse, "_", lambda message: current()(message))  # noqa: B010  (argparse's own module globals)
    setattr(argparse, "ngettext", lambda singular, plural, n: current().ngettext(singular, plural, n))  # noqa: B010


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action._choices_actions  # the one-line help shown in the parent's list
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


def _texts(parser: argparse.ArgumentParser):
    """(object, attribute) of every English text of the parser tree."""
    for p in _parsers(parser):
        if isinstance(p, argparse.ArgumentParser):
            if p.description:
                yield p, "description"
            for action in p._actions:
                if action.help and action.help != argparse.SUPPRESS:
                    yield action, "help"
        elif getattr(p, "help", None):
            yield p, "help"


def translate_parser(parser: argparse.ArgumentParser) -> None:
    tr = current()
    for obj, attr in _texts(parser):
        setattr(obj, attr, tr(getattr(obj, attr)))


def help_texts() -> list[str]:
    """Every English description and help text of the command line (for the catalog)."""
    from desktop.cli import build_parser

    parser, _registry = build_parser()
    return sorted({getattr(obj, attr) for obj, attr in _texts(parser)})
