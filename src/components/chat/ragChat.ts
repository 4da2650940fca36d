/**
 * The behaviour of <rag-chat>: load the course's passages, add the learner's files, rank (keywords,
 * meaning or both), show the passages and the exact prompt, stream the answer and link its citations.
 */
import { fuseRankings, isEmbeddingModel, rankByEmbedding } from '../../lib/embeddingRanking';
import { describeMetrics } from '../../lib/chatStream';
import { formatNumber } from '../../lib/formatting';
import { interpolate } from '../../lib/i18n';
import { learnerFilePassages, problemBeforeReading, type FileProblem } from '../../lib/learnerFiles';
import { pathInLocale } from '../../lib/locales';
import type { Passage } from '../../lib/passages';
import { createPassageIndex, type PassageIndex, type RankedPassage } from '../../lib/passageSearch';
import { citedPassages, ragMessages, splitCitations } from '../../lib/ragPrompt';
import { StreamBrokeOff, streamChat } from './chatStreamRunner';
import { chatClient, currentChoice, onChoice, type EndpointChoice } from './endpointChoice';
import { failureOf, showDiagnosis } from './diagnosisView';
import { markTaskDone } from './progressClient';
import { highlightCode, renderMarkdown } from './renderMarkdown';
import { listOfNodes, readStrings } from '../dom';

type Ranking = 'keyword' | 'embedding' | 'hybrid';

/** The checklist task that following a citation proves done. */
const ragTaskId = 'rag-cited-answer';
const passagesShown = 3;
/** How many candidates each ranking offers before fusion. */
const candidates = 10;
const embeddingBatch = 32;
const excerptChars = 280;

/** A promise that rejects as soon as the signal aborts, without cancelling the shared work behind it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

class RagChat extends HTMLElement {
  private strings: Record<string, string> = {};
  private locale = 'en';
  private corpus: Promise<Passage[]> | undefined;
  private readonly files = new Map<string, Passage[]>();
  /** The course and the learner's files, indexed: rebuilt when the files change. */
  private searchable: { passages: Passage[]; index: PassageIndex } | undefined;
  /** Embeddings by endpoint and model, then by passage id: computed once per visit. */
  private readonly embeddings = new Map<string, Map<string, number[]>>();
  private controller: AbortController | undefined;

  connectedCallback() {
    this.strings = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('textarea, .rag-file-input, .demo-start, input[value="keyword"]'))
      control.disabled = false;
    this.offerRankings(currentChoice());
    onChoice((choice) => this.offerRankings(choice));
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.ask(this.querySelector('textarea')!.value);
    });
    this.querySelector('.chat-stop')!.addEventListener('click', () => this.controller?.abort());
    this.querySelector<HTMLInputElement>('.rag-file-input')!.addEventListener('change', (event) => {
      const input = event.currentTarget as HTMLInputElement;
      void this.addFiles([...(input.files ?? [])]).then(() => (input.value = ''));
    });
  }

  private embeddingModel(choice = currentChoice()): string | undefined {
    return choice?.models.find((model) => isEmbeddingModel(model.id) && model.loaded !== false)?.id;
  }

  /** Meaning and hybrid ranking need an embedding model on the chosen endpoint. */
  private offerRankings(choice: EndpointChoice | undefined) {
    const available = this.embeddingModel(choice) !== undefined;
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[name="rag-ranking"]:not([value="keyword"])')) {
      radio.disabled = !available;
      if (!available && radio.checked) this.querySelector<HTMLInputElement>('input[value="keyword"]')!.checked = true;
    }
    this.querySelector('.rag-ranking-note')!.textContent = available ? '' : (this.strings['rag.needsEmbeddings'] ?? '');
  }

  private async addFiles(files: File[]) {
    const problems: string[] = [];
    for (const file of files) {
      let read: Passage[] | FileProblem | 'unreadable';
      try {
        read = problemBeforeReading(file.name, file.size) ?? learnerFilePassages(file.name, await file.text());
      } catch {
        read = 'unreadable'; // gone from disk, or access revoked, since it was chosen
      }
      if (typeof read === 'string') problems.push(interpolate(this.strings[`rag.file.${read}`] ?? '', { name: file.name, size: this.strings['maxSize'] ?? '' }));
      else {
        this.forgetEmbeddings(file.name);
        this.files.set(file.name, read);
      }
    }
    this.querySelector('.rag-file-problems')!.textContent = problems.join(' ');
    this.searchable = undefined;
    this.listFiles();
  }

  private listFiles() {
    const list = this.querySelector('.rag-files')!;
    list.replaceChildren(
      ...[...this.files].map(([name, passages]) => {
        const item = document.createElement('li');
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: interpolate(this.strings['rag.removeFile'] ?? '', { name }) });
        remove.addEventListener('click', () => {
          this.forgetEmbeddings(name);
          this.files.delete(name);
          this.searchable = undefined;
          this.listFiles();
        });
        item.append(interpolate(this.strings['rag.fileAdded'] ?? '', { name, count: passages.length }), ' ', remove);
        return item;
      }),
    );
  }

  /** A file added again under the same name may have changed: its passages get embedded afresh. */
  private forgetEmbeddings(fileName: string) {
    for (const passage of this.files.get(fileName) ?? []) for (const known of this.embeddings.values()) known.delete(passage.id);
  }

  private async searchablePassages(signal: AbortSignal): Promise<{ passages: Passage[]; index: PassageIndex }> {
    const corpus = (this.corpus ??= fetch(this.dataset['corpus'] ?? '').then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { passages: Passage[] }).passages;
    }));
    let course: Passage[];
    try {
      course = await untilAborted(corpus, signal);
    } catch (error) {
      if (!signal.aborted) this.corpus = undefined; // let the next question try again
      throw error;
    }
    if (!this.searchable) {
      const passages = [...course, ...[...this.files.values()].flat()];
      this.searchable = { passages, index: createPassageIndex(passages, this.locale) };
    }
    return this.searchable;
  }

  /** Ranks by meaning: every passage embedded once per model, then compared with the question's embedding. */
  private async rankByMeaning(question: string, passages: readonly Passage[], model: string, choice: EndpointChoice, signal: AbortSignal): Promise<RankedPassage[]> {
    const client = await chatClient(choice);
    const cacheKey = `${choice.baseUrl} ${model}`;
    const known = this.embeddings.get(cacheKey) ?? new Map<string, number[]>();
    this.embeddings.set(cacheKey, known);
    const missing = passages.filter((passage) => !known.has(passage.id));
    const embed = async (inputs: string[]) =>
      (await client.embeddings.create({ model, input: inputs, encoding_format: 'float' }, { signal })).data.sort((a, b) => a.index - b.index).map((item) => item.embedding);
    for (let start = 0; start < missing.length; start += embeddingBatch) {
      this.status(interpolate(this.strings['rag.embedding'] ?? '', { done: start, total: missing.length }));
      const batch = missing.slice(start, start + embeddingBatch);
      const vectors = await embed(batch.map((passage) => `${passage.section}\n${passage.text}`));
      batch.forEach((passage, index) => known.set(passage.id, vectors[index] ?? []));
    }
    const [query] = await embed([question]);
    return rankByEmbedding(query ?? [], passages, passages.map((passage) => known.get(passage.id) ?? []), candidates);
  }

  private async retrieve(question: string, ranking: Ranking, choice: EndpointChoice | undefined, signal: AbortSignal): Promise<RankedPassage[]> {
    const { passages, index } = await this.searchablePassages(signal);
    const byKeyword = index.search(question, ranking === 'keyword' ? passagesShown : candidates);
    const model = this.embeddingModel(choice);
    if (ranking === 'keyword' || !choice || !model) return byKeyword.slice(0, passagesShown);
    this.querySelector('.rag-ranking-note')!.textContent = ''; // an earlier failure no longer applies
    try {
      const byMeaning = await this.rankByMeaning(question, passages, model, choice, signal);
      return ranking === 'embedding' ? byMeaning.slice(0, passagesShown) : fuseRankings([byKeyword, byMeaning], passagesShown);
    } catch (error) {
      if (signal.aborted) throw error;
      this.querySelector('.rag-ranking-note')!.textContent = interpolate(this.strings['rag.embeddingFailed'] ?? '', { detail: error instanceof Error ? error.message : String(error) });
      return byKeyword.slice(0, passagesShown);
    }
  }

  private passageAnchor(number: number): string {
    return `${this.id || 'rag'}-passage-${number}`;
  }

  private showPassages(retrieved: readonly RankedPassage[]) {
    this.querySelector('.rag-passages')!.replaceChildren(
      ...retrieved.map(({ passage, score }, index) => {
        const item = document.createElement('li');
        item.id = this.passageAnchor(index + 1);
        const title = passage.href ? Object.assign(document.createElement('a'), { href: passage.href }) : document.createElement('strong');
        title.textContent = passage.section;
        const scoreText = Object.assign(document.createElement('span'), { className: 'rag-score', textContent: interpolate(this.strings['rag.score'] ?? '', { score: formatNumber(score, this.locale) }) });
        const excerpt = passage.text.length > excerptChars ? `${passage.text.slice(0, excerptChars)}…` : passage.text;
        const text = Object.assign(document.createElement('p'), { className: 'rag-passage-text', textContent: excerpt });
        text.dir = 'auto';
        item.append(title, ` — ${passage.source} `, scoreText, text);
        return item;
      }),
    );
  }

  /** Turns each `[n]` in the rendered answer into a link to passage n's section (or its place in the list). */
  private linkCitations(answer: HTMLElement, retrieved: readonly RankedPassage[]) {
    const walker = document.createTreeWalker(answer, NodeFilter.SHOW_TEXT);
    const textNodes: Text[] = [];
    while (walker.nextNode()) if (!(walker.currentNode.parentElement?.closest('a, code, pre'))) textNodes.push(walker.currentNode as Text);
    for (const node of textNodes) {
      const pieces = splitCitations(node.data, retrieved.length);
      if (!pieces.some((piece) => typeof piece === 'number')) continue;
      node.replaceWith(...pieces.map((piece) => (typeof piece === 'string' ? piece : this.citationLink(piece, retrieved[piece - 1]!.passage))));
    }
  }

  /** A link to a cited passage's section; following one is what the checklist task asks for. */
  private citationLink(number: number, passage: Passage): HTMLAnchorElement {
    const link = Object.assign(document.createElement('a'), { className: 'citation', href: passage.href ?? `#${this.passageAnchor(number)}`, textContent: `[${number}]`, title: passage.section });
    link.addEventListener('click', () => markTaskDone(pathInLocale(location.pathname), ragTaskId));
    return link;
  }

  private showCitations(answerText: string, retrieved: readonly RankedPassage[]) {
    const cited = citedPassages(answerText, retrieved.length);
    const line = this.querySelector('.rag-citations')!;
    if (cited.length === 0) {
      line.textContent = this.strings['rag.noCitations'] ?? '';
      return;
    }
    const links = cited.map((number) => {
      const link = this.citationLink(number, retrieved[number - 1]!.passage);
      link.textContent = `[${number}] ${retrieved[number - 1]!.passage.section}`;
      return link;
    });
    line.replaceChildren(this.strings['rag.cited'] ?? '', ' ', ...listOfNodes(links, this.locale));
  }

  private status(text: string) {
    this.querySelector('.rag-status')!.textContent = text;
  }

  private async ask(question: string) {
    const results = this.querySelector<HTMLElement>('.rag-results')!;
    const answer = this.querySelector<HTMLElement>('.rag-answer')!;
    const metrics = this.querySelector('.chat-metrics')!;
    const diagnosis = this.querySelector<HTMLElement>('.diagnosis')!;
    const send = this.querySelector<HTMLButtonElement>('.demo-start')!;
    const stop = this.querySelector<HTMLButtonElement>('.chat-stop')!;
    const ranking = (this.querySelector<HTMLInputElement>('input[name="rag-ranking"]:checked')?.value ?? 'keyword') as Ranking;
    this.controller = new AbortController();
    const { signal } = this.controller;
    delete this.dataset['complete'];
    send.disabled = true;
    stop.disabled = false;
    answer.replaceChildren();
    metrics.textContent = '';
    this.querySelector('.rag-citations')!.textContent = '';
    showDiagnosis(diagnosis, undefined, undefined, this.strings);
    this.status(this.strings['rag.searching'] ?? '');
    const choice = currentChoice();
    try {
      let retrieved: RankedPassage[];
      try {
        retrieved = await this.retrieve(question, ranking, choice, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        results.hidden = true;
        this.status(interpolate(this.strings['rag.corpusFailed'] ?? '', { detail: error instanceof Error ? error.message : String(error) }));
        return;
      }
      this.showPassages(retrieved);
      if (retrieved.length === 0) {
        results.hidden = true;
        this.status(this.strings['rag.noPassages'] ?? '');
        return;
      }
      const messages = ragMessages(question, retrieved, {
        instructions: this.strings['rag.instructions'] ?? '',
        passagesHeading: this.strings['rag.promptPassages'] ?? '',
        questionHeading: this.strings['rag.promptQuestion'] ?? '',
      });
      this.querySelector('.rag-prompt-text')!.textContent = JSON.stringify({ model: choice?.model ?? '', messages }, null, 2);
      results.hidden = false;
      if (!choice?.model) {
        this.status(this.strings['rag.needsModel'] ?? '');
        return;
      }
      this.status('');
      answer.setAttribute('aria-busy', 'true');
      const result = await streamChat(choice, choice.model, messages, signal, (text) => renderMarkdown(answer, text));
      this.linkCitations(answer, retrieved);
      this.showCitations(result.text, retrieved);
      metrics.textContent = describeMetrics(this.strings['chat.metrics'] ?? '', result.metrics, this.locale);
      if (signal.aborted) this.status(this.strings['chat.stopped'] ?? '');
      this.dataset['complete'] = 'true';
      await highlightCode(answer);
    } catch (error) {
      if (signal.aborted) this.status(this.strings['chat.stopped'] ?? '');
      else if (error instanceof StreamBrokeOff) this.status(interpolate(this.strings['chat.brokeOff'] ?? '', { detail: error.message }));
      else showDiagnosis(diagnosis, failureOf(error, choice), choice, this.strings);
    } finally {
      answer.setAttribute('aria-busy', 'false');
      send.disabled = false;
      stop.disabled = true;
    }
  }
}

export function defineRagChat(): void {
  if (!customElements.get('rag-chat')) customElements.define('rag-chat', RagChat);
}
