import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../tests/emulator/foundry-emulator.ts';
import { answerQuestion, apiBaseFrom, loadFolder, sampleDocs } from './rag.ts';

// A Foundry Local emulator (test double) of its own, so these tests never meet the browser tests' ones.
const port = 5397;
const endpoint = `http://127.0.0.1:${port}`;
const model = 'Phi-4-mini-instruct-generic-cpu:5';
let server: ReturnType<typeof startEmulator>;

beforeAll(() => new Promise<void>((resolve) => (server = startEmulator({ port, generation: 2, quirks: false, cors: false }).on('listening', resolve))));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs the command without blocking: the emulator answering it lives in this very process. */
function runCli(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { FOUNDRY_PORT, FOUNDRY_BASE_URL, FOUNDRY_MODEL, ...rest } = process.env;
  const child = spawn(process.execPath, ['labs/rag-node/rag.ts', ...args], { env: { ...rest, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('the Node RAG lab', () => {
  it('answers from the best passages of a folder and knows which ones it cited', async () => {
    const { passages } = loadFolder(sampleDocs);
    const client = new OpenAI({ baseURL: `${endpoint}/v1`, apiKey: 'local-key' });
    let streamed = '';
    const result = await answerQuestion({ question: 'How do I pin the port?', passages, client, model, onText: (piece) => (streamed += piece) });
    expect(result.retrieved[0]?.passage.section).toBe('Finding the endpoint');
    expect(result.cited[0]).toBe(1);
    expect(streamed).toBe(result.answer);
    expect(result.answer).toContain('Foundry Local listens on a port it picks when it starts');
  });

  it('skips files it cannot search and says why', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rag-lab-'));
    writeFileSync(join(folder, 'notes.md'), '## Quokkas\n\nThey live on Rottnest Island.');
    writeFileSync(join(folder, 'slides.pdf'), '%PDF-1.7');
    writeFileSync(join(folder, 'empty.txt'), '');
    const { passages, skipped } = loadFolder(folder);
    expect(passages.map((passage) => passage.section)).toEqual(['Quokkas']);
    expect(skipped).toEqual(['empty.txt (empty)', 'slides.pdf (wrong-type)']);
  });

  it('reads the endpoint from FOUNDRY_BASE_URL or FOUNDRY_PORT, never a fixed port', () => {
    expect(apiBaseFrom({ FOUNDRY_BASE_URL: 'http://127.0.0.1:11434/v1/' })).toBe('http://127.0.0.1:11434/v1');
    expect(apiBaseFrom({ FOUNDRY_PORT: '5273' })).toBe('http://127.0.0.1:5273/v1');
    expect(apiBaseFrom({})).toBeUndefined();
  });

  it('runs as a command: streams the answer, then the sources with scores', async () => {
    const run = await runCli(['How do I pin the port?'], { FOUNDRY_PORT: String(port), FOUNDRY_MODEL: model });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('from the passages: Foundry Local listens');
    expect(run.stdout).toMatch(/Sources:\n\[1\] Finding the endpoint \(local-inference-notes\.md\), score \d+\.\d\d, cited\n/);
  });

  it('lists the endpoint’s model ids when none is given, and explains an unreachable endpoint', async () => {
    const withoutModel = await runCli(['question'], { FOUNDRY_PORT: String(port) });
    expect(withoutModel.status).toBe(2);
    expect(withoutModel.stderr).toContain(`Set FOUNDRY_MODEL (or --model) to a full model id. This endpoint lists:\n  qwen2.5-0.5b-instruct-generic-cpu:4`);
    const unreachable = await runCli(['How do I pin the port?'], { FOUNDRY_PORT: '9', FOUNDRY_MODEL: model });
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toContain('The model at http://127.0.0.1:9/v1 did not answer');
    expect(unreachable.stderr).toContain('foundry server status');
  });
});
