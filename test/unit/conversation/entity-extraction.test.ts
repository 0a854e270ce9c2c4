import { describe, expect, it } from "vitest";
import { extract } from "./support";

const now = new Date("2026-11-25T10:00:00Z");

describe("engagement references", () => {
  it.each([
    ["what's the status of ENG-1042?", "en"],
    ["status of eng 1042", "en"],
    ["where is #1042", "en"],
    ["1042", "en"],
    ["l'engagement 1042 est-il approuvé ?", "fr"],
    ["statut de eng1042", "fr"],
    ["apakah ENG-1042 sudah disetujui?", "id"],
    ["cek #1042 dong", "id"],
  ] as const)("reads %j as ENG-1042", (text, locale) => {
    expect(extract(text, locale, now).entities.engagementReference).toBe("ENG-1042");
  });

  it.each([
    ["status of 104", "en"],
    ["où en est le 104", "fr"],
    ["status 104 gimana", "id"],
  ] as const)("reads fewer than four digits in %j as part of a reference", (text, locale) => {
    const { entities } = extract(text, locale, now);
    expect(entities.partialReference).toBe("104");
    expect(entities.engagementReference).toBeUndefined();
  });

  it.each([
    ["submissions older than 24 hours", "en"],
    ["soumissions de plus de 24 heures", "fr"],
    ["pengajuan lewat 24 jam", "id"],
  ] as const)("does not take the quantity in %j for a reference", (text, locale) => {
    expect(extract(text, locale, now).entities).toEqual({});
  });

  it("hands the classifier a placeholder instead of the number", () => {
    expect(extract("status of ENG-1042", "en", now).tokens).toEqual(["status", "of", "zref"]);
  });
});

describe("months", () => {
  it.each([
    ["when does the October billing window close?", "en"],
    ["billing window for oct", "en"],
    ["fenêtre de facturation d'octobre", "fr"],
    ["facturation OCTOBRE", "fr"],
    ["jendela penagihan Oktober", "id"],
    ["penagihan okt", "id"],
    ["billing window for ocotber", "en"],
    ["facturation de octobr", "fr"],
  ] as const)("reads %j as October 2026 in November 2026", (text, locale) => {
    expect(extract(text, locale, now).entities.month).toEqual({ year: 2026, month: 10 });
  });

  it.each([
    ["billing for last month", "en"],
    ["facturation du mois dernier", "fr"],
    ["penagihan bulan lalu", "id"],
  ] as const)("reads %j as the month before", (text, locale) => {
    expect(extract(text, locale, now).entities.month).toEqual({ year: 2026, month: 10 });
  });

  it("reads a month with a year as that month of that year", () => {
    expect(extract("billing window october 2024", "en", now).entities.month).toEqual({ year: 2024, month: 10 });
  });

  it("does not read 'may I' as the month of May", () => {
    expect(extract("may I see the pending approvals", "en", now).entities.month).toBeUndefined();
  });

  it("keeps the Indonesian abbreviation 'des' out of French, where it means 'some'", () => {
    expect(extract("des soumissions en attente", "fr", now).entities.month).toBeUndefined();
    expect(extract("penagihan des", "id", now).entities.month).toEqual({ year: 2025, month: 12 });
  });

  it("does not take the day in '2 november' for a reference", () => {
    const { entities } = extract("closes 2 november", "en", now);
    expect(entities.partialReference).toBeUndefined();
    expect(entities.month).toEqual({ year: 2026, month: 11 });
  });
});

describe("ranges", () => {
  it.each([
    ["anything due today?", "en", "today"],
    ["anything due this week?", "en", "week"],
    ["deadlines this month", "en", "month"],
    ["qu'est-ce qui est dû aujourd'hui", "fr", "today"],
    ["échéances cette semaine", "fr", "week"],
    ["échéances ce mois-ci", "fr", "month"],
    ["jatuh tempo hari ini", "id", "today"],
    ["deadline minggu ini", "id", "week"],
    ["tenggat bulan ini", "id", "month"],
    ["deadlines THIS WEEK", "en", "week"],
    ["echeances cette semiane", "fr", "week"],
    ["deadline mingu ini", "id", "week"],
  ] as const)("reads %j as %s", (text, locale, range) => {
    expect(extract(text, locale, now).entities.range).toBe(range);
  });
});

describe("whose work", () => {
  it.each([
    ["what is waiting for my approval", "en", "mine"],
    ["what do I need to approve", "en", "mine"],
    ["show all pending approvals", "en", "all"],
    ["pending for the whole team", "en", "all"],
    ["mes approbations en attente", "fr", "mine"],
    ["toutes les demandes en attente", "fr", "all"],
    ["apa saja yang menunggu persetujuan saya", "id", "mine"],
    ["persetujuan aku", "id", "mine"],
    ["semua permintaan yang pending", "id", "all"],
  ] as const)("reads %j as %s", (text, locale, scope) => {
    expect(extract(text, locale, now).entities.scope).toBe(scope);
  });

  it("lets 'all' win over a plain 'show me'", () => {
    expect(extract("show me all pending approvals", "en", now).entities.scope).toBe("all");
  });

  it("leaves the scope out when the question names nobody", () => {
    expect(extract("pending approvals", "en", now).entities.scope).toBeUndefined();
  });
});
