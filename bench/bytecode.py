"""Byte code compiled before a start-up is timed.

An installed package has its .pyc files (pip compiles them at install), and a user's second
run finds them. A checkout run under PYTHONDONTWRITEBYTECODE (set by some containers and CI
images) never writes them, so every process would compile banscreen's ~150 modules again,
and a benchmark would time the compiler (0.15–0.2 s a start on a 2-core machine) rather
than banscreen's start-up. Python still reads .pyc files under that variable.
"""

from __future__ import annotations

import compileall
import importlib.util
from pathlib import Path


def compile_package() -> str:
    """Compile the banscreen that this interpreter imports (PYTHONPATH decides which);
    what was done, to print beside the numbers."""
    spec = importlib.util.find_spec("banscreen")
    if spec is None or spec.origin is None:
        return "byte code: banscreen not found"
    root = Path(spec.origin).parent
    if compileall.compile_dir(root, quiet=1):
        return f"byte code: compiled ({root})"
    return f"byte code: NOT compiled ({root} is not writable); start-up includes compiling"
