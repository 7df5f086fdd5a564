#!/usr/bin/env bash
# The completion scripts are valid and offer what the command line accepts.
set -u
bin=$1
fail() { echo "$*"; exit 1; }
script=$("$bin" completion bash) || fail "tfm completion bash failed"
bash -n <<<"$script" || fail "the bash script does not parse"
# Load it and ask for completions as bash would.
complete_words() {  # words… ; the last word is the one being completed
  bash -c "$script"'
    COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    _tfm; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
offered=$(complete_words tfm "")
for cmd in check report gaps schedule plan journey completion; do
  grep -qx "$cmd" <<<"$offered" || fail "bash does not offer the subcommand $cmd"
done
grep -qx man <<<"$offered" && fail "bash offers the hidden man command"
[ "$(complete_words tfm rep)" = report ] || fail "bash does not complete rep to report"
grep -qx register <<<"$(complete_words tfm re)" || fail "bash does not offer register for re"
grep -qx -- --strict <<<"$(complete_words tfm check --)" || fail "bash does not offer check --strict"
[ "$(complete_words tfm report --section pat)" = patterns ] || fail "bash does not complete section names"
grep -qx json <<<"$(complete_words tfm --format j)" || fail "bash does not complete formats"
grep -qx zsh <<<"$(complete_words tfm completion z)" || fail "bash does not complete shells"
zsh_script=$("$bin" completion zsh) || fail "tfm completion zsh failed"
grep -q "^#compdef tfm" <<<"$zsh_script" || fail "zsh script lacks #compdef"
if command -v zsh >/dev/null; then zsh -n <<<"$zsh_script" || fail "the zsh script does not parse"; fi
fish_script=$("$bin" completion fish) || fail "tfm completion fish failed"
grep -q "__fish_use_subcommand' -a report" <<<"$fish_script" || fail "fish script lacks report"
if command -v fish >/dev/null; then fish -n <<<"$fish_script" || fail "the fish script does not parse"; fi
echo "completion scripts parse and offer every command"
