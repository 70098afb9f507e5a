# Shared by the scripts: repository paths and installing missing Debian packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/build"
NATIVES="$BUILD/natives"     # natives/windows_*/wtsbridge.dll: the jar's resource layout
LINKED="$BUILD/linked"       # natives/windows_*/wtsbridge.dll as the linker wrote them (never signed)
HOST_LIB_DIR="$BUILD/host"   # libwtsbridge.so: the shim + the test-only fake
LIB_MODULE="$ROOT/java/wts-bridge"      # the library's Maven module (target/: its jars, reports)
CLI_MODULE="$ROOT/java/wts-bridge-cli"  # the command-line tool's Maven module
ARCHES=(i686 x86_64 aarch64)
DLL_DIRS=(windows_32 windows_64 windows_arm64)   # the same three, as the jar names them

log() { printf '[wts-bridge] %s\n' "$*" >&2; }

# What changes this machine (package installs, a new dpkg architecture) is said before it is done,
# on the console even when a step's output goes to a log file (scripts/test opens fd 3 on its
# stderr and names it in WTS_ANNOUNCE_FD), and refused under WTS_NO_INSTALL=1.
announce() {
  log "$*"
  if [[ -n "${WTS_ANNOUNCE_FD:-}" ]] && { true >&"$WTS_ANNOUNCE_FD"; } 2>/dev/null; then
    printf '[wts-bridge] %s\n' "$*" >&"$WTS_ANNOUNCE_FD"
  fi
}
# Usage: system_change "what" command args... -- announces the command, then runs it (or refuses).
system_change() {
  local what="$1"
  shift
  if [[ "${WTS_NO_INSTALL:-}" == 1 ]]; then
    announce "WTS_NO_INSTALL=1: not running, $what: $*"
    return 1
  fi
  announce "$what: $*"
  "$@"
}

# No colour codes from Maven when the output is not a terminal (logs, CI): -B turns colours
# off, but Debian's Maven 3.8 still writes ESC[0m resets, which this strips.
if [[ ! -t 1 || ! -t 2 ]]; then
  strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }
  mvn() {
    command mvn "$@" 2> >(strip_ansi >&2) | strip_ansi
    return "${PIPESTATUS[0]}"
  }
fi

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
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  system_change "installing missing packages" "${sudo[@]}" apt-get update -qq || return 1
  system_change "installing missing packages" "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
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
    advzip:advancecomp \
    strip-nondeterminism:strip-nondeterminism \
    /usr/share/mingw-w64/include/stdio.h:mingw-w64-common
}

# Prints the -Xcheck:jni findings of a Maven run (its console log + Surefire's reports) and
# succeeds if there are any. -Xcheck:jni writes straight to the JVM's stdout/stderr file
# descriptors, bypassing System.out: Surefire passes such lines to its console (stderr) or, as
# "corrupted" stream data, keeps them in *.dumpstream files; test output may also land in the
# per-class -output.txt files. All of them are searched. scripts/check-jni-selftest proves
# this finds real warnings (through this very function and its exit status).
jni_warnings() {
  local console="$1" files=() f reports
  shift
  # Only files that exist: grep exits 2 on a missing file even when it found lines, which
  # would read as "no warnings".
  [[ -f "$console" ]] && files+=("$console")
  for reports in "$@"; do
    for f in "$reports"/*.dumpstream "$reports"/*-output.txt; do
      [[ -f "$f" ]] && files+=("$f")
    done
  done
  ((${#files[@]} > 0)) || return 1
  local found
  found="$(grep -hE "WARNING in native method|FATAL ERROR in native method|JNI local refs|WARNING: JNI" \
    "${files[@]}" || true)"
  [[ -n "$found" ]] || return 1
  printf '%s\n' "$found"
}

# clang's sanitizer and libFuzzer runtimes (scripts/test-sanitizers, scripts/fuzz).
ensure_sanitizer_runtimes() {
  ensure_build_toolchain
  local major asan fuzzer
  major="$(clang -dumpversion | cut -d. -f1)"
  asan="$(clang -print-file-name=libclang_rt.asan-"$(uname -m)".so)"
  fuzzer="$(clang -print-file-name=libclang_rt.fuzzer-"$(uname -m)".a)"
  [[ "$asan" == /* && -f "$asan" ]] || ensure_packages "/nonexistent-asan-runtime:libclang-rt-$major-dev"
  [[ "$fuzzer" == /* && -f "$fuzzer" ]] || ensure_packages "/nonexistent-fuzzer-runtime:libclang-rt-$major-dev"
}

# Writes natives/wtsbridge.sha256 under $1 (default $NATIVES): the SHA-256 of each DLL as it
# will ship, which the loader requires before loading one (BundledDigests.java). Called once
# the DLLs are final, i.e. after signing when they are signed (scripts/sign-dlls).
record_digests() {
  local natives=${1:-$NATIVES}
  (cd "$natives" && sha256sum natives/windows_*/wtsbridge.dll > natives/wtsbridge.sha256.new &&
    mv -f natives/wtsbridge.sha256.new natives/wtsbridge.sha256)
}

# True when the releaser (or scripts/test) configured a code-signing certificate for
# scripts/sign-dlls; scripts/build then signs the DLLs before recording their digests.
signing_requested() {
  [[ -n "${WTS_SIGN_PKCS12:-}${WTS_SIGN_CERT:-}${WTS_SIGN_KEY:-}" ]]
}

# Prints the home of a JDK of at least version $1: $2 if given (named $3 in messages), else the
# newest JDK under /usr/lib/jvm. $4 says what needs it. Fails with a clear message otherwise.
jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_jdk() {
  local min="$1" given="${2:-}" name="${3:-}" why="${4:-}" candidate major best="" best_major=0
  if [[ -n "$given" ]]; then
    major=$(jdk_major "$given")
    [[ ${major:-0} -ge $min ]] || { log "$name=$given is not a JDK $min or later ($why)"; return 1; }
    printf '%s\n' "$given"
    return 0
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [[ -x "$candidate/bin/javac" ]] || continue
    major=$(jdk_major "$candidate")
    if [[ ${major:-0} -ge $min && $major -gt $best_major ]]; then
      best=$candidate best_major=$major
    fi
  done
  if [[ -z "$best" ]]; then
    log "no JDK $min or later under /usr/lib/jvm ($why): install one (the machine image ships Temurin"
    log "beside Debian's OpenJDK 17)${name:+ or set $name to its home}"
    return 1
  fi
  printf '%s\n' "$best"
}

# The JDK whose javadoc builds the javadoc jars ({@snippet} needs javadoc 18+): WTS_JAVADOC_JDK,
# else the newest under /usr/lib/jvm. The Maven argument that turns the javadoc profile on.
javadoc_args() {
  local jdk
  jdk=$(find_jdk 18 "${WTS_JAVADOC_JDK:-}" WTS_JAVADOC_JDK "the javadoc's {@snippet} tags") || return 1
  printf '%s\n' "-Dwts.javadoc.jdk=$jdk"
}
