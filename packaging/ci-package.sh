#!/usr/bin/env bash
# CI for packaging (called by .ci/run): install the Debian tools, build the Linux bundle, .tar.gz and
# .deb, validate the metadata and the package, run the frozen app's --init and --self-check against
# a real Secret Service (gnome-keyring in a private D-Bus session) and its --demo offscreen, and hold
# the sizes to their budget. Run it alone with:  bash packaging/ci-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
start=$(date +%s)
APP=amends-desktop
APP_ID=net.amendsdesktop.AmendsDesktop
BUNDLE_BUDGET_MB=200
DEB_BUDGET_MB=80
PYTHON="${PYTHON:-python3}"

fail() { echo "ci-package: FAIL: $*" >&2; exit 1; }

echo "== packaging tools"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
need=()
for pair in dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev xz:xz-utils patchelf:patchelf lintian:lintian \
            desktop-file-validate:desktop-file-utils appstreamcli:appstream readelf:binutils \
            dbus-run-session:dbus gnome-keyring-daemon:gnome-keyring; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

echo "== build"
bash packaging/build-linux.sh
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' amends_desktop/__init__.py)"
DIST="$ROOT/packaging/dist"
BUNDLE="$DIST/$APP"
DEB="$DIST/${APP}_${VERSION}_$(dpkg --print-architecture).deb"
TARBALL="$DIST/$APP-$VERSION-linux-$(uname -m).tar.gz"
[ -x "$BUNDLE/$APP" ] && [ -f "$DEB" ] && [ -f "$TARBALL" ] || fail "build outputs missing"
built=$(date +%s)

echo "== validate metadata"
desktop-file-validate "packaging/linux/$APP_ID.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml" || fail "appstreamcli validate"

echo "== lintian"
# Errors fail the build; each override is explained in packaging/linux/lintian-overrides.
lintian --fail-on error "$DEB" 2>&1 | grep -v '^running with root privileges' || true
lintian --fail-on error "$DEB" >/dev/null 2>&1 || fail "lintian reports errors"

echo "== package contents"
contents="$(dpkg-deb --contents "$DEB")"
for path in "./opt/$APP/$APP" "./usr/bin/$APP -> /opt/$APP/$APP" "./usr/share/applications/$APP_ID.desktop" \
            "./usr/share/metainfo/$APP_ID.metainfo.xml" "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
            "./usr/share/icons/hicolor/256x256/apps/$APP_ID.png" "./usr/share/doc/$APP/copyright" \
            "./opt/$APP/_internal/resources/icons/$APP.svg" \
            "./opt/$APP/_internal/PySide6/Qt/plugins/imageformats/libqsvg.so" \
            "./opt/$APP/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" \
            "./opt/$APP/_internal/PySide6/Qt/plugins/platforms/libqwayland.so"; do
    grep -qF -- " $path" <<<"$contents" || fail "the .deb lacks $path"
done
if grep -qE 'libQt6(Quick|Qml|Network|Pdf)' <<<"$contents"; then fail "unused Qt modules in the .deb"; fi

echo "== bundled libraries resolve"
missing="$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' \) -print0 |
    LD_LIBRARY_PATH="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib" xargs -0 -n 20 ldd 2>/dev/null |
    grep 'not found' | sort -u || true)"
[ -z "$missing" ] || fail "libraries not found: $missing"
if find "$BUNDLE" -type f -name '*.so*' -print0 | xargs -0 -n 50 readelf -d 2>/dev/null | grep -E 'R(UN)?PATH' | grep -v 'ORIGIN' | grep -q .; then
    fail "a bundled library keeps a build-machine RUNPATH"
fi

echo "== frozen app: --init and --self-check with gnome-keyring"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/home"
report="$TMP/self-check.json"
# A throwaway keyring password for this private session's own keyring, in a fresh HOME.
set +e
env -i PATH="$PATH" HOME="$TMP/home" LANG=C.UTF-8 dbus-run-session -- bash -c '
    echo -n "amends-ci-keyring" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
    "$0" --init --data-dir "$1/data" >"$1/init.out" || exit 10
    "$0" --self-check --data-dir "$1/data" >"$2"' "$BUNDLE/$APP" "$TMP" "$report" 2>"$TMP/stderr"
rc=$?
set -e
grep -v 'Failed to set fd limit' "$TMP/stderr" >&2 || true
[ "$rc" -ne 10 ] || fail "frozen --init failed: $(cat "$TMP/init.out")"
cat "$report"
"$PYTHON" - "$report" "$rc" <<'EOF' || fail "frozen --self-check is not healthy"
import json, sys
report, rc = json.load(open(sys.argv[1])), int(sys.argv[2])
checks = {
    "exit code 0": rc == 0,
    "healthy": report.get("healthy") is True,
    "keyring backend found": report.get("keyring_backend") == "keyring.backends.SecretService.Keyring",
    "keyring accepted": report.get("keyring_accepted") is True,
    "vault opens": report.get("vault") == "ok",
    "integrity ok": report.get("integrity") == "ok",
    "SQLCipher present": bool(report.get("cipher_version")),
}
for name, ok in checks.items():
    print(f"  {'ok  ' if ok else 'FAIL'} {name}")
sys.exit(0 if all(checks.values()) else 1)
EOF

echo "== frozen app: --demo offscreen"
set +e
env -i PATH="$PATH" HOME="$TMP/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    timeout 12 "$BUNDLE/$APP" --demo --data-dir "$TMP/demo-unused" >"$TMP/demo.out" 2>&1
rc=$?
set -e
cat "$TMP/demo.out"
# 124: still running when the timeout ended it, which is what a window waiting for its user does.
[ "$rc" -eq 124 ] || fail "frozen --demo exited early with $rc"
if grep -q 'Traceback' "$TMP/demo.out"; then fail "frozen --demo printed a traceback"; fi

echo "== sizes"
bundle_bytes="$(du -sb "$BUNDLE" | cut -f1)"
deb_bytes="$(stat -c %s "$DEB")"
tar_bytes="$(stat -c %s "$TARBALL")"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
echo "bundle  $(mb "$bundle_bytes")  (budget $BUNDLE_BUDGET_MB MB)  $BUNDLE"
echo ".deb    $(mb "$deb_bytes")  (budget $DEB_BUDGET_MB MB)  $DEB"
echo ".tar.gz $(mb "$tar_bytes")  $TARBALL"
[ "$bundle_bytes" -le $((BUNDLE_BUDGET_MB * 1000000)) ] || fail "bundle over budget"
[ "$deb_bytes" -le $((DEB_BUDGET_MB * 1000000)) ] || fail ".deb over budget"

end=$(date +%s)
echo "ci-package: all good (build $((built - start)) s, checks $((end - built)) s, total $((end - start)) s)"
