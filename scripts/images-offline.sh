#!/usr/bin/env bash
# Builds local stand-ins for the official postgres, redis, rabbitmq and node images from Debian
# bookworm packages (and this machine's Node), for machines that cannot reach a container registry.
# See images/offline/README.md.
#
#   npm run images:offline              build what is missing or out of date
#   npm run images:offline -- --force   rebuild everything (e.g. to pick up Debian updates)
#
# Images:
#   bosun-offline/base:bookworm          mmdebstrap rootfs with all three servers, `docker import`ed
#   bosun-offline/postgres:15            \
#   bosun-offline/redis:7                 > `docker build` FROM the base, images/offline/<name>/
#   bosun-offline/rabbitmq:3-management  /
#   bosun-offline/node:20                `docker build` FROM the base with this machine's node and npm
#
# Idempotent: every image carries the label bosun.inputs-hash. The base's hash covers
# images/offline/base/ (package list, customize hook) and the mmdebstrap options below; a
# service's hash covers this script, its folder and the base image's id, so a new base rebuilds
# every service; the node image's hash also covers the node binary and npm it copies in. An image
# whose label matches is left alone.
# Writes nothing but docker images and a temporary directory that it removes.
set -euo pipefail

readonly SUITE=bookworm
readonly BASE_IMAGE=bosun-offline/base:$SUITE
readonly HASH_LABEL=bosun.inputs-hash
# <folder under images/offline>=<image>; image-map.json maps the official names onto these.
readonly SERVICES=(
  postgres=bosun-offline/postgres:15
  redis=bosun-offline/redis:7
  rabbitmq=bosun-offline/rabbitmq:3-management
  node=bosun-offline/node:20
)
# mmdebstrap options of the base (part of its hash). Also passed: --include (packages.txt) and
# --customize-hook (customize.sh), both hashed as files of images/offline/base.
readonly BASE_OPTIONS=(
  --variant=minbase
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr
  --dpkgopt=path-exclude=/usr/share/man/*
  --dpkgopt=path-exclude=/usr/share/info/*
  --dpkgopt=path-exclude=/usr/share/locale/*
  --dpkgopt=path-include=/usr/share/locale/locale.alias
  --dpkgopt=path-exclude=/usr/share/doc/*
  --dpkgopt=path-include=/usr/share/doc/*/copyright
  --skip=cleanup/run
  --format=tar
)
readonly BASE_CHANGES=(
  "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "ENV LANG=C.UTF-8"
  'CMD ["bash"]'
)

usage() {
  cat <<EOF
usage: scripts/images-offline.sh [--force]

Builds $BASE_IMAGE and ${SERVICES[*]#*=}
from Debian $SUITE packages (mmdebstrap + docker). Up-to-date images are skipped.

  --force   rebuild every image even if its inputs did not change
EOF
}

force=0
for arg in "$@"; do
  case $arg in
    -f | --force) force=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "images:offline: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

script_path=$(readlink -f "${BASH_SOURCE[0]}")
offline_dir=$(cd "$(dirname "$script_path")/../images/offline" && pwd)
base_dir=$offline_dir/base

say() { printf '%s\n' "$*"; }
die() { printf 'images:offline: error: %s\n' "$*" >&2; exit 1; }

now_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }
fmt_ms() {
  local ms=$1
  if ((ms < 60000)); then
    printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
  else
    printf '%d min %d s' $((ms / 60000)) $((ms % 60000 / 1000))
  fi
}
image_size() { # human size of an image
  docker image inspect -f '{{.Size}}' "$1" | awk '{ printf "%d MB", $1 / 1000000 }'
}
image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }
image_hash() { docker image inspect -f "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$1" 2>/dev/null || true; }

# sha256 of a folder: names, modes and contents of its files (not mtimes or owners).
tree_hash() {
  tar -C "$1" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - . |
    sha256sum | cut -d' ' -f1
}
sha() { sha256sum | cut -d' ' -f1; }

tmp=
cleanup() { if [[ -n $tmp ]]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT
make_tmp() { if [[ -z $tmp ]]; then tmp=$(mktemp -d "${TMPDIR:-/tmp}/bosun-images-offline.XXXXXX"); fi; }

show_log_tail() { # file: the end of a failed step's output
  echo "----- last lines of $2 output -----" >&2
  tail -n 40 "$1" >&2
  echo "-----" >&2
}

# Removes an image that a rebuild replaced, if nothing uses it any more.
superseded=()
forget_image() { if [[ -n $1 && $1 != "$2" ]]; then superseded+=("$1"); fi; }

ensure_mmdebstrap() {
  command -v mmdebstrap >/dev/null 2>&1 && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "mmdebstrap is missing: installing it with apt-get…"
    make_tmp
    if ! apt-get install -y --no-install-recommends mmdebstrap >"$tmp/apt.log" 2>&1; then
      apt-get update >>"$tmp/apt.log" 2>&1 || true
      apt-get install -y --no-install-recommends mmdebstrap >>"$tmp/apt.log" 2>&1 ||
        { show_log_tail "$tmp/apt.log" apt-get; die "could not install mmdebstrap"; }
    fi
  else
    die "mmdebstrap is needed to build $BASE_IMAGE but is not installed.
Install it (Debian/Ubuntu: sudo apt-get install mmdebstrap) and run this again."
  fi
}

# The machine's own package sources, fed to mmdebstrap on stdin (no mirror is named here).
sources_file() {
  local f
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [[ -s $f ]]; then echo "$f"; return 0; fi
  done
  die "no apt package sources found (/etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list)"
}

build_base() { # hash
  local hash=$1 packages sources started old
  ensure_mmdebstrap
  make_tmp
  packages=$(sed -e 's/#.*//' "$base_dir/packages.txt" | tr -s ' \t\n' ',' | sed -e 's/^,//' -e 's/,$//')
  [[ -n $packages ]] || die "$base_dir/packages.txt lists no package"
  sources=$(sources_file)
  say "base: building $BASE_IMAGE with mmdebstrap (takes 1–2 minutes)…"
  started=$(now_ms)
  old=$(image_id "$BASE_IMAGE")
  # mmdebstrap keeps user-set environment variables for hooks.
  if ! BOSUN_BASE_HOOK="$base_dir/customize.sh" mmdebstrap "${BASE_OPTIONS[@]}" \
    --include="$packages" \
    --customize-hook='sh "$BOSUN_BASE_HOOK" "$1"' \
    "$SUITE" "$tmp/base.tar" - <"$sources" >"$tmp/mmdebstrap.log" 2>&1; then
    show_log_tail "$tmp/mmdebstrap.log" mmdebstrap
    die "mmdebstrap failed"
  fi
  local changes=() c
  for c in "${BASE_CHANGES[@]}"; do changes+=(-c "$c"); done
  if ! docker import "${changes[@]}" -c "LABEL $HASH_LABEL=$hash" \
    -m "bosun offline base: Debian $SUITE with $packages" \
    "$tmp/base.tar" "$BASE_IMAGE" >"$tmp/import.log" 2>&1; then
    show_log_tail "$tmp/import.log" "docker import"
    die "docker import failed"
  fi
  rm -f "$tmp/base.tar"
  forget_image "$old" "$(image_id "$BASE_IMAGE")"
  say "base: built in $(fmt_ms $(($(now_ms) - started))) ($(image_size "$BASE_IMAGE"))"
}

# The host's Node for bosun-offline/node: a bookworm base only needs glibc and libstdc++ for it.
node_binary() { readlink -f "$(command -v node)"; }
npm_dir() { echo "$(dirname "$(dirname "$(node_binary)")")/lib/node_modules/npm"; }

check_host_node() { # tag: the node image's tag must name the host Node's major version
  local major wanted=${1##*:}
  command -v node >/dev/null 2>&1 || die "node is not installed: bosun-offline/node copies this machine's node"
  major=$(node -p 'process.versions.node.split(".")[0]')
  [[ $major == "$wanted" ]] || die "this machine's node is version $major, but the stand-in is $1; install Node $wanted"
  [[ -f $(npm_dir)/bin/npm-cli.js ]] || die "npm not found at $(npm_dir): bosun-offline/node copies it from there"
}

host_inputs() { # name: this machine's files the service copies in, as lines for its hash
  case $1 in
    node) node --version; sha <"$(node_binary)"; tree_hash "$(npm_dir)" ;;
  esac
}

build_context() { # name: the folder to build from (the node image's files are staged in $tmp)
  local name=$1
  if [[ $name != node ]]; then echo "$offline_dir/$name"; return 0; fi
  rm -rf "$tmp/context-node"
  cp -a "$offline_dir/node" "$tmp/context-node"
  cp "$(node_binary)" "$tmp/context-node/node"
  cp -a "$(npm_dir)" "$tmp/context-node/npm"
  echo "$tmp/context-node"
}

build_service() { # name tag hash
  local name=$1 tag=$2 hash=$3 started old context
  make_tmp
  say "$name: building $tag…"
  started=$(now_ms)
  old=$(image_id "$tag")
  context=$(build_context "$name")
  # Plain Dockerfiles without RUN: the classic builder is enough and needs no buildx.
  if ! DOCKER_BUILDKIT=0 docker build --pull=false --label "$HASH_LABEL=$hash" -t "$tag" \
    --build-arg "NODE_VERSION=$(node -p process.versions.node)" \
    "$context" >"$tmp/$name.log" 2>&1; then
    show_log_tail "$tmp/$name.log" "docker build ($name)"
    die "building $tag failed"
  fi
  forget_image "$old" "$(image_id "$tag")"
  say "$name: built in $(fmt_ms $(($(now_ms) - started))) ($(image_size "$tag"))"
}

main() {
  local started entry name tag hash base_hash base_id script_hash
  started=$(now_ms)

  command -v docker >/dev/null 2>&1 || die "docker is not installed"
  timeout 20 docker info >/dev/null 2>&1 ||
    die "the docker daemon does not answer (is dockerd running? try: docker info)"

  for entry in "${SERVICES[@]}"; do
    grep -qF "\"${entry#*=}\"" "$offline_dir/image-map.json" ||
      say "warning: ${entry#*=} is not a target in images/offline/image-map.json"
  done

  base_hash=$(
    {
      printf '%s\n' "suite=$SUITE" "${BASE_OPTIONS[@]}" "${BASE_CHANGES[@]}"
      tree_hash "$base_dir"
    } | sha
  )
  if ((force == 0)) && [[ $(image_hash "$BASE_IMAGE") == "$base_hash" ]]; then
    say "base: up to date ($BASE_IMAGE)"
  else
    build_base "$base_hash"
  fi
  base_id=$(image_id "$BASE_IMAGE")

  script_hash=$(sha <"$script_path")
  for entry in "${SERVICES[@]}"; do
    name=${entry%%=*}
    tag=${entry#*=}
    if [[ $name == node ]]; then check_host_node "$tag"; fi
    hash=$(printf '%s\n' "$script_hash" "$base_id" "$(tree_hash "$offline_dir/$name")" "$(host_inputs "$name")" | sha)
    if ((force == 0)) && [[ $(image_hash "$tag") == "$hash" ]]; then
      say "$name: up to date ($tag)"
    else
      build_service "$name" "$tag" "$hash"
    fi
  done

  # Images replaced by this run (services first: they are children of an old base).
  local i
  for ((i = ${#superseded[@]} - 1; i >= 0; i--)); do
    docker image rm "${superseded[i]}" >/dev/null 2>&1 || true
  done

  say "images:offline: done in $(fmt_ms $(($(now_ms) - started)))"
}

main
