"""One date parser and one set of exit statuses for every command (README.md, "Command line"):
0 done, 1 refused or failed, 2 bad input."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli import academic_year_arg, build_parser, date_arg, main, month_arg

# Every option of the command line that takes a date, a month or an academic year, written out
# here (not read from the parser), so that a command losing its parser fails this test.
DATE_OPTIONS = [
    ("demo", "--today"),
    ("workdays add", "--from"),
    ("workdays between", "FROM"),
    ("workdays between", "TO"),
    ("import students", "--date"),
    ("export workplan-progress", "--date"),
    ("export headcount", "--date"),
    ("export requests", "--date"),
    ("export request", "--date"),
    ("export curator-reports", "--as-of"),
    ("export agenda", "--date"),
    ("export decisions", "--date"),
    ("export grade-sheet", "--issued"),
    ("export order", "--date"),
    ("minutes sign", "--date"),
    ("minutes sign", "--on"),
]
MONTH_OPTIONS = [("export teaching-log", "--month")]
YEAR_OPTIONS = [
    ("check session", "--year"),
    ("export calendar", "--year"),
    ("export curator-reports", "--year"),
    ("export session", "--year"),
    ("export grade-sheet", "--year"),
    ("export debts", "--year"),
    ("export session-summary", "--year"),
    ("import workplan", "--year"),
    ("export workplan", "--year"),
    ("export workplan-progress", "--year"),
    ("export texts", "--year"),
]


def _options_of(parser: argparse.ArgumentParser, kind, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _options_of(sub, kind, (*path, name))
        elif action.type is kind:
            yield " ".join(path), action.option_strings[-1] if action.option_strings else action.metavar


def test_every_date_month_and_year_option_uses_the_one_parser():
    parser, _registry = build_parser()
    assert sorted(_options_of(parser, date_arg)) == sorted(DATE_OPTIONS)
    assert sorted(_options_of(parser, month_arg)) == sorted(MONTH_OPTIONS)
    assert sorted(_options_of(parser, academic_year_arg)) == sorted(YEAR_OPTIONS)


def _argv(command: str, option: str, value: str) -> list[str]:
    words = command.split()
    if option == "FROM":
        return [*words, value, "2026-12-01"]
    if option == "TO":
        return [*words, "2026-12-01", value]
    return [*words, option, value]


def _exit_and_error(argv, db_path, capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(["--database", str(db_path), *argv])
    err = capsys.readouterr().err.strip().splitlines()[-1]
    return stopped.value.code, err


@pytest.mark.parametrize(("command", "option"), DATE_OPTIONS, ids=[" ".join(o) for o in DATE_OPTIONS])
@pytest.mark.parametrize("bad", ["2026-13-01", "30.11.2026", "20261130"])
def test_a_bad_date_exits_2_with_the_same_words_everywhere(command, option, bad, db_path, capsys):
    code, err = _exit_and_error(_argv(command, option, bad), db_path, capsys)
    assert code == 2
    assert err == f"dekanat {command}: error: argument {option}: expected a date written YYYY-MM-DD, not “{bad}”"


@pytest.mark.parametrize(("command", "option"), MONTH_OPTIONS)
def test_a_bad_month_exits_2(command, option, db_path, capsys):
    code, err = _exit_and_error(_argv(command, option, "2025-13"), db_path, capsys)
    assert code == 2
    assert err == f"dekanat {command}: error: argument {option}: expected a month written YYYY-MM, not “2025-13”"


@pytest.mark.parametrize(("command", "option"), YEAR_OPTIONS, ids=[" ".join(o) for o in YEAR_OPTIONS])
def test_a_bad_academic_year_exits_2(command, option, db_path, capsys):
    code, err = _exit_and_error(_argv(command, option, "2025-2027"), db_path, capsys)
    assert code == 2
    assert err == (f"dekanat {command}: error: argument {option}: "
                   "expected an academic year written YYYY-YYYY (like 2025-2026), not “2025-2027”")


def test_the_parsers_accept_what_they_should():
    import datetime as dt

    assert date_arg(" 2026-02-28 ") == dt.date(2026, 2, 28)
    assert month_arg("2025-9") == (2025, 9)
    assert academic_year_arg("2025-2026") == "2025-2026"
    with pytest.raises(argparse.ArgumentTypeError):
        date_arg("2026-02-29")  # not a leap year


def test_the_message_speaks_the_command_lines_language(db_path, capsys):
    code, err = _exit_and_error(["--lang", "ru", "export", "agenda", "--date", "2026-1-1"], db_path, capsys)
    assert code == 2
    assert err == "dekanat export agenda: ошибка: аргумент --date: ожидается дата в виде YYYY-MM-DD, а не «2026-1-1»"


def test_a_real_process_exits_2_for_a_bad_date_in_workdays_and_in_export(db_path, cli):
    """The issue's example: one bad date exited 2 in ``workdays add`` and 1 in ``export agenda``."""
    for argv in (["workdays", "add", "--from", "2026-02-30", "--days", "5"],
                 ["export", "agenda", "--date", "2026-02-30", "-o", str(db_path.parent / "a.pdf")]):
        result = cli("--database", str(db_path), *argv)
        assert result.returncode == 2, result.stderr
        assert "expected a date written YYYY-MM-DD, not “2026-02-30”" in result.stderr


@pytest.mark.parametrize(("argv", "message"), [
    (["demo", "--students", "0"], "--students must be between 1 and 50000"),
    (["demo", "--students", "20", "--today", "2027-11-20"], "--today is for a live demo: give --country too"),
    (["workdays", "between", "2026-12-02", "2026-12-01"], "TO is before FROM"),
    (["workdays", "holidays", "--year", "1800"], "--year must be between 1990 and 2100"),
    (["groups", "rename", "МАТ-1-25"], "Say what changes: a new name, --programme or --course."),
    (["export", "texts", "--document", "workplan", "-o", "t.xlsx"], "--year is needed for this document."),
])
def test_options_that_do_not_go_together_exit_2(argv, message, db_path, capsys):
    assert main(["--database", str(db_path), *argv]) == 2
    assert capsys.readouterr().err.strip() == f"dekanat: {message}"


def test_a_refusal_exits_1(db_path, capsys):
    assert main(["--database", str(db_path), "export", "calendar", "--year", "2025-2026", "--format", "pdf",
                 "-o", str(db_path.parent / "c.pdf")]) == 1
    assert capsys.readouterr().err.strip() == "dekanat: no bachelor calendar for 2025-2026"
