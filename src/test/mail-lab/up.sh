#!/bin/bash
# up.sh DIR -- install (if missing), configure and start the loopback mail lab that OpenAIR's
# end-to-end tests run against: Postfix (SMTP in, journaling to OpenAIR), Dovecot (IMAP,
# LMTP, ManageSieve, master user) and clamd with lab-only signatures.
# All state lives under DIR (60 characters at most, parents world-searchable, e.g. /tmp/oa-lab);
# nothing binds a privileged port; run as root. Then run the tests with
#   OPENAIR_MAIL_LAB=DIR/lab.env ./mvnw verify
# and stop the lab with down.sh DIR.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
DIR=$(realpath -m "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
die() { echo "up.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "must run as root"

: "${IMAP_PORT:=10143}" "${LMTP_PORT:=10024}" "${SIEVE_PORT:=14190}"
: "${SMTP_PORT:=10025}" "${JOURNAL_PORT:=2526}" "${CLAMD_PORT:=13310}"
: "${VMAIL_UID:=5000}"                 # numeric owner of the Maildirs, needs no passwd entry
: "${LAB_USERS:=alice bob carol reporter soc}" "${LAB_PASSWORD:=secret}"
: "${MASTER_USER:=remediation}" "${MASTER_PASSWORD:=master-secret}"
PKGS="dovecot-imapd dovecot-lmtpd dovecot-managesieved dovecot-sieve postfix clamav-daemon clamav-testfiles"

# Dovecot's unix sockets live in DIR/run/dovecot; sun_path is 108 bytes.
[ ${#DIR} -le 60 ] || die "DIR path too long for Dovecot's unix sockets (max 60 chars): $DIR"
for pidf in run/dovecot/master.pid spool/postfix/pid/master.pid run/clamd.pid; do
  if [ -s "$DIR/$pidf" ] && kill -0 "$(head -1 "$DIR/$pidf" | tr -d " ")" 2>/dev/null; then
    die "already running ($DIR/$pidf); run down.sh first"
  fi
done
# clamd forks before it binds, so its exit code can't report a busy port: check first
for p in $IMAP_PORT $LMTP_PORT $SIEVE_PORT $SMTP_PORT $CLAMD_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then die "port $p is already in use"; fi
done

# ---- 1. packages ---------------------------------------------------------------
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "up.sh: installing$missing"
  # Keep the packages' maintainer scripts from starting the system-wide daemons
  # (dovecot would grab 143/993/4190, freshclam would poll the internet).
  tmp_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
    tmp_policy=1
  fi
  trap 'if [ -n "$tmp_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  if [ -n "$tmp_policy" ]; then rm -f /usr/sbin/policy-rc.d; tmp_policy=""; fi
fi

# ---- 2. directories and configs --------------------------------------------------
mkdir -p "$DIR"/{etc/dovecot,etc/postfix,run/dovecot,state/dovecot,log,mail,spool/postfix,lib/postfix,clamav/db,clamav/tmp}
chmod 755 "$DIR" "$DIR"/etc "$DIR"/run "$DIR"/log
chown "$VMAIL_UID:$VMAIL_UID" "$DIR/mail"; chmod 700 "$DIR/mail"
chown postfix:postfix "$DIR/lib/postfix"; chmod 700 "$DIR/lib/postfix"

render() {  # template -> destination
  sed -e "s#@DIR@#$DIR#g" -e "s#@IMAP_PORT@#$IMAP_PORT#g" -e "s#@LMTP_PORT@#$LMTP_PORT#g" \
      -e "s#@SIEVE_PORT@#$SIEVE_PORT#g" -e "s#@SMTP_PORT@#$SMTP_PORT#g" \
      -e "s#@JOURNAL_PORT@#$JOURNAL_PORT#g" -e "s#@CLAMD_PORT@#$CLAMD_PORT#g" \
      -e "s#@VMAIL_UID@#$VMAIL_UID#g" "$HERE/templates/$1" > "$2"
}
render dovecot.conf "$DIR/etc/dovecot/dovecot.conf"
for f in main.cf master.cf transport journal_bcc; do render "$f" "$DIR/etc/postfix/$f"; done
render clamd.conf "$DIR/etc/clamd.conf"
render lab.hdb "$DIR/clamav/db/lab.hdb"

# users: Dovecot passwd-file (uid/gid/home come from userdb default_fields) and
# Postfix's list of valid mailboxes
: > "$DIR/etc/dovecot/users"; : > "$DIR/etc/postfix/vmailbox"
for u in $LAB_USERS; do
  echo "$u:{PLAIN}$LAB_PASSWORD::::::" >> "$DIR/etc/dovecot/users"
  echo "$u@corp.example OK" >> "$DIR/etc/postfix/vmailbox"
done
echo "$MASTER_USER:{PLAIN}$MASTER_PASSWORD::::::" > "$DIR/etc/dovecot/master-users"
chgrp dovecot "$DIR"/etc/dovecot/{users,master-users}    # read by the auth process (user dovecot)
chmod 640 "$DIR"/etc/dovecot/{users,master-users}

# EICAR body signature, built at run time from two halves (no EICAR string on disk
# in the recipe); matches the string anywhere, e.g. with a trailing newline.
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$'"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!\$H+H*"
echo "Lab.EICAR-Body:0:*:$(printf '%s' "$eicar" | od -An -tx1 | tr -d ' \n')" > "$DIR/clamav/db/lab.ndb"

# The mail uid and the dovecot user must be able to reach DIR (fails under /root, 0700)
setpriv --reuid="$VMAIL_UID" --regid="$VMAIL_UID" --clear-groups test -w "$DIR/mail" \
  || die "uid $VMAIL_UID cannot write $DIR/mail: a parent of DIR is not world-searchable (chmod o+x)"
setpriv --reuid=dovecot --regid=dovecot --clear-groups test -r "$DIR/etc/dovecot/users" \
  || die "user dovecot cannot read $DIR/etc/dovecot/users: a parent of DIR is not world-searchable"

# ---- 3. start ----------------------------------------------------------------------
doveconf -c "$DIR/etc/dovecot/dovecot.conf" -n >/dev/null      # fail early on config errors
fail() { "$HERE/down.sh" "$DIR" >&2 || true; die "$@"; }     # stop whatever did start
start() {  # name cmd...: daemons must not keep our stdout/stderr open (dovecot keeps
           # stderr), or `up.sh | tee` and Java's ProcessBuilder wait forever for EOF
  "${@:2}" </dev/null >>"$DIR/log/$1.start.log" 2>&1 || { cat "$DIR/log/$1.start.log" >&2; fail "$1 failed to start"; }
}
start dovecot dovecot -c "$DIR/etc/dovecot/dovecot.conf"
start postfix postfix -c "$DIR/etc/postfix" start
start clamd clamd -c "$DIR/etc/clamd.conf"

wait_port() {  # name port: until a TCP connect succeeds (15 s)
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then printf '  %-11s 127.0.0.1:%s\n' "$1" "$2"; return 0; fi
    sleep 0.1
  done
  fail "$1 did not open port $2 (see $DIR/log/)"
}
# settings for the end-to-end tests (shell- and java.util.Properties-readable)
cat > "$DIR/lab.env" <<EOF
LAB_DIR=$DIR
IMAP_PORT=$IMAP_PORT
LMTP_PORT=$LMTP_PORT
SIEVE_PORT=$SIEVE_PORT
SMTP_PORT=$SMTP_PORT
JOURNAL_PORT=$JOURNAL_PORT
CLAMD_PORT=$CLAMD_PORT
LAB_USERS=$(echo $LAB_USERS | tr " " ,)
LAB_PASSWORD=$LAB_PASSWORD
MASTER_USER=$MASTER_USER
MASTER_PASSWORD=$MASTER_PASSWORD
EOF
echo "mail lab up in $DIR:"
wait_port IMAP "$IMAP_PORT"
wait_port LMTP "$LMTP_PORT"
wait_port ManageSieve "$SIEVE_PORT"
wait_port SMTP "$SMTP_PORT"
wait_port clamd "$CLAMD_PORT"
for pidf in run/dovecot/master.pid spool/postfix/pid/master.pid run/clamd.pid; do
  kill -0 "$(head -1 "$DIR/$pidf" | tr -d " ")" 2>/dev/null || fail "no live process for $pidf (see $DIR/log/)"
done
echo "  journal copies go to 127.0.0.1:$JOURNAL_PORT (OpenAIR's journal receiver; queued until it listens)"
echo "  users: $LAB_USERS / $LAB_PASSWORD; master: <user>*$MASTER_USER / $MASTER_PASSWORD"
