/**
 * `npm run classroom`: a class on the instructor's machine. Two servers:
 * - the course as `npm start` serves it, with its bridge, on loopback only (scripts/serve-course.ts, its own process);
 * - the classroom service, on the LAN on purpose: the course's pages for attendees to open, the attendee API,
 *   and the dashboard's API (this computer, or a device with the instructor's token). Never the bridge.
 * It prints where attendees join, the join code and the join card as a QR code, and keeps the class in one
 * SQLite file under --data (default .classroom/, ignored by git), so a restart carries on with it.
 *
 *   node scripts/classroom.ts [--port 4400] [--host 0.0.0.0] [--course-port 4321] [--no-course] [--device-link] [--dist dist] [--data .classroom]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { ClassroomService } from '../src/lib/classroomService.ts';
import { ClassroomStore } from '../src/lib/classroomStore.ts';
import type { ClassLayout } from '../src/lib/classroomSummary.ts';
import { classroomPort } from '../src/lib/joinAddress.ts';
import { sourceLocale } from '../src/lib/locales.ts';
import { staticCourse } from './coursePages.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(classroomPort) },
    host: { type: 'string', default: '0.0.0.0' },
    'course-port': { type: 'string', default: '4321' },
    'no-course': { type: 'boolean', default: false },
    'device-link': { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
    data: { type: 'string', default: '.classroom' },
  },
});
const distDir = resolve(values.dist);
const port = Number(values.port);

/** The addresses other computers on this network can use to reach this one. */
function lanOrigins(): string[] {
  if (values.host !== '0.0.0.0') return [`http://${values.host}:${port}`];
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => `http://${address!.address}:${port}`);
}

mkdirSync(values.data, { recursive: true });
const store = new ClassroomStore(join(values.data, 'classroom.sqlite'));
const layout = JSON.parse(readFileSync(join(distDir, 'client', 'classroom-layout.json'), 'utf8')) as ClassLayout;
const origins = lanOrigins();
const service = new ClassroomService({ store, layout, joinOrigins: origins });
const klass = service.ensureClass();
const pages = staticCourse(distDir);

const server = createServer((request, response) => service.handle(request, response, pages));
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use. Start the classroom on another one: npm run classroom -- --port 4410` : String(error));
  process.exit(1);
});

const course = values['no-course']
  ? undefined
  : spawn(process.execPath, [join(import.meta.dirname, 'serve-course.ts'), '--port', values['course-port'], '--dist', distDir], { stdio: ['ignore', 'inherit', 'inherit'] });

server.listen(port, values.host, async () => {
  const joinUrl = `${origins[0] ?? `http://localhost:${port}`}/${sourceLocale}/classroom/join/#code=${klass.code}`;
  const lines = [
    `Classroom open on ${values.host === '0.0.0.0' ? 'every network interface' : values.host}, port ${port}. Anyone on this network can open the course here.`,
    '',
    `  Join code:  ${klass.code}`,
    ...origins.map((origin) => `  Attendees:  ${origin}/${sourceLocale}/classroom/join/`),
    `  Dashboard:  http://localhost:${port}/${sourceLocale}/classroom/   (this computer)`,
    // The token link only on request: this terminal, with its QR code, may well be on the projector.
    values['device-link'] && origins[0]
      ? `  Dashboard on another device of yours (keep this link to yourself): ${origins[0]}/${sourceLocale}/classroom/#token=${klass.instructorToken}`
      : '  Dashboard on another device of yours: copy its link from the dashboard, or start with --device-link to print it here.',
    '',
    'The course bridge is not served to the classroom; your own course, with its bridge, stays on this computer.',
    `Class data: ${resolve(values.data)} (kept across restarts, deleted by "End class").`,
  ];
  if (origins.length === 0) lines.push('No network address found: attendees cannot reach this computer. Connect it to the room’s network and start again.');
  console.log(lines.join('\n'));
  console.log(`\nJoin card: ${joinUrl}\n${await QRCode.toString(joinUrl, { type: 'terminal', small: true })}`);
});

function stop() {
  service.close();
  server.close();
  store.close();
  course?.kill();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
