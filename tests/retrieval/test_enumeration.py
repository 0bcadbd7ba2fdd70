"""The items of a list an answer gives, which "the second one?" picks from."""

from __future__ import annotations

import pytest

from celacbot.retrieval.enumeration import list_items


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        (
            "Over the past decade, cooperation has borne rich fruit in aerospace, healthcare,"
            " agriculture and energy. The article also covers investment.",
            ["aerospace", "healthcare", "agriculture", "energy"],
        ),
        (
            "China provided medical support, including vaccines and ventilators, to Latin"
            " American and Caribbean countries such as Mexico, Cuba, Guyana and Ecuador.",
            ["Mexico", "Cuba", "Guyana", "Ecuador"],  # not the clauses between commas
        ),
        (
            "It focuses on smart cities, smart manufacturing, or rural e-commerce markets.",
            ["smart cities", "smart manufacturing", "rural e-commerce markets"],
        ),
        (
            "Mexico, Cuba and the Dominican Republic got aid.",
            ["Mexico", "Cuba", "the Dominican Republic"],
        ),
        (
            # "and" inside an item is no separator of the list's
            "It involves enterprises, universities and research institutions.",
            ["enterprises", "universities", "research institutions"],
        ),
        (
            "EVs are sold in Chile, Brazil, Mexico and Colombia, and BYD has built a complex.",
            ["Chile", "Brazil", "Mexico", "Colombia"],
        ),
    ],
)
def test_a_list_of_three_or_more_gives_its_items_in_order(answer: str, items: list[str]) -> None:
    assert list_items(answer) == items


@pytest.mark.parametrize(
    "answer",
    [
        "China helped launch Venezuela's remote sensing satellites and Bolivia's first"
        " communication satellite.",  # a pair of long phrases
        "On top of that, China and Argentina have set up a station.",  # a clause, no list
        "It processes lithium, alongside making electric and hybrid vehicles.",
        "BYD has built a complex in Brazil.",
        "",
    ],
)
def test_a_text_without_such_a_list_has_no_items(answer: str) -> None:
    assert list_items(answer) == []
