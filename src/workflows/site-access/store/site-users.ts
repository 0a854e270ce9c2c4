// Changes to a site's user list (add, update privileges, remove) through decide-once: the site
// and its list are read in the transaction, the domain checks who may, the row is saved with its
// version check (a new row meets the one-row-per-person-and-site key), its history and the
// vendor's event written with it.
import { randomUUID } from "node:crypto";
import type { Actor as PartnerActor } from "../../../platform/domain/roles";
import type { Db } from "../../../platform/store/db";
import { type DecideOnceOutcome, decideOnce } from "../../../platform/store/decide-once";
import type { Result } from "../../../platform/domain/result";
import type { Grant } from "../domain/entitlements";
import type { SiteAccessRefusal } from "../domain/refusals";
import type { Person, Site, SiteUser } from "../domain/sites";
import { addSiteUser, removeSiteUser, type SiteUserChange, updateSiteUser } from "../domain/site-users";
import { emitSiteAccessEvents } from "../events";
import { siteActor } from "./access-requests";
import { withHistory } from "./history";
import { SITE_USER_RECORD_KIND } from "./records";
import { findSite, listSiteMembers, saveSiteUser } from "./sites";

interface SiteBundle {
  site: Site;
  members: SiteUser[];
}

export type SiteUserOutcome = DecideOnceOutcome<SiteBundle, SiteUserChange, SiteAccessRefusal>;

export type SiteUserCommand =
  | { kind: "add"; person: Person; grant: Grant }
  | { kind: "update"; siteUserId: string; grant: Grant }
  | { kind: "remove"; siteUserId: string };

export function changeSiteUserOnce(db: Db, actor: PartnerActor, siteId: string, command: SiteUserCommand, now: Date): Promise<SiteUserOutcome> {
  const by = { actorId: actor.aadObjectId, actorName: actor.name };
  return decideOnce<SiteBundle, SiteUserChange, SiteAccessRefusal>(db, {
    load: async (tx) => {
      const site = await findSite(tx, actor.organisationId, siteId);
      return site ? { site, members: await listSiteMembers(tx, site) } : undefined;
    },
    decide: ({ site, members }) => {
      const changed = decideCommand(site, members, command, actor, now);
      if (!changed.ok) return changed;
      const { record, audit } = changed.value;
      if (audit.length === 0) return { ok: true, value: { unchanged: true } };
      return { ok: true, value: { next: changed.value, audit: withHistory(SITE_USER_RECORD_KIND, record, audit, by, now).audit } };
    },
    // The row as this attempt read it, or none for someone new (the unique key guards that case).
    save: (tx, { members }, next) =>
      saveSiteUser(
        tx,
        members.find((member) => member.id === next.record.id),
        next.record,
      ),
    after: (tx, next) => emitSiteAccessEvents(tx, actor.organisationId, next.events, now),
  });
}

function decideCommand(
  site: Site,
  members: readonly SiteUser[],
  command: SiteUserCommand,
  actor: PartnerActor,
  now: Date,
): Result<SiteUserChange, SiteAccessRefusal> {
  const context = { site, members };
  if (command.kind === "add") return addSiteUser(command.person, command.grant, { ...context, newSiteUserId: randomUUID() }, siteActor(actor), now);
  const siteUser = members.find((member) => member.id === command.siteUserId);
  if (!siteUser) return { ok: false, refusal: { code: "not_site_user", facts: { siteNumber: site.siteNumber, name: "" } } };
  return command.kind === "update"
    ? updateSiteUser(siteUser, command.grant, context, siteActor(actor), now)
    : removeSiteUser(siteUser, context, siteActor(actor), now);
}
