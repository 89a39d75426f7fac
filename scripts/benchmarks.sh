#!/usr/bin/env bash
# Regenerates docs/benchmarks.md: builds, generates corpora with known truth, runs the bench (1 and 2
# threads, with embeddings, at scale), the peers, the Spark bench and JMH.
# Usage: scripts/benchmarks.sh [ARTICLES] [PEER_ARTICLES] [SCALE_ARTICLES]
#   defaults 20000, 100000, 1000000; run from the repository root, ../shared beside it. About an hour
#   on 2 cores with the defaults; the scale corpus needs about 4 GB of disk and its fingerprints 12 GB more.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-20000}"
peer_n="${2:-100000}"
scale_n="${3:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mvnw -q -B -DskipTests package
jar=storytrace-app/target/storytrace.jar
quiet() { grep -vE 'WARN|INFO|SLF4J|^[[:space:]]*$' || true; }
java -jar "$jar" generate --articles "$n" --seed 1 --out "$work/corpus.jsonl" > /dev/null
command="$(scripts/bench-command.sh "$work/corpus.jsonl" 2>/dev/null | grep -vE '^(building|machine|corpus)')"
bench1="$(java -Xmx4g -jar "$jar" bench --threads 1 "$work/corpus.jsonl")"
bench2="$(java -Xmx4g -jar "$jar" bench --threads 2 --embeddings "$work/corpus.jsonl" 2>/dev/null | quiet)"
java -jar "$jar" generate --articles "$peer_n" --seed 2 --out "$work/peers.jsonl" > /dev/null
peers="$(STORYTRACE_JAVA_OPTS=-Xmx8g ./storytrace peers "$work/peers.jsonl" 20000 2>/dev/null | quiet)"
spark="$(./storytrace spark-bench "$work/corpus.jsonl" 2>/dev/null | grep -E '^spark\.')"
java -jar "$jar" generate --articles "$scale_n" --seed 3 --out "$work/scale.jsonl" > /dev/null
rm -f "$work/corpus.jsonl" "$work/peers.jsonl"
scale="$(java -Xmx2g -jar "$jar" bench --scale --store "$work/store" "$work/scale.jsonl" 2>/dev/null)"
rm -rf "$work/scale.jsonl" "$work/store"
jmh="$(java -jar storytrace-bench/target/benchmarks.jar -wi 2 -w 1 -i 3 -r 2 -f 1 2>/dev/null | sed -n '/^Benchmark/,$p')"
# the sections measured by hand (each dated by session) stay: everything from the first section to the marker
marker='<!-- written by scripts/benchmarks.sh from here to the end -->'
kept=""
[ -f docs/benchmarks.md ] && kept="$(awk -v m="$marker" '$0 == m { exit } /^## / { on = 1 } on' docs/benchmarks.md)"
{
  echo "# Benchmarks"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB memory, $(java -version 2>&1 | head -1)."
  echo "A shared machine: read ratios measured in one run rather than absolute rates."
  echo
  echo "The sections dated by session, newest first, were measured by hand with the commands each names. The part after the"
  echo "marker near the end is written by \`scripts/benchmarks.sh\` (last run \`scripts/benchmarks.sh $n $peer_n $scale_n\` on"
  echo "$(date -u +%Y-%m-%d)), which keeps the dated sections and replaces only that part."
  echo
  if [ -n "$kept" ]; then echo "$kept"; echo; fi
  echo "$marker"
  echo
  echo "## The command as users run it on $n articles (\`scripts/bench-command.sh\`: storytrace analyze and each peer as whole processes on the same file)"
  echo
  echo '```'
  echo "$command"
  echo '```'
  echo
  echo "## The engine inside one process over a generated corpus of $n articles (\`storytrace bench --threads 1\`, no embeddings)"
  echo
  echo '```'
  echo "$bench1"
  echo '```'
  echo
  echo "## The same with 2 threads, then the story stage again with embeddings on (\`storytrace bench --threads 2 --embeddings\`)"
  echo
  echo "baseline.read_and_hash_once is the cost of reading the file and hashing each byte once; end_to_end.share_of_baseline"
  echo "is the end-to-end rate over it."
  echo
  echo '```'
  echo "$bench2"
  echo '```'
  echo
  echo "## Near-duplicate search against peers on $peer_n articles (\`./storytrace bench CORPUS --peers --sample 20000\`: same shingles, same process; recall of pairs with Jaccard >= 0.5 against exact all-pairs on the first 20,000 articles)"
  echo
  echo '```'
  echo "$peers"
  echo '```'
  echo
  echo "## The Spark job in local mode on $n articles (\`./storytrace spark-bench\`)"
  echo
  echo '```'
  echo "$spark"
  echo '```'
  echo
  echo "## The engine at scale: $scale_n articles streamed with -Xmx2g (\`storytrace bench --scale --store DIR\`)"
  echo
  echo "Ingest and link, stories and the write timed as stages inside one process; then the last 1,000 articles are added"
  echo "one at a time to the index of all the others (incremental.*). The whole command at this size is measured by hand in"
  echo "the dated sections above (\`analyze c1m.jsonl --fast --no-embeddings\`, 155-200 s on this machine against the aim of 120 s)."
  echo
  echo '```'
  echo "$scale"
  echo '```'
  echo
  echo "## Hot loops (JMH, one operation = one news-pool article; baselineHashOnce reads and hashes each character once)"
  echo
  echo '```'
  echo "$jmh"
  echo '```'
} > docs/benchmarks.md
echo "wrote docs/benchmarks.md"
