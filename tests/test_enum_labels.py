"""Enums carry their own translated labels (desktop/i18n.LabelledEnum); no label dictionary beside them."""

from __future__ import annotations

import pytest

from desktop.i18n import N_, NC_, LabelledEnum, set_language, translator


class Colour(LabelledEnum):
    RED = "red", N_("State grant")  # any msgid of the catalogs
    BLUE = "blue", NC_("student", "Status")
    PLAIN = "plain"


def test_the_value_is_what_is_stored_and_the_label_rides_along():
    assert Colour.RED.value == "red" and Colour("red") is Colour.RED and Colour.RED == "red"
    assert [m.value for m in Colour] == ["red", "blue", "plain"]
    assert Colour.labels() == {Colour.RED: "State grant", Colour.BLUE: "Status", Colour.PLAIN: "plain"}
    assert Colour.labels()["red"] == "State grant"  # a stored string finds its member's label


def test_label_in_the_interface_language_a_translator_or_a_language_code():
    assert Colour.RED.label() == "State grant"
    set_language("ru")
    assert Colour.RED.label() == "Грант"
    assert Colour.RED.label(translator("ky")) == "Грант"
    assert Colour.RED.label("kk") == "Грант"
    assert Colour.RED.label("en") == "State grant"
    assert Colour.PLAIN.label("ru") == "plain"


def test_a_context_label_is_translated_in_its_context():
    assert Colour.BLUE.label("ru") == translator("ru").pgettext("student", "Status")
    assert Colour.BLUE.label("ru") == "Статус"


@pytest.mark.parametrize(("enum_path", "member", "lang", "expected"), [
    ("desktop.models.contingent:StudyForm", "evening", "ky", "Кечки"),
    ("desktop.models.contingent:Funding", "contract", "ru", "Контракт"),
    ("desktop.models.exams:SessionKind", "winter", "ru", "Зимняя сессия"),
    ("desktop.models.meetings:DecisionStatus", "done", "ru", "Выполнено"),
    ("desktop.models.meetings:DecisionStatus", "cancelled", "ru", "Отменено"),  # in its context "decision"
])
def test_the_office_enums_speak_their_labels(enum_path, member, lang, expected):
    from importlib import import_module

    from desktop.models import load_all

    load_all()
    module, name = enum_path.split(":")
    enum = getattr(import_module(module), name)
    assert enum(member).label(lang) == expected


def test_no_label_dictionary_is_left_beside_a_labelled_enum():
    """A ``*_LABELS`` dictionary keyed by every member of a LabelledEnum is a second home for its
    labels (a dictionary of some members with other words, like the faculty profile's people, is not)."""
    from importlib import import_module

    from desktop.models import AREA_MODULES, load_all

    load_all()
    doubles = []
    for module_name in AREA_MODULES:
        module = import_module(module_name)
        for name, value in vars(module).items():
            if name.endswith("_LABELS") and isinstance(value, dict) and value \
                    and all(isinstance(key, LabelledEnum) for key in value) \
                    and set(value) == set(type(next(iter(value)))):
                doubles.append(f"{module_name}.{name}")
    assert doubles == []
