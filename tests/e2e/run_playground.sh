#!/usr/bin/env bash
# End-to-end test of the Teams app in Microsoft 365 Agents Playground, headless.
#
#   tests/e2e/run_playground.sh          (what `make playground` runs)
#
# Installs what it needs (npm ci here; Debian's chromium if missing), starts `policybot serve` in
# anonymous mode from an empty working directory (SQLite in a temp dir, leader user-id-1), two
# Playgrounds on loopback (A: Alex Wilber, user-id-0, reporter; B: Megan Bowen, user-id-1, the
# leader), runs playground.mjs, and stops everything it started. Screenshots and results.json go
# to artifacts/playground/ (gitignored). Too heavy for every CI run: not part of `make test`.
#
# Ports: E2E_BOT_PORT (3978), E2E_PLAYGROUND_A (56150), E2E_PLAYGROUND_B (56151).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BOT_PORT="${E2E_BOT_PORT:-3978}"
PORT_A="${E2E_PLAYGROUND_A:-56150}"
PORT_B="${E2E_PLAYGROUND_B:-56151}"
SHOTS="$ROOT/artifacts/playground"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
CANARY="CANARY-e2e-$(date +%s)-payroll photo posted by the manager"

command -v node >/dev/null || { echo "run_playground: node (20+) and npm are needed" >&2; exit 2; }
[ -x "$PYTHON" ] || { echo "run_playground: $PYTHON not found; run 'make test' once (it creates .venv)" >&2; exit 2; }

# ---- what it needs ---------------------------------------------------------------------------------
if [ ! -x "$HERE/node_modules/.bin/agentsplayground" ] || [ ! -d "$HERE/node_modules/playwright-core" ]; then
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund)
fi
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "run_playground: $CHROMIUM is missing: apt-get install chromium (as root), or set CHROMIUM" >&2
    exit 2
  fi
fi

# ---- start the bot and the Playgrounds ----------------------------------------------------------
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

mkdir -p "$WORK/bot" "$WORK/a" "$WORK/b" "$SHOTS"
rm -f "$SHOTS"/*.png "$SHOTS"/results.json
cp "$HERE/leader.m365agentsplayground.yml" "$WORK/b/.m365agentsplayground.yml"

# As the outside check starts it: an empty working directory, anonymous mode, a Playground user as
# the leader, no report key (development mode generates one).
(cd "$WORK/bot" && exec env -i PATH="$PATH" HOME="$WORK/bot" LANG=C.UTF-8 PYTHONPATH="$ROOT" \
    PORT="$BOT_PORT" HOST=127.0.0.1 DATABASE_URL="sqlite:///$WORK/bot/policybot.db" POLICYBOT_DATA_DIR="$WORK/bot/data" \
    POLICYBOT_TEAMS_ANONYMOUS=1 POLICYBOT_TEAMS_LEADERS=user-id-1 \
    "$PYTHON" -m bot.cli serve >"$WORK/serve.log" 2>&1) &
PIDS+=($!)

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$BOT_PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$BOT_PORT/healthz" >/dev/null || { echo "run_playground: the bot did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1; }

# Each Playground reads .m365agentsplayground.yml from its working directory (A: the default
# users, current user Alex Wilber; B: current user Megan Bowen). A bad config file makes it exit
# with status 1 and no message.
start_playground() {  # dir port
  (cd "$1" && exec env TEAMSAPPTESTER_BROWSER=none "$HERE/node_modules/.bin/agentsplayground" \
      -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$2" --disable-telemetry >"$1/playground.log" 2>&1) &
  PIDS+=($!)
}
start_playground "$WORK/a" "$PORT_A"
start_playground "$WORK/b" "$PORT_B"
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS "http://127.0.0.1:$port/" >/dev/null || { echo "run_playground: the Playground on $port did not start" >&2; exit 1; }
done

# ---- the test -------------------------------------------------------------------------------------
status=0
PLAYGROUND_A="http://localhost:$PORT_A" PLAYGROUND_B="http://localhost:$PORT_B" SHOTS="$SHOTS" \
  CHROMIUM="$CHROMIUM" CANARY="$CANARY" node "$HERE/playground.mjs" || status=$?

# What was typed into the report must appear in no log line of the bot.
if grep -qF "${CANARY%% *}" "$WORK/serve.log"; then
  echo "FAIL the report's canary appears in the bot's log" >&2
  status=1
else
  echo "ok   the report's canary appears in no log line ($(wc -l <"$WORK/serve.log") lines checked)"
fi
cp "$WORK/serve.log" "$SHOTS/serve.log"
echo "screenshots: $SHOTS"
exit "$status"
