/** The behaviour of <course-search>: run the query from the URL or the form against Pagefind's index. */
import { translateFrom, type Translate } from '../../lib/i18n';
import { excerptRuns } from '../../lib/searchExcerpt';
import { part } from '../dom';
import { readStrings } from '../strings';
import type { CourseSearchKey } from './courseStrings';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const pagefindUrl = '/pagefind/pagefind.js';
const maxResults = 10;

class CourseSearch extends HTMLElement {
  private pagefind: Promise<Pagefind> | undefined;
  private t: Translate<CourseSearchKey> = translateFrom<CourseSearchKey>({});

  connectedCallback() {
    this.t = readStrings(this);
    const form = part(this, 'form');
    const input = part<HTMLInputElement>(form, 'input');
    const query = new URL(location.href).searchParams.get('q') ?? '';
    if (query) input.value = query; // else keep what the reader may have typed before this script arrived
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
      void this.run(input.value);
    });
    if (query) void this.run(query);
  }

  private loadPagefind(): Promise<Pagefind> {
    this.pagefind ??= import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>;
    return this.pagefind;
  }

  private async run(query: string) {
    const status = part<HTMLElement>(this, '.search-status');
    const list = part<HTMLOListElement>(this, '.search-results');
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    let results: PagefindResult[];
    try {
      const search = await (await this.loadPagefind()).search(query);
      results = await Promise.all(search.results.slice(0, maxResults).map((result) => result.data()));
    } catch {
      this.pagefind = undefined;
      status.textContent = this.t('search.unavailable');
      return;
    }
    status.textContent = results.length
      ? this.t('search.resultCount', { count: results.length })
      : this.t('search.noResults', { query });
    list.replaceChildren(...results.map(renderResult));
  }
}

function renderResult(result: PagefindResult): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  for (const run of excerptRuns(result.excerpt)) {
    if (run.marked) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      excerpt.append(mark);
    } else excerpt.append(run.text);
  }
  item.append(link, excerpt);
  return item;
}

/** Registers <course-search> once. */
export function defineCourseSearch(): void {
  if (!customElements.get('course-search')) customElements.define('course-search', CourseSearch);
}
