#!/usr/bin/env bash
# The command a user runs, measured as a whole process, next to peers run the same way on the same file:
#   storytrace analyze CORPUS --no-embeddings   (ingest, passages, stories, topics, stories.json, report)
#   Spark MLlib MinHashLSH (local[2]) and a Lucene MinHashFilter index (PeerCommand: read, shingle, near-duplicate pairs)
# Prints each one's wall time, articles/s and peak RSS, and storytrace's speed ratio to each peer.
# Usage: scripts/bench-command.sh CORPUS.jsonl [HEAP]   (HEAP for storytrace, default 2g; the peers get 8g)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$1"; heap="${2:-2g}"
[ -f "$corpus" ] || { echo "bench-command: no corpus $corpus (make one with ./storytrace generate)" >&2; exit 2; }
./storytrace --version > /dev/null   # builds the command-line jar if needed
./storytrace build-spark             # builds the Spark module (the peers) if needed
jar=storytrace-app/target/storytrace.jar
cp="storytrace-spark/target/classes:storytrace-spark/target/lib/*"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
n=$(grep -c . "$corpus")
measure() { # name, then the command; prints "name seconds articles_per_s peak_rss_mb"
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$name.out" 2> "$work/$name.err" || { echo "$name failed:" >&2; tail -5 "$work/$name.err" >&2; exit 1; }
  read -r secs rss < "$work/time"
  awk -v n="$n" -v s="$secs" -v r="$rss" -v name="$name" 'BEGIN { printf "%s.seconds %.2f\n%s.articles_per_s %.0f\n%s.peak_rss_mb %.0f\n", name, s, name, n / s, name, r / 1024 }'
  echo "$secs" > "$work/$name.secs"
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "corpus: $corpus ($n articles, $(du -h "$corpus" | cut -f1))"
measure storytrace_analyze java -Xmx"$heap" -jar "$jar" analyze "$corpus" --no-embeddings --out "$work/out"
measure spark_mllib_minhashlsh java -Xmx8g -cp "$cp" org.storytrace.spark.PeerCommand mllib "$corpus" "$work/mllib.tsv"
measure lucene_minhashfilter java -Xmx8g -cp "$cp" org.storytrace.spark.PeerCommand lucene "$corpus" "$work/lucene.tsv"
st=$(cat "$work/storytrace_analyze.secs")
for peer in spark_mllib_minhashlsh lucene_minhashfilter; do
  awk -v a="$(cat "$work/$peer.secs")" -v b="$st" -v p="$peer" 'BEGIN { printf "storytrace_speedup_over_%s %.2f\n", p, a / b }'
done
