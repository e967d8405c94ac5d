"""Parse XML documents without entity expansion, DTDs or network access (defusedxml)."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from ..errors import InputError


def parse_xml(path: Path) -> Element:
    """The root element; a DTD, an entity or malformed XML is an InputError naming the file."""
    try:
        tree = parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True)
        root: Element = tree.getroot()
        return root
    except (ParseError, DefusedXmlException, OSError) as exc:
        raise InputError(f"{path}: unreadable or unsafe XML: {exc}") from exc
