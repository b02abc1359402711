"""Render the app icon's PNG sizes, the Windows .ico and the macOS .icns from the one SVG.

Run from a checkout (build-time only; uses Qt's own SVG renderer, no extra packages):

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Writes resources/icons/png/amends-desktop-<N>.png for every size in SIZES, plus
resources/icons/amends-desktop.ico and resources/icons/amends-desktop.icns. The outputs are
committed, so a normal build does not need to run this; run it again after editing the SVG.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "amends-desktop.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, with their pixel size.
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Vista-style .ico: a directory followed by PNG images (valid for every size up to 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    wanted = set(SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render(renderer, size) for size in sorted(wanted)}
    out = ICONS / "png"
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (out / f"amends-desktop-{size}.png").write_bytes(pngs[size])
    (ICONS / "amends-desktop.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "amends-desktop.icns").write_bytes(icns(pngs))
    print(f"wrote {len(SIZES)} PNGs, amends-desktop.ico and amends-desktop.icns under {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
