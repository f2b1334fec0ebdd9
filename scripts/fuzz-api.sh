#!/usr/bin/env bash
# Fuzzes the API from its own OpenAPI document with schemathesis (PyPI): starts the product on a
# throw-away embedded database with the demo data, logs in as the demo admin through the real magic
# link, and fails on any 5xx. Not part of `npm test` (it needs Python and takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v st >/dev/null || pip install --quiet "schemathesis>=4,<5"
port=${FUZZ_PORT:-3917}
data=$(mktemp -d)
log="$data/server.log"
PORT=$port DATA_DIR="$data" node --import tsx server/src/main.ts >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do grep -q "auth/verify" "$log" 2>/dev/null && break; sleep 0.5; done
link=$(grep -o "http://localhost:$port/auth/verify?token=[^ ]*" "$log")
base="http://localhost:$port/api/v1"
session=$(curl -sf -c "$data/cookies" -X POST "$base/auth/sessions" -H 'content-type: application/json' \
  -d "{\"token\":\"${link##*token=}\"}")
csrf=$(node -e 'console.log(JSON.parse(process.argv[1]).csrfToken)' "$session")
token=$(curl -sf -b "$data/cookies" -X POST "$base/auth/tokens" -H 'content-type: application/json' \
  -H "x-csrf-token: $csrf" -d '{"name":"fuzz"}' | node -e 'process.stdin.on("data",d=>console.log(JSON.parse(d).token))')
# DELETE is left out so the fuzzer cannot erase or log out the admin it acts as.
st run "$base/openapi.json" --url "$base" -H "Authorization: Bearer $token" \
  --checks not_a_server_error --exclude-method DELETE --max-examples "${FUZZ_EXAMPLES:-30}" --request-timeout 10
if grep -q "unexpected error" "$log"; then
  echo "server logged unexpected errors:" && grep -A5 "unexpected error" "$log" && exit 1
fi
