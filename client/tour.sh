#!/usr/bin/env bash
# A short scripted tour of `venn` on a temporary store: builds the program,
# then runs the commands a working group would, printing each one first.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/setup
swift build --product venn >/dev/null
venn_bin="$(swift build --show-bin-path)/venn"

tour_home="$(mktemp -d)"
trap 'rm -rf "$tour_home"' EXIT
export XDG_DATA_HOME="$tour_home/data"
export LANG="${LANG:-en_US.UTF-8}"

step() {
    printf '\n$ venn %s\n' "$*" >&2
    "$venn_bin" "$@"
}

# A command that is expected to fail, to show its message and exit code.
refused() {
    printf '\n$ venn %s\n' "$*"
    set +e
    "$venn_bin" "$@"
    printf '(exit code %d)\n' "$?"
    set -e
}

step init --group askvoll
step add activity_type --code walk --label "Walks" --group-capable
step add activity_type --code music --label "Music"
kari=$(step add volunteer --name "Kari Nordmann" --phone 41234567 --birth-year 1961 \
    --interests walk,music --availability mon-evening,thu-evening | tail -n 1)
echo "$kari"
step add volunteer --name "Ola Hansen" --phone "+47 912 34 567" --area Sentrum
step list volunteer
step edit volunteer "${kari: -8}" --area Nord --phone 90000000
step show volunteer "${kari: -8}"
step why volunteer "${kari: -8}" phone
step history volunteer "${kari: -8}"
refused add volunteer --name "Per" --birth-year nineteen-sixty
refused add volunteer --phone 41234567
LANG=nb_NO.UTF-8 step list volunteer
LANG=nb_NO.UTF-8 refused edit volunteer "${kari: -8}" --status flying
step show volunteer "${kari: -8}" --json
step delete volunteer "${kari: -8}"
step list volunteer
