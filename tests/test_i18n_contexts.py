"""Message contexts: one English word with two meanings on screen or paper gets one catalog entry per
meaning (the language review, issue 19). A bare use of such a word fails here."""

import sys
from pathlib import Path

import pytest

from desktop.i18n import NC_, translator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n as catalog_tool  # noqa: E402

# msgid -> {file under desktop/: the context its meaning there needs}. Files not listed may use any
# of the contexts, but never the bare msgid.
MEANINGS = {
    "Action": {"views/common/history.py": "record history", "reports/curator_matrix.py": "curator report"},
    "Event": {"views/calendar/events_model.py": "calendar column", "reports/calendar_table.py": "calendar column",
              "models/curators.py": "curator activity kind"},
    "Received": {"views/requests/models.py": "date received", "reports/requests.py": "date received"},
    "Total": {"reports/headcount.py": None, "reports/curator_teaching_log.py": "sum row",
              "reports/workplan_pdf.py": "sum column"},
    "Status": {"views/students/models.py": "student", "views/meetings/models.py": "state",
               "views/requests/models.py": "state", "views/workplan/tree_model.py": "state"},
    "Cancelled": {"models/workplan/entities.py": "plan item", "models/meetings_entities.py": "decision"},
}


@pytest.fixture(scope="module")
def uses():
    from babel.messages.extract import extract_from_dir

    found: dict[str, list[tuple[str, str | None]]] = {}
    for filename, _lineno, message, _comments, context in extract_from_dir(
            str(ROOT / "desktop"), method_map=[("**.py", "python")], keywords=catalog_tool.KEYWORDS):
        msgid = message if isinstance(message, str) else message[0]
        if msgid in MEANINGS:
            found.setdefault(msgid, []).append((filename, context))
    return found


@pytest.mark.parametrize("msgid", sorted(MEANINGS))
def test_a_word_of_two_meanings_is_never_used_without_a_context(uses, msgid):
    bare = [f for f, ctx in uses[msgid] if ctx is None]
    assert bare == []
    assert len({ctx for _f, ctx in uses[msgid]}) >= 2 or msgid == "Received"


@pytest.mark.parametrize("msgid", sorted(MEANINGS))
def test_each_place_uses_the_context_of_its_meaning(uses, msgid):
    by_file: dict[str, set] = {}
    for filename, ctx in uses[msgid]:
        by_file.setdefault(filename, set()).add(ctx)
    for filename, want in MEANINGS[msgid].items():
        assert filename in by_file, filename
        if want is not None:
            assert by_file[filename] == {want}, filename


@pytest.mark.parametrize("lang,history,curator,calendar,kind", [
    ("kk", "Әрекет", "Шара", "Іс-шара атауы", "Іс-шара"),
    ("ky", "Аракет", "Көрүлгөн чара", "Иш-чаранын аталышы", "Иш-чара"),
    ("ru", "Действие", "Мера", "Наименование мероприятия", "Мероприятие"),
])
def test_the_two_meanings_read_differently(lang, history, curator, calendar, kind):
    tr = translator(lang)
    assert tr(NC_("record history", "Action")) == history
    assert tr.pgettext("curator report", "Action") == curator
    assert tr.pgettext("calendar column", "Event") == calendar
    assert tr(NC_("curator activity kind", "Event")) == kind


def test_kazakh_cancelled_decision_is_not_a_deleted_one():
    tr = translator("kk")
    assert tr.pgettext("decision", "Cancelled") == "Күші жойылды"
    assert tr("Cancel decision") != tr("Delete decision")


def test_no_bare_use_inside_f_strings_either():
    # Babel does not look inside f-strings: f"{_('Received')}: …" would look up a msgid that no longer exists.
    import re

    pattern = re.compile(r"\b(?:_|tr|N_)\((['\"])(" + "|".join(MEANINGS) + r")\1\)")
    found = [f"{p.relative_to(ROOT)}:{i}" for p in sorted((ROOT / "desktop").rglob("*.py"))
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []


# Two different English messages the review found printed alike: they must read differently in every language.
MUST_DIFFER = [("Add discipline", "Add lesson"), ("Delete discipline", "Delete lesson"),
               ("Cancel decision", "Delete decision"), ("every Friday", "Weekly"), ("Unit", "Section"),
               ("Competition", "Exam")]


@pytest.mark.parametrize("lang", ["ky", "kk", "ru"])
@pytest.mark.parametrize("first,second", MUST_DIFFER)
def test_messages_the_review_found_alike_read_differently(lang, first, second):
    tr = translator(lang)
    assert tr(first).casefold() != tr(second).casefold()
    assert tr(first) != first or lang == "en"


def test_received_date_is_not_the_accepted_status():
    for lang in ("ky", "kk", "ru"):
        tr = translator(lang)
        assert tr.pgettext("date received", "Received") != tr("Accepted")


def test_the_merge_driver_keeps_both_contexts_of_one_msgid(tmp_path):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    ours, theirs = Catalog(locale="kk", domain="dekanat"), Catalog(locale="kk", domain="dekanat")
    ours.add("Event", "Іс-шара атауы", context="calendar column")
    theirs.add("Event", "Іс-шара", context="curator activity kind")
    theirs.add("Total", "Барлығы", context="sum row")
    paths = []
    for name, cat in (("ours", ours), ("theirs", theirs)):
        catalog_tool.save(cat, tmp_path / f"{name}.po")
        paths.append(str(tmp_path / f"{name}.po"))
    catalog_tool.save(Catalog(locale="kk", domain="dekanat"), tmp_path / "base.po")  # neither existed before
    assert catalog_tool.cmd_merge(str(tmp_path / "base.po"), paths[0], paths[1]) == 0
    with open(paths[0], "rb") as fh:
        merged = read_po(fh)
    assert merged.get("Event", context="calendar column").string == "Іс-шара атауы"
    assert merged.get("Event", context="curator activity kind").string == "Іс-шара"
    assert merged.get("Total", context="sum row").string == "Барлығы"
