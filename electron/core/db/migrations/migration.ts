import type { Tx } from '../connection';

/** One step of the schema: `up` runs in its own transaction with `PRAGMA user_version = version`. */
export interface Migration {
  version: number;
  name: string;
  up(tx: Tx): Promise<void>;
}
