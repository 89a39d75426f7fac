#!/usr/bin/env bash
# The server under load, as users run it: builds a store of N generated articles (storytrace generate, then
# ingest --fast), starts storytrace serve on it as a separate process, runs storytrace load against it
# (50 clients mixing story reads, searches and posts for 60 s by default), and stops the server.
#   scripts/load-bench.sh 100000            # store of 100k, mixed load
#   READS=1 SEARCHES=0 scripts/load-bench.sh 1000000   # story reads only, store of 1M
# Environment: WORK (default /tmp/storytrace-load), CLIENTS, DURATION (seconds), READS, SEARCHES, PORT, XMX.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:?number of articles}"
work="${WORK:-/tmp/storytrace-load}"; mkdir -p "$work"
port="${PORT:-7077}"; xmx="${XMX:-4g}"
st="$here/storytrace"
corpus="$work/corpus-$n.jsonl"; posts="$work/posts.jsonl"; store="$work/store-$n"
[ -s "$corpus" ] || "$st" generate --articles "$n" --seed 11 --out "$corpus" > /dev/null
[ -s "$posts" ] || { "$st" generate --articles 2000 --seed 99 --out "$work/posts-src.jsonl" > /dev/null; \
  python3 -c "import json,sys
for i,l in enumerate(open(sys.argv[1])):
    o=json.loads(l); o['id']='posted-%d'%i; o['url']=None; print(json.dumps(o))" "$work/posts-src.jsonl" > "$posts"; }
if [ ! -d "$store" ]; then
  echo "load-bench: ingesting $n articles into $store" >&2
  /usr/bin/time -f "load-bench: ingest %e s, peak RSS %M KB" env STORYTRACE_JAVA_OPTS="-Xmx$xmx" "$st" ingest "$corpus" --store "$store" --fast --no-embeddings > /dev/null
fi
STORYTRACE_JAVA_OPTS="-Xmx$xmx" "$st" serve --store "$store" --port "$port" --fast --no-embeddings > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
# wait until it is ready for posts (the store restored into its engine), so the load measures a server at rest
for i in $(seq 1 3600); do
  curl -fs "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"ready_for_posts":true' && break
  kill -0 $pid 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 1
done
echo "load-bench: server ready after ${i} s" >&2
args=(--url "http://127.0.0.1:$port" --clients "${CLIENTS:-50}" --seconds "${DURATION:-60}" --reads "${READS:-0.6}" --searches "${SEARCHES:-0.3}")
[ "$(python3 -c "print(1 if ${READS:-0.6} + ${SEARCHES:-0.3} < 1 else 0)")" = 1 ] && args+=(--posts "$posts")
"$st" load "${args[@]}"
