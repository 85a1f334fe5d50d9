"""How area modules add their sub-commands: ``register(cli: Registry)`` in each module of
``COMMAND_MODULES``; handlers take ``(args, ctx: Context)``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop.cli.context import Context

Handler = Callable[[argparse.Namespace, Context], int | None]


class Registry:
    """Lets area modules add sub-commands and sub-sub-commands (``export students`` ...)."""

    def __init__(self, parser: argparse.ArgumentParser):
        self.parser = parser
        self.commands = parser.add_subparsers(dest="command", metavar="SUB-COMMAND")
        self._groups: dict[str, argparse._SubParsersAction] = {}

    def command(self, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        p = self.commands.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    def group(self, name: str, help: str, default: Handler | None = None) -> argparse._SubParsersAction:
        """A command with its own sub-commands (``export``, ``import``, ``workdays``, ``check``)."""
        if name not in self._groups:
            p = self.commands.add_parser(name, help=help, description=help)
            p.set_defaults(handler=default or _group_usage(p))
            self._groups[name] = p.add_subparsers(dest=f"{name}_what", metavar="WHAT", required=default is None)
        return self._groups[name]

    def subcommand(self, group: str, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        sub = self._groups[group] if group in self._groups else self.group(group, help="")
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p


def _group_usage(parser: argparse.ArgumentParser) -> Handler:
    def handler(args, ctx):
        parser.print_usage(sys.stderr)
        return 2

    return handler

