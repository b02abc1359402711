#!/usr/bin/env bash
# Installs the built .deb into a fresh, minimal Debian root (debootstrap --variant=minbase) and runs
# the installed app there, to prove the package's Depends are enough on a system that has nothing
# else. Needs root, debootstrap and network access to a Debian mirror. Slow-ish (a few minutes).
#
#     sudo bash packaging/test-debootstrap.sh [path/to/amends-desktop_<version>_<arch>.deb]
#
# Environment: SUITE (default bookworm), MIRROR (default http://deb.debian.org/debian),
# KEEP_ROOT=1 keeps the root folder afterwards for a look around.
#
# Steps:
#   1. debootstrap a minbase root (downloads are cached in packaging/build/debootstrap-cache);
#   2. apt-get install the .deb with --no-install-recommends: only its Depends (Qt's runtime
#      libraries, fonts) come in, no GTK, no CUPS, no keyring;
#   3. in that bare root, with QT_QPA_PLATFORM=offscreen:
#      - `amends-desktop --version`;
#      - `amends-desktop --self-check` must print its report with SQLCipher present and report
#        "no accepted keyring" (exit 1 is the right answer on a machine without one);
#      - `amends-desktop --demo` must start the window and keep running (ended after 10 s);
#   4. add dbus and gnome-keyring (test tools only), then `--init` and `--self-check` inside a
#      D-Bus session with the keyring unlocked must exit 0 with the vault healthy.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT_DIR="$PWD"
SUITE="${SUITE:-bookworm}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' amends_desktop/__init__.py)"
DEB="${1:-$ROOT_DIR/packaging/dist/amends-desktop_${VERSION}_$(dpkg --print-architecture).deb}"
CACHE="$ROOT_DIR/packaging/build/debootstrap-cache"

[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap and chroot need it)" >&2; exit 1; }
[ -f "$DEB" ] || { echo "no package at $DEB; build it with: bash packaging/build-linux.sh" >&2; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -q && apt-get install -y -q --no-install-recommends debootstrap; }

start=$(date +%s)
TARGET="$(mktemp -d /tmp/amends-debootstrap.XXXXXX)"
mounted=()
cleanup() {
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
    if [ "${KEEP_ROOT:-0}" = 1 ]; then echo "root kept at $TARGET"; else rm -rf "$TARGET"; fi
}
trap cleanup EXIT

echo "== debootstrap $SUITE (minbase) into $TARGET"
mkdir -p "$CACHE"
debootstrap --variant=minbase --cache-dir="$CACHE" "$SUITE" "$TARGET" "$MIRROR" >"$TARGET.log" 2>&1 ||
    { tail -30 "$TARGET.log" >&2; exit 1; }
rm -f "$TARGET.log"
t_boot=$(date +%s)

for fs in proc sys dev dev/pts; do
    mount --bind "/$fs" "$TARGET/$fs"
    mounted+=("$TARGET/$fs")
done
cp /etc/resolv.conf "$TARGET/etc/resolv.conf"
in_root() { chroot "$TARGET" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }

echo "== install $(basename "$DEB") with its Depends only"
cp "$DEB" "$TARGET/tmp/"
in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "/tmp/$(basename "$DEB")" |
    grep -E '^(Setting up|The following NEW|  )' | head -60 || true
in_root dpkg -s amends-desktop | grep -E '^(Status|Version)'
echo "packages in the root: $(in_root dpkg -l | grep -c '^ii')"
t_install=$(date +%s)

echo "== bare root: --version, --self-check, --demo (offscreen)"
in_root amends-desktop --version
set +e
in_root env HOME=/tmp/home QT_QPA_PLATFORM=offscreen amends-desktop --self-check --data-dir /tmp/home/data >"$TARGET/tmp/bare.json"
rc_bare=$?
in_root env HOME=/tmp/home QT_QPA_PLATFORM=offscreen timeout 10 amends-desktop --demo >"$TARGET/tmp/demo.out" 2>&1
rc_demo=$?
set -e
cat "$TARGET/tmp/bare.json"
cat "$TARGET/tmp/demo.out"
python3 - "$TARGET/tmp/bare.json" "$rc_bare" "$rc_demo" <<'EOF'
import json, sys
report, rc, rc_demo = json.load(open(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3])
checks = {
    "self-check ran and printed its report": "healthy" in report,
    "SQLCipher present": bool(report.get("cipher_version")),
    "no keyring here, so not accepted and exit 1": report.get("keyring_accepted") is False and rc == 1,
    "--demo window kept running until stopped": rc_demo == 124,
}
for name, ok in checks.items():
    print(f"  {'ok  ' if ok else 'FAIL'} {name}")
sys.exit(0 if all(checks.values()) else 1)
EOF

echo "== with gnome-keyring: --init and --self-check"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends dbus gnome-keyring >/dev/null
set +e
in_root env HOME=/tmp/home2 bash -c '
    mkdir -p "$HOME"
    dbus-run-session -- bash -c "
        echo -n amends-test-keyring | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
        amends-desktop --init --data-dir /tmp/home2/data >/dev/null && amends-desktop --self-check --data-dir /tmp/home2/data"
' >"$TARGET/tmp/keyring.json" 2>"$TARGET/tmp/keyring.err"
rc_key=$?
set -e
grep -v 'Failed to set fd limit' "$TARGET/tmp/keyring.err" >&2 || true
cat "$TARGET/tmp/keyring.json"
python3 - "$TARGET/tmp/keyring.json" "$rc_key" <<'EOF'
import json, sys
report, rc = json.load(open(sys.argv[1])), int(sys.argv[2])
checks = {
    "exit code 0": rc == 0,
    "keyring accepted": report.get("keyring_accepted") is True,
    "vault opens, integrity ok": report.get("vault") == "ok" and report.get("integrity") == "ok",
}
for name, ok in checks.items():
    print(f"  {'ok  ' if ok else 'FAIL'} {name}")
sys.exit(0 if all(checks.values()) else 1)
EOF

end=$(date +%s)
echo "test-debootstrap: all good (debootstrap $((t_boot - start)) s, install $((t_install - t_boot)) s, total $((end - start)) s)"
