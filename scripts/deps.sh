#!/usr/bin/env bash
# deps.sh: make sure everything needed to build and test Partnerskab is here.
#
# Installs missing Debian/Ubuntu packages (with apt-get when run as root,
# otherwise prints the sudo command to run and exits 1), checks that Go is
# installed and downloads the Go modules. Called by `make deps`, which
# `make run` and `make test` call first.
#
# --bench also installs what only `make bench` needs: LibreOffice Writer
# (without its GUI) and GNU time, for scripts/compare-libreoffice.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bench=false
for arg in "$@"; do
  case "$arg" in
    --bench) bench=true ;;
    *)
      echo "deps: unknown option $arg (only --bench)" >&2
      exit 2
      ;;
  esac
done

# C toolchain and headers for Fyne's OpenGL/GLFW driver (cgo), the Windows
# cross-compiler, the external tools the tests use to judge the PDFs
# (pdftotext, pdfsig, pdffonts from poppler-utils; qpdf; mutool from
# mupdf-tools, a second judge of the seal) and the database
# (sqlite3), what builds and tries the packages, and a session bus with
# GNOME Keyring for the test of the seal's keys in the Secret Service.
packages=(
  ca-certificates
  gcc
  libc6-dev
  pkg-config
  libgl1-mesa-dev
  xorg-dev
  libxkbcommon-dev
  libwayland-dev
  gcc-mingw-w64-x86-64
  poppler-utils
  qpdf
  mupdf-tools
  sqlite3
  # Packages: the MSI (wixl; msitools reads it back), the .deb (dpkg-shlibdeps
  # from dpkg-dev works out Depends; desktop-file-validate checks the entry).
  wixl
  msitools
  dpkg-dev
  desktop-file-utils
  # The Windows smoke test (packaging/windows-smoke.sh): Wine runs the
  # installed program, Xvfb gives its window a display, xdotool finds the
  # window and ImageMagick takes the screenshot; Mesa draws OpenGL in software.
  wine
  wine64
  xvfb
  xdotool
  imagemagick
  libgl1-mesa-dri
  # The seal's keys in the Secret Service: a session bus and GNOME Keyring.
  dbus-daemon
  gnome-keyring
)

if $bench; then
  packages+=(libreoffice-writer-nogui time)
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: this is not a Debian/Ubuntu system; install the equivalents of:" >&2
  echo "  ${packages[*]}" >&2
  echo "deps: and continuing without checking them." >&2
else
  missing=()
  for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "deps: installing ${missing[*]}"
      apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    else
      echo "deps: these Debian packages are missing: ${missing[*]}" >&2
      echo "deps: install them with:" >&2
      echo >&2
      echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      echo >&2
      echo "deps: or run this command with sudo." >&2
      exit 1
    fi
  fi
fi

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi
if ! go version >/dev/null 2>&1; then
  echo "deps: Go is not installed (or not on PATH)." >&2
  echo "deps: install Go $(sed -n 's/^go //p' go.mod) or newer from https://go.dev/dl/ (into /usr/local/go)" >&2
  echo "deps: and add /usr/local/go/bin to PATH." >&2
  exit 1
fi
echo "deps: $(go version)"

go mod download

# pdfcpu judges the PDFs in the tests (PDF/A, strict syntax); a test's
# tool, not the program's dependency, so it lives in the checkout's .bin.
PDFCPU_VERSION=v0.15.0
if [ ! -x ".bin/pdfcpu-$PDFCPU_VERSION/pdfcpu" ]; then
  echo "deps: installing pdfcpu $PDFCPU_VERSION into .bin/"
  GOBIN="$PWD/.bin/pdfcpu-$PDFCPU_VERSION" CGO_ENABLED=0 GOFLAGS= go install "github.com/pdfcpu/pdfcpu/cmd/pdfcpu@$PDFCPU_VERSION"
fi
echo "deps: all set"
