#!/usr/bin/env bash
# Renders the dashboard (and, when asked, the SARIF log) next to the feed, for the composite action (action.yml).
#
# Inputs, through the environment only:
#   AUDIT_FEED         the feed written by run-audit.sh (required; nothing is done without it)
#   AUDIT_HISTORY_DIR  optional directory of earlier feeds (*.json) of the same targets: the dashboard's trend
#   AUDIT_SARIF        "true" also renders results.sarif; "false" (default) does not
#   AUDIT_BIN_DIR      optional directory holding the hf-license-audit executable
#
# Writes the step outputs dashboard and sarif (paths; empty when not produced) to $GITHUB_OUTPUT.
# A rendering failure is a warning, never a failure of the audit: the feed is intact either way.

set -uo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

finish() {
  set_output dashboard "${1:-}"
  set_output sarif "${2:-}"
  exit 0
}

feed="${AUDIT_FEED:-}"
history_dir="${AUDIT_HISTORY_DIR:-}"
sarif_wanted="${AUDIT_SARIF:-false}"

case "$sarif_wanted" in
  true | false) ;;
  *)
    gh_warning "upload-sarif: '$sarif_wanted' is not true or false; no SARIF is rendered"
    sarif_wanted=false
    ;;
esac
if [[ -z "$feed" || ! -s "$feed" ]]; then
  finish "" ""
fi
if [[ "$history_dir" == *$'\n'* || "$history_dir" == *$'\r'* ]]; then
  gh_warning "history-dir must not contain a line break; the dashboard shows this run only"
  history_dir=""
fi
if [[ -n "${AUDIT_BIN_DIR:-}" ]]; then
  bin_dir="$AUDIT_BIN_DIR"
  if command -v cygpath >/dev/null 2>&1; then
    bin_dir="$(cygpath -u "$bin_dir")"
  fi
  PATH="$bin_dir:$PATH"
fi

out_dir="$(dirname "$feed")"
dashboard="$out_dir/dashboard.html"
sarif="$out_dir/results.sarif"
rm -f "$dashboard" "$sarif"

# Earlier feeds, by name (render sorts them by generated_at anyway); this run's feed is never counted twice.
history=()
if [[ -n "$history_dir" && -d "$history_dir" ]]; then
  while IFS= read -r -d '' path; do
    [[ "$path" -ef "$feed" ]] || history+=("$path")
  done < <(find "$history_dir" -maxdepth 1 -type f -name '*.json' -print0 | LC_ALL=C sort -z)
fi

# The CLI may echo text taken from the feed (model cards): it must not issue workflow commands.
stop_token="hf-license-audit-$(od -An -N16 -tx1 /dev/urandom 2>/dev/null | tr -d ' \n')${RANDOM}${RANDOM}"
render() {
  echo "::stop-commands::${stop_token}"
  hf-license-audit render "$@"
  local code=$?
  echo "::${stop_token}::"
  return "$code"
}

if ! render ${history[@]+"${history[@]}"} "$feed" --format html --output "$dashboard"; then
  if ((${#history[@]})); then
    gh_warning "the dashboard could not be rendered with the ${#history[@]} earlier feeds of $history_dir; rendering this run alone"
    render "$feed" --format html --output "$dashboard" || gh_warning "rendering the dashboard failed"
  else
    gh_warning "rendering the dashboard failed; the JSON feed is intact"
  fi
fi
[[ -s "$dashboard" ]] || dashboard=""

if [[ "$sarif_wanted" == true ]]; then
  render "$feed" --format sarif --output "$sarif" || gh_warning "rendering the SARIF log failed"
fi
[[ -s "$sarif" ]] || sarif=""

finish "$dashboard" "$sarif"
