#!/bin/sh
# As the official node image's entrypoint: arguments that start with "-" (or name no program)
# are options to node; anything else is run as given.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1" 2>/dev/null)" ]; then
  set -- node "$@"
fi
exec "$@"
