#!/usr/bin/env bash
# Writes a new migration for both providers from the schema change since a git revision:
#   scripts/migration-diff.sh <name> [<git revision>, default HEAD]
# Run it after editing a schema source and `npm run db:schema`, before committing. With a driver adapter in
# prisma.config.ts, Prisma 6 diffs datamodels only (no --from-url, and PostgreSQL's shadow
# database cannot run here), so the "from" side is the schema as committed at <revision>.
# The PostgreSQL side still connects (MIGRATION_DIFF_POSTGRES_URL, default the local server).
set -euo pipefail
name=${1:?usage: scripts/migration-diff.sh <name> [<git revision>]}
revision=${2:-HEAD}
stamp=$(date -u +%Y%m%d%H%M%S)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

declare -A url=([sqlite]="file:$tmp/diff.db" [postgres]="${MIGRATION_DIFF_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}")
for provider in sqlite postgres; do
  git show "$revision:prisma/$provider/schema.prisma" > "$tmp/$provider-before.prisma"
  folder="prisma/$provider/migrations/${stamp}_$name"
  mkdir -p "$folder"
  DATABASE_URL=${url[$provider]} npx prisma migrate diff --config "prisma/$provider/prisma.config.ts" \
    --from-schema-datamodel "$tmp/$provider-before.prisma" \
    --to-schema-datamodel "prisma/$provider/schema.prisma" --script > "$folder/migration.sql"
  echo "wrote $folder/migration.sql"
done
