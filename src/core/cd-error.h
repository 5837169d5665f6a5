/* cd-error.h — the CD_ERROR domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_ERROR (cd_error_quark ())

typedef enum
{
  CD_ERROR_DATABASE,       /* SQLite said no; the message carries sqlite3_errmsg */
  CD_ERROR_NOT_FOUND,
  CD_ERROR_INVALID,        /* a value is not acceptable; the message names the field */
  CD_ERROR_CONFLICT,
  CD_ERROR_IMPORT,         /* the file as a whole cannot be read */
  CD_ERROR_SCHEMA_TOO_NEW,
  CD_ERROR_CORRUPT,        /* SQLITE_CORRUPT / SQLITE_NOTADB */
  CD_ERROR_BUSY,           /* another process holds the database */
  CD_ERROR_READ_ONLY,
  CD_ERROR_FULL,           /* the disk is full */
  CD_ERROR_IO,
} CdError;

GQuark cd_error_quark (void);

G_END_DECLS
