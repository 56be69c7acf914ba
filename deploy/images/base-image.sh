#!/usr/bin/env bash
# Builds the suite's base image as a docker-save tar, without Docker or a registry: a distroless-style root
# filesystem from Debian packages (libc, base files, netbase; no shell, no package manager), a Java runtime
# jlinked from the build's own JDK (>= 21; JDK 24+ links without jmods), an unprivileged user 65532, and a
# default CDS archive. Jib builds every application image on it (tar:// base, root pom profile "images").
#
# usage: deploy/images/base-image.sh <output.tar>   (JAVA_HOME must point at the JDK to link from)
# Rebuilt only when the JDK or this script changed; needs dpkg-deb and apt-get (Debian/Ubuntu).
set -euo pipefail

out=${1:?usage: base-image.sh <output.tar>}
jdk=${JAVA_HOME:?JAVA_HOME must point at a JDK >= 21}
script=$(readlink -f "${BASH_SOURCE[0]}")
# Spring Boot services need the whole SE platform (java.desktop for java.beans, java.sql, ...); plus JFR, jcmd and
# attach for diagnostics, DNS naming, zip file systems, and English/Japanese locale data only.
modules=java.se,jdk.unsupported,jdk.management,jdk.management.jfr,jdk.jfr,jdk.jcmd,jdk.attach,jdk.naming.dns,jdk.zipfs,jdk.net,jdk.crypto.cryptoki,jdk.localedata
packages=(libc6 base-files netbase)

key="$("$jdk/bin/java" -version 2>&1 | head -1) $(sha256sum "$script" | cut -c1-16)"
if [ -f "$out" ] && [ "$(cat "$out.key" 2>/dev/null)" = "$key" ]; then
  echo "base image: $out (cached)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs" "$work/debs"

# Debian packages of the build machine's release, unpacked (not installed: no maintainer scripts run)
(cd "$work/debs" && apt-get download "${packages[@]}" >/dev/null 2>&1) || {
  echo "base image: apt-get download ${packages[*]} failed; run 'apt-get update' first" >&2; exit 1; }
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
rm -rf "$rootfs"/usr/share/{doc,man,info,lintian} "$rootfs"/usr/share/locale

"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,ja --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$rootfs/opt/java"

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/app"
chmod 1777 "$rootfs/tmp"
cat > "$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/app:/sbin/nologin
PASSWD
cat > "$rootfs/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP

# one reproducible layer: fixed owner and times, sorted
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$rootfs" -cf "$work/layer.tar" .
layer=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
java_version=$("$rootfs/opt/java/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
cat > "$work/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"65532:65532","WorkingDir":"/app",
   "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","TZ=UTC"],
   "Labels":{"org.opencontainers.image.title":"portal-base","dev.portal.java.version":"$java_version"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh: ${packages[*]} + jlink $java_version"}]}
CONFIG
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mkdir -p "$work/image/$layer"
mv "$work/layer.tar" "$work/image/$layer/layer.tar"
mv "$work/config.json" "$work/image/$config.json"
printf '[{"Config":"%s.json","RepoTags":["portal/base:java-%s"],"Layers":["%s/layer.tar"]}]\n' \
  "$config" "${java_version%%+*}" "$layer" > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
# entries named without "./": Jib refuses to unpack paths it cannot prove stay inside its directory
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work/image" -cf "$out.tmp" \
  manifest.json "$config.json" "$layer/layer.tar"
mv "$out.tmp" "$out"
echo "$key" > "$out.key"
echo "base image: $out ($(du -m "$out" | cut -f1) MiB, Java $java_version)"
