/**
 * What "Ask the course" searches: the course's passages in the reader's language (fetched once per page,
 * fetched again after a failure) and the learner's own files (read in the browser, never uploaded),
 * indexed together; the index is rebuilt only when the files change.
 */
import { learnerFilePassages, problemBeforeReading, type FileProblem } from '../../lib/learnerFiles';
import type { Passage } from '../../lib/passages';
import type { GlossaryEntry } from '../../lib/passageSearch';
import type { PassageIndex } from '../../lib/passageSearch';

/** What /<lang>/course-passages.json holds: the course's passages, and the glossary that widens questions. */
interface CourseCorpus {
  passages: Passage[];
  glossary?: GlossaryEntry[];
}

/** The passages and their keyword index. */
export interface SearchablePassages {
  passages: Passage[];
  index: PassageIndex;
}

/** A file that was refused, and why. */
export interface RefusedFile {
  name: string;
  problem: FileProblem | 'unreadable';
}

/** A promise that rejects as soon as the signal aborts, without cancelling the shared work behind it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

/** The course's passages plus the learner's files, searchable. */
export class RagCorpus {
  private course: Promise<CourseCorpus> | undefined;
  private readonly files = new Map<string, Passage[]>();
  private searchable: SearchablePassages | undefined;

  constructor(
    private readonly courseUrl: string,
    private readonly locale: string,
    /** Told which passages went away or changed, so what was computed from them can be dropped. */
    private readonly onForget: (passages: readonly Passage[]) => void,
  ) {}

  /** Reads and adds the learner's files; a file added again replaces its earlier passages. */
  async add(files: readonly File[]): Promise<RefusedFile[]> {
    const refused: RefusedFile[] = [];
    for (const file of files) {
      let read: Passage[] | FileProblem | 'unreadable';
      try {
        read = problemBeforeReading(file.name, file.size) ?? learnerFilePassages(file.name, await file.text());
      } catch {
        read = 'unreadable'; // gone from disk, or access revoked, since it was chosen
      }
      if (typeof read === 'string') refused.push({ name: file.name, problem: read });
      else {
        this.onForget(this.files.get(file.name) ?? []);
        this.files.set(file.name, read);
        this.searchable = undefined;
      }
    }
    return refused;
  }

  /** Removes one of the learner's files. */
  remove(name: string): void {
    this.onForget(this.files.get(name) ?? []);
    this.files.delete(name);
    this.searchable = undefined;
  }

  /** The learner's files and how many passages each gave. */
  learnerFiles(): { name: string; passages: number }[] {
    return [...this.files].map(([name, passages]) => ({ name, passages: passages.length }));
  }

  /** Everything searchable, loading the course's passages first if needed; rejects as soon as `signal` aborts. */
  async passages(signal: AbortSignal): Promise<SearchablePassages> {
    const course = (this.course ??= fetch(this.courseUrl).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as CourseCorpus;
    }));
    let coursePassages: Passage[];
    let glossary: readonly GlossaryEntry[];
    try {
      ({ passages: coursePassages, glossary = [] } = await untilAborted(course, signal));
    } catch (error) {
      if (!signal.aborted) this.course = undefined; // let the next question try again
      throw error;
    }
    if (!this.searchable) {
      // The search library (MiniSearch) and the language's word forms load with the first question, not when the chat comes into view.
      const [{ createPassageIndex }, { loadWordForms }] = await Promise.all([import('../../lib/passageSearch'), import('../../lib/wordForms')]);
      const forms = await loadWordForms(this.locale);
      const passages = [...coursePassages, ...[...this.files.values()].flat()];
      this.searchable ??= { passages, index: createPassageIndex(passages, this.locale, forms, glossary) };
    }
    return this.searchable;
  }
}
