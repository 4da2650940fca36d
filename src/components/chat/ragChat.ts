/**
 * The behaviour of <rag-chat>: rank the course's passages and the learner's files (keywords, meaning or
 * both), show the passages and the exact prompt, stream the answer and link its citations.
 */
import { fuseRankings } from '../../lib/embeddingRanking';
import { formatNumber } from '../../lib/formatting';
import { translateFrom, type Translate } from '../../lib/i18n';
import type { Passage } from '../../lib/passages';
import type { RankedPassage } from '../../lib/passageSearch';
import { citedPassages, ragMessages } from '../../lib/ragPrompt';
import { listOfNodes, part, parts } from '../dom';
import { currentChoice, onChoice, type EndpointChoice } from '../endpoint/endpointStore';
import { markTaskDone } from '../progress/browserProgress';
import { readStrings } from '../strings';
import { followModelServer } from './modelServerState';
import type { RagChatKey } from './chatStrings';
import { embeddingModelOf, MeaningRanking } from './meaningRanking';
import { linkCitations } from './ragCitations';
import { RagCorpus } from './ragCorpus';
import { StreamedAnswer } from './streamedAnswer';
import { streamCompletion } from './streamCompletion';

type Ranking = 'keyword' | 'embedding' | 'hybrid';

/** The checklist task that following a citation proves done. */
const ragTaskId = 'rag-cited-answer';
const passagesShown = 3;
/** How many candidates each ranking offers before fusion. */
const candidates = 10;
const excerptChars = 280;

class RagChat extends HTMLElement {
  private t: Translate<RagChatKey> = translateFrom<RagChatKey>({});
  private locale = 'en';
  private readonly meaning = new MeaningRanking();

  connectedCallback() {
    this.t = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    const corpus = new RagCorpus(this.dataset['corpus'] ?? '', this.locale, (passages) => this.meaning.forget(passages));
    const answer = new StreamedAnswer(this, this.t, this.locale);
    for (const control of parts<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>(this, 'textarea, .rag-file-input, .demo-start, input[value="keyword"]'))
      control.disabled = false;
    this.offerRankings(currentChoice());
    onChoice((choice) => this.offerRankings(choice));
    followModelServer(this, this.t, () => Boolean(currentChoice()?.model), { sendWaits: false }); // without a model, Ask still shows the passages and the prompt
    part(this, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.ask(part<HTMLTextAreaElement>(this, 'textarea').value, corpus, answer);
    });
    const fileInput = part<HTMLInputElement>(this, '.rag-file-input');
    fileInput.addEventListener('change', async () => {
      const refused = await corpus.add([...(fileInput.files ?? [])]);
      fileInput.value = '';
      const size = this.dataset['maxSize'] ?? '';
      part(this, '.rag-file-problems').textContent = refused.map(({ name, problem }) => this.t(`rag.file.${problem}`, { name, size })).join(' ');
      this.listFiles(corpus);
    });
  }

  /** Meaning and hybrid ranking need an embedding model on the chosen endpoint. */
  private offerRankings(choice: EndpointChoice | undefined) {
    const available = embeddingModelOf(choice) !== undefined;
    for (const radio of parts<HTMLInputElement>(this, 'input[name="rag-ranking"]:not([value="keyword"])')) {
      radio.disabled = !available;
      if (!available && radio.checked) part<HTMLInputElement>(this, 'input[value="keyword"]').checked = true;
    }
  }

  private rankingNote(text: string) {
    part(this, '.rag-ranking-note').textContent = text;
  }

  private listFiles(corpus: RagCorpus) {
    part(this, '.rag-files').replaceChildren(
      ...corpus.learnerFiles().map(({ name, passages }) => {
        const item = document.createElement('li');
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: this.t('rag.removeFile', { name }) });
        remove.addEventListener('click', () => {
          corpus.remove(name);
          this.listFiles(corpus);
        });
        item.append(this.t('rag.fileAdded', { name, count: passages }), ' ', remove);
        return item;
      }),
    );
  }

  private async retrieve(question: string, ranking: Ranking, choice: EndpointChoice | undefined, corpus: RagCorpus, answer: StreamedAnswer, signal: AbortSignal): Promise<RankedPassage[]> {
    const { passages, index } = await corpus.passages(signal);
    const byKeyword = index.search(question, ranking === 'keyword' ? passagesShown : candidates);
    const model = embeddingModelOf(choice);
    if (ranking === 'keyword' || !choice || !model) return byKeyword.slice(0, passagesShown);
    this.rankingNote(''); // an earlier failure no longer applies
    try {
      const byMeaning = await this.meaning.rank(question, passages, {
        choice, model, limit: candidates, signal, onProgress: (done, total) => answer.status(this.t('rag.embedding', { done, total })),
      });
      return ranking === 'embedding' ? byMeaning.slice(0, passagesShown) : fuseRankings([byKeyword, byMeaning], passagesShown);
    } catch (error) {
      if (signal.aborted) throw error;
      this.rankingNote(this.t('rag.embeddingFailed', { detail: error instanceof Error ? error.message : String(error) }));
      return byKeyword.slice(0, passagesShown);
    }
  }

  private passageAnchor(number: number): string {
    return `${this.id || 'rag'}-passage-${number}`;
  }

  private showPassages(retrieved: readonly RankedPassage[]) {
    part(this, '.rag-passages').replaceChildren(
      ...retrieved.map(({ passage, score }, index) => {
        const item = document.createElement('li');
        item.id = this.passageAnchor(index + 1);
        const title = passage.href ? Object.assign(document.createElement('a'), { href: passage.href }) : document.createElement('strong');
        title.textContent = passage.section;
        const scoreText = Object.assign(document.createElement('span'), { className: 'rag-score', textContent: this.t('rag.score', { score: formatNumber(score, this.locale) }) });
        const excerpt = passage.text.length > excerptChars ? `${passage.text.slice(0, excerptChars)}…` : passage.text;
        const text = Object.assign(document.createElement('p'), { className: 'rag-passage-text', textContent: excerpt, dir: 'auto' });
        item.append(title, ` — ${passage.source} `, scoreText, text);
        return item;
      }),
    );
  }

  /** A link to a cited passage's section; following one is what the checklist task asks for. */
  private readonly citationLink = (number: number, passage: Passage): HTMLAnchorElement => {
    const link = Object.assign(document.createElement('a'), { className: 'citation', href: passage.href ?? `#${this.passageAnchor(number)}`, textContent: `[${number}]`, title: passage.section });
    link.addEventListener('click', () => markTaskDone(ragTaskId));
    return link;
  };

  private showCitations(answerText: string, retrieved: readonly RankedPassage[]) {
    const cited = citedPassages(answerText, retrieved.length);
    const line = part(this, '.rag-citations');
    if (cited.length === 0) {
      line.textContent = this.t('rag.noCitations');
      return;
    }
    const links = cited.map((number) => {
      const link = this.citationLink(number, retrieved[number - 1]!.passage);
      link.textContent = `[${number}] ${retrieved[number - 1]!.passage.section}`;
      return link;
    });
    line.replaceChildren(this.t('rag.cited'), ' ', ...listOfNodes(links, this.locale));
  }

  private async ask(question: string, corpus: RagCorpus, answer: StreamedAnswer) {
    const results = part(this, '.rag-results');
    const ranking = (this.querySelector<HTMLInputElement>('input[name="rag-ranking"]:checked')?.value ?? 'keyword') as Ranking;
    const choice = currentChoice();
    part(this, '.rag-citations').textContent = '';
    await answer.run(async (signal, show) => {
      answer.status(this.t('rag.searching'));
      let retrieved: RankedPassage[];
      try {
        retrieved = await this.retrieve(question, ranking, choice, corpus, answer, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        results.hidden = true;
        answer.status(this.t('rag.corpusFailed', { detail: error instanceof Error ? error.message : String(error) }));
        return undefined;
      }
      this.showPassages(retrieved);
      if (retrieved.length === 0) {
        results.hidden = true;
        answer.status(this.t('rag.noPassages'));
        return undefined;
      }
      const messages = ragMessages(question, retrieved, {
        instructions: this.t('rag.instructions'),
        passagesHeading: this.t('rag.promptPassages'),
        questionHeading: this.t('rag.promptQuestion'),
      });
      part(this, '.rag-prompt-text').textContent = JSON.stringify({ model: choice?.model ?? '', messages }, null, 2);
      results.hidden = false;
      if (!choice?.model) {
        answer.status(this.t('rag.needsModel'));
        return undefined;
      }
      answer.status('');
      const result = await streamCompletion(choice, choice.model, messages, signal, show);
      linkCitations(answer.answer, retrieved, this.citationLink);
      this.showCitations(result.text, retrieved);
      return result;
    }, choice);
  }
}

/** Registers <rag-chat> once. */
export function defineRagChat(): void {
  if (!customElements.get('rag-chat')) customElements.define('rag-chat', RagChat);
}
