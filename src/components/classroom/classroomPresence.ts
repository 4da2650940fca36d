/**
 * Whether this browser is in a class, read cheaply from storage; only then is the rest loaded (the part
 * buttons, the progress store, the sender), so a reader who never joins a class pays one storage read.
 */
import { membershipKey } from '../../lib/classroomStorageKeys';
import { safeStorage } from '../../lib/safeStorage';
import type { ClassroomConnection } from './classroomConnection';

/** Whether anything is stored under the membership's key: the cheap first test a lesson page makes. */
export function mayHaveJoined(): boolean {
  return safeStorage.get(membershipKey) !== null;
}

/** The page's connection to the class, started on first call, or undefined when this browser has not joined one. */
export async function joinedClassroom(): Promise<ClassroomConnection | undefined> {
  if (!mayHaveJoined()) return undefined;
  const { classroomConnection } = await import('./classroomConnection');
  return classroomConnection();
}
