/**
 * The classroom under load, on loopback: the service as `npm run classroom` starts it, 150 simulated
 * attendees each sending a change every second for 60 seconds, and a dashboard listening to the stream.
 * Reports changes acknowledged but never heard by the dashboard (must be 0), the time from an attendee's
 * send to the dashboard's receipt (p50, p95), and the service's CPU and memory (from /proc, on Linux).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../src/lib/benchmarkStats.ts';
import type { ClassroomEvent } from '../src/lib/classroomProtocol.ts';
import { sseEvents } from '../src/lib/sseFrames.ts';

const attendees = 150;
const seconds = 60;
const port = 4397;
const origin = `http://127.0.0.1:${port}`;
const everything = { tasks: true, preflight: true, quizzes: true, parts: true };

/** CPU seconds used so far and resident memory of a process, from /proc. */
function processUse(pid: number): { cpuSeconds: number; rssMb: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticksPerSecond = 100;
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return { cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond, rssMb: rssKb / 1024 };
  } catch {
    return undefined;
  }
}

/** Runs the load and prints its figures. */
export async function benchClassroom(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'classroom-bench-'));
  const service = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/classroom.ts', '--no-course', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const code = await new Promise<string>((resolve, reject) => {
      let output = '';
      service.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Join code:\s+(\w{6})/.exec(output);
        if (match) resolve(match[1]!);
      });
      service.once('exit', () => reject(new Error(`the classroom did not start: ${output}`)));
    });

    // The dashboard: every event's arrival time, by its number.
    const heard = new Map<number, number>();
    const listening = new AbortController();
    const stream = await fetch(`${origin}/classroom/v1/instructor/events`, { signal: listening.signal });
    void (async () => {
      for await (const data of sseEvents(stream.body!)) heard.set((JSON.parse(data) as ClassroomEvent).seq, performance.now());
    })().catch(() => undefined); // ends when the bench stops listening

    const tokens: string[] = [];
    for (let index = 0; index < attendees; index++) {
      const response = await fetch(`${origin}/classroom/v1/join`, { method: 'POST', body: JSON.stringify({ code, name: `Attendee ${index + 1}`, shares: everything }) });
      tokens.push(((await response.json()) as { token: string }).token);
    }

    const sent = new Map<number, number>();
    let failed = 0;
    const before = processUse(service.pid!);
    const startedAt = performance.now();
    let peakRssMb = before?.rssMb ?? 0;
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, processUse(service.pid!)?.rssMb ?? 0)), 1000);
    await Promise.all(
      tokens.map(async (token, index) => {
        // Spread the attendees over the second, as a real room would be.
        await new Promise((resolve) => setTimeout(resolve, (index / attendees) * 1000));
        for (let second = 0; second < seconds; second++) {
          const due = startedAt + (index / attendees) * 1000 + second * 1000;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
          const state = { tasks: second % 2 ? ['module-08/04-cutting-edge-models#compare-slm-llm'] : [], parts: { 'module-08/04-cutting-edge-models#part-1': second % 5 === 4 ? { state: 'stuck', note: `step ${second}`, asked: second } : { state: 'done' } } };
          const at = performance.now();
          const response = await fetch(`${origin}/classroom/v1/me`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(state) });
          if (!response.ok) {
            failed++;
            continue;
          }
          sent.set(((await response.json()) as { seq: number }).seq, at);
        }
      }),
    );
    clearInterval(sampler);
    const wallSeconds = (performance.now() - startedAt) / 1000;
    const after = processUse(service.pid!);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const latencies = [...sent].filter(([seq]) => heard.has(seq)).map(([seq, at]) => heard.get(seq)! - at);
    const lost = [...sent.keys()].filter((seq) => !heard.has(seq)).length;
    const cpu = before && after ? `${((100 * (after.cpuSeconds - before.cpuSeconds)) / wallSeconds).toFixed(0)} % of one core` : 'not measured (no /proc)';
    console.log(
      `Classroom load (${availableParallelism()} cores, loopback): ${attendees} attendees × 1 change/s × ${seconds} s = ${sent.size} changes acknowledged, ${failed} refused; ` +
        `lost by the dashboard: ${lost}; send → dashboard p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms; service CPU ${cpu}, memory peak ${peakRssMb.toFixed(0)} MB RSS`,
    );
    listening.abort();
  } finally {
    service.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
