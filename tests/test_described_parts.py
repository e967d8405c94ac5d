"""A head of a query after "describing" words holds no part of the other name's in their place.

With no listed person whose name holds "ALI" or "SUNG", those English words read as words
describing the person after them: "MOHAMMED ALI HASSAN AL-BAKRI" as HASSAN AL-BAKRI, which
`MOHAMMED OMAR HASSAN AL-BAKRI` holds, and "PARK SUNG HO" as SUNG HO (and PARK SUNG before
the place Ho), which `PARK SUNG MIN` almost is: `banscreen compare` gave both 0.80, a REVIEW,
on the shipped data, where the issue's table asks them to stay below REVIEW with a margin.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener

runner = CliRunner()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MOHAMMED ALI HASSAN AL-BAKRI", "MOHAMMED OMAR HASSAN AL-BAKRI"),  # another given name
        ("PARK SUNG HO", "PARK SUNG MIN"),  # a Korean given name sharing one syllable
        ("KIM YONG HO", "KIM YONG CHOL"),
        ("LEE YOUNG MIN", "LEE YOUNG HO"),
        # A head (RODRIGUEZ PEREZ) met a German reading of the other name, which lacks the
        # words the head left out (JUAN CARLOS).
        ("Maria Jose Garcia Lopez", "Maria Luisa Garcia Lopez"),
        ("Juan Carlos Rodriguez Perez", "Juan Manuel Rodriguez Perez"),
    ],
)
def test_different_persons_stay_below_review_on_the_shipped_data(
    screener: Screener, a: str, b: str
) -> None:
    review = screener.registry.matching.thresholds.review
    for x, y in ((a, b), (b, a)):
        for schema in ("auto", "person"):
            score = screener.matcher.compare(x, y, schema=schema)[0]
            assert score <= review - 0.05, (x, y, schema, score)
    result = runner.invoke(app, ["compare", a, b])
    assert result.exit_code == 0 and "(match)" not in result.output, result.output


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Defence Minister Sergei Shoigu", "SHOIGU, Sergei Kuzhugetovich"),
        ("Chechen leader Ramzan Kadyrov", "KADYROV, Ramzan Akhmatovitch"),
        ("Wagner boss Yevgeny Prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich"),
        ("Minister Hassan Al-Bakri", "MOHAMMED OMAR HASSAN AL-BAKRI"),
        ("Sergei Shoigu Moscow", "SHOIGU, Sergei Kuzhugetovich"),
    ],
)
def test_a_name_after_words_that_describe_its_bearer_is_still_found(
    screener: Screener, a: str, b: str
) -> None:
    review = screener.registry.matching.thresholds.review
    assert screener.matcher.compare(a, b)[0] >= review
