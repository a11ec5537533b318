import { createHash, randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { withConflictRetry } from '@/lib/database/conflict-retry';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { MAX_FILE_BYTES, parseBankCsv, type BankCsvLine, type BankCsvMapping, type ImportProblem } from './bank-csv';
import { suggestMatches } from './matching';
import { BULK_TRANSACTION } from './reconcile';

/**
 * Importing a bank statement. Idempotent twice over, by the database: the file's SHA-256 is
 * unique (the same file again changes nothing), and so is each line's hash (a line already
 * imported from an overlapping statement is skipped). Valid rows are imported, bad rows are
 * counted and named; a file that is not a readable CSV imports nothing.
 */

export type ImportResult =
  | {
      status: 'imported';
      importId: string;
      lineCount: number;
      duplicateLineCount: number;
      skippedRows: { rowNumber: number; error: ImportProblem }[];
      suggested: number;
    }
  | { status: 'already-imported'; importId: string; importedAt: Date }
  | { status: 'invalid'; error: ImportProblem };

export function fileHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A line's identity: its day, amount, currency and text, plus how many identical lines came
 * before it in the same file, so two genuine identical transfers on one day both count while
 * the same transfer in two overlapping statements counts once.
 */
export function lineHashes(lines: BankCsvLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const key = [line.date, line.amountMinor.toString(), line.currency, line.reference.toLowerCase()].join('\u001f');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u001f${occurrence}`).digest('hex');
  });
}

export async function importBankStatement(input: {
  actor: AuditActor;
  fileName: string | null;
  text: string;
  mapping: BankCsvMapping;
}): Promise<ImportResult> {
  if (Buffer.byteLength(input.text, 'utf8') > MAX_FILE_BYTES)
    return { status: 'invalid', error: { code: 'tooLarge', values: { max: MAX_FILE_BYTES / 1024 } } };
  const parsed = parseBankCsv(input.text, input.mapping);
  if (!parsed.ok) return { status: 'invalid', error: parsed.error };
  const lines = parsed.rows.flatMap((row) => (row.line ? [row.line] : []));
  const skippedRows = parsed.rows.flatMap((row) => (row.error ? [{ rowNumber: row.rowNumber, error: row.error }] : []));
  if (!lines.length) return { status: 'invalid', error: { code: 'nothingReadable' } };

  const hash = fileHash(input.text);
  const hashes = lineHashes(lines);
  const importId = randomUUID();

  const result = await withConflictRetry(() =>
    db.$transaction(async (tx) => {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO bank_statement_imports (id, file_hash, file_name, mapping, imported_by, row_count, line_count, skipped_row_count)
      VALUES (${importId}::uuid, ${hash}, ${input.fileName}, ${JSON.stringify(input.mapping)}::jsonb, ${input.actor.id}::uuid,
              ${parsed.rows.length}, 0, ${skippedRows.length})
      ON CONFLICT (file_hash) DO NOTHING
      RETURNING id`;
      if (!inserted.length) return null;

      const values = lines.map(
        (
          line,
          index,
        ) => Prisma.sql`(${randomUUID()}::uuid, ${importId}::uuid, ${hashes[index]}, ${line.rowNumber}, ${`${line.date}T00:00:00Z`}::timestamptz,
        ${line.amountMinor}::bigint, ${line.currency}, ${line.reference})`,
      );
      let lineIds: string[] = [];
      // Chunks keep each statement under PostgreSQL's 65,535 bind parameters.
      for (let start = 0; start < values.length; start += 1000) {
        const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO bank_lines (id, import_id, line_hash, row_number, date, amount_minor, currency, reference)
        VALUES ${Prisma.join(values.slice(start, start + 1000))}
        ON CONFLICT (line_hash) DO NOTHING
        RETURNING id`;
        lineIds = lineIds.concat(rows.map((row) => row.id));
      }
      const duplicateLineCount = lines.length - lineIds.length;
      await tx.$executeRaw`
      UPDATE bank_statement_imports SET line_count = ${lineIds.length}, duplicate_line_count = ${duplicateLineCount} WHERE id = ${importId}::uuid`;
      const suggested = await suggestMatches(lineIds, tx);
      await recordAudit(
        {
          actor: input.actor,
          action: 'bank_statement.imported',
          targetType: 'bank_statement_import',
          targetId: importId,
          detail: {
            fileName: input.fileName,
            fileHash: hash,
            rows: parsed.rows.length,
            lines: lineIds.length,
            duplicateLines: duplicateLineCount,
            skippedRows: skippedRows.length,
            suggested,
          },
        },
        tx,
      );
      return { lineCount: lineIds.length, duplicateLineCount, suggested };
      // Prisma's default of 5 s is too short for a statement of 20,000 lines on a busy machine.
    }, BULK_TRANSACTION),
  );

  if (!result) {
    const existing = await db.bankStatementImport.findUniqueOrThrow({
      where: { fileHash: hash },
      select: { id: true, importedAt: true },
    });
    await recordAudit({
      actor: input.actor,
      action: 'bank_statement.import_repeated',
      targetType: 'bank_statement_import',
      targetId: existing.id,
      detail: { fileName: input.fileName, fileHash: hash, changed: false },
    });
    return { status: 'already-imported', importId: existing.id, importedAt: existing.importedAt };
  }
  return { status: 'imported', importId, skippedRows, ...result };
}
