"""A counterparty named twice in one field, in Chinese characters and in Latin letters, as
Chinese and Hong Kong invoices and payment messages write it ("某某控股有限公司 Acme
Holdings Limited"): read whole, each half is only found inside the other's company (REVIEW,
`contained`); read apart, each half names the entity on its own. When both halves name the
same entity, the name is as good as the weaker half. A half that is a listed name as
written, beside words of the other script that name nothing ("Acme Office手机版", the
mobile version; "手机Acme"), is that name found inside a longer one (`contained`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .entries import NameMatch
from .pinyin import HAN_CLASS, has_han

# A run of Chinese characters with the full-width punctuation written among them, and a run
# of Latin letters with what a Latin name holds; brackets around either half are dropped.
_HAN_RUN = re.compile(f"[{HAN_CLASS}（）()·・]+")
_LATIN = re.compile(r"[A-Za-z]")
_EDGES = "()（）[]【】,，;；:：-–— \t"


def halves(name: str) -> tuple[str, str] | None:
    """(Chinese half, Latin half) of a name written once in each, else None: exactly one run
    of Chinese characters, at the start or the end, and Latin letters in the rest."""
    runs = [m for m in _HAN_RUN.finditer(name) if has_han(m.group())]
    if len(runs) != 1:
        return None
    run = runs[0]
    before, after = name[: run.start()], name[run.end() :]
    if before.strip(_EDGES) and after.strip(_EDGES):
        return None  # Chinese in the middle of a Latin name: a longer string, not two names
    latin = (before + after).strip(_EDGES)
    han = run.group().strip(_EDGES)
    if not han or not _LATIN.search(latin):
        return None
    return han, latin


def both_halves(
    whole: Sequence[NameMatch],
    name: str,
    match: Callable[[str], Sequence[NameMatch]],
    exact: float,
    contained: float,
) -> list[NameMatch]:
    """`whole` (the name's hits read whole), each entity both halves name raised to the
    weaker half's hit when that is better (the hit shown is that half's); and an entity
    one half alone names at `exact` or more, found inside the name at `contained`."""
    split = halves(name)
    if split is None:
        return list(whole)
    han, latin = (
        {m.entry.entity_id: m for m in match(half)} for half in split
    )  # fmt: skip
    best = {m.entry.entity_id: m for m in whole}
    raised = False
    for entity_id in sorted(han.keys() & latin.keys()):
        weaker = min(han[entity_id], latin[entity_id], key=lambda m: m.score)
        current = best.get(entity_id)
        if current is None or weaker.score > current.score:
            best[entity_id], raised = weaker, True
    for entity_id, hit in sorted((han | latin).items()):
        current = best.get(entity_id)
        if hit.score >= exact and (current is None or current.score < contained):
            best[entity_id], raised = replace(hit, score=contained, method="contained"), True
    if not raised:
        return list(whole)
    return sorted(best.values(), key=lambda m: -m.score)  # stable: ties keep their order
