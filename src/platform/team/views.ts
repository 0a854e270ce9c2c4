// The team's cards: the members with their roles (admins), one member's role form, a role
// request to decide, the form to ask for a role, and the organisation's settings. Words come
// from the catalogs (messages/<locale>/team.json); the templates are cards/team*.json and role-*.json.
import { type AdaptiveCard, renderCard } from "../cards/render";
import { ROLES, type Role } from "../domain/roles";
import type { Translator } from "../i18n/translator";
import type { PartnerUser } from "../store/organisations";
import type { RoleRequest } from "./rules";
import type { OrganisationSettings } from "./settings";
import type { TeamPage } from "./store";

export const TEAM_PAGE_SIZE = 15;

export interface Notice {
  text: string;
  style: "good" | "attention" | "accent";
}

const noticeValues = (notice?: Notice) => ({ notice: notice?.text ?? "", noticeStyle: notice?.style ?? "default" });

export const roleLabel = (t: Translator, role: Role) => t.t("team.role", { role });

const roleChoices = (t: Translator, roles: readonly Role[] = ROLES) => roles.map((role) => ({ value: role, title: t.t(`team.roleChoice.${role}`) }));

export function teamCard(t: Translator, page: TeamPage, offset: number, requests: readonly RoleRequest[], notice?: Notice): AdaptiveCard {
  const end = offset + page.members.length;
  return renderCard("team", {
    title: t.t("team.title"),
    summary: t.t("team.summary", { people: page.total, admins: page.admins }),
    ...noticeValues(notice),
    requests: requests.map((request) => ({
      id: request.id,
      line: t.t("team.requestLine", { name: request.requesterName, role: request.role, at: request.requestedAt }),
    })),
    members: page.members.map((member) => ({ aadObjectId: member.aadObjectId, name: member.name, roleLabel: roleLabel(t, member.role) })),
    pageLine: page.total > page.members.length ? t.t("team.pageLine", { from: offset + 1, to: end, total: page.total }) : "",
    previousOffset: offset > 0 ? Math.max(0, offset - TEAM_PAGE_SIZE) : -1,
    nextOffset: end < page.total ? end : -1,
    text: {
      requestsTitle: t.t("team.requestsTitle"),
      review: t.t("team.review"),
      change: t.t("team.change"),
      previous: t.t("team.previous"),
      next: t.t("team.next"),
      settings: t.t("team.settings.open"),
      integrations: t.t("team.integrations.open"),
    },
  });
}

export function memberCard(t: Translator, member: PartnerUser, notice?: Notice, typedRole?: Role): AdaptiveCard {
  return renderCard("team-member", {
    name: member.name,
    aadObjectId: member.aadObjectId,
    role: typedRole ?? member.role,
    roleLine: t.t("team.member.roleLine", { role: member.role }),
    roles: roleChoices(t),
    ...noticeValues(notice),
    text: { roleLabel: t.t("team.member.roleLabel"), save: t.t("team.member.save"), remove: t.t("team.member.remove"), back: t.t("team.back") },
  });
}

const STATE_COLOR = { pending: "Accent", approved: "Good", rejected: "Attention" } as const;

export function roleRequestCard(t: Translator, request: RoleRequest, options: { canDecide: boolean; notice?: Notice; reasonValue?: string }): AdaptiveCard {
  const facts = [
    { title: t.t("team.request.askedBy"), value: request.requesterName },
    { title: t.t("team.request.role"), value: roleLabel(t, request.role) },
    ...(request.note ? [{ title: t.t("team.request.note"), value: request.note }] : []),
    { title: t.t("team.request.askedOn"), value: t.formatDateTime(request.requestedAt) },
    ...(request.decidedByName ? [{ title: t.t("team.request.decidedBy"), value: request.decidedByName }] : []),
    ...(request.decidedAt ? [{ title: t.t("team.request.decidedOn"), value: t.formatDateTime(request.decidedAt) }] : []),
    ...(request.decisionReason ? [{ title: t.t("team.request.reason"), value: request.decisionReason }] : []),
  ];
  return renderCard("role-request", {
    id: request.id,
    title: t.t("team.request.title", { name: request.requesterName, role: request.role }),
    stateLabel: t.t("team.request.state", { state: request.state }),
    stateColor: STATE_COLOR[request.state],
    facts,
    canDecide: options.canDecide && request.state === "pending",
    reasonValue: options.reasonValue ?? "",
    ...noticeValues(options.notice),
    text: {
      reasonLabel: t.t("team.request.reasonLabel"),
      reasonPlaceholder: t.t("team.request.reasonPlaceholder"),
      approve: t.t("team.request.approve"),
      reject: t.t("team.request.reject"),
    },
  });
}

export interface AskView {
  actor: PartnerUser;
  admins: readonly PartnerUser[];
  pending?: RoleRequest;
  askedRole?: Role;
  noteValue?: string;
  notice?: Notice;
}

/** "My role": the reader's role, who the admins are, and the form to ask for another role. */
export function roleAskCard(t: Translator, view: AskView): AdaptiveCard {
  const askable = ROLES.filter((role) => role !== view.actor.role);
  const canAsk = view.actor.role !== "admin" && !view.pending;
  return renderCard("role-ask", {
    title: t.t("team.ask.title"),
    roleLine: view.pending
      ? t.t("team.ask.pendingLine", { role: view.actor.role, asked: view.pending.role, at: view.pending.requestedAt })
      : t.t("team.member.roleLine", { role: view.actor.role }),
    adminsLine: view.admins.length > 0 ? t.t("team.ask.admins", { names: view.admins.map((admin) => admin.name).join(", ") }) : t.t("team.ask.noAdmin"),
    canAsk,
    roles: roleChoices(t, askable),
    askedRole: view.askedRole && askable.includes(view.askedRole) ? view.askedRole : (askable[0] ?? ""),
    noteValue: view.noteValue ?? "",
    ...noticeValues(view.notice),
    text: {
      askLabel: t.t("team.ask.label"),
      noteLabel: t.t("team.ask.noteLabel"),
      notePlaceholder: t.t("team.ask.notePlaceholder"),
      ask: t.t("team.ask.submit"),
    },
  });
}

export interface SettingsView {
  form: { timeZone: string; reminderTime: string; pendingApprovalSlaHours: string };
  errors?: Partial<Record<keyof SettingsView["form"], string>>;
  deploymentSlaHours: number;
  notice?: Notice;
}

export function settingsFormValues(settings: OrganisationSettings): SettingsView["form"] {
  return {
    timeZone: settings.timeZone,
    reminderTime: settings.reminderTime ?? "",
    pendingApprovalSlaHours: settings.pendingApprovalSlaHours === null ? "" : String(settings.pendingApprovalSlaHours),
  };
}

export function settingsCard(t: Translator, view: SettingsView): AdaptiveCard {
  return renderCard("team-settings", {
    title: t.t("team.settings.title"),
    form: view.form,
    errors: {
      timeZone: view.errors?.timeZone ?? "",
      reminderTime: view.errors?.reminderTime ?? "",
      pendingApprovalSlaHours: view.errors?.pendingApprovalSlaHours ?? "",
    },
    ...noticeValues(view.notice),
    text: {
      timeZoneLabel: t.t("team.settings.timeZone"),
      reminderTimeLabel: t.t("team.settings.reminderTime"),
      reminderTimePlaceholder: t.t("team.settings.reminderTimePlaceholder"),
      slaLabel: t.t("team.settings.sla"),
      slaPlaceholder: t.t("team.settings.slaPlaceholder", { hours: view.deploymentSlaHours }),
      save: t.t("team.settings.save"),
      back: t.t("team.back"),
    },
  });
}
