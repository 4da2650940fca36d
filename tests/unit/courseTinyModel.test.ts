/**
 * The course's tiny model, as committed, through transformers.js (its Node build, on onnxruntime-node): the
 * tokenizer round-trips the lesson's three languages, the chat template is the model's, and generation runs
 * with the KV cache. Nothing is fetched: remote models are off.
 */
import { readFileSync } from 'node:fs';
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import card from '../../src/data/tiny-model-card.json';

env.allowRemoteModels = false;
env.localModelPath = `${process.cwd()}/public/models/`;

const lesson = (locale: string) => readFileSync(`src/content/sessions/${locale}/module-08/04-cutting-edge-models.mdx`, 'utf8');

describe('the course tiny model', () => {
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  beforeAll(async () => {
    tokenizer = await AutoTokenizer.from_pretrained(card.id);
  });

  it.each(['en', 'bg', 'ar'])('tokenizes and decodes the %s lesson without losing a character, in fewer tokens than characters', (locale) => {
    const text = lesson(locale).slice(0, 4000);
    const ids = tokenizer.encode(text, { add_special_tokens: false });
    expect(tokenizer.decode(ids)).toBe(text);
    expect(ids.length).toBeLessThan(text.length / 1.5);
    expect(Math.max(...ids)).toBeLessThan(card.vocabulary);
  });

  it('writes a conversation in its ChatML template, ending where the assistant speaks', () => {
    const prompt = tokenizer.apply_chat_template([{ role: 'user', content: 'What is WebGPU?' }], { tokenize: false, add_generation_prompt: true });
    expect(prompt).toBe('<|im_start|>user\nWhat is WebGPU?<|im_end|>\n<|im_start|>assistant\n');
  });

  it('generates the same tokens greedily with the KV cache as without it, in lesson-like words', async () => {
    const model = await AutoModelForCausalLM.from_pretrained(card.id, { dtype: 'fp32' });
    const inputs = tokenizer.apply_chat_template([{ role: 'user', content: 'Part 4: WebGPU inference' }], { add_generation_prompt: true, return_dict: true }) as { input_ids: { dims: number[] } };
    const promptLength = inputs.input_ids.dims[1]!;
    const cached = (await model.generate({ ...inputs, max_new_tokens: 12, do_sample: false })) as { tolist(): bigint[][] };
    const uncached = (await model.generate({ ...inputs, max_new_tokens: 12, do_sample: false, use_cache: false })) as { tolist(): bigint[][] };
    const answer = cached.tolist()[0]!.slice(promptLength);
    expect(answer.length).toBeGreaterThan(0);
    expect(uncached.tolist()[0]!.slice(promptLength)).toEqual(answer);
    expect(tokenizer.decode(answer, { skip_special_tokens: true })).toMatch(/\p{L}{3,}/u);
    await model.dispose();
  }, 60_000);
});
