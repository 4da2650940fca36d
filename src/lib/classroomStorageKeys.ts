/** Where a class's things are kept in the browser; a module of its own so a lesson page can test for a membership without loading the code that reads one. */

/** Where the attendee's membership is kept in localStorage. */
export const membershipKey = 'edge-course:classroom';
/** Where the pre-flight page keeps its latest verdicts, for an attendee who shares them. */
export const preflightResultKey = 'edge-course:preflight';
