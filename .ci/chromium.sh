#!/usr/bin/env bash
# Installs what the browser test of the HTML handout needs (tests/test_handouts.py):
# Debian's chromium, to print the trainersraster to PDF. The test reads the PDF with pypdf (a test
# dependency); to look at a printed page by hand, poppler-utils' pdftoppm helps.
# Without chromium that test is skipped on a developer's machine, but FAILS under CI=true, so CI
# cannot go green without it. Safe to run twice; needs root (or sudo).
#
# Another apt-get (unattended upgrades, a parallel job) may hold the package lock: apt waits for it
# up to 120 s per call (DPkg::Lock::Timeout), and the whole install is tried up to 3 times.
set -euo pipefail

nodig=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || nodig+=(chromium)
if [ ${#nodig[@]} -eq 0 ]; then
    echo "chromium is er al."
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Geen apt-get: installeer zelf ${nodig[*]}; zonder chromium faalt de browsertest in CI." >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
apt=($sudo apt-get -o DPkg::Lock::Timeout=120 -qq)
for poging in 1 2 3; do
    if "${apt[@]}" update && "${apt[@]}" install -y "${nodig[@]}"; then
        exit 0
    fi
    echo "apt-get lukte niet (poging $poging van 3); over $((poging * 20)) s opnieuw." >&2
    sleep $((poging * 20))
done
echo "chromium kon niet worden geinstalleerd na 3 pogingen." >&2
exit 1
