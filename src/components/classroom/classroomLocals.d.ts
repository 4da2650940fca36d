/** What a learner's lesson page hands its part headings: the lesson and its parts' ids in order (see LessonPartHeading.astro). */
declare global {
  namespace App {
    interface Locals {
      classroomParts?: { lesson: string; ids: readonly string[] };
    }
  }
}

export {};
