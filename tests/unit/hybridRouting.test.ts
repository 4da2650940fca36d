import { describe, expect, it } from 'vitest';
import { cloudApiAddress, estimateTokens, personalDataIn, planRoute, runRoute, taskKindOf, type Attempt, type RouteSetup } from '../../src/lib/hybridRouting';

const setup: RouteSetup = {
  policy: 'local-first',
  localModels: { general: 'phi-4-mini', code: 'qwen2.5-coder-1.5b' },
  cloudModel: 'gpt-4o-mini',
  online: true,
  localContextTokens: 4096,
};
const targets = (attempts: Attempt[]) => attempts.map((attempt) => `${attempt.target}:${attempt.model}`);

describe('taskKindOf', () => {
  it('sees code requests in English, Bulgarian and Arabic, and code itself', () => {
    expect(taskKindOf('Write a Python function that sorts a list')).toBe('code');
    expect(taskKindOf('Fix the bug in my login form')).toBe('code');
    expect(taskKindOf('Explain C++ templates')).toBe('code');
    expect(taskKindOf('Explain C# generics')).toBe('code');
    expect(taskKindOf('Напиши функция, която сортира списък')).toBe('code');
    expect(taskKindOf('اكتب دالة ترتب قائمة')).toBe('code');
    expect(taskKindOf('```\nconst x = 1;\n```')).toBe('code');
  });

  it('leaves everyday uses of programming words to the general model', () => {
    for (const prompt of ['What is the capital of Bulgaria?', 'What did we cover in class today?', 'What is the function of the KV cache?', 'Summarise our code of conduct', 'Write a poem about the sea', 'Каква е програмата на курса?'])
      expect(taskKindOf(prompt), prompt).toBe('general');
  });
});

describe('personalDataIn', () => {
  it('finds e-mail addresses, phone numbers, card numbers that pass Luhn, and IBANs', () => {
    expect(personalDataIn('Write to ana@example.com')).toEqual(['email']);
    expect(personalDataIn('Call +359 88 123 4567 tomorrow')).toEqual(['phone']);
    expect(personalDataIn('My number is 02/987 6543')).toEqual(['phone']);
    expect(personalDataIn('Call (555) 123-4567')).toEqual(['phone']);
    expect(personalDataIn('اتصل على ٠٨٨٨١٢٣٤٥٦')).toEqual(['phone']);
    expect(personalDataIn('Card 4111 1111 1111 1111, please')).toEqual(['card']);
    expect(personalDataIn('IBAN BG80 BNBG 9661 1020 3456 78')).toEqual(['iban']);
    expect(personalDataIn('iban bg80bnbg96611020345678')).toEqual(['iban']);
  });

  it('leaves ports, versions, addresses, counts, order numbers and timestamps alone', () => {
    for (const prompt of [
      'Foundry Local 0.10 on port 5273 since 2026, model phi-4-mini:5',
      'The instructor endpoint is 192.168.1.20:5273',
      'A model with 7 000 000 000 parameters',
      'Order no. 2024 0115 1030',
      'It finished at 1764161234567',
    ])
      expect(personalDataIn(prompt), prompt).toEqual([]);
  });
});

describe('planRoute', () => {
  it('local first: the local general model, then the cloud', () => {
    const plan = planRoute('Explain edge AI', false, setup);
    expect(plan.rule).toBe('local-first');
    expect(targets(plan.attempts)).toEqual(['local:phi-4-mini', 'cloud:gpt-4o-mini']);
  });

  it('cloud first: the cloud, then the local model', () => {
    expect(targets(planRoute('Explain edge AI', false, { ...setup, policy: 'cloud-first' }).attempts)).toEqual(['cloud:gpt-4o-mini', 'local:phi-4-mini']);
  });

  it('by task: code goes to the coder model, chat to the general one', () => {
    const code = planRoute('Fix this bug in my script', false, { ...setup, policy: 'by-task' });
    expect(code.rule).toBe('by-task:code');
    expect(targets(code.attempts)[0]).toBe('local:qwen2.5-coder-1.5b');
    expect(targets(planRoute('Tell me a story', false, { ...setup, policy: 'by-task' }).attempts)[0]).toBe('local:phi-4-mini');
  });

  it('never plans the cloud for a prompt marked private or holding personal data, and says why', () => {
    const marked = planRoute('Summarise my notes', true, { ...setup, policy: 'cloud-first' });
    expect(targets(marked.attempts)).toEqual(['local:phi-4-mini']);
    expect(marked.skipped).toEqual([{ target: 'cloud', reason: 'marked-private' }]);
    const personal = planRoute('Email ana@example.com the summary', false, { ...setup, policy: 'cloud-first' });
    expect(personal.skipped).toEqual([{ target: 'cloud', reason: 'personal-data' }]);
    expect(personal.personalData).toEqual(['email']);
  });

  it('skips the cloud offline or when none is set, and the local model when the prompt is too long for it', () => {
    expect(planRoute('Hi', false, { ...setup, online: false }).skipped).toEqual([{ target: 'cloud', reason: 'offline' }]);
    expect(planRoute('Hi', false, { ...setup, cloudModel: undefined }).skipped).toEqual([{ target: 'cloud', reason: 'no-cloud' }]);
    const long = planRoute('word '.repeat(3000), false, setup);
    expect(long.skipped).toEqual([{ target: 'local', reason: 'context-too-long' }]);
    expect(targets(long.attempts)).toEqual(['cloud:gpt-4o-mini']);
  });

  it('has nothing to try for a private prompt too long for the local model', () => {
    expect(planRoute('word '.repeat(3000), true, setup).attempts).toEqual([]);
  });

  it('estimates tokens on the high side', () => {
    expect(estimateTokens('abcdefghij')).toBe(4);
  });
});

describe('runRoute', () => {
  const plan = planRoute('Explain edge AI', false, setup);
  const run = (send: Parameters<typeof runRoute>[1], signal = new AbortController().signal) => runRoute(plan, send, { firstTokenTimeoutMs: 50, signal, onText: () => {} });

  it('stops at the first target that answers', async () => {
    const steps = await run(async (attempt, _signal, onText) => {
      onText('hello');
      return `from ${attempt.target}`;
    });
    expect(steps.map((step) => [step.attempt.target, step.outcome])).toEqual([['local', 'answered']]);
  });

  it('falls back after an error, recording its message', async () => {
    const steps = await run(async (attempt) => {
      if (attempt.target === 'local') throw new Error('Connection refused');
      return 'cloud answer';
    });
    expect(steps.map((step) => [step.attempt.target, step.outcome, step.detail])).toEqual([['local', 'failed', 'Connection refused'], ['cloud', 'answered', undefined]]);
  });

  it('counts an attempt the SDK ends quietly on abort as a timeout or a stop, never an answer', async () => {
    // The openai SDK's stream simply ends when its signal aborts; it does not throw.
    const quietlyEnding = (_attempt: Attempt, signal: AbortSignal) =>
      new Promise<string>((resolve) => (signal.aborted ? resolve('') : signal.addEventListener('abort', () => resolve(''))));
    const timedOut = await run(async (attempt, signal, onText) => (attempt.target === 'local' ? quietlyEnding(attempt, signal) : (onText('cloud'), 'cloud')));
    expect(timedOut.map((step) => step.outcome)).toEqual(['timeout', 'answered']);
    const controller = new AbortController();
    const stopped = await run(async (attempt, signal, onText) => {
      onText('partial');
      controller.abort();
      return quietlyEnding(attempt, signal);
    }, controller.signal);
    expect(stopped.map((step) => step.outcome)).toEqual(['stopped']);
  });

  it('falls back when no first token comes in time, cancelling the slow attempt', async () => {
    let cancelled = false;
    const steps = await run((attempt, signal) =>
      attempt.target === 'local'
        ? new Promise((_resolve, reject) => signal.addEventListener('abort', () => ((cancelled = true), reject(new Error('aborted')))))
        : Promise.resolve('cloud'),
    );
    expect(cancelled).toBe(true);
    expect(steps.map((step) => step.outcome)).toEqual(['timeout', 'answered']);
  });

  it('stops everything when the learner stops', async () => {
    const controller = new AbortController();
    const steps = await run((_attempt, signal) => new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('aborted')));
      controller.abort();
    }), controller.signal);
    expect(steps.map((step) => step.outcome)).toEqual(['stopped']);
  });
});

describe('cloudApiAddress', () => {
  it('takes an https address, or http to this computer, without its trailing slash', () => {
    expect(cloudApiAddress(' https://api.openai.com/v1/ ', 'gpt-4o-mini')).toBe('https://api.openai.com/v1');
    expect(cloudApiAddress('http://127.0.0.1:5392/v1', 'm')).toBe('http://127.0.0.1:5392/v1');
  });

  it('refuses to send a key over plain http to another computer, or to a malformed address', () => {
    expect(cloudApiAddress('http://example.com/v1', 'm')).toBe('invalid');
    expect(cloudApiAddress('api.openai.com', 'm')).toBe('invalid');
  });

  it('has no cloud without both an address and a model', () => {
    expect(cloudApiAddress('', 'm')).toBeUndefined();
    expect(cloudApiAddress('https://api.openai.com/v1', '')).toBeUndefined();
  });
});
