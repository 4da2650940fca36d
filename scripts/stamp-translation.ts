/**
 * Records, in a translation's frontmatter, which English source it was translated from: the MD5 of the
 * English file and a fingerprint of each of its sections, so the site can later say which sections changed.
 * Run after translating or reviewing a lesson:
 *   npm run translation:stamp -- src/content/sessions/bg/module-08/04-cutting-edge-models.mdx
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { lessonOutline, md5 } from '../src/lib/lessonOutline.ts';

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function stamp(translationPath: string): void {
  const segments = translationPath.split('/');
  const localeIndex = segments.findIndex((segment) => segment === 'sessions') + 1;
  if (localeIndex === 0) throw new Error(`${translationPath}: expected a path under …/sessions/<locale>/.`);
  const sourcePath = [...segments.slice(0, localeIndex), 'en', ...segments.slice(localeIndex + 1)].join('/');
  const source = readFileSync(sourcePath);
  const translation = readFileSync(translationPath, 'utf8');
  const frontmatter = frontmatterPattern.exec(translation);
  if (!frontmatter) throw new Error(`${translationPath}: no frontmatter to stamp.`);

  const document = parseDocument(frontmatter[1]!);
  const today = new Date().toISOString().slice(0, 10);
  if (!document.hasIn(['translation', 'by'])) document.setIn(['translation', 'by'], 'machine');
  if (!document.hasIn(['translation', 'date'])) document.setIn(['translation', 'date'], today);
  document.setIn(['translation', 'sourceHash'], md5(source));
  document.setIn(['translation', 'sourceSections'], lessonOutline(source.toString('utf8')).sections);

  const stamped = `---\n${document.toString({ lineWidth: 0 })}---\n${translation.slice(frontmatter[0].length)}`;
  writeFileSync(translationPath, stamped);
  console.log(`${translationPath}: stamped against ${sourcePath} (${md5(source)})`);
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('Usage: npm run translation:stamp -- <translated lesson file>…');
  process.exit(1);
}
paths.forEach(stamp);
