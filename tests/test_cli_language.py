"""The command line speaks the chosen language (issue 19): --lang, else the interface language."""

import pytest


def test_refusal_in_kazakh(cli, tmp_path):
    r = cli("--database", str(tmp_path / "a.sqlite3"), "--lang", "kk", "workdays", "between", "--country", "KZ",
            "2026-01-10", "2026-01-01")
    assert r.returncode == 2
    assert r.stderr.strip() == "dekanat: TO күні FROM күнінен бұрын"


def test_argparse_own_words_in_russian(cli):
    r = cli("--lang", "ru", "export", "students", "--format", "docx", "-o", "x")
    assert r.returncode == 2
    assert "использование: dekanat export students" in r.stderr
    assert "ошибка: аргумент --format: недопустимый вариант: 'docx' (выберите из 'xlsx', 'pdf')" in r.stderr


@pytest.mark.parametrize("lang,words", [
    ("ky", ["колдонуу: dekanat workdays", "параметрлер:", "бул жардамды көрсөтүп, чыгуу",
            "өлкө боюнча жумуш күндөрү, майрамдар жана дем алыш күндөрү"]),
    ("ru", ["использование: dekanat workdays", "параметры:", "рабочие, праздничные и выходные дни по стране"]),
])
def test_sub_command_help_in_the_language(cli, lang, words):
    r = cli("--lang", lang, "workdays", "--help")
    assert r.returncode == 0
    for w in words:
        assert w in r.stdout, w


def test_the_interface_language_when_no_lang_is_given(cli, tmp_path):
    (tmp_path / "config" / "Dekanat").mkdir(parents=True)
    (tmp_path / "config" / "Dekanat" / "Dekanat.ini").write_text("[ui]\nlanguage=ky\n", encoding="utf-8")
    r = cli("--database", str(tmp_path / "a.sqlite3"), "workdays", "holidays", "--country", "KG", "--year", "1800",
            env={"DEKANAT_LANG": "", "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert r.returncode == 2
    assert r.stderr.strip() == "dekanat: --year 1990 менен 2100 ортосунда болушу керек"


def test_summary_counts_in_russian(cli, tmp_path, db_path):
    db = str(db_path)
    r = cli("--database", db, "--lang", "ru", "check")
    assert r.returncode == 0 and r.stdout.startswith("в порядке: ")
