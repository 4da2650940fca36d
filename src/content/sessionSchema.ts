/**
 * The frontmatter of a session lesson. English files describe the session; translations add where they
 * came from. Errors name the field, what was expected and what was found (Astro adds the file).
 */
import { z } from 'astro/zod';

/** The difficulty levels a session may declare, easiest first. */
export const levels = ['beginner', 'intermediate', 'advanced'] as const;

const md5Hex = z.string().regex(/^[0-9a-f]{32}$/i, 'expected the 32-character hex MD5 of the English source file');

/**
 * The minutes planned for each part (`##` section) of a lesson, in the order of its headings. Optional; when
 * present they must add up to `duration` (checked here) and match the headings one to one (checked against
 * the body by `partMinutes` in src/lib/lessonParts.ts). A part may take 0 minutes (reading left for later).
 */
const partsSchema = z.array(z.strictObject({ minutes: z.number().int().nonnegative().describe('minutes') })).min(1);

function partsAddUpToDuration({ parts, duration }: { parts?: { minutes: number }[] | undefined; duration: number }, context: z.RefinementCtx): void {
  if (!parts) return;
  const planned = parts.reduce((sum, { minutes }) => sum + minutes, 0);
  if (planned !== duration)
    context.addIssue({
      code: 'custom',
      path: ['parts'],
      message: `the parts' minutes (${parts.map(({ minutes }) => minutes).join(' + ')}) add up to ${planned}, but duration is ${duration}: make them agree`,
    });
}

/** Zod schema of a lesson's frontmatter; `translation` is present only in translated files and says by whom, when, from which source and who reviewed it. */
export const sessionSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  module: z.number().int().positive(),
  session: z.number().int().positive(),
  duration: z.number().int().positive().describe('minutes'),
  level: z.enum(levels),
  objectives: z.array(z.string().min(1)).min(1),
  parts: partsSchema.optional(),
  translation: z
    .object({
      by: z.enum(['machine', 'human']),
      date: z.coerce.date(),
      sourceHash: md5Hex.optional(),
      sourceSections: z.array(z.object({ heading: z.string(), hash: md5Hex })).optional(),
      /** A person who read the translation against the English and vouches for it, and when. */
      reviewed: z.object({ by: z.string().min(1), date: z.coerce.date() }).optional(),
    })
    .optional(),
}).superRefine(partsAddUpToDuration);

/** A lesson's frontmatter once validated by `sessionSchema`. */
export type SessionFrontmatter = z.infer<typeof sessionSchema>;
