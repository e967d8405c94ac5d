"""Write a minimal Android binary XML (AXML) manifest, for APK fixtures built by the tests.

Chunk layout per the AOSP ResourceTypes.h format: an XML header, a UTF-8 string pool, a
resource map, a namespace start, the <manifest> element with string attributes, then the
element and namespace ends.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

ANDROID_NS = "http://schemas.android.com/apk/res/android"
_NONE = 0xFFFFFFFF


def _string_pool(strings: list[str]) -> bytes:
    data = b""
    offsets = []
    for s in strings:
        offsets.append(len(data))
        raw = s.encode("utf-8")
        data += bytes([len(s), len(raw)]) + raw + b"\x00"
    while len(data) % 4:
        data += b"\x00"
    header_size = 28
    strings_start = header_size + 4 * len(strings)
    body = struct.pack(f"<{len(offsets)}I", *offsets) + data
    return struct.pack(
        "<HHIIIIII", 0x0001, header_size, header_size + len(body), len(strings), 0, 1 << 8,
        strings_start, 0,
    ) + body  # fmt: skip


def manifest(package: str, version_name: str) -> bytes:
    strings = [
        "versionName",
        "android",
        ANDROID_NS,
        "",
        "package",
        "manifest",
        package,
        version_name,
    ]
    index = {s: i for i, s in enumerate(strings)}
    pool = _string_pool(strings)
    resmap = struct.pack("<HHII", 0x0180, 8, 12, 0x0101021C)  # versionName
    ns_start = struct.pack(
        "<HHIIIII", 0x0100, 16, 24, 1, _NONE, index["android"], index[ANDROID_NS]
    )
    attributes = [
        (index[ANDROID_NS], index["versionName"], index[version_name]),
        (_NONE, index["package"], index[package]),
    ]
    attr_bytes = b"".join(
        struct.pack("<IIIHBBI", ns, name, value, 8, 0, 0x03, value)
        for ns, name, value in attributes
    )
    element = struct.pack(
        "<IIHHHHHH", _NONE, index["manifest"], 0x14, 0x14, len(attributes), 0, 0, 0
    ) + attr_bytes  # fmt: skip
    start = struct.pack("<HHIII", 0x0102, 16, 16 + len(element), 1, _NONE) + element
    end = struct.pack("<HHIIIII", 0x0103, 16, 24, 1, _NONE, _NONE, index["manifest"])
    ns_end = struct.pack("<HHIIIII", 0x0101, 16, 24, 1, _NONE, index["android"], index[ANDROID_NS])
    body = pool + resmap + ns_start + start + end + ns_end
    return struct.pack("<HHI", 0x0003, 8, 8 + len(body)) + body


def make_apk(path: Path, package: str, version_name: str = "1.0") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("AndroidManifest.xml", manifest(package, version_name))
        archive.writestr("classes.dex", b"dex\n035\x00")
    return path


def sign_v1(apk: Path, organisation: str) -> Path:
    """Add a v1 (JAR) signature block with a self-signed certificate for `organisation`."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.COMMON_NAME, "Android release key"),
    ])  # fmt: skip
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    signature_file = b"Signature-Version: 1.0\r\nCreated-By: 1.0 (Android)\r\n\r\n"
    block = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(signature_file)
        .add_signer(certificate, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature])
    )
    with zipfile.ZipFile(apk, "a") as archive:
        archive.writestr("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\r\n\r\n")
        archive.writestr("META-INF/CERT.SF", signature_file)
        archive.writestr("META-INF/CERT.RSA", block)
    return apk
