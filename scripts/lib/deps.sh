# shellcheck shell=bash
# deps.sh: install what the test suite needs, only when it is missing.
# Needs common.sh. Sets PG_BINDIR (directory holding initdb, pg_ctl, postgres, psql, pg_isready).

MAILPIT_MODULE=github.com/axllent/mailpit
MAILPIT_VERSION=v1.33.1
AXE_VERSION=4.14.1

_apt_updated=0
_policy_rc_created=0

# apt_install installs Debian packages non-interactively; it runs `apt-get update` once, before
# the first install of this run. It waits for a dpkg lock held by someone else (up to 5 minutes).
apt_install() {
	is_root || die "missing $*: run as root, or install them first (apt-get install $*)"
	command -v apt-get >/dev/null || die "missing $* and apt-get is not available: install them first"
	export DEBIAN_FRONTEND=noninteractive
	local lock=(-o DPkg::Lock::Timeout=300)
	if ((_apt_updated == 0)); then
		say "apt-get update"
		apt-get "${lock[@]}" update -qq
		_apt_updated=1
	fi
	say "apt-get install $*"
	apt-get "${lock[@]}" install -y -qq --no-install-recommends "$@" >/dev/null
}

# _find_pg_bindir prints the first directory that holds initdb, pg_ctl and postgres: the one of
# pg_ctl on PATH (symlinks resolved), else the newest /usr/lib/postgresql/<ver>/bin (Debian).
_find_pg_bindir() {
	local c d
	if c=$(command -v pg_ctl 2>/dev/null); then
		d=$(dirname "$(readlink -f "$c")")
		if [[ -x $d/initdb && -x $d/postgres ]]; then
			printf '%s\n' "$d"
			return 0
		fi
	fi
	while IFS= read -r d; do
		if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then
			printf '%s\n' "$d"
			return 0
		fi
	done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r)
	return 1
}

# ensure_postgres sets PG_BINDIR, installing Debian's postgresql when no server binaries exist.
# During the install it keeps Debian from starting its default cluster (policy-rc.d).
ensure_postgres() {
	if ! PG_BINDIR=$(_find_pg_bindir); then
		if is_root && [[ ! -e /usr/sbin/policy-rc.d ]]; then
			printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
			chmod +x /usr/sbin/policy-rc.d
			_policy_rc_created=1
		fi
		apt_install postgresql
		remove_policy_rc
		PG_BINDIR=$(_find_pg_bindir) || die "postgresql installed but initdb/pg_ctl/postgres not found"
	fi
	local tool
	for tool in psql pg_isready; do
		if [[ ! -x $PG_BINDIR/$tool ]]; then
			command -v "$tool" >/dev/null || die "PostgreSQL client tool $tool not found"
		fi
	done
}

# pg_tool prints the path of a PostgreSQL tool: the one in PG_BINDIR, else the one on PATH.
pg_tool() {
	if [[ -x $PG_BINDIR/$1 ]]; then
		printf '%s\n' "$PG_BINDIR/$1"
	else
		command -v "$1"
	fi
}

# remove_policy_rc removes the policy-rc.d that ensure_postgres created, if any.
remove_policy_rc() {
	if ((_policy_rc_created)); then
		rm -f /usr/sbin/policy-rc.d
		_policy_rc_created=0
	fi
}

# ensure_chromium makes sure Debian's chromium and chromium-driver are installed.
ensure_chromium() {
	if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
		return 0
	fi
	apt_install chromium chromium-driver fonts-liberation
	[[ -x /usr/bin/chromium ]] || die "chromium installed but /usr/bin/chromium not found"
}

# _mailpit_ok reports whether the binary at $1 is mailpit at MAILPIT_VERSION.
_mailpit_ok() {
	[[ -x $1 ]] && go version -m "$1" 2>/dev/null |
		grep -Eq "^[[:space:]]*mod[[:space:]]+${MAILPIT_MODULE}[[:space:]]+${MAILPIT_VERSION}([[:space:]]|\$)"
}

# ensure_mailpit builds mailpit into <repo>/.tools/bin when it is missing or another version.
# A lock file keeps two concurrent runs from building it at the same time.
ensure_mailpit() {
	local bindir=$1/.tools/bin
	_mailpit_ok "$bindir/mailpit" && return 0
	mkdir -p "$bindir"
	(
		if command -v flock >/dev/null; then
			exec 9>"$1/.tools/install.lock"
			flock 9
		fi
		_mailpit_ok "$bindir/mailpit" && exit 0
		say "go install $MAILPIT_MODULE@$MAILPIT_VERSION (first run only)"
		GOBIN=$bindir go install "$MAILPIT_MODULE@$MAILPIT_VERSION"
	)
	_mailpit_ok "$bindir/mailpit" || die "mailpit $MAILPIT_VERSION not found in $bindir after go install"
}

# _axe_ok reports whether <repo>/.tools/axe holds axe-core at AXE_VERSION.
_axe_ok() {
	local pkg=$1/.tools/axe/node_modules/axe-core
	[[ -f $pkg/axe.min.js && -f $pkg/package.json ]] &&
		grep -Eq "\"version\"[[:space:]]*:[[:space:]]*\"${AXE_VERSION}\"" "$pkg/package.json"
}

# ensure_axe installs npm axe-core AXE_VERSION into <repo>/.tools/axe when it is missing or
# another version (the browser tests inject it into pages to check accessibility), and sets
# AXE_JS to the path of axe.min.js. A lock file keeps two concurrent runs from installing at once.
ensure_axe() {
	AXE_JS=$1/.tools/axe/node_modules/axe-core/axe.min.js
	_axe_ok "$1" && return 0
	command -v npm >/dev/null || die "npm not found: install Node.js and npm (apt-get install npm)"
	mkdir -p "$1/.tools/axe"
	(
		if command -v flock >/dev/null; then
			exec 9>"$1/.tools/install.lock"
			flock 9
		fi
		_axe_ok "$1" && exit 0
		say "npm install axe-core@$AXE_VERSION into .tools/axe (first run only)"
		npm install --prefix "$1/.tools/axe" --no-audit --no-fund --silent "axe-core@$AXE_VERSION" >/dev/null
	)
	_axe_ok "$1" || die "axe-core $AXE_VERSION not found in $1/.tools/axe after npm install"
}
