/** What the instructor page hands the components its lesson renders: the parts with their planned minutes (see PartHeading.astro). */
import type { PlannedPart } from '../../lib/lessonParts';

declare global {
  namespace App {
    interface Locals {
      plannedParts?: readonly PlannedPart[];
    }
  }
}
