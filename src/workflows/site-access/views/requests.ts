// Turns access requests into the data of cards/site-access-request.json (one request, with the
// decision inputs when the reader may decide), site-access-list.json and the request form.
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import type { Translator } from "../../../platform/i18n/translator";
import { DECISION_REASON_MAX } from "../domain/access-decisions";
import { type AccessRequest, VENDOR } from "../domain/access-requests";
import type { Site } from "../domain/sites";
import type { RequestPage } from "../store/access-requests";
import { entitlementChoices, entitlementWords, type Notice, noticeData, roleChoices, STATE_COLOR } from "./words";

export interface RequestCardInput {
  request: AccessRequest;
  site?: Site;
  t: Translator;
  /** The reader may decide it now: the privileges, the role and the buttons appear. */
  canDecide: boolean;
  /** The reader may name Secondary Contacts (the Primary Contact or an admin). */
  canNameContacts: boolean;
  /** Names this rendering's decision: the same click again is a replay, not a second decision. */
  nonce: string;
  notice?: Notice;
  /** What the reader chose before a refusal, kept in the inputs. */
  entitlementsValue?: string;
  reasonValue?: string;
}

export function accessRequestCard(input: RequestCardInput): AdaptiveCard {
  const { request: r, t, site } = input;
  const decision = r.decision;
  const by = decision && (decision.by.userId === VENDOR.userId ? t.t("siteAccess.decider.vendor") : decision.by.name);
  const facts = [
    { title: t.t("siteAccess.field.requester"), value: r.requester.name },
    { title: t.t("siteAccess.field.requestedAt"), value: t.formatDateTime(r.requestedAt) },
    { title: t.t("siteAccess.field.primaryContact"), value: site?.primaryContact?.name ?? t.t("siteAccess.primaryContact.unknown") },
    ...(r.claimsPrimaryContact ? [{ title: t.t("siteAccess.field.claim"), value: t.t("siteAccess.claim.yes") }] : []),
    ...(decision && by
      ? [
          { title: t.t("siteAccess.field.decidedBy"), value: by },
          { title: t.t("siteAccess.field.decidedAt"), value: t.formatDateTime(decision.at) },
          ...(decision.grant
            ? [
                { title: t.t("siteAccess.field.role"), value: t.t(`siteAccess.siteRole.${decision.grant.role}`) },
                { title: t.t("siteAccess.field.entitlements"), value: entitlementWords(t, decision.grant.entitlements) },
              ]
            : []),
          ...(decision.reason ? [{ title: t.t("siteAccess.field.reason"), value: decision.reason }] : []),
        ]
      : []),
  ];
  return renderCard("site-access-request", {
    header: {
      id: r.id,
      siteNumber: r.siteNumber,
      title: site ? t.t("siteAccess.request.title", { site: site.name }) : t.t("siteAccess.request.titleUnknownSite"),
      stateLabel: t.t(`siteAccess.state.${r.state}`),
      stateColor: STATE_COLOR[r.state],
    },
    facts,
    ...noticeData(input.notice),
    canDecide: input.canDecide && r.state === "pending",
    canNameContacts: input.canNameContacts,
    siteKnown: site !== undefined,
    nonce: input.nonce,
    entitlementChoices: entitlementChoices(t),
    entitlementsValue: input.entitlementsValue ?? "",
    roleChoices: roleChoices(t),
    roleValue: "user",
    reasonMaxLength: DECISION_REASON_MAX,
    reasonValue: input.reasonValue ?? "",
    text: {
      entitlements: t.t("siteAccess.field.entitlements"),
      role: t.t("siteAccess.field.role"),
      mayApprove: t.t("siteAccess.field.mayApprove"),
      reason: t.t("siteAccess.field.reason"),
      reasonPlaceholder: t.t("siteAccess.request.reasonPlaceholder"),
      approve: t.t("siteAccess.request.approve"),
      reject: t.t("siteAccess.request.reject"),
      openSite: t.t("siteAccess.request.openSite"),
    },
  });
}

/** An admin also sets, on the list, the days a request may wait before its deciders are reminded. */
export interface ListSettings {
  pendingSlaDays: number;
  canConfigure: boolean;
  notice?: Notice;
}

export function requestListCard(
  t: Translator,
  page: RequestPage,
  sites: ReadonlyMap<string, Site>,
  settings: ListSettings = { pendingSlaDays: 3, canConfigure: false },
): AdaptiveCard {
  const last = page.next;
  return renderCard("site-access-list", {
    title: t.t("siteAccess.list.title", { count: page.items.length, more: page.next ? "yes" : "no" }),
    items: page.items.map((request) => ({
      id: request.id,
      heading: t.t("siteAccess.list.heading", { requester: request.requester.name, siteNumber: request.siteNumber }),
      subtitle: t.t("siteAccess.list.subtitle", {
        site: sites.get(request.siteNumber)?.name ?? request.siteNumber,
        requestedAt: t.formatDateTime(request.requestedAt),
      }),
      openLabel: t.t("siteAccess.list.open"),
    })),
    nextId: last?.id ?? "",
    nextRequestedAt: last?.requestedAt.toISOString() ?? "",
    canConfigure: settings.canConfigure,
    pendingSlaDays: settings.pendingSlaDays,
    ...noticeData(settings.notice),
    text: {
      empty: t.t("siteAccess.list.empty"),
      next: t.t("siteAccess.list.next"),
      ask: t.t("siteAccess.list.ask"),
      pendingSlaDays: t.t("siteAccess.field.pendingSlaDays"),
      saveSla: t.t("siteAccess.list.saveSla"),
    },
  });
}

export function requestFormCard(t: Translator, input: { nonce: string; siteNumber?: string; claimsPrimaryContact?: boolean; notice?: Notice }): AdaptiveCard {
  return renderCard("site-access-request-form", {
    nonce: input.nonce,
    siteNumber: input.siteNumber ?? "",
    claimsPrimaryContact: input.claimsPrimaryContact ? "true" : "false",
    ...noticeData(input.notice),
    text: {
      title: t.t("siteAccess.form.title"),
      intro: t.t("siteAccess.form.intro"),
      siteNumber: t.t("siteAccess.field.siteNumber"),
      siteNumberRequired: t.t("siteAccess.form.siteNumberRequired"),
      claimsPrimaryContact: t.t("siteAccess.field.claimsPrimaryContact"),
      submit: t.t("siteAccess.form.submit"),
    },
  });
}
