#!/usr/bin/env bash
# Idempotent machine setup for PSCompose's engine-backed tests: Docker engine, the reference
# Compose 2.40.3 plugin, a local registry and the locally built base images. Safe to re-run.
set -euo pipefail

COMPOSE_VERSION=2.40.3
CACHE=${PSCOMPOSE_CACHE:-/var/cache/pscompose}
BUSYBOX_IMAGE=pscompose/busybox:latest
APP_IMAGE=pscompose/app-base:bookworm
DJANGO_IMAGE=pscompose/django-base:bookworm
mkdir -p "$CACHE"

log() { echo "[setup] $*"; }

apt_updated=
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_engine() {
  if docker info >/dev/null 2>&1; then return 0; fi
  log "starting dockerd"
  # containerd is started by dockerd itself when no system containerd is running.
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  log "dockerd did not come up:"; tail -n 30 /var/log/dockerd.log; exit 1
}

install_reference_compose() {
  local dest=/usr/local/lib/docker/cli-plugins/docker-compose
  if [ -x "$dest" ] && "$dest" version --short 2>/dev/null | grep -q "^$COMPOSE_VERSION"; then return 0; fi
  log "installing reference docker compose $COMPOSE_VERSION from Debian unstable"
  local state="$CACHE/apt-sid"
  mkdir -p "$state/lists/partial" "$state/archives/partial" "$state/sources.d"
  echo "deb http://deb.debian.org/debian sid main" >"$state/sources.d/sid.list"
  local opts=(-o Dir::State="$state" -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state"
              -o Dir::Cache::Archives="$state/archives" -o Dir::Etc::SourceList="$state/sources.d/sid.list"
              -o Dir::Etc::SourceParts="$state/sources.d" -o Dir::State::status=/var/lib/dpkg/status)
  apt-get "${opts[@]}" update -qq
  (cd "$state/archives" && apt-get "${opts[@]}" download "docker-compose=$COMPOSE_VERSION*" >/dev/null)
  local deb; deb=$(ls "$state"/archives/docker-compose_${COMPOSE_VERSION}*.deb | head -n1)
  rm -rf "$state/x"; dpkg-deb -x "$deb" "$state/x"
  mkdir -p "$(dirname "$dest")"
  cp "$state/x/usr/libexec/docker/cli-plugins/docker-compose" "$dest"
  chmod +x "$dest"
  docker compose version
}

build_busybox_image() {
  docker image inspect "$BUSYBOX_IMAGE" >/dev/null 2>&1 && return 0
  log "building $BUSYBOX_IMAGE"
  local root; root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  tar -C "$root" -c . | docker import --change 'ENV PATH=/bin' - "$BUSYBOX_IMAGE" >/dev/null
  rm -rf "$root"
}

# A Debian bookworm root with the given packages, imported as an image (debootstrap from Debian's mirror, no registry).
build_debian_image() {
  local image=$1 name=$2 packages=$3
  docker image inspect "$image" >/dev/null 2>&1 && return 0
  local tarball="$CACHE/$name-bookworm.tar"
  if [ ! -s "$tarball" ]; then
    log "debootstrapping $image (about a minute)"
    local root="$CACHE/$name-root"
    rm -rf "$root"
    debootstrap --variant=minbase --include="$packages" \
      bookworm "$root" http://deb.debian.org/debian >"$CACHE/debootstrap-$name.log" 2>&1 \
      || { tail -n 30 "$CACHE/debootstrap-$name.log"; exit 1; }
    rm -rf "$root"/var/cache/apt/archives/*.deb
    tar -C "$root" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf "$root"
  fi
  log "importing $image"
  docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$tarball" "$image" >/dev/null
}

start_registry() {
  if curl -fsS http://127.0.0.1:5000/v2/ >/dev/null 2>&1; then return 0; fi
  log "starting docker-registry on 127.0.0.1:5000"
  mkdir -p "$CACHE/registry"
  cat >"$CACHE/registry.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $CACHE/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
YML
  nohup docker-registry serve "$CACHE/registry.yml" >/var/log/pscompose-registry.log 2>&1 &
  for _ in $(seq 1 30); do
    curl -fsS http://127.0.0.1:5000/v2/ >/dev/null 2>&1 && return 0
    sleep 1
  done
  log "registry did not come up"; tail -n 20 /var/log/pscompose-registry.log; exit 1
}

apt_install docker.io busybox-static debootstrap docker-registry curl ca-certificates
# Podman 4.3: PodmanImageResolutionTests drive its Docker-compatible API (no containers are started).
apt_install podman
start_engine
install_reference_compose
build_busybox_image
build_debian_image "$APP_IMAGE" app-base python3-flask,python3-redis,redis-server
build_debian_image "$DJANGO_IMAGE" django-base python3-django,python-is-python3
start_registry
docker version --format 'engine {{.Server.Version}} (API {{.Server.APIVersion}})'
docker compose version
