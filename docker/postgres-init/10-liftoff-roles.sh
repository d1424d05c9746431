#!/bin/sh
# First start of the database container only (docker-entrypoint-initdb.d): two roles, neither a superuser.
#   owner role   - owns the database, the schema and every table; only the migrate service signs in as it.
#   runtime role - what the app signs in as: may read and write rows, may not TRUNCATE, ALTER, DROP or
#                  switch the append-only triggers of the decision log and the audit trail off.
set -eu
: "${LIFTOFF_DB:=liftoff}" "${LIFTOFF_OWNER:=liftoff_owner}" "${LIFTOFF_APP:=liftoff_app}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-postgres}" \
  -v db="$LIFTOFF_DB" -v owner="$LIFTOFF_OWNER" -v app="$LIFTOFF_APP" \
  -v owner_password="$LIFTOFF_OWNER_PASSWORD" -v app_password="$LIFTOFF_APP_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";
\connect :"db"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
-- Tables the owner's migrations create later: rows only, never TRUNCATE, REFERENCES or TRIGGER.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
-- The job queue's schema (pg-boss): the owner's migration installs its tables; the app reads and writes
-- their rows, and makes a new queue only through pgboss.create_queue, which runs as the owner.
CREATE SCHEMA pgboss AUTHORIZATION :"owner";
REVOKE ALL ON SCHEMA pgboss FROM PUBLIC;
GRANT USAGE ON SCHEMA pgboss TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
SQL
