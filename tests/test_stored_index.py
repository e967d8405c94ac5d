"""The stored name index: the same answers as the index built in memory, opened rather than
rebuilt, and never used when stale or damaged."""

from __future__ import annotations

import json
import logging
import os
import random
from pathlib import Path

import pytest

from banscreen.match import Matcher
from banscreen.match.opening import index_key, index_root
from banscreen.registry import Registry
from banscreen.sources import registry_with_lists

LISTS = Path(__file__).resolve().parent / "fixtures" / "lists"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    from helpers.lists import import_fixture_lists

    return registry_with_lists(import_fixture_lists(tmp_path_factory.mktemp("stored-home")))


def _queries(registry: Registry) -> list[str]:
    """Registry names as given and misspelt, inside longer strings, and unrelated names."""
    rng = random.Random(11)
    names = sorted(n.value for e in registry.entities.values() for n in e.names)
    out = []
    for value in rng.sample(names, 250):
        out.append(value)
        if len(value) > 5:
            i = rng.randrange(1, len(value) - 2)
            out.append(value[:i] + value[i + 1] + value[i] + value[i + 2 :])
        out.append(f"Payment to {value} ref 4471")
    out += ["Acme Widgets Ltd", "John Smith", "Global Trading Co", "北京新华书店", "Иван Петров"]
    return out


def _answers(matcher: Matcher, queries: list[str]) -> list[object]:
    out: list[object] = []
    for query in queries:
        out.append([(m.entry.entity_id, m.entry.name.value, round(m.score, 6), m.method,
                     m.alignment.pairs, m.found) for m in matcher.names.match(query)])  # fmt: skip
        out.append([(m.entry.entity_id, m.score) for m in matcher.names.match_component(query)])
        out.append(sorted((h.entry.entity_id, h.phrase) for h in matcher.free_text.scan(query)))
    return out


def test_the_stored_index_answers_as_the_built_one(registry: Registry) -> None:
    queries = _queries(registry)
    built = Matcher(registry, stored=False)
    stored = Matcher(registry)
    assert type(stored.names.entries).__name__ == "StoredEntries"  # really opened from disk
    assert len(stored.names.entries) == len(built.names.entries)
    answers = _answers(built, queries)
    assert any(answers[::3]), "the queries must reach some names"
    assert _answers(stored, queries) == answers


def _index_dir(registry: Registry) -> Path:
    return index_root() / index_key(registry)[:32]


def _damage(path: Path, how: str) -> None:
    data = path / "data.mdb"
    raw = bytearray(data.read_bytes())
    if how == "flip":
        middle = len(raw) // 2
        raw[middle : middle + 64] = bytes(b ^ 0xFF for b in raw[middle : middle + 64])
    elif how == "truncate":
        raw = raw[: len(raw) // 2]
    data.write_bytes(bytes(raw))
    manifest = path / "manifest.json"
    if how == "stale":
        manifest.write_text(manifest.read_text().replace('"key": "', '"key": "0'))
    elif how == "no checksum":  # a manifest cut short by an editor or a disk: no "crc32"
        found = json.loads(manifest.read_text())
        del found["crc32"]
        manifest.write_text(json.dumps(found))


@pytest.mark.parametrize("how", ["flip", "truncate", "stale", "no checksum"])
def test_a_damaged_or_stale_index_is_rebuilt_with_a_message_never_used(
    registry: Registry, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    queries = _queries(registry)[:90]
    expected = _answers(Matcher(registry, stored=False), queries)
    Matcher(registry)  # stored
    path = _index_dir(registry)
    assert (path / "manifest.json").exists()
    _damage(path, how)
    with caplog.at_level(logging.WARNING, logger="banscreen.index"):
        again = Matcher(registry)
    assert "building the name index again" in caplog.text
    assert _answers(again, queries) == expected
    # And the rebuilt index is whole: the next start opens it without a word.
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="banscreen.index"):
        Matcher(registry)
    assert caplog.text == ""


def test_lists_import_leaves_the_index_built(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from banscreen.cli import app

    home = tmp_path / "home"
    result = CliRunner().invoke(
        app, ["--home", str(home), "lists", "import", str(LISTS / "consolidated.csv")]
    )
    assert result.exit_code == 0, result.output
    registry = registry_with_lists(home)
    assert (_index_dir(registry) / "manifest.json").exists()


def test_lists_import_leaves_the_places_table_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first `match` after importing a 40,000-party list took 3.5 s, most of it
    building the places table every match reads; `lists import` builds it now."""
    from typer.testing import CliRunner

    from banscreen.cli import app

    monkeypatch.setenv("BANSCREEN_CACHE", str(tmp_path / "cache"))
    home = tmp_path / "home"
    result = CliRunner().invoke(
        app, ["--home", str(home), "lists", "import", str(LISTS / "consolidated.csv")]
    )
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "cache").glob("places-*"))


def test_an_index_that_cannot_be_written_is_used_from_memory(
    registry: Registry, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    from banscreen.match import stored

    queries = _queries(registry)[:60]
    expected = _answers(Matcher(registry, stored=False), queries)
    monkeypatch.setenv("BANSCREEN_CACHE", str(tmp_path / "cache"))

    def full_disk(self: object, path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stored.IndexWriter, "__init__", full_disk)
    with caplog.at_level(logging.WARNING, logger="banscreen.index"):
        matcher = Matcher(registry)
    assert "could not store the name index" in caplog.text
    assert _answers(matcher, queries) == expected
    assert not any(p.is_dir() and p.name != "keys" for p in index_root().iterdir())


def test_old_indexes_and_remembered_keys_are_pruned(tmp_path: Path) -> None:
    import os

    from banscreen.match import opening

    root = tmp_path / "index"
    (root / "keys").mkdir(parents=True)
    for k in range(opening.KEEP + 3):
        old = root / f"old{k}"
        old.mkdir()
        os.utime(old, (k, k))
    for k in range(opening.KEEP_KEYS + 5):
        key = root / "keys" / f"k{k}"
        key.write_text("x")
        os.utime(key, (k, k))
    keep = root / "new"
    keep.mkdir()
    opening._prune(keep)
    left = sorted(p.name for p in root.iterdir() if p.name != "keys")
    assert left == sorted(["new", *(f"old{k}" for k in range(3, opening.KEEP + 3))])
    assert len(list((root / "keys").iterdir())) == opening.KEEP_KEYS
    assert not (root / "keys" / "k0").exists()


def test_building_the_name_index_tells_its_stages_to_a_progress_bar(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`lists import` of a large list shows what it is doing and how far (it showed only
    a spinner): each stage of the build, with its steps where they can be counted."""
    import io

    from rich.console import Console

    from banscreen.cli import lists as cli_lists
    from banscreen.match.normalize import Normaliser
    from banscreen.match.opening import open_indexes
    from banscreen.match.progress import listening
    from banscreen.settings import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))  # nothing built yet
    seen: list[tuple[str, int | None, int]] = []
    with listening(lambda label, total, done: seen.append((label, total, done))):
        open_indexes(registry, Normaliser(registry.matching))
    labels = [label for label, _, _ in seen]
    assert "building postings and near-token tables" in labels
    assert labels[-1] == "writing the index"
    counted = [(total, done) for label, total, done in seen if label == "normalising names"]
    names = sum(len(e.names) for e in registry.entities.values())
    assert counted[0] == (names, 0) and counted[-1][0] == names
    # On a terminal the CLI draws them as one bar.
    screen = io.StringIO()
    monkeypatch.setattr(cli_lists, "err", Console(file=screen, force_terminal=True, width=120))
    with cli_lists._progress("building the name index"):
        from banscreen.match.progress import stage

        stage("building lookups")
    assert "building the name index" in screen.getvalue()


def test_a_verified_index_is_not_read_whole_again_until_its_file_changes(
    registry: Registry, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from banscreen.match import tables

    Matcher(registry)  # built, or opened and verified
    Matcher(registry)
    path = _index_dir(registry)
    reads: list[Path] = []
    real = tables.file_digest
    monkeypatch.setattr(tables, "file_digest", lambda p: reads.append(p) or real(p))
    Matcher(registry)
    assert reads == []
    # Damage that keeps the file's size and modification time is still found: writing the
    # file changes its change time, which no one can set back.
    data = path / "data.mdb"
    before = data.stat()
    raw = bytearray(data.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 64] = bytes(b ^ 0xFF for b in raw[middle : middle + 64])
    data.write_bytes(bytes(raw))
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    with caplog.at_level(logging.WARNING, logger="banscreen.index"):
        Matcher(registry)
    assert "does not match its checksum" in caplog.text
    assert reads[0] == path and len(reads) == 2  # then the rebuilt one, once, as it is written


def test_names_longer_than_a_storage_key_are_stored_and_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """LMDB takes keys of 511 bytes at most: a listed name of 300 Cyrillic letters made the
    index unstorable, and every command built it again. Such keys are stored under a digest
    of them, their records holding the key."""
    import yaml

    from banscreen.match.tables import LONG_KEY_BYTES
    from banscreen.registry import load_registry

    long_names = {
        "long-ru": " ".join(["Федеральное государственное унитарное предприятие"] * 6),
        "long-zh": "北京" + "新华书店" * 60 + "有限公司",
    }
    assert all(len(v.encode()) > LONG_KEY_BYTES for v in long_names.values())
    fact = {"source": "test", "provenance": "confirmed"}
    data = {
        "sources": {"test": "banscreen test fixture"},
        "entities": [
            {"id": k, "type": "company", **fact, "names": [{"value": v, "kind": "legal", **fact}]}
            for k, v in long_names.items()
        ],
    }
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("BANSCREEN_CACHE", str(tmp_path / "cache"))
    registry = load_registry([path])
    queries = [*long_names.values(), "Acme Widgets Ltd", "北京新华书店"]
    with caplog.at_level(logging.WARNING, logger="banscreen.index"):
        stored = Matcher(registry)
    assert "could not store" not in caplog.text
    assert type(stored.names.entries).__name__ == "StoredEntries"
    assert _answers(stored, queries) == _answers(Matcher(registry, stored=False), queries)
    for entity_id, name in long_names.items():
        found = [m.entry.entity_id for m in stored.names.match(name)]
        assert found[:1] == [entity_id]
    exact = stored.names._exact
    keys = set(exact)  # read back from the stored keys, long ones from their records
    assert all(k in exact for k in keys) and any(len(k.encode()) > LONG_KEY_BYTES for k in keys)
