"""Numbers as news prints them: digits, words, scales, vague plurals, ranges and qualifiers (no model needed)."""

from __future__ import annotations

import pytest

from corroborator.extract.figure.numbers import find_quantities, parse_number


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.text(text) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("8,000", 8000),
        ("12000", 12000),
        ("2.5", 2.5),
        ("1.5 million", 1_500_000),
        ("3 billion", 3_000_000_000),
        ("20m", 20_000_000),
        ("4bn", 4_000_000_000),
        ("three", 3),
        ("Seventeen", 17),
        ("twenty-five", 25),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a hundred", 100),
        ("one hundred and fifty", 150),
        ("two thousand", 2000),
        ("half a million", 500_000),
    ],
)
def test_values_in_digits_and_words(printed, value):
    assert parse_number(printed) == value


def test_number_words_are_flagged_as_spelled():
    assert only("nine tanks").spelled
    assert not only("9 tanks").spelled


def test_unrelated_words_split_into_separate_numbers():
    text = "one and two"
    assert [q.value for q in find_quantities(text)] == [1, 2]


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("dozens", 12),
        ("Hundreds", 100),
        ("thousands", 1000),
        ("tens of thousands", 10_000),
        ("hundreds of thousands", 100_000),
        ("several thousand", 1000),
        ("a few hundred", 100),
    ],
)
def test_vague_quantities_get_a_conventional_number(printed, value):
    q = only(f"{printed} of refugees crossed")
    assert q.vague and q.value == value
    assert q.qualifier == "at_least"  # the least the word can mean
    assert q.text(f"{printed} of refugees crossed") == printed


def test_several_alone_is_not_a_number():
    assert find_quantities("several shells and a few mortars hit the depot") == []


def test_scores_is_a_number_only_before_of():
    assert only("scores of fighters").value == 20
    assert find_quantities("the match scores were low") == []


@pytest.mark.parametrize(
    ("text", "low", "high", "printed"),
    [
        ("from 2,000 to 2,500 marines", 2000, 2500, "from 2,000 to 2,500"),
        ("between 300 and 450 guards", 300, 450, "between 300 and 450"),
        ("7,000-9,000 conscripts", 7000, 9000, "7,000-9,000"),
        ("7,000–9,000 conscripts", 7000, 9000, "7,000–9,000"),
        ("five to six battalions", 5, 6, "five to six"),
        ("two or three tanks", 2, 3, "two or three"),
        ("3 to 4 million residents", 3_000_000, 4_000_000, "3 to 4 million"),
    ],
)
def test_ranges(text, low, high, printed):
    q = only(text)
    assert (q.qualifier, q.value, q.low, q.high) == ("range", low, low, high)
    assert q.text(text) == printed


def test_a_change_between_two_figures_is_not_a_range():
    text = "the toll rose from 140 to 210"
    assert [(q.value, q.qualifier) for q in find_quantities(text)] == [(140, "exact"), (210, "exact")]


def test_a_falling_pair_is_not_a_range():
    assert len(find_quantities("scores 84 - 34 in the final")) == 2


def test_and_joins_a_range_only_after_between():
    assert len(find_quantities("it lost 40 tanks and 60 trucks")) == 2


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("about 900", "approximately"),
        ("around 900", "approximately"),
        ("roughly 900", "approximately"),
        ("some 900", "approximately"),
        ("an estimated 900", "approximately"),
        ("approximately 900", "approximately"),
        ("at least 900", "at_least"),
        ("more than 900", "at_least"),
        ("over 900", "at_least"),
        ("upwards of 900", "at_least"),
        ("a minimum of 900", "at_least"),
        ("up to 900", "at_most"),
        ("as many as 900", "at_most"),
        ("nearly 900", "at_most"),
        ("almost 900", "at_most"),
        ("fewer than 900", "at_most"),
        ("less than 900", "at_most"),
        ("a maximum of 900", "at_most"),
        ("no more than 900", "at_most"),
        ("900", "exact"),
    ],
)
def test_qualifiers_before_the_number(phrase, qualifier):
    text = f"Officials counted {phrase} sappers."
    q = only(text)
    assert q.qualifier == qualifier
    assert q.text(text) == phrase
    assert q.low == q.high == q.value == 900


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("500-odd", "approximately"),
        ("500 or so", "approximately"),
        ("500 or more", "at_least"),
        ("500-plus", "at_least"),
    ],
)
def test_qualifiers_after_the_number(phrase, qualifier):
    text = f"{phrase} volunteers"
    q = only(text)
    assert (q.qualifier, q.text(text)) == (qualifier, phrase)


def test_money_and_percent():
    text = "a $2.3bn package, up to €40 million more, and 15% of the budget"
    money, more, share = find_quantities(text)
    assert (money.currency, money.value, money.text(text)) == ("USD", 2_300_000_000, "$2.3bn")
    assert (more.currency, more.qualifier, more.text(text)) == ("EUR", "at_most", "up to €40 million")
    assert share.percent and share.text(text) == "15%"
    assert only("15 per cent of it").percent


def test_offsets_point_into_the_text():
    text = "Reports said close to 4,400 recruits arrived."
    q = only(text)
    assert text[q.start : q.end] == "close to 4,400"
    assert text[q.number_start : q.number_end] == "4,400"


def test_text_with_no_numbers():
    assert find_quantities("") == []
    assert find_quantities("No figures were given.") == []
