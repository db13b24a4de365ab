# shellcheck shell=bash
# pgcluster.sh: a throwaway PostgreSQL cluster on 127.0.0.1 for one test run.
# Needs common.sh and deps.sh (PG_BINDIR, pg_tool). pg_start sets PG_PORT and PG_URL;
# pg_stop stops the server and removes its folder, and is safe to call more than once.

PG_TMP=""
PG_DATA=""
PG_PORT=""
PG_URL=""
_pg_started=0

# _as_pg runs a command as the postgres OS user when root (initdb refuses root), else as is.
_as_pg() {
	if is_root; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# _ensure_pg_user creates the postgres system user when running as root and it is missing.
_ensure_pg_user() {
	is_root || return 0
	id -u postgres >/dev/null 2>&1 && return 0
	say "creating system user postgres"
	if getent group postgres >/dev/null; then
		useradd --system --no-create-home --gid postgres --shell /usr/sbin/nologin postgres
	else
		useradd --system --no-create-home --user-group --shell /usr/sbin/nologin postgres
	fi
}

# _port_in_use reports whether something accepts TCP connections on 127.0.0.1:$1.
_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# _pick_port prints a port in 10000..31999 (below Linux's ephemeral range) that nothing listens on.
_pick_port() {
	local p i
	for ((i = 0; i < 200; i++)); do
		p=$((10000 + (RANDOM * 32768 + RANDOM) % 22000))
		if ! _port_in_use "$p"; then
			printf '%s\n' "$p"
			return 0
		fi
	done
	return 1
}

# pg_start creates a cluster in a new folder under /tmp (reachable by the postgres user), starts
# it on a free loopback port with trust auth and durability off, waits until it accepts
# connections and creates database $1. It retries with another port if the chosen one was
# taken in the meantime.
pg_start() {
	local db=$1 initdb pg_ctl pg_isready psql attempt
	initdb=$(pg_tool initdb)
	pg_ctl=$(pg_tool pg_ctl)
	pg_isready=$(pg_tool pg_isready)
	psql=$(pg_tool psql)
	_ensure_pg_user
	PG_TMP=$(mktemp -d /tmp/mentormesh-pg.XXXXXX)
	PG_DATA=$PG_TMP/data
	mkdir "$PG_TMP/sock"
	is_root && chown -R postgres: "$PG_TMP"

	(cd "$PG_TMP" && _as_pg "$initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync) \
		>"$PG_TMP/initdb.log" 2>&1 || {
		cat "$PG_TMP/initdb.log" >&2
		die "initdb failed"
	}
	cat >>"$PG_DATA/postgresql.conf" <<CONF

# scripts/test: throwaway cluster, loopback only, speed over durability.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMP/sock'
fsync = off
full_page_writes = off
synchronous_commit = off
max_connections = 200
max_parallel_workers_per_gather = 0
CONF

	for attempt in 1 2 3 4 5; do
		PG_PORT=$(_pick_port) || die "no free TCP port found on 127.0.0.1"
		_pg_started=1
		if (cd "$PG_TMP" && _as_pg "$pg_ctl" -D "$PG_DATA" -l "$PG_TMP/server.log" -w -t 60 \
			-o "-p $PG_PORT" start) >/dev/null 2>&1; then
			break
		fi
		if grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' \
			"$PG_TMP/server.log" 2>/dev/null && ((attempt < 5)); then
			warn "port $PG_PORT was taken; retrying with another port"
			: >"$PG_TMP/server.log"
			continue
		fi
		tail -n 30 "$PG_TMP/server.log" >&2 || true
		die "PostgreSQL did not start"
	done

	local i
	for ((i = 0; i < 60; i++)); do
		"$pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres && break
		sleep 0.5
	done
	"$pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres ||
		die "PostgreSQL on port $PG_PORT does not accept connections"

	"$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
		-c "CREATE DATABASE $db" >/dev/null
	PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$db?sslmode=disable"
	[[ $("$psql" -X -Atq "$PG_URL" -c 'SELECT current_database()') == "$db" ]] ||
		die "cannot connect to $PG_URL"
}

# pg_stop stops the cluster (fast shutdown; kill as a last resort) and removes its folder.
pg_stop() {
	if ((_pg_started)) && [[ -f $PG_DATA/postmaster.pid ]]; then
		if ! (cd "$PG_TMP" && _as_pg "$(pg_tool pg_ctl)" -D "$PG_DATA" -m fast -w -t 30 stop) >/dev/null 2>&1; then
			local pid
			pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
			if [[ $pid =~ ^[0-9]+$ ]]; then
				warn "pg_ctl stop failed; killing postmaster $pid"
				kill -KILL "$pid" 2>/dev/null || true
			fi
		fi
	fi
	_pg_started=0
	if [[ -n $PG_TMP && -d $PG_TMP ]]; then
		rm -rf "$PG_TMP"
	fi
	PG_TMP=""
}
