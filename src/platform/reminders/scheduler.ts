// The reminder clock of one bot instance. Every few seconds (REMINDERS_DELIVER_EVERY_SECONDS)
// it delivers what is due; for each reachable organisation whose cron tick, read in that
// organisation's zone, fell since the last look, it first plans. Every instance runs its own
// scheduler: planning twice inserts nothing twice and delivery claims rows under a lease, so
// no coordination between instances is needed beyond the database.
import { listReachableOrganisations } from "../store/conversation-references";
import type { Organisation } from "../store/organisations";
import { reminderSettingsFor } from "../team/settings";
import { type DeliveryDeps, type DeliveryReport, deliverDue } from "./deliverer";
import type { DeadlineSource } from "./due-item";
import { type PlanReport, planReminders } from "./planner";
import { scheduledTickBetween } from "./schedule";
import type { WorkflowJob } from "../workflow";

export interface ReminderCycleDeps extends DeliveryDeps {
  sources: readonly DeadlineSource[];
  /** The workflows' periodic jobs, run at every tick before planning. */
  jobs?: readonly WorkflowJob[];
}

export interface JobReport {
  name: string;
  /** What the job answered, or why it failed (logged; it runs again at the next tick). */
  result?: unknown;
  error?: string;
}

/** Runs every job once; one job's failure is logged with its name and stops only itself. */
export async function runJobs(deps: Pick<ReminderCycleDeps, "db" | "clock" | "logger" | "jobs">): Promise<JobReport[]> {
  const reports: JobReport[] = [];
  for (const job of deps.jobs ?? []) {
    try {
      reports.push({ name: job.name, result: await job.run({ db: deps.db, now: deps.clock(), ...(deps.logger ? { logger: deps.logger } : {}) }) });
    } catch (error) {
      deps.logger?.error({ err: error, job: job.name }, "workflow job failed");
      reports.push({ name: job.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return reports;
}

export interface CycleReport {
  planned: { organisationId: string; report: PlanReport }[];
  /** Organisations whose planning failed this time: logged, and planned again at their next tick. */
  failed: { organisationId: string; error: string }[];
  delivery: DeliveryReport;
  /** The workflows' jobs of this tick (the scheduler's ticks only). */
  jobs?: JobReport[];
}

/**
 * Plans the given organisations (all reachable ones by default) now, then delivers: `npm run
 * remind:now`. One organisation's failure (bad data, a source that throws) is logged with its
 * id and stops only its own planning; the others are planned and everything due delivered.
 */
export async function runReminderCycle(deps: ReminderCycleDeps, organisations?: readonly Organisation[]): Promise<CycleReport> {
  const now = deps.clock();
  const planned: CycleReport["planned"] = [];
  const failed: CycleReport["failed"] = [];
  for (const organisation of organisations ?? (await listReachableOrganisations(deps.db))) {
    try {
      planned.push({ organisationId: organisation.id, report: await planReminders(deps.db, organisation, now, deps.settings, deps.sources) });
    } catch (error) {
      deps.logger?.error({ err: error, organisationId: organisation.id }, "reminder planning failed for an organisation");
      failed.push({ organisationId: organisation.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { planned, failed, delivery: await deliverDue(deps) };
}

export class ReminderScheduler {
  private lastLook: Date;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: ReminderCycleDeps) {
    this.lastLook = deps.clock();
  }

  /** One look: plan the organisations whose tick fell in (last look, now], then deliver. */
  async tick(): Promise<CycleReport> {
    // First, so that what a job settles (a report submitted at its deadline) is not reminded of.
    const jobs = await runJobs(this.deps);
    const now = this.deps.clock();
    const since = this.lastLook;
    const organisations = (await listReachableOrganisations(this.deps.db)).filter((organisation) => this.isDue(organisation, since, now));
    // Moved forward before the work: a failing run is not retried in a tight loop, and the
    // next tick's plan sees the same (or a later) state anyway.
    this.lastLook = now;
    return { ...(await runReminderCycle(this.deps, organisations)), jobs };
  }

  /** Whether the organisation's tick fell in (since, now]; a zone that cannot be read skips it, alone. */
  private isDue(organisation: Organisation, since: Date, now: Date): boolean {
    try {
      return scheduledTickBetween(reminderSettingsFor(this.deps.settings, organisation).cron, organisation.timeZone, since, now) !== undefined;
    } catch (error) {
      this.deps.logger?.error(
        { err: error, organisationId: organisation.id, timeZone: organisation.timeZone },
        "reminder schedule unreadable for an organisation",
      );
      return false;
    }
  }

  start(): void {
    if (this.timer) return;
    this.lastLook = this.deps.clock();
    this.timer = setInterval(() => this.runOnce(), this.deps.settings.deliverEveryMs);
  }

  /** Stops the clock and waits for a run in progress, so shutdown does not cut a send in half. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private runOnce(): void {
    if (this.running) return;
    this.running = this.tick()
      .then((report) => this.logReport(report))
      .catch((error: unknown) => this.deps.logger?.error({ err: error }, "reminder run failed"))
      .finally(() => {
        this.running = undefined;
      });
  }

  private logReport(report: CycleReport): void {
    const { delivery } = report;
    if (report.planned.length + report.failed.length === 0 && delivery.rowsSent + delivery.rowsFailed + delivery.rowsDead === 0) return;
    this.deps.logger?.info({ planned: report.planned, failed: report.failed, delivery }, "reminder run");
  }
}
