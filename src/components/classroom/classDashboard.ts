/**
 * The behaviour of <class-dashboard>: reads the class from the classroom service and listens to its
 * stream of changes (fetch, not EventSource, so a device holding the instructor's token can send it),
 * reconnecting when the service restarts; counts the room with src/lib/classroomSummary and fills the
 * tables; builds the help queue and the attendee list as text (names and notes are other people's words);
 * resolves and pins requests; and "End class" saves the export, as CSV and JSON, before the data goes.
 */
import { classroomApi, shareKinds, type AttendeeView, type ClassroomEvent, type ClassroomState, type HelpRequest } from '../../lib/classroomProtocol';
import { summarizeClass, type ClassLayout, type ClassSummary } from '../../lib/classroomSummary';
import type { Translate } from '../../lib/i18n';
import { safeSessionStorage } from '../../lib/safeStorage';
import { sseEvents } from '../../lib/sseFrames';
import { part, parts } from '../dom';
import { drawQrCode } from '../qrSvg';
import { readStrings } from '../strings';
import type { DashboardKey } from './classroomStrings';

/** Where a token from the dashboard link is kept for this tab, once taken out of the address bar. */
const tokenKey = 'edge-course:instructor-token';
/** Gathered changes are drawn at most this often: a room of 150 changes many times a second. */
const drawEveryMs = 100;
const maxRetryMs = 5000;

/** The service's answer about the class. */
type ClassAnswer = { open: false } | { open: true; instructorToken: string; joinOrigins: string[]; state: ClassroomState };

class ClassDashboard extends HTMLElement {
  private t!: Translate<DashboardKey>;
  private locale = 'en';
  private token: string | null = null;
  private partNames: Record<string, string> = {};
  private attendees = new Map<string, AttendeeView>();
  private help: HelpRequest[] = [];
  /** What the help queue shows now, so an unchanged queue is not drawn again. */
  private drawnHelp = '';
  private seq = 0;
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = 1000;
  private layout: ClassLayout = { parts: [], tasks: [], quizzes: [] };
  private deviceLink = '';

  connectedCallback() {
    this.t = readStrings<DashboardKey>(this);
    this.locale = this.dataset['locale'] ?? 'en';
    this.partNames = JSON.parse(this.dataset['partNames'] ?? '{}') as Record<string, string>;
    this.layout = {
      parts: parts(this, 'tr[data-part]').map((row) => row.dataset['part']!),
      tasks: parts(this, 'tr[data-task]').map((row) => row.dataset['task']!),
      quizzes: parts(this, '[data-quiz]').map((quiz) => ({ key: quiz.dataset['quiz']!, options: parts(quiz, '[data-option]').map((option) => option.dataset['option']!) })),
    };
    const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromLink) {
      safeSessionStorage.set(tokenKey, fromLink);
      history.replaceState(null, '', location.pathname);
    }
    this.token = fromLink ?? safeSessionStorage.get(tokenKey);
    part(this, '.dashboard-start').addEventListener('click', () => void this.start());
    part(this, '.dashboard-copy-link').addEventListener('click', () => void this.copyDeviceLink());
    part(this, '.dashboard-end-button').addEventListener('click', () => void this.end());
    part(this, '.dashboard-help').addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (button) void this.act(button);
    });
    void this.listen();
  }

  private headers(): Record<string, string> {
    return this.token ? { Authorization: `Bearer ${this.token}` } : {};
  }

  private say(key: 'classroom.dashboard.connecting' | 'classroom.dashboard.live' | 'classroom.dashboard.reconnecting') {
    part(this, '.dashboard-status').textContent = this.t(key);
  }

  private showMessage(text: string) {
    const message = part(this, '.dashboard-message');
    message.hidden = text === '';
    message.textContent = text;
  }

  /**
   * Listens to the stream for as long as the page is open, reading the class afresh at every (re)connection.
   * Events heard before that read are held, then applied; a read that fails ends the connection, and a read
   * from an earlier connection can never land after a newer one (each connection aborts its own).
   */
  private async listen(): Promise<void> {
    for (;;) {
      const connection = new AbortController();
      try {
        const response = await fetch(`${classroomApi}/instructor/events`, { headers: this.headers(), signal: connection.signal });
        const isStream = response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
        if (!isStream) return this.unavailable(response.status);
        const queued: ClassroomEvent[] = [];
        let loaded = false;
        this.load(connection.signal).then(
          () => {
            loaded = true;
            queued.splice(0).forEach((event) => this.apply(event));
            this.retryMs = 1000;
            this.say('classroom.dashboard.live');
          },
          () => connection.abort(),
        );
        for await (const data of sseEvents(response.body!)) {
          const event = JSON.parse(data) as ClassroomEvent;
          if (loaded) this.apply(event);
          else queued.push(event);
        }
      } catch {
        // The service stopped or restarted: say so and try again below.
      } finally {
        connection.abort();
      }
      this.say('classroom.dashboard.reconnecting');
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
      this.retryMs = Math.min(maxRetryMs, this.retryMs * 2);
    }
  }

  private unavailable(status: number) {
    part(this, '.dashboard-status').textContent = '';
    part(this, '.dashboard-class').hidden = true;
    this.showMessage(status === 403 ? this.t('classroom.dashboard.refused') : this.t('classroom.dashboard.unavailable', { locale: this.locale }));
  }

  private async load(signal: AbortSignal): Promise<void> {
    const response = await fetch(`${classroomApi}/instructor/state`, { headers: this.headers(), signal });
    if (!response.ok) throw new Error(`the classroom answered ${response.status}`);
    const answer = (await response.json()) as ClassAnswer;
    signal.throwIfAborted();
    this.show(answer);
  }

  private show(answer: ClassAnswer) {
    part(this, '.dashboard-class').hidden = !answer.open;
    part(this, '.dashboard-start').hidden = answer.open;
    if (!answer.open) {
      this.attendees.clear();
      this.seq = 0; // a class started next counts from the start
      if (part(this, '.dashboard-message').hidden) this.showMessage(this.t('classroom.dashboard.noClass'));
      return;
    }
    this.showMessage('');
    const { state, joinOrigins, instructorToken } = answer;
    this.seq = state.seq;
    this.attendees = new Map(state.attendees.map((attendee) => [attendee.id, attendee]));
    this.help = state.help;
    this.showJoinCard(state.code, joinOrigins[0] ?? location.origin, instructorToken);
    this.draw();
  }

  private showJoinCard(code: string, origin: string, instructorToken: string) {
    part(this, '.dashboard-code').textContent = code;
    const address = `${origin}/${this.locale}/classroom/join/#code=${code}`;
    const link = part<HTMLAnchorElement>(this, '.dashboard-join-link');
    link.href = address;
    link.textContent = `${origin}/${this.locale}/classroom/join/`;
    drawQrCode(part<SVGSVGElement>(this, 'svg.dashboard-qr'), address, this.t('classroom.dashboard.qrLabel', { address }));
    // Copied, never shown: the dashboard may be on a projector.
    this.deviceLink = `${origin}${location.pathname}#token=${instructorToken}`;
  }

  private async copyDeviceLink() {
    const status = part(this, '.dashboard-copy-status');
    try {
      await navigator.clipboard.writeText(this.deviceLink);
      status.textContent = this.t('classroom.dashboard.copied');
    } catch {
      status.textContent = this.t('classroom.dashboard.copyFailed');
    }
  }

  private apply(event: ClassroomEvent) {
    if (event.seq <= this.seq) return; // already in the state read at (re)connection
    this.seq = event.seq;
    if (event.kind === 'ended') return this.show({ open: false });
    if (event.kind === 'attendee') this.attendees.set(event.attendee.id, event.attendee);
    if (event.kind === 'left') this.attendees.delete(event.attendeeId);
    this.help = event.help;
    this.drawTimer ??= setTimeout(() => this.draw(), drawEveryMs);
  }

  private name(attendeeId: string): string {
    const attendee = this.attendees.get(attendeeId);
    return attendee?.name ?? `${this.t('classroom.dashboard.anonymous')} ${attendee?.seat ?? ''}`.trim();
  }

  private draw() {
    this.drawTimer = undefined;
    const attendees = [...this.attendees.values()];
    const summary = summarizeClass(attendees, this.layout);
    this.dataset['seq'] = String(this.seq);
    part(this, '.dashboard-room').textContent = this.t('classroom.dashboard.room', { count: summary.attendees });
    part(this, '.dashboard-sharing').textContent = this.t('classroom.dashboard.sharing', summary.sharing);
    this.drawCounts(summary);
    this.drawHelp();
    part(this, '.dashboard-attendees').replaceChildren(
      ...attendees.map((attendee) => {
        const item = document.createElement('li');
        const kinds = shareKinds.filter((kind) => attendee.shares[kind]).map((kind) => this.t(`classroom.kind.${kind}`));
        const shares = this.t('classroom.dashboard.attendeeShares', { kinds: kinds.length ? new Intl.ListFormat(this.locale).format(kinds) : '—' });
        item.append(Object.assign(document.createElement('span'), { className: 'attendee-name', textContent: this.name(attendee.id) }), ' ', shares);
        return item;
      }),
    );
  }

  private drawCounts(summary: ClassSummary) {
    const number = new Intl.NumberFormat(this.locale);
    const fill = (row: HTMLElement, counts: Record<string, number>) => {
      for (const [name, value] of Object.entries(counts)) {
        const cell = row.querySelector<HTMLElement>(`.count-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
        if (!cell) continue;
        cell.textContent = number.format(value);
        cell.dataset['count'] = String(value);
      }
    };
    for (const row of parts(this, 'tr[data-part]')) fill(row, { ...summary.parts[row.dataset['part']!]! });
    for (const row of parts(this, 'tr[data-task]')) fill(row, { ...summary.tasks[row.dataset['task']!]! });
    for (const row of parts(this, 'tr[data-check]')) fill(row, { ...summary.preflight[row.dataset['check'] as keyof ClassSummary['preflight']] });
    part(this, '.dashboard-ready').textContent = this.t('classroom.dashboard.ready', { ready: summary.ready, sharing: summary.sharing.preflight });
    for (const quiz of parts(this, '[data-quiz]')) {
      const counts = summary.quizzes[quiz.dataset['quiz']!]!;
      part(quiz, '.dashboard-answered').textContent = this.t('classroom.dashboard.answered', { count: counts.answered });
      for (const option of parts(quiz, '[data-option]')) {
        const chosen = counts.chosen[option.dataset['option']!] ?? 0;
        part(option, '.option-count').textContent = this.t('classroom.dashboard.chosenBy', { count: chosen });
        part(option, '.option-bar span').style.inlineSize = `${counts.answered ? (chosen / counts.answered) * 100 : 0}%`;
      }
    }
  }

  private drawHelp() {
    // The stream echoes the instructor's own Pin or Resolve after its reply has been drawn: drawing the same
    // queue again would swap the buttons under a pointer mid-click and lose the click.
    const drawing = JSON.stringify([this.help, this.help.map((request) => this.name(request.attendeeId))]);
    if (drawing === this.drawnHelp) return;
    this.drawnHelp = drawing;
    const time = new Intl.DateTimeFormat(this.locale, { timeStyle: 'short' });
    part(this, '.dashboard-help-count').textContent = this.help.length ? this.t('classroom.dashboard.helpCount', { count: this.help.length }) : '';
    part(this, '.dashboard-help').replaceChildren(
      ...this.help.map((request) => {
        const item = document.createElement('li');
        item.classList.toggle('pinned', request.pinned);
        item.dataset['attendee'] = request.attendeeId;
        const who = Object.assign(document.createElement('p'), { className: 'help-who' });
        who.textContent = this.t('classroom.dashboard.helpWho', { name: this.name(request.attendeeId), part: this.partNames[request.part] ?? request.part });
        const waiting = this.t('classroom.dashboard.waiting', { time: time.format(new Date(request.askedAt)) });
        const since = Object.assign(document.createElement('p'), { className: 'hint', textContent: request.pinned ? this.t('classroom.dashboard.pinned', { waiting }) : waiting });
        const note = Object.assign(document.createElement('p'), { className: 'help-note', textContent: request.note });
        const actions = Object.assign(document.createElement('p'), { className: 'help-actions' });
        const button = (action: string, label: string) => {
          const element = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
          Object.assign(element.dataset, { action, attendee: request.attendeeId, part: request.part });
          return element;
        };
        actions.append(button('resolve', this.t('classroom.dashboard.resolve')), request.pinned ? button('unpin', this.t('classroom.dashboard.unpin')) : button('pin', this.t('classroom.dashboard.pin')));
        item.append(who, ...(request.note ? [note] : []), since, actions);
        return item;
      }),
    );
  }

  private async act(button: HTMLButtonElement) {
    button.disabled = true;
    const { action, attendee, part: partKey } = button.dataset;
    try {
      const response = await fetch(`${classroomApi}/instructor/help`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ attendeeId: attendee, part: partKey, action }) });
      if (response.ok) {
        this.help = ((await response.json()) as { help: HelpRequest[] }).help;
        this.drawHelp();
      } // else the request was resolved elsewhere, or the class ended: the stream says so
    } finally {
      button.disabled = false;
    }
  }

  private async start() {
    const response = await fetch(`${classroomApi}/instructor/start`, { method: 'POST', headers: this.headers(), body: '{}' });
    if (response.ok) this.show((await response.json()) as ClassAnswer);
  }

  /** Ends the class: the export is saved first; the service deletes the class only as it hands the export over. */
  private async end() {
    if (!confirm(this.t('classroom.dashboard.endConfirm'))) return;
    const code = part(this, '.dashboard-code').textContent ?? 'class';
    let exported: { json: string; csv: string };
    try {
      const response = await fetch(`${classroomApi}/instructor/end`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ anonymous: this.t('classroom.dashboard.anonymous') }) });
      if (!response.ok) throw new Error(String(response.status));
      exported = (await response.json()) as { json: string; csv: string };
    } catch {
      return this.showMessage(this.t('classroom.dashboard.endFailed'));
    }
    const base = `class-${code}-${new Date().toISOString().slice(0, 10)}`;
    const files = [
      { name: `${base}.csv`, text: exported.csv, type: 'text/csv' },
      { name: `${base}.json`, text: exported.json, type: 'application/json' },
    ];
    for (const file of files) {
      const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
      Object.assign(document.createElement('a'), { href: url, download: file.name }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    this.show({ open: false });
    this.showMessage(this.t('classroom.dashboard.ended', { files: new Intl.ListFormat(this.locale).format(files.map((file) => file.name)) }));
  }
}

/** Registers <class-dashboard> once. */
export function defineClassDashboard(): void {
  if (!customElements.get('class-dashboard')) customElements.define('class-dashboard', ClassDashboard);
}
