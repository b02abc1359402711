#!/usr/bin/env bash
# Builds the Linux packages of amends-desktop from a clean checkout, in one command:
#
#     bash packaging/build-linux.sh
#
# Needs: the app installed with its dev extras (bash .ci/install, which brings PyInstaller) and the
# Debian tools dpkg-deb, dpkg-shlibdeps (dpkg-dev), xz and patchelf. Writes, under packaging/dist/:
#   amends-desktop/                                    the one-folder bundle (PyInstaller)
#   amends-desktop-<version>-linux-<arch>.tar.gz       the same bundle as a tarball
#   amends-desktop_<version>_<debarch>.deb             bundle under /opt, launcher, menu entry, icons
# Set SKIP_PYINSTALLER=1 to package an existing packaging/dist/amends-desktop again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PYTHON="${PYTHON:-python3}"
APP=amends-desktop
APP_ID=net.amendsdesktop.AmendsDesktop
DIST="$ROOT/packaging/dist"
WORK="$ROOT/packaging/build"
LINUX="$ROOT/packaging/linux"
ICONS="$ROOT/resources/icons"

VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' amends_desktop/__init__.py)"
[ -n "$VERSION" ] || { echo "cannot read __version__" >&2; exit 1; }
DEB_ARCH="$(dpkg --print-architecture)"
ARCH="$(uname -m)"
# Timestamps inside the archives: the last commit, so rebuilding the same commit gives the same files.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH

for tool in dpkg-deb dpkg-shlibdeps xz patchelf; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install dpkg-dev xz-utils patchelf)" >&2; exit 1; }
done

t0=$(date +%s)
if [ "${SKIP_PYINSTALLER:-0}" != 1 ]; then
    echo "== PyInstaller bundle"
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$WORK/pyinstaller" packaging/amends-desktop.spec
fi
BUNDLE="$DIST/$APP"
[ -x "$BUNDLE/$APP" ] || { echo "no bundle at $BUNDLE" >&2; exit 1; }

# The build machine's Python leaves an absolute RUNPATH (its own lib folder) in libpython and the
# stdlib extension modules. The bundle finds its libraries by itself, so drop paths that point
# outside it ($ORIGIN-relative ones, as in Qt's libraries, stay).
while IFS= read -r -d '' elf; do
    rpath="$(patchelf --print-rpath "$elf" 2>/dev/null || true)"
    if [ -n "$rpath" ] && [[ "$rpath" != *'$ORIGIN'* ]]; then
        patchelf --remove-rpath "$elf"
    fi
done < <(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)
t1=$(date +%s)

echo "== tar.gz"
TARBALL="$DIST/$APP-$VERSION-linux-$ARCH.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C "$DIST" -cf - "$APP" | gzip -6n >"$TARBALL"

echo "== .deb"
STAGE="$WORK/deb/root"
rm -rf "$WORK/deb"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/$APP" "$STAGE/usr/share/lintian/overrides" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/opt/$APP"
# The tarball carries the Python runtime's own libraries for other distributions; on Debian the
# system's copies (the very ones the bundle was built against) serve, named in Depends below.
for lib in libbz2.so.1.0 libexpat.so.1 libz.so.1 libffi.so.8 liblzma.so.5 libuuid.so.1 libssl.so.3 libcrypto.so.3; do
    rm -f "$STAGE/opt/$APP/_internal/$lib"
done
ln -s "/opt/$APP/$APP" "$STAGE/usr/bin/$APP"
install -m 644 "$LINUX/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 644 "$LINUX/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 644 "$ICONS/$APP.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in "$ICONS"/png/"$APP"-*.png; do
    size="$(basename "$png" .png)"; size="${size##*-}"
    mkdir -p "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -m 644 "$LINUX/copyright" "$STAGE/usr/share/doc/$APP/copyright"
gzip -9n <"$LINUX/changelog" >"$STAGE/usr/share/doc/$APP/changelog.gz"
mkdir -p "$STAGE/usr/share/man/man1"
gzip -9n <"$LINUX/$APP.1" >"$STAGE/usr/share/man/man1/$APP.1.gz"
install -m 644 "$LINUX/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$APP"

# Permissions as Debian expects: directories and programs 755, everything else 644.
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE" -type f -exec chmod 644 {} +
chmod 755 "$STAGE/opt/$APP/$APP"
find "$STAGE" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# Dependencies, worked out by dpkg-shlibdeps from the bundled ELF files: Depends for what the app
# needs to start (Qt core, widgets, the xcb, Wayland and offscreen platforms, Python's modules),
# Recommends for optional plugins (GTK theme and dialogs, CUPS printing).
SHLIB="$WORK/deb/shlibdeps"
mkdir -p "$SHLIB/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$APP" "$APP" >"$SHLIB/debian/control"
mapfile -t ELF_ALL < <(find "$STAGE/opt/$APP" -type f \( -name '*.so' -o -name '*.so.*' -o -name "$APP" \) | sort)
CORE=(); OPTIONAL=()
for f in "${ELF_ALL[@]}"; do
    case "$f" in
        */platformthemes/libqgtk3.so | */printsupport/*) OPTIONAL+=("$f") ;;
        *) CORE+=("$f") ;;
    esac
done
PRIVATE=(-l"$STAGE/opt/$APP/_internal" -l"$STAGE/opt/$APP/_internal/PySide6/Qt/lib")
shlibdeps() {  # prints the dependency list for the given files
    (cd "$SHLIB" && dpkg-shlibdeps -O --ignore-missing-info "${PRIVATE[@]}" "$@" 2>"$SHLIB/warnings.log") |
        sed -n 's/^shlibs:Depends=//p'
}
DEPENDS="$(shlibdeps "${CORE[@]}")"
ALL="$(shlibdeps "${ELF_ALL[@]}")"
# Recommends: what the optional plugins add beyond Depends.
RECOMMENDS="$(comm -13 <(tr ',' '\n' <<<"$DEPENDS" | sed 's/^ *//; s/ (.*//' | sort -u) \
                       <(tr ',' '\n' <<<"$ALL" | sed 's/^ *//; s/ (.*//' | sort -u) | paste -sd, | sed 's/,/, /g')"
# Qt draws text with fonts it finds through fontconfig; a system without any font shows empty boxes.
DEPENDS="$DEPENDS, fonts-dejavu-core | fonts-freefont-ttf | fonts-liberation2"
INSTALLED_SIZE="$(du -sk --apparent-size "$STAGE" | cut -f1)"

cat >"$STAGE/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Architecture: $DEB_ARCH
Maintainer: amends-desktop developers <packaging@amendsdesktop.net>
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Recommends: ${RECOMMENDS:+$RECOMMENDS, }gnome-keyring | keepassxc | kwalletmanager
Section: misc
Priority: optional
Description: private, offline workbook for Steps 8 and 9
 Amends Desktop helps people in recovery work through Steps 8 and 9 at their
 own pace: listing the people they harmed, planning amends carefully and
 safely, and reflecting on how it went.
 .
 Everything stays on this computer in one encrypted file (SQLCipher); the key
 is kept in the system keyring or behind a passphrase. The app has no network
 code, no accounts and no telemetry.
 .
 This package installs a self-contained bundle under /opt/amends-desktop.
EOF
chmod 644 "$STAGE/DEBIAN/control"

DEB="$DIST/${APP}_${VERSION}_${DEB_ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
t2=$(date +%s)

echo "== built in $((t2 - t0)) s (PyInstaller $((t1 - t0)) s, archives $((t2 - t1)) s)"
du -sh "$BUNDLE" "$TARBALL" "$DEB"
echo "Depends: $DEPENDS"
echo "Recommends: ${RECOMMENDS:-}"
