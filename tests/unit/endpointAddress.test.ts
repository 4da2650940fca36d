import { describe, expect, it } from 'vitest';
import { endpointAddress, originProblem } from '../../src/lib/endpointAddress';

describe('endpointAddress', () => {
  it('adds http:// to an address typed without a scheme', () => {
    expect(endpointAddress('127.0.0.1:5273')).toEqual({ origin: 'http://127.0.0.1:5273', port: '5273' });
    expect(endpointAddress('localhost:11434')).toEqual({ origin: 'http://localhost:11434', port: '11434' });
    expect(endpointAddress('[::1]:5273')).toEqual({ origin: 'http://[::1]:5273', port: '5273' });
  });

  it('drops a trailing /v1 and slashes, spaces around it and capitals in the host', () => {
    expect(endpointAddress('  HTTP://LocalHost:5273/v1/  ')).toEqual({ origin: 'http://localhost:5273', port: '5273' });
    expect(endpointAddress('http://127.0.0.1:5273//')).toEqual({ origin: 'http://127.0.0.1:5273', port: '5273' });
    expect(endpointAddress('host.docker.internal:1234/V1')).toEqual({ origin: 'http://host.docker.internal:1234', port: '1234' });
  });

  it('gives the scheme’s port when none is typed', () => {
    expect(endpointAddress('https://models.example.org')).toEqual({ origin: 'https://models.example.org', port: '443' });
    expect(endpointAddress('192.168.1.20')).toEqual({ origin: 'http://192.168.1.20', port: '80' });
  });

  it('reads what the URL parser reads: other IPv4 spellings, full-width letters and non-ASCII names become plain', () => {
    expect(endpointAddress('http://0x7f.1:5273')).toEqual({ origin: 'http://127.0.0.1:5273', port: '5273' });
    expect(endpointAddress('http://ｌｏｃａｌｈｏｓｔ:5273')).toEqual({ origin: 'http://localhost:5273', port: '5273' });
    expect(endpointAddress('http://ехample.com:5273')).toEqual({ origin: 'http://xn--ample-ywe6i.com:5273', port: '5273' });
  });

  it('refuses a host a shell would run or split, which the URL parser lets through', () => {
    for (const host of ['a$(id)b', 'a`id`b', 'a&b', 'a"b', "a'b", 'a;b', 'a%24(id)b', 'a_b', 'a..b', '-a', `${'a'.repeat(64)}.example`]) {
      expect(endpointAddress(`http://${host}:5273`), host).toEqual({ problem: 'unsafe-host' });
    }
  });

  it('says what else is wrong: not an address, not http, credentials, a path', () => {
    for (const text of ['', '   ', 'not an address', 'javascript:alert(1)', 'http://127.0.0.1:99999', 'http://a|b:1', 'http://127.0.0.1:52\u200b73']) {
      expect(endpointAddress(text), text).toEqual({ problem: 'not-an-address' });
    }
    expect(endpointAddress('file:///etc/passwd')).toEqual({ problem: 'not-http' });
    expect(endpointAddress('ftp://127.0.0.1:21')).toEqual({ problem: 'not-http' });
    expect(endpointAddress('http://user:secret@127.0.0.1:5273')).toEqual({ problem: 'has-credentials' });
    expect(endpointAddress('http://127.0.0.1:5273/openai/status')).toEqual({ problem: 'has-path' });
    expect(endpointAddress('http://127.0.0.1:5273/v1?x=1')).toEqual({ problem: 'has-path' });
    expect(endpointAddress('http://127.0.0.1:5273#top')).toEqual({ problem: 'has-path' });
  });

  it('copes with very long text', () => {
    expect(endpointAddress(`http://${'a'.repeat(100_000)}`)).toEqual({ problem: 'unsafe-host' });
    expect(endpointAddress(`127.0.0.1:5273/${'x'.repeat(100_000)}`)).toEqual({ problem: 'has-path' });
  });
});

describe('originProblem', () => {
  it('accepts a parsed URL whose origin is plain, whatever its path', () => {
    expect(originProblem(new URL('http://127.0.0.1:5273/openai/status'))).toBeUndefined();
    expect(originProblem(new URL('http://a$(id)b:5273/'))).toBe('unsafe-host');
  });
});
