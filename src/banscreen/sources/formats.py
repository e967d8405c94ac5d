"""Which reader a list file needs: the `--format` names, and detection when none is given."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import ListError
from .csl import read_csl_csv, read_csl_json
from .ftm import read_ftm
from .ofac_csv import read_sdn_csv
from .ofac_lists import assign_lists
from .ofac_xml import read_advanced, read_legacy
from .records import ListContent
from .un_xml import read_un

FORMATS = ("ofac-xml", "ofac-csv", "csl-csv", "csl-json", "ftm", "un-xml")
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def _read_ofac_xml(path: Path) -> ListContent:
    """Advanced or legacy: the root element tells which."""
    head = _head(path, 65536)
    for match in _XML_ROOT.finditer(head):
        if match.group(1) in (b"?xml",):
            continue
        root = match.group(1)
        if root == b"sdnList":
            return read_legacy(path)
        if root == b"Sanctions":
            return read_advanced(path)
    raise ListError(f"{path}: neither an SDN_ADVANCED.XML (Sanctions) nor an SDN.XML (sdnList)")


READERS: dict[str, Callable[[Path], ListContent]] = {
    "ofac-xml": _read_ofac_xml,
    "ofac-csv": read_sdn_csv,
    "csl-csv": read_csl_csv,
    "csl-json": read_csl_json,
    "ftm": read_ftm,
    "un-xml": read_un,
}


def _head(path: Path, size: int = 8192) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def detect_format(path: Path) -> str:
    """The format name of a list file, from its content (the extension only breaks ties)."""
    if path.is_dir():
        if (path / "sdn.csv").is_file():
            return "ofac-csv"
        raise ListError(f"{path}: a folder without sdn.csv")
    if not path.is_file():
        raise ListError(f"{path}: no such file")
    head = _head(path).lstrip(b"\xef\xbb\xbf").lstrip()
    if not head:
        raise ListError(f"{path}: empty file")
    if head.startswith(b"<"):
        roots = [m.group(1) for m in _XML_ROOT.finditer(_head(path, 65536))]
        return "un-xml" if b"CONSOLIDATED_LIST" in roots[:3] else "ofac-xml"
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0]
        if b'"schema"' in first_line and b'"results"' not in first_line:
            return "ftm"
        return "csl-json"
    first = head.split(b"\n", 1)[0]
    if b"_id" in first and b"source" in first:
        return "csl-csv"
    if re.match(rb'^\d+,"', first) or path.name.lower() == "sdn.csv":
        return "ofac-csv"
    raise ListError(
        f"{path}: not a list format banscreen reads; give --format ({', '.join(FORMATS)})"
    )


def read_list(path: Path, fmt: str | None = None) -> ListContent:
    """Parse and validate a whole list file; ListError names the record that is wrong."""
    if path.is_file() and path.stat().st_size == 0:
        raise ListError(f"{path}: empty file")
    name = fmt or detect_format(path)
    if name not in READERS:
        raise ListError(f"unknown list format {name!r}; expected one of {', '.join(FORMATS)}")
    try:
        content = READERS[name](path)
    except OSError as exc:
        raise ListError(f"{path}: cannot read: {exc}") from None
    if name in ("ofac-xml", "ofac-csv"):
        assign_lists(content)  # the SDN list, or the consolidated non-SDN lists
    return content
