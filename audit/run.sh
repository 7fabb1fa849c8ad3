#!/usr/bin/env bash
# GraphQL over HTTP conformance: builds the facade, serves it on the
# sandbox on a free loopback port, runs graphql-http's server audits
# against it (audit/audit.mjs) and exits with the audit's status: non-zero
# when a MUST fails (or the facade races). Needs Go (with cgo, for -race,
# as the tests), Node 20+ and npm; it installs graphql-http from the npm
# registry (npm ci, pinned by audit/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
pid=""
stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap stop EXIT
trap "exit 130" INT TERM

# -race, as `go test -race ./...` builds: after the tests the build is
# cached, and a data race while the audit runs fails it too.
go build -race -o "$tmp/facade" .
(cd audit && npm ci --no-audit --no-fund --loglevel=error)

# Port 0: the kernel picks a free port; the facade logs the one it got.
"$tmp/facade" -sandbox -addr 127.0.0.1:0 >"$tmp/log" 2>&1 &
pid=$!

addr=""
for _ in $(seq 100); do
  addr="$(sed -n 's/.*msg="facade listening" addr=\([0-9.:]*\).*/\1/p' "$tmp/log")"
  if [ -n "$addr" ] && node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://$addr/healthz"; then
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the facade stopped:" >&2; cat "$tmp/log" >&2; exit 1
  fi
  addr=""
  sleep 0.1
done
if [ -z "$addr" ]; then
  echo "the facade did not answer /healthz in 10 s:" >&2; cat "$tmp/log" >&2; exit 1
fi

status=0
node audit/audit.mjs "http://$addr/graphql" || status=$?
if grep -q "DATA RACE" "$tmp/log"; then
  echo "the facade raced during the audit:" >&2; cat "$tmp/log" >&2; status=1
fi
exit "$status"
