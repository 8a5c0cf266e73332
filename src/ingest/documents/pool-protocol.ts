/** The messages between the extraction pool (pool.ts) and its worker processes (pool-worker.ts). */
import type { ErrorCode } from '../../errors.ts';
import type { ExtractionResult } from '../../extract/types.ts';
import type { EntityView } from '../../model/entity.ts';
import type { PdfCaps, PdfText } from './pdf.ts';

export type Job =
  | { kind: 'extract'; text: string; withResolver: boolean }
  | { kind: 'pdf'; bytes: Uint8Array; where: string | null; caps: PdfCaps };

export type JobResult = { kind: 'extract'; extraction: ExtractionResult } | { kind: 'pdf'; text: PdfText };

export type ToWorker =
  | { type: 'graph'; stamp: string; entities: EntityView[] }
  | { type: 'job'; id: number; job: Job };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: JobResult }
  | { type: 'failed'; id: number; error: { code: ErrorCode; message: string; where: string | null } };
