/**
 * The course's Content-Security-Policy, given to Astro (`security.csp`), which adds the hashes of the
 * page's own inline scripts and styles and writes it into every page's <meta>. What it allows, and why:
 * - scripts: this site's own, the inline ones by hash, and WebAssembly (`'wasm-unsafe-eval'`: ONNX Runtime
 *   in its worker, Pagefind's search); nothing from elsewhere, no eval.
 * - styles: this site's own and its inline <style> by hash; no `style` attributes (lesson code is coloured
 *   by classes, see shikiColorClasses.ts; scripts set styles through the CSSOM, which the policy allows).
 * - connect-src: this site (and its bridge), the learner's endpoints on this computer, any https
 *   service (the cloud endpoint the learner names in the hybrid router), and a classroom on the LAN at its
 *   usual port (an attendee's own copy of the course joining the instructor's class). A LAN model endpoint
 *   is reached through the bridge (COURSE_BRIDGE_ALLOW), so plain http elsewhere is not needed.
 * - images, fonts, workers, manifests: this site only; media, objects and frames: none; forms post to this
 *   site; no <base>. A tag that leaked through the answer sanitiser could load nothing from anywhere else.
 */
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { classroomPort } from './joinAddress.ts';

/** Where pages may connect: the site and bridge, loopback endpoints, https cloud services, classrooms. CSP has no syntax for IPv6 literals, so [::1] goes through the bridge. */
const connectSources = ["'self'", 'http://localhost:*', 'http://127.0.0.1:*', 'https:', `http://*:${classroomPort}`];

/** Astro's `security.csp` setting for the course. */
export const contentSecurityPolicy: Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean> = {
  algorithm: 'SHA-256',
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
  directives: [
    "default-src 'self'",
    `connect-src ${connectSources.join(' ')}`,
    "img-src 'self'",
    "font-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
  ],
};

/** The policy's source for an inline script or style, by its SHA-256 (what `Astro.csp.insertScriptHash`/`insertStyleHash` take). */
export function cspHash(inline: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(inline).digest('base64')}`;
}
