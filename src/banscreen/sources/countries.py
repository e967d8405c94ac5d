"""Country names as lists write them ("Korea, North", "Burma") → ISO 3166 alpha-2 codes."""

from __future__ import annotations

from functools import lru_cache

from rigour.territories import lookup_territory


@lru_cache(maxsize=4096)
def country_code(name: str) -> str:
    """Upper-case alpha-2 code, or "" when the name is not a known territory."""
    text = name.strip()
    if not text:
        return ""
    if len(text) == 2 and text.isalpha():
        return text.upper()
    territory = lookup_territory(text)
    return territory.code.upper() if territory is not None and len(territory.code) == 2 else ""
