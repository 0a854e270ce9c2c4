// Every word of site access exists in English, French and Indonesian: the same keys in each
// catalog, every refusal code, state, privilege, role and history entry named, and every
// message compiling as ICU with the English placeholders and formatting with its facts.
import { readFileSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { ACCESS_REQUEST_STATES } from "../../../../src/workflows/site-access/domain/access-requests";
import { SITE_ACCESS_AUDIT_ACTIONS } from "../../../../src/workflows/site-access/domain/audit";
import { ENTITLEMENTS, SITE_ROLES } from "../../../../src/workflows/site-access/domain/entitlements";
import { SITE_ACCESS_REFUSALS, type SiteAccessRefusal } from "../../../../src/workflows/site-access/domain/refusals";
import { SITE_USER_STATES } from "../../../../src/workflows/site-access/domain/sites";

const LOCALES = ["en", "fr", "id"] as const;
const catalogs = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(new URL(`../../../../src/workflows/site-access/messages/${locale}/site-access.json`, import.meta.url), "utf8")) as Record<
      string,
      string
    >,
  ]),
) as Record<(typeof LOCALES)[number], Record<string, string>>;

const at = new Date("2026-11-25T10:00:00Z");

/** Facts each refusal carries, as the domain gives them. */
const FACTS: Record<SiteAccessRefusal, Record<string, string | number | Date>> = {
  not_permitted: { role: "viewer" },
  not_site_decider: { siteNumber: "1234567", primaryContact: "Pia", contactKnown: "yes" },
  primary_contact_only: { siteNumber: "1234567", primaryContact: "", contactKnown: "no" },
  own_request: { siteNumber: "1234567" },
  site_number_invalid: { siteNumber: "abc" },
  site_not_found: { siteNumber: "1234567" },
  site_name_required: { siteNumber: "1234567" },
  already_primary_contact: { siteNumber: "1234567", name: "Pia" },
  already_site_user: { siteNumber: "1234567", name: "Uma" },
  not_site_user: { siteNumber: "1234567", name: "Uma" },
  request_already_pending: { siteNumber: "1234567", since: at },
  request_id_reused: { siteNumber: "1234567" },
  awaiting_vendor: { siteNumber: "1234567" },
  not_awaiting_vendor: { state: "pending" },
  already_decided: { state: "approved", by: "Pia", at },
  decision_conflict: { state: "approved", by: "Pia", at },
  verification_conflict: { state: "rejected", by: "Vendor", at },
  reason_required: {},
  reason_too_long: { max: 500 },
  entitlement_required: {},
  entitlement_unknown: { entitlement: "price_files" },
  site_role_unknown: { role: "owner" },
  approval_right_needs_secondary_contact: {},
  sla_days_invalid: { value: "0", min: 1, max: 30 },
  timestamp_in_future: { field: "decidedAt", at: at.toISOString(), now: at.toISOString(), minutes: 5 },
  timestamp_before_event: { field: "decidedAt", at: at.toISOString(), earliest: at.toISOString(), event: "submission" },
};

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) placeholders(option.value, found);
  }
  return found;
}

describe("site access catalogs", () => {
  it.each(LOCALES)("%s has exactly the keys English has, all prefixed siteAccess.", (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const key of Object.keys(catalogs[locale])) expect(key.startsWith("siteAccess.")).toBe(true);
  });

  it.each(LOCALES)("%s names every refusal, state, privilege, site role and history entry", (locale) => {
    const keys = [
      ...SITE_ACCESS_REFUSALS.map((code) => `siteAccess.refusal.${code}`),
      ...ACCESS_REQUEST_STATES.map((state) => `siteAccess.state.${state}`),
      ...SITE_USER_STATES.map((state) => `siteAccess.siteUserState.${state}`),
      ...ENTITLEMENTS.map((entitlement) => `siteAccess.entitlement.${entitlement}`),
      ...SITE_ROLES.map((role) => `siteAccess.siteRole.${role}`),
      ...SITE_ACCESS_AUDIT_ACTIONS.map((action) => `siteAccess.audit.${action}`),
    ];
    for (const key of keys) expect(catalogs[locale][key], key).toMatch(/\S/);
  });

  it.each(LOCALES)("%s messages compile with the English placeholders", (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale])) {
      expect([...placeholders(parse(message))].sort(), `${locale} ${key}`).toEqual([...placeholders(parse(catalogs.en[key] ?? ""))].sort());
    }
  });

  it.each(LOCALES)("%s words every refusal with its facts", (locale) => {
    for (const code of SITE_ACCESS_REFUSALS) {
      const text = new IntlMessageFormat(catalogs[locale][`siteAccess.refusal.${code}`] ?? "", locale, undefined, { ignoreTag: true }).format(FACTS[code]);
      expect(typeof text === "string" && !text.includes("{"), `${locale} ${code}: ${String(text)}`).toBe(true);
    }
  });

  it("uses the vendor's own names for the privileges", () => {
    expect(ENTITLEMENTS.map((entitlement) => catalogs.id[`siteAccess.entitlement.${entitlement}`])).toEqual([
      "Pelaporan",
      "Pemesanan Online (eorder)",
      "Pengajuan, Penawaran, dan Pesanan",
      "Penjualan Terpandu Mitra",
    ]);
    expect(new IntlMessageFormat(catalogs.en["siteAccess.refusal.not_site_decider"] ?? "", "en").format(FACTS.not_site_decider)).toBe(
      "Only the Primary Contact of site 1234567, a Secondary Contact who may approve, or an admin can do this. Its Primary Contact is Pia.",
    );
  });
});
