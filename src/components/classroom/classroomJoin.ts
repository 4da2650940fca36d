/**
 * The behaviour of <classroom-join>: finds out whether this page is served by a classroom (then it joins
 * that one) or asks for the instructor's address; shows, as the attendee ticks, the exact snapshot they
 * would share; joins with the code; then shows what is shared, the link's status and what the instructor
 * holds, and leaves on request.
 */
import { classroomApi, shareKinds, type ShareKind, type Shares } from '../../lib/classroomProtocol';
import { preflightResultFromJson, sharedState, type Membership } from '../../lib/classroomMembership';
import { membershipKey, preflightResultKey } from '../../lib/classroomStorageKeys';
import type { Translate } from '../../lib/i18n';
import { classroomPort, classroomReachProblem, typedOrigin } from '../../lib/joinAddress';
import { safeStorage } from '../../lib/safeStorage';
import { part, parts } from '../dom';
import { browserProgress } from '../progress/browserProgress';
import { readStrings } from '../strings';
import { failureOf, heldByInstructor, storedMembership, type ClassroomFailure } from './classroomConnection';
import { joinedClassroom } from './classroomPresence';
import type { ClassroomJoinKey } from './classroomStrings';

/** How long the page waits to learn whether its own server is a classroom. */
const probeTimeoutMs = 3000;

/** Whether this page's own server is a classroom service. */
async function servedByClassroom(): Promise<boolean> {
  try {
    const response = await fetch(`${classroomApi}/class`, { signal: AbortSignal.timeout(probeTimeoutMs) });
    return response.ok && (response.headers.get('content-type') ?? '').includes('json');
  } catch {
    return false;
  }
}

class ClassroomJoin extends HTMLElement {
  private t!: Translate<ClassroomJoinKey>;
  private locale = 'en';
  private onClassroom = false;

  async connectedCallback() {
    this.t = readStrings<ClassroomJoinKey>(this);
    this.locale = this.dataset['locale'] ?? 'en';
    const form = part<HTMLFormElement>(this, 'form.join-form');
    const code = new URLSearchParams(location.hash.slice(1)).get('code');
    if (code) part<HTMLInputElement>(form, 'input[name="code"]').value = code;
    form.addEventListener('input', () => this.preview());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.join();
    });
    part(this, '.joined-held').addEventListener('toggle', (event) => {
      if ((event.currentTarget as HTMLDetailsElement).open) void this.showHeld();
    });
    part(this, '.joined-leave').addEventListener('click', () => void this.leave());

    // Served over plain http from another computer: no secure context, so no WebGPU (it falls back) and no clipboard.
    part(this, '.join-insecure').hidden = isSecureContext;
    this.onClassroom = await servedByClassroom();
    part(form, '.join-where').hidden = this.onClassroom;
    part<HTMLButtonElement>(form, '.join-submit').disabled = false;
    this.preview();
    if (storedMembership()) await this.showJoined();
  }

  private chosenShares(): Shares {
    const ticked = parts<HTMLInputElement>(this, 'input[name="share"]').filter((box) => box.checked).map((box) => box.value);
    return Object.fromEntries(shareKinds.map((kind) => [kind, ticked.includes(kind)])) as Shares;
  }

  private chosenName(): string | null {
    const form = part<HTMLFormElement>(this, 'form.join-form');
    const anonymous = part<HTMLInputElement>(form, 'input[name="identity"][value="anonymous"]').checked;
    return anonymous ? null : part<HTMLInputElement>(form, 'input[name="name"]').value.trim();
  }

  /** The snapshot the instructor would receive, shown verbatim. */
  private preview() {
    const shares = this.chosenShares();
    const state = sharedState({ shares, parts: storedMembership()?.parts ?? {} }, browserProgress().progress, preflightResultFromJson(safeStorage.get(preflightResultKey)));
    part(this, '.join-preview-json').textContent = JSON.stringify({ name: this.chosenName() || null, shared: state }, null, 2);
  }

  private showError(text: string, link?: string) {
    const box = part(this, '.join-error');
    if (!link) return void (box.textContent = text);
    const [before, after] = text.split('{link}');
    const anchor = Object.assign(document.createElement('a'), { href: link, textContent: link });
    anchor.dir = 'ltr';
    box.replaceChildren(before ?? '', anchor, after ?? '');
  }

  private failure(failure: ClassroomFailure, origin: string) {
    this.showError(this.t(`classroom.error.${failure}`, { origin }));
  }

  /** The classroom's origin from the form, or undefined after saying what is wrong with it. */
  private classroomOrigin(): string | undefined {
    if (this.onClassroom) return location.origin;
    const typed = typedOrigin(part<HTMLInputElement>(this, 'input[name="origin"]').value);
    if (!typed.ok) return void this.showError(this.t('classroom.error.not-an-address'));
    const problem = classroomReachProblem(location.origin, typed.origin);
    if (!problem) return typed.origin;
    const code = part<HTMLInputElement>(this, 'input[name="code"]').value.trim();
    const link = `${typed.origin}${location.pathname}${code ? `#code=${encodeURIComponent(code)}` : ''}`;
    this.showError(this.t(`classroom.error.${problem}`, { port: classroomPort }), link);
    return undefined;
  }

  private async join() {
    this.showError('');
    const form = part<HTMLFormElement>(this, 'form.join-form');
    const codeInput = part<HTMLInputElement>(form, 'input[name="code"]');
    const name = this.chosenName();
    if (!codeInput.value.trim()) return this.showError(this.t('classroom.error.noCode'));
    if (name === '') return this.showError(this.t('classroom.error.noName'));
    const origin = this.classroomOrigin();
    if (!origin) return;
    const submit = part<HTMLButtonElement>(form, '.join-submit');
    submit.disabled = true;
    submit.textContent = this.t('classroom.join.joining');
    const shares = this.chosenShares();
    try {
      const response = await fetch(`${origin}${classroomApi}/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: codeInput.value, name, shares }),
      });
      if (!response.ok) return this.failure(await failureOf(response), origin);
      const { token, attendee } = (await response.json()) as { token: string; attendee: { id: string; joinedAt: string; name: string | null } };
      const membership: Membership = { origin, token, attendeeId: attendee.id, name: attendee.name, shares, parts: {}, joinedAt: attendee.joinedAt };
      safeStorage.set(membershipKey, JSON.stringify(membership));
      history.replaceState(null, '', location.pathname);
      await this.showJoined();
      part(this, '#joined-title').focus();
    } catch {
      this.failure('unreachable', origin);
    } finally {
      submit.disabled = false;
      submit.textContent = this.t('classroom.join.submit');
    }
  }

  private async showJoined() {
    const connection = await joinedClassroom();
    if (!connection) return;
    const { name, origin, shares } = connection.current;
    part(this, 'form.join-form').hidden = true;
    part(this, '.join-left').textContent = '';
    part(this, '.joined').hidden = false;
    part(this, '.joined-who').textContent = name ? this.t('classroom.joined.as', { name, origin }) : this.t('classroom.joined.anonymous', { origin });
    const kinds = shareKinds.filter((kind: ShareKind) => shares[kind]).map((kind) => this.t(`classroom.kind.${kind}`));
    part(this, '.joined-sharing').textContent = kinds.length ? this.t('classroom.joined.sharing', { kinds: new Intl.ListFormat(this.locale).format(kinds) }) : this.t('classroom.joined.sharingNothing');
    connection.onStatus((status) => {
      part(this, '.joined-status').textContent = this.t(`classroom.status.${status}`);
      if (status === 'ended' && !storedMembership()) this.showForm();
    });
  }

  private async showHeld() {
    const membership = storedMembership();
    if (!membership) return;
    const held = await heldByInstructor(membership);
    part(this, '.joined-held-json').textContent = typeof held === 'string' ? this.t(`classroom.error.${held}`, { origin: membership.origin }) : JSON.stringify({ name: held.attendee.name, shared: held.attendee.state }, null, 2);
  }

  private showForm() {
    part(this, '.joined').hidden = true;
    part(this, 'form.join-form').hidden = false;
    this.preview();
  }

  private async leave() {
    const connection = await joinedClassroom();
    if (!connection) return this.showForm();
    const outcome = await connection.leave();
    this.showForm();
    part(this, '.join-left').textContent = this.t(outcome === 'left' ? 'classroom.joined.left' : 'classroom.joined.leftOffline');
  }
}

/** Registers <classroom-join> once. */
export function defineClassroomJoin(): void {
  if (!customElements.get('classroom-join')) customElements.define('classroom-join', ClassroomJoin);
}
