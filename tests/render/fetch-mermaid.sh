#!/bin/sh
# fetch-mermaid.sh -- download the Mermaid browser bundles used by
# mermaid-render.sh into a local cache directory.
#
# Usage: fetch-mermaid.sh [VERSION...]
#
# Layout:  $TRADEOFF_MERMAID_DIR/<version>/mermaid.min.js
# Default: TRADEOFF_MERMAID_DIR=/var/cache/tradeoff-mermaid
# Default versions: $TRADEOFF_MERMAID_VERSIONS or "10.6.1 11.17.2".
#
# Idempotent: a version whose mermaid.min.js already exists is skipped.
# The bundles of the default versions are checked against their SHA-256
# (pinned below) before they are put in place.
# Only the npm tarball is fetched (no dependencies are installed); npm is
# used when present ("npm pack"), otherwise curl (or wget) straight from
# the registry.  Override the registry with NPM_REGISTRY.

set -eu

dir=${TRADEOFF_MERMAID_DIR:-/var/cache/tradeoff-mermaid}
registry=${NPM_REGISTRY:-https://registry.npmjs.org}
registry=${registry%/}

if [ $# -eq 0 ]; then
	# shellcheck disable=SC2086 # word splitting intended
	set -- ${TRADEOFF_MERMAID_VERSIONS:-10.6.1 11.17.2}
fi

mkdir -p "$dir"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fetch-mermaid.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# pinned VERSION: the SHA-256 of that version's dist/mermaid.min.js, or
# nothing for a version not pinned here.
pinned() {
	case $1 in
	10.6.1) echo 9a6dd17b7cbbc65be1fb2083fa5fd9b3577e3d4d0011a77ddcc916be58df9bfb ;;
	11.17.2) echo 581ed7d74bd9048d0e3a91363927d72ef22942d7722546b27f7cc29e35390eb8 ;;
	esac
}

status=0
for v in "$@"; do
	dest=$dir/$v/mermaid.min.js
	if [ -s "$dest" ]; then
		echo "mermaid $v: already present ($dest)"
		continue
	fi
	work=$tmp/$v
	mkdir -p "$work"
	tgz=
	if command -v npm >/dev/null 2>&1; then
		if (cd "$work" && npm pack --silent --registry "$registry/" \
		    "mermaid@$v" >npm-pack.out 2>npm-pack.err); then
			tgz=$work/$(tail -n 1 "$work/npm-pack.out")
			[ -f "$tgz" ] || tgz=
		fi
		[ -n "$tgz" ] || echo "mermaid $v: npm pack failed, trying curl" >&2
	fi
	if [ -z "$tgz" ]; then
		url=$registry/mermaid/-/mermaid-$v.tgz
		tgz=$work/mermaid-$v.tgz
		if command -v curl >/dev/null 2>&1; then
			curl -fsSL --retry 3 -o "$tgz" "$url" || tgz=
		elif command -v wget >/dev/null 2>&1; then
			wget -q -O "$tgz" "$url" || tgz=
		else
			echo "mermaid $v: need npm, curl or wget" >&2
			tgz=
		fi
	fi
	if [ -z "$tgz" ] || [ ! -s "$tgz" ]; then
		echo "mermaid $v: download FAILED" >&2
		status=1
		continue
	fi
	if ! tar -xzf "$tgz" -C "$work" package/dist/mermaid.min.js; then
		echo "mermaid $v: tarball has no package/dist/mermaid.min.js" >&2
		status=1
		continue
	fi
	want=$(pinned "$v")
	if [ -n "$want" ] && [ "$(sha256sum <"$work/package/dist/mermaid.min.js" |
	    cut -d' ' -f1)" != "$want" ]; then
		echo "mermaid $v: the bundle's SHA-256 is not the pinned one" >&2
		status=1
		continue
	fi
	mkdir -p "$dir/$v"
	# Write then rename so an interrupted run never leaves a partial file.
	cp "$work/package/dist/mermaid.min.js" "$dest.tmp.$$"
	mv -f "$dest.tmp.$$" "$dest"
	echo "mermaid $v: installed $dest ($(wc -c <"$dest" | tr -d ' ') bytes)"
done
exit $status
