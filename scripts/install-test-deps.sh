#!/usr/bin/env bash
# Installs what the browser and HTML tests need, only when it is missing:
# Debian's chromium (never a Playwright browser download), Java for the Nu Html Checker,
# poppler-utils (pdftotext) and the Nu Html Checker itself from npm (pinned in package.json).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# WeasyPrint (the PDF of the handreiking) needs Pango and the system fonts it embeds.
for package in libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "installing the Nu Html Checker (vnu-jar) with npm"
  npm ci --silent --no-audit --no-fund
fi
