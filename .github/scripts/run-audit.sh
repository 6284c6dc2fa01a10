#!/usr/bin/env bash
# Runs the audit for the "HF license audit" composite action (action.yml).
#
# Every input arrives through the environment, never through ${{ }} text:
#   AUDIT_ORGANIZATIONS  whitespace-separated organizations (or users)
#   AUDIT_MODELS         whitespace-separated org/name model ids
#   AUDIT_DERIVATIVES_OF whitespace-separated org/name bases whose derivatives are audited
#   AUDIT_SEARCH         one search word (a substring of model ids)
#   AUDIT_FILTER         whitespace-separated Hub tags (license:llama2, text-generation, base_model:org/name)
#   AUDIT_SORT           downloads | likes | trending | created | modified (empty: the Hub's order)
#   AUDIT_LIMIT          positive integer: at most that many models per search or organization
#   AUDIT_FAIL_ON        error | warning | never
#   AUDIT_ENDPOINT       Hub URL; empty = the CLI's default (HF_ENDPOINT or the public Hub)
#   AUDIT_OUTPUT_DIR     where feed.json and report.md are written
#                        (empty = $RUNNER_TEMP/hf-license-audit)
#   AUDIT_BIN_DIR        optional directory holding the hf-license-audit executable
#   AUDIT_INCLUDE_PRIVATE  "true" adds --include-private; "false" or empty (default) does not
#   HF_TOKEN             read by the CLI itself, never by this script
#
# Writes the step outputs feed, report (paths; empty when the file was not produced) and
# exit-code to $GITHUB_OUTPUT, and the Markdown report to $GITHUB_STEP_SUMMARY.
#
# The audit's exit code is recorded, not propagated: once the outputs are written this script
# exits 0, so the artifact upload still runs, and the action's last step turns exit-code into the
# job's result (0 ok, 1 flagged at the fail-on level, 2 usage error, 3 operational failure).
# A non-zero exit of this script itself means it could not record anything at all.

set -uo pipefail # no -e: the audit's exit code is captured, not fatal

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# GitHub aborts a step whose summary exceeds 1 MiB; keep well under it.
SUMMARY_LIMIT_BYTES="${AUDIT_SUMMARY_LIMIT_BYTES:-1000000}"

# Record the outcome and stop. $1 = exit code, $2 = feed path or "", $3 = report path or "".
finish() {
  set_output feed "${2:-}"
  set_output report "${3:-}"
  set_output exit-code "$1"
  exit 0
}

# ---------------------------------------------------------------------------------------------
# Validate the inputs. Hub names are letters, digits, '-', '_', '.'; a value that could be read
# as a CLI option (leading '-') or carry a newline is refused.

NAME_RE='^[A-Za-z0-9_][A-Za-z0-9._-]*$'
MODEL_RE='^[A-Za-z0-9_][A-Za-z0-9._-]*/[A-Za-z0-9_][A-Za-z0-9._-]*$'
SEARCH_RE='^[A-Za-z0-9_][A-Za-z0-9._/-]*$'
TAG_RE='^[A-Za-z0-9_][A-Za-z0-9._:/+-]*$'
LIMIT_RE='^[1-9][0-9]{0,6}$'

# Whitespace-separated (spaces, tabs, newlines): a YAML block scalar with one name a line works.
# (Written for bash 3.2 too, as on macOS runners: no namerefs, guarded empty-array expansions.)
orgs=()
models=()
bases=()
filters=()
IFS=$' \t\r\n' read -r -d '' -a orgs <<<"${AUDIT_ORGANIZATIONS:-}" || true
IFS=$' \t\r\n' read -r -d '' -a models <<<"${AUDIT_MODELS:-}" || true
IFS=$' \t\r\n' read -r -d '' -a bases <<<"${AUDIT_DERIVATIVES_OF:-}" || true
IFS=$' \t\r\n' read -r -d '' -a filters <<<"${AUDIT_FILTER:-}" || true
search="${AUDIT_SEARCH:-}"
sort="${AUDIT_SORT:-}"
limit="${AUDIT_LIMIT:-}"
fail_on="${AUDIT_FAIL_ON:-error}"
endpoint="${AUDIT_ENDPOINT:-}"
out_dir="${AUDIT_OUTPUT_DIR:-}"
if [[ -z "$out_dir" ]]; then
  out_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/hf-license-audit"
fi

usage_errors=0
for org in ${orgs[@]+"${orgs[@]}"}; do
  if [[ ! "$org" =~ $NAME_RE ]]; then
    gh_error "organizations: '$org' is not a Hub organization or user name"
    usage_errors=1
  fi
done
for model in ${models[@]+"${models[@]}"}; do
  if [[ ! "$model" =~ $MODEL_RE ]]; then
    gh_error "models: '$model' is not a model id of the form org/name"
    usage_errors=1
  fi
done
for base in ${bases[@]+"${bases[@]}"}; do
  if [[ ! "$base" =~ $MODEL_RE ]]; then
    gh_error "derivatives-of: '$base' is not a model id of the form org/name"
    usage_errors=1
  fi
done
for tag in ${filters[@]+"${filters[@]}"}; do
  if [[ ! "$tag" =~ $TAG_RE ]]; then
    gh_error "filter: '$tag' is not a Hub tag"
    usage_errors=1
  fi
done
if [[ -n "$search" && ! "$search" =~ $SEARCH_RE ]]; then
  gh_error "search: '$search' must be one word of letters, digits, '.', '_', '-' or '/'"
  usage_errors=1
fi
case "$sort" in
  "" | downloads | likes | trending | created | modified) ;;
  *)
    gh_error "sort: '$sort' is not one of downloads, likes, trending, created, modified"
    usage_errors=1
    ;;
esac
if [[ -n "$limit" && ! "$limit" =~ $LIMIT_RE ]]; then
  gh_error "limit: '$limit' is not a positive integer"
  usage_errors=1
fi
if ((${#orgs[@]} == 0 && ${#models[@]} == 0 && ${#bases[@]} == 0 && ${#filters[@]} == 0)) && [[ -z "$search" && -z "$limit" ]]; then
  gh_error "nothing to audit: set 'organizations', 'models', 'derivatives-of', 'search', 'filter' or 'limit'"
  usage_errors=1
fi
case "$fail_on" in
  error | warning | never) ;;
  *)
    gh_error "fail-on: '$fail_on' is not one of error, warning, never"
    usage_errors=1
    ;;
esac
if [[ -n "$endpoint" && ! "$endpoint" =~ ^https?://[^[:space:]]+$ ]]; then
  gh_error "endpoint: '$endpoint' is not an http(s) URL"
  usage_errors=1
fi
include_private="${AUDIT_INCLUDE_PRIVATE:-false}"
case "$include_private" in
  true | false) ;;
  *)
    gh_error "include-private: '$include_private' is not true or false"
    usage_errors=1
    ;;
esac
if [[ "$out_dir" == *$'\n'* || "$out_dir" == *$'\r'* ]]; then
  gh_error "output-dir must not contain a line break"
  usage_errors=1
fi
if ((usage_errors)); then
  finish 2 "" ""
fi

# ---------------------------------------------------------------------------------------------
# Locate the CLI and prepare the output directory.

if [[ -n "${AUDIT_BIN_DIR:-}" ]]; then
  bin_dir="$AUDIT_BIN_DIR"
  if command -v cygpath >/dev/null 2>&1; then # Windows runners: C:\... -> /c/...
    bin_dir="$(cygpath -u "$bin_dir")"
  fi
  PATH="$bin_dir:$PATH"
fi
if ! command -v hf-license-audit >/dev/null 2>&1; then
  gh_error "the hf-license-audit command was not found (was the tool installed?)"
  finish 3 "" ""
fi

if ! mkdir -p "$out_dir"; then
  gh_error "cannot create the output directory $out_dir"
  finish 3 "" ""
fi
feed="$out_dir/feed.json"
report="$out_dir/report.md"
# A feed left by an earlier run in the same directory must never pass for this run's.
rm -f "$feed" "$report"

# ---------------------------------------------------------------------------------------------
# Audit.

args=(audit)
args+=(${orgs[@]+"${orgs[@]}"})
for model in ${models[@]+"${models[@]}"}; do
  args+=(--model "$model")
done
for base in ${bases[@]+"${bases[@]}"}; do
  args+=(--derivatives-of "$base")
done
if [[ -n "$search" ]]; then
  args+=(--search "$search")
fi
for tag in ${filters[@]+"${filters[@]}"}; do
  args+=(--filter "$tag")
done
if [[ -n "$sort" ]]; then
  args+=(--sort "$sort")
fi
if [[ -n "$limit" ]]; then
  args+=(--limit "$limit")
fi
args+=(--format json --output "$feed" --fail-on "$fail_on")
if [[ -n "$endpoint" ]]; then
  args+=(--endpoint "$endpoint")
fi
if [[ "$include_private" == true ]]; then
  args+=(--include-private)
fi

printf 'Running: hf-license-audit'
printf ' %q' "${args[@]}"
printf '\n'

# The CLI echoes text taken from model cards; it must not be able to issue workflow commands.
stop_token="hf-license-audit-$(od -An -N16 -tx1 /dev/urandom 2>/dev/null | tr -d ' \n')${RANDOM}${RANDOM}"
echo "::stop-commands::${stop_token}"
hf-license-audit "${args[@]}"
code=$?
echo "::${stop_token}::"
echo "hf-license-audit exited with code $code"

if [[ ! -s "$feed" ]]; then
  rm -f "$feed"
  if ((code == 0 || code == 1)); then
    gh_error "hf-license-audit exited with $code but wrote no feed at $feed"
    code=3
  fi
  finish "$code" "" ""
fi

# ---------------------------------------------------------------------------------------------
# Render the Markdown report and add it to the job summary.

echo "::stop-commands::${stop_token}"
hf-license-audit render "$feed" --format markdown --output "$report"
render_code=$?
echo "::${stop_token}::"
if ((render_code != 0)); then
  gh_warning "rendering the Markdown report failed (exit $render_code); the JSON feed is intact"
fi
if [[ ! -f "$report" ]]; then
  finish "$code" "$feed" ""
fi

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  size="$(wc -c <"$report" | tr -d '[:space:]')"
  {
    printf '\n'
    if ((size > SUMMARY_LIMIT_BYTES)); then
      # Cut at a line boundary so no multi-byte character or table row is split.
      head -c "$SUMMARY_LIMIT_BYTES" "$report" | LC_ALL=C sed '$d'
      printf '\n\n> **Report truncated** (%s bytes; the job summary is limited to 1 MiB).' "$size"
      printf ' The full report and the JSON feed are in the workflow artifact.\n'
    else
      cat "$report"
    fi
  } >>"$GITHUB_STEP_SUMMARY"
fi

finish "$code" "$feed" "$report"
