#!/usr/bin/env bash
# Installs what the browser, HTML and open-data tests need, only when it is missing:
# Debian's chromium (never a Playwright browser download), Java for the Nu Html Checker,
# poppler-utils (pdftotext), LibreOffice Calc without a GUI (the CSV import test), nginx-light
# (tests/test_nginx.py), the Nu Html Checker itself from npm (pinned in package.json) and the
# editors' admin's npm packages (admin/package-lock.json). The
# other real clients of the open data (khal, check-jsonschema, pdfua) are pinned in
# requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# The web server the site is meant for (issue 12: tests/test_nginx.py serves the built site).
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# WeasyPrint (the PDF of the handreiking) needs Pango and the system fonts it embeds.
for package in libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Calc alone, no recommended extras: about 270 MB and 16 s on a fresh Debian 12.
if ! command -v soffice >/dev/null 2>&1; then
  echo "installing libreoffice-calc-nogui with apt-get"
  [ ${#missing[@]} -gt 0 ] || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-calc-nogui >/dev/null
fi

if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "installing the Nu Html Checker (vnu-jar) with npm"
  npm ci --silent --no-audit --no-fund
fi
# The editors' admin (tests/test_admin*.py): Decap CMS, decap-server and the yaml package,
# pinned in admin/package-lock.json (the same stamp as `make bewerken-bouwen`).
if [ ! -f admin/node_modules/.installed ] || [ admin/package-lock.json -nt admin/node_modules/.installed ]; then
  echo "installing the admin's npm packages (admin/package-lock.json)"
  (cd admin && npm ci --silent --no-audit --no-fund) && touch admin/node_modules/.installed
fi
