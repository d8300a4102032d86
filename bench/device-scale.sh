#!/bin/bash
# `lede analyze` with 1 and 2 workers (split and unsplit) on a machine with more cores than this
# one, without network: the device machine of the tool library (16 cores). What travels there, in
# an ignored folder `.devcarry/` named in `carry` with `dist`: `node.xz` (this machine's Node,
# used when the machine has none), `nm/` (the packages the bundle leaves outside: piscina,
# @napi-rs/nice, better-sqlite3's lib and addon, bindings, file-uri-to-path) and `arts.jsonl.gz`
# (the shared articles as JSONL, `writeInputs` of bench/cli-runs.ts; never committed).
# Run there as `N=20000 bash bench/device-scale.sh`; rows in BENCHMARKS.md (2026-11-27).
set -u
cd "$(dirname "$0")/.."
carry=.devcarry
if ! command -v node >/dev/null; then mkdir -p /tmp/nb && xz -dc $carry/node.xz > /tmp/nb/node && chmod +x /tmp/nb/node && export PATH=/tmp/nb:$PATH; fi
node --version; nproc; grep -m1 "model name" /proc/cpuinfo
mkdir -p node_modules && cp -r $carry/nm/* node_modules/
gunzip -c $carry/arts.jsonl.gz > /tmp/arts.jsonl
N=${N:-20000}
node -e "const l=require('fs').readFileSync('/tmp/arts.jsonl','utf8').trim().split('\n');const o=[];for(let i=0;i<$N;i++){const a=JSON.parse(l[i%l.length]);a.id=String(i);o.push(JSON.stringify(a));}require('fs').writeFileSync('/tmp/in.jsonl',o.join('\n')+'\n')"
for spec in "1" "2 LEDE_SPLIT_WORKERS=1" "2 LEDE_SPLIT_WORKERS=0"; do
  set -- $spec; w=$1; shift
  s=$(date +%s%N)
  env "$@" bin/lede analyze --input-format jsonl /tmp/in.jsonl -o /tmp/out.jsonl --workers $w 2>&1 | tail -1
  e=$(date +%s%N)
  echo "RESULT workers=$w $* wall_ms=$(( (e - s) / 1000000 )) articles/s=$(( N * 1000000000 / (e - s) ))"
done
