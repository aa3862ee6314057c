from __future__ import annotations

import pytest

from corroborator.clean.people import is_person_name, split_authors


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Written by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
        ("Jane Doe; John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe in Kyiv", ["Jane Doe"]),
        ("Reuters", []),
        ("Staff Writer", []),
        ("Maria de la Cruz", ["Maria de la Cruz"]),
    ],
)
def test_split_authors(byline, names):
    assert split_authors(byline) == names


def test_person_names_are_capitalised_words_without_digits():
    assert is_person_name("Olena Marchenko")
    assert not is_person_name("olena marchenko")
    assert not is_person_name("Room 101")
    assert not is_person_name("@frontline")
