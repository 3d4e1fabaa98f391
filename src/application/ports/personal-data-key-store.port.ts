/** DI token of the personal-data key store. */
export const PERSONAL_DATA_KEY_STORE = Symbol('PERSONAL_DATA_KEY_STORE');

/** A data subject's own 256-bit key (AES-256-GCM), unwrapped. Never logged, never stored in clear. */
export type DataKey = Buffer;

/** A destroyed key leaves this behind: the subject was forgotten, when and why. */
export type Erased = 'erased';

export type KeyTombstone = Readonly<{ subjectId: string; erasedAt: string; reason: string }>;

/**
 * One key per data subject (a customer id), wrapped by the master key where it is stored. Destroying the
 * key is crypto-shredding: every event and read model that holds the subject's data in protected form
 * becomes unreadable at once, without rewriting any of them.
 */
export interface PersonalDataKeyStore {
  /** The subject's key, created on first use; `'erased'` once it was destroyed (it is never re-created). */
  getOrCreate(subjectId: string): Promise<DataKey | Erased>;
  /** Keys of many subjects in one round trip; subjects that never had a key are absent from the map. */
  getMany(subjectIds: readonly string[]): Promise<Map<string, DataKey | Erased>>;
  /**
   * Destroys the key, leaving a tombstone. Idempotent: a second call keeps the first tombstone and
   * returns it. A subject that never had a key gets a tombstone too, so it can never get one later.
   */
  destroy(subjectId: string, at: string, reason: string): Promise<KeyTombstone>;
  close(): Promise<void>;
}
