// The organisation's settings in the database: saved by an admin after ./settings.ts checked
// them, on the team's version and audit history (./store.ts), with before and after.
import type { DecideOnceOutcome } from "../store/decide-once";
import { decideOnce } from "../store/decide-once";
import type { Db } from "../store/db";
import type { PartnerUser } from "../store/organisations";
import type { OrganisationSettings } from "./settings";
import { bumpTeamVersion, teamAudit } from "./store";

interface SettingsSnapshot {
  teamVersion: number;
  settings: OrganisationSettings;
}

/** Saves settings an admin checked (./settings.ts readSettingsForm), audited with before and after. */
export async function changeOrganisationSettings(
  db: Db,
  input: { organisationId: string; actor: PartnerUser; settings: OrganisationSettings; now: Date },
): Promise<DecideOnceOutcome<SettingsSnapshot, SettingsSnapshot>> {
  const { organisationId, actor, settings, now } = input;
  return decideOnce<SettingsSnapshot, SettingsSnapshot>(db, {
    load: async (tx) => {
      const row = await tx.organisation.findUnique({
        where: { id: organisationId },
        select: { teamVersion: true, timeZone: true, reminderTime: true, pendingApprovalSlaHours: true },
      });
      if (!row) return undefined;
      const { teamVersion, ...current } = row;
      return { teamVersion, settings: current };
    },
    decide: (snapshot) => {
      if (actor.role !== "admin") return { ok: false, refusal: { code: "not_permitted", facts: { role: actor.role } } };
      const same = (Object.keys(settings) as (keyof OrganisationSettings)[]).every((key) => settings[key] === snapshot.settings[key]);
      if (same) return { ok: true, value: { unchanged: true } };
      const next = { teamVersion: snapshot.teamVersion + 1, settings };
      return {
        ok: true,
        value: {
          next,
          audit: teamAudit(organisationId, next.teamVersion, actor, now, "settings_changed", { before: { ...snapshot.settings }, after: { ...settings } }),
        },
      };
    },
    save: async (tx, snapshot) => {
      if (!(await bumpTeamVersion(tx, organisationId, snapshot.teamVersion))) return false;
      await tx.organisation.update({ where: { id: organisationId }, data: settings });
      return true;
    },
  });
}
