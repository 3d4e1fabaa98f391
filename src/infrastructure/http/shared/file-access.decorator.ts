import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const RECORDS_FILE_ACCESS = 'privacy:records-file-access';

/**
 * Marks a route that shows one record with a person's data: every answer records a `CustomerFileOpened`
 * for each person in it (who, when, which record, why) before the data leaves the server.
 */
export const RecordsFileAccess = () =>
  applyDecorators(
    SetMetadata(RECORDS_FILE_ACCESS, true),
    ApiHeader({
      name: 'X-Access-Reason',
      required: false,
      description: 'Why you open this record; kept in the access audit (GET /access-audit).',
    }),
  );
