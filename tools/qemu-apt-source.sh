#!/usr/bin/env bash
# qemu-apt-source.sh: makes apt's candidate for QEMU the one the project is tested with (QEMU 10).
#
# Run as root before `apt-get update && apt-get install qemu-system-x86 qemu-system-arm` (./kstress
# and .ci/run do). Debian 13 and later ship QEMU 10 in their own release: nothing to add. Debian 12
# ships QEMU 7.2, which has no Raspberry Pi 4 machine (-M raspi4b); Debian's own archive has QEMU 10
# in bookworm-backports, whose packages apt never picks by itself (priority 100). This adds that
# suite (unless a sources file already names it) and an apt preferences file that raises QEMU's
# packages, and seabios, which qemu-system-x86 10 needs in a newer version, to the priority of a
# normal release, so every other package stays at bookworm's. It prints one line per file written
# and nothing when there is nothing to do.
set -euo pipefail

SOURCES=/etc/apt/sources.list.d/kstress-bookworm-backports.sources
PREFERENCES=/etc/apt/preferences.d/kstress-qemu-backports

codename="$(. /etc/os-release && echo "${ID:-}:${VERSION_CODENAME:-}")"
[ "$codename" = "debian:bookworm" ] || exit 0

if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    cat >"$SOURCES" <<'EOF'
# Added by KernelStress (tools/qemu-apt-source.sh): QEMU 10 for Debian 12 (see kstress-qemu-backports).
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    echo "kstress: Debian 12: added $SOURCES (bookworm-backports from deb.debian.org, Debian's own archive) for QEMU 10" >&2
fi

if [ ! -f "$PREFERENCES" ]; then
    cat >"$PREFERENCES" <<'EOF'
# Added by KernelStress (tools/qemu-apt-source.sh): QEMU (and the seabios it needs) from
# bookworm-backports; every other package keeps bookworm's version.
Package: qemu-* seabios
Pin: release n=bookworm-backports
Pin-Priority: 500
EOF
    echo "kstress: Debian 12: added $PREFERENCES (pins qemu-* and seabios to bookworm-backports)" >&2
fi
