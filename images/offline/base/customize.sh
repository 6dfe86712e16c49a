#!/bin/sh
# mmdebstrap --customize-hook for bosun-offline/base:bookworm. $1 is the finished root file
# system; it runs after every package is installed, before mmdebstrap's own clean-up.
# Only file setup here: the per-service images are plain `docker build`s without RUN.
set -eu
root=$1
in_root() { chroot "$root" "$@"; }

# No package sources inside the image: nothing in it talks to a mirror, and no host name of
# ours ends up in a published image.
rm -f "$root/etc/apt/sources.list" "$root"/etc/apt/sources.list.d/*

# --- PostgreSQL -------------------------------------------------------------------------
# The Debian package creates a cluster "main" (config in /etc, data in /var/lib/postgresql/15);
# the image's cluster is made by the entrypoint in $PGDATA instead.
rm -rf "$root/etc/postgresql/15" "$root/var/lib/postgresql/15"
rm -f "$root"/var/log/postgresql/*
# Clusters made by initdb copy this sample: listen on all interfaces, like the official image.
sample=$root/usr/share/postgresql/15/postgresql.conf.sample
sed -ri "s!^#?(listen_addresses)\s*=\s*\S+.*!\1 = '*'!" "$sample"
grep -q "^listen_addresses = '\*'" "$sample"
# Unix socket directory (Debian's compiled-in default), kept in the image so that the server
# also starts with `docker run --user postgres`. mmdebstrap's own clean-up of /run is skipped
# (--skip=cleanup/run) for that; everything else in /run is removed here instead.
find "$root/run" -mindepth 1 -maxdepth 1 ! -name lock -exec rm -rf --one-file-system {} +
in_root install -d -o postgres -g postgres -m 3777 /run/postgresql
in_root install -d -o postgres -g postgres -m 1777 /var/lib/postgresql/data
in_root install -d -m 0755 /docker-entrypoint-initdb.d
# ssl-cert generated a private "snakeoil" key at install time; nothing here uses it and an
# image should not carry a key that is the same for everyone.
rm -f "$root/etc/ssl/private/ssl-cert-snakeoil.key" "$root/etc/ssl/certs/ssl-cert-snakeoil.pem"
in_root find /etc/ssl/certs -xtype l -delete   # its hash link

# --- Redis ------------------------------------------------------------------------------
in_root install -d -o redis -g redis -m 0755 /data

# --- RabbitMQ ---------------------------------------------------------------------------
# The Erlang cookie is made per container by the entrypoint; never bake one into the image.
rm -f "$root/var/lib/rabbitmq/.erlang.cookie"
rm -rf "$root/var/lib/rabbitmq/mnesia"
rm -f "$root"/var/log/rabbitmq/*
# rabbitmq-plugins (run as user rabbitmq) rewrites /etc/rabbitmq/enabled_plugins.
in_root chown rabbitmq:rabbitmq /etc/rabbitmq

# --- Leftovers of the installation --------------------------------------------------------
rm -f "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old
rm -f "$root"/var/log/*.log "$root"/var/log/apt/*
