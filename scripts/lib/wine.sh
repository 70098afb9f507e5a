# Shared by scripts/wine-test (the C harness) and scripts/wine-jvm-test (the Windows JVM):
# Wine's loaders, a fresh headless prefix, and Windows paths for files of this machine.
# Source after common.sh.

WINE64=/usr/lib/wine/wine64
WINE32=/usr/lib/wine/wine
WINESERVER=/usr/lib/wine/wineserver

# A Windows path for a file of this machine (Wine's Z: drive is /).
windows_path() {
  local path
  path="Z:$(readlink -f "$1")"
  printf '%s' "${path//\//\\}"
}

# Exports the environment of a quiet, headless Wine on prefix $1 (no Mono/Gecko installers,
# no menu entries, no display).
wine_environment() {
  export WINEPREFIX="$1" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
  export WINEARCH=win64
  unset DISPLAY WAYLAND_DISPLAY
}

# Command words put before every Wine start (scripts/wine-jvm-test: "unshare -n", so that the
# prefix's services, Wine's network driver among them, see only loopback). Empty by default.
WINE_LAUNCH=()

# Boots a fresh prefix at $1 (an old one is stopped and removed first: its wineserver serves
# that prefix only). Sets WINE_BOOT_SECONDS. Fails with a message if wineboot does.
wine_boot_fresh_prefix() {
  local prefix=$1 started=$SECONDS
  [[ -d "$prefix" ]] && WINEPREFIX="$prefix" "$WINESERVER" -k >/dev/null 2>&1 || true
  rm -rf "$prefix"
  mkdir -p "$(dirname "$prefix")"
  wine_environment "$prefix"
  log "booting a Wine prefix in $prefix"
  if ! timeout 300 "${WINE_LAUNCH[@]}" "$WINE64" wineboot -i >/dev/null 2>&1; then
    log "wineboot could not create the prefix $prefix"
    return 1
  fi
  WINE_BOOT_SECONDS=$((SECONDS - started))
}

# Stops the prefix's wineserver (and with it every Windows process of the prefix).
wine_stop() {
  "$WINESERVER" -k >/dev/null 2>&1 || true
}
