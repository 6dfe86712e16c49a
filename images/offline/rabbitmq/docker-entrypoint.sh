#!/usr/bin/env bash
# Entrypoint of bosun-offline/rabbitmq:3-management, following the official rabbitmq image's:
# rabbitmq* commands started as root run as user rabbitmq (rabbitmq-server after chowning
# /var/lib/rabbitmq); other commands run as given. RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS
# (default guest/guest) are read by RabbitMQ itself. Unlike the official image, the Erlang
# cookie is created here, before the server starts, so that a `docker exec ... rabbitmqctl` as
# root can never create it first (owned by root, the server then fails with eacces).
set -euo pipefail

cookie_file=/var/lib/rabbitmq/.erlang.cookie

if [[ ${1:-} == rabbitmq* ]] && [ "$(id -u)" = 0 ]; then
	if [ "$1" = rabbitmq-server ]; then
		find /var/lib/rabbitmq \! -user rabbitmq -exec chown rabbitmq '{}' +
	fi
	exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups -- "${BASH_SOURCE[0]}" "$@"
fi

if [ "${1:-}" = rabbitmq-server ] && [ -w /var/lib/rabbitmq ]; then
	if [ -n "${RABBITMQ_ERLANG_COOKIE:-}" ]; then
		# deprecated in the official image, still honoured there
		if [ -e "$cookie_file" ] && [ "$(cat "$cookie_file" 2>/dev/null)" != "$RABBITMQ_ERLANG_COOKIE" ]; then
			echo >&2 "warning: $cookie_file contents do not match RABBITMQ_ERLANG_COOKIE"
		elif [ ! -e "$cookie_file" ]; then
			(umask 077 && printf '%s' "$RABBITMQ_ERLANG_COOKIE" >"$cookie_file")
		fi
	elif [ ! -e "$cookie_file" ]; then
		# 20 upper-case letters, like the cookie Erlang would generate
		cookie=$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc 'A-Z')
		(umask 077 && printf '%s' "${cookie:0:20}" >"$cookie_file")
	fi
	chmod 400 "$cookie_file" 2>/dev/null || :
fi

# if the long and the short host name differ, use long node names (as the official image does)
if [ -z "${RABBITMQ_USE_LONGNAME:-}" ] && [ "$(hostname)" != "$(hostname -s)" ]; then
	export RABBITMQ_USE_LONGNAME=true
fi

exec "$@"
