import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { classroomPort, classroomReachProblem, isLoopbackOrigin, joinAddress, typedOrigin } from '../../src/lib/joinAddress';
import { qrCodeShape, quietZoneModules } from '../../src/lib/qrCode';

/** Paints the shape's rectangles into RGBA pixels, `scale` pixels per module, as a screen would. */
function rasterize({ size, path }: { size: number; path: string }, scale = 4) {
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++)
      for (let px = Number(x) * scale; px < (Number(x) + Number(run)) * scale; px++) pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
  }
  return { pixels, width };
}

describe('qrCodeShape', () => {
  it('draws a code that a reader decodes back to the address', () => {
    const address = 'http://192.168.1.20:4321/ar/module-08/04-cutting-edge-models/';
    const { pixels, width } = rasterize(qrCodeShape(address));
    expect(jsQR(pixels, width, width)?.data).toBe(address);
  });

  it('leaves the quiet zone light and draws only rectangles inside it', () => {
    const shape = qrCodeShape('https://example.org/');
    expect(shape.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const corners = [...shape.path.matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...corners.flat())).toBe(quietZoneModules);
    expect(Math.max(...corners.map(([, y]) => y!))).toBe(shape.size - quietZoneModules - 1);
  });
});

describe('typedOrigin', () => {
  it('reads a bare host and port as http, and keeps only the origin of a full address', () => {
    expect(typedOrigin(' 192.168.1.20:4321 ')).toEqual({ ok: true, origin: 'http://192.168.1.20:4321' });
    expect(typedOrigin('https://workshop.example.org/en/some/page?x=1')).toEqual({ ok: true, origin: 'https://workshop.example.org' });
    expect(typedOrigin('trainer-laptop.local:4321')).toEqual({ ok: true, origin: 'http://trainer-laptop.local:4321' });
  });

  it('refuses what attendees could not open', () => {
    expect(typedOrigin('')).toEqual({ ok: false, problem: 'not-an-address' });
    expect(typedOrigin('http://')).toEqual({ ok: false, problem: 'not-an-address' });
    expect(typedOrigin('ftp://192.168.1.20')).toEqual({ ok: false, problem: 'not-http' });
    expect(typedOrigin('file:///home/trainer')).toEqual({ ok: false, problem: 'not-http' });
  });
});

describe('join addresses', () => {
  it('puts the lesson’s path on the origin', () => {
    expect(joinAddress('http://192.168.1.20:4321', '/bg/module-08/04-cutting-edge-models/')).toBe('http://192.168.1.20:4321/bg/module-08/04-cutting-edge-models/');
  });

  it('knows the addresses that name only this machine', () => {
    expect(['http://localhost:4321', 'http://127.0.0.1:4321', 'http://[::1]:4321', 'http://course.localhost'].map(isLoopbackOrigin)).toEqual([true, true, true, true]);
    expect(['http://192.168.1.20:4321', 'https://workshop.example.org'].map(isLoopbackOrigin)).toEqual([false, false]);
  });
});

describe('whether a page can reach a classroom', () => {
  it('from the classroom itself, always; from an attendee’s own http copy, on the usual port; from https, not over plain http', () => {
    expect(classroomReachProblem('http://192.168.1.20:4410', 'http://192.168.1.20:4410')).toBeUndefined();
    expect(classroomReachProblem('http://localhost:4321', `http://192.168.1.20:${classroomPort}`)).toBeUndefined();
    expect(classroomReachProblem('http://localhost:4321', 'http://192.168.1.20:4410')).toBe('port');
    expect(classroomReachProblem('https://course.example', `http://192.168.1.20:${classroomPort}`)).toBe('mixed-content');
    expect(classroomReachProblem('https://course.example', 'https://class.example')).toBeUndefined();
  });
});

describe('a typed address that is no host at all', () => {
  it('is refused, not percent-encoded into one', () => {
    for (const text of ['not an address!!', 'my laptop:4400', 'http://exa mple:4321', 'host_with%:1']) expect(typedOrigin(text), text).toEqual({ ok: false, problem: 'not-an-address' });
    expect(typedOrigin('192.168.1.20:4400')).toEqual({ ok: true, origin: 'http://192.168.1.20:4400' });
    expect(typedOrigin('[fd00::1]:4400')).toEqual({ ok: true, origin: 'http://[fd00::1]:4400' });
    expect(typedOrigin('bücher.example')).toEqual({ ok: true, origin: 'http://xn--bcher-kva.example' });
  });
});
