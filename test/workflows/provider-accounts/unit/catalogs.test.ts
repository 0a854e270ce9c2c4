// The workflow's words in English, French and Indonesian: the same keys in each, every state and
// refusal code worded, and every refusal's message using only the facts the rule gives it.
import { readFileSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { importCustomerRecord } from "../../../../src/workflows/provider-accounts/domain/customer-records";
import { mapProviderAccount, remapProviderAccount } from "../../../../src/workflows/provider-accounts/domain/mapping";
import { MAPPING_STATES, receiveProviderAccount } from "../../../../src/workflows/provider-accounts/domain/provider-accounts";
import {
  type ProviderAccountRefusal,
  type ProviderAccountResult,
  PROVIDER_ACCOUNT_REFUSALS,
} from "../../../../src/workflows/provider-accounts/domain/refusals";
import {
  acceptRelationshipRequest,
  RELATIONSHIP_REQUEST_STATES,
  withdrawRelationshipRequest,
} from "../../../../src/workflows/provider-accounts/domain/relationship-requests";
import { SUGGESTION_REASONS } from "../../../../src/workflows/provider-accounts/domain/suggestions";
import { admin, billing, contoso, fabrikam, foreignCustomer, mappedToContoso, otherBilling, sentRequest, unmapped, viewer } from "./fixtures";

const LOCALES = ["en", "fr", "id"] as const;
const catalog = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../../../src/workflows/provider-accounts/messages/${locale}/provider-accounts.json`, import.meta.url), "utf8"));
const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, catalog(locale)]));

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
  }
  return found;
}

const now = new Date("2026-12-01T10:00:00Z");
const row = { provider: "Microsoft Partner Center", providerAccountId: unmapped.providerAccountId, name: "Contoso Limited", domains: ["contoso.com"] };
const refusalOf = (result: ProviderAccountResult<unknown>) => {
  if (result.ok) throw new Error("expected a refusal");
  return result.refusal;
};
const accepted = { ...sentRequest, state: "accepted" as const, acceptedAt: new Date("2026-11-28T15:00:00Z") };
const tenant = "5a6b7c8d-1111-4222-8333-944455556666";

// One real refusal of each code, from the rule that gives it.
const SAMPLES: Record<ProviderAccountRefusal, ReturnType<typeof refusalOf>> = {
  not_permitted: refusalOf(mapProviderAccount(unmapped, { kind: "map", customer: contoso }, viewer, now)),
  field_required: refusalOf(receiveProviderAccount(undefined, { ...row, name: "" }, now)),
  text_too_long: refusalOf(importCustomerRecord(undefined, { id: "x", name: "x".repeat(201), domains: [] })),
  domain_invalid: refusalOf(receiveProviderAccount(undefined, { ...row, domains: ["nope"] }, now)),
  tenant_id_invalid: refusalOf(receiveProviderAccount(undefined, { ...row, customerTenantId: "nope" }, now)),
  reason_required: refusalOf(remapProviderAccount(mappedToContoso, { kind: "remap", customer: fabrikam }, admin, now)),
  reason_too_long: refusalOf(remapProviderAccount(mappedToContoso, { kind: "remap", customer: fabrikam, reason: "x".repeat(501) }, admin, now)),
  customer_not_found: refusalOf(mapProviderAccount(unmapped, { kind: "map", customer: foreignCustomer }, billing, now)),
  already_mapped: refusalOf(mapProviderAccount(mappedToContoso, { kind: "map", customer: fabrikam }, billing, now)),
  not_mapped: refusalOf(remapProviderAccount(unmapped, { kind: "remap", customer: fabrikam, reason: "x" }, admin, now)),
  same_customer: refusalOf(remapProviderAccount(mappedToContoso, { kind: "remap", customer: contoso, reason: "x" }, admin, now)),
  provider_account_conflict: refusalOf(receiveProviderAccount(unmapped, { ...row, name: "Other" }, now)),
  request_already_accepted: refusalOf(withdrawRelationshipRequest(accepted, {}, billing, now)),
  request_withdrawn: refusalOf(
    withdrawRelationshipRequest({ ...sentRequest, state: "withdrawn", withdrawal: { at: now, byId: "u", byName: "U" } }, {}, billing, now),
  ),
  not_sender: refusalOf(withdrawRelationshipRequest(sentRequest, {}, otherBilling, now)),
  time_in_future: refusalOf(receiveProviderAccount(undefined, { ...row, appearedAt: new Date("2026-12-02T10:00:00Z") }, now)),
  acceptance_before_sent: refusalOf(acceptRelationshipRequest(sentRequest, { domains: [], acceptedAt: new Date("2026-11-01T00:00:00Z") }, now)),
  acceptance_conflict: refusalOf(acceptRelationshipRequest(accepted, { domains: [], acceptedAt: now }, now)),
  tenant_mismatch: refusalOf(
    acceptRelationshipRequest(
      { ...sentRequest, customerTenantId: tenant },
      { customerTenantId: "00000000-1111-4222-8333-444455556666", domains: [], acceptedAt: now },
      now,
    ),
  ),
};

describe("the provider-account catalogs", () => {
  it.each(LOCALES)("%s has exactly the keys English has, all prefixed providerAccount.", (locale) => {
    expect(Object.keys(catalogs[locale] ?? {}).sort()).toEqual(Object.keys(catalogs.en ?? {}).sort());
    expect(Object.keys(catalogs[locale] ?? {}).every((key) => key.startsWith("providerAccount."))).toBe(true);
  });

  it.each(LOCALES)("%s words every state, suggestion reason and refusal code", (locale) => {
    const keys = [
      ...MAPPING_STATES.map((state) => `providerAccount.state.${state}`),
      ...RELATIONSHIP_REQUEST_STATES.map((state) => `providerAccount.requestState.${state}`),
      ...SUGGESTION_REASONS.map((reason) => `providerAccount.suggestion.${reason}`),
      ...PROVIDER_ACCOUNT_REFUSALS.map((code) => `providerAccount.refusal.${code}`),
    ];
    expect(keys.filter((key) => !catalogs[locale]?.[key])).toEqual([]);
  });

  it.each(LOCALES)("%s messages compile with the English placeholders", (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale] ?? {})) {
      const english = catalogs.en?.[key] ?? "";
      expect([...placeholders(parse(message, { ignoreTag: true }))].sort(), `${locale} ${key}`).toEqual(
        [...placeholders(parse(english, { ignoreTag: true }))].sort(),
      );
    }
  });

  it.each(LOCALES)("%s refusal messages read with the facts their rule gives, and no other", (locale) => {
    for (const code of PROVIDER_ACCOUNT_REFUSALS) {
      const refusal = SAMPLES[code];
      expect(refusal.code).toBe(code);
      const message = catalogs[locale]?.[`providerAccount.refusal.${code}`] ?? "";
      const needed = [...placeholders(parse(message, { ignoreTag: true }))];
      expect(
        needed.filter((name) => !(name in refusal.facts)),
        `${locale} ${code}`,
      ).toEqual([]);
      const text = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(refusal.facts as Record<string, string | number | Date>);
      expect(String(text)).not.toMatch(/[{}]/);
    }
  });

  it("says who mapped an account to what, in each language", () => {
    const facts = SAMPLES.already_mapped.facts as Record<string, string | Date>;
    const inUtc = { date: { medium: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" } } } as const;
    const say = (locale: string) =>
      String(new IntlMessageFormat(catalogs[locale]?.["providerAccount.refusal.already_mapped"] ?? "", locale, inUtc).format(facts));
    expect(say("en")).toBe("Already mapped to Contoso Ltd by Bea Billing on Nov 30, 2026.");
    expect(say("fr")).toBe("Déjà associé à Contoso Ltd par Bea Billing le 30 nov. 2026.");
    expect(say("id")).toBe("Sudah dipetakan ke Contoso Ltd oleh Bea Billing pada 30 Nov 2026.");
  });
});
