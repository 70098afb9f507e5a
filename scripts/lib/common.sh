# Shared by the scripts: repository paths and installing missing Debian packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/build"
NATIVES="$BUILD/natives"     # natives/windows_*/wtsbridge.dll: the jar's resource layout
HOST_LIB_DIR="$BUILD/host"   # libwtsbridge.so: the shim + the test-only fake
ARCHES=(i686 x86_64 aarch64)

log() { printf '[wts-bridge] %s\n' "$*" >&2; }

# Installs the Debian packages whose marker command or file is missing.
# Usage: ensure_packages "cmd-or-/path:package" ...
ensure_packages() {
  local missing=() entry probe package
  for entry in "$@"; do
    probe="${entry%%:*}"
    package="${entry#*:}"
    if [[ "$probe" == /* ]]; then
      [[ -e "$probe" ]] && continue
    else
      command -v "$probe" >/dev/null 2>&1 && continue
    fi
    missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  log "installing missing packages: ${missing[*]}"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The toolchain scripts/build needs.
ensure_build_toolchain() {
  ensure_packages \
    clang:clang \
    ld.lld:lld \
    llvm-dlltool:llvm \
    llvm-readobj:llvm \
    cmake:cmake \
    make:make \
    mvn:maven \
    javac:openjdk-17-jdk-headless \
    /usr/share/mingw-w64/include/stdio.h:mingw-w64-common
}
