/**
 * The behaviour of <course-search>: run the query from the URL or the form against Pagefind's index (one
 * per language; Chinese and Japanese segmented into words by Pagefind), listing each lesson with the
 * sections where the words are, each linking to its heading.
 */
import { translateFrom, type Translate } from '../../lib/i18n';
import { excerptRuns } from '../../lib/searchExcerpt';
import { part } from '../dom';
import { readStrings } from '../strings';
import type { CourseSearchKey } from './courseStrings';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
  /** The sections (by heading) the words were found in, best first; the page itself when before any heading. */
  sub_results?: { title: string; url: string; excerpt: string }[];
}

interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const pagefindUrl = '/pagefind/pagefind.js';
const maxResults = 10;
/** Sections listed under a lesson: enough to find the place, few enough to scan. */
const maxSections = 3;

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

/** Pagefind's excerpt as text with its matches marked (never as HTML). */
function excerptParagraph(excerptHtml: string): HTMLParagraphElement {
  const excerpt = document.createElement('p');
  for (const run of excerptRuns(excerptHtml)) {
    if (run.marked) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      excerpt.append(mark);
    } else excerpt.append(run.text);
  }
  return excerpt;
}

function renderResult(result: PagefindResult): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const sections = (result.sub_results ?? []).filter((section) => section.url.includes('#')).slice(0, maxSections);
  if (sections.length === 0) {
    item.append(link, excerptParagraph(result.excerpt));
    return item;
  }
  const list = document.createElement('ul');
  list.className = 'search-sections';
  list.append(
    ...sections.map((section) => {
      const entry = document.createElement('li');
      const sectionLink = document.createElement('a');
      sectionLink.href = section.url;
      sectionLink.textContent = section.title;
      entry.append(sectionLink, excerptParagraph(section.excerpt));
      return entry;
    }),
  );
  item.append(link, list);
  return item;
}

/** Registers <course-search> once. */
export function defineCourseSearch(): void {
  if (!customElements.get('course-search')) customElements.define('course-search', CourseSearch);
}
