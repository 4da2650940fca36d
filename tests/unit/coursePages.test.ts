import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticCourse } from '../../scripts/coursePages.ts';

describe('the prerendered files alone (the classroom and the bench serve them)', () => {
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'course-pages-'));
    mkdirSync(join(dist, 'client', 'models'), { recursive: true });
    writeFileSync(join(dist, 'client', '404.html'), '<p>not here</p>');
    writeFileSync(join(dist, 'client', 'models', 'digit-samples.json'), '{"samples":[]}');
    server = createServer(staticCourse(dist));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('serves a file asked for with a version query, as the digit pad asks for its samples', async () => {
    const response = await fetch(`${origin}/models/digit-samples.json?v=0a84a8222a25`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"samples":[]}');
  });

  it('answers a missing file with the 404 page, query or not', async () => {
    for (const path of ['/models/missing.json', '/models/missing.json?v=1']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('<p>not here</p>');
    }
  });
});
