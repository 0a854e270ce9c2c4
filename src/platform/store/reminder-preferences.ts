// What each user asked of reminders, per kind: muted (never again, until unmuted) or snoozed
// until a time. Stored per (organisation, user, kind); the last click wins.
import type { DbTx } from "./db";

export interface ReminderPreference {
  kind: string;
  muted: boolean;
  snoozedUntil?: Date;
}

type Target = { organisationId: string; aadObjectId: string; kind: string };

export async function snoozeReminders(db: DbTx, target: Target, until: Date): Promise<void> {
  await upsertPreference(db, target, { snoozedUntil: until });
}

export async function muteReminders(db: DbTx, target: Target): Promise<void> {
  await upsertPreference(db, target, { muted: true });
}

/** Unmuting also lifts a snooze: the user asked to hear about this kind again. */
export async function unmuteReminders(db: DbTx, target: Target): Promise<void> {
  await upsertPreference(db, target, { muted: false, snoozedUntil: null });
}

export async function listReminderPreferences(db: DbTx, organisationId: string, aadObjectId: string): Promise<ReminderPreference[]> {
  const rows = await db.reminderPreference.findMany({ where: { organisationId, aadObjectId }, orderBy: { kind: "asc" } });
  return rows.map((row) => ({ kind: row.kind, muted: row.muted, ...(row.snoozedUntil ? { snoozedUntil: row.snoozedUntil } : {}) }));
}

export interface Suppression {
  muted: boolean;
  /** Set while a snooze is still running at the time asked about. */
  snoozedUntil?: Date;
}

/**
 * For each user of the organisation (or the one named), the kinds they do not want to hear
 * about at `now`: user -> kind -> why. The organisation's whole set rather than a list of
 * users sent back to the database: only muted and running snoozes are read.
 */
export async function activeSuppressions(db: DbTx, organisationId: string, now: Date, aadObjectId?: string): Promise<Map<string, Map<string, Suppression>>> {
  const rows = await db.reminderPreference.findMany({
    where: {
      organisationId,
      ...(aadObjectId ? { aadObjectId } : {}),
      OR: [{ muted: true }, { snoozedUntil: { gt: now } }],
    },
  });
  const byUser = new Map<string, Map<string, Suppression>>();
  for (const row of rows) {
    const kinds = byUser.get(row.aadObjectId) ?? new Map<string, Suppression>();
    const snoozed = row.snoozedUntil && row.snoozedUntil > now ? { snoozedUntil: row.snoozedUntil } : {};
    kinds.set(row.kind, { muted: row.muted, ...snoozed });
    byUser.set(row.aadObjectId, kinds);
  }
  return byUser;
}

async function upsertPreference(
  db: DbTx,
  { organisationId, aadObjectId, kind }: Target,
  change: { muted?: boolean; snoozedUntil?: Date | null },
): Promise<void> {
  await db.reminderPreference.upsert({
    where: { organisationId_aadObjectId_kind: { organisationId, aadObjectId, kind } },
    create: { organisationId, aadObjectId, kind, muted: change.muted ?? false, snoozedUntil: change.snoozedUntil ?? null },
    update: change,
  });
}
