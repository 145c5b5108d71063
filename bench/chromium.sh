# Sourced by the console's browser tests: Debian's Chromium and its ChromeDriver, installed when
# missing (as bench/postgres.sh installs PostgreSQL). Sets CHROMIUM and CHROMEDRIVER.
install_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null
  fi
  CHROMIUM=$(command -v chromium)
  CHROMEDRIVER=$(command -v chromedriver)
}
