"""A covered vendor's own sites as its products print them: ZTE's handsets and hotspots
give `www.ztedevice.com` in their manuals; a hosting contract or a support link naming it
was CLEAR NO_MATCH."""

from __future__ import annotations

from banscreen.engine import Screener


def test_the_vendors_device_site_is_its_domain(screener: Screener) -> None:
    hits = screener.matcher.identifiers.lookup("domain", "https://www.ztedevice.com/support")
    assert {h.entity_id for h in hits} == {"zte"}
