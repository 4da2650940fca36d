/**
 * The one script every page loads: it finds the live elements on the page and loads each one's code (and its
 * UI strings, `/<locale>/strings/<tag>.json`): a lesson's only after the page has loaded, and a demo's only
 * once it comes near the screen. So a lesson's first load carries this file alone, and a reader who never
 * scrolls to a demo downloads nothing of it. Every element's markup is laid out before its code arrives, and
 * its controls that need the code are disabled until then.
 */
import { mayHaveJoined } from './classroom/classroomPresence';
import type { StringSetTag } from './stringSets';

/** What one kind of element needs: where it is, when to load it, and how. */
interface Behaviour {
  /** Elements this behaviour drives. */
  selector: string;
  /**
   * `now`: at once (a page's own tool, on a page that is not a lesson: the home page's progress, search, the
   * classroom, the instructor's controls); `loaded`: once the page has loaded; `visible`: once an element
   * comes within 800 px of the screen, after the page has loaded.
   */
  when: 'now' | 'loaded' | 'visible';
  /** The string set (by tag) to fetch into each element's `data-strings` before its code runs. */
  strings?: StringSetTag;
  /** Whether to load at all on this visit (checked after the page has loaded). */
  wanted?: () => boolean;
  start(elements: HTMLElement[]): Promise<unknown> | unknown;
}

const behaviours: Behaviour[] = [
  { selector: 'offline-status', when: 'loaded', strings: 'offline-status', start: () => import('./offline/offlineStatus').then((module) => module.defineOfflineStatus()) },
  { selector: 'theme-picker', when: 'loaded', start: () => import('./course/themePicker').then((module) => module.defineThemePicker()) },
  { selector: 'language-picker', when: 'loaded', start: () => import('./course/languagePicker').then((module) => module.defineLanguagePicker()) },
  { selector: '[data-locale-choice]', when: 'loaded', start: () => import('./course/languageChoice').then((module) => module.rememberLocaleChoices(document)) },
  { selector: '[data-progress-lesson]', when: 'loaded', start: () => import('./progress/progressBadges').then((module) => module.showProgressBadges(document)) },
  { selector: 'article.lesson', when: 'loaded', start: ([article]) => import('./progress/lastVisit').then((module) => module.trackLastVisit(article!)) },
  { selector: 'os-tabs', when: 'loaded', start: () => import('./course/osTabs').then((module) => module.defineOsTabs()) },
  { selector: 'code-block', when: 'loaded', strings: 'code-block', start: () => import('./course/codeBlock').then((module) => module.defineCodeBlock()) },
  { selector: 'course-search', when: 'now', strings: 'course-search', start: () => import('./course/courseSearch').then((module) => module.defineCourseSearch()) },
  {
    selector: 'part-signals',
    when: 'loaded',
    strings: 'part-signals',
    // A reader who never joined a class loads nothing more than this check.
    wanted: mayHaveJoined,
    start: () => import('./classroom/partSignals').then((module) => module.definePartSignals()),
  },
  { selector: 'course-checklist', when: 'loaded', strings: 'course-checklist', start: () => import('./progress/checklist').then((module) => module.defineChecklist()) },
  { selector: 'course-quiz', when: 'loaded', strings: 'course-quiz', start: () => import('./quiz/courseQuiz').then((module) => module.defineCourseQuiz()) },
  { selector: 'course-progress', when: 'now', strings: 'course-progress', start: () => import('./progress/progressPanel').then((module) => module.defineCourseProgress()) },
  { selector: 'webgpu-status', when: 'visible', strings: 'webgpu-status', start: () => import('./inference/webGpuStatus').then((module) => module.defineWebGpuStatus()) },
  { selector: 'digit-pad', when: 'visible', strings: 'digit-pad', start: () => import('./inference/digitPad').then((module) => module.defineDigitPad()) },
  { selector: 'provider-benchmark', when: 'visible', strings: 'provider-benchmark', start: () => import('./inference/providerBenchmark').then((module) => module.defineProviderBenchmark()) },
  { selector: 'onnx-inspector', when: 'visible', strings: 'onnx-inspector', start: () => import('./inference/onnxInspector').then((module) => module.defineOnnxInspector()) },
  { selector: 'browser-model', when: 'visible', strings: 'browser-model', start: () => import('./languagemodel/browserModel').then((module) => module.defineBrowserModel()) },
  { selector: 'endpoint-panel', when: 'visible', strings: 'endpoint-panel', start: () => import('./endpoint/endpointPanel').then((module) => module.defineEndpointPanel()) },
  { selector: 'chat-playground', when: 'visible', strings: 'chat-playground', start: () => import('./chat/chatPlayground').then((module) => module.defineChatPlayground()) },
  { selector: 'model-compare', when: 'visible', strings: 'model-compare', start: () => import('./chat/modelCompare').then((module) => module.defineModelCompare()) },
  { selector: 'hybrid-router', when: 'visible', strings: 'hybrid-router', start: () => import('./chat/hybridRouter').then((module) => module.defineHybridRouter()) },
  { selector: 'rag-chat', when: 'visible', strings: 'rag-chat', start: () => import('./chat/ragChat').then((module) => module.defineRagChat()) },
  { selector: 'decision-matrix', when: 'visible', strings: 'decision-matrix', start: () => import('./deployment/decisionMatrix').then((module) => module.defineDecisionMatrix()) },
  { selector: 'open-webui-setup', when: 'visible', strings: 'open-webui-setup', start: () => import('./deployment/openWebUiSetup').then((module) => module.defineOpenWebUiSetup()) },
  { selector: 'pre-flight', when: 'now', strings: 'pre-flight', start: () => import('./preflight/preflight').then((module) => module.definePreflight()) },
  { selector: 'agenda-planner', when: 'now', strings: 'agenda-planner', start: () => import('./schedule/agendaPlanner').then((module) => module.defineAgendaPlanner()) },
  { selector: 'classroom-join', when: 'now', strings: 'classroom-join', start: () => import('./classroom/classroomJoin').then((module) => module.defineClassroomJoin()) },
  { selector: 'class-dashboard', when: 'now', strings: 'class-dashboard', start: () => import('./classroom/classDashboard').then((module) => module.defineClassDashboard()) },
  { selector: 'presenter-controls', when: 'now', start: () => import('./instructor/presenterControls').then((module) => module.definePresenterControls()) },
  { selector: 'presenter-clock', when: 'now', strings: 'presenter-clock', start: () => import('./instructor/presenterClock').then((module) => module.definePresenterClock()) },
  { selector: 'join-card', when: 'now', strings: 'join-card', start: () => import('./instructor/joinCard').then((module) => module.defineJoinCard()) },
];

/** Fetches a string set once per page and hands it to every element of it. */
async function handStrings(tag: StringSetTag, elements: HTMLElement[]): Promise<void> {
  const response = await fetch(`/${document.documentElement.lang}/strings/${tag}.json`);
  if (!response.ok) throw new Error(`${tag}: strings answered ${response.status}`);
  const strings = await response.text();
  for (const element of elements) element.dataset['strings'] = strings;
}

/** Says, in an element whose code could not load, that it could not and that it will try again (the text is the page's own, `data-part-failed`). */
function showLoadFailure(elements: HTMLElement[], failed: boolean): void {
  for (const element of elements) {
    element.querySelector(':scope > .part-failed')?.remove();
    if (!failed) continue;
    const note = Object.assign(document.createElement('p'), { className: 'notice part-failed', textContent: document.body.dataset['partFailed'] ?? '' });
    note.setAttribute('role', 'status');
    element.prepend(note);
  }
}

/** Each behaviour's load once begun, so that a click can wait for it; those that have finished; those whose last load failed. */
const loading = new Map<Behaviour, Promise<void>>();
const started = new Set<Behaviour>();
const failed = new Set<Behaviour>();

/** Loads one behaviour: its strings and its code together, then its elements upgrade; offline before they were stored, it tries again once the network is back. */
function load(behaviour: Behaviour, elements: HTMLElement[]): Promise<void> {
  const begun = loading.get(behaviour);
  if (begun) return begun;
  const attempt = (async () => {
    try {
      if (behaviour.strings) await handStrings(behaviour.strings, elements);
      await behaviour.start(elements);
      started.add(behaviour);
      failed.delete(behaviour);
      showLoadFailure(elements, false);
    } catch {
      loading.delete(behaviour);
      failed.add(behaviour);
      showLoadFailure(elements, true);
      addEventListener('online', () => void load(behaviour, elements), { once: true });
    }
  })();
  loading.set(behaviour, attempt);
  return attempt;
}

/** Controls whose clicks mean something only to their part's code (a radio or a box keeps its own state, which the code reads). */
const controls = 'button, [role="tab"]';

/** Keys a part's code gives meaning to on its tabs (moving between them); every other key, and any with Alt, Ctrl or Meta, is the browser's. */
const tabKeys = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/** Whether `event` (the reader's own, not a replay) on `control` means nothing until its part's code listens. */
function needsCode(event: MouseEvent | KeyboardEvent, control: Element): boolean {
  if (!event.isTrusted) return false;
  if (!(event instanceof KeyboardEvent)) return true;
  return tabKeys.has(event.key) && control.matches('[role="tab"]') && !event.altKey && !event.ctrlKey && !event.metaKey;
}

/** The same click or key again, on `control`, now that its part's code listens. */
function replay(event: MouseEvent | KeyboardEvent, control: HTMLElement): void {
  if (event instanceof KeyboardEvent) control.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, code: event.code, shiftKey: event.shiftKey, bubbles: true, cancelable: true }));
  else control.click();
}

/**
 * A click on an enabled button or tab, or an arrow key on a tab, in a part whose code has not arrived (a
 * learner quick to choose a shell) is held, not lost: that part loads at once, and the event is replayed once
 * it has. Only the nearest part not yet defined holds it, and one whose code failed to load lets events by.
 */
function holdEarlyInput(event: MouseEvent | KeyboardEvent): void {
  const control = event.target instanceof Element ? event.target.closest<HTMLElement>(controls) : null;
  const part = control?.closest(':not(:defined)');
  if (!control || !part || !needsCode(event, control)) return;
  const behaviour = behaviours.find((candidate) => part.matches(candidate.selector));
  if (!behaviour || started.has(behaviour) || failed.has(behaviour) || (behaviour.wanted && !behaviour.wanted())) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  void load(behaviour, [...document.querySelectorAll<HTMLElement>(behaviour.selector)]).then(() => started.has(behaviour) && replay(event, control));
}

/** Starts `behaviour` for `elements` when they come near the screen. */
function loadWhenVisible(behaviour: Behaviour, elements: HTMLElement[]): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void load(behaviour, elements);
    },
    { rootMargin: '800px 0px' },
  );
  elements.forEach((element) => observer.observe(element));
}

/** Finds the elements of each behaviour timed `when` and loads it, or watches for them to come near. */
function startBehaviours(when: 'now' | 'loaded'): void {
  for (const behaviour of behaviours.filter((candidate) => (when === 'now' ? candidate.when === 'now' : candidate.when !== 'now'))) {
    const elements = [...document.querySelectorAll<HTMLElement>(behaviour.selector)];
    if (elements.length === 0 || (behaviour.wanted && !behaviour.wanted())) continue;
    if (behaviour.when === 'visible') loadWhenVisible(behaviour, elements);
    else void load(behaviour, elements);
  }
}

addEventListener('click', holdEarlyInput, { capture: true });
addEventListener('keydown', holdEarlyInput, { capture: true });
startBehaviours('now');
if (document.readyState === 'complete') startBehaviours('loaded');
else addEventListener('load', () => startBehaviours('loaded'), { once: true });
