# shellcheck shell=bash
# common.sh: messages and small helpers shared by scripts/test and its libraries.

# say prints a progress line on stdout (with the test report, so the order is kept).
say() { printf '==> %s\n' "$*"; }

# warn prints a warning line on stderr.
warn() { printf 'warning: %s\n' "$*" >&2; }

# die prints an error line on stderr and exits non-zero (the EXIT trap still cleans up).
die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# is_root reports whether the script runs as root (needed for apt-get and runuser).
is_root() { [[ ${EUID:-$(id -u)} -eq 0 ]]; }

# elapsed_since prints the seconds since the given SECONDS value.
elapsed_since() { printf '%ss' "$((SECONDS - $1))"; }
