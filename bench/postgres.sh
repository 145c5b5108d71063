# Sourced by the bench scripts: a throw-away PostgreSQL server on loopback, from Debian's packages.
# Needs WORK (a folder it may chown to postgres) and PG_PORT; sets PG_DIR (stop it with stop_postgres)
# and PG_PASSWORD (the password of user medcom; the database is medcom). PG_OPTIONS: more server
# settings (-c name=value ...).

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start_postgres() {
  command -v psql >/dev/null && [ -n "$(pg_bin)" ] || { apt-get update -q >/dev/null; apt-get install -y -q postgresql >/dev/null; }
  PG_DIR="$WORK/pgdata"
  PG_PASSWORD=medcom-bench
  local fresh=1
  [ -f "$PG_DIR/PG_VERSION" ] && fresh=0 # a kept server (KEEP=1) starts again with its data
  mkdir -p "$PG_DIR"; chown postgres "$PG_DIR" "$WORK"; chmod 755 "$WORK"
  echo "$PG_PASSWORD" >"$WORK/pgpass"; chown postgres "$WORK/pgpass"
  [ $fresh = 1 ] && su postgres -c "$(pg_bin)/initdb -D $PG_DIR -U medcom --pwfile=$WORK/pgpass --auth=scram-sha-256" >/dev/null
  # fsync on, as in production: a commit is on disk when it returns
  su postgres -c "$(pg_bin)/pg_ctl -D $PG_DIR -l $WORK/postgres.log -w -o '-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=on ${PG_OPTIONS:-}' start" >/dev/null
  [ $fresh = 0 ] || PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U medcom -d postgres -qc "create database medcom" >/dev/null
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] && su postgres -c "$(pg_bin)/pg_ctl -D $PG_DIR -m immediate stop" >/dev/null 2>&1 || true
}
