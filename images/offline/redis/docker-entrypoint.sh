#!/bin/sh
# Entrypoint of bosun-offline/redis:7, same behaviour as the official redis image's:
#   docker run img                                  -> redis-server
#   docker run img --appendonly yes                 -> redis-server --appendonly yes
#   docker run img /etc/redis.conf                  -> redis-server /etc/redis.conf
#   docker run img redis-server --requirepass x     -> as given
# redis-server runs as user redis (files in /data are chowned to it); other commands run as is.
set -e

# first argument is an option (-f, --some-option) or a config file (*.conf)
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# started as root: own the data, drop to user redis
if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
	find . \! -user redis -exec chown redis '{}' +
	exec setpriv --reuid=redis --regid=redis --init-groups -- "$0" "$@"
fi

# files only for the owner (unless a umask was set already)
if [ "$(umask)" = 0022 ]; then
	umask 0077
fi

exec "$@"
