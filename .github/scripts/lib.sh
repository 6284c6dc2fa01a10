# Shared helpers of the action's scripts (sourced, not run): workflow commands and step outputs.

# Escape data for a workflow command (::error::...), so that it cannot end the command.
gh_escape() {
  local s="$1"
  s="${s//'%'/%25}"
  s="${s//$'\r'/%0D}"
  s="${s//$'\n'/%0A}"
  printf '%s' "$s"
}

gh_error() {
  printf '::error title=HF license audit::%s\n' "$(gh_escape "$1")"
}

gh_warning() {
  printf '::warning title=HF license audit::%s\n' "$(gh_escape "$1")"
}

# Values are paths and small integers; callers reject newlines first.
set_output() {
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  else
    printf '%s=%s\n' "$1" "$2"
  fi
}
