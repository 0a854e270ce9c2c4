// Turns a site and its user list into cards/site-access-site.json (a page of users with their
// privileges) and one site user into site-access-user.json (edit, or add someone new).
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import type { Translator } from "../../../platform/i18n/translator";
import type { Person, Site, SiteUser } from "../domain/sites";
import { siteDeciders } from "../domain/sites";
import { entitlementChoices, entitlementWords, type Notice, noticeData, roleChoices } from "./words";

/** Users one site card shows: a page keeps the card well under Teams' 28 KB. */
export const SITE_USERS_PAGE = 25;

export interface SiteCardInput {
  site: Site;
  members: readonly SiteUser[];
  t: Translator;
  canManage: boolean;
  canAsk: boolean;
  /** Active users to skip: the page after this many. */
  after?: number;
  notice?: Notice;
}

export function siteCard(input: SiteCardInput): AdaptiveCard {
  const { site, t } = input;
  const active = input.members.filter((member) => member.state === "active");
  const start = input.after ?? 0;
  const page = active.slice(start, start + SITE_USERS_PAGE);
  const secondaries = siteDeciders(site, active).filter((person) => person.userId !== site.primaryContact?.userId);
  const facts = [
    { title: t.t("siteAccess.field.primaryContact"), value: site.primaryContact?.name ?? t.t("siteAccess.primaryContact.unknown") },
    ...(secondaries.length > 0 ? [{ title: t.t("siteAccess.field.approvers"), value: secondaries.map((person) => person.name).join(", ") }] : []),
    { title: t.t("siteAccess.field.userCount"), value: String(active.length) },
  ];
  return renderCard("site-access-site", {
    site: { id: site.id, siteNumber: site.siteNumber, name: site.name },
    facts,
    users: page.map((member) => ({
      id: member.id,
      name: member.name,
      roleLabel: t.t(member.mayApprove ? "siteAccess.standing.approving_secondary_contact" : `siteAccess.siteRole.${member.role}`),
      entitlements: entitlementWords(t, member.entitlements),
    })),
    nextAfter: start + SITE_USERS_PAGE < active.length ? String(start + SITE_USERS_PAGE) : "",
    canManage: input.canManage,
    canAsk: input.canAsk,
    ...noticeData(input.notice),
    text: {
      users: t.t("siteAccess.field.users"),
      noUsers: t.t("siteAccess.site.noUsers"),
      edit: t.t("siteAccess.site.edit"),
      next: t.t("siteAccess.site.next"),
      addUser: t.t("siteAccess.site.addUser"),
      ask: t.t("siteAccess.site.ask"),
    },
  });
}

export interface SiteUserCardInput {
  site: Site;
  t: Translator;
  /** The user being edited, or none to add someone from `people`. */
  siteUser?: SiteUser;
  people?: readonly Person[];
  canNameContacts: boolean;
  notice?: Notice;
}

export function siteUserCard(input: SiteUserCardInput): AdaptiveCard {
  const { site, t, siteUser } = input;
  return renderCard("site-access-user", {
    site: { id: site.id, siteNumber: site.siteNumber, name: site.name },
    title: siteUser ? siteUser.name : t.t("siteAccess.user.addTitle"),
    adding: siteUser === undefined,
    siteUserId: siteUser?.id ?? "",
    people: (input.people ?? []).map((person) => ({ title: person.name, value: person.userId })),
    entitlementChoices: entitlementChoices(t),
    entitlementsValue: siteUser?.entitlements.join(",") ?? "",
    roleChoices: roleChoices(t),
    roleValue: siteUser?.role ?? "user",
    canNameContacts: input.canNameContacts,
    mayApproveValue: siteUser?.mayApprove ? "true" : "false",
    ...noticeData(input.notice),
    text: {
      person: t.t("siteAccess.user.person"),
      personRequired: t.t("siteAccess.user.personRequired"),
      entitlements: t.t("siteAccess.field.entitlements"),
      role: t.t("siteAccess.field.role"),
      mayApprove: t.t("siteAccess.field.mayApprove"),
      add: t.t("siteAccess.user.add"),
      update: t.t("siteAccess.user.update"),
      remove: t.t("siteAccess.user.remove"),
      back: t.t("siteAccess.user.back"),
    },
  });
}
