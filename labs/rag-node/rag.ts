/**
 * The RAG lab as a command-line tool: search a folder of Markdown and text files for the passages that
 * best answer a question (BM25, the course site's own retrieval code), ask a local OpenAI-compatible
 * model with those passages, stream the answer, and list the sources it cites.
 *
 *   FOUNDRY_PORT=5273 FOUNDRY_MODEL=Phi-4-mini-instruct-generic-cpu:5 npm run lab:rag -- "How do I pin the port?"
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { en } from '../../src/i18n/en.ts';
import { learnerFilePassages, problemBeforeReading } from '../../src/lib/learnerFiles.ts';
import type { Passage } from '../../src/lib/passages.ts';
import { createPassageIndex, type RankedPassage } from '../../src/lib/passageSearch.ts';
import { citedPassages, ragMessages } from '../../src/lib/ragPrompt.ts';

export const sampleDocs = resolve(import.meta.dirname, '../chainlit-rag/docs');

/** As in the course's demo: the three best passages go into the prompt. */
const passagesInPrompt = 3;

/** The same instructions as the course's "Ask the course" demo, in English. */
const promptWords = { instructions: en['rag.instructions'], passagesHeading: en['rag.promptPassages'], questionHeading: en['rag.promptQuestion'] };

/** Every Markdown and text file under a folder, as passages; the files that cannot be searched, with why. */
export function loadFolder(folder: string): { passages: Passage[]; skipped: string[] } {
  const passages: Passage[] = [];
  const skipped: string[] = [];
  const visit = (path: string) => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) {
        visit(full);
        continue;
      }
      const name = relative(folder, full);
      const problem = problemBeforeReading(name, statSync(full).size);
      const read = problem ?? learnerFilePassages(name, readFileSync(full, 'utf8'));
      if (typeof read === 'string') skipped.push(`${name} (${read})`);
      else passages.push(...read);
    }
  };
  visit(folder);
  return { passages, skipped };
}

/** The endpoint's API base from the environment: FOUNDRY_BASE_URL, or FOUNDRY_PORT on 127.0.0.1. */
export function apiBaseFrom(env: NodeJS.ProcessEnv): string | undefined {
  if (env['FOUNDRY_BASE_URL']) return `${env['FOUNDRY_BASE_URL'].replace(/\/+$/, '').replace(/\/v1$/, '')}/v1`;
  if (env['FOUNDRY_PORT']) return `http://127.0.0.1:${env['FOUNDRY_PORT']}/v1`;
  return undefined;
}

export interface RagAnswer {
  retrieved: RankedPassage[];
  answer: string;
  cited: number[];
}

/** Retrieves, asks and streams; an empty answer when no passage matches (the model is not asked). */
export async function answerQuestion(options: { question: string; passages: Passage[]; client: OpenAI; model: string; onText?: (piece: string) => void }): Promise<RagAnswer> {
  const retrieved = createPassageIndex(options.passages, 'en').search(options.question, passagesInPrompt);
  if (retrieved.length === 0) return { retrieved, answer: '', cited: [] };
  const stream = await options.client.chat.completions.create({ model: options.model, messages: ragMessages(options.question, retrieved, promptWords), stream: true });
  let answer = '';
  for await (const chunk of stream) {
    const piece = chunk.choices?.[0]?.delta?.content ?? '';
    answer += piece;
    if (piece) options.onText?.(piece);
  }
  return { retrieved, answer, cited: citedPassages(answer, retrieved.length) };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { docs: { type: 'string', default: sampleDocs }, model: { type: 'string' } } });
  const question = positionals.join(' ').trim();
  const apiBase = apiBaseFrom(process.env);
  if (!question || !apiBase) {
    console.error('Usage: FOUNDRY_PORT=<port> FOUNDRY_MODEL=<model id> node labs/rag-node/rag.ts [--docs folder] "question"\nThe port is the one `foundry server status` prints (0.8 and older: `foundry service status`).');
    return 2;
  }
  const client = new OpenAI({ baseURL: apiBase, apiKey: process.env['OPENAI_API_KEY'] || 'local-key', maxRetries: 0 });
  const model = values.model ?? process.env['FOUNDRY_MODEL'];
  try {
    if (!model) {
      const ids = (await client.models.list()).data.map((entry) => entry.id);
      console.error(`Set FOUNDRY_MODEL (or --model) to a full model id. This endpoint lists:\n  ${ids.join('\n  ')}`);
      return 2;
    }
    const { passages, skipped } = loadFolder(values.docs);
    if (skipped.length > 0) console.error(`Skipped: ${skipped.join(', ')}`);
    const result = await answerQuestion({ question, passages, client, model, onText: (piece) => process.stdout.write(piece) });
    if (result.retrieved.length === 0) {
      console.error(`No passage in ${values.docs} matches the question. Try other words, or add a document.`);
      return 1;
    }
    process.stdout.write('\n\nSources:\n');
    for (const [index, { passage, score }] of result.retrieved.entries()) {
      const mark = result.cited.includes(index + 1) ? 'cited' : 'not cited';
      process.stdout.write(`[${index + 1}] ${passage.section} (${passage.source}), score ${score.toFixed(2)}, ${mark}\n`);
    }
    return 0;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`The model at ${apiBase} did not answer: ${detail}\nCheck that it runs (foundry server status) and that FOUNDRY_MODEL is an id from /v1/models.`);
    return 1;
  }
}

if (import.meta.filename === process.argv[1]) process.exitCode = await main();
