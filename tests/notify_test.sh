#!/usr/bin/env bash
# stretch-kiosk under systemd's Type=notify and WatchdogSec=, with a socket of our own standing
# for systemd's: a kiosk (offscreen) sends READY=1 once, after its first frame, WATCHDOG=1 every
# quarter of WATCHDOG_USEC while its frames run, and STOPPING=1 when stopped by SIGTERM; with
# no NOTIFY_SOCKET it runs as before. Usage: notify_test.sh BINARY SOURCE_DIR OUT_DIR
set -uo pipefail
bin=$1 src=$2 out=$(realpath -m "$3") # NOTIFY_SOCKET must be an absolute path
rm -rf "$out" && mkdir -p "$out"
export SDL_VIDEODRIVER=offscreen STRETCH_KIOSK_ASSETS="$src/assets" STATE_DIRECTORY="$out/state"
failures=0 passed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

# the receiver: one datagram a line, until killed (perl: always there, Debian's perl-base)
sock="$out/notify.sock"
perl -MIO::Socket::UNIX -MSocket -e '
  $| = 1;
  my $s = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Local => $ARGV[0]) or die "socket: $!";
  while (defined $s->recv(my $m, 4096)) { $m =~ s/\n/ /g; print "$m\n"; }' "$sock" \
  >"$out/messages" &
rpid=$!
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done

NOTIFY_SOCKET="$sock" WATCHDOG_USEC=1000000 "$bin" --kiosk \
  >"$out/kiosk.out" 2>"$out/kiosk.err" &
kpid=$!
sleep 4
kill -TERM "$kpid"
wait "$kpid"
rc=$?
sleep 0.3
kill "$rpid" 2>/dev/null
wait "$rpid" 2>/dev/null

[ "$rc" -eq 0 ] && ok || bad "the kiosk exited $rc after SIGTERM: $(tail -3 "$out/kiosk.err")"
[ "$(grep -c '^READY=1' "$out/messages")" -eq 1 ] && ok || bad "READY=1 not sent once: $(cat "$out/messages")"
[ "$(head -n 1 "$out/messages")" = "READY=1" ] && ok || bad "the first message is not READY=1"
pets=$(grep -c '^WATCHDOG=1' "$out/messages")
# 4 s at one pet every 0.25 s: about 16 (a slow start under the sanitizers: fewer)
[ "$pets" -ge 6 ] && [ "$pets" -le 20 ] && ok || bad "$pets WATCHDOG=1 in 4 s (one every 0.25 s)"
[ "$(tail -n 1 "$out/messages")" = "STOPPING=1" ] && ok || bad "the last message is not STOPPING=1: $(tail -n 2 "$out/messages")"

# the watchdog asked of another process (WATCHDOG_PID not ours): no pets, still ready
: >"$out/messages"
perl -MIO::Socket::UNIX -MSocket -e '
  $| = 1; unlink $ARGV[0];
  my $s = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Local => $ARGV[0]) or die "socket: $!";
  while (defined $s->recv(my $m, 4096)) { $m =~ s/\n/ /g; print "$m\n"; }' "$sock" \
  >"$out/messages" &
rpid=$!
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
NOTIFY_SOCKET="$sock" WATCHDOG_USEC=1000000 WATCHDOG_PID=1 "$bin" --kiosk \
  >"$out/kiosk2.out" 2>"$out/kiosk2.err" &
kpid=$!
sleep 2
kill -TERM "$kpid"
wait "$kpid"
sleep 0.3
kill "$rpid" 2>/dev/null
wait "$rpid" 2>/dev/null
grep -q '^READY=1' "$out/messages" && ! grep -q '^WATCHDOG=1' "$out/messages" && ok ||
  bad "with WATCHDOG_PID of another process: $(cat "$out/messages")"

# not under systemd: no socket, the same show
"$bin" --kiosk >"$out/kiosk3.out" 2>"$out/kiosk3.err" &
kpid=$!
sleep 1.5
kill -TERM "$kpid"
wait "$kpid" && ok || bad "without NOTIFY_SOCKET the kiosk did not run and stop cleanly"

echo "notify_test: $passed checks passed, $failures failed"
[ "$failures" -eq 0 ]
