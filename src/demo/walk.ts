import { ROLE_TITLES } from '../definitions/roles.js';
import { ApiClient } from './client.js';
import { MUNICIPAL_BOARDS, REGIONAL_BOARDS } from './boards.js';

/** "sekretariat" for "secretariat": who must act, in Swedish. */
function roleTitle(role: string): string {
  return (ROLE_TITLES as Record<string, { sv: string }>)[role]?.sv.toLocaleLowerCase('sv') ?? role;
}

/** One gate that stopped an event, as the service explained it (in Swedish). */
export interface BlockedGate {
  step: string;
  event: string;
  failures: Array<{ rule: string; message: string; responsible?: string }>;
}

/** What a demo did: the steps it passed through, the gates that stopped it, and what it printed. */
export interface Transcript {
  caseId: string;
  steps: string[];
  blocked: BlockedGate[];
  lines: string[];
}

/**
 * Walks one case through its lifecycle over the HTTP API, printing what happens: each step, each
 * blocked gate with the service's Swedish explanation, and what was done to satisfy it.
 */
export class Walk {
  readonly transcript: Transcript = { caseId: '', steps: [], blocked: [], lines: [] };
  /** The service's today (from /health), so that "already happened" dates are in its past. */
  private today = '';
  private readonly organisations = new Map<string, { id: string; boards: Map<string, string> }>();
  private readonly secretariats = new Map<string, ApiClient>();
  /** Signed in as an administrator: keeps the registry and issues the personas' tokens. */
  readonly admin: ApiClient;
  /** Signed in as the leading party's secretariat, who starts and runs the case. */
  api!: ApiClient;

  constructor(
    private readonly baseUrl: string,
    adminToken: string,
    private readonly print: (line: string) => void,
  ) {
    this.admin = new ApiClient(baseUrl, adminToken);
  }

  get caseId(): string {
    return this.transcript.caseId;
  }

  say(line: string): void {
    this.transcript.lines.push(line);
    this.print(line);
  }

  /**
   * Starts the case as the secretariat of the leading organisation (which thereby leads it and
   * runs its secretariat) and says where it stands.
   */
  async start(
    workflow: string,
    title: string,
    lead: { name: string; kind: string; code?: string; boards?: Array<{ name: string; kind: string }> },
  ): Promise<void> {
    this.today = String((await this.admin.get('/health')).time).slice(0, 10);
    const boards = lead.boards ?? (lead.kind === 'municipality' ? MUNICIPAL_BOARDS : lead.kind === 'region' ? REGIONAL_BOARDS : []);
    const organisation = await this.organisation(lead.name, lead.kind, lead.code, boards);
    this.api = await this.signIn(`Sekretariat ${lead.name}`, organisation.id);
    this.secretariats.set(organisation.id, this.api);
    const created = await this.api.post('/cases', { workflow, title });
    this.transcript.caseId = created.id;
    this.say(`═══ ${title} — arbetsflöde ${created.workflow.id} v${created.workflow.version}: ${created.workflow.title}`);
    this.say(`    ärende ${created.id}`);
    this.enter(created.state.steps.at(-1).title);
  }

  /**
   * Tries to send an event. A blocked gate is printed with every unmet condition and returned;
   * a passed one moves the case and prints the new step.
   */
  async attempt(event: string, body: Record<string, unknown> = {}): Promise<BlockedGate | null> {
    const answer = await this.api.call('POST', `/cases/${this.caseId}/events`, { type: event, ...body }, [200, 422]);
    if (answer.status === 422) {
      const blocked: BlockedGate = {
        step: this.transcript.steps.at(-1) ?? '',
        event,
        failures: answer.body.failures.map((f: any) => ({ rule: f.rule, message: f.message, ...(f.responsible ? { responsible: f.responsible } : {}) })),
      };
      this.transcript.blocked.push(blocked);
      const n = blocked.failures.length;
      this.say(`  ✗ ${event} stoppas av grinden (${n} villkor är inte ${n === 1 ? 'uppfyllt' : 'uppfyllda'}):`);
      for (const f of blocked.failures) this.say(`      – ${f.message}${f.responsible ? `  [${roleTitle(f.responsible)}]` : ''}`);
      return blocked;
    }
    this.say(`  ✓ ${event}`);
    this.enter(answer.body.state.steps.at(-1).title);
    return null;
  }

  /** Sends an event that must pass now. */
  async advance(event = 'ADVANCE', body: Record<string, unknown> = {}): Promise<void> {
    const blocked = await this.attempt(event, body);
    if (blocked) throw new Error(`${event} was still blocked in "${blocked.step}": ${blocked.failures.map((f) => f.message).join(' | ')}`);
  }

  /** Does something to satisfy the gate, saying what. */
  async fix(what: string, work: () => Promise<unknown>): Promise<void> {
    this.say(`  ✎ ${what}`);
    await work();
  }

  /** An organisation of the registry by its code or name, registered with its boards if missing. */
  async organisation(
    name: string,
    kind: string,
    code?: string,
    boards: Array<{ name: string; kind: string }> = [],
  ): Promise<{ id: string; boards: Map<string, string> }> {
    const known = this.organisations.get(name);
    if (known) return known;
    const found = code
      ? (await this.admin.get(`/organisations?code=${code}`)).items
      : (await this.admin.get(`/organisations?q=${encodeURIComponent(name)}`)).items.filter((o: any) => o.name === name);
    const id: string = found[0]?.id ?? (await this.admin.post('/organisations', { name, kind, ...(code ? { municipalityCode: code } : {}) })).id;
    const existing = new Map<string, string>((await this.admin.get(`/organisations/${id}`)).boards.map((b: any) => [b.name, b.id]));
    for (const board of boards) {
      if (!existing.has(board.name)) existing.set(board.name, (await this.admin.post(`/organisations/${id}/boards`, board)).id);
    }
    const org = { id, boards: existing };
    this.organisations.set(name, org);
    return org;
  }

  /** A person of the registry (a new identity each run, so the demo can run again on the same database). */
  async person(name: string, organisationId: string): Promise<string> {
    const subject = `${name.toLowerCase().replace(/[^a-zåäö]+/g, '.')}@demo.${this.runId}`;
    return (await this.admin.post('/people', { subject, name, organisationId })).id;
  }

  /**
   * Signed in as the secretariat of a party: registered, given a token, and given the secretariat
   * role on the case for its organisation (a board's decision is recorded by its own secretariat).
   */
  async secretariatOf(organisationId: string, organisationName: string): Promise<ApiClient> {
    const known = this.secretariats.get(organisationId);
    if (known) return known;
    const client = await this.signIn(`Sekretariat ${organisationName}`, organisationId);
    const personId = this.lastPersonId;
    await this.api.post(`/cases/${this.caseId}/roles`, { role: 'secretariat', organisationId, holderId: personId });
    this.secretariats.set(organisationId, client);
    return client;
  }

  private readonly runId = Math.random().toString(36).slice(2, 8);
  private lastPersonId = '';

  /** Registers a person and signs them in with an API token of their own. */
  private async signIn(name: string, organisationId: string): Promise<ApiClient> {
    this.lastPersonId = await this.person(name, organisationId);
    const { token } = await this.admin.post('/tokens', { name: `demo: ${name}`, personId: this.lastPersonId });
    return new ApiClient(this.baseUrl, token);
  }

  /** A date `days` before the service's today, `YYYY-MM-DD`. */
  daysAgo(days: number): string {
    const d = new Date(`${this.today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString().slice(0, 10);
  }

  private enter(step: string): void {
    this.transcript.steps.push(step);
    this.say(`▶ ${step}`);
  }
}
