#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever stretch-kiosk needs to build, run and test and
# is not installed yet. Needs root (or sudo) only when something is missing.
set -euo pipefail
packages=(
  cmake make gcc pkg-config            # build
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libepoxy-dev libx11-dev
  libyaml-dev libcglm-dev libqrencode-dev
  liblz4-dev                           # the text cache: each text's coverage kept packed
  libsystemd-dev                       # sd_notify: readiness and watchdog under systemd
  libdrm-dev                           # the screen asleep under KMS/DRM (DPMS on the connector)
  libcairo2-dev                        # the printed handout: PDF and PNG through cairo, fonts through FreeType
  libegl-mesa0 libgl1-mesa-dri libglx-mesa0  # Mesa: OpenGL and GLES, also headless (llvmpipe)
  libcmocka-dev                        # tests
  clang-format                         # tests: the code's one style (scripts/format.sh --check)
  zbar-tools                           # tests: decoding the contact scene's and the handout's QR codes
  python3-yaml                         # tests: the handout's texts read from the words files
  poppler-utils                        # tests: the handout's text, pages and size (pdftotext, pdfinfo, pdftoppm)
  xvfb xauth xdotool                   # tests: the real program in an X server, keys sent to it
  openbox x11-utils wmctrl             # tests: kiosk mode under a real window manager
  imagemagick                          # tests: the window's pixels against a screenshot
  git curl python3                     # tests: the content sync against a git repository and a loopback HTTP server
  dpkg-dev file                        # the package (scripts/package.sh): CPack's DEB, dpkg-shlibdeps
  lintian                              # the package: Debian's checks
  systemd                              # the package's units: systemd-analyze verify, security
  desktop-file-utils appstream man-db  # the package: .desktop, AppStream data, the man page
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
