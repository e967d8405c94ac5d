"""`python -m banscreen.cli`: the same as the `banscreen` command."""

from . import main

main()
