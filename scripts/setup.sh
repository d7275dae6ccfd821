#!/usr/bin/env bash
# Installs everything iadesk needs to build and test, on Debian 12 as root. Idempotent: a second
# run installs nothing and downloads nothing when all is in place.
#   - Debian packages (toolchains, header-only libraries, fonts, chromium; PostgreSQL 15, libpqxx,
#     cpp-httplib and libsodium for the team server, src/server)
#   - Dear ImGui 1.90.1 from Debian's source archive (trixie), through a private apt configuration
#     that never touches the system's own sources; apt checks the hashes. Unpacked into
#     third_party/imgui (ignored by git).
#   - playwright-core and axe-core (the browser tests' accessibility checks) from npm, pinned by
#     tests/e2e/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PACKAGES=(build-essential cmake ninja-build pkg-config dpkg-dev ca-certificates
          emscripten nlohmann-json3-dev libfmt-dev doctest-dev
          fonts-inter chromium python3 gzip clang-14 libclang-rt-14-dev python3-pandas
          python3-jsonschema
          postgresql libpqxx-dev libcpp-httplib-dev libsodium-dev curl)

log() { printf '[setup] %s\n' "$*"; }

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere than Debian (a newer Node.js); only a missing command counts.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    log "Debian packages: all present"
fi

# --- Dear ImGui 1.90.1 from Debian's source archive --------------------------------------------
IMGUI_VERSION=1.90.1+ds-1
IMGUI_DIR=$ROOT/third_party/imgui
if [ -f "$IMGUI_DIR/.debian-version" ] && [ "$(cat "$IMGUI_DIR/.debian-version")" = "$IMGUI_VERSION" ]; then
    log "Dear ImGui $IMGUI_VERSION: present"
else
    log "fetching Dear ImGui $IMGUI_VERSION source (private apt configuration for trixie deb-src)"
    APTDIR=$ROOT/.cache/apt-trixie
    mkdir -p "$APTDIR"/{etc/sources.list.d,etc/preferences.d,state/lists/partial,cache/archives/partial,src}
    # The archive's address is taken from the system's own configuration, so that the mirror
    # this machine is set up for is the one used.
    mirror=$(grep -hoE '^URIs:[[:space:]]*\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null \
             | awk '{print $2}' | grep -v -- '-security' | grep -i debian | head -n1 || true)
    [ -n "$mirror" ] || mirror=$(grep -hoE '^deb[[:space:]]+\S+' /etc/apt/sources.list 2>/dev/null \
             | awk '{print $2}' | grep -i debian | head -n1 || true)
    [ -n "$mirror" ] || { echo "setup: no Debian mirror found in /etc/apt" >&2; exit 1; }
    cat > "$APTDIR/etc/sources.list" <<SRC
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main
SRC
    cat > "$APTDIR/apt.conf" <<CONF
Dir::Etc::SourceList "$APTDIR/etc/sources.list";
Dir::Etc::SourceParts "$APTDIR/etc/sources.list.d";
Dir::Etc::Preferences "$APTDIR/etc/preferences";
Dir::Etc::PreferencesParts "$APTDIR/etc/preferences.d";
Dir::State "$APTDIR/state";
Dir::State::status "/var/lib/dpkg/status";
Dir::Cache "$APTDIR/cache";
APT::Sandbox::User "root";
CONF
    export APT_CONFIG=$APTDIR/apt.conf
    apt-get update -qq
    (cd "$APTDIR/src" && rm -rf imgui-* imgui_* && apt-get source -qq --download-only "imgui=$IMGUI_VERSION" >/dev/null)
    (cd "$APTDIR/src" && dpkg-source --no-check -x imgui_*.dsc imgui-src >/dev/null)
    unset APT_CONFIG
    rm -rf "$IMGUI_DIR"
    mkdir -p "$ROOT/third_party"
    mv "$APTDIR/src/imgui-src" "$IMGUI_DIR"
    echo "$IMGUI_VERSION" > "$IMGUI_DIR/.debian-version"
    grep -q 'IMGUI_VERSION  *"1.90.1"' "$IMGUI_DIR/imgui.h" || { echo "setup: unexpected ImGui version" >&2; exit 1; }
    log "Dear ImGui unpacked into third_party/imgui"
fi

# --- playwright-core and axe-core for the browser tests ------------------------------------------
E2E=$ROOT/tests/e2e
if [ -f "$E2E/node_modules/.package-lock.json" ] && cmp -s "$E2E/package-lock.json" "$E2E/node_modules/.lock-installed"; then
    log "playwright-core, axe-core: present"
else
    log "installing playwright-core and axe-core (npm ci)"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$E2E/package-lock.json" "$E2E/node_modules/.lock-installed"
fi
log "done"
