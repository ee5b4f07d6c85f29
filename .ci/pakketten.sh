#!/usr/bin/env bash
# Installs the Debian packages CI needs beside Python:
# - chromium, for the browser test of the HTML handout (tests/test_handouts.py): it prints the
#   trainersraster to PDF, which the test reads with pypdf (a test dependency); to look at a printed
#   page by hand, poppler-utils' pdftoppm helps;
# - faketime, to run the suite once more under a far-future clock (.ci/run), so a test that only
#   passes before some date can never land again (issue 17).
# Without chromium that test is skipped on a developer's machine, but FAILS under CI=true, so CI
# cannot go green without it. Safe to run twice; needs root (or sudo).
#
# Another apt-get (unattended upgrades, a parallel job) may hold the package lock: apt waits for it
# up to 120 s per call (DPkg::Lock::Timeout), and the whole install is tried up to 3 times.
set -euo pipefail

nodig=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || nodig+=(chromium)
command -v faketime >/dev/null 2>&1 || nodig+=(faketime)
if [ ${#nodig[@]} -eq 0 ]; then
    echo "chromium en faketime zijn er al."
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Geen apt-get: installeer zelf ${nodig[*]}; zonder chromium faalt de browsertest in CI, zonder faketime de toets onder een latere klok." >&2
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
echo "${nodig[*]} kon niet worden geinstalleerd na 3 pogingen." >&2
exit 1
