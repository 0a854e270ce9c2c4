// Issue 16, "Matching": customer records proposed for an unmapped provider account, ranked by a
// score from the same tenant, shared domains and name likeness (accents and legal forms such as
// Ltd, GmbH, SAS, PT, Tbk set aside); the same tenant or a shared domain ranks first. Measured on
// a list of 57 customer records in nine languages and 76 provider accounts.
import { describe, expect, it } from "vitest";
import { companyNameWords, nameSimilarity } from "../../../../src/workflows/provider-accounts/domain/company-names";
import { searchCustomers, suggestCustomers } from "../../../../src/workflows/provider-accounts/domain/suggestions";
import { CUSTOMERS, RANKING_CASES, type RankingCase } from "./customer-list";
import { contoso, fabrikam } from "./fixtures";

const suggestFor = (c: RankingCase) =>
  suggestCustomers(
    {
      name: c.name,
      domains: (c.domains ?? []).map((domain) => domain.toLowerCase().replace(/\.$/, "")),
      ...(c.tenantId ? { customerTenantId: c.tenantId.toLowerCase() } : {}),
    },
    CUSTOMERS,
  );
const firstIsRight = (c: RankingCase) => suggestFor(c)[0]?.customer.externalId === c.expected;

describe("company names", () => {
  it("sets aside accents, punctuation, case and legal forms in many languages", () => {
    expect(companyNameWords("PT Bank Mandiri (Persero) Tbk")).toEqual(["bank", "mandiri"]);
    expect(companyNameWords("Société Générale S.A.")).toEqual(["societe", "generale"]);
    expect(companyNameWords("Müller Logistik GmbH & Co. KG")).toEqual(["muller", "logistik"]);
    expect(companyNameWords("Transports Dubois et Fils S.A.S.")).toEqual(["transports", "dubois", "fils"]);
    expect(companyNameWords("Ørsted Energi A/S")).toEqual(["orsted", "energi"]);
    expect(companyNameWords("Weiß & Söhne")).toEqual(["weiss", "sohne"]);
    expect(companyNameWords("Sato Electronics Co., Ltd.")).toEqual(["sato", "electronics"]);
    expect(companyNameWords("Margie's Travel")).toEqual(["margies", "travel"]);
  });

  it("keeps a legal form that is the whole name", () => {
    expect(companyNameWords("AG")).toEqual(["ag"]);
  });

  it("finds the same company in other word orders, spellings and abbreviations", () => {
    expect(nameSimilarity("PT Bank Mandiri (Persero) Tbk", "Bank Mandiri")).toBe(1);
    expect(nameSimilarity("Contoso Pharmaceuticals", "Pharmaceuticals Contoso")).toBe(1);
    expect(nameSimilarity("Fabrikm", "Fabrikam Inc")).toBeGreaterThan(0.8);
    expect(nameSimilarity("Contoso Pharma", "Contoso Pharmaceuticals")).toBeGreaterThan(0.9);
    expect(nameSimilarity("Contoso", "Fabrikam")).toBeLessThan(0.3);
    expect(nameSimilarity("", "Fabrikam")).toBe(0);
  });
});

describe("suggesting customer records for an unmapped account", () => {
  it("ranks the same tenant first at 100, whatever the names", () => {
    const [first] = suggestCustomers({ name: "CTS Holding", domains: [], customerTenantId: "0b7f3e1a-2c4d-4e5f-8a9b-1c2d3e4f5a6b" }, CUSTOMERS);
    expect(first).toMatchObject({ customer: { externalId: "1001" }, score: 100, reasons: ["same_tenant"] });
  });

  it("ranks a shared domain above a more alike name, saying which domain", () => {
    const suggestions = suggestCustomers({ name: "Contoso Pharmaceuticals EMEA", domains: ["contoso.com"] }, CUSTOMERS);
    expect(suggestions.map((s) => [s.customer.externalId, s.reasons])).toEqual([
      ["1001", ["same_domain", "similar_name"]],
      ["1002", ["similar_name"]],
    ]);
    expect(suggestions[0]?.sharedDomains).toEqual(["contoso.com"]);
    expect(suggestions[0]?.score).toBeGreaterThanOrEqual(90);
    expect(suggestions[1]?.score).toBeLessThan(90);
  });

  it("proposes by name alone with a score below 90, and nothing for a name unlike any record", () => {
    const [first] = suggestCustomers({ name: "Bank Mandiri", domains: [] }, CUSTOMERS);
    expect(first).toMatchObject({ customer: { externalId: "4001" }, score: 89, reasons: ["similar_name"] });
    expect(suggestCustomers({ name: "Zebra Quantum Dynamics", domains: [] }, CUSTOMERS)).toEqual([]);
  });

  it("shows three suggestions unless asked for more, best first, equal scores by name", () => {
    const records = [
      { ...contoso, id: "c-l", name: "Contoso Ltd" },
      { ...contoso, id: "c-s", name: "Contoso SAS" },
      { ...contoso, id: "c-g", name: "Contoso GmbH" },
      { ...contoso, id: "c-i", name: "Contoso Inc" },
    ];
    const suggestions = suggestCustomers({ name: "Contoso", domains: ["contoso.com"] }, records);
    expect(suggestions.map((s) => s.customer.id)).toEqual(["c-g", "c-i", "c-l"]);
    expect(suggestCustomers({ name: "Contoso", domains: ["contoso.com"] }, records, 10)).toHaveLength(4);
  });

  const withIds = RANKING_CASES.filter((c) => c.expected && (c.tenantId || c.domains));
  const byName = RANKING_CASES.filter((c) => c.expected && !c.tenantId && !c.domains);
  const strangers = RANKING_CASES.filter((c) => !c.expected);

  it("has a realistic list to measure on: at least 50 customer records and 50 provider accounts", () => {
    expect(CUSTOMERS.length).toBeGreaterThanOrEqual(50);
    expect(byName.length).toBeGreaterThanOrEqual(50);
  });

  it("puts the right record first for every account sharing a tenant or a domain with it", () => {
    expect(withIds.filter((c) => !firstIsRight(c)).map((c) => c.name)).toEqual([]);
  });

  it("puts the right record first for at least 95% of accounts known by name alone", () => {
    const misses = byName.filter((c) => !firstIsRight(c)).map((c) => c.name);
    // Measured: 61 of 62; the miss is an acronym ("Bank BCA" for Bank Central Asia).
    expect(misses).toEqual(["Bank BCA"]);
    expect((byName.length - misses.length) / byName.length).toBeGreaterThanOrEqual(0.95);
  });

  it("proposes nothing for customers the partner has no record of", () => {
    expect(strangers.filter((c) => suggestFor(c).length > 0).map((c) => c.name)).toEqual([]);
  });
});

describe("searching for another customer record", () => {
  it("finds records by a word of their name, accents and case aside", () => {
    expect(searchCustomers("mandiri", CUSTOMERS).map((c) => c.externalId)).toEqual(["4009", "4001"]);
    expect(searchCustomers("GALLIMARD", CUSTOMERS).map((c) => c.externalId)).toEqual(["2008"]);
    expect(searchCustomers("Creedit Agricole", CUSTOMERS).map((c) => c.externalId)).toEqual(["2004"]);
  });

  it("finds records by domain, or by a parent of their domain", () => {
    const paris = { ...fabrikam, id: "c-p", name: "Fabrikam Paris", domains: ["paris.fabrikam.fr"] };
    expect(searchCustomers("fabrikam.fr", [fabrikam, paris]).map((c) => c.id)).toEqual(["c-p"]);
    expect(searchCustomers("Fabrikam.com", [fabrikam, paris]).map((c) => c.id)).toEqual(["c-2"]);
  });

  it("finds nothing for an empty query, and at most ten records", () => {
    expect(searchCustomers("  ", CUSTOMERS)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => ({ ...contoso, id: `c-${i}`, name: `Contoso ${i}` }));
    expect(searchCustomers("contoso", many)).toHaveLength(10);
  });
});
