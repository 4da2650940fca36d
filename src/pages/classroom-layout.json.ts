/** The keys of every part, task and quiz of the course, for the classroom service (`npm run classroom`) to count and export. */
import type { APIRoute } from 'astro';
import { dashboardLessons, layoutOf } from '../lib/classroomLayout';
import { sourceLocale } from '../lib/locales';

/** Built with the course: the layout changes only when the lessons do. */
export const prerender = true;

/** Answers the layout as JSON. */
export const GET: APIRoute = async () => new Response(JSON.stringify(layoutOf(await dashboardLessons(sourceLocale))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
