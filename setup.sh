#!/usr/bin/env bash
# setup.sh -- install what quotegraph needs from Debian, build it, and
# optionally run the test suite.
#
#   ./setup.sh          install the build dependencies and build into build/
#   ./setup.sh test     also install the test tools, then run every test:
#                       once plain (build/) and once under AddressSanitizer
#                       and UndefinedBehaviorSanitizer (build-asan/)
#
# Prints a closing line "N passed, N failed" for the test run.
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-build}
build_pkgs=(gcc meson ninja-build pkg-config libpcre2-dev libsqlite3-dev)
test_pkgs=(libcmocka-dev python3 graphviz chromium)

missing() { # prints the packages of "$@" that are not installed
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
      echo "$p"
  done
}

install() {
  local need
  need=$(missing "$@")
  [ -z "$need" ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "setup: installing from Debian:" $need
  "${sudo[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends $need >/dev/null
}

configure() { # dir, extra meson args...
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}

# Sums meson's testlog.json files into "N passed, N failed, N skipped".
summarise() {
  python3 - "$@" <<'PY'
import json, sys
ok = bad = skip = 0
for path in sys.argv[1:]:
    try:
        lines = open(path).read().splitlines()
    except OSError:
        continue
    for line in lines:
        if not line.strip():
            continue
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL"):
            ok += 1
        elif r == "SKIP":
            skip += 1
        else:
            bad += 1
print(f"{ok} passed, {bad} failed, {skip} skipped")
PY
}

case "$mode" in
build)
  install "${build_pkgs[@]}"
  configure build -Dtests=auto
  ninja -C build
  ;;
test)
  install "${build_pkgs[@]}" "${test_pkgs[@]}"
  configure build -Dtests=enabled
  configure build-asan -Dtests=enabled -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbench=false
  status=0
  ninja -C build && meson test -C build --print-errorlogs || status=1
  ninja -C build-asan &&
    meson test -C build-asan --print-errorlogs --suite unit --suite cli --suite fuzz ||
    status=1
  summarise build/meson-logs/testlog.json build-asan/meson-logs/testlog.json
  exit $status
  ;;
*)
  echo "usage: ./setup.sh [build|test]" >&2
  exit 2
  ;;
esac
