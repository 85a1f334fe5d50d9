"""``dekanat frame show|set``: the official frame of the faculty's documents (approvers, the
council's decision for the plan, the compiler, the city) from the command line, as JSON."""

from __future__ import annotations

import json

from desktop.cli import CommandError, Context, Registry


def register(cli: Registry) -> None:
    cli.group("frame", "the document frame: who approves each document, the council's decision, the compiler")
    cli.subcommand("frame", "show", cmd_show, "print the document frame as JSON")
    p = cli.subcommand("frame", "set", cmd_set,
                       "replace the document frame by a JSON file (as 'frame show' prints it; blank = not stated)")
    p.add_argument("file", metavar="FILE.json")


def cmd_show(args, ctx: Context) -> int:
    from desktop.models.document_frame import load_frame, to_json

    with ctx.db.session() as s:
        print(json.dumps(to_json(load_frame(s)), ensure_ascii=False, indent=1))
    return 0


def cmd_set(args, ctx: Context) -> int:
    from desktop.models.base import DomainError
    from desktop.models.document_frame import save_frame

    try:
        with open(args.file, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror}") from None
    except ValueError as exc:
        raise CommandError(f"{args.file}: not JSON ({exc})") from None
    try:
        with ctx.db.session() as s:
            save_frame(s, data)
    except DomainError as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    print(f"document frame set from {args.file}")
    return 0
