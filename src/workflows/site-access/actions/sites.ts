// Card actions on a site and its user list: open the site's card, edit or add a user with their
// privileges, update, remove. Ids in the card data are pointers: the site is re-loaded within
// the actor's organisation, and the domain re-checks the actor's standing on it every click.
import { z } from "zod";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { findUser, listUsersWithRoles } from "../../../platform/store/organisations";
import { ROLES } from "../../../platform/domain/roles";
import { checkGrant, parseSiteRole, ZEntitlementsInput } from "../domain/entitlements";
import { REFUSAL_WORDS, readerAuthority, refusalNotice, siteCardByNumber, siteCardFor } from "../answers";
import { findSite, listSiteMembers } from "../store/sites";
import { changeSiteUserOnce, type SiteUserCommand } from "../store/site-users";
import { siteUserCard } from "../views/sites";
import type { Notice } from "../views/words";

/** People the add form offers: the organisation's users, by name (a site's list is short). */
const PEOPLE_LIMIT = 100;

const ZSiteRef = z.object({ siteId: z.string().min(1).max(64) });
const ZEditUser = ZSiteRef.extend({ siteUserId: z.string().min(1).max(64).optional() });
const ZGrantInputs = {
  role: z.string().max(40).default("user"),
  mayApprove: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .default(false)
    .transform((value) => value === true || value === "true"),
  entitlements: ZEntitlementsInput.default(""),
};
const ZAddUser = ZSiteRef.extend({ userId: z.string().min(1).max(100), ...ZGrantInputs });
const ZUpdateUser = ZSiteRef.extend({ siteUserId: z.string().min(1).max(64), ...ZGrantInputs });
const ZRemoveUser = ZSiteRef.extend({ siteUserId: z.string().min(1).max(64) });

const notFound = (scope: ActionScope): ActionOutcome => ({ message: refusalText(scope.t, { code: "not_found", facts: {} }, REFUSAL_WORDS) });

async function editCard(scope: ActionScope, siteId: string, siteUserId: string | undefined, notice?: Notice): Promise<ActionOutcome> {
  const db = scope.services.db;
  const site = await findSite(db, scope.organisation.id, siteId);
  if (!site) return notFound(scope);
  const members = await listSiteMembers(db, site);
  const siteUser = siteUserId ? members.find((member) => member.id === siteUserId && member.state === "active") : undefined;
  if (siteUserId && !siteUser) return notFound(scope);
  const listed = new Set([...members.filter((m) => m.state === "active").map((m) => m.userId), site.primaryContact?.userId]);
  const people = siteUser
    ? []
    : (await listUsersWithRoles(db, scope.organisation.id, ROLES)).filter((user) => !listed.has(user.aadObjectId)).slice(0, PEOPLE_LIMIT);
  return {
    card: siteUserCard({
      site,
      t: scope.t,
      ...(siteUser ? { siteUser } : {}),
      people: people.map((user) => ({ userId: user.aadObjectId, name: user.name })),
      canNameContacts: readerAuthority(scope, site, members).mayNameContacts,
      ...(notice ? { notice } : {}),
    }),
  };
}

async function change(scope: ActionScope, siteId: string, command: SiteUserCommand, retry: string | undefined): Promise<ActionOutcome> {
  const outcome = await changeSiteUserOnce(scope.services.db, scope.actor, siteId, command, scope.now);
  if (outcome.outcome === "not_found") return notFound(scope);
  if (outcome.outcome === "refused") return editCard(scope, siteId, retry, refusalNotice(scope, outcome.refusal));
  const site = outcome.outcome === "decided" ? await findSite(scope.services.db, scope.organisation.id, siteId) : outcome.record.site;
  if (!site) return notFound(scope);
  return { card: await siteCardFor(scope, site, { notice: { text: scope.t.t(`siteAccess.notice.user_${command.kind}`), style: "good" } }) };
}

function grantOf(data: { role: string; mayApprove: boolean; entitlements: string | string[] }) {
  const role = parseSiteRole(data.role);
  if (!role.ok) return role;
  return checkGrant(role.value, data.mayApprove, data.entitlements);
}

export const siteActions = {
  "siteAccess.openSite": defineAction(
    z.object({ siteNumber: z.string().max(40), after: z.coerce.number().int().min(0).optional().catch(undefined) }),
    false,
    async (scope, data) => {
      const answer = await siteCardByNumber(scope, data.siteNumber, data.after ? { after: data.after } : {});
      return typeof answer === "string" ? { message: answer } : { card: answer };
    },
  ),
  "siteAccess.editUser": defineAction(ZEditUser, false, (scope, data) => editCard(scope, data.siteId, data.siteUserId)),
  "siteAccess.addUser": defineAction(ZAddUser, true, async (scope, data) => {
    const grant = grantOf(data);
    if (!grant.ok) return editCard(scope, data.siteId, undefined, refusalNotice(scope, grant.refusal));
    const person = await findUser(scope.services.db, scope.organisation.id, data.userId);
    if (!person) return editCard(scope, data.siteId, undefined, refusalNotice(scope, { code: "not_found", facts: {} }));
    return change(scope, data.siteId, { kind: "add", person: { userId: person.aadObjectId, name: person.name }, grant: grant.value }, undefined);
  }),
  "siteAccess.updateUser": defineAction(ZUpdateUser, true, async (scope, data) => {
    const grant = grantOf(data);
    if (!grant.ok) return editCard(scope, data.siteId, data.siteUserId, refusalNotice(scope, grant.refusal));
    return change(scope, data.siteId, { kind: "update", siteUserId: data.siteUserId, grant: grant.value }, data.siteUserId);
  }),
  "siteAccess.removeUser": defineAction(ZRemoveUser, true, (scope, data) =>
    change(scope, data.siteId, { kind: "remove", siteUserId: data.siteUserId }, data.siteUserId),
  ),
};
