#!/usr/bin/env bash
# Installs what the browser test of the HTML handout needs (tests/test_handouts.py):
# Debian's chromium, to print the trainersraster to PDF. The test reads the PDF with pypdf (a test
# dependency); to look at a printed page by hand, poppler-utils' pdftoppm helps.
# Without chromium that one test is skipped, with the reason. Safe to run twice; needs root.
set -euo pipefail

nodig=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || nodig+=(chromium)
if [ ${#nodig[@]} -eq 0 ]; then
    echo "chromium is er al."
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Geen apt-get: installeer zelf ${nodig[*]}; de browsertest wordt anders overgeslagen." >&2
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${nodig[@]}"
