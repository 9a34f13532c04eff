"""The corpus of ordinary files (ordinary_corpus.py): each is read right or refused at its place."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach_cli.results import read_result_file, validate_results
from kehoach_cli.safety.limits import Limits

from .forms import plan
from .ordinary_corpus import CASES, CORPUS


def test_the_corpus_covers_the_cases_and_every_file_is_listed() -> None:
    assert {case.case for case in CASES.values()} == {1, 2, 3, 7, 11, 12}
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_file_gives_its_figures_and_its_problems(name: str) -> None:
    expected = CASES[name]
    path = CORPUS / name
    found = validate_results([path], plan(), Limits())
    # The corpus forms fill only the rows of their case; values_missing (the other, empty
    # cells) is test_saved_forms' subject, not theirs.
    problems = [(p.code, p.location) for p in found if p.code != "values_missing"]
    assert problems == list(expected.problems)
    result, _ = read_result_file(path, plan())
    read = {v.code: v.value for v in result.values} if result else {}
    assert {code: read.get(code) for code in expected.values} == {
        code: Decimal(value) for code, value in expected.values.items()
    }
