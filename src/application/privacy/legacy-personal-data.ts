import type { PersonalDataDeclaration } from '../../domain/shared/personal-data';
import { valueAt, withValueAt } from './object-paths';
import { isProtectedString, markLegacy } from './protected-value';

/**
 * The upcaster of an event written before its personal data was protected: each clear value becomes a
 * legacy marker naming its subject, so the reveal step can hide it once that subject is forgotten, and
 * the EventEncoder encrypts it if a decider copies it into a new event. The stored event keeps its clear
 * value (events are never rewritten): see "Limits" in docs/privacy.md.
 */
export const markLegacyPersonalData = (
  data: Readonly<Record<string, unknown>>,
  declaration: PersonalDataDeclaration,
): Record<string, unknown> => {
  const subjectId = valueAt(data, declaration.subject);
  if (typeof subjectId !== 'string' || subjectId === '') return { ...data };
  let marked: Record<string, unknown> = { ...data };
  for (const [path, kind] of Object.entries(declaration.fields)) {
    const value = valueAt(marked, path);
    if (typeof value === 'string' && !isProtectedString(value))
      marked = withValueAt(marked, path, markLegacy(kind, subjectId, value));
  }
  return marked;
};
