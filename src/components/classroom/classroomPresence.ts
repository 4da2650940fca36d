/**
 * Whether this browser is in a class, read cheaply from storage; only then is the connection's code loaded
 * (the progress store, the sender), so a reader who never joins a class pays nothing for it.
 */
import { membershipFromJson, membershipKey } from '../../lib/classroomMembership';
import { safeStorage } from '../../lib/safeStorage';
import type { ClassroomConnection } from './classroomConnection';

/** The page's connection to the class, started on first call, or undefined when this browser has not joined one. */
export async function joinedClassroom(): Promise<ClassroomConnection | undefined> {
  if (!membershipFromJson(safeStorage.get(membershipKey))) return undefined;
  const { classroomConnection } = await import('./classroomConnection');
  return classroomConnection();
}
