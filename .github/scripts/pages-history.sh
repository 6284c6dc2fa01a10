#!/usr/bin/env bash
# The history of feeds behind the dashboard published on GitHub Pages (.github/workflows/audit.yml).
#
#   pages-history.sh fetch SITE_URL HISTORY_DIR
#       Download the feeds listed in SITE_URL/feeds/index.txt (published by an earlier run) into HISTORY_DIR.
#       No site yet (first run) or an unreachable one is not an error: the history is then empty.
#   pages-history.sh assemble HISTORY_DIR FEED DASHBOARD SITE_DIR
#       Lay out the site: SITE_DIR/index.html (the dashboard), SITE_DIR/feeds/*.json (the earlier feeds and
#       this run's, named by run time) and SITE_DIR/feeds/index.txt (their names, oldest first).
#
# Only names of the form 20260101T062300Z.json are fetched or published, so a listing can never name a
# path outside the history directory. HISTORY_KEEP (default 52) bounds how many runs are kept.

set -euo pipefail

NAME_RE='^[0-9]{8}T[0-9]{6}Z\.json$'
keep="${HISTORY_KEEP:-52}"

fetch() {
  local site="${1%/}" dir="$2" name listing
  mkdir -p "$dir"
  listing="$(mktemp)"
  if ! curl -fsSL --max-time 30 --retry 2 "$site/feeds/index.txt" -o "$listing"; then
    echo "no published history at $site/feeds/index.txt (first run?): the dashboard starts a new trend"
    rm -f "$listing"
    return 0
  fi
  # The last $keep valid names, oldest first.
  while IFS= read -r name; do
    if [[ ! "$name" =~ $NAME_RE ]]; then
      echo "skipping an unexpected entry in the published index: ${name:0:80}"
      continue
    fi
    curl -fsSL --max-time 60 --retry 2 "$site/feeds/$name" -o "$dir/$name" || {
      echo "could not fetch $name; the trend skips that run"
      rm -f "$dir/$name"
    }
  done < <(tr -d '\r' <"$listing" | grep -E "$NAME_RE" | LC_ALL=C sort -u | tail -n "$keep")
  rm -f "$listing"
  echo "fetched $(find "$dir" -maxdepth 1 -name '*.json' | wc -l | tr -d ' ') earlier feeds"
}

assemble() {
  local history="$1" feed="$2" dashboard="$3" site="$4" name
  mkdir -p "$site/feeds"
  cp "$dashboard" "$site/index.html"
  if [[ -d "$history" ]]; then
    find "$history" -maxdepth 1 -type f -name '*.json' -print0 | while IFS= read -r -d '' name; do
      if [[ "$(basename "$name")" =~ $NAME_RE ]]; then cp "$name" "$site/feeds/"; fi
    done
  fi
  cp "$feed" "$site/feeds/$(date -u +%Y%m%dT%H%M%SZ).json"
  # Keep the newest $keep runs.
  find "$site/feeds" -maxdepth 1 -type f -name '*.json' -printf '%f\n' | LC_ALL=C sort | head -n "-$keep" |
    while IFS= read -r name; do rm -f "$site/feeds/$name"; done
  find "$site/feeds" -maxdepth 1 -type f -name '*.json' -printf '%f\n' | LC_ALL=C sort >"$site/feeds/index.txt"
  echo "site: index.html and $(wc -l <"$site/feeds/index.txt" | tr -d ' ') feeds"
}

case "${1:-}" in
  fetch) shift; fetch "$@" ;;
  assemble) shift; assemble "$@" ;;
  *) echo "usage: $0 fetch SITE_URL HISTORY_DIR | assemble HISTORY_DIR FEED DASHBOARD SITE_DIR" >&2; exit 2 ;;
esac
