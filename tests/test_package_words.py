"""Packages built for a named app whose name holds only the app's short name (`qq-botpy`,
`nonebot-adapter-qq`: QQ is two letters, shorter than any name a package's words were
searched for) or the name its own API goes by (`wxpay-sdk`), and SDKs a listed company
publishes under its own accounts (`cos-python-sdk-v5`, Tencent Cloud's): each was CLEAR in
an SBOM."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.match import Matcher
from banscreen.model import Outcome, Policy
from banscreen.registry import Registry, load_registry
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions

REQUIREMENTS = """\
qq-botpy==1.1.5
nonebot-adapter-qq==1.4.2
wxpay-sdk==0.1
cos-python-sdk-v5==1.9.30
requests==2.31.0
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def scanned(registry: Registry, folder: Path) -> dict[str, tuple[Outcome, str, tuple[str, ...]]]:
    path = folder / "requirements.txt"
    path.write_text(REQUIREMENTS, encoding="utf-8")
    _, reader = detect(path, "sbom")
    items = reader(path, ScanOptions(as_of=date(2021, 3, 15)))
    pipeline = Pipeline(Screener(registry), ScreenOptions(policy=Policy.ANTICIPATE))
    return {
        d.transaction_id.split("@")[0]: (
            d.outcome,
            d.entity_id,
            d.reasons,
        )
        for d in pipeline.scanned(items)
    }


def test_a_package_named_for_an_app_by_its_short_name_is_a_review(
    registry: Registry, tmp_path: Path
) -> None:
    found = scanned(registry, tmp_path)
    for package in ("pkg:pypi/qq-botpy", "pkg:pypi/nonebot-adapter-qq"):
        outcome, entity, reasons = found[package]
        assert (outcome, entity) == (Outcome.REVIEW, "app-tencent-qq"), found[package]
        assert "COMPONENT_NAME" in reasons
    outcome, entity, _ = found["pkg:pypi/wxpay-sdk"]
    assert (outcome, entity) == (Outcome.REVIEW, "app-wechat-pay")
    assert found["pkg:pypi/requests"][0] is Outcome.CLEAR


def test_a_listed_companys_own_sdk_is_identified_and_held_at_review(
    registry: Registry, tmp_path: Path
) -> None:
    outcome, entity, reasons = scanned(registry, tmp_path)["pkg:pypi/cos-python-sdk-v5"]
    # A library, not a transaction with the company: REVIEW, where the company is a BLOCK
    # under anticipate.
    assert (outcome, entity) == (Outcome.REVIEW, "tencent-cloud")
    assert "OPEN_SOURCE_LIBRARY" in reasons


def test_the_short_name_is_looked_for_because_the_data_says_so(registry: Registry) -> None:
    """The same name without `package_word` is too short to be looked for, as before."""
    entity = registry.entities["app-tencent-qq"]
    names = tuple(replace(n, package_word=False) for n in entity.names)
    entities = {**registry.entities, entity.id: replace(entity, names=names)}
    plain = replace(registry, entities=entities, version=f"{registry.version}-plain")
    assert {m.entry.entity_id for m in Matcher(plain).names.match_component("qq-botpy")} == set()
    found = Matcher(registry).names.match_component("qq-botpy")
    assert {m.entry.entity_id for m in found} == {"app-tencent-qq"}
    assert {m.method for m in found} == {"contained"}


def test_a_components_publisher_is_read_from_its_package_url_when_no_group_is_given(
    registry: Registry, tmp_path: Path
) -> None:
    """A CycloneDX component with a package URL and no `group` ("@alipay/mpaas-sdk" written
    as name `mpaas-sdk`; a Go module under github.com/alipay) was screened by its name
    alone: CLEAR. The URL's namespace names its publisher as a group does."""
    import json

    purls = ["pkg:npm/%40alipay/mpaas-sdk@1.0.0", "pkg:golang/github.com/alipay/sofa-mosn@v0.4.0",
             "pkg:npm/left-pad@1.3.0"]  # fmt: skip
    components = [
        {"type": "library", "name": p.rsplit("/", 1)[1].split("@")[0], "version": "1",
         "purl": p, "bom-ref": p}
        for p in purls
    ]  # fmt: skip
    path = tmp_path / "bom.json"
    path.write_text(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                                "components": components}), "utf-8")  # fmt: skip
    _, reader = detect(path, "sbom")
    pipeline = Pipeline(Screener(registry), ScreenOptions(policy=Policy.ANTICIPATE))
    found = {
        d.transaction_id: (d.outcome, d.entity_id)
        for d in pipeline.scanned(reader(path, ScanOptions(as_of=date(2021, 3, 15))))
    }
    assert found[purls[0]] == (Outcome.REVIEW, "app-alipay")
    assert found[purls[1]] == (Outcome.REVIEW, "app-alipay")
    assert found[purls[2]][0] is Outcome.CLEAR


@pytest.mark.parametrize(
    ("component", "entity"),
    [("pydahua", "dahua"), ("dahua-rpc-api", "dahua"), ("opendahua", "dahua"),
     ("zte-mf823", "zte"), ("python-zte-mc801a", "zte"), ("networking-zte", "zte")],
)  # fmt: skip
def test_a_vendors_short_brand_in_a_package_for_its_devices_is_a_review(
    registry: Registry, component: str, entity: str
) -> None:
    """`pydahua`, `dahua-rpc-api` (PyPI's packages for Dahua's cameras) and `zte-mf823` (for
    a ZTE modem) were CLEAR: Dahua and ZTE are shorter than `component_min_chars`. The data
    marks both as words package names write for their vendor (`package_word`)."""
    found = Matcher(registry).names.match_component(component)
    assert entity in {m.entry.entity_id for m in found}
    assert {m.method for m in found} == {"contained"}


@pytest.mark.parametrize("component", ["dahuang-utils", "aztec-code", "zteam", "lmztest"])
def test_words_that_only_hold_the_brands_letters_are_no_hit(
    registry: Registry, component: str
) -> None:
    found = Matcher(registry).names.match_component(component)
    assert not {"dahua", "zte"} & {m.entry.entity_id for m in found}


@pytest.mark.parametrize(
    ("component", "entity"), [("aiodahua", "dahua"), ("aioweixin", "app-wechat")]
)
def test_the_asyncio_prefix_is_a_packaging_word(
    registry: Registry, component: str, entity: str
) -> None:
    """`aio` is glued before a maker's name as `py` is (`aiodahua` was CLEAR)."""
    found = Matcher(registry).names.match_component(component)
    assert entity in {m.entry.entity_id for m in found}
