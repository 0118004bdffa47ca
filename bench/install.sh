#!/usr/bin/env bash
# What an install costs: `npm ci` and `npm ci --omit=dev` of the project's manifests at a git
# revision (default: the work tree), each in a fresh temporary folder, with npm's cache as it is.
# Prints wall-clock and CPU seconds, the size of node_modules and the number of packages.
#   bash bench/install.sh [<revision>]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for file in package.json package-lock.json .npmrc; do
  if [ -n "$rev" ]; then git show "$rev:$file" > "$dir/$file" 2>/dev/null || rm -f "$dir/$file"
  elif [ -f "$file" ]; then cp "$file" "$dir/"; fi
done
echo "| install | wall s | CPU s (user+sys) | node_modules MB | packages | load before |"
echo "|---|---|---|---|---|---|"
for args in "" "--omit=dev"; do
  rm -rf "$dir/node_modules"
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  /usr/bin/time -o "$dir/cpu" -f '%U %S' npm ci $args --no-audit --no-fund --prefix "$dir" >/dev/null 2>"$dir/npm.err"
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  cpu=$(tail -1 "$dir/cpu")
  packages=$(cd "$dir" && npm ls --all --parseable $args 2>/dev/null | tail -n +2 | sort -u | wc -l)
  printf '| npm ci %s | %.0f | %.0f | %s | %s | %s |\n' "$args" "$wall" "$(echo "$cpu" | awk '{print $1 + $2}')" "$(du -sm "$dir/node_modules" | cut -f1)" "$packages" "$load"
done
