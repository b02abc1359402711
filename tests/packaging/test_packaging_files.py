"""Fast checks of the packaging files (no building here: packaging/ci-package.sh builds and runs them)."""

from __future__ import annotations

import configparser
import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from amends_desktop import APP_ID, APP_NAME, __version__
from amends_desktop.resource_paths import resource

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_file_is_named_and_filled_for_the_app_id() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"]
    assert entry["Comment"]
    assert entry["Exec"].split()[0] == APP_NAME  # the launcher on the PATH
    assert entry["Icon"] == APP_ID  # found in the hicolor theme under the app id
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    # X11 groups the window with its launcher through WM_CLASS, which Qt takes from the program name.
    assert entry["StartupWMClass"] == APP_NAME


def test_metainfo_names_the_app_its_launcher_and_this_version() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == APP_NAME
    versions = [release.get("version") for release in root.iter("release")]
    assert versions and versions[0] == __version__, "add a <release> for the new version"
    assert root.find("content_rating") is not None


def test_debian_changelog_matches_the_version() -> None:
    first = (LINUX / "changelog").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(f"{APP_NAME} ({__version__})")


def test_svg_icon_is_a_square_svg_that_the_app_finds() -> None:
    svg = ICONS / "amends-desktop.svg"
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    assert resource("icons", "amends-desktop.svg").resolve() == svg.resolve()


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_exists_in_every_size(size: int) -> None:
    assert png_size(ICONS / "png" / f"amends-desktop-{size}.png") == (size, size)


def test_windows_ico_holds_png_images_up_to_256() -> None:
    data = (ICONS / "amends-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for index in range(count):
        width, _height, _colors, _res, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icns_is_well_formed() -> None:
    data = (ICONS / "amends-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, pos = [], 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert length > 8
        kinds.append(kind)
        pos += length
    assert pos == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_spec_ships_resources_migrations_and_keyring_backends() -> None:
    spec = (PACKAGING / "amends-desktop.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec  # resource_paths looks in _MEIPASS/resources
    assert 'collect_data_files("amends_desktop.storage.migrations"' in spec
    assert 'copy_metadata("keyring")' in spec  # backends are found through entry points
    assert 'collect_submodules("keyring.backends")' in spec
    assert '"secretstorage"' in spec and '"jeepney.io.blocking"' in spec
    assert '"qsvg"' in spec  # the svg image-format plugin draws the window icon
    for unused in ("QtNetwork", "QtQml", "QtQuick", "QtWebEngineCore", "QtSql", "QtTest", "QtMultimedia"):
        assert f'"{unused}"' in spec
    assert "BUNDLE(" in spec and "amends-desktop.icns" in spec and "amends-desktop.ico" in spec
    assert (PACKAGING / "launcher.py").read_text(encoding="utf-8").count("amends_desktop.cli import main") == 1


def test_deb_build_installs_under_opt_with_launcher_menu_entry_and_icons() -> None:
    script = (PACKAGING / "build-linux.sh").read_text(encoding="utf-8")
    assert "dpkg-deb --root-owner-group -Zxz" in script
    for expected in (
        '"$STAGE/opt/$APP"',
        'ln -s "/opt/$APP/$APP" "$STAGE/usr/bin/$APP"',
        "usr/share/applications",
        "usr/share/metainfo",
        "usr/share/icons/hicolor/scalable/apps/$APP_ID.svg",
        "usr/share/doc/$APP/copyright",
        "changelog.gz",
    ):
        assert expected in script


@pytest.mark.parametrize("name", ["build-linux.sh", "ci-package.sh", "test-debootstrap.sh"])
def test_packaging_scripts_are_executable_bash(name: str) -> None:
    path = PACKAGING / name
    assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    assert os.access(path, os.X_OK)


def test_windows_installer_script_uses_the_bundle_and_icon() -> None:
    iss = (PACKAGING / "windows" / "amends-desktop.iss").read_text(encoding="utf-8")
    assert "AmendsDesktop.exe" in iss and "amends-desktop.ico" in iss
    assert "dist\\amends-desktop\\*" in iss
