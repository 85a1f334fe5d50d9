"""Grading scales as the regulations set them, and forms of control (no Qt, no files).

Three presets, chosen per faculty (the ``grading.scale`` setting; by default the faculty's country):

- ``kz_credit`` — Kazakhstan's credit technology of study. Source: Order of the Minister of
  Education and Science of the Republic of Kazakhstan No 152 of 20 April 2011 "Rules for organising
  the educational process on credit technology of study", the multi-point letter system of grading
  (A 95–100 = 4.0 ... D 50–54 = 1.0, FX 25–49 = 0.5, F 0–24 = 0): the admission rating weighs 60 %
  and the final exam 40 % of the final grade, a student is admitted to the exam only with an
  admission rating of at least 50, and FX may be retaken in the same session (seed 004's FX period).
- ``kg_module`` — Kyrgyzstan's module-rating system (Regulation on the credit-module system of the
  Ministry of Education and Science of the Kyrgyz Republic, 2015, as universities apply it, e.g.
  KNU named after Zh. Balasagyn: 87–100 "5", 74–86 "4", 61–73 "3", 0–60 "2"). The thresholds are the
  ``grading.kg_thresholds`` setting because each university sets its own.
- ``ru_five`` — Russia's 5-point scale with pass/fail (Federal Law No 273-FZ "On Education", art. 58,
  and Order of the Ministry of Education and Science No 245 of 5 April 2017, para. 41): "5" excellent,
  "4" good, "3" satisfactory, "2" unsatisfactory; pass/fail as "passed" / "not passed". No points.

Forms of control: exam, pass/fail (зачёт), graded pass (дифференцированный зачёт), course work.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TypedDict

from desktop.i18n import N_, LabelledEnum, _
from desktop.models import settings
from desktop.models.base import DomainError


class Control(LabelledEnum):
    EXAM = "exam", N_("Exam")
    PASS_FAIL = "pass_fail", N_("Pass/fail")
    GRADED_PASS = "graded_pass", N_("Graded pass")
    COURSE_WORK = "course_work", N_("Course work")


class Mark(LabelledEnum):
    """What stands in the grade column instead of a grade."""
    NONE = ""
    ABSENT = "absent", N_("absent")
    NOT_ADMITTED = "not_admitted", N_("not admitted")


class Grade(LabelledEnum):
    """A grade: "5" "4" "3" "2" on the traditional scale, "pass" / "fail" for pass/fail."""

    EXCELLENT = "5", N_("excellent")
    GOOD = "4", N_("good")
    SATISFACTORY = "3", N_("satisfactory")
    UNSATISFACTORY = "2", N_("unsatisfactory")
    PASS = "pass", N_("passed")
    FAIL = "fail", N_("not passed")


TOP_GRADES = {"5"}
GOOD_GRADES = {"5", "4"}


@dataclass(frozen=True)
class Band:
    low: int  # lowest points of the band (inclusive); the band runs to the next band's low - 1
    letter: str
    gpa: float | None
    grade: str  # "5".."2"


@dataclass(frozen=True)
class Scale:
    key: str
    title: str
    uses_points: bool
    bands: tuple[Band, ...]  # highest first
    pass_points: int  # the lowest passing points (pass/fail and the traditional "3")
    admission_min: int | None = None  # the lowest admission rating (KZ)
    rating_weight: float | None = None  # the admission rating's share of the final grade (KZ)
    retake_letters: frozenset[str] = frozenset()  # letters retaken in the same session (KZ FX)

    def band(self, points: int) -> Band:
        for band in self.bands:
            if points >= band.low:
                return band
        return self.bands[-1]


KZ_BANDS = (
    Band(95, "A", 4.0, "5"), Band(90, "A-", 3.67, "5"),
    Band(85, "B+", 3.33, "4"), Band(80, "B", 3.0, "4"), Band(75, "B-", 2.67, "4"),
    Band(70, "C+", 2.33, "3"), Band(65, "C", 2.0, "3"), Band(60, "C-", 1.67, "3"),
    Band(55, "D+", 1.33, "3"), Band(50, "D", 1.0, "3"),
    Band(25, "FX", 0.5, "2"), Band(0, "F", 0.0, "2"),
)
KZ_CREDIT = Scale("kz_credit", N_("Kazakhstan: credit system (A…F, GPA)"), True, KZ_BANDS, 50,
                  admission_min=50, rating_weight=0.6, retake_letters=frozenset({"FX"}))

KG_DEFAULT_THRESHOLDS = (87, 74, 61)


def kg_scale(thresholds: tuple[int, int, int] | list[int] = KG_DEFAULT_THRESHOLDS) -> Scale:
    """The Kyrgyz module-rating scale with a university's own thresholds for "5", "4" and "3"."""
    five, four, three = (int(t) for t in thresholds)
    if not 0 < three < four < five <= 100:
        raise DomainError(_("The thresholds must rise: “3” < “4” < “5” ≤ 100 (got {values}).").format(
            values=", ".join(str(t) for t in thresholds)))
    bands = (Band(five, "", None, "5"), Band(four, "", None, "4"), Band(three, "", None, "3"), Band(0, "", None, "2"))
    return Scale("kg_module", N_("Kyrgyzstan: module-rating system (100 points → 5/4/3/2)"), True, bands, three)


RU_FIVE = Scale("ru_five", N_("Russia: 5-point scale with pass/fail"), False,
                (Band(5, "", None, "5"), Band(4, "", None, "4"), Band(3, "", None, "3"), Band(0, "", None, "2")), 3)

SCALE_KEYS = ("kz_credit", "kg_module", "ru_five")
COUNTRY_SCALE = {"KZ": "kz_credit", "KG": "kg_module", "RU": "ru_five"}
SCALE_SETTING = settings.declare("grading.scale", "", ("",) + SCALE_KEYS)  # "" = the country's preset
KG_THRESHOLDS = settings.declare("grading.kg_thresholds", list(KG_DEFAULT_THRESHOLDS))


def scale_by_key(key: str, kg_thresholds=KG_DEFAULT_THRESHOLDS) -> Scale:
    if key == "kz_credit":
        return KZ_CREDIT
    if key == "kg_module":
        return kg_scale(kg_thresholds)
    if key == "ru_five":
        return RU_FIVE
    raise DomainError(_("Unknown grading scale “{key}”.").format(key=key))


def faculty_scale(session) -> Scale:
    """The scale the faculty chose, else its country's preset."""
    key = settings.get(session, "grading.scale") or COUNTRY_SCALE.get(settings.get(session, "country"), "kg_module")
    return scale_by_key(key, settings.get(session, "grading.kg_thresholds"))


@dataclass(frozen=True)
class Outcome:
    """A result as the scale reads it."""
    mark: str = ""  # Mark
    score: int | None = None  # final points (KZ: 60 % rating + 40 % exam)
    letter: str = ""
    gpa: float | None = None
    grade: str = ""  # "5".."2", "pass", "fail", or "" (absent, not admitted, nothing entered)
    passed: bool = False

    @property
    def entered(self) -> bool:
        return bool(self.mark or self.grade)


def round_points(value: float) -> int:
    """Half up, as the office counts (74.5 -> 75), never banker's rounding."""
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _check_points(value: float | None, what: str) -> None:
    if value is not None and not 0 <= value <= 100:
        raise DomainError(_("{what} must be between 0 and 100 (got {value}).").format(what=what, value=value))


def evaluate(scale: Scale, control: str, *, points: float | None = None, rating: float | None = None,
             grade: str | None = None, mark: str = "") -> Outcome:
    """The outcome of one student's sitting.

    ``points`` are the exam's points (KZ) or the total points (KG); ``rating`` the admission
    rating (KZ; without it the points are taken as final); ``grade`` the typed grade on the
    5-point scale ("5".."2", "pass", "fail"), used when the scale has no points.
    """
    control = Control(control)
    mark = Mark(mark)
    if mark is Mark.ABSENT:
        return Outcome(mark=mark.value)
    if mark is Mark.NOT_ADMITTED:
        return Outcome(mark=mark.value)
    _check_points(points, _("The points"))
    _check_points(rating, _("The admission rating"))
    if scale.admission_min is not None and rating is not None and rating < scale.admission_min:
        return Outcome(mark=Mark.NOT_ADMITTED.value)
    if not scale.uses_points:
        if grade in (None, ""):
            return Outcome()
        grade = str(grade)
        if control is Control.PASS_FAIL:
            if grade not in ("pass", "fail"):
                raise DomainError(_("A pass/fail gives “passed” or “not passed”, not “{grade}”.").format(grade=grade))
            return Outcome(grade=grade, passed=grade == "pass")
        if grade not in ("5", "4", "3", "2"):
            raise DomainError(_("The grade must be 5, 4, 3 or 2, not “{grade}”.").format(grade=grade))
        return Outcome(grade=grade, passed=grade != "2")
    if points is None:
        return Outcome()
    if scale.rating_weight is not None and rating is not None:
        score = round_points(scale.rating_weight * rating + (1 - scale.rating_weight) * points)
    else:
        score = round_points(points)
    band = scale.band(score)
    if control is Control.PASS_FAIL:
        passed = score >= scale.pass_points
        return Outcome(score=score, letter=band.letter, gpa=band.gpa, grade="pass" if passed else "fail",
                       passed=passed)
    return Outcome(score=score, letter=band.letter, gpa=band.gpa, grade=band.grade, passed=band.grade != "2")


# Typing in the grid and reading a filled sheet ------------------------------------------------------

ABSENT_WORDS = {"н", "н/я", "ня", "abs", "absent", "a", "кел", "келген жок", "келмеди", "келмеген"}
NOT_ADMITTED_WORDS = {"нд", "н/д", "не доп", "не допущен", "na", "n/a", "not admitted", "жол берилген жок",
                      "жіберілмеді", "жіберілмеген", "уруксат жок"}
PASS_WORDS = {"pass", "passed", "зач", "зачет", "зачёт", "зачтено", "+", "сынак", "сынақ", "өттү", "өтті"}
FAIL_WORDS = {"fail", "не зач", "незачет", "не зачтено", "-", "өткөн жок", "өтпеді"}


class Entry(TypedDict):
    """What one grade cell says, as evaluate()'s keywords."""

    points: float | None
    grade: str | None
    mark: str


class RatedEntry(Entry):
    """A grade cell with the admission rating beside it (a filled sheet read back)."""

    rating: float | None


def parse_entry(scale: Scale, control: str, text: str) -> Entry:
    """What the user typed into the grade cell: points (or a grade on the 5-point scale) or a mark.

    Returns ``{"points": ..., "grade": ..., "mark": ...}``; a blank is "nothing entered".
    """
    raw = (text or "").strip().casefold()
    if not raw:
        return {"points": None, "grade": None, "mark": ""}
    if raw in ABSENT_WORDS or raw == _("absent").casefold():
        return {"points": None, "grade": None, "mark": Mark.ABSENT.value}
    if raw in NOT_ADMITTED_WORDS or raw == _("not admitted").casefold():
        return {"points": None, "grade": None, "mark": Mark.NOT_ADMITTED.value}
    if not scale.uses_points:
        if raw in PASS_WORDS or raw == _("passed").casefold():
            return {"points": None, "grade": "pass", "mark": ""}
        if raw in FAIL_WORDS or raw == _("not passed").casefold():
            return {"points": None, "grade": "fail", "mark": ""}
        if raw in ("5", "4", "3", "2"):
            if Control(control) is Control.PASS_FAIL:
                return {"points": None, "grade": "fail" if raw == "2" else "pass", "mark": ""}
            return {"points": None, "grade": raw, "mark": ""}
        raise DomainError(_("“{text}” is not a grade: type 5, 4, 3, 2, passed, not passed, or н (absent).").format(
            text=text.strip()))
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise DomainError(_("“{text}” is not a number of points: type 0 to 100, or н (absent), нд (not admitted).")
                          .format(text=text.strip())) from None
    _check_points(value, _("The points"))
    return {"points": value, "grade": None, "mark": ""}


def describe(outcome: Outcome, tr=None) -> str:
    """"85 B+ (4)" / "absent": one cell of a filled sheet."""
    t = tr or _
    if outcome.mark:
        return Mark(outcome.mark).label(t)
    parts = []
    if outcome.score is not None:
        parts.append(str(outcome.score))
    if outcome.letter:
        parts.append(outcome.letter)
    if outcome.grade:
        parts.append(Grade(outcome.grade).label(t))
    return " ".join(parts)
