/* cd-blacklist-csv-private.h — the CSV reader (cd-blacklist-csv-reader.c), shared with
 * cd-blacklist-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-blacklist-entry.h"

G_BEGIN_DECLS

/* The columns, in the order of CD_BLACKLIST_CSV_HEADER. */
enum
{
  COL_UID,
  COL_PLATFORM,
  COL_BUYER_ID,
  COL_NICKNAME,
  COL_PHONE,
  COL_NAME,
  COL_REASON,
  COL_EVIDENCE,
  COL_CASE_UIDS,
  COL_ADDED_AT,
  COL_ACTIVE,
  N_COLUMNS
};

extern const char *const cd_blacklist_csv_column_names[N_COLUMNS];

typedef struct
{
  const char *p;
  const char *end;
  guint       line;   /* of p, from 1 */
} CdCsvParser;

typedef enum
{
  CD_CSV_RECORD_ERROR,
  CD_CSV_RECORD_READ,
  CD_CSV_RECORD_END,
} CdCsvRecordResult;

/* What the header row said, and what the rows share. */
typedef struct
{
  int         column_of[N_COLUMNS];  /* field index, or -1 when the file lacks the column */
  guint       n_fields;
  gint64      now;                   /* added_at for rows without one */
  GHashTable *uid_lines;             /* uid → line of its row */
} CdCsvTable;

CdCsvRecordResult cd_blacklist_csv_read_record      (CdCsvParser  *parser,
                                                     GPtrArray    *fields,
                                                     guint        *line,
                                                     GError      **error);
gboolean          cd_blacklist_csv_read_header      (CdCsvTable   *table,
                                                     GPtrArray    *fields,
                                                     guint         line,
                                                     GError      **error);
CdBlacklistEntry *cd_blacklist_csv_read_row         (CdCsvTable   *table,
                                                     GPtrArray    *fields,
                                                     guint         line,
                                                     GError      **error);

G_END_DECLS
