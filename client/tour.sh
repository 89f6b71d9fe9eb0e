#!/usr/bin/env bash
# A scripted tour of Venn: a sync server on SQLite and two laptops of one
# working group, each with its own store, editing offline and converging
# through the server. Each command is printed before it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/setup
swift build --product venn >/dev/null
swift build --product venn-server >/dev/null
bin="$(swift build --show-bin-path)"

tour="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tour"
}
trap cleanup EXIT
export LANG="${LANG:-en_US.UTF-8}"

say() { printf '\n## %s\n' "$*" >&2; }

# `laptop NAME venn-arguments...` runs venn with that laptop's own data folder.
laptop() {
    local name="$1"; shift
    printf '\n[%s] $ venn %s\n' "$name" "$*" >&2
    XDG_DATA_HOME="$tour/$name" "$bin/venn" "$@"
}

# Like `laptop`, for a command that is expected to fail: shows its message and exit code.
refused() {
    local name="$1"; shift
    printf '\n[%s] $ venn %s\n' "$name" "$*" >&2
    set +e
    XDG_DATA_HOME="$tour/$name" "$bin/venn" "$@"
    printf '(exit code %d)\n' "$?" >&2
    set -e
}

admin() {
    printf '\n[server] $ venn-server %s\n' "$*" >&2
    "$bin/venn-server" "$@" --data "$tour/server"
}

say "The server: a group and two one-time enrollment codes"
admin group create askvoll --name "Askvoll" --municipality 4645
code_kari=$(admin code create --group askvoll)
echo "$code_kari"
code_ola=$(admin code create --group askvoll)
echo "$code_ola"

"$bin/venn-server" serve --data "$tour/server" --listen 127.0.0.1:0 \
    >"$tour/server.out" 2>"$tour/server.log" &
server_pid=$!
until [ -s "$tour/server.out" ]; do sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$tour/server.out")
printf '\n[server] %s\n' "$(cat "$tour/server.out")" >&2

say "Two laptops enroll"
laptop kari init --group askvoll --server "$url" --code "$code_kari"
laptop ola init --group askvoll --server "$url" --code "$code_ola"

say "Kari registers activity types and a volunteer, then syncs"
laptop kari add activity_type --code walk --label "Walks" --group-capable
laptop kari add activity_type --code music --label "Music"
id=$(laptop kari add volunteer --name "Kari Nordmann" --phone 41234567 --birth-year 1961 \
    --interests walk,music --availability mon-evening,thu-evening)
echo "$id"
laptop kari sync
laptop ola sync
laptop ola list volunteer

say "Both laptops edit the same volunteer offline"
laptop kari edit volunteer "${id: -8}" --phone 90000000
laptop ola edit volunteer "${id: -8}" --area Nord
laptop ola edit volunteer "${id: -8}" --phone 95555555
laptop kari status

say "They sync: different fields merge, the same field follows its rule"
laptop kari sync
laptop ola sync
laptop kari sync
laptop kari show volunteer "${id: -8}"
laptop ola show volunteer "${id: -8}"
laptop ola why volunteer "${id: -8}" phone
laptop kari conflicts list --json

say "A person's residence is decided by a person (rule: manual)"
person=$(laptop kari add person --name "Astrid Lund" --residence home)
echo "$person"
laptop kari sync
laptop ola sync
laptop kari edit person "${person: -8}" --residence day_centre
laptop ola edit person "${person: -8}" --residence institution
laptop kari sync
laptop ola sync
laptop ola conflicts
# `conflicts` lists the open ones; the first column is the entry's short id.
conflict=$(XDG_DATA_HOME="$tour/ola" "$bin/venn" conflicts | awk 'NR == 2 { print $1 }')
laptop ola conflicts resolve "$conflict" --take day_centre
laptop ola sync
laptop kari sync
laptop kari show person "${person: -8}"
laptop kari status

say "Bad input is refused and changes nothing"
refused kari add volunteer --name "Per" --birth-year nineteen-sixty
refused kari add volunteer --phone 41234567
LANG=nb_NO.UTF-8 refused kari edit volunteer "${id: -8}" --status flying

say "The working group's work: an agreement moved on one laptop, seen on the other"
leader=$(laptop kari add member --name "Anne Lie" --email anne@askvoll.kommune.no --roles lead)
laptop kari member me "${leader: -8}"
laptop kari agreement draft --leader "${leader: -8}"
laptop kari agreement sign
laptop kari sync
laptop ola sync
laptop ola agreement anchor
laptop ola sync
laptop kari sync
laptop kari agreement show

say "Two laptops move one volunteer at once: a pause and a withdrawal converge on withdrawn"
friend=$(laptop kari add volunteer --name "Per Berg" --status ready)
laptop kari sync
laptop ola sync
laptop kari volunteer pause "${friend: -8}"
laptop ola volunteer withdraw "${friend: -8}" --reason "moved away"
laptop kari sync
laptop ola sync
laptop kari sync
laptop kari show volunteer "${friend: -8}"
laptop ola show volunteer "${friend: -8}"
laptop ola list transition

say "A deletion reaches every laptop"
laptop ola delete volunteer "${id: -8}"
laptop ola sync
laptop kari sync
laptop kari list volunteer
