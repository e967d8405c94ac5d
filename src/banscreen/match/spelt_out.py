"""A word spelt out letter by letter ("Q U O R V E L", "Q.U.O.R.V.E.L.", "Q-U-O-R-V-E-L"):
written so to slip past a screen, or by a fixed-width field that spaces its letters. A run of
`SPELT_MIN_LETTERS` or more one-letter Latin words is also read as the one word it spells,
as another form of a name (rewrites.py) and another reading of a text (freetext.py), each at
most what a name joined from words written apart may give."""

from __future__ import annotations

SPELT_MIN_LETTERS = 3


def spelt_out(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """`tokens` with each run of one-letter Latin words joined, or None when there is none
    ("q u o r v e l hk" is "quorvel hk"; "s k" and "j r" stay: two letters are initials)."""
    out: list[str] = []
    run: list[str] = []
    changed = False
    for token in (*tokens, ""):
        if len(token) == 1 and token.isascii() and token.isalpha():
            run.append(token)
            continue
        if len(run) >= SPELT_MIN_LETTERS:
            out.append("".join(run))
            changed = True
        else:
            out.extend(run)
        run = []
        if token:
            out.append(token)
    return tuple(out) if changed else None
