#!/usr/bin/env bash
# Builds the Debian package build/stretch-kiosk_VERSION-REVISION_ARCH.deb (CPack's DEB
# generator; see deploy/package.cmake).
#   scripts/package.sh            build (build/package, Debian's hardening flags) and package
#   scripts/package.sh --lintian  the same, then lintian on the .deb (fails on any tag not
#                                 overridden in deploy/debian/lintian-overrides)
# Then, on the kiosk box: apt install ./build/stretch-kiosk_*.deb
#                         systemctl enable --now stretch-kiosk
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
build=build/package
# Debian's flags (hardening: fortify, stack protector, relro, now), as a package build sets
# them; no tests in this build (scripts/test runs them on its own build)
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
CFLAGS=$(dpkg-buildflags --get CFLAGS) CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS)
LDFLAGS=$(dpkg-buildflags --get LDFLAGS)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
  -DSK_BUILD_TESTS=OFF -DSK_WERROR=ON \
  -DCMAKE_C_FLAGS="$CFLAGS $CPPFLAGS" -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS" >/dev/null
cmake --build "$build" -j"$(nproc)"
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/stretch-kiosk_*.deb | head -n 1)
cp "$deb" build/
deb=build/$(basename "$deb")
echo "built $deb"
if [ "${1:-}" = "--lintian" ]; then
  # pedantic tags too; lintian's warning that it runs as root (CI) is not a finding
  rc=0
  out=$(lintian --fail-on error,warning,info,pedantic --pedantic --display-info "$deb" 2>&1) || rc=$?
  printf '%s\n' "$out" | grep -v '^running with root privileges is not recommended!$' || true
  [ "$rc" -eq 0 ] || { echo "lintian: the findings above (or override each, saying why)"; exit 1; }
  echo "lintian: clean (pedantic; overrides with their reasons in deploy/debian/lintian-overrides)"
fi
