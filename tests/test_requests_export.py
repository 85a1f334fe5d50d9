"""Service requests out: the register to Excel and a card to PDF, by the CLI, read back; the demo."""

import datetime as dt
import subprocess

import pytest
from sqlalchemy import select

from desktop.models import settings
from desktop.models.request_templates import ProcedureTemplate, ensure_builtin_procedures
from desktop.models.requests import RequestStatus, create_request, record_step, refuse_request, request_rows

D = dt.date
NAME = "Әбдірова Гүлнұр <b>&amp; ңөұүһі"


def unhyphenate(text: str) -> str:
    """A word hyphenated at a line end ("нали-" / "чии") read back whole."""
    import re

    return re.sub(r"(\w)-\n(\w)", r"\1\2", text)


@pytest.fixture
def data(db):
    with db.session() as s:
        settings.put(s, "country", "KZ")
        ensure_builtin_procedures(s)
        dup = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
        late = create_request(s, dup, D(2026, 3, 20), applicant=NAME, conditions={3}, note="=1+1")
        first = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "grants"))
        refused = create_request(s, first, D(2026, 3, 23), applicant="Петров С.И.")
        refuse_request(s, refused, "Нет аттестата & <i>", D(2026, 3, 27))
        steps = s.execute(select(ProcedureTemplate).where(ProcedureTemplate.id == dup)).scalar().steps
        assert len(steps) == 7
        from desktop.models.requests import request_snapshot

        record_step(s, request_snapshot(s, late)["steps"][0]["id"], D(2026, 3, 27), "Беделова Н.С.")  # 1 day late
    db.dispose()
    return {"path": db.url, "late": late, "refused": refused}


def test_register_to_excel(cli, data, tmp_path):
    import openpyxl

    out = tmp_path / "reg.xlsx"
    r = cli("--database", data["path"], "export", "requests", "--format", "xlsx", "-o", str(out), "--lang", "kk",
            "--date", "2026-04-02")
    assert r.returncode == 0, r.stderr
    ws = openpyxl.load_workbook(out).active
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    rows = rows[next(i for i, row in enumerate(rows) if row[0] == "№"):]  # the table under the frame
    assert rows[0][:4] == ["№", "Өтініш беруші", "Рәсім", "Қабылданған күні"]
    by_id = {row[0]: row for row in rows[1:]}
    late = by_id[data["late"]]
    # Registration done 27.03 (due 26.03); check 4 wd from 27.03: 30, 31, 01, 02 -> 02.04: due today, not overdue.
    assert late[1:3] == [NAME, "Диплом телнұсқасы"]
    assert late[5] == "Орындалуда" and late[6] == "Өтініш берушінің деректерін тексеру"
    assert late[8] == dt.datetime(2026, 4, 2) and late[9] is None and late[12] == "=1+1"
    assert by_id[data["refused"]][5] == "Бас тартылды" and by_id[data["refused"]][12] == "Нет аттестата & <i>"
    # The next day the check is overdue: the row says so and is counted.
    r = cli("--database", data["path"], "export", "requests", "-o", str(out), "--status", "overdue",
            "--lang", "ru", "--date", "2026-04-03")
    assert r.returncode == 0 and r.stdout.startswith("1 request written to")
    ws = openpyxl.load_workbook(out).active
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    row = rows[next(i for i, row in enumerate(rows) if row[0] == "№") + 1]
    from desktop.i18n import translator

    assert row[5] == translator("ru")("In progress") + ", просрочено" and row[9] == 1


@pytest.mark.parametrize("lang,words", [
    ("kk", ["Өтініш № 1", "Диплом телнұсқасы", "Құжаттарды тіркеу", "Кешіктіріліп орындалды", "егер: Бланк жоқ"]),
    ("ky", ["Арыз № 1", "Дипломдун дубликаты", "Документтерди каттоо", "эгер: Бланк жок"]),
    ("ru", ["Заявление № 1", "Дубликат диплома", "Регистрация документов", "если: Нет бланка в наличии"]),
])
def test_card_to_pdf(cli, data, tmp_path, lang, words):
    out = tmp_path / f"card-{lang}.pdf"
    r = cli("--database", data["path"], "export", "request", "--id", str(data["late"]), "--format", "pdf",
            "--lang", lang, "-o", str(out), "--date", "2026-04-02")
    assert r.returncode == 0, r.stderr
    text = unhyphenate(subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True).stdout)
    text = " ".join(text.split())  # cells wrap onto several lines
    for w in words + [NAME, "20.03.2026", "26.03.2026", "27.03.2026", "Беделова Н.С.", "=1+1"]:
        assert w in text, w
    # Planned dates after the late registration (27.03): check 02.04, review 06.04, blank 07.04,
    # preparation 07.04 + 22 = 29.04, notice 30.04, issue 04.05 (01-03.05 off).
    for planned in ("02.04.2026", "06.04.2026", "07.04.2026", "29.04.2026", "30.04.2026", "04.05.2026"):
        assert planned in text, planned


def test_cli_refuses_unknown_request(cli, data, tmp_path):
    r = cli("--database", data["path"], "export", "request", "--id", "999", "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "no request No 999" in r.stderr


def test_demo_has_requests_in_every_state(demo_db):
    with demo_db.session() as s:
        rows = request_rows(s, dt.date(2000, 1, 1))  # counts by status do not depend on the day
    assert len(rows) == 14
    statuses = [r["status"] for r in rows]
    assert (statuses.count(RequestStatus.DONE), statuses.count(RequestStatus.REFUSED)) == (3, 2)


@pytest.mark.parametrize("country, anchor", [
    ("KG", D(2026, 3, 20)),  # Friday before Nooruz
    ("KZ", D(2026, 3, 26)),  # the first working day after Nauryz
    ("KG", D(2026, 1, 5)),  # after the New Year holidays
    ("RU", D(2025, 9, 1)),
    ("KZ", D(2026, 8, 20)),  # between the grants' fixed dates (15 and 25 August)
])
def test_demo_requests_are_a_realistic_mix_on_any_day(db, country, anchor):
    import random

    from desktop.models.demo.requests import OFFICE_PROCEDURES, plant
    from desktop.models.request_templates import add_template
    from desktop.models.requests import dashboard_counts

    with db.session() as s:
        settings.put(s, "country", country)
        ensure_builtin_procedures(s)
        office = [add_template(s, name, steps) for name, steps in OFFICE_PROCEDURES]
        made = plant(s, anchor, random.Random(1), [], ["Беделова Н.С."], office)
        rows = {r["id"]: r for r in request_rows(s, anchor)}
        counts = dashboard_counts(s, anchor)
    assert sorted(rows) == sorted(made)
    states = [r["status"] for r in rows.values()]
    assert states.count(RequestStatus.DONE) == 3 and states.count(RequestStatus.REFUSED) == 2
    assert counts["open"] == 9 and counts["overdue"] == 4  # about a third of all overdue
    assert all(r["closed"] <= anchor for r in rows.values() if r["closed"])
    assert all(r["received"] <= anchor for r in rows.values())
    on_time = [r for r in rows.values() if r["status"] == RequestStatus.IN_PROGRESS and not r["overdue"]]
    assert len(on_time) == 5 and all(r["step_due"] >= anchor for r in on_time)


@pytest.mark.parametrize("lang,words", [
    ("kk", ["Диплом телнұсқасы", "Өтініш беруші",
            "2026 жылғы 3 сәуірдегі жағдай бойынша: 2 өтініш, орындалуда 1, мерзімі өткен 1"]),
    ("ky", ["Дипломдун дубликаты", "2026-жылдын 3-апрелине карата: 2 арыз, аткарылууда 1, мөөнөтү өткөн 1"]),
    ("ru", ["Дубликат диплома", "Заявитель",
            "По состоянию на 3 апреля 2026 г.: заявлений 2, в работе 1, просрочено 1"]),
])
def test_register_to_pdf(cli, data, tmp_path, lang, words):
    from desktop.i18n import translator

    tr = translator(lang)
    out = tmp_path / f"register-{lang}.pdf"
    r = cli("--database", data["path"], "export", "requests", "--format", "pdf", "-o", str(out), "--lang", lang,
            "--date", "2026-04-03")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("2 requests written to")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "841.89 x 595.276" in info  # landscape A4
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "PTSans-Regular" in fonts and "PTSans-Bold" in fonts
    text = " ".join(unhyphenate(subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                                               text=True).stdout).split())
    for w in words + [tr("Register of service requests"), NAME, "Нет аттестата & <i>", "20.03.2026", "02.04.2026",
                      tr("{status}, overdue").format(status=tr("In progress"))]:
        assert w in text, w
    # The format follows the file name when not given.
    r = cli("--database", data["path"], "export", "requests", "-o", str(tmp_path / "r.pdf"), "--status", "refused")
    assert r.returncode == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
