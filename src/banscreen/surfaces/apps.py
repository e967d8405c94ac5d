"""App inventories and app binaries as transactions.

MDM-style exports (CSV, or JSON with devices and their apps) give one transaction per
installed app, screened by its Android package or iOS bundle id. An .apk gives its package
name from the binary AndroidManifest.xml (pyaxmlparser); an .ipa gives CFBundleIdentifier from
its Info.plist (plistlib). A file that is not the archive it claims to be is an ERROR row.
"""

from __future__ import annotations

import csv
import io
import json
import os
import plistlib
import re
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import CounterpartyIdentifier, Nexus, Transaction
from .archives import archive_problem, read_member
from .encodings import file_text
from .scan import ScanItem, ScanOptions, error_item
from .workbook import SUFFIXES as WORKBOOK_SUFFIXES
from .workbook import Workbook

# Column names as `column_key` writes them: MDM consoles export "Application Name" (Jamf's
# "Application Title", "Application Bundle ID"), "ApplicationName" and "ApplicationPublisher"
# (Intune's detected apps), "App name" or "name".
DEVICE_KEYS = (
    "device_id", "device", "serial", "serial_number", "udid", "device_name", "computer_name",
    "computer", "hostname",
)  # fmt: skip
NAME_KEYS = (
    "app_name", "name", "application_name", "application_title", "app_title", "display_name",
    "application", "app", "title", "product_name", "software_name", "software",
)  # fmt: skip
ID_KEYS = (
    "package", "package_name", "package_id", "bundle_id", "bundle_identifier",
    "application_bundle_id", "app_bundle_id", "identifier", "application_identifier",
    "app_identifier", "app_id",
)  # fmt: skip
# Who made the app, as the console reports it: screened by name as a further party, since
# an app of a listed maker is a transaction with it whatever the app is called.
PUBLISHER_KEYS = (
    "publisher", "application_publisher", "app_publisher", "publisher_name", "vendor",
    "vendor_name", "developer", "developer_name", "seller", "seller_name", "company",
    "company_name", "manufacturer", "author", "team_name", "signer",
)  # fmt: skip
VERSION_KEYS = (
    "version", "app_version", "application_version", "short_version",
    "application_short_version", "bundle_version",
)  # fmt: skip
PLATFORM_KEYS = ("platform", "os", "operating_system", "device_os", "platform_type")
# A software or asset inventory's CPE name of the product (Lansweeper, scanners' exports):
# its vendor names the maker where no package id does (match/cpe_names.py).
CPE_KEYS = ("cpe", "cpe_2_3", "cpe23", "cpe_name", "cpe_uri", "cpe_string", "cpe22")
_INFO_PLIST = re.compile(r"^Payload/[^/]+\.app/Info\.plist$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def column_key(name: object) -> str:
    """A column name in one spelling: "Application Bundle ID", "ApplicationBundleId" and
    "application-bundle-id" are all `application_bundle_id`."""
    return _NOT_WORD.sub("_", _CAMEL.sub("_", str(name).strip()).lower()).strip("_")


def _pick(record: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, str]:
    named = {column_key(k): k for k in record}
    for key in keys:
        if key in named:
            value = record[named[key]]
            return key, "" if value is None else str(value).strip()
    return "", ""


def _app_item(
    record: Mapping[str, Any], device: str, number: int, options: ScanOptions
) -> ScanItem:
    id_key, ident = _pick(record, ID_KEYS)
    _, name = _pick(record, NAME_KEYS)
    _, version = _pick(record, VERSION_KEYS)
    _, platform = _pick(record, PLATFORM_KEYS)
    _, publisher = _pick(record, PUBLISHER_KEYS)
    _, cpe = _pick(record, CPE_KEYS)
    location = f"{device or 'device ?'} / {ident or name or cpe or f'record {number}'}"
    if not ident and not name and not cpe:
        return error_item(
            location, f"record-{number}", "package", "no package, bundle id, CPE or app name"
        )
    apple = ("ios", "ipados", "iphone", "ipad", "macos", "mac", "osx", "mac_os", "os_x")
    ios = column_key(platform) in apple or "bundle" in id_key
    kind = "ios_bundle" if ios else "android"
    identifiers = tuple(CounterpartyIdentifier(k, v) for k, v in ((kind, ident), ("cpe", cpe)) if v)
    own = ident or name or cpe
    return ScanItem(
        location,
        f"{device}:{own}",
        Transaction(
            id=f"{device}:{own}" if device else own,
            date=options.as_of,
            category=options.category or "other",
            counterparty_name=name,
            identifiers=identifiers,
            us_nexus=options.us_nexus or Nexus.UNKNOWN,
            text=f"{name} {version}".strip(),
            location=location,
            parties=(("publisher", publisher),) if publisher else (),
        ),
    )


def read_inventory(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    """MDM export: a CSV with one installed app a row, or JSON devices with their apps."""
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(file_text(path))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: not a readable JSON app inventory: {exc}") from exc
        devices = data.get("devices", data) if isinstance(data, dict) else data
        if not isinstance(devices, list):
            raise InputError(f"{path}: expected a list of devices or apps")
        number = 0
        for device in devices:
            if isinstance(device, dict) and isinstance(device.get("apps"), list):
                _, device_id = _pick(device, DEVICE_KEYS)
                for app in device["apps"]:
                    number += 1
                    if not isinstance(app, dict):
                        yield error_item(
                            f"{device_id} / record {number}",
                            f"record-{number}",
                            "app",
                            "not an object",
                        )
                        continue
                    yield _app_item(app, device_id, number, options)
            elif isinstance(device, dict):
                number += 1
                _, device_id = _pick(device, DEVICE_KEYS)
                yield _app_item(device, device_id, number, options)
            else:
                number += 1
                yield error_item(f"record {number}", f"record-{number}", "app", "not an object")
        return
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        yield from _workbook_inventory(path, options)
        return
    # In the encodings transactions files come in (an export from a Chinese MDM is GB18030):
    # read as UTF-8 with its bytes replaced, `微信` was `΢��` and CLEAR. A byte the
    # encoding does not read makes its record an ERROR naming the field.
    try:
        text = io.StringIO(file_text(path), newline="")  # a byte-order mark decoded away
        for number, row in enumerate(csv.DictReader(text), start=1):
            _, device_id = _pick(row, DEVICE_KEYS)
            yield _app_item(row, device_id, number, options)
    except (OSError, csv.Error) as exc:
        raise InputError(f"{path}: not a readable CSV app inventory: {exc}") from exc


def _workbook_inventory(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    """An MDM export saved as a workbook: its first worksheet, as the CSV export's rows."""
    rows = Workbook(path).rows()
    first = next(rows, None)
    if first is None:
        return
    header = first[1]
    for number, (_, cells) in enumerate(rows, start=1):
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        _, device_id = _pick(row, DEVICE_KEYS)
        yield _app_item(row, device_id, number, options)


def _refused(path: Path, kind: str) -> ScanItem | None:
    """An ERROR item when the file is not a sound zip archive, else None."""
    if not zipfile.is_zipfile(path):
        return error_item(path.name, path.name, kind, f"not an {kind.upper()} (not a zip archive)")
    problem = archive_problem(path)
    return (
        None if problem is None else error_item(path.name, path.name, kind, f"refused: {problem}")
    )


def read_apk(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    refused = _refused(path, "apk")
    if refused is not None:
        yield refused
        return
    try:
        from pyaxmlparser import APK

        # pyaxmlparser prints warnings (a missing app name): keep stdout for the decisions.
        with open(os.devnull, "w") as sink, redirect_stdout(sink):
            apk = APK(str(path))
            package = apk.package or ""
            name = apk.application or ""
            version = apk.version_name or ""
            signer = _signer(apk)
    except Exception as exc:  # pyaxmlparser raises many types on a broken manifest
        yield error_item(path.name, path.name, "apk", f"unreadable AndroidManifest.xml: {exc}")
        return
    if not package:
        yield error_item(path.name, path.name, "apk", "no package name in AndroidManifest.xml")
        return
    yield _binary_item(path, "android", package, name, version, options, signer)


def _signer(apk: Any) -> str:
    """Organisation (else common name) of the first signing certificate, if any."""
    try:
        certificates = apk.get_certificates()
    except Exception:  # a malformed signature block is not a reason to lose the package
        return ""
    for certificate in certificates:
        subject = certificate.subject.native
        found = subject.get("organization_name") or subject.get("common_name") or ""
        if found:
            return str(found)
    return ""


def read_ipa(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    refused = _refused(path, "ipa")
    if refused is not None:
        yield refused
        return
    try:
        with zipfile.ZipFile(path) as archive:
            plist_name = next((n for n in archive.namelist() if _INFO_PLIST.match(n)), None)
            if plist_name is None:
                yield error_item(path.name, path.name, "ipa", "no Payload/*.app/Info.plist")
                return
            info = plistlib.loads(read_member(archive, plist_name))
    except (zipfile.BadZipFile, plistlib.InvalidFileException, ValueError, InputError) as exc:
        yield error_item(path.name, path.name, "ipa", f"unreadable Info.plist: {exc}")
        return
    bundle = str(info.get("CFBundleIdentifier") or "")
    if not bundle:
        yield error_item(path.name, path.name, "ipa", "no CFBundleIdentifier in Info.plist")
        return
    name = str(info.get("CFBundleDisplayName") or info.get("CFBundleName") or "")
    version = str(info.get("CFBundleShortVersionString") or "")
    yield _binary_item(path, "ios_bundle", bundle, name, version, options)


def _binary_item(
    path: Path,
    kind: str,
    ident: str,
    name: str,
    version: str,
    options: ScanOptions,
    signer: str = "",
) -> ScanItem:
    location = f"{path.name} ({ident})"
    return ScanItem(
        location,
        ident,
        Transaction(
            id=ident,
            date=options.as_of,
            category=options.category or "app_distribution",
            counterparty_name=name,
            identifiers=(CounterpartyIdentifier(kind, ident),),
            us_nexus=options.us_nexus or Nexus.UNKNOWN,
            text=f"{name} {version}".strip(),
            location=location,
            parties=(("signer", signer),) if signer else (),
        ),
    )
