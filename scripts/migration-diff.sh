#!/usr/bin/env bash
# Writes a new migration for both providers from the current schemas:
#   scripts/migration-diff.sh <name>
# PostgreSQL's `migrate dev` cannot run here (shadow database), so both use `migrate diff`
# against a database migrated to the previous state.
set -euo pipefail
name=${1:?usage: scripts/migration-diff.sh <name>}
stamp=$(date -u +%Y%m%d%H%M%S)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists migration_diff_$$" >/dev/null' EXIT
export CHECKPOINT_DISABLE=1

sqlite_url="file:$tmp/diff.db"
DATABASE_URL=$sqlite_url npx prisma migrate deploy --config prisma/sqlite/prisma.config.ts >/dev/null
mkdir -p "prisma/sqlite/migrations/${stamp}_$name"
DATABASE_URL=$sqlite_url npx prisma migrate diff --config prisma/sqlite/prisma.config.ts \
  --from-config-datasource --to-schema-datamodel prisma/sqlite/schema.prisma --script \
  > "prisma/sqlite/migrations/${stamp}_$name/migration.sql"

psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists migration_diff_$$" -c "create database migration_diff_$$" >/dev/null
pg_url=postgresql://postgres@127.0.0.1:5432/migration_diff_$$
DATABASE_URL=$pg_url npx prisma migrate deploy --config prisma/postgres/prisma.config.ts >/dev/null
mkdir -p "prisma/postgres/migrations/${stamp}_$name"
DATABASE_URL=$pg_url npx prisma migrate diff --config prisma/postgres/prisma.config.ts \
  --from-config-datasource --to-schema-datamodel prisma/postgres/schema.prisma --script \
  > "prisma/postgres/migrations/${stamp}_$name/migration.sql"
echo "wrote prisma/{sqlite,postgres}/migrations/${stamp}_$name"
